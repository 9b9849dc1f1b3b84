"""Numbers and stars as people read them: Dutch decimal comma, ★★★☆☆. No imports, no I/O."""

from __future__ import annotations


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
