"""``asmo team``: the anonymous team profile of a bureau medezeggenschap."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.base import (
    DataDir,
    OpenIt,
    OutDir,
    catalogue_from,
    console_for,
    print_written,
    say,
)
from asmo_cli.core.errors import EXIT_PROBLEM, AsmoError


def team(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PAD",
            help="Metingen (.yaml), scores.json-bestanden of mappen daarmee.",
        ),
    ],
    out: OutDir = None,
    open_it: OpenIt = False,
    names: Annotated[
        bool, typer.Option("--names", help="Zet ook een tabel per persoon (met naam) erbij.")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Teamprofiel van een bureau medezeggenschap (anoniem)."""
    from asmo_cli.cli import team as team_mod
    from asmo_cli.storage import paths as where

    catalogue = catalogue_from(data_dir)
    found = team_mod.collect(catalogue, paths)
    console = console_for()
    for note in found.notes:
        say(console, f"Let op: {note}", "yellow")
    err = console_for(stderr=True)
    for error in found.errors:
        say(err, f"Fout: {error} (overgeslagen)", "red")
    if not found.members:
        raise AsmoError("geen bruikbare afgeronde metingen gevonden; er is niets geschreven")
    written = team_mod.write_team(
        catalogue, found, out or where.reports_dir() / "team", with_names=names
    )
    console.print(f"Teamprofiel van {team_mod.members_text(len(found.members))}.", markup=False)
    print_written(written, label="Je teamprofiel", open_it=open_it)
    if found.errors:
        raise typer.Exit(EXIT_PROBLEM)
