"""The ``asmo`` app and what its commands share: options, the error handler, consoles.

Each command lives in its own module (``cli/assess.py``, ``cli/report.py`` …) and registers
itself on ``app``; ``cli/app.py`` imports them all. Heavy libraries are imported inside the
commands, so that ``asmo --help`` and ``asmo roles`` start fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from asmo_cli import __version__
from asmo_cli.cli.help import DutchCommand, DutchGroup
from asmo_cli.core.errors import EXIT_PROBLEM, AsmoError

_F = TypeVar("_F", bound=Callable[..., Any])

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.core.catalogue import Catalogue
    from asmo_cli.core.record import Record


class _Group(DutchGroup):
    """Turn every AsmoError into Dutch lines on stderr and exit 1: one handler for all."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except AsmoError as exc:
            fail(exc)
        except OSError as exc:  # a hostile setup (a folder without rights, a closed pipe)
            fail(AsmoError(_os_problem(exc)))


def _os_problem(exc: OSError) -> str:
    """An OS error that no command turned into words yet, in Dutch with the path it names."""
    from asmo_cli.storage.files import os_reason

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


def is_terminal() -> bool:
    """True when a person can be asked something: input and output are a terminal."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def ask_yes_no(question: str, *, stopped: str) -> bool:
    """Ask a j/n question (Enter: no); Ctrl-C says ``stopped`` and exits 130, as everywhere."""
    from asmo_cli.core.errors import EXIT_INTERRUPTED

    try:
        answer = typer.prompt(question, default="n")
    except (KeyboardInterrupt, typer.Abort):
        say(console_for(), "\n" + stopped)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    return str(answer).strip().lower() in ("j", "ja", "y", "yes")


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


app = typer.Typer(
    cls=_Group,
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


DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Map met een eigen catalogus (tasks.yaml, roles.yaml, competencies.yaml).",
        metavar="MAP",
        envvar="ASMO_DATA_DIR",
        show_envvar=True,
        file_okay=False,
    ),
]


def folder_name(text: str) -> Path:
    """Parse ``--out``: an empty name would silently mean the current folder."""
    if not text.strip():
        raise typer.BadParameter("geef de naam van een map, bijvoorbeeld --out rapporten")
    return Path(text)


OutDir = Annotated[
    Path | None,
    typer.Option(
        "--out",
        metavar="MAP",
        parser=folder_name,
        help="Map voor de bestanden (standaard: de map asmo in je Documenten, of 'rapporten' "
        "in ASMO_HOME).",
    ),
]


Assessment = Annotated[
    str | None,
    typer.Argument(
        metavar="METING", help="Id of pad van een meting; standaard de laatste afgeronde."
    ),
]
Target = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="NIVEAU",
        help="Teken het streefprofiel van een functieniveau erbij: administratief, "
        "beleidsmedewerker of adviseur.",
    ),
]


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


def catalogue_from(data_dir: Path | None, *, with_development: bool = False) -> Catalogue:
    from asmo_cli.storage.catalogue import load_catalogue
    from asmo_cli.storage.paths import data_dir as resolve

    return load_catalogue(resolve(data_dir), with_development=with_development)


def print_written(
    paths: Sequence[Path],
    warnings: Sequence[str] = (),
    *,
    label: str = "Je rapport",
    open_it: bool = False,
) -> None:
    """Print the main document first ("Je rapport: …"), then the other files; open it if asked."""
    console = console_for()
    for warning in warnings:
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


OpenIt = Annotated[
    bool,
    typer.Option(
        "--open", help="Open het document na het schrijven, met het programma dat je daarvoor hebt."
    ),
]


def own_record(ref: str | None, command: str) -> Record:
    """Find a record that lives in asmo's own folder; a copy elsewhere is refused in Dutch."""
    from asmo_cli.core.text import program
    from asmo_cli.storage.store import find_record, is_stored

    record = find_record(ref)
    if not is_stored(record):
        raise AsmoError(
            f"{ref}: asmo {command} werkt alleen met metingen in je eigen map; geef het id "
            f"van een meting (zie {program()} history)"
        )
    return record
