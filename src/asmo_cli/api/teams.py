"""``asmo team``: read the members, aggregate, and write team.md, team.png and team.json."""

from __future__ import annotations

from pathlib import Path

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.clock import now
from asmo_cli.core.team import MIN_FOR_BAND, Collected, members_text, summarise
from asmo_cli.render.pdf_docs import render_team_pdf
from asmo_cli.render.radar import draw_radar
from asmo_cli.render.radar_geometry import TEAM, Series
from asmo_cli.render.team import render_team_json, render_team_markdown
from asmo_cli.storage.files import check_path_length
from asmo_cli.storage.members import collect
from asmo_cli.storage.owned import OwnedWriter
from asmo_cli.storage.paths import settle_matplotlib_dir

TEAM_FILES = ("team.pdf", "team.md", "team.png", "team.json")

__all__ = ["collect", "members_text", "write_team"]


def write_team(
    catalogue: Catalogue, found: Collected, out: Path, *, with_names: bool
) -> list[Path]:
    """Write team.pdf, team.md, team.png and team.json into ``out`` (never over a file that
    asmo did not write)."""
    check_path_length(out, "pad")
    settle_matplotlib_dir()
    writer = OwnedWriter(None)  # a team's files belong to no one record
    targets = [out / name for name in TEAM_FILES]
    writer.check(targets)
    summaries = summarise(catalogue, found.members)
    count = len(found.members)
    mean = Series(f"teamgemiddelde ({members_text(count)})", [s.mean for s in summaries], TEAM)
    band = None
    if count >= MIN_FOR_BAND:
        band = ([s.low for s in summaries], [s.high for s in summaries], "laagste tot hoogste")
    today = now()
    chart = out / "team.png"
    (image,) = draw_radar(
        [s.name for s in summaries],
        [mean],
        f"Teamprofiel bureau medezeggenschap\n{members_text(count)} — {today:%d-%m-%Y}",
        ["png"],
        band,
    )
    document = out / "team.pdf"
    pdf = render_team_pdf(catalogue, found, image, with_names=with_names, today=today)
    markdown = render_team_markdown(catalogue, found, with_names=with_names, today=today)
    items: list[tuple[Path, bytes | str]] = [
        (document, pdf),
        (out / "team.md", markdown),
        (chart, image),
        (out / "team.json", render_team_json(catalogue, found, with_names=with_names)),
    ]
    return writer.write_all(items)
