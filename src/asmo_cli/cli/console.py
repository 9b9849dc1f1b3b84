"""Talking to her in the terminal: lines that hold user text, commands, the files written,
and whether she can be asked something at all."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from asmo_cli.core.errors import AsmoError

if TYPE_CHECKING:
    from rich.console import Console


def is_terminal() -> bool:
    """True when a person can be asked something: input and output are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_yes_no(question: str, *, stopped: str) -> bool:
    """Ask a j/n question on the terminal (one key, as everywhere in asmo); Ctrl-C says
    ``stopped`` and exits 130, as everywhere."""
    from asmo_cli.cli.session.choices import yes_no
    from asmo_cli.core.errors import EXIT_INTERRUPTED

    try:
        return yes_no(question)
    except KeyboardInterrupt:
        say(console_for(), "\n" + stopped)
        raise typer.Exit(EXIT_INTERRUPTED) from None


def require_terminal(command: str, instead: str) -> None:
    """Refuse to ask questions without a terminal, pointing to the file-based way."""
    if not is_terminal():
        raise AsmoError(
            f"{command} stelt vragen en heeft daarvoor een terminal nodig; "
            f"gebruik zonder terminal: {instead}"
        )


def say(console: Console, line: str, style: str = "") -> None:
    """Print a line that holds user text (names, paths): never markup, no control codes."""
    from rich.text import Text

    from asmo_cli.core.text import clean

    console.print(Text(clean(line), style=style), soft_wrap=True)


def show_command(console: Console, command: str) -> None:
    """Print a command to type on a line of its own, indented when that still fits, so that
    no terminal width breaks it in two."""
    indented = f"  {command}"
    say(console, indented if len(indented) <= console.width else command)


def tell(console: Console, text: str, style: str = "") -> None:
    """Print a sentence that may hold user text, wrapped at words for the terminal (``say``
    keeps a path or a command whole on one line instead)."""
    from rich.text import Text

    from asmo_cli.core.text import clean

    console.print(Text(clean(text), style=style))


def console_for(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def print_written(
    paths: Sequence[Path],
    warnings: Sequence[str] = (),
    *,
    label: str = "Je rapport",
    open_it: bool = False,
) -> None:
    """Print the main document first ("Je rapport: …"), then the other files; open it if asked."""
    from asmo_cli.api.workspace import cloud_warning

    console = console_for()
    synced = cloud_warning(paths[0].parent) if paths else None
    for warning in (*warnings, *([synced] if synced else [])):
        say(console, f"Let op: {warning}", "yellow")
    if not paths:
        return
    main, *others = paths
    say(console, f"{label}: {main}")
    if others:
        console.print("Ook geschreven:", highlight=False)
        for path in others:
            say(console, f"  {path}")
    if open_it:
        open_document(console, main)


def open_document(console: Console, path: Path) -> None:
    """Open a document with the system's default application; without a desktop, say where."""
    import os

    no_desktop = sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    )
    if no_desktop or typer.launch(str(path)) != 0:
        say(
            console,
            f"Openen lukt hier niet (geen bureaublad gevonden); het bestand staat in: {path}",
        )
