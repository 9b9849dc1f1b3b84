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
    catalogue_from,
    print_written,
)
from asmo_cli.core.errors import AsmoError


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
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Maak het rapport (PDF) en het spindiagram van een meting."""
    from asmo_cli.cli import outputs as exports

    if compare and previous:
        raise AsmoError("kies --compare of --previous, niet allebei")
    catalogue = catalogue_from(data_dir)
    wanted = exports.parse_formats(formats)
    request = exports.ReportRequest(assessment, out, wanted, compare, previous, target)
    written = exports.report_command(catalogue, request)
    print_written(written.paths, written.warnings, open_it=open_it)


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
