"""The ``asmo`` program: every command registered on the app, in the order of the help."""

from __future__ import annotations

from asmo_cli.cli.base import app, command
from asmo_cli.cli.cmd_assess import assess
from asmo_cli.cli.cmd_delete import delete
from asmo_cli.cli.cmd_feedback import feedback_app
from asmo_cli.cli.cmd_history import history
from asmo_cli.cli.cmd_hours import hours
from asmo_cli.cli.cmd_report import plan, report
from asmo_cli.cli.cmd_roles import roles, validate
from asmo_cli.cli.cmd_teams import team

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
