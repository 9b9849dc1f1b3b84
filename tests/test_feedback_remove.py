"""asmo feedback list and remove: the responses kept with a record, numbered, and one removed
again, safely (a question or --yes, under the record's lock, on the store as it is then)."""

from __future__ import annotations

import json
import re
import stat
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asmo_cli.api.responses import KeptResponse
from asmo_cli.api.workspace import Workspace
from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import RecordError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.paper import PAPER
from asmo_cli.core.record import Record
from asmo_cli.storage import responses as responses_storage
from asmo_cli.storage.feedback import feedback_path, load_feedback, store_feedback

from .helpers import make_record
from .platforms import WINDOWS

WHEN = datetime(2026, 11, 23, 18, 16, 7)
ENGLISH = ["Usage", "Options", "Arguments", "Show this message", "required", "[OPTIONS]"]


@pytest.fixture
def stored(catalogue: Catalogue) -> Record:
    return make_record(catalogue, WHEN, 3, name="Fenna de Vries", tasks=("archief",))


def giver(
    catalogue: Catalogue, response_id: str, role: str, name: str | None, stars: int = 4
) -> FeedbackResponse:
    """A giver who rated every activity of the area archief with ``stars``."""
    ratings = {"archief": {a.id: stars for a in catalogue.task("archief").activities}}
    return FeedbackResponse(response_id, role, name, ratings, {})


@pytest.fixture
def three(catalogue: Catalogue, stored: Record) -> list[FeedbackResponse]:
    """Three responses kept with ``stored``: the chair (Jan), a member, a fellow AS (Piet)."""
    kept = [
        giver(catalogue, "r-1", "voorzitter", "Jan"),
        giver(catalogue, "r-2", "or-lid", None, 2),
        giver(catalogue, "r-3", "collega-as", "Piet", 5),
    ]
    store_feedback([(stored, one) for one in kept])
    return kept


def store_json(record: Record) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(feedback_path(record.id).read_text("utf-8"))
    return data


def with_moments(record: Record, moments: dict[str, Any]) -> None:
    """Give the store a ``received`` map, as a store kept by a later asmo has."""
    data = store_json(record)
    data["received"] = moments
    feedback_path(record.id).write_text(json.dumps(data), "utf-8")


def flat(text: str) -> str:
    return " ".join(text.split())


# --- asmo feedback list ---------------------------------------------------------------------


def test_list_numbers_the_responses_with_role_name_and_date(
    runner: CliRunner, catalogue: Catalogue, stored: Record, three: list[FeedbackResponse]
) -> None:
    """Each response gets its number (the order they came in), the giver's role, the name if
    given and the day it was kept; a store without that moment says "datum onbekend"."""
    first = catalogue.task("archief").activities[0].id
    paper = FeedbackResponse(f"{PAPER}1", "anders", None, {"archief": {first: 3}}, {})
    store_feedback([(stored, paper)])  # a paper form just begun: not finished, does not count
    with_moments(stored, {"r-1": "2026-12-03T10:15:00+01:00", "r-3": "geen datum"})
    result = runner.invoke(app, ["feedback", "list", stored.id])
    assert result.exit_code == 0, result.output
    lines = [line.strip() for line in result.output.splitlines()]
    assert f"Meting {stored.id} van Fenna de Vries heeft feedback van 4 personen:" in lines
    assert "1. Voorzitter (Jan), 03-12-2026" in lines
    assert "2. OR-lid, datum onbekend" in lines
    assert "3. Collega-AS (Piet), datum onbekend" in lines  # a moment that is no moment
    assert "4. Anders, op papier, nog niet af (telt nog niet mee), datum onbekend" in lines
    assert f"asmo feedback remove {stored.id} NR" in lines


def test_list_without_feedback_says_so_and_how_to_add_it(runner: CliRunner, stored: Record) -> None:
    """No responses: a Dutch sentence, and the commands that invite and keep them."""
    result = runner.invoke(app, ["feedback", "list"])  # the newest finished record
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert f"Bij meting {stored.id} van Fenna de Vries is nog geen feedback" in text
    assert f"asmo feedback invite {stored.id}" in text and "asmo feedback add BESTAND" in text
    assert not feedback_path(stored.id).exists(), "listing writes nothing"


