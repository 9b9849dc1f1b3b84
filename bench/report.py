"""Report speed: ``asmo report`` of the shipped example (docs/voorbeeld-antwoorden.yaml) with
the default formats, so with its hours document too (rapport.pdf, radar.png, rapport.md,
scores.json, tijdsbesteding.pdf/.png/.md), in one process, against a bare typer command that
draws a polar and a bar chart and writes a small Markdown and JSON file (no PDF: the ratio
shows what the documents cost).

Run: .venv/bin/python bench/report.py [runs]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ASMO, BASE, compare

EXAMPLE = Path(__file__).resolve().parents[1] / "docs" / "voorbeeld-antwoorden.yaml"


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["ASMO_HOME"] = str(home / "home")
        subprocess.run(
            [*ASMO, "assess", "--answers", str(EXAMPLE)], check=True, capture_output=True
        )
        ok = compare(
            "asmo report + uren (voorbeeld)",
            [*ASMO, "report", "--out", str(home / "a")],
            [*BASE, "draw", "--out", str(home / "b")],
            1.30,
            runs,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
