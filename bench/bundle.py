"""Start-up of the one-folder program (``python3 dev.py bundle``) beside the installed asmo.

Run: .venv/bin/python bench/bundle.py [runs] [folder]   (folder: default dist/asmo)

Both run ``asmo --version``, ``asmo --help`` and ``asmo roles`` interleaved in the same run;
the ratio is the bundle's time over the installed one's (no limit: it is stated in
CONTRIBUTING, not enforced).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from common import ASMO, median_seconds

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    folder = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "dist" / "asmo"
    program = folder / ("asmo.exe" if os.name == "nt" else "asmo")
    if not program.is_file():
        print(f"Geen bundel in {folder}: maak die eerst met python3 dev.py bundle.")
        return 1
    env = dict(os.environ, COLUMNS="100", NO_COLOR="1")
    for args in (["--version"], ["--help"], ["roles"]):
        bundle_times, installed_times = [], []
        for _ in range(3):  # interleaved, so that machine load hits both alike
            installed_times.append(median_seconds([*ASMO, *args], runs, env))
            bundle_times.append(median_seconds([str(program), *args], runs, env))
        bundle_s, installed_s = min(bundle_times), min(installed_times)
        print(
            f"asmo {' '.join(args):<12} bundel {bundle_s * 1000:7.1f} ms  "
            f"geïnstalleerd {installed_s * 1000:7.1f} ms  verhouding {bundle_s / installed_s:4.2f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
