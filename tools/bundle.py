"""Build asmo as one folder that runs without Python (PyInstaller, ``--onedir``).

python3 dev.py bundle    builds dist/asmo/ (with asmo or asmo.exe in it) on this system

One folder, not one file: a one-file program unpacks itself into a temporary folder on every
start (slow) and trips virus scanners. The folder holds its own Python, asmo, the catalogue
(``data/``), matplotlib's DejaVu fonts (for the charts and the PDFs), the feedback page's
script and style, and on Windows a version resource (file properties show name and
version). PyInstaller builds for the system it runs on: build on Windows for Windows, on a
Mac for macOS.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NAME = "asmo"

VERSION_FILE = """\
VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}),
  kids=[
    StringFileInfo([StringTable('041304B0', [
      StringStruct('CompanyName', 'asmo'),
      StringStruct('FileDescription', 'asmo: zelfassessment voor ambtelijk secretarissen'),
      StringStruct('FileVersion', '{version}'),
      StringStruct('InternalName', 'asmo'),
      StringStruct('OriginalFilename', 'asmo.exe'),
      StringStruct('ProductName', 'asmo'),
      StringStruct('ProductVersion', '{version}')])]),
    VarFileInfo([VarStruct('Translation', [0x0413, 1200])])
  ]
)
"""


def version() -> str:
    text = (ROOT / "src" / "asmo_cli" / "__init__.py").read_text(encoding="utf-8")
    line = next(x for x in text.splitlines() if x.startswith("__version__"))
    return line.split("=", 1)[1].strip().strip("\"'")


def version_resource(folder: Path) -> Path:
    """The Windows version resource (PyInstaller ignores it on other systems)."""
    current = version()
    numbers = tuple([*(int(p) for p in current.split(".")[:3] if p.isdigit()), 0, 0, 0, 0][:4])
    path = folder / "version.txt"
    path.write_text(VERSION_FILE.format(numbers=numbers, version=current), encoding="utf-8")
    return path


def build(dist: Path) -> Path:
    """Build the folder ``dist/asmo`` and return the program in it."""
    import PyInstaller.__main__

    with tempfile.TemporaryDirectory(prefix="asmo-bundle-") as work:
        args = [
            str(ROOT / "src" / "asmo_cli" / "__main__.py"),
            "--onedir",
            "--name",
            NAME,
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--console",
            "--distpath",
            str(dist),
            "--workpath",
            str(Path(work) / "build"),
            "--specpath",
            work,
            "--paths",
            str(ROOT / "src"),
            "--add-data",
            f"{ROOT / 'data'}{os.pathsep}asmo_cli/data",  # source;dest on Windows, else :
            "--collect-data",
            "asmo_cli",
            "--collect-submodules",
            "asmo_cli",
            "--version-file",
            str(version_resource(Path(work))),
            # not needed by asmo; left out to keep the folder small
            "--exclude-module",
            "tkinter",
            "--exclude-module",
            "pytest",
        ]
        PyInstaller.__main__.run(args)
    program = dist / NAME / (f"{NAME}.exe" if os.name == "nt" else NAME)
    if not program.is_file():
        sys.exit(f"De bundel is niet gemaakt: {program} ontbreekt.")
    return program


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description="asmo als map met een eigen Python bouwen")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="doelmap")
    args = parser.parse_args(argv)
    target = args.dist / NAME
    if target.exists():
        shutil.rmtree(target)
    program = build(args.dist)
    size = sum(p.stat().st_size for p in target.rglob("*") if p.is_file()) / 1_000_000
    print(f"Klaar: {program} ({size:.0f} MB in {target}).")
    print(f"Start het zo: {program} assess")


if __name__ == "__main__":
    main(sys.argv[1:])
