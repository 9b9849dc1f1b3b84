"""Feedback from others in the development plan: the section, its title, blind spots first."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.api.plans import write_plan
from asmo_cli.cli.app import app
from asmo_cli.core.ambition import DEFAULT, LEVEL, Ambition
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.plan import make_plan
from asmo_cli.core.record import Record
from asmo_cli.core.result import compute_result
from asmo_cli.render.feedback_view import MANY, withheld_text
from asmo_cli.render.plan_content import render_plan
from asmo_cli.render.plan_feedback import CHAIR_TITLE, plan_feedback
from asmo_cli.storage.feedback import store_feedback
from asmo_cli.storage.store import record_path, save_record

NAMES = ("Jan Jansen", "Petra de Boer", "Karel Appel")
WHY = "anderen zien hier minder dan ik, en het niveau vraagt meer."
CHAIR_QUESTION = "Wat ziet de voorzitter als mijn sterke kanten, en waar kan ik groeien?"
# The example's roles towards adviseur: Kenner 2,8 (gap 1,7), Beleidsadviseur 3,0 (1,5),
# Procesbewaker 3,7 (0,8); Organisator 4,1 and Penvoerder 4,0 are not below their 4,0.
# Verbinder (27% coverage), Coach (29%) and Trainer (2 rated) rest on too little data.
ADVISEUR = Ambition(LEVEL, level="adviseur")
PROCESS = ("bewaken-afspraken", "reglement")  # 5 core activities of Procesbewaker, and 1 more
ADVISE = ("beleidsvoorbereiding",)  # 5 rated core activities of Beleidsadviseur
ORGANISE = ("overlegvergaderingen", "verkiezingen", "werkwijze-secretariaat", "begroting")
# ORGANISE holds 11 of the 15 rated core activities of Organisator


@pytest.fixture
def example(catalogue: Catalogue) -> Record:
    from tools.examples import example_record

    return example_record(catalogue)


def giver(
    record: Record,
    role: str,
    number: int,
    low: tuple[str, ...] = (),
    high: tuple[str, ...] = (),
    comments: dict[str, str] | None = None,
) -> FeedbackResponse:
    """A giver who rates like the record, but 1 star in ``low`` and 5 in ``high``."""
    ratings = {
        task: {
            a: None if v is None else 1 if task in low else 5 if task in high else v
            for a, v in acts.items()
        }
        for task, acts in record.ratings.items()
    }
    return FeedbackResponse(f"r-{number}", role, NAMES[number % 3], ratings, comments or {})


def givers(
    record: Record, role: str, first: int, count: int = 3, low: tuple[str, ...] = ()
) -> list[FeedbackResponse]:
    """``count`` givers of one role who all rate alike: from three on, a group that counts
    (every activity rated by all of them), with their mean exactly their common stars."""
    return [giver(record, role, first + i, low) for i in range(count)]


def _plan_text(runner: CliRunner, ref: str, out: Path, *options: str) -> tuple[str, str, int]:
    """Run asmo plan (towards adviseur, unless ``options`` say otherwise); return the
    Markdown, the PDF's text (spaces normalised), its pages."""
    result = runner.invoke(app, ["plan", ref, "--out", str(out), *(options or TOWARDS_ADVISEUR)])
    assert result.exit_code == 0, result.output
    reader = PdfReader(out / "ontwikkelplan.pdf")
    pdf = " ".join(" ".join(p.extract_text() or "" for p in reader.pages).split())
    return (out / "ontwikkelplan.md").read_text(encoding="utf-8"), pdf, len(reader.pages)


TOWARDS_ADVISEUR = ("--target", "adviseur")
GROW = ("--target", "beleidsmedewerker")  # the example's own level: grow in her function


def _section(text: str, heading: str) -> str:
    match = re.search(rf"^##+ {heading}\n(.*?)(?=^##+ |\Z)", text, re.S | re.M)
    assert match, heading
    return match.group(1)


def _focus(text: str) -> list[str]:
    """The focus roles in the plan's order: the first rows of the roles table."""
    section = _section(text, "Mijn rollen: rapport en plan naast elkaar")
    return re.findall(r"^\| (\w+) \| [^|]+ \| [^|]+ \| [^|]* \| focusrol ", section, re.M)


