"""``asmo history``: every record, and the role scores over time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.base import (
    DataDir,
    catalogue_from,
    console_for,
    say,
)


def history(
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            metavar="BESTAND",
            help="Teken de scores door de tijd naar een PNG-, SVG- of PDF-bestand.",
            dir_okay=False,
        ),
    ] = None,
    name: Annotated[
        str | None,
        typer.Option(
            "--name",
            metavar="NAAM",
            help="Toon de scores (en --plot) van deze persoon; standaard die van de nieuwste "
            "meting.",
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Voortgangsoverzicht: je metingen door de tijd."""
    from asmo_cli.cli.progress import check_plot_path, plot_history
    from asmo_cli.render import history as views
    from asmo_cli.storage.store import list_records

    if plot is not None:
        check_plot_path(plot)
        from asmo_cli.storage.owned import refuse_foreign

        refuse_foreign([plot])  # before the table: nothing shown, nothing written
    catalogue = catalogue_from(data_dir)
    listing = list_records()
    console = console_for()
    views.show_history(console, catalogue, listing.records, listing.broken, name)
    if plot is not None:
        path = plot_history(catalogue, listing, plot, name)
        say(console, f"Geschreven: {path}")
