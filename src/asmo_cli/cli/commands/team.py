"""``asmo team``: the anonymous team profile of a bureau medezeggenschap."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.console import console_for, print_written, say
from asmo_cli.cli.options import DataDir, OpenIt, OutDir, workspace
from asmo_cli.core.errors import EXIT_PROBLEM


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
    from asmo_cli.core.team import members_text, skipped_lines, summarise, too_few_text

    work = workspace(data_dir)
    found = work.collect_team(paths)
    console = console_for()
    for note in found.notes:
        say(console, f"Let op: {note}", "yellow")
    err = console_for(stderr=True)
    for error in found.errors:
        say(err, f"Fout: {error} (overgeslagen)", "red")
    made = work.team(found, out=out, names=names)
    console.print(f"Teamprofiel van {members_text(len(made.found.members))}.", markup=False)
    for line in skipped_lines(made.found.skipped):
        say(console, line)
    members = made.found.members
    few = too_few_text(summarise(work.catalogue(), members), len(members))
    if few is not None:
        say(console, few)
    print_written(made.paths, label="Je teamprofiel", open_it=open_it)
    if made.found.errors:
        raise typer.Exit(EXIT_PROBLEM)
