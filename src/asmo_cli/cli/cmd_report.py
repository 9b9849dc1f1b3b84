"""``asmo report``: the report of a record, and the development plan."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.base import (
    Assessment,
    DataDir,
    OpenIt,
    OutDir,
    Target,
    ask_yes_no,
    catalogue_from,
    console_for,
    is_terminal,
    print_written,
    say,
)
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import Record


def report(
    assessment: Assessment = None,
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
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Maak het rapport (PDF) en het spindiagram van een meting."""
    from asmo_cli.cli import outputs as exports

    if compare and previous:
        raise AsmoError("kies --compare of --previous, niet allebei")
    catalogue = catalogue_from(data_dir)
    wanted = exports.parse_formats(formats)
    request = exports.ReportRequest(assessment, out, wanted, compare, previous, target, names)
    written = exports.report_command(catalogue, request, confirm_other_person)
    if written is None:
        say(console_for(), "Niets gemaakt.")
        return
    print_written(written.paths, written.warnings, open_it=open_it)


def confirm_other_person(record: Record, other: Record) -> bool:
    """On a terminal, ask before comparing with somebody else's record; without one, go on
    (the report and a note say it)."""
    if not is_terminal():
        return True
    return ask_yes_no(
        f"Meting {other.id} {_whose(other)}, meting {record.id} {_whose(record)}: twee "
        "verschillende personen. Toch vergelijken? (j/n)",
        stopped="Gestopt; er is niets geschreven.",
    )


def plan(
    assessment: Assessment = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="NIVEAU",
            help="Het functieniveau om naartoe te werken: administratief, beleidsmedewerker of "
            "adviseur (standaard: het niveau boven het jouwe).",
        ),
    ] = None,
    ambition: Annotated[
        str | None,
        typer.Option(
            "--ambition",
            metavar="TEKST",
            help="Je eigen ambitie, in een zin of twee; komt bovenaan de invulvakken.",
        ),
    ] = None,
    out: OutDir = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Maak een ontwikkelplan (PDF) richting een functieniveau."""
    from asmo_cli.cli.plan import plan_command

    catalogue = catalogue_from(data_dir, with_development=True)
    written = plan_command(catalogue, assessment, target, out, ambition)
    print_written(written.paths, written.warnings, label="Je ontwikkelplan", open_it=open_it)


def _whose(record: Record) -> str:
    return f"is van {record.name}" if record.name else "heeft geen naam"
