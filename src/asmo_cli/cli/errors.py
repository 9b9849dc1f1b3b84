"""Every failure as Dutch lines on stderr and exit 1: one handler for all commands.

An ``AsmoError`` says what went wrong, naming the file, the item and the fix; an ``OSError``
that no command turned into words yet still becomes a Dutch line, never a traceback.
"""

from __future__ import annotations

from typing import Any, NoReturn

import typer

from asmo_cli.cli.console import console_for
from asmo_cli.cli.help import DutchGroup
from asmo_cli.core.errors import EXIT_PROBLEM, AsmoError


class AsmoGroup(DutchGroup):
    """The ``asmo`` group: Dutch help, and every error turned into Dutch lines."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except AsmoError as exc:
            fail(exc)
        except OSError as exc:  # a hostile setup (a folder without rights, a closed pipe)
            fail(AsmoError(os_problem(exc)))


def os_problem(exc: OSError) -> str:
    """An OS error that no command turned into words yet, in Dutch with the path it names."""
    from asmo_cli.core.errors import os_reason

    where = f"{exc.filename}: " if exc.filename else ""
    return (
        f"{where}dat lukt niet ({os_reason(exc)}); controleer of je die map of dat bestand mag "
        "lezen en schrijven, of kies met ASMO_HOME of --out een andere plek"
    )


def fail(exc: AsmoError) -> NoReturn:
    from rich.text import Text

    from asmo_cli.core.text import clean

    console = console_for(stderr=True)
    for line in (exc.message, *exc.details):
        console.print(Text.assemble(("Fout: ", "bold red"), clean(line)), soft_wrap=True)
    raise typer.Exit(EXIT_PROBLEM)
