"""Numbers and stars as people read them: Dutch decimal comma, ★★★☆☆. No imports, no I/O."""

from __future__ import annotations

import re


def number(value: float, digits: int = 1, *, trim: bool = False) -> str:
    """Return ``value`` with a decimal comma; ``trim`` drops trailing zeros (2,50 → 2,5)."""
    text = f"{value:.{digits}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def format_score(value: float | None) -> str:
    """Return a score with one decimal, or 'n.v.t.' when there is none."""
    return "n.v.t." if value is None else number(value)


def stars(value: float, *, width: int = 5) -> str:
    """Return a star bar (★★★☆☆) for a score from 1 to 5, rounded to whole stars."""
    full = max(0, min(width, round(value)))
    return "★" * full + "☆" * (width - full)


# Control characters (C0, DEL, C1) and the invisible bidirectional overrides: never shown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]+")
_MARKDOWN = re.compile(r"([\\`*_{}\[\]<>#!|~&])")
_AUTOLINK = re.compile(r"(?i):(?=//)|(?<=\bwww)\.")  # the ':' of '://' and the '.' of 'www.'


def clean(text: str) -> str:
    """Return text as typed, but on one line and without control characters."""
    return _CONTROL.sub(" ", text).strip() if _CONTROL.search(text) else text


def md(text: str) -> str:
    """Return text for Markdown that can never become markup, a link, an image or HTML."""
    escaped = _MARKDOWN.sub(r"\\\1", clean(text))
    return _AUTOLINK.sub(lambda m: "\\" + m.group(0), escaped)
