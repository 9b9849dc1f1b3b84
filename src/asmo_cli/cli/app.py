"""The ``asmo`` program: every command registered on the app, in the order of the help.

Each command lives in its own module under ``cli/commands/``, named after it; heavy
libraries are imported inside the commands, so that ``asmo --help`` and ``asmo roles`` start
fast.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

import typer

from asmo_cli import __version__
from asmo_cli.cli.commands.assess import assess
from asmo_cli.cli.commands.delete import delete
from asmo_cli.cli.commands.feedback import feedback_app
from asmo_cli.cli.commands.history import history
from asmo_cli.cli.commands.hours import hours
from asmo_cli.cli.commands.plan import plan
from asmo_cli.cli.commands.report import report
from asmo_cli.cli.commands.roles import roles
from asmo_cli.cli.commands.team import team
from asmo_cli.cli.commands.validate import validate
from asmo_cli.cli.errors import AsmoGroup
from asmo_cli.cli.help import DutchCommand

_F = TypeVar("_F", bound=Callable[..., Any])

app = typer.Typer(
    cls=AsmoGroup,
    name="asmo",
    help=(
        "Zelfassessment voor ambtelijk secretarissen (AS) van een OR of ander "
        "medezeggenschapsorgaan. Scoor je werkzaamheden, zie je acht rollen in een "
        "spindiagram en krijg een rapport. Alles blijft op deze computer."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
    add_completion=False,
    options_metavar="[OPTIES]",
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def command() -> Callable[[_F], _F]:
    """Register a command on ``app`` with Dutch help: use as ``@command()``."""
    register: Callable[[_F], _F] = app.command(cls=DutchCommand, options_metavar="[OPTIES]")
    return register


def _version(value: bool) -> None:
    if value:
        typer.echo(f"asmo {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", help="Toon het versienummer.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Zelfassessment voor ambtelijk secretarissen."""
    _ignore_file_size_signal()


def _ignore_file_size_signal() -> None:
    """Let a file size limit (ulimit -f) fail a write, which asmo reports, not kill asmo."""
    import signal

    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


for function in (assess, report, plan, hours, history, delete, team, roles, validate):
    command()(function)
app.add_typer(feedback_app)  # asmo feedback invite|add: a group, listed after the commands

__all__ = ["app", "main"]


def main() -> None:
    """Run the ``asmo`` command (the console-script entry point)."""
    from asmo_cli.cli.streams import prepare_streams
    from asmo_cli.core.text import program

    prepare_streams()  # a closed stream or an ASCII terminal never ends in a traceback
    app(prog_name=program())  # usage lines name asmo as it was started, like every hint
