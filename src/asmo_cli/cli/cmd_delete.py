"""``asmo delete``: erase one assessment and every file asmo made of it."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.base import ask_yes_no, console_for, is_terminal, own_record, say, tell
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.text import moment_nl, program


def delete(
    assessment: Annotated[
        str,
        typer.Argument(metavar="METING", help=f"Id van de meting (zie {program()} history)."),
    ],
    yes: Annotated[
        bool, typer.Option("--yes", help="Niet om bevestiging vragen (nodig zonder terminal).")
    ] = False,
) -> None:
    """Verwijder een meting en alles wat asmo ervan maakte (rapporten, plan, uren)."""
    from asmo_cli.render.terminal import fit_message
    from asmo_cli.storage.erase import erase, plan_erase
    from asmo_cli.storage.locks import WRITE_WAIT_SECONDS, lock_record

    record = own_record(assessment, "delete")
    console = console_for()
    with lock_record(record.id, wait=WRITE_WAIT_SECONDS):  # a report being written finishes first
        plan = plan_erase(record.id)
        files = [path for path, _ in plan.outputs]
        who = f" van {record.name}" if record.name else ""
        count = f"{len(files)} bestand" if len(files) == 1 else f"{len(files)} bestanden"
        what = f"de meting{who} van {moment_nl(record.created)} en {count} die asmo ervan maakte"
        if not yes:
            if not is_terminal():
                raise AsmoError(
                    f"asmo delete vraagt om bevestiging; gebruik zonder terminal: "
                    f"{program()} delete {record.id} --yes"
                )
            question = fit_message(f"Wil je {what} verwijderen? (j/n)", reserve=6)
            if not ask_yes_no(question, stopped="Gestopt; niets verwijderd."):
                say(console, "Niets verwijderd.")
                return
        removed = erase(plan)
    tell(console, f"Verwijderd: {what}.")
    for path in removed:
        say(console, f"  {path}")
    if plan.left:
        tell(
            console,
            "Niet verwijderd (asmo verwijdert alleen wat het zelf maakte en wat sindsdien niet "
            "veranderde):",
        )
        for path, why in plan.left:
            say(console, f"  {path}: {why}")
