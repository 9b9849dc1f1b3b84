"""``asmo hours``: the hours per week per task area, and the formatie."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

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
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import EXIT_INTERRUPTED, AsmoError
from asmo_cli.core.hours import hours_text
from asmo_cli.core.record import Record
from asmo_cli.core.text import moment_nl, program

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.api.workspace import FileHours


def hours(
    record_ref: RecordRef = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="BESTAND",
            help="Lees de uren uit een YAML-bestand (hours_per_week, contract_hours_per_week); "
            "werkzaamheden die het niet noemt, houden hun uren.",
            dir_okay=False,
        ),
    ] = None,
    replace: Annotated[
        bool,
        typer.Option(
            "--replace",
            help="Met --file: vervang al je uren per werkzaamheid door die van het bestand.",
        ),
    ] = False,
    out: OutDir = None,
    council: CouncilOption = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Vul je tijdsbesteding in: uren per week per werkzaamheid (schrijft tijdsbesteding.pdf)."""

    from asmo_cli.cli.session import flow
    from asmo_cli.core.hours import over_contract_warning

    if replace and file is None:
        raise AsmoError("--replace hoort bij --file: geef het bestand met de nieuwe uren")
    work = workspace(data_dir)
    console = console_for()
    record_ref = store_council(work, record_ref, council, "hours")
    from_file: list[FileHours] = []

    def change(record: Record) -> tuple[dict[str, float], float | None]:
        if file is not None:
            read = work.hours_from_file(file, record, replace=replace)
            from_file.append(read)
            return read.hours, read.contract
        require_terminal("asmo hours", f"{program()} hours {record.id} --file BESTAND.yaml")
        try:
            return flow.ask_hours(console, work.catalogue_for(record), record)
        except KeyboardInterrupt:
            console.print("\nGestopt; de uren zijn niet aangepast.")
            raise typer.Exit(EXIT_INTERRUPTED) from None

    def saved(record: Record) -> None:
        warning = over_contract_warning(record.hours_per_week, record.contract_hours_per_week)
        if file is not None and from_file:
            _say_from_file(console, work.catalogue_for(record), file, from_file[-1], record)
        if file is not None and warning:
            say(console, f"Let op: {warning}", "yellow")
        tell(console, f"Je tijdsbesteding is bewaard in je meting van {moment_nl(record.created)}.")

    _, written = work.edit_hours(record_ref, change, out=out, saved=saved)
    print_written(written, label="Je tijdsbesteding", open_it=open_it)


FEW = 3  # the areas that kept their hours are named up to this many, else counted


def _listed(items: Sequence[str]) -> str:
    """Items as a Dutch list: 'A', 'A en B', 'A, B en C'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} en {items[-1]}"


def _names(catalogue: Catalogue, task_ids: Iterable[str]) -> str:
    """The areas' names, in the catalogue's order, as a Dutch list."""
    wanted = set(task_ids)
    return _listed([task.name for task in catalogue.tasks if task.id in wanted])


def _say_from_file(
    console: Console, catalogue: Catalogue, file: Path, read: FileHours, record: Record
) -> None:
    """Say what the file changed: which areas kept their hours, or which lost them."""
    kept = [task for task in record.hours_per_week if task not in read.named]
    if read.removed:
        hours = _listed(
            [
                f"{task.name} ({hours_text(read.removed[task.id])} uur)"
                for task in catalogue.tasks
                if task.id in read.removed
            ]
        )
        tell(console, f"Verwijderd (--replace): de uren van {hours}.")
    elif not read.named:
        tell(console, f"{file} geeft alleen je formatie; je uren per werkzaamheid bleven staan.")
    elif kept:
        others = (
            f"van {_names(catalogue, kept)}"
            if len(kept) <= FEW
            else f"van de andere {len(kept)} werkzaamheden"
        )
        tell(
            console,
            f"Uit {file}: de uren van {_names(catalogue, read.named)}; de uren {others} "
            "bleven staan (alles vervangen kan met --replace).",
        )
