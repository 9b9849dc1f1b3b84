"""``asmo hours``: the hours per week per task area, and the formatie."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.base import (
    Assessment,
    DataDir,
    catalogue_from,
    console_for,
    require_terminal,
)
from asmo_cli.core.errors import EXIT_INTERRUPTED, AsmoError


def hours(
    assessment: Assessment = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="BESTAND",
            help="Lees de uren uit een YAML-bestand (hours_per_week, contract_hours_per_week).",
            dir_okay=False,
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Vul je tijdsbesteding in: uren per week per werkzaamheid."""
    from asmo_cli.cli import session
    from asmo_cli.storage.store import find_record, is_stored, lock_record

    catalogue = catalogue_from(data_dir)
    found = find_record(assessment)
    if not is_stored(assessment, found):
        raise AsmoError(
            f"{assessment}: asmo hours past alleen metingen in je eigen map aan; geef het id "
            "van een meting (zie asmo history)"
        )
    console = console_for()
    with lock_record(found.id):
        record = find_record(assessment or found.id)  # read again: it may have just changed
        if file is not None:
            record = session.hours_from_file(console, catalogue, record, file)
        else:
            require_terminal("asmo hours", f"asmo hours {record.id} --file BESTAND.yaml")
            try:
                record = session.ask_and_save_hours(console, catalogue, record)
            except KeyboardInterrupt:
                console.print("\nGestopt; de uren zijn niet aangepast.")
                raise typer.Exit(EXIT_INTERRUPTED) from None
    console.print(
        f"Tijdsbesteding bewaard in meting {record.id}. Maak het overzicht met: "
        f"asmo report {record.id}",
        markup=False,
        soft_wrap=True,
    )
