"""``asmo plan``: a development plan (POP) towards a function level."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.console import is_terminal, print_written
from asmo_cli.cli.options import CouncilOption, DataDir, OpenIt, OutDir, RecordRef, workspace
from asmo_cli.core.council import parse_council


def plan(
    record_ref: RecordRef = None,
    target: Annotated[
        str | None,
        typer.Option(
            "--target",
            metavar="NIVEAU",
            help="Werk naar een ander functieniveau toe: administratief, beleidsmedewerker of "
            "adviseur (je eigen niveau: groeien in je functie, de standaard).",
        ),
    ] = None,
    specialise: Annotated[
        str | None,
        typer.Option(
            "--specialise",
            metavar="ROL",
            help="Specialiseer je in één rol (bijvoorbeeld kenner of beleidsadviseur).",
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
    council: CouncilOption = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Maak een ontwikkelplan (PDF) vanuit je ambitie: groeien, doorgroeien of specialiseren.

    Zonder --target of --specialise vraagt asmo op een terminal waar je naartoe werkt (Enter
    houdt je vorige keuze); anders geldt je vorige keuze, of groeien in je huidige functie.
    Je keuze blijft bij de meting bewaard."""
    choose = None
    if target is None and specialise is None and is_terminal():
        from asmo_cli.cli.session.plan_questions import ask_ambition

        choose = ask_ambition
    written = workspace(data_dir).plan(
        record_ref,
        target=target,
        specialise=specialise,
        out=out,
        ambition=ambition,
        council=parse_council(council),
        choose=choose,
    )
    print_written(written.paths, written.warnings, label="Je ontwikkelplan", open_it=open_it)
