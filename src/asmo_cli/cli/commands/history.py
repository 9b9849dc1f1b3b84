"""``asmo history``: every record, and the role scores over time."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.console import console_for, say
from asmo_cli.cli.options import DataDir, workspace


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
    from asmo_cli.render import history as views

    work = workspace(data_dir)
    if plot is not None:
        work.check_chart_path(plot)  # before the table: nothing shown, nothing written
    listing = work.listing()
    console = console_for()
    views.show_history(console, work.catalogue(), listing.records, listing.broken, name)
    if plot is not None:
        path = work.history_chart(plot, name, listing)
        say(console, f"Geschreven: {path}")
