"""``asmo feedback``: ask others for feedback on a record (invite), keep their answers (add),
see them with a number each (list) and remove one again (remove)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from asmo_cli.cli.console import ask_yes_no, console_for, is_terminal, say, show_command, tell
from asmo_cli.cli.help import DutchCommand, DutchGroup
from asmo_cli.cli.options import CouncilOption, DataDir, OutDir, RecordRef, store_council, workspace
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.text import dates_nl, moment_nl, plural, program

if TYPE_CHECKING:  # kept off the path of every other command (asmo roles, --help)
    from rich.console import Console
    from rich.padding import Padding

    from asmo_cli.api.workspace import KeptResponse, Workspace
    from asmo_cli.core.council import Council
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
        "printen); add bewaart de antwoorden die terugkomen bij je meting; list toont ze met "
        "een nummer, en remove verwijdert er een."
    ),
    no_args_is_help=True,
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
    options_metavar="[OPTIES]",
    add_completion=False,
    rich_markup_mode=None,
)


def _command(name: str | None = None) -> Callable[[Callable[..., None]], Callable[..., None]]:
    register: Callable[[Callable[..., None]], Callable[..., None]] = feedback_app.command(
        name, cls=DutchCommand, options_metavar="[OPTIES]"
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
        say_where(console, record, work.feedback(record))


def say_where(console: Console, record: Record, kept: list[FeedbackResponse]) -> None:
    """How many gave feedback now, which groups do not count yet, and the commands that show
    it."""
    from asmo_cli.core.feedback import waiting_groups

    count = len(kept)
    tell(
        console,
        f"Meting {record.id} heeft nu feedback van {plural(count, 'persoon', 'personen')}. "
        "Je ziet die in:",
    )
    show_command(console, f"{program()} report {record.id}")
    show_command(console, f"{program()} plan {record.id}")
    if waiting := waiting_groups(kept, record.council):  # after the commands it announces
        tell(console, waiting)


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
        catalogue = work.catalogue_for(record)  # in the words of her council, as her form
        response = enter_form(console, catalogue, record, work.feedback(record), keep)
    except KeyboardInterrupt:
        console.print("\nGestopt. Wat je typte is bewaard. Ga later verder met:")
        show_command(console, again)
        raise typer.Exit(130) from None
    if not response.says_something:
        tell(console, "Niets bewaard: het formulier heeft geen sterren en geen opmerking.")
        return
    tell(console, f"Feedback van {response.giver} bewaard bij meting {record.id}.")
    say_where(console, record, work.feedback(record))


@_command("list")
def list_responses(record_ref: RecordRef = None, data_dir: DataDir = None) -> None:
    """Toon de feedback die bij je meting bewaard is: per antwoord een nummer, de rol en
    naam van de gever en de datum."""
    found = workspace(data_dir).responses(record_ref)
    record = found.record
    console = console_for()
    who = f" van {record.name}" if record.name else ""
    if not found.kept:
        tell(
            console,
            f"Bij meting {record.id}{who} is nog geen feedback van anderen bewaard. Vraag erom "
            "met een uitnodiging (een webpagina en een PDF om te printen):",
        )
        show_command(console, f"{program()} feedback invite {record.id}")
        tell(console, "Bewaar de antwoorden die terugkomen met:")
        show_command(console, f"{program()} feedback add BESTAND...")
        return
    count = plural(len(found.kept), "persoon", "personen")
    tell(console, f"Meting {record.id}{who} heeft feedback van {count}:")
    console.print(numbered(found.kept, record.council))
    tell(console, "Een antwoord verwijderen:")
    show_command(console, f"{program()} feedback remove {record.id} NR")


def numbered(kept: Sequence[KeptResponse], council: Council) -> Padding:
    """One row per response, indented: its number, then who gave it and when (wrapped under
    itself, not under the number)."""
    from rich.padding import Padding
    from rich.table import Table

    from asmo_cli.render.terminal import plain

    known = [one.received for one in kept if one.received is not None]
    dates = dict(zip(known, dates_nl(known), strict=True))
    grid = Table.grid(padding=(0, 1))
    grid.add_column(justify="right", no_wrap=True)
    grid.add_column()
    for one in kept:
        label = one.response.label_for(council)
        parts = [label[:1].upper() + label[1:]]
        parts += ["op papier"] if one.is_paper else []
        parts += ["nog niet af (telt nog niet mee)"] if one.is_draft else []
        parts.append(dates[one.received] if one.received is not None else "datum onbekend")
        grid.add_row(f"{one.number}.", plain(", ".join(parts)))
    return Padding.indent(grid, 2)


@_command()
def remove(
    record_ref: Annotated[
        str,
        typer.Argument(metavar="METING", help=f"Id van de meting (zie {program()} history)."),
    ],
    number: Annotated[
        str,
        typer.Argument(
            metavar="NR",
            help=f"Het nummer van het antwoord in {program()} feedback list.",
            show_default=False,
        ),
    ],
    yes: Annotated[
        bool, typer.Option("--yes", help="Niet om bevestiging vragen (nodig zonder terminal).")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Verwijder één antwoord van de feedback bij je meting (het nummer uit feedback list)."""
    from asmo_cli.render.terminal import fit_message

    console = console_for()
    chosen = parse_number(number, record_ref)

    def confirm(record: Record, one: KeptResponse) -> bool:
        if yes:
            return True
        if not is_terminal():
            raise AsmoError(
                "asmo feedback remove vraagt om bevestiging; gebruik zonder terminal: "
                f"{program()} feedback remove {record.id} {one.number} --yes"
            )
        question = fit_message(f"Wil je {described(one, record.council)} verwijderen? (j/n)", 6)
        return ask_yes_no(question, stopped="Gestopt; niets verwijderd.")

    work = workspace(data_dir)
    removed = work.remove_response(record_ref, chosen, confirm)
    if removed is None:
        say(console, "Niets verwijderd.")
        return
    record, one = removed.record, removed.removed
    tell(console, f"Verwijderd: {described(one, record.council)} bij meting {record.id}.")
    left = (
        f"nu feedback van {plural(removed.left, 'persoon', 'personen')}"
        if removed.left
        else "geen feedback van anderen meer"
    )
    tell(console, f"Meting {record.id} heeft {left}.")
    if one.number <= removed.left:
        tell(console, "De antwoorden daarna schuiven een nummer op; bekijk ze met:")
        show_command(console, f"{program()} feedback list {record.id}")
    tell(console, "Je rapport verandert daardoor niet vanzelf; maak het opnieuw met:")
    show_command(console, f"{program()} report {record.id}")
    if work.documents(record).has_plan:
        tell(console, "Je ontwikkelplan ook niet; maak het opnieuw met:")
        show_command(console, f"{program()} plan {record.id}")


MAX_NUMBER_DIGITS = 6  # far more than the givers asmo keeps with a record


def parse_number(text: str, record_ref: str) -> int:
    """The number of a response, as ``asmo feedback list`` shows it ("2" or "2."); a Dutch
    line otherwise."""
    digits = text.strip().removesuffix(".")
    if not (digits.isascii() and digits.isdigit() and len(digits) <= MAX_NUMBER_DIGITS):
        shown = text if len(text) <= 20 else f"{text[:20]}…"
        raise AsmoError(
            f"'{shown}' is geen nummer van een antwoord; geef een nummer uit "
            f"{program()} feedback list {record_ref}, bijvoorbeeld 1"
        )
    return int(digits)


def described(one: KeptResponse, council: Council) -> str:
    """'feedback 2 van de voorzitter (Jan), bewaard op 03-12-2026': which one, in a sentence."""
    when = f", bewaard op {moment_nl(one.received)}," if one.received is not None else ""
    return f"feedback {one.number} van {one.response.giver_for(council)}{when}"
