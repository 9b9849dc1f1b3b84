"""*Zelfbeeld en feedback*: the words, rows and blocks of the feedback section, once, for
both ``rapport.md`` and ``rapport.pdf`` (each only lays the blocks out).

Names of givers appear only when asked (``asmo report --names``) and only from three givers
up; comments never carry a name.
"""

from __future__ import annotations

from dataclasses import dataclass

from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.feedback import (
    MIN_GIVERS_FOR_DETAIL,
    MIN_GROUP,
    OPEN_ROLE,
    Others,
    RoleGap,
    Withheld,
    giver_roles,
    members_word,
)
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import (
    ENOUGH_RULE,
    THIN,
    difference,
    format_delta,
    format_score,
    number,
    plural,
)
from asmo_cli.render.blocks import Block, Bullets, Column, Heading, Paragraph, Size, Table

TITLE = "Zelfbeeld en feedback"
HIDDEN = "Verborgen krachten"
BLIND = "Blinde vlekken"
HIDDEN_NOTE = (
    "hier geven anderen je minstens 1,0 meer dan je jezelf gaf (gerekend met de scores zoals ze "
    "in de tabel staan)"
)
BLIND_NOTE = (
    "hier geven anderen je minstens 1,0 minder dan je jezelf gaf (gerekend met de scores zoals "
    "ze in de tabel staan)"
)
ROLE_HEADINGS = ("Rol", "Zelf", "Anderen", "Verschil")
ACTIVITY_HEADINGS = ("Activiteit", "Werkzaamheid", "Zelf", "Anderen", "Verschil")
THIN_NOTE = f"Tussen haakjes: {THIN} (genoeg is {ENOUGH_RULE})."
ENOUGH = {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}[MIN_GIVERS_FOR_DETAIL]  # in a sentence


@dataclass(frozen=True)
class FeedbackSection:
    intro: tuple[str, ...]
    role_rows: tuple[tuple[str, ...], ...]
    hidden: tuple[tuple[str, str], ...]  # (bold lead, text)
    blind: tuple[tuple[str, str], ...]
    activity_rows: tuple[tuple[str, ...], ...]
    comments: tuple[tuple[str, tuple[str, ...]], ...]  # werkzaamheid, its comments
    giver_headings: tuple[str, ...]  # with --names and enough givers: Rol, then one per giver
    giver_rows: tuple[tuple[str, ...], ...]
    comparable: bool = True  # some role has enough data on both sides


def feedback_section(result: Result, *, names: bool = False) -> FeedbackSection | None:
    """Return the section's content, or None when nobody gave feedback."""
    others = result.others
    if others is None:
        return None
    intro = [givers_text(others, result.record.council)]
    if left_out := withheld_text(result.withheld, result.record.council):
        intro.append(left_out)
    if others.rating_givers < others.givers:
        intro.append(
            f"Van hen gaven er {others.rating_givers} sterren; de cijfers komen alleen van hen."
        )
    if others.givers > 1 and not others.show_per_giver:
        intro.append(
            f"Omdat minder dan {ENOUGH} mensen feedback gaven, staan hier geen cijfers per persoon."
        )
    intro.append(
        "Zelf: je eigen score. Anderen: het gemiddelde van de mensen die feedback gaven, op "
        "dezelfde manier berekend. Een verschil staat er alleen als beide kanten genoeg "
        f"gegevens hebben. {THIN_NOTE}"
    )
    rows = []
    for own in result.scores.roles:
        theirs = others.role(own.role_id)
        both = theirs is not None and own.enough_data and theirs.enough_data
        rows.append((own.name, _score(own), _score(theirs), _shown_delta(own, theirs, both)))
    headings: tuple[str, ...] = ()
    giver_rows: list[tuple[str, ...]] = []
    if names and others.per_giver:
        headings = ("Rol", *(g.label[:1].upper() + g.label[1:] for g in others.per_giver))
        for own in result.scores.roles:
            cells = [_score(g.scores.role(own.role_id)) for g in others.per_giver]
            giver_rows.append((own.name, *cells))
    return FeedbackSection(
        intro=tuple(intro),
        role_rows=tuple(rows),
        hidden=tuple(gap_figures(g) for g in others.hidden_strengths),
        blind=tuple(gap_figures(g) for g in others.blind_spots),
        activity_rows=tuple(
            (
                g.activity_name,
                g.task_name,
                str(g.own),
                f"{number(g.others)} ({plural(g.raters, 'persoon', 'personen')})",
                format_delta(g.shown_difference),
            )
            for g in others.differences
        ),
        comments=tuple((c.name, c.texts) for c in others.comments),
        giver_headings=headings,
        giver_rows=tuple(giver_rows),
        comparable=any(row[3] != "–" for row in rows),
    )


