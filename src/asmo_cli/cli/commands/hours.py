"""``asmo hours``: the hours per week per task area, and the formatie."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.console import console_for, print_written, require_terminal, say, tell
from asmo_cli.cli.options import (
    CouncilOption,
    DataDir,
    OpenIt,
    OutDir,
    RecordRef,
    store_council,
    workspace,
)
from asmo_cli.core.errors import EXIT_INTERRUPTED
from asmo_cli.core.record import Record
from asmo_cli.core.text import moment_nl, program


def hours(
    record_ref: RecordRef = None,
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
    council: CouncilOption = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Vul je tijdsbesteding in: uren per week per werkzaamheid (schrijft tijdsbesteding.pdf)."""

    from asmo_cli.cli.session import flow
    from asmo_cli.core.hours import over_contract_warning

    work = workspace(data_dir)
    console = console_for()
    record_ref = store_council(work, record_ref, council, "hours")

    def change(record: Record) -> tuple[dict[str, float], float | None]:
        if file is not None:
            return work.read_hours(file, record)
        require_terminal("asmo hours", f"{program()} hours {record.id} --file BESTAND.yaml")
        try:
            return flow.ask_hours(console, work.catalogue_for(record), record)
        except KeyboardInterrupt:
            console.print("\nGestopt; de uren zijn niet aangepast.")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    def saved(record: Record) -> None:
        warning = over_contract_warning(record.hours_per_week, record.contract_hours_per_week)
        if file is not None and warning:
            say(console, f"Let op: {warning}", "yellow")
        tell(console, f"Je tijdsbesteding is bewaard in je meting van {moment_nl(record.created)}.")

    _, written = work.edit_hours(record_ref, change, out=out, saved=saved)
    print_written(written, label="Je tijdsbesteding", open_it=open_it)
