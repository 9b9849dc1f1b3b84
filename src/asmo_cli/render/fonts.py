"""The fonts of asmo's PDFs: matplotlib's DejaVu Sans, which has every Dutch letter and ★."""

from __future__ import annotations

from pathlib import Path

FONT = "DejaVu"
MISSING = "□"  # shown for a character DejaVu Sans does not have


def font_folder() -> Path:
    """matplotlib's DejaVu fonts, found without importing matplotlib (that costs 0,2 s)."""
    from importlib.util import find_spec

    spec = find_spec("matplotlib")
    assert spec is not None and spec.submodule_search_locations, "matplotlib is a dependency"
    return Path(spec.submodule_search_locations[0]) / "mpl-data" / "fonts" / "ttf"