def test_list_takes_the_newest_finished_record_and_an_unknown_one_is_named(
    runner: CliRunner, catalogue: Catalogue, stored: Record, three: list[FeedbackResponse]
) -> None:
    newer = make_record(catalogue, datetime(2026, 12, 1, 9, 0), tasks=("archief",))
    result = runner.invoke(app, ["feedback", "list"])
    assert result.exit_code == 0 and f"Bij meting {newer.id}" in flat(result.output)
    unknown = runner.invoke(app, ["feedback", "list", "20200101-000000"])
    assert unknown.exit_code == 1
    assert "Fout: onbekende meting '20200101-000000'; beschikbare metingen:" in unknown.output
    assert "Traceback" not in unknown.output


def test_list_of_a_damaged_store_names_it(runner: CliRunner, stored: Record) -> None:
    feedback_path(stored.id).parent.mkdir(parents=True, exist_ok=True)
    feedback_path(stored.id).write_text('{"format_version": 1, "record": "ander"}', "utf-8")
    result = runner.invoke(app, ["feedback", "list", stored.id])
    assert result.exit_code == 1
    assert f"Fout: beschadigde feedback: {feedback_path(stored.id)}: record:" in result.output


# --- asmo feedback remove -------------------------------------------------------------------


def test_remove_with_yes_removes_exactly_that_one(
    runner: CliRunner, stored: Record, three: list[FeedbackResponse]
) -> None:
    """The others stay exactly as they were kept, in their order; the file stays private;
    she is told that her report does not change by itself, and how to make it again."""
    before = store_json(stored)
    result = runner.invoke(app, ["feedback", "remove", stored.id, "2", "--yes"])
    assert result.exit_code == 0, result.output
    after = store_json(stored)
    assert after["responses"] == [before["responses"][0], before["responses"][2]]
    assert {k: v for k, v in after.items() if k not in ("responses", "received")} == {
        k: v for k, v in before.items() if k not in ("responses", "received")
    }
    moments = before["received"]
    assert after["received"] == {"r-1": moments["r-1"], "r-3": moments["r-3"]}, "r-2's went"
    assert [r.response_id for r in load_feedback(stored.id)] == ["r-1", "r-3"]
    if not WINDOWS:  # no such modes there: the user's profile folder protects the file
        assert stat.S_IMODE(feedback_path(stored.id).stat().st_mode) == 0o600
    text = flat(result.output)
    kept_at = datetime.fromisoformat(moments["r-2"])
    assert (
        f"Verwijderd: feedback 2 van een OR-lid, bewaard op {kept_at:%d-%m-%Y om %H:%M}, bij "
        f"meting {stored.id}." in text
    )
    assert f"Meting {stored.id} heeft nu feedback van 2 personen." in text
    assert "Je rapport verandert daardoor niet vanzelf; maak het opnieuw met:" in text
    assert f"asmo report {stored.id}" in text
    assert "ontwikkelplan" not in text, "she has no plan to make again"
    assert "schuiven een nummer op" in text
    hint = f"asmo feedback list {stored.id}"
    assert hint in text
    again = runner.invoke(app, hint.split()[1:])  # the hint works as printed
    assert again.exit_code == 0 and "2. Collega-AS (Piet)" in again.output


def test_removing_the_last_one_leaves_no_feedback(
    runner: CliRunner, stored: Record, three: list[FeedbackResponse]
) -> None:
    for number in ("3", "2", "1"):
        result = runner.invoke(app, ["feedback", "remove", stored.id, number, "--yes"])
        assert result.exit_code == 0, result.output
        assert "schuiven" not in result.output, "nothing came after the one removed"
    assert f"Meting {stored.id} heeft geen feedback van anderen meer." in flat(result.output)
    assert load_feedback(stored.id) == []
    listed = runner.invoke(app, ["feedback", "list", stored.id])
    assert listed.exit_code == 0 and "nog geen feedback" in listed.output


