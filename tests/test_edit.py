"""Correcting a finished record: ``asmo assess METING --edit`` reopens it under its lock at
the area she picks, keeps every other answer, her feedback and its catalogue version, notes
the moment in ``edited`` and makes its report again where the last one is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from asmo_cli import Workspace
from asmo_cli.cli.app import app
from asmo_cli.cli.session.questions import PromptIO
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.record import IN_PROGRESS, Record
from asmo_cli.storage import store
from asmo_cli.storage.records import load_record, record_to_yaml

from .helpers import make_record
from .platforms import needs_pty
from .test_screens import Terminal, assert_words_whole, names_of

DOWN, ENTER = "\x1b[B", "\r"

ANSWERS = """\
name: Fenna de Vries
level: adviseur
council: or
ratings:
  scholing:
    scholingsbehoefte-inventariseren: 4
    scholingsplan-opstellen: 4
    trainingen-organiseren: 4
    kennissessies-geven: 4
  bewaken-afspraken:
    voortgang-beleid-bewaken: 4
    naleving-bewaken: 4
    afsprakenlijst-samenstellen: 4
hours_per_week: {scholing: 3, bewaken-afspraken: 2}
"""


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as pipe:
        yield pipe


def _finished(tmp_path: Path, home: Path) -> tuple[Workspace, Record]:
    """A finished record of Fenna (scholing and bewaken, 4 stars each), with its report in
    ``tmp_path/rapport`` and one response of feedback."""
    answers = tmp_path / "antwoorden.yaml"
    answers.write_text(ANSWERS, encoding="utf-8")
    work = Workspace(home=home)
    record = work.create_from_answers(answers)
    work.report(record.id, out=tmp_path / "rapport")
    ratings = {"scholing": {"kennissessies-geven": 3}}
    work.keep_feedback(record, FeedbackResponse("antwoord-1", "voorzitter", "Jan", ratings, {}))
    return work, record


def _scores(folder: Path) -> dict[str, float | None]:
    data = json.loads((folder / "scores.json").read_text(encoding="utf-8"))
    return {role["id"]: role["score"] for role in data["roles"]}


@needs_pty
def test_edit_corrects_one_answer_and_the_report_has_the_new_score(
    tmp_path: Path, home: Path, catalogue: Catalogue
) -> None:
    """In a real terminal: Enter keeps name, level and council, she picks the second area,
    gives its first activity 1 star instead of 4 and Enter keeps the other two. The record
    has that one answer changed and nothing else, keeps its id, catalogue version, hours
    and feedback, has one moment in ``edited``; scores.json, made again where the report
    was, holds the scores of the corrected answers."""
    work, record = _finished(tmp_path, home)
    before = _scores(tmp_path / "rapport")

    term = Terminal(home, 80, 24, ("assess", record.id, "--edit"))
    term.wait("Je naam")
    assert f"Je past meting {record.id} van Fenna de Vries aan" in term.text()
    term.send(ENTER)  # keeps "Fenna de Vries"
    term.wait("functieniveau")
    term.send(ENTER)  # keeps adviseur: the pointer starts on her level
    term.wait("Voor welke raad")
    term.send(ENTER)  # keeps her ondernemingsraad
    term.wait("Bij welke werkzaamheid wil je beginnen?")
    shown = term.text()
    assert shown.index("» Scholing") < shown.index("Bewaken afspraken/procedures")
    term.send(DOWN + ENTER)
    term.wait("(1/3) Bewaken voortgang")
    term.send("1")
    for number in ("(2/3)", "(3/3)"):
        term.wait(number)
        term.send(ENTER)  # the answer she gave before stands ready
    term.wait(f"Je meting {record.id} is aangepast")
    term.wait("Verder:", seconds=60)
    assert term.exit_status() == 0

    saved = load_record(home / "assessments" / f"{record.id}.yaml")
    wanted = {t: dict(a) for t, a in record.ratings.items()}
    wanted["bewaken-afspraken"]["voortgang-beleid-bewaken"] = 1
    assert saved.ratings == wanted
    assert saved.is_complete
    assert (saved.name, saved.level, saved.council) == ("Fenna de Vries", "adviseur", "or")
    assert saved.catalogue_version == record.catalogue_version
    assert saved.created == record.created
    assert saved.hours_per_week == {"scholing": 3.0, "bewaken-afspraken": 2.0}
    assert len(saved.edited) == 1 and saved.edited[0] > record.created
    assert [r.response_id for r in work.feedback(saved)] == ["antwoord-1"]

    after = _scores(tmp_path / "rapport")
    expected = {s.role_id: s.score for s in work.result(saved).scores.roles}
    assert after == pytest.approx(expected)
    assert after != pytest.approx(before)  # the corrected answer changed a score


@needs_pty
def test_edit_screens_at_40_columns_keep_every_word_whole(
    tmp_path: Path, home: Path, catalogue: Catalogue
) -> None:
    """At 40 columns the questions of a correction (name, level, the area to begin with)
    wrap at words; then Ctrl-C before any change says nothing changed (exit 130)."""
    _, record = _finished(tmp_path, home)
    names = names_of(catalogue)
    term = Terminal(home, 40, 24, ("assess", record.id, "--edit"))
    term.wait("Je naam")
    assert_words_whole(term.lines(), 40, [*names, "Fenna de Vries"])
    term.send(ENTER)
    term.wait("functieniveau")
    assert_words_whole(term.lines(), 40, names)
    term.send(ENTER + ENTER)
    term.wait("Bij welke werkzaamheid")
    assert_words_whole(term.lines(), 40, [*names, "Andere werkzaamheden kiezen"])
    term.send("\x03")
    term.wait("niet veranderd")
    assert term.exit_status() == 130
    assert load_record(home / "assessments" / f"{record.id}.yaml").edited == ()


@needs_pty
def test_edit_stopped_after_a_change_keeps_it_and_names_the_report_command(
    tmp_path: Path, home: Path
) -> None:
    """Ctrl-C after one corrected answer: it is saved with its moment, and asmo says how to
    make the report again."""
    _, record = _finished(tmp_path, home)
    term = Terminal(home, 80, 24, ("assess", record.id, "--edit"))
    term.wait("Je naam")
    term.send(ENTER + ENTER + ENTER)
    term.wait("Bij welke werkzaamheid")
    term.send(ENTER)  # Scholing
    term.wait("(1/4)")
    term.send("2")
    term.wait("(2/4)")
    term.send("\x03")
    term.wait(f"report {record.id}")
    assert "Wat je al aanpaste is bewaard" in term.text()
    assert term.exit_status() == 130
    saved = load_record(home / "assessments" / f"{record.id}.yaml")
    assert saved.ratings["scholing"]["scholingsbehoefte-inventariseren"] == 2
    assert saved.is_complete and len(saved.edited) == 1


def test_edit_without_a_terminal_says_it_needs_one(
    runner: CliRunner, catalogue: Catalogue, home: Path
) -> None:
    """No terminal: one Dutch line that names the command to type in a terminal; exit 1."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0))
    result = runner.invoke(app, ["assess", record.id, "--edit"])
    assert result.exit_code == 1
    text = " ".join(result.output.split())
    assert "Een meting aanpassen gaat met vragen en daarvoor is een terminal nodig" in text
    assert f"assess {record.id} --edit" in text
    assert "Traceback" not in result.output


