"""Fast commands stay fast: --help and roles never import the heavy libraries."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("matplotlib", "questionary", "prompt_toolkit", "numpy", "fpdf")
PROBE = """
import json, runpy, sys
sys.argv = ["asmo", *sys.argv[1:]]
try:
    runpy.run_module("asmo_cli", run_name="__main__")
except SystemExit:
    pass
print(json.dumps(sorted(m for m in {heavy!r} if m in sys.modules)), file=sys.stderr)
"""


def _loaded(*args: str, heavy: tuple[str, ...]) -> list[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=heavy), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    loaded: list[str] = json.loads(result.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize("args", [("--help",), ("-h",), ("roles",), ("roles", "kenner")])
def test_no_heavy_imports(args: tuple[str, ...]) -> None:
    assert _loaded(*args, heavy=HEAVY) == []


def test_help_does_not_import_pydantic() -> None:
    assert _loaded("--help", heavy=("pydantic",)) == []
