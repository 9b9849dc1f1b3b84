"""``asmo feedback``: ask others for feedback on a record (invite) and keep their answers (add)."""

from __future__ import annotations

import re
import shlex
import unicodedata
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from asmo_cli.cli.base import (
    Assessment,
    DataDir,
    OutDir,
    catalogue_from,
    console_for,
    say,
    show_command,
    tell,
)
from asmo_cli.cli.help import DutchCommand, DutchGroup
from asmo_cli.core.errors import AsmoError

if TYPE_CHECKING:  # kept off the path of every other command (asmo roles, --help)
    from rich.console import Console

    from asmo_cli.core.catalogue import Catalogue
    from asmo_cli.core.feedback import FeedbackResponse
    from asmo_cli.core.record import Record

MAX_SLUG_CHARS = 60


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


def file_slug(name: str | None) -> str:
    """Return a name as a safe piece of a file name ('Jan de Boer' → 'jan-de-boer')."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:MAX_SLUG_CHARS].strip("-") or "feedback"


def invitation_names(givers: Sequence[str | None]) -> list[str]:
    """Return one file name per giver: uitnodiging-<naam>.html, made unique with -2, -3 …"""
    names: list[str] = []
    for giver in givers:
        base = f"uitnodiging-{file_slug(giver)}"
        name, n = f"{base}.html", 1
        while name in names:
            n += 1
            name = f"{base}-{n}.html"
        names.append(name)
    return names


@_command()
def invite(
    assessment: Assessment = None,
    givers: Annotated[
        list[str] | None,
        typer.Option(
            "--for",
            metavar="NAAM",
            help="Voor wie de uitnodiging is; herhaal voor meer mensen (één bestand per persoon).",
        ),
    ] = None,
    out: OutDir = None,
    data_dir: DataDir = None,
) -> None:
    """Maak een uitnodiging (een webpagina en een PDF om te printen) voor feedback op je werk."""
    from asmo_cli.cli.base import own_record
    from asmo_cli.cli.outputs import record_is_safe, target_dir, writing_for
    from asmo_cli.core.text import program
    from asmo_cli.render.invitation import render_invitation
    from asmo_cli.render.pdf_invitation import render_invitation_pdf
    from asmo_cli.storage.store import unfinished_error

    names: list[str | None] = [g.strip() for g in givers or []] or [None]
    if any(not name for name in names) and givers:
        raise AsmoError("--for: geef een naam, bijvoorbeeld --for 'Jan de Boer'")
    catalogue = catalogue_from(data_dir)
    record = own_record(assessment, "feedback invite")
    if not record.is_complete:
        raise unfinished_error(record)
    folder = target_dir(out, record)
    pages = [folder / file_name for file_name in invitation_names(names)]
    with writing_for(record) as writer, record_is_safe(record):
        writer.check([path for page in pages for path in (page, page.with_suffix(".pdf"))])
        items: list[tuple[Path, str | bytes]] = []
        for giver, page in zip(names, pages, strict=True):
            items.append((page, render_invitation(catalogue, record, giver)))
            items.append(
                (page.with_suffix(".pdf"), render_invitation_pdf(catalogue, record, giver))
            )
        written = writer.write_all(items)
    console = console_for()
    for giver, page, paper in zip(names, written[::2], written[1::2], strict=True):
        say(console, f"Uitnodiging voor {giver}: {page}" if giver else f"Uitnodiging: {page}")
        say(console, f"  op papier: {paper}")
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
    show_command(console, f"{program()} feedback add --interactive {record.id}")


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
    from asmo_cli.core.text import program
    from asmo_cli.storage.feedback import load_feedback, read_feedback_files, store_feedback
    from asmo_cli.storage.store import list_records

    catalogue = catalogue_from(data_dir)
    if interactive:
        if files and len(files) > 1:
            raise AsmoError("--interactive: geef hoogstens één meting")
        type_in_form(catalogue, str(files[0]) if files else None)
        return
    if not files:
        raise AsmoError(
            "geef een of meer antwoordbestanden, of typ een papieren formulier in met "
            f"{program()} feedback add --interactive"
        )
    received = read_feedback_files(files, catalogue, list_records())  # all checked first
    check_together(received, files)
    replaced = store_feedback(received)
    console = console_for()
    for (record, response), again in zip(received, replaced, strict=True):
        line = f"Feedback van {response.giver} bewaard bij meting {record.id}."
        tell(
            console,
            f"{line} De eerdere antwoorden van deze persoon zijn vervangen." if again else line,
        )
        twins = any(response.same_giver(r) for r in load_feedback(record.id))
        if twins and not again:
            tell(
                console,
                f"Let op: er was al feedback van {response.giver}. Vulde dezelfde persoon de "
                "pagina opnieuw in, dan telt die nu twee keer mee.",
                "yellow",
            )
    for record_id in dict.fromkeys(record.id for record, _ in received):
        say_where(console, record_id)


def say_where(console: Console, record_id: str) -> None:
    """How many gave feedback now, and the commands that show it."""
    from asmo_cli.core.text import program
    from asmo_cli.storage.feedback import load_feedback

    count = len(load_feedback(record_id))
    people = "1 persoon" if count == 1 else f"{count} personen"
    tell(console, f"Meting {record_id} heeft nu feedback van {people}. Je ziet die in:")
    show_command(console, f"{program()} report {record_id}")
    show_command(console, f"{program()} plan {record_id}")


def check_together(
    received: Sequence[tuple[Record, FeedbackResponse]], files: Sequence[Path]
) -> None:
    """Refuse, before anything is kept, feedback for an unfinished record and two files with
    the same answers (the same response_id): which one should count?"""
    from asmo_cli.storage.store import unfinished_error

    for record, _ in received:
        if not record.is_complete:
            raise unfinished_error(record)
    seen: dict[tuple[str, str], Path] = {}
    for (record, response), path in zip(received, files, strict=True):
        key = (record.id, response.response_id)
        if key in seen:
            raise AsmoError(
                f"{seen[key]} en {path} zijn antwoorden van dezelfde gever (hetzelfde "
                "response_id); geef er één, dan is duidelijk welke telt. Er is niets bewaard"
            )
        seen[key] = path


def type_in_form(catalogue: Catalogue, ref: str | None) -> None:
    """Ask a paper form's answers for a record and keep them (also after Ctrl-C)."""
    from asmo_cli.cli.base import require_terminal
    from asmo_cli.cli.feedback_entry import enter_form
    from asmo_cli.core.text import program
    from asmo_cli.storage.feedback import load_feedback, store_feedback
    from asmo_cli.storage.store import find_complete, is_stored

    if ref and ref.lower().endswith(".json"):
        raise AsmoError(
            f"{ref} is een antwoordbestand, geen meting; bewaar het met: "
            f"{program()} feedback add {shlex.quote(ref)}"
        )
    record = find_complete(ref)
    if not is_stored(record):
        raise AsmoError(
            f"{ref}: feedback kan alleen bij een meting in je eigen map; geef het id van een "
            f"meting (zie {program()} history)"
        )
    require_terminal("Een papieren formulier intypen", f"{program()} feedback add BESTAND")
    console = console_for()
    again = f"{program()} feedback add --interactive {record.id}"

    def keep(response: FeedbackResponse) -> None:
        store_feedback([(record, response)])

    try:
        response = enter_form(console, catalogue, record, load_feedback(record.id), keep)
    except KeyboardInterrupt:
        console.print("\nGestopt. Wat je typte is bewaard. Ga later verder met:")
        show_command(console, again)
        raise typer.Exit(130) from None
    if not response.says_something:
        tell(console, "Niets bewaard: het formulier heeft geen sterren en geen opmerking.")
        return
    tell(console, f"Feedback van {response.giver} bewaard bij meting {record.id}.")
    say_where(console, record.id)
