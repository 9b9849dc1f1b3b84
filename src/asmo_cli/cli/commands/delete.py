"""``asmo delete``: erase one record and every file asmo made of it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from asmo_cli.cli.console import ask_yes_no, console_for, is_terminal, say, tell
from asmo_cli.cli.options import workspace
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.text import moment_nl, plural, program

if TYPE_CHECKING:
    from asmo_cli.api.workspace import Erasure
    from asmo_cli.core.record import Record


def delete(
    record_ref: Annotated[
        str,
        typer.Argument(metavar="METING", help=f"Id van de meting (zie {program()} history)."),
    ],
    yes: Annotated[
        bool, typer.Option("--yes", help="Niet om bevestiging vragen (nodig zonder terminal).")
    ] = False,
) -> None:
    """Verwijder een meting en alles wat asmo ervan maakte (rapporten, plan, uren)."""
    from asmo_cli.render.terminal import fit_message

    console = console_for()
    what = ""

    def confirm(record: Record, plan: Erasure) -> bool:
        nonlocal what
        who = f" van {record.name}" if record.name else ""
        files = plural(len(plan.outputs), "bestand", "bestanden")
        what = f"de meting{who} van {moment_nl(record.created)} en {files} die asmo ervan maakte"
        if yes:
            return True
        if not is_terminal():
            raise AsmoError(
                f"asmo delete vraagt om bevestiging; gebruik zonder terminal: "
                f"{program()} delete {record.id} --yes"
            )
        question = fit_message(f"Wil je {what} verwijderen? (j/n)", reserve=6)
        return ask_yes_no(question, stopped="Gestopt; niets verwijderd.")

    deleted = workspace().delete(record_ref, confirm)
    if deleted is None:
        say(console, "Niets verwijderd.")
        return
    tell(console, f"Verwijderd: {what}.")
    for path in deleted.removed:
        say(console, f"  {path}")
    if deleted.left:
        tell(
            console,
            "Niet verwijderd (asmo verwijdert alleen wat het zelf maakte en wat sindsdien niet "
            "veranderde):",
        )
        for path, why in deleted.left:
            say(console, f"  {path}: {why}")