def _store(record: Record, *responses: FeedbackResponse) -> None:
    save_record(record)
    store_feedback([(record, r) for r in responses])


def test_blind_spot_first_and_the_section_filled(
    runner: CliRunner, example: Record, tmp_path: Path
) -> None:
    """Procesbewaker (gap 0,8, third) is a blind spot: it comes first and the plan says why;
    the section names the givers' roles, the figures and the comments, never a name.

    The voorzitter and three OR-leden rate alike and count; a hiërarchisch leidinggevende
    alone in her group (5 on Procesbewaker's areas, 1 on beleidsvoorbereiding) is left out:
    the figures below are those of the four, and her comment is not there."""
    comments = {"reglement": "Haal de wet er vaker bij.", "archief": "Alles is altijd vindbaar."}
    _store(
        example,
        giver(example, "voorzitter", 0, PROCESS, ADVISE, comments),
        giver(example, "or-lid", 1, PROCESS, ADVISE, {"reglement": "Bewaak de termijnen."}),
        giver(example, "or-lid", 2, PROCESS, ADVISE),
        giver(example, "or-lid", 3, PROCESS, ADVISE),
        giver(example, "leidinggevende", 4, ADVISE, PROCESS, {"reglement": "Alleen van mij."}),
    )
    md, pdf, pages = _plan_text(runner, example.id, tmp_path / "plan")
    assert _focus(md) == ["Procesbewaker", "Kenner", "Beleidsadviseur"]
    assert f"Procesbewaker staat voorop: {WHY}" in md
    section = _section(md, "Feedback van anderen")
    assert (
        "4 personen gaven feedback op dezelfde activiteiten als jij: je voorzitter en 3 "
        "OR-leden." in section
    )
    assert "Alleen van mij" not in md + pdf and "leidinggevende" not in section
    # by hand, per activity. Procesbewaker: her own weight-1 stars sum to 37 over 10, her
    # weight-0,5 stars to 18 over 5: (37 + 0,5 · 18) / 12,5 = 3,68. The givers put the five
    # weight-1 activities of bewaken-afspraken and reglement (4, 3, 5, 3, 4: 19) and
    # reglement-toetsen (0,5; 2) at 1: (37 − 19 + 5 + 0,5 · (18 − 2 + 1)) / 12,5 = 2,52.
    # Beleidsadviseur: (19 + 0,5 · 19) / 9,5 = 3,0; the givers put beleidsvoorbereiding's five
    # rated (3, 3, 2, 3, 2: 13; weight 1) at 5 and voortgang-beleid-bewaken (0,5; 4) at 1:
    # (19 − 13 + 25 + 0,5 · (19 − 4 + 1)) / 9,5 = 39 / 9,5 = 4,1: a hidden strength.
    assert "**Blinde vlekken: anderen zien hier minder dan ik (minstens 1,0 lager).**" in section
    assert "- **Procesbewaker**: zelf 3,7, anderen 2,5" in section
    assert "**Verborgen krachten: anderen zien hier meer dan ik (minstens 1,0 hoger).**" in section
    assert "- **Beleidsadviseur**: zelf 3,0, anderen 4,1" in section
    assert "- **Reglement MZO**: Bewaak de termijnen.\n- **Reglement MZO**: Haal de wet" in section
    assert "- **Archief**: Alles is altijd vindbaar." in section
    assert section.rstrip().endswith("…………")  # room for the AS's own notes
    assert CHAIR_QUESTION not in md and "Feedback van mijn voorzitter" not in md
    for text in (
        "Feedback van anderen",
        f"Procesbewaker staat voorop: {WHY}",
        "Procesbewaker: zelf 3,7, anderen 2,5",
        "Beleidsadviseur: zelf 3,0, anderen 4,1",
        "Reglement MZO: Haal de wet er vaker bij.",
        "je voorzitter en 3 OR-leden",
        "Mijn aantekeningen",
    ):
        assert text in pdf, text
    for name in NAMES:
        assert name not in md and name not in pdf
    assert pages <= 4


