"""Others stay anonymous: the voorzitter's answers count as hers; any other group of givers
only from three people up, and per activity only where three of them rated it. Through the
CLI: `asmo feedback add`, then `asmo report`, read back from rapport.md, scores.json and the
PDF."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.feedback import FeedbackResponse, anonymous
from asmo_cli.core.record import Record

from .helpers import make_record

TASKS = ("correspondentie", "postbehandeling", "archief", "bewaken-afspraken", "reglement")


def _record(catalogue: Catalogue) -> Record:
    return make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=TASKS)


def _answers(
    catalogue: Catalogue, record: Record, number: int, role: str, stars: int
) -> dict[str, Any]:
    """One giver who gives ``stars`` everywhere, with a comment on the archive."""
    ratings = {t: {a.id: stars for a in catalogue.task(t).activities} for t in TASKS}
    return {
        "asmo_feedback": 1,
        "record": record.id,
        "questionnaire_version": record.catalogue_version,
        "response_id": f"gever-{number}",
        "giver_role": role,
        "name": f"Gever {number}",
        "ratings": ratings,
        "comments": {"archief": f"Opmerking van gever {number}."},
    }


def _report(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path, givers: list[tuple[str, int]]
) -> tuple[str, dict[str, Any], str]:
    """Add the givers (role, stars) to a fresh record; return rapport.md, scores.json and the
    PDF's text."""
    record = _record(catalogue)
    files = []
    for number, (role, stars) in enumerate(givers):
        path = tmp_path / f"antwoorden-{number}.json"
        path.write_text(json.dumps(_answers(catalogue, record, number, role, stars)), "utf-8")
        files.append(str(path))
    added = runner.invoke(app, ["feedback", "add", *files])
    assert added.exit_code == 0, added.output
    out = tmp_path / "rapport"
    made = runner.invoke(app, ["report", "--out", str(out)])
    assert made.exit_code == 0, made.output
    pdf = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(out / "rapport.pdf").pages
    )
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    return (out / "rapport.md").read_text(encoding="utf-8"), data, pdf


