"""``asmo plan``: a development plan (POP) towards a function level."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.console import print_written
from asmo_cli.cli.options import CouncilOption, DataDir, OpenIt, OutDir, RecordRef, workspace
from asmo_cli.core.council import parse_council


def plan(
    record_ref: RecordRef = None,
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
    council: CouncilOption = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Maak een ontwikkelplan (PDF) richting een functieniveau."""
    written = workspace(data_dir).plan(
        record_ref, target=target, out=out, ambition=ambition, council=parse_council(council)
    )
    print_written(written.paths, written.warnings, label="Je ontwikkelplan", open_it=open_it)
