"""Standard streams that never crash asmo: closed ones, and terminals that cannot show Dutch.

- A closed stdin, stdout or stderr (``asmo assess <&-``) becomes the null device: asmo then
  sees no terminal and says what to do instead, in Dutch, where it can.
- A terminal that cannot move its cursor (``TERM=dumb``) is told apart (``has_cursor_control``):
  the questions are then asked as plain numbered lines.
- An output that cannot carry every character (``PYTHONIOENCODING=ascii``, ``LC_ALL=C`` with
  ``PYTHONUTF8=0``, a latin-1 console) gets a readable stand-in for what it lacks (ë becomes e,
  ★ becomes *, – becomes -), and asmo says so once, on stderr.
"""

from __future__ import annotations

import codecs
import contextlib
import io
import os
import sys
import unicodedata
from pathlib import Path
from typing import TextIO

ERRORS = "asmo-plain"
NOTICE = (  # ASCII only: it must come through any encoding as written
    "Let op: dit venster kan niet alle tekens tonen; asmo toont ze zo goed als het gaat "
    "(letters zonder accent, sterren als *).\n"
)
SAMPLE = "ëé★☆–—…“”‘’□×€"
_STAND_INS = {
    "★": "*",
    "☆": ".",
    "–": "-",
    "—": "-",
    "…": "...",
    "“": '"',
    "”": '"',
    "„": '"',
    "‘": "'",
    "’": "'",
    "□": "?",
    "×": "x",
    "€": "EUR",
    "•": "*",
    "·": "-",
    "│": "|",
    "─": "-",
}


def plain(text: str) -> str:
    """A stand-in for text an encoding lacks: accents dropped, signs as ASCII, else '?'."""
    out: list[str] = []
    for char in text:
        if char in _STAND_INS:
            out.append(_STAND_INS[char])
            continue
        base = "".join(
            c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c)
        )
        out.append(base if base and base.isascii() else "?")
    return "".join(out)


def _replace(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    return plain(error.object[error.start : error.end]), error.end


def _can_carry(stream: TextIO) -> bool:
    try:
        codecs.encode(SAMPLE, stream.encoding or "ascii")
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def _opened(fd: int) -> bool:
    try:
        os.fstat(fd)
    except OSError:
        return False
    return True


def prepare_streams() -> None:
    """Make stdin, stdout and stderr safe to use; call once, before any output."""
    codecs.register_error(ERRORS, _replace)
    for name, fd, mode in (("stdin", 0, "r"), ("stdout", 1, "w"), ("stderr", 2, "w")):
        stream = getattr(sys, name)
        if stream is None or not _opened(fd):
            with contextlib.suppress(OSError):
                setattr(sys, name, Path(os.devnull).open(mode, encoding="utf-8"))  # noqa: SIM115
    lacking = False
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _can_carry(stream):
            lacking = True
            with contextlib.suppress(ValueError, OSError):
                stream.reconfigure(errors=ERRORS)
    if lacking:
        with contextlib.suppress(OSError, ValueError):
            sys.stderr.write(NOTICE)


DUMB_TERMINALS = ("dumb", "unknown")  # prompt_toolkit's and rich's own list


def has_cursor_control() -> bool:
    """True when the terminal can move the cursor, so that a question can redraw itself.

    ``TERM=dumb`` (Emacs' shell, some editors' consoles) or no ``TERM`` at all outside
    Windows (whose console needs none) cannot: there asmo asks plain numbered questions.
    """
    term = os.environ.get("TERM", "").strip().lower()
    if not term:
        return sys.platform == "win32"
    return term not in DUMB_TERMINALS