def test_only_the_chair_keeps_the_title(runner: CliRunner, example: Record, tmp_path: Path) -> None:
    """Two voorzitters, a blind spot, no comments: *Feedback van mijn voorzitter*, and the
    example's plan (growing in her own function, the default) stays at three pages."""
    _store(
        example, giver(example, "voorzitter", 0, PROCESS), giver(example, "voorzitter", 1, PROCESS)
    )
    md, pdf, pages = _plan_text(runner, example.id, tmp_path / "plan", *GROW)
    section = _section(md, "Feedback van mijn voorzitter")
    assert "2 personen gaven feedback op dezelfde activiteiten als jij: 2 voorzitters." in section
    # bewaken-afspraken and reglement 1 star: (37 − 19 + 5 + 0,5 · 17) / 12,5 = 2,52, as above
    assert "- **Procesbewaker**: zelf 3,7, anderen 2,5" in section
    assert "Opmerkingen" not in section and CHAIR_QUESTION not in section
    assert "Feedback van anderen" not in md + pdf
    assert "Feedback van mijn voorzitter" in pdf and "2 voorzitters" in pdf
    assert pages <= 3
    for name in NAMES:
        assert name not in md and name not in pdf


@pytest.mark.parametrize(
    ("role", "words"),
    [
        ("or-lid", "OR-leden"),
        ("commissielid", "commissieleden"),
        ("leidinggevende", "hiërarchisch leidinggevenden"),
        ("bestuurder-hr", "mensen van bestuur of HR"),
        ("collega-as", "collega-AS'en"),
        ("anders", "anderen"),
    ],
)
def test_other_givers_rename_the_section(
    runner: CliRunner, catalogue: Catalogue, example: Record, tmp_path: Path, role: str, words: str
) -> None:
    """Three givers of another role than the voorzitter count, and rename the section; two of
    them are left out (1 star on Procesbewaker's areas would make it a blind spot), so the
    section stays the voorzitter's and the report says why."""
    assert MANY[role] == words
    two = [giver(example, "voorzitter", 0), *givers(example, role, 1, 2, PROCESS)]
    result = compute_result(catalogue, example, feedback=two)
    assert result.others is not None and result.others.giver_roles == (("voorzitter", 1),)
    assert result.others.blind_spots == ()
    section_of_two = plan_feedback(make_plan(catalogue, result, ADVISEUR))
    assert section_of_two is not None and section_of_two.title == CHAIR_TITLE
    assert section_of_two.who == "Je voorzitter gaf feedback op dezelfde activiteiten als jij."
    left_out = withheld_text(result.withheld)
    assert left_out is not None and left_out.startswith(
        f"Niet meegeteld: de antwoorden van 2 {words}."
    )
    _store(example, giver(example, "voorzitter", 0), *givers(example, role, 1))
    md, pdf, _ = _plan_text(runner, example.id, tmp_path / "plan")
    section = _section(md, "Feedback van anderen")
    assert f"je voorzitter en 3 {words}." in section
    assert "Feedback van mijn voorzitter" not in md + pdf and "Feedback van anderen" in pdf
    # the same ratings as her own: no blind spot, no hidden strength, the order as always
    assert "Geen blinde vlekken en geen verborgen krachten" in section
    assert _focus(md) == ["Kenner", "Beleidsadviseur", "Procesbewaker"]
    assert "voorop" not in md