def test_without_a_terminal_it_needs_yes(
    runner: CliRunner, stored: Record, three: list[FeedbackResponse]
) -> None:
    """As asmo delete: no question without a terminal (CI, a script), and nothing removed."""
    before = feedback_path(stored.id).read_bytes()
    result = runner.invoke(app, ["feedback", "remove", stored.id, "1"])
    assert result.exit_code == 1
    assert (
        "Fout: asmo feedback remove vraagt om bevestiging; gebruik zonder terminal: "
        f"asmo feedback remove {stored.id} 1 --yes"
    ) in flat(result.output)
    assert feedback_path(stored.id).read_bytes() == before


@pytest.mark.parametrize("answer", [True, False])
def test_on_a_terminal_it_asks_first(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    stored: Record,
    three: list[FeedbackResponse],
    answer: bool,
) -> None:
    """The j/n question names the response (number, giver, when it was kept); n removes
    nothing."""
    from asmo_cli.cli.commands import feedback as command

    with_moments(stored, {"r-1": "2026-12-03T10:15:00+01:00"})
    asked: list[str] = []

    def yes_no(question: str) -> bool:  # the one j/n question (tested with pipe input itself)
        asked.append(question)
        return answer

    monkeypatch.setattr(command, "is_terminal", lambda: True)
    monkeypatch.setattr("asmo_cli.cli.session.choices.yes_no", yes_no)
    before = feedback_path(stored.id).read_bytes()
    result = runner.invoke(app, ["feedback", "remove", stored.id, "1"])
    assert result.exit_code == 0, result.output
    assert [" ".join(q.split()) for q in asked] == [
        "Wil je feedback 1 van de voorzitter (Jan), bewaard op 03-12-2026 om 10:15, "
        "verwijderen? (j/n)"
    ]
    if answer:
        assert [r.response_id for r in load_feedback(stored.id)] == ["r-2", "r-3"]
        assert "r-1" not in store_json(stored)["received"], "its moment goes with it"
    else:
        assert "Niets verwijderd." in result.output
        assert feedback_path(stored.id).read_bytes() == before


@pytest.mark.parametrize(
    ("number", "says"),
    [
        (
            "0",
            "heeft geen feedback met nummer 0: er is feedback van 3 personen (nummer 1 tot en "
            "met 3; zie asmo feedback list {id}); er is niets verwijderd",
        ),
        ("4", "heeft geen feedback met nummer 4"),
        ("twee", "'twee' is geen nummer van een antwoord; geef een nummer uit asmo feedback list"),
        ("", "'' is geen nummer"),
        ("²", "'²' is geen nummer"),
        ("9" * 5000, "'99999999999999999999…' is geen nummer"),
        ("2.5", "'2.5' is geen nummer"),
    ],
    ids=["0", "4", "twee", "leeg", "superscript", "5000-cijfers", "2.5"],
)
def test_a_wrong_number_changes_nothing(
    runner: CliRunner, stored: Record, three: list[FeedbackResponse], number: str, says: str
) -> None:
    """One Dutch line that names the number and where the right ones are; exit 1; the
    store stays byte for byte."""
    before = feedback_path(stored.id).read_bytes()
    result = runner.invoke(app, ["feedback", "remove", stored.id, number, "--yes"])
    assert result.exit_code == 1
    assert result.output.startswith("Fout: ") and len(result.output.splitlines()) == 1
    assert says.format(id=stored.id) in result.output
    assert "Traceback" not in result.output
    assert feedback_path(stored.id).read_bytes() == before


def test_an_unknown_record_or_one_without_feedback_changes_nothing(
    runner: CliRunner, catalogue: Catalogue, stored: Record, three: list[FeedbackResponse]
) -> None:
    before = feedback_path(stored.id).read_bytes()
    unknown = runner.invoke(app, ["feedback", "remove", "20200101-000000", "1", "--yes"])
    assert unknown.exit_code == 1
    assert "Fout: onbekende meting '20200101-000000'" in unknown.output
    other = make_record(catalogue, datetime(2026, 12, 1, 9, 0), tasks=("archief",))
    empty = runner.invoke(app, ["feedback", "remove", other.id, "1", "--yes"])
    assert empty.exit_code == 1
    assert f"Fout: bij meting {other.id} is geen feedback bewaard" in flat(empty.output)
    assert feedback_path(stored.id).read_bytes() == before
    assert not feedback_path(other.id).exists()


