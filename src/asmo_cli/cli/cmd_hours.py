"""``asmo hours``: the hours per week per task area, and the formatie."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.base import (
    Assessment,
    DataDir,
    OpenIt,
    OutDir,
    catalogue_from,
    console_for,
    own_record,
    print_written,
    require_terminal,
    tell,
)
from asmo_cli.core.errors import EXIT_INTERRUPTED
from asmo_cli.core.text import moment_nl, program


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
    out: OutDir = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Vul je tijdsbesteding in: uren per week per werkzaamheid (schrijft tijdsbesteding.pdf)."""
    from asmo_cli.cli import session
    from asmo_cli.cli.hours_files import hours_documents, hours_targets
    from asmo_cli.cli.outputs import record_is_safe, target_dir, writing_for
    from asmo_cli.storage.store import find_record

    catalogue = catalogue_from(data_dir)
    found = own_record(assessment, "hours")
    console = console_for()
    folder = target_dir(out, found)
    with writing_for(found, hold=True) as writer:
        writer.check(hours_targets(folder))  # before she types anything
        record = find_record(assessment or found.id)  # read again: it may have just changed
        if file is not None:
            record = session.hours_from_file(console, catalogue, record, file)
        else:
            require_terminal("asmo hours", f"{program()} hours {record.id} --file BESTAND.yaml")
            try:
                record = session.ask_and_save_hours(console, catalogue, record)
            except KeyboardInterrupt:
                console.print("\nGestopt; de uren zijn niet aangepast.")
                raise typer.Exit(EXIT_INTERRUPTED) from None
        tell(console, f"Je tijdsbesteding is bewaard in je meting van {moment_nl(record.created)}.")
        with record_is_safe(record):
            documents = hours_documents(catalogue, record, folder)
            written = writer.write_all(documents)
    print_written(written, label="Je tijdsbesteding", open_it=open_it)