def _shown_delta(own: RoleScore, theirs: RoleScore | None, both: bool) -> str:
    """The difference of the two scores as shown (each rounded half up to one decimal), so
    that the table adds up for the reader; '–' without enough data on both sides."""
    if not both or theirs is None or own.score is None or theirs.score is None:
        return "–"
    return format_delta(difference(theirs.score, own.score))


def names_note(result: Result) -> str | None:
    """What ``--names`` could not show: with too few givers nothing per person, and never
    anyone but the voorzitter (the others count only together)."""
    others = result.others
    if others is None:
        return None
    if not others.show_per_giver:
        return (
            f"Cijfers en namen per persoon staan er pas bij als minstens {ENOUGH} mensen "
            "feedback gaven, zodat niemand aan zijn antwoorden te herkennen is."
        )
    if any(role != OPEN_ROLE for role, _ in others.giver_roles):
        return (
            "Per persoon staan alleen de cijfers van de voorzitter erbij; van de andere "
            "groepen alleen hun gemiddelde, zodat niemand aan zijn antwoorden te herkennen is."
        )
    return None


def no_gaps_text(kind: str, comparable: bool = True) -> str:
    if not comparable:
        return "Te weinig gegevens om zelf en anderen per rol te vergelijken."
    return f"Geen rol waarbij anderen je minstens 1,0 {kind} inschatten dan jezelf."


SOLO = {  # the one giver, as the subject of a sentence
    "voorzitter": "Je voorzitter",
    "or-lid": "Een OR-lid",
    "commissielid": "Een commissielid",
    "leidinggevende": "Je hiërarchisch leidinggevende",
    "bestuurder-hr": "De bestuurder of HR",
    "collega-as": "Een collega-AS",
    "anders": "Iemand anders",
}
# otherwise "een " + the role as written in a sentence
ONE = {
    "anders": "iemand anders",
    "bestuurder-hr": "iemand van bestuur of HR",
    "voorzitter": "je voorzitter",
}
MANY = {
    "voorzitter": "voorzitters",
    "or-lid": "OR-leden",
    "commissielid": "commissieleden",
    "leidinggevende": "hiërarchisch leidinggevenden",
    "bestuurder-hr": "mensen van bestuur of HR",
    "collega-as": "collega-AS'en",
    "anders": "anderen",
}


def withheld_text(withheld: Withheld, council: Council = NEUTRAL) -> str | None:
    """What the anonymity rule left out, and why, in one or two sentences (None: nothing)."""
    if not withheld.anything:
        return None
    words, many = giver_roles(council), {**MANY, "or-lid": members_word(council)}
    text = ""
    enough = {2: "twee", 3: "drie", 4: "vier", 5: "vijf"}.get(MIN_GROUP, str(MIN_GROUP))
    if withheld.groups:
        groups = [
            ONE.get(role, f"een {words.get(role, role)}")
            if n == 1
            else f"{n} {many.get(role, role)}"
            for role, n in withheld.groups
        ]
        text = (
            f"Niet meegeteld: de antwoorden van {and_list(groups)}. Van een groep tellen de "
            f"antwoorden pas mee vanaf {enough} mensen, zodat niemand aan zijn antwoorden te "
            "herkennen is; alleen de voorzitter staat er als zichzelf in."
        )
    ratings = plural(withheld.answers, "beoordeling", "beoordelingen")
    comments = plural(withheld.comments, "opmerking", "opmerkingen")
    counted = "telde" if withheld.answers == 1 else "telden"
    stand = "staat" if withheld.comments == 1 else "staan"
    if withheld.answers and withheld.comments:
        text += f" In totaal {counted} {ratings} daarom niet mee, en {stand} {comments} er niet in."
    elif withheld.answers:
        text += f" In totaal {counted} {ratings} daarom niet mee."
    elif withheld.comments:
        text += f" Daarom {stand} {comments} er niet in."
    if withheld.per_activity:
        partly = plural(withheld.per_activity, "beoordeling", "beoordelingen")
        text += (
            f" Waar minder dan {enough} mensen van een groep een activiteit beoordeelden, telt "
            f"die groep daar niet mee ({partly})."
        )
    return text.strip()


