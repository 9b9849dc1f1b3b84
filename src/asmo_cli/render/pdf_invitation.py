"""``uitnodiging.pdf``: the feedback questions on paper, for givers who would rather tick boxes.

The same questions as the HTML invitation (``invitation.py``): the chosen werkzaamheden with
their activities, 1 to 5 or "kan ik niet beoordelen", the giver's role, and room for a
comment per werkzaamheid. The record and questionnaire version are printed small, so that
the AS can type the answers in with ``asmo feedback add --interactive`` for the right record.
"""

from __future__ import annotations

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import Council
from asmo_cli.core.feedback import anonymity_note, giver_role_titles
from asmo_cli.core.record import Record
from asmo_cli.core.text import clean
from asmo_cli.render.blocks import Column
from asmo_cli.render.invitation import CANNOT_JUDGE, NO_NAME, as_names, mzo_note, third_person
from asmo_cli.render.pdf import Document

BOX = "☐"


def render_invitation_pdf(catalogue: Catalogue, record: Record, giver: str | None) -> bytes:
    """Return the paper feedback form for one giver (A4, to print and fill in by hand)."""
    full, short = as_names(record.name)
    match = f"meting {record.id} · vragenlijst {record.catalogue_version}"
    doc = Document(
        "Feedback voor de ambtelijk secretaris",
        record.created,
        f"Vertrouwelijk · feedback voor {full}",
    )
    about = "de ambtelijk secretaris" if full == NO_NAME else full
    doc.title("Feedback voor de ambtelijk secretaris", about)
    greeting = f"Beste {clean(giver)}," if giver and clean(giver) else "Hallo,"
    doc.paragraph(greeting)
    who = "De ambtelijk secretaris" if full == NO_NAME else f"{full} is ambtelijk secretaris en"
    doc.paragraph(
        f"{who} vraagt je om feedback. Hoe goed doet {short} het werk hieronder? "
        f"{_cap(short)} heeft dezelfde vragen zelf ook beantwoord en wil graag weten hoe jij dat "
        f"ziet, bijvoorbeeld voor een ontwikkelgesprek. Er zijn geen goede of foute antwoorden: "
        f"kruis alleen aan wat je zelf hebt gezien, en anders '{CANNOT_JUDGE}'. Een vraag "
        "overslaan mag ook." + mzo_note(catalogue.council)
    )
    doc.paragraph(
        f"Geef het ingevulde formulier terug aan {short}. Je antwoorden gaan nergens anders "
        f"heen; {short} ziet wat je invult, en je naam als je die geeft. " + anonymity_note(short),
        size=9.5,
    )
    _giver(doc, short, catalogue.council)
    _scale(doc, catalogue, short)
    tasks = [t for t in catalogue.tasks if t.id in record.ratings]
    for task in tasks:
        doc.keep(55 + 10 * len(task.activities))  # questions and comment box stay together
        doc.heading(task.name)
        columns = [
            Column("Hoe goed doet " + short + " dit?", 0.52),
            *(Column(str(stars), 0.06, "CENTER") for stars in range(1, 6)),
            Column(CANNOT_JUDGE, 0.18, "CENTER"),
        ]
        rows = [[a.name, *([BOX] * 6)] for a in task.activities]
        doc.table(columns, rows, size=9.5, boxes=True)
        doc.ruled_box("Opmerking (mag je leeg laten)", lines=3)
    if not tasks:
        doc.paragraph("Er staan geen werkzaamheden in deze vragenlijst.")
    doc.paragraph("Ingevuld op (datum): ____________________")
    doc.paragraph(f"Kenmerk voor {short}: {match}.", size=8, grey=True)
    return doc.output()


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _giver(doc: Document, short: str, council: Council) -> None:
    doc.heading("Over jou")
    doc.paragraph(f"In welke rol werk je met {short} samen? Kruis er één aan.", size=9.5)
    doc.table(
        [Column("", 0.06, "CENTER"), Column("", 0.94)],
        [[BOX, label] for label in giver_role_titles(council).values()],
        headings=False,
        size=9.5,
    )
    doc.paragraph("Je naam (mag je leeg laten): ________________________________________")


def _scale(doc: Document, catalogue: Catalogue, short: str) -> None:
    doc.heading("Wat betekenen 1 tot en met 5?")
    doc.paragraph(
        f"Het gaat erom hoe goed {short} een activiteit beheerst, niet hoe vaak.", size=9.5
    )
    doc.bullets(
        [(f"{level.stars} {level.label}", third_person(level, short)) for level in catalogue.scale],
        size=9.5,
    )