def test_edit_refuses_other_options_and_an_unfinished_record(
    runner: CliRunner, catalogue: Catalogue, home: Path
) -> None:
    """--edit with --new is a Dutch error; an unfinished record points to going on with it,
    a finished one (without --edit) to --edit."""
    result = runner.invoke(app, ["assess", "--edit", "--new"])
    assert result.exit_code == 1
    assert "--edit kan niet samen met --resume, --new of --answers" in result.output
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0))
    begun = make_record(catalogue, datetime(2026, 4, 2, 9, 0), save=False)
    unfinished = replace(begun, ratings={"archief": {}}, status=IN_PROGRESS)
    store.save_record(unfinished)
    work = Workspace(home=home)
    with pytest.raises(AsmoError, match=f"assess {unfinished.id}$"):
        work.finished_record(unfinished.id)
    with pytest.raises(AsmoError, match=f"assess {record.id} --edit"):
        work.unfinished_record(record.id)


def test_a_correction_notes_its_moment_only_when_something_differs(
    catalogue: Catalogue, home: Path
) -> None:
    """The draft of a correction adds one moment to ``edited`` when an answer differs, none
    when she changed it back, and holds the record's lock while open."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0), tasks=("archief",))
    work = Workspace(home=home)
    draft = work.edit_draft(record)
    try:
        with pytest.raises(AsmoError, match="open in een ander asmo-venster"):
            work.edit_draft(record)
        ratings = {"archief": {**record.ratings["archief"], "archief-beheren": 5}}
        changed = draft.save(ratings)
        assert len(changed.edited) == 1 and draft.is_changed
        assert load_record(home / "assessments" / f"{record.id}.yaml").edited == changed.edited
        back = draft.save({"archief": dict(record.ratings["archief"])})
        assert back.edited == () and not draft.is_changed
        details = draft.change_details("Sam de Vries", None, record.council)
        assert details.level is None and len(details.edited) == 1
    finally:
        draft.close()
    saved = load_record(home / "assessments" / f"{record.id}.yaml")
    assert saved.level is None and saved.catalogue_version == record.catalogue_version


def test_edited_is_kept_in_the_record_file_and_old_files_stay_valid(
    catalogue: Catalogue, home: Path
) -> None:
    """``edited`` is a list of ISO moments after ``updated``; a file without it loads with
    none; a wrong value is a Dutch line naming the file."""
    record = make_record(catalogue, datetime(2026, 4, 1, 9, 0))
    assert "edited" not in record_to_yaml(record)
    moments = (datetime(2026, 5, 1, 10, 0).astimezone(), datetime(2026, 6, 1, 11, 30).astimezone())
    text = record_to_yaml(replace(record, edited=moments))
    data = yaml.safe_load(text)
    assert list(data)[:5] == ["format_version", "catalogue_version", "created", "updated", "edited"]
    assert data["edited"] == [m.isoformat() for m in moments]
    path = home / "assessments" / f"{record.id}.yaml"
    path.write_text(text, encoding="utf-8")
    assert load_record(path).edited == moments
    path.write_text(text.replace(moments[1].isoformat(), "gisteren"), encoding="utf-8")
    with pytest.raises(AsmoError) as caught:
        load_record(path)
    assert str(path) in " ".join([caught.value.message, *caught.value.details])
    assert "edited, regel 2" in " ".join([caught.value.message, *caught.value.details])


def test_level_question_starts_on_dont_know(catalogue: Catalogue, pipe: PipeInput) -> None:
    """Enter alone on the level question claims no level; in a correction it keeps hers."""
    from asmo_cli.cli.session.record_questions import ask_level

    io = PromptIO(pipe, DummyOutput())
    pipe.send_text(ENTER)
    assert ask_level(catalogue, io) is None
    pipe.send_text(ENTER)
    assert ask_level(catalogue, io, default="adviseur") == "adviseur"
    pipe.send_text(DOWN + ENTER)  # from "Weet ik niet" (the last) round to the first level
    assert ask_level(catalogue, io) == catalogue.levels[0].id


def test_resume_question_offers_to_correct_a_finished_record(pipe: PipeInput) -> None:
    """With a finished record the resume question has one more choice, before beginning anew."""
    from asmo_cli.cli.session.record_questions import EDIT, ask_resume, ask_start_area

    io = PromptIO(pipe, DummyOutput())
    pipe.send_text(DOWN + ENTER)
    assert ask_resume(["Fenna, begonnen 25-11-2026 10:00"], io, can_edit=True) == EDIT
    pipe.send_text(DOWN + DOWN + ENTER)
    assert ask_resume(["Fenna, begonnen 25-11-2026 10:00"], io, can_edit=True) is None
    pipe.send_text(DOWN + ENTER)
    assert ask_start_area([("archief", "Archief"), ("pr", "PR")], io) == "pr"