def test_one_voorzitter_and_two_or_members_show_only_the_voorzitter(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """The voorzitter (5 stars) counts as hers; the two OR members (1 star) are in no figure
    and no comment, and the report says how many answers were left out and why."""
    md, data, pdf = _report(
        runner, catalogue, tmp_path, [("voorzitter", 5), ("or-lid", 1), ("or-lid", 1)]
    )
    others = data["others"]
    assert others["givers"] == 1
    scored = [r["score"] for r in others["roles"].values() if r["score"] is not None]
    assert scored and all(score == 5.0 for score in scored), "the voorzitter's own 5 stars"
    activities = sum(len(catalogue.task(t).activities) for t in TASKS)
    assert data["others_left_out"] == {
        "groups": {"or-lid": 2},
        "answers": 2 * activities,
        "comments": 2,
    }
    assert "Je voorzitter gaf feedback op dezelfde activiteiten als jij." in md
    assert "Niet meegeteld: de antwoorden van 2 OR-leden." in md
    assert "alleen de voorzitter staat er als zichzelf in" in md
    assert "Opmerking van gever 0." in md
    assert "Opmerking van gever 1." not in md + pdf and "Opmerking van gever 2." not in md + pdf
    assert "anderen (1 gever)" in pdf and "Niet meegeteld" in pdf
    section = md.split("## Zelfbeeld en feedback")[1].split("### Opmerkingen")[0]
    names = {f"| {role.name}" for role in catalogue.roles}
    rows = [row for line in section.splitlines() if (row := line.split(" | "))[0] in names]
    assert rows and {row[2] for row in rows} <= {"5,0", "(5,0)", "n.v.t."}, "no 1 star mixed in"


def test_with_three_or_members_their_figures_appear(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Three OR members (1 star) beside the voorzitter (5): all four count, so every mean is
    (5 + 1 + 1 + 1) / 4 = 2,0, and nothing is left out."""
    givers = [("voorzitter", 5), ("or-lid", 1), ("or-lid", 1), ("or-lid", 1)]
    md, data, _ = _report(runner, catalogue, tmp_path, givers)
    assert data["others"]["givers"] == 4
    scored = [r["score"] for r in data["others"]["roles"].values() if r["score"] is not None]
    assert scored and all(score == pytest.approx(2.0) for score in scored)
    assert "others_left_out" not in data
    assert "je voorzitter en 3 OR-leden" in md and "Niet meegeteld: de antwoorden" not in md
    for number in range(4):
        assert f"Opmerking van gever {number}." in md


def test_only_the_voorzitter_is_shown_alone(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """One OR member and one hiërarchisch leidinggevende, no voorzitter: nothing counts, the
    report says so, and there is no 'anderen' anywhere."""
    md, data, pdf = _report(runner, catalogue, tmp_path, [("or-lid", 4), ("leidinggevende", 2)])
    assert "others" not in data
    assert data["others_left_out"]["groups"] == {"or-lid": 1, "leidinggevende": 1}
    assert "de antwoorden van een OR-lid en een hiërarchisch leidinggevende" in md
    assert "Anderen" not in md and "anderen (" not in pdf


def _giver(number: int, role: str, ratings: dict[str, dict[str, int | None]]) -> FeedbackResponse:
    return FeedbackResponse(f"r-{number}", role, None, ratings, {})


def test_an_activity_three_of_a_group_did_not_rate_keeps_only_the_voorzitter() -> None:
    """Three OR members, but only two rated 'b': their answers on 'b' are left out (the
    voorzitter's stays), on 'a' all count; areas she did not select never count."""
    selected: dict[str, object] = {"t": {}}
    chair = _giver(0, "voorzitter", {"t": {"a": 5, "b": 5}})
    members = [
        _giver(1, "or-lid", {"t": {"a": 1, "b": 1}}),
        _giver(2, "or-lid", {"t": {"a": 2, "b": 2}, "elders": {"x": 4}}),
        _giver(3, "or-lid", {"t": {"a": 3, "b": None}}),
    ]
    counted, withheld = anonymous([chair, *members], selected)
    b = [r.ratings["t"].get("b") for r in counted if "b" in r.ratings["t"]]
    a = [value for r in counted if (value := r.ratings["t"]["a"]) is not None]
    assert sorted(a) == [1, 2, 3, 5] and len(counted) == 4
    assert b == [5]
    assert withheld.groups == () and withheld.answers == 2 and withheld.comments == 0


def test_old_leidinggevende_files_read_as_the_hierarchical_one(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Today's 'leidinggevende' answers stay valid and are the hiërarchisch leidinggevende."""
    md, data, _ = _report(
        runner,
        catalogue,
        tmp_path,
        [("leidinggevende", 4), ("leidinggevende", 4), ("leidinggevende", 4)],
    )
    assert data["others"]["givers"] == 3
    assert "3 hiërarchisch leidinggevenden" in md


def test_feedback_add_says_which_groups_do_not_count_yet(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """After keeping a voorzitter's and two OR members' answers, asmo says the OR members do
    not count yet (2 of the 3 needed); with a third, nothing is said."""
    record = _record(catalogue)
    files = []
    for number, role in enumerate(("voorzitter", "or-lid", "or-lid", "or-lid")):
        path = tmp_path / f"a-{number}.json"
        path.write_text(json.dumps(_answers(catalogue, record, number, role, 4)), "utf-8")
        files.append(str(path))
    first = runner.invoke(app, ["feedback", "add", *files[:3]])
    assert first.exit_code == 0, first.output
    said = " ".join(first.output.split())
    assert "Nog niet meegeteld" in said and "OR-lid: 2, er zijn er 3 nodig" in said
    assert "voorzitter 1" not in said
    second = runner.invoke(app, ["feedback", "add", files[3]])
    assert second.exit_code == 0 and "Nog niet meegeteld" not in second.output


def test_names_show_only_the_voorzitter_per_person(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """`report --names` with a voorzitter and three OR members: the table per giver has the
    voorzitter's column only (the OR members count only together), and says so."""
    record = _record(catalogue)
    files = []
    for number, (role, stars) in enumerate(
        [("voorzitter", 5), ("or-lid", 1), ("or-lid", 2), ("or-lid", 4)]
    ):
        path = tmp_path / f"n-{number}.json"
        path.write_text(json.dumps(_answers(catalogue, record, number, role, stars)), "utf-8")
        files.append(str(path))
    assert runner.invoke(app, ["feedback", "add", *files]).exit_code == 0
    out = tmp_path / "namen"
    made = runner.invoke(app, ["report", "--names", "--out", str(out)])
    assert made.exit_code == 0, made.output
    md = (out / "rapport.md").read_text(encoding="utf-8")
    per_giver = md.split("### Per gever", 1)[1]
    assert "Voorzitter (Gever 0)" in per_giver
    for number in (1, 2, 3):
        assert f"Gever {number}" not in md
    assert "alleen de cijfers van de voorzitter" in per_giver
