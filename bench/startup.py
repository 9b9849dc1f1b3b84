"""Startup speed: ``asmo --help`` and ``asmo roles`` against a bare typer app of the same shape.

Run: .venv/bin/python bench/startup.py [runs]
"""

from __future__ import annotations

import sys

from common import ASMO, BASE, compare


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    results = [
        compare("asmo --help", [*ASMO, "--help"], [*BASE, "--help"], 1.15, runs),
        compare("asmo roles", [*ASMO, "roles"], [*BASE, "table"], 1.20, runs),
    ]
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
