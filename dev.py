"""Inrichten en starten in één stap, op elke computer met Python 3.11 of nieuwer en pip.
(Op Windows: typ py in plaats van python3.)

python3 dev.py run      asmo in .venv installeren (de eerste keer) en de zelfassessment starten
python3 dev.py test     asmo met de testhulpmiddelen installeren; ruff, mypy en pytest draaien
python3 dev.py bench    de snelheidsmetingen in bench/ draaien
python3 dev.py docs     de voorbeelden in docs/ opnieuw maken (tools/examples.py)
python3 dev.py bundle   asmo als map met een eigen Python bouwen, in dist/asmo (PyInstaller)
python3 dev.py asmo ... elk asmo-commando vanuit .venv, bijvoorbeeld: python3 dev.py asmo roles
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".asmo-installed"
# the bundle is built from a venv of its own with only what asmo needs (no test tools in it)
BUNDLE_VENV = ROOT / "build" / "bundle-venv"
PYINSTALLER = "pyinstaller>=6.10,<7"


# how a person starts this script here: Windows has the launcher py (python3 is often
# missing there, or the Microsoft Store's stand-in)
LAUNCHER = "py" if os.name == "nt" else "python3"


def _python() -> Path:
    return BIN / ("python.exe" if os.name == "nt" else "python")


def _script(name: str) -> Path:
    return BIN / (f"{name}.exe" if os.name == "nt" else name)


def _run(*args: str | Path, cwd: Path = ROOT) -> None:
    # the commands asmo suggests must work as printed in this shell, where a plain 'asmo' is
    # not on the PATH: asmo names itself this way in its hints
    env = dict(os.environ, ASMO_PROG=f"{LAUNCHER} dev.py asmo")
    done = subprocess.run([str(a) for a in args], cwd=cwd, check=False, env=env)
    if done.returncode:
        sys.exit(done.returncode)


def ensure_venv(*, dev: bool) -> None:
    """Create .venv and install asmo when pyproject.toml changed; with ``dev`` also the test
    tools (ruff, mypy, pytest, ...), which running asmo does not need."""
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    have = STAMP.read_text().split() if STAMP.is_file() else []
    if have[:1] == [wanted] and (not dev or "dev" in have) and _python().exists():
        return
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under any python3
        sys.exit("asmo heeft Python 3.11 of nieuwer nodig.")
    if not _python().exists():
        print("Eenmalig: een eigen Python-omgeving maken in .venv ...", flush=True)
        venv.create(VENV, with_pip=True)
    what = "asmo met de testhulpmiddelen" if dev else "asmo en wat het nodig heeft"
    print(f"{what} installeren (dat duurt even) ...", flush=True)
    _run(_python(), "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    _run(_python(), "-m", "pip", "install", "--quiet", "-e", ".[dev]" if dev else ".")
    STAMP.write_text(f"{wanted} dev" if dev else wanted)


def bundle(argv: list[str]) -> None:
    """Build dist/asmo from a clean venv: asmo as a wheel would install it, and PyInstaller."""
    if sys.version_info < (3, 11):  # noqa: UP036 - dev.py runs under any python3
        sys.exit("asmo heeft Python 3.11 of nieuwer nodig.")
    scripts = BUNDLE_VENV / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    if not python.exists():
        print("Eenmalig: een Python-omgeving voor de bundel maken in build/ ...", flush=True)
        venv.create(BUNDLE_VENV, with_pip=True)
    print("asmo en PyInstaller in die omgeving installeren ...", flush=True)
    _run(python, "-m", "pip", "install", "--quiet", "--upgrade", ".", PYINSTALLER)
    _run(python, "tools/bundle.py", *argv)


def main(argv: list[str]) -> None:
    command = argv[0] if argv else "run"
    if command in ("-h", "--help", "help"):
        print(__doc__)
        return
    if command == "bundle":
        bundle(argv[1:])
        return
    if command not in ("run", "asmo", "test", "docs", "bench"):
        sys.exit(f"Onbekend: {command}. Kies run, test, docs, bench, bundle of asmo.")
    ensure_venv(dev=command in ("test", "docs", "bench"))
    if command == "run":
        _run(_script("asmo"), "assess", *argv[1:], cwd=Path.cwd())
    elif command == "asmo":  # her own folder: a file name she types is the one she sees there
        _run(_script("asmo"), *argv[1:], cwd=Path.cwd())
    elif command == "test":
        _run(_script("ruff"), "check", ".")
        _run(_script("ruff"), "format", "--check", ".")
        _run(_script("mypy"))
        _run(_script("pytest"), "-n", "auto", *argv[1:])
    elif command == "docs":
        _run(_python(), "tools/examples.py")
    else:
        _run(_python(), "bench/startup.py")
        _run(_python(), "bench/report.py")
        _run(_python(), "bench/team.py")


if __name__ == "__main__":
    main(sys.argv[1:])
