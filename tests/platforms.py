"""What a test needs of the system it runs on: marks that skip it (with the reason) where the
system lacks it, and paths that differ between systems.

On Linux every mark here lets its test run; they only skip on Windows or macOS, where the thing
the test needs does not exist. Where a test mostly works everywhere and only one assertion needs
POSIX (a file's 0600 mode), that assertion is guarded with ``if not WINDOWS:`` instead.
"""

from __future__ import annotations

import os
import shutil
import sys
import sysconfig
from pathlib import Path

import pytest

WINDOWS = sys.platform == "win32"
LINUX = sys.platform.startswith("linux")

needs_pty = pytest.mark.skipif(
    WINDOWS, reason="needs a pseudo-terminal (pexpect.spawn); Windows has none"
)
posix_modes = pytest.mark.skipif(
    WINDOWS,
    reason="Windows has no 0600/0700 modes; the user's profile folder protects the files there",
)
posix_permissions = pytest.mark.skipif(
    WINDOWS,
    reason="makes a folder unreadable with chmod, as another user; Windows has no such modes "
    "(a chmod there only sets the read-only flag)",
)
needs_symlinks = pytest.mark.skipif(
    WINDOWS, reason="a symbolic link on Windows needs administrator rights or developer mode"
)
needs_fifo = pytest.mark.skipif(
    not hasattr(os, "mkfifo"), reason="needs a named pipe (os.mkfifo); Windows has none"
)
needs_preexec = pytest.mark.skipif(
    WINDOWS,
    reason="changes the child process before it starts (preexec_fn); Windows has no fork",
)
needs_file_size_limit = pytest.mark.skipif(
    WINDOWS, reason="needs a file size limit for the child (ulimit -f); Windows has none"
)
needs_memory_limit = pytest.mark.skipif(
    not LINUX,
    reason="caps the child's address space (RLIMIT_AS), which only Linux lets a process do "
    "(macOS refuses it, Windows has no /dev/zero); uncapped, a reader that never stops could "
    "eat the machine's memory",
)
needs_bash = pytest.mark.skipif(
    shutil.which("bash") is None, reason="runs the printed commands in bash"
)


def venv_script(venv: Path, name: str) -> Path:
    """The path of a console script (or ``python``) in the virtual environment ``venv``:
    ``bin/NAME`` on Linux and macOS, ``Scripts\\NAME.exe`` on Windows."""
    scripts = sysconfig.get_path("scripts", "venv", vars={"base": str(venv), "platbase": str(venv)})
    return Path(scripts, name + (".exe" if WINDOWS else ""))
