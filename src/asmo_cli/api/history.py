"""The progress chart of ``asmo history --plot``: one person's role scores over time."""

from __future__ import annotations

from pathlib import Path

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError, RecordError
from asmo_cli.core.record import one_person
from asmo_cli.core.result import compute_result
from asmo_cli.core.text import program
from asmo_cli.render.charts import draw_history, progress_title
from asmo_cli.storage.files import check_path_length
from asmo_cli.storage.owned import OwnedWriter
from asmo_cli.storage.paths import settle_matplotlib_dir
from asmo_cli.storage.store import Listing

CHART_SUFFIXES = (".png", ".svg", ".pdf")


def check_plot_path(path: Path) -> None:
    """Refuse a file name for the chart that is not .png, .svg or .pdf (before any work)."""
    if path.suffix.lower() not in CHART_SUFFIXES:
        raise AsmoError(f"{path}: kies een bestandsnaam die eindigt op .png, .svg of .pdf")


def plot_history(
    catalogue: Catalogue, listing: Listing, path: Path, name: str | None = None
) -> Path:
    """Draw one person's complete records' role scores over time to ``path`` (``name``, else
    the person of the newest complete record)."""
    check_plot_path(path)
    settle_matplotlib_dir()
    writer = OwnedWriter(None)  # a chart over several records belongs to none of them
    writer.check([path])
    if not listing.complete():
        raise RecordError(
            f"er is nog geen afgeronde meting om te tekenen; begin met '{program()} assess'"
        )
    _, complete = one_person(listing.records, name)
    if not complete:
        names = sorted({r.name or "zonder naam" for r in listing.complete()})
        raise RecordError(
            f"er is geen afgeronde meting van '{name}'; metingen zijn er van: {', '.join(names)}"
        )
    results = [compute_result(catalogue, r) for r in complete]
    # a score with too little data behind it is left out, as on the radar's outline
    values = [[r.score if r.enough_data else None for r in s.scores.roles] for s in results]
    # ... and drawn as an open point, explained beside the chart
    thin = [[r.score if not r.enough_data else None for r in s.scores.roles] for s in results]
    names = [r.name for r in catalogue.roles]
    check_path_length(path, "bestandspad")
    title = progress_title([r.name for r in complete])  # single spaces, her usual spelling
    image = draw_history(
        [r.created for r in complete], names, values, path.suffix.lower()[1:], title, thin=thin
    )
    writer.write_all([(path, image)])
    return path
