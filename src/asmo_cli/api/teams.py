"""``asmo team``: read the members, aggregate, and write team.md, team.png and team.json."""

from __future__ import annotations

from pathlib import Path

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.clock import now
from asmo_cli.core.team import MIN_MEMBERS, Collected, RoleSummary, members_text, summarise
from asmo_cli.render.pdf_docs import TeamChart, render_team_pdf
from asmo_cli.render.radar import draw_radar
from asmo_cli.render.radar_geometry import TEAM, TOO_FEW, Series
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
    today = now()
    chart = out / "team.png"
    shape = team_chart(summaries, count)
    labels, series, band, reasons = shape
    (image,) = draw_radar(
        labels,
        series,
        f"Teamprofiel bureau medezeggenschap\n{members_text(count)} — {today:%d-%m-%Y}",
        ["png"],
        band,
        reasons,
    )
    document = out / "team.pdf"
    pdf = render_team_pdf(catalogue, found, shape, with_names=with_names, today=today)
    markdown = render_team_markdown(catalogue, found, with_names=with_names, today=today)
    items: list[tuple[Path, bytes | str]] = [
        (document, pdf),
        (out / "team.md", markdown),
        (chart, image),
        (out / "team.json", render_team_json(catalogue, found, with_names=with_names)),
    ]
    return writer.write_all(items)


def team_chart(summaries: list[RoleSummary], count: int) -> TeamChart:
    """The team radar's axes, its mean outline, its band and the reasons under its axes: a
    role that fewer than MIN_MEMBERS members scored has no point (None), so the outline is
    broken there and no member's score can be read off it; its axis says "te weinig leden"
    (also where no member has enough data: that is fewer than three too)."""
    mean = Series(f"teamgemiddelde ({members_text(count)})", [s.mean for s in summaries], TEAM)
    band = None
    if count >= MIN_MEMBERS:
        band = ([s.low for s in summaries], [s.high for s in summaries], "laagste tot hoogste")
    reasons: list[tuple[str, ...]] = [TOO_FEW if s.too_few else () for s in summaries]
    return [s.name for s in summaries], [mean], band, reasons
