"""Report speed: ``asmo report`` with the default formats (rapport.pdf, radar.png, rapport.md,
scores.json) against a bare typer command that draws one eight-axis polar figure and writes
a small Markdown and JSON file (no PDF: the ratio shows what the PDF costs).

Run: .venv/bin/python bench/report.py [runs]
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from common import ASMO, BASE, compare

ANSWERS = """\
name: Bench
ratings:
  correspondentie: {brieven-adviezen-concipieren: 4, communiques-schrijven: 3}
  archief: {archief-beheren: 5}
  overlegvergaderingen: {agenda-opstellen: 4, notuleren: 5}
  scholing: {scholingsplan-opstellen: 2}
"""


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        os.environ["ASMO_HOME"] = str(home / "home")
        answers = home / "answers.yaml"
        answers.write_text(ANSWERS, encoding="utf-8")
        subprocess.run(
            [*ASMO, "assess", "--answers", str(answers)], check=True, capture_output=True
        )
        ok = compare(
            "asmo report (pdf,png,md,json)",
            [*ASMO, "report", "--out", str(home / "a")],
            [*BASE, "draw", "--out", str(home / "b")],
            1.30,
            runs,
        )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
