"""``asmo validate``: check a catalogue and name every problem in it."""

from __future__ import annotations

import typer

from asmo_cli.cli.console import console_for, say
from asmo_cli.cli.options import DataDir, workspace
from asmo_cli.core.errors import EXIT_PROBLEM
from asmo_cli.core.text import clean, plural


def validate(data_dir: DataDir = None) -> None:
    """Controleer een catalogus en noem alle fouten die erin staan."""
    from rich.text import Text

    work = workspace(data_dir)
    checked = work.validate()
    err = console_for(stderr=True)
    for line in checked.problems:
        err.print(Text.assemble(("Fout: ", "bold red"), clean(line)), soft_wrap=True)
    if checked.problems:
        say(
            err,
            f"{plural(len(checked.problems), 'probleem', 'problemen')} gevonden in {work.data_dir}",
        )
        raise typer.Exit(EXIT_PROBLEM)
    for line in checked.warnings:
        err.print(Text.assemble(("Waarschuwing: ", "bold yellow"), clean(line)), soft_wrap=True)
    if checked.warnings:
        count = plural(len(checked.warnings), "waarschuwing", "waarschuwingen")
        say(
            console_for(),
            f"De catalogus in {work.data_dir} werkt, met {count} over de weging: asmo rekent "
            "ermee, maar de rollen zijn minder goed te herkennen.",
        )
        return
    say(console_for(), f"De catalogus in {work.data_dir} is in orde.")
