"""``asmo report``: the report of a record (PDF, radar chart, Markdown, JSON)."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.console import ask_yes_no, console_for, is_terminal, print_written, say
from asmo_cli.cli.options import (
    CouncilOption,
    DataDir,
    OpenIt,
    OutDir,
    RecordRef,
    Target,
    workspace,
)
from asmo_cli.core.council import parse_council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import Record


def report(
    record_ref: RecordRef = None,
    out: OutDir = None,
    formats: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="SOORTEN",
            help="Bestandssoorten, met komma's: pdf (het rapport), png, svg en radar-pdf (alleen "
            "het spindiagram), md, json.",
        ),
    ] = "pdf,png,md,json",
    compare: Annotated[
        str | None,
        typer.Option("--compare", metavar="METING", help="Vergelijk met een andere meting."),
    ] = None,
    previous: Annotated[
        bool, typer.Option("--previous", help="Vergelijk met de afgeronde meting ervoor.")
    ] = False,
    target: Target = None,
    names: Annotated[
        bool,
        typer.Option(
            "--names",
            help="Zet bij de feedback van anderen ook de cijfers en namen per gever (vanaf "
            "drie gevers).",
        ),
    ] = False,
    council: CouncilOption = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Maak het rapport (PDF) en het spindiagram van een meting."""
    from asmo_cli.api.workspace import parse_formats

    if compare and previous:
        raise AsmoError("kies --compare of --previous, niet allebei")
    written = workspace(data_dir).report(
        record_ref,
        out=out,
        formats=parse_formats(formats),
        compare=compare,
        previous=previous,
        target=target,
        names=names,
        confirm_other=confirm_other_person,
        council=parse_council(council),
    )
    if written is None:
        say(console_for(), "Niets gemaakt.")
        return
    print_written(written.paths, written.warnings, open_it=open_it)


def confirm_other_person(record: Record, other: Record) -> bool:
    """On a terminal, ask before comparing with somebody else's record; without one, go on
    (the report and a note say it)."""
    if not is_terminal():
        return True
    from asmo_cli.render.terminal import fit_message

    question = (
        f"Meting {other.id} {_whose(other)}, meting {record.id} {_whose(record)}: twee "
        "verschillende personen. Toch vergelijken? (j/n)"
    )
    return ask_yes_no(fit_message(question, reserve=4), stopped="Gestopt; er is niets geschreven.")


def _whose(record: Record) -> str:
    return f"is van {record.name}" if record.name else "heeft geen naam"
