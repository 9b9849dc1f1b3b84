"""The fonts of asmo's PDFs: matplotlib's DejaVu Sans, which has every Dutch letter and ★."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

FONT = "DejaVu"
MISSING = "□"  # shown for a character DejaVu Sans does not have


def font_folder() -> Path:
    """matplotlib's DejaVu fonts, found without importing matplotlib (that costs 0,2 s)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations, "matplotlib is a dependency"
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"


@lru_cache(maxsize=1)
def known_characters() -> frozenset[int]:
    """The code points DejaVu Sans can draw (read once from the font file, with fontTools,
    which matplotlib brings)."""
    from fontTools.ttLib import TTFont

    font = TTFont(str(font_folder() / "DejaVuSans.ttf"), lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def drawable(text: str) -> str:
    """``text`` with every character DejaVu Sans lacks (Chinese, an emoji) shown as □, so a
    chart never silently drops a letter (nor prints matplotlib's English warning)."""
    known = known_characters()
    return "".join(c if ord(c) in known or c in "\n\t" else MISSING for c in text)
