"""``asmo assess``: the self-assessment, interactive or from an answers file."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from asmo_cli.cli.console import console_for, require_terminal
from asmo_cli.cli.options import DataDir, OpenIt, OutDir, workspace
from asmo_cli.core.errors import EXIT_INTERRUPTED, AsmoError
from asmo_cli.core.text import program


def assess(
    record_ref: Annotated[
        str | None,
        typer.Argument(metavar="METING", help="Ga verder met deze onafgeronde meting (id)."),
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
    out: OutDir = None,
    open_it: OpenIt = False,
    data_dir: DataDir = None,
) -> None:
    """Doe de zelfassessment: kies werkzaamheden, geef sterren."""
    from asmo_cli.cli.next_steps import say_interrupted
    from asmo_cli.cli.session import flow

    if resume and new:
        raise AsmoError("kies --resume of --new, niet allebei")
    if record_ref and (new or answers is not None):
        raise AsmoError("een METING kan niet samen met --new of --answers")
    work = workspace(data_dir)
    console = console_for()
    if out is not None:  # before anything is asked or saved: her own files there stay hers
        work.check_report_folder(out)
    if answers is not None:
        record = work.create_from_answers(answers)
    else:
        require_terminal("asmo assess", f"{program()} assess --answers BESTAND.yaml")
        try:
            record = flow.run_interactive(console, work, resume=resume, new=new, ref=record_ref)
        except KeyboardInterrupt as exc:
            stop = exc if isinstance(exc, flow.Interrupted) else flow.Interrupted(True)
            say_interrupted(console, stop.has_answers, stop.in_hours)
            raise typer.Exit(EXIT_INTERRUPTED) from None
    flow.finish(console, work, record, out, open_it=open_it)