def test_a_copy_elsewhere_is_refused(
    runner: CliRunner, catalogue: Catalogue, stored: Record, tmp_path: Path
) -> None:
    copy = tmp_path / "kopie.yaml"
    copy.write_bytes(Path(str(stored.source)).read_bytes())
    result = runner.invoke(app, ["feedback", "remove", str(copy), "1", "--yes"])
    assert result.exit_code == 1
    assert "werkt alleen met metingen in je eigen map" in flat(result.output)


def test_a_busy_record_changes_nothing(
    runner: CliRunner,
    monkeypatch: pytest.MonkeyPatch,
    stored: Record,
    three: list[FeedbackResponse],
) -> None:
    """Another asmo window holds the record's lock (an add, a report): remove waits for it,
    and when it stays busy removes nothing."""
    from asmo_cli.storage import locks

    monkeypatch.setattr(locks, "WRITE_WAIT_SECONDS", 0.0)
    before = feedback_path(stored.id).read_bytes()
    with locks.lock_record(stored.id):
        result = runner.invoke(app, ["feedback", "remove", stored.id, "1", "--yes"])
    assert result.exit_code == 1
    assert f"Fout: meting {stored.id} is open in een ander asmo-venster" in flat(result.output)
    assert feedback_path(stored.id).read_bytes() == before


def test_the_plan_is_named_when_she_has_one(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, stored: Record, three: list[Any]
) -> None:
    from asmo_cli.api.drafts import Documents

    monkeypatch.setattr(Workspace, "documents", lambda self, record: Documents(None, True))
    result = runner.invoke(app, ["feedback", "remove", stored.id, "1", "--yes"])
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    assert f"Je ontwikkelplan ook niet; maak het opnieuw met: asmo plan {stored.id}" in text


# --- never a stale copy ---------------------------------------------------------------------


def remove_during_question(
    catalogue: Catalogue, record: Record, number: int, meanwhile: Callable[[], object]
) -> None:
    """Remove response ``number`` through the library, doing ``meanwhile`` (another asmo
    window) while she answers the question."""

    def confirm(found: Record, one: KeptResponse) -> bool:
        meanwhile()
        return True

    Workspace().remove_response(record.id, number, confirm)


def test_a_response_kept_while_she_answers_stays(
    catalogue: Catalogue, stored: Record, three: list[FeedbackResponse]
) -> None:
    """The store is read again under the lock: a response another window kept after the
    list was read (and before the lock) is still there afterwards."""
    late = giver(catalogue, "r-4", "anders", "Kees")
    remove_during_question(catalogue, stored, 2, lambda: store_feedback([(stored, late)]))
    assert [r.response_id for r in load_feedback(stored.id)] == ["r-1", "r-3", "r-4"]


def test_an_add_that_comes_in_while_removing_waits_and_is_kept(
    monkeypatch: pytest.MonkeyPatch,
    catalogue: Catalogue,
    stored: Record,
    three: list[FeedbackResponse],
) -> None:
    """A ``feedback add`` at the moment of removal waits for the record's lock and is kept
    after it, never lost: the two runs write one after the other."""
    from asmo_cli.storage import files

    late = giver(catalogue, "r-4", "anders", "Kees")
    adding: list[threading.Thread] = []
    failures: list[BaseException] = []

    def add() -> None:
        try:
            store_feedback([(stored, late)])
        except BaseException as exc:  # pragma: no cover - reported by the assert below
            failures.append(exc)

    def write_during_an_add(path: Path, data: str | bytes) -> None:
        thread = threading.Thread(target=add)
        thread.start()
        adding.append(thread)
        thread.join(0.5)
        assert thread.is_alive(), "the add waits for the lock that remove holds"
        files.write_private(path, data)

    monkeypatch.setattr(responses_storage, "write_private", write_during_an_add)
    Workspace().remove_response(stored.id, 1, None)
    adding[0].join(10)
    assert not failures and not adding[0].is_alive()
    assert [r.response_id for r in load_feedback(stored.id)] == ["r-2", "r-3", "r-4"]


