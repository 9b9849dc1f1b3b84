"""``asmo assess``: the self-assessment, interactive or from an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from asmo_cli.cli.console import console_for, is_terminal, require_terminal
from asmo_cli.cli.options import DataDir, OpenIt, OutDir, workspace
from asmo_cli.core.errors import EXIT_INTERRUPTED, AsmoError
from asmo_cli.core.text import program

if TYPE_CHECKING:
    from rich.console import Console


def assess(
    record_ref: Annotated[
        str | None,
        typer.Argument(
            metavar="METING",
            help="Ga verder met deze onafgeronde meting (id); met --edit: pas deze afgeronde "
            "meting aan.",
        ),
    ] = None,
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="BESTAND",
            help="Vul de meting in vanuit een YAML-bestand, zonder vragen.",
            dir_okay=False,
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Ga verder met de onafgeronde meting.")
    ] = False,
    new: Annotated[
        bool, typer.Option("--new", help="Begin een nieuwe meting, ook als er een openstaat.")
    ] = False,
    edit: Annotated[
        bool,
        typer.Option(
            "--edit",
            help="Pas een afgeronde meting aan (METING, of kies er een): je begint bij de "
            "werkzaamheid die je kiest, de rest blijft staan; daarna een nieuw rapport.",
        ),
    ] = False,
    out: OutDir = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Doe de zelfassessment: kies werkzaamheden, geef sterren."""
    from asmo_cli.cli.session import flow

    if resume and new:
        raise AsmoError("kies --resume of --new, niet allebei")
    if edit and (resume or new or answers is not None):
        raise AsmoError("--edit kan niet samen met --resume, --new of --answers")
    if record_ref and (new or answers is not None):
        raise AsmoError("een METING kan niet samen met --new of --answers")
    work = workspace(data_dir)
    console = console_for()
    if out is not None:  # before anything is asked or saved: her own files there stay hers
        work.check_report_folder(out)
    earlier = None
    if answers is not None:
        record = work.create_from_answers(answers)
    else:
        if edit and not is_terminal():  # no file does what the questions do here
            which = record_ref or "METING"
            raise AsmoError(
                "Een meting aanpassen gaat met vragen en daarvoor is een terminal nodig; open "
                f"een terminalvenster en typ daar: {program()} assess {which} --edit"
            )
        require_terminal("asmo assess", f"{program()} assess --answers BESTAND.yaml")
        try:
            answered = flow.answer(console, work, resume=resume, new=new, ref=record_ref, edit=edit)
        except KeyboardInterrupt as exc:
            _say_stopped(console, exc, editing=edit)
            raise typer.Exit(EXIT_INTERRUPTED) from None
        record, earlier = answered.record, answered.documents
    flow.finish(console, work, record, out, open_it=open_it, earlier=earlier)


def _say_stopped(console: Console, exc: KeyboardInterrupt, *, editing: bool) -> None:
    """Tell what was kept after Ctrl-C or a closed terminal, and how to go on."""
    from asmo_cli.cli.next_steps import say_interrupted
    from asmo_cli.cli.session import flow

    stop = exc if isinstance(exc, flow.Interrupted) else flow.Interrupted(True)
    if stop.edit is not None:
        flow.say_edit_stopped(console, stop.edit)
    elif editing or stop.editing:
        console.print("\nGestopt. Er is niets veranderd.")
    else:
        say_interrupted(console, stop.has_answers, stop.in_hours)
