"""The examples under docs/ are what asmo makes today (``python3 dev.py docs`` renews them)."""

from __future__ import annotations

from pathlib import Path

from tools.examples import ROOT, TEXT_SUFFIXES, generate


def test_checked_in_examples_are_current(tmp_path: Path) -> None:
    """Markdown and JSON byte for byte; PNGs are made too but not compared (library bytes)."""
    written = generate(tmp_path, tmp_path / "home")
    texts = [p for p in written if p.suffix in TEXT_SUFFIXES]
    assert len(texts) >= 6
    stale = [
        str(p.relative_to(tmp_path))
        for p in texts
        if (ROOT / p.relative_to(tmp_path)).read_bytes() != p.read_bytes()
    ]
    assert not stale, f"run 'python3 dev.py docs' and commit: {stale}"
    for image in (p for p in written if p.suffix == ".png"):
        assert (ROOT / image.relative_to(tmp_path)).is_file()