def givers_text(others: Others, council: Council = NEUTRAL) -> str:
    """'3 personen gaven feedback op dezelfde activiteiten als jij: een voorzitter en 2
    OR-leden.' Roles only, never names; the members named as her council's."""
    words = giver_roles(council)
    member = words["or-lid"]
    solo_words = {**SOLO, "or-lid": f"Een {member}"}
    many = {**MANY, "or-lid": members_word(council)}
    parts = []
    for role, count in others.giver_roles:
        word = words.get(role, role)
        if count == 1:
            parts.append(ONE.get(role, f"een {word}"))
        else:
            parts.append(f"{count} {many.get(role, word)}")
    if others.givers == 1 and len(others.giver_roles) == 1:
        solo = solo_words.get(others.giver_roles[0][0], "Iemand")
        return f"{solo} gaf feedback op dezelfde activiteiten als jij."
    people = plural(others.givers, "persoon gaf", "personen gaven")
    listed = f": {and_list(parts)}" if parts else ""
    return f"{people} feedback op dezelfde activiteiten als jij{listed}."


def and_list(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} en {parts[-1]}"


def _score(role: RoleScore | None) -> str:
    if role is None or role.score is None:
        return "n.v.t."
    text = format_score(role.score)
    return text if role.enough_data else f"({text})"


def gap_figures(gap: RoleGap) -> tuple[str, str]:
    """A role where self and others differ: its name, and 'zelf 3,0, anderen 4,2 (+1,2)'."""
    return (
        gap.name,
        f"zelf {format_score(gap.own)}, anderen {format_score(gap.others)} "
        f"({format_delta(gap.shown_difference)})",
    )


PER_TABLE = 5  # givers side by side in the table per giver


def feedback_blocks(result: Result, *, names: bool = False) -> list[Block]:
    """The section as blocks (nothing without feedback): the role table, the hidden strengths
    and blind spots, the activities, the comments and, when asked, the givers."""
    section = feedback_section(result, names=names)
    if section is None:
        left_out = withheld_text(result.withheld, result.record.council)
        return [Heading(TITLE), Paragraph(left_out, Size.SMALL)] if left_out else []
    blocks: list[Block] = [Heading(TITLE), *(Paragraph(t, Size.SMALL) for t in section.intro)]
    widths, aligns = (0.4, 0.2, 0.2, 0.2), ("LEFT", "RIGHT", "RIGHT", "RIGHT")
    columns = tuple(Column(h, w, a) for h, w, a in zip(ROLE_HEADINGS, widths, aligns, strict=True))
    blocks.append(Table(columns, section.role_rows))
    for title, note, gaps, kind in (
        (HIDDEN, HIDDEN_NOTE, section.hidden, "hoger"),
        (BLIND, BLIND_NOTE, section.blind, "lager"),
    ):
        blocks += [Heading(title, 3), Paragraph(f"{note.capitalize()}.", Size.NOTE)]
        if gaps:
            blocks.append(Bullets(tuple(gaps), Size.SMALL))
        else:
            blocks.append(Paragraph(no_gaps_text(kind, section.comparable), Size.SMALL))
    if section.activity_rows:
        shares = (0.34, 0.24, 0.08, 0.2, 0.14)
        sides = ("LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT")
        heads = ACTIVITY_HEADINGS
        columns = tuple(Column(h, w, a) for h, w, a in zip(heads, shares, sides, strict=True))
        blocks += [
            Heading("De grootste verschillen per activiteit", 3),
            Table(columns, section.activity_rows, size=Size.SMALL),
        ]
    if section.comments:
        blocks.append(Heading("Opmerkingen (zonder namen)", 3))
        for task, texts in section.comments:
            blocks.append(Bullets(tuple((task, text) for text in texts), Size.SMALL))
    if section.giver_rows:
        blocks += [Heading("Per gever", 3), *_per_giver(section)]
    if names and (missing := names_note(result)):
        blocks.append(Paragraph(missing, Size.SMALL))
    return blocks


def _per_giver(section: FeedbackSection) -> list[Block]:
    """Each giver's role scores, in tables of at most PER_TABLE givers side by side."""
    givers = section.giver_headings[1:]
    tables: list[Block] = []
    for start in range(0, len(givers), PER_TABLE):
        part = givers[start : start + PER_TABLE]
        share = 0.7 / len(part)
        columns = (Column("Rol", 0.3), *(Column(h, share, "RIGHT") for h in part))
        rows = tuple(
            (row[0], *row[1 + start : 1 + start + PER_TABLE]) for row in section.giver_rows
        )
        tables.append(Table(columns, rows, size=Size.SMALL))
    return tables
