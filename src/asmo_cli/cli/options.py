"""The options and arguments that several commands share (their Dutch help included)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from asmo_cli.api.workspace import Workspace


def workspace(data_dir: Path | None = None) -> Workspace:
    """The Workspace a command works in: asmo's own folder, and ``--data-dir``'s catalogue."""
    from asmo_cli.api.workspace import Workspace

    return Workspace(data_dir=data_dir)


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Map met een eigen catalogus (tasks.yaml, roles.yaml, competencies.yaml).",
        metavar="MAP",
        envvar="ASMO_DATA_DIR",
        show_envvar=True,
        file_okay=False,
    ),
]


def folder_name(text: str) -> Path:
    """Parse ``--out``: an empty name would silently mean the current folder."""
    if not text.strip():
        raise typer.BadParameter("geef de naam van een map, bijvoorbeeld --out rapporten")
    return Path(text)


OutDir = Annotated[
    Path | None,
    typer.Option(
        "--out",
        metavar="MAP",
        parser=folder_name,
        help="Map voor de bestanden (standaard: de map asmo in je Documenten, of 'rapporten' "
        "in ASMO_HOME).",
    ),
]


RecordRef = Annotated[
    str | None,
    typer.Argument(
        metavar="METING", help="Id of pad van een meting; standaard de laatste afgeronde."
    ),
]
Target = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="NIVEAU",
        help="Teken het streefprofiel van een functieniveau erbij: administratief, "
        "beleidsmedewerker of adviseur.",
    ),
]


OpenIt = Annotated[
    bool,
    typer.Option(
        "--open", help="Open het document na het schrijven, met het programma dat je daarvoor hebt."
    ),
]


def council_choice(text: str) -> str:
    """Parse ``--council``: or, mr, cr or other (kept as text; the command checks it once
    more through core/council.py)."""
    from asmo_cli.core.council import parse_council

    chosen = parse_council(text)
    if chosen is None:
        raise typer.BadParameter(
            f"'{text}' is geen raad; kies or (ondernemingsraad), mr (medezeggenschapsraad of "
            "GMR), cr (cliëntenraad) of other"
        )
    return chosen


CouncilOption = Annotated[
    str | None,
    typer.Option(
        "--council",
        metavar="RAAD",
        parser=council_choice,
        help="De raad waarvoor je werkt, voortaan bewaard bij je meting: or (ondernemingsraad), "
        "mr (medezeggenschapsraad of GMR), cr (cliëntenraad) of other.",
    ),
]


def store_council(
    work: Workspace, record_ref: str | None, council: str | None, command: str
) -> str | None:
    """``--council`` of a command that keeps no warnings of its own (hours, feedback invite):
    store it with the record first and say so; return the record's id to go on with."""
    from asmo_cli.cli.console import console_for, say
    from asmo_cli.core.council import parse_council

    chosen = parse_council(council)
    if chosen is None:
        return record_ref
    record, line = work.set_council(record_ref, chosen, command)
    if line:
        say(console_for(), f"Let op: {line}", "yellow")
    return record.id