def test_a_response_removed_or_replaced_meanwhile_is_not_removed_again(
    catalogue: Catalogue, stored: Record, three: list[FeedbackResponse]
) -> None:
    """What she said yes to is what goes, or nothing: not the response that took its number
    (another window removed one before it), nor newer answers of the same giver."""

    def remove_first() -> None:
        Workspace().remove_response(stored.id, 1, None)

    with pytest.raises(RecordError, match="van de voorzitter \\(Jan\\) is intussen al uit meting"):
        remove_during_question(catalogue, stored, 1, remove_first)
    assert [r.response_id for r in load_feedback(stored.id)] == ["r-2", "r-3"]

    newer = giver(catalogue, "r-2", "or-lid", None, 1)
    with pytest.raises(RecordError, match="intussen vervangen door nieuwere antwoorden"):
        remove_during_question(catalogue, stored, 1, lambda: store_feedback([(stored, newer)]))
    assert load_feedback(stored.id) == [newer, three[2]]


def test_the_moments_of_the_others_stay(
    runner: CliRunner, stored: Record, three: list[FeedbackResponse]
) -> None:
    moments = {"r-1": "2026-12-03T10:15:00+01:00", "r-2": "2026-12-04T09:00:00+01:00"}
    with_moments(stored, moments)
    result = runner.invoke(app, ["feedback", "remove", stored.id, "2", "--yes"])
    assert result.exit_code == 0, result.output
    assert "bewaard op 04-12-2026 om 09:00" in flat(result.output)
    assert store_json(stored)["received"] == {"r-1": "2026-12-03T10:15:00+01:00"}


# --- help -----------------------------------------------------------------------------------


def test_listed_under_asmo_feedback(runner: CliRunner) -> None:
    result = runner.invoke(app, ["feedback", "--help"])
    assert result.exit_code == 0
    commands = result.output.split("Commando's:")[1]
    names = re.findall(r"^  ([a-z]+)  ", commands, flags=re.MULTILINE)
    assert names == ["invite", "add", "list", "remove"]


# --- as a library ---------------------------------------------------------------------------


def test_the_workspace_lists_and_removes(
    stored: Record, three: list[FeedbackResponse], home: Path
) -> None:
    """``Workspace.responses`` and ``remove_response``: what the commands print, as data."""
    work = Workspace(home=home)
    found = work.responses()  # the newest finished record
    assert found.record.id == stored.id
    assert [(k.number, k.response, k.is_paper) for k in found.kept] == [
        (1, three[0], False),
        (2, three[1], False),
        (3, three[2], False),
    ]
    assert all(k.received is not None for k in found.kept), "store_feedback keeps the moment"
    assert work.remove_response(stored.id, 3, lambda record, one: False) is None
    assert load_feedback(stored.id) == three
    removed = work.remove_response(stored.id, 3)
    assert removed is not None and removed.removed.response == three[2] and removed.left == 2
    assert load_feedback(stored.id) == three[:2]


def test_feedback_add_keeps_the_moment_that_list_shows(
    runner: CliRunner, catalogue: Catalogue, stored: Record, tmp_path: Path
) -> None:
    """`asmo feedback add` writes when it kept each response (the store's ``received`` map,
    which older asmo versions ignore), and `feedback list` shows that day; keeping the same
    response again moves its moment, and a removed response's moment goes with it."""
    activities = catalogue.task("archief").activities
    answers = {
        "asmo_feedback": 1,
        "record": stored.id,
        "questionnaire_version": stored.catalogue_version,
        "response_id": "pagina-1",
        "giver_role": "voorzitter",
        "ratings": {"archief": {a.id: 4 for a in activities}},
    }
    path = tmp_path / "antwoorden.json"
    path.write_text(json.dumps(answers), "utf-8")
    before = datetime.now().astimezone()
    added = runner.invoke(app, ["feedback", "add", str(path)])
    assert added.exit_code == 0, added.output
    moment = datetime.fromisoformat(store_json(stored)["received"]["pagina-1"])
    assert before.replace(microsecond=0) <= moment <= datetime.now().astimezone()
    listed = runner.invoke(app, ["feedback", "list", stored.id])
    assert f"1. Voorzitter, {moment:%d-%m-%Y}" in [
        line.strip() for line in listed.output.splitlines()
    ]
    store_feedback([(stored, giver(catalogue, "r-9", "or-lid", None))])
    assert set(store_json(stored)["received"]) == {"pagina-1", "r-9"}