def test_a_blind_spot_needs_a_gap_to_become_a_focus_role(
    catalogue: Catalogue, example: Record
) -> None:
    """Organisator, Beleidsadviseur and Procesbewaker are blind spots; Organisator is not
    below the target (4,1 against 4,0), so it stays out; the other two come first, the
    larger gap first.

    By hand, Organisator per activity: her own 15 weight-1 stars sum to 62, her four
    weight-0,5 ones to 14: (62 + 0,5 · 14) / 17 = 4,06. Each giver puts 11 weight-1 ones (44)
    and werkplan-opstellen and uitgaven-bewaken (0,5; 3 and 4) at 1:
    (62 − 44 + 11 + 0,5 · (14 − 7 + 2)) / 17 = 33,5 / 17 = 1,97, 2,09 lower. Beleidsadviseur
    (3,0 to 1,58) and Procesbewaker (3,68 to 2,36) are 1,42 and 1,32 lower; Penvoerder
    (4,04 to 3,13) and Kenner (2,81 to 2,56) less than 1,0.

    Three OR-leden rate alike, so their means are those stars; two of them alone are left
    out, and the plan is then as without feedback.
    """
    low = (*ORGANISE, *PROCESS[:1], *ADVISE)
    result = compute_result(catalogue, example, feedback=givers(example, "or-lid", 0, low=low))
    assert result.others is not None
    assert [g.role_id for g in result.others.blind_spots] == [
        "organisator",
        "beleidsadviseur",
        "procesbewaker",
    ]
    plan = make_plan(catalogue, result, ADVISEUR)
    assert [g.role.id for g in plan.focus] == ["beleidsadviseur", "procesbewaker", "kenner"]
    assert [r.id for r in plan.blind_first] == ["beleidsadviseur", "procesbewaker"]
    text = render_plan(catalogue, plan)
    assert f"Beleidsadviseur en Procesbewaker staan voorop: {WHY}" in text
    assert "- **Organisator**: zelf 4,1, anderen 2,0" in text
    without = make_plan(catalogue, compute_result(catalogue, example), ADVISEUR)
    assert [g.role.id for g in without.focus] == ["kenner", "beleidsadviseur", "procesbewaker"]
    assert without.blind_first == ()
    two = compute_result(catalogue, example, feedback=givers(example, "or-lid", 0, 2, low))
    assert two.others is None and two.withheld.groups == (("or-lid", 2),)
    of_two = make_plan(catalogue, two, ADVISEUR)
    assert [g.role.id for g in of_two.focus] == [g.role.id for g in without.focus]
    assert of_two.blind_first == () and "Organisator**: zelf" not in render_plan(catalogue, of_two)


def test_without_feedback_the_plan_is_unchanged(
    runner: CliRunner, catalogue: Catalogue, example: Record, tmp_path: Path
) -> None:
    """The stored example without feedback makes exactly the shipped ontwikkelplan.md; its PDF
    keeps the box for the voorzitter's feedback as it was, in at most three pages."""
    from tools.examples import ROOT

    shipped = (ROOT / "docs" / "voorbeeld" / "ontwikkelplan.md").read_bytes()
    written = write_plan(catalogue, example, DEFAULT, tmp_path / "direct")
    assert written.paths[1].read_bytes() == shipped
    save_record(example)
    md, pdf, pages = _plan_text(
        runner, example.id, tmp_path / "plan", "--target", "beleidsmedewerker"
    )
    assert md.encode("utf-8") == shipped
    assert f"**Feedback van mijn voorzitter**\n\n*{CHAIR_QUESTION}*\n\n…" in md
    assert f"Feedback van mijn voorzitter {CHAIR_QUESTION} Afspraken en wat ik nodig heb" in pdf
    for new in ("Feedback van anderen", "voorop", "Mijn aantekeningen", "gaven feedback"):
        assert new not in md + pdf
    assert pages <= 3


def test_a_copy_elsewhere_does_not_take_the_stored_feedback(
    runner: CliRunner, example: Record, tmp_path: Path
) -> None:
    """Feedback was given on the stored record (three OR-leden, a group that counts); a copy of
    it elsewhere plans without it."""
    _store(
        example,
        giver(example, "or-lid", 0, PROCESS, comments={"reglement": "Geheim."}),
        *givers(example, "or-lid", 1, 2, PROCESS),
    )
    copy = tmp_path / "kopie" / f"{example.id}.yaml"
    copy.parent.mkdir()
    shutil.copy(record_path(example.id), copy)
    md, pdf, _ = _plan_text(runner, str(copy), tmp_path / "plan")
    assert f"**Feedback van mijn voorzitter**\n\n*{CHAIR_QUESTION}*" in md
    assert "Geheim" not in md + pdf and "voorop" not in md
    stored, _, _ = _plan_text(runner, example.id, tmp_path / "eigen")
    assert "### Feedback van anderen" in stored and "Geheim." in stored


def test_one_voorzitter_is_named_as_such(
    runner: CliRunner, example: Record, tmp_path: Path
) -> None:
    _store(example, giver(example, "voorzitter", 0, PROCESS))
    md, _, _ = _plan_text(runner, example.id, tmp_path / "plan")
    section = _section(md, "Feedback van mijn voorzitter")
    assert "mijn voorzitter ziet hier minder dan ik" in section
    assert "anderen zien hier" not in section
