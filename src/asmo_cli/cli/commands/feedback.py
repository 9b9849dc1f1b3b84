"""``asmo feedback``: ask others for feedback on a record (invite) and keep their answers (add)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from asmo_cli.cli.console import console_for, say, show_command, tell
from asmo_cli.cli.help import DutchCommand, DutchGroup
from asmo_cli.cli.options import CouncilOption, DataDir, OutDir, RecordRef, store_council, workspace
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.text import moment_nl, plural, program

if TYPE_CHECKING:  # kept off the path of every other command (asmo roles, --help)
    from rich.console import Console

    from asmo_cli.api.workspace import Workspace
    from asmo_cli.core.feedback import FeedbackResponse
    from asmo_cli.core.record import Record


class FeedbackGroup(DutchGroup):
    """The ``asmo feedback`` group: Dutch help, listed in full in asmo's list of commands."""

    def get_short_help_str(self, limit: int = 45) -> str:
        return " ".join((self.short_help or (self.help or "").split("\n\n")[0]).split())


feedback_app = typer.Typer(
    cls=FeedbackGroup,
    name="feedback",
    help=(
        "Vraag anderen om feedback op je werk en bewaar hun antwoorden.\n\n"
        "invite maakt een uitnodiging voor elke gever (een webpagina en een PDF om te "
        "printen); add bewaart de antwoorden die terugkomen bij je meting."
    ),
    no_args_is_help=True,
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
    options_metavar="[OPTIES]",
    add_completion=False,
    rich_markup_mode=None,
)


def _command() -> Callable[[Callable[..., None]], Callable[..., None]]:
    register: Callable[[Callable[..., None]], Callable[..., None]] = feedback_app.command(
        cls=DutchCommand, options_metavar="[OPTIES]"
    )
    return register


@_command()
def invite(
    record_ref: RecordRef = None,
    givers: Annotated[
        list[str] | None,
        typer.Option(
            "--for",
            metavar="NAAM",
            help="Voor wie de uitnodiging is; herhaal voor meer mensen (één bestand per persoon).",
        ),
    ] = None,
    out: OutDir = None,
    council: CouncilOption = None,
    data_dir: DataDir = None,
) -> None:
    """Maak een uitnodiging (een webpagina en een PDF om te printen) voor feedback op je werk."""
    names: list[str | None] = [g.strip() for g in givers or []] or [None]
    if any(not name for name in names) and givers:
        raise AsmoError("--for: geef een naam, bijvoorbeeld --for 'Jan de Boer'")
    work = workspace(data_dir)
    console = console_for()
    record_ref = store_council(work, record_ref, council, "feedback invite")
    invitations = work.invite(record_ref, names, out=out)
    record = invitations[0].record
    record_id = record.id
    who = f" van {record.name}" if record.name else ""
    tell(console, f"Voor feedback op de meting{who} van {moment_nl(record.created)}:")
    for sent in invitations:
        page = sent.page
        say(
            console,
            f"Uitnodiging voor {sent.giver}: {page}" if sent.giver else f"Uitnodiging: {page}",
        )
        say(console, f"  op papier: {sent.paper}")
    each = (
        "Stuur iedereen het eigen bestand"
        if len(names) > 1
        else f"Stuur {names[0]} de webpagina"
        if names[0]
        else "Stuur de webpagina aan wie je om feedback vraagt"
    )
    tell(
        console,
        f"{each}, bijvoorbeeld als bijlage bij een e-mail. Wie de pagina opent in een browser, "
        "vult haar in en stuurt je het antwoordbestand terug dat ze maakt (of de antwoorden als "
        "tekst in een e-mail: bewaar die tekst dan als bestand, bijvoorbeeld antwoord.json). "
        "Bewaar de antwoorden bij je meting met:",
    )
    show_command(console, f"{program()} feedback add BESTAND...")
    tell(console, "Liever op papier? Print de PDF; typ de ingevulde antwoorden daarna in met:")
    show_command(console, f"{program()} feedback add --interactive {record_id}")


@_command()
def add(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="BESTAND",
            help="Een of meer antwoordbestanden (JSON) van de feedbackpagina; met "
            "--interactive: de meting (standaard de laatste afgeronde).",
            show_default=False,
        ),
    ] = None,
    interactive: Annotated[
        bool,
        typer.Option(
            "--interactive",
            help="Typ een ingevuld papieren formulier in (dezelfde vragen als bij je meting).",
        ),
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Bewaar de antwoorden van anderen bij je meting (antwoordbestanden of een papieren
    formulier)."""

    work = workspace(data_dir)
    if interactive:
        if files and len(files) > 1:
            raise AsmoError("--interactive: geef hoogstens één meting")
        type_in_form(work, str(files[0]) if files else None)
        return
    if not files:
        raise AsmoError(
            "geef een of meer antwoordbestanden, of typ een papieren formulier in met "
            f"{program()} feedback add --interactive"
        )
    kept = work.add_feedback(files)  # all checked first: all kept, or none
    console = console_for()
    for one in kept:
        line = f"Feedback van {one.response.giver} bewaard bij meting {one.record.id}."
        tell(
            console,
            f"{line} De eerdere antwoorden van deze persoon zijn vervangen."
            if one.replaced
            else line,
        )
        if one.twin:
            tell(
                console,
                f"Let op: er was al feedback van {one.response.giver}. Vulde dezelfde persoon de "
                "pagina opnieuw in, dan telt die nu twee keer mee.",
                "yellow",
            )
    for record in {one.record.id: one.record for one in kept}.values():
        say_where(console, record, len(work.feedback(record)))


def say_where(console: Console, record: Record, count: int) -> None:
    """How many gave feedback now, and the commands that show it."""

    tell(
        console,
        f"Meting {record.id} heeft nu feedback van {plural(count, 'persoon', 'personen')}. "
        "Je ziet die in:",
    )
    show_command(console, f"{program()} report {record.id}")
    show_command(console, f"{program()} plan {record.id}")


def type_in_form(work: Workspace, ref: str | None) -> None:
    """Ask a paper form's answers for a record and keep them (also after Ctrl-C)."""
    from asmo_cli.cli.console import require_terminal
    from asmo_cli.cli.session.paper_form import enter_form

    record = work.record_for_paper(ref)
    require_terminal("Een papieren formulier intypen", f"{program()} feedback add BESTAND")
    console = console_for()
    who = f" van {record.name}" if record.name else ""
    tell(console, f"Feedback intypen bij de meting{who} van {moment_nl(record.created)}.")
    again = f"{program()} feedback add --interactive {record.id}"

    def keep(response: FeedbackResponse) -> None:
        work.keep_feedback(record, response)

    try:
        response = enter_form(console, work.catalogue(), record, work.feedback(record), keep)
    except KeyboardInterrupt:
        console.print("\nGestopt. Wat je typte is bewaard. Ga later verder met:")
        show_command(console, again)
        raise typer.Exit(130) from None
    if not response.says_something:
        tell(console, "Niets bewaard: het formulier heeft geen sterren en geen opmerking.")
        return
    tell(console, f"Feedback van {response.giver} bewaard bij meting {record.id}.")
    say_where(console, record, len(work.feedback(record)))
