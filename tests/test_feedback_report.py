"""Feedback in the report: invite → answers files → feedback add → report, with the self and
others' figures as computed by hand; names only with --names and three givers or more."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Activity, Catalogue
from asmo_cli.core.record import Record
from asmo_cli.core.result import compute_result
from asmo_cli.render.radar_geometry import OTHERS
from asmo_cli.render.series import radar_series
from asmo_cli.storage.feedback import load_feedback

from .helpers import make_record

PEN = ("correspondentie", "postbehandeling", "archief")  # 4 of penvoerder's core activities
PROCES = ("bewaken-afspraken", "reglement", "convenant")  # 8 of procesbewaker's core ones
# The voorzitter counts as herself; three OR-leden make a group that counts; one hiërarchisch
# leidinggevende is alone in her group, so left out of every figure (she gives 1 everywhere:
# were she counted, every figure below would be lower).
CHAIR = ("voorzitter", "Jan Voorzitter")
MEMBERS = (("or-lid", "Piet Lid"), ("or-lid", "Ans Lid"), ("or-lid", "Kees Lid"))
ALONE = ("leidinggevende", "Els")
GIVERS = (CHAIR, *MEMBERS, ALONE)
CHAIRS = (CHAIR, ("voorzitter", "Mien Voorzitter"), ("voorzitter", "Bram Voorzitter"))


def _record(catalogue: Catalogue) -> Record:
    return make_record(
        catalogue, datetime(2026, 11, 23, 18, 16), 3, name="Fenna de Vries", tasks=PEN + PROCES
    )


def _stars(catalogue: Catalogue, task_id: str, activity: Activity) -> int:
    """2 on what weighs for procesbewaker, else 5 on what weighs for penvoerder, else 3."""
    weights = catalogue.activity_weights(catalogue.task(task_id), activity)
    return 2 if "procesbewaker" in weights else 5 if "penvoerder" in weights else 3


def _answers(catalogue: Catalogue, record: Record, index: int, role: str, name: str) -> Any:
    """Stars as ``_stars`` says (1 everywhere from the leidinggevende); the second giver
    cannot judge archief-beheren."""
    ratings: dict[str, dict[str, int | None]] = {}
    for task_id in PEN + PROCES:
        activities = catalogue.task(task_id).activities
        ratings[task_id] = {
            a.id: 1 if role == "leidinggevende" else _stars(catalogue, task_id, a)
            for a in activities
        }
    if role != "leidinggevende":
        first = catalogue.task("archief").activities[0].id
        ratings["archief"][first] = None if index == 1 else 5  # one giver cannot judge it
    return {
        "asmo_feedback": 1,
        "record": record.id,
        "questionnaire_version": record.catalogue_version,
        "response_id": f"antwoord-{index}",
        "giver_role": role,
        "name": name,
        "ratings": ratings,
        "comments": {"archief": f"Opmerking {index} over het archief."},
    }


def _add(
    runner: CliRunner,
    catalogue: Catalogue,
    record: Record,
    tmp: Path,
    givers: tuple[tuple[str, str], ...] = GIVERS,
) -> None:
    files = []
    for index, (role, name) in enumerate(givers):
        path = tmp / f"feedback-{index}.json"
        path.write_text(json.dumps(_answers(catalogue, record, index, role, name)), "utf-8")
        files.append(str(path))
    result = runner.invoke(app, ["feedback", "add", *files])
    assert result.exit_code == 0, result.output


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages)


def test_report_shows_self_beside_others_as_computed_by_hand(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    record = _record(catalogue)
    _add(runner, catalogue, record, tmp_path)
    out = tmp_path / "rapport"
    result = runner.invoke(app, ["report", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = (out / "rapport.md").read_text(encoding="utf-8")
    flat = " ".join(report.split())
    # by hand, per activity: Fenna gave 3 everywhere; the voorzitter and the three OR-leden
    # 2 on each activity that weighs for procesbewaker, 5 on each other one that weighs for
    # penvoerder, 3 on the rest. archief-beheren: 5 from the voorzitter alone; two OR-leden
    # gave it 5 and one could not judge it, and two are fewer than three of their group, so
    # their two 5s are left out. The leidinggevende's 1s count nowhere. Penvoerder, over
    # brieven, communiqués, uitgaande post, vertrouwelijke stukken (weight 1) and
    # termijnen, inkomende stukken, mailbox, archief-beheren, overdrachtsdossier and
    # afsprakenlijst (0,5): (5 + 5 + 5 + 2 + 0,5 · (2 + 5 + 5 + 5 + 5 + 2)) / (4 + 3)
    # = 29 / 7 = 4,14: 1,1 higher, a hidden strength. Procesbewaker: 2 on each of its
    # activities, so 2,0: exactly 1,0 lower, so a blind spot. Kenner: (0,5 · 2 + 5 + 0,5 · 2
    # + 5 + 0,5 · 2 + 2) / 4,5 = 3,33, no gap; the other roles have too little data.
    assert "## Zelfbeeld en feedback" in report
    assert (
        "4 personen gaven feedback op dezelfde activiteiten als jij: je voorzitter en 3 "
        "OR-leden." in flat
    )
    # left out: the leidinggevende's stars on every activity of the six areas, and the two
    # OR-leden's 5s on archief-beheren; her one comment is not shown
    activities = sum(len(catalogue.task(t).activities) for t in PEN + PROCES)
    assert (
        "Niet meegeteld: de antwoorden van een hiërarchisch leidinggevende. Van een groep "
        "tellen de antwoorden pas mee vanaf drie mensen" in flat
    )
    assert (
        f"In totaal telden {activities + 2} beoordelingen daarom niet mee, en staat 1 opmerking "
        "er niet in. Waar minder dan drie mensen van een groep een activiteit beoordeelden, "
        "telt die groep daar niet mee (2 beoordelingen)." in flat
    )
    assert "Opmerking 4 over het archief." not in report  # the leidinggevende's
    assert "| Penvoerder | 3,0 | 4,1 | +1,1 |" in report
    assert "| Procesbewaker | 3,0 | 2,0 | -1,0 |" in report
    assert "| Kenner | 3,0 | 3,3 | +0,3 |" in report
    assert "- **Penvoerder**: zelf 3,0, anderen 4,1 (+1,1)" in report
    assert "- **Procesbewaker**: zelf 3,0, anderen 2,0 (-1,0)" in report
    for index in range(4):  # the voorzitter's and the OR-leden's comments
        assert f"Opmerking {index} over het archief." in report
    for _, name in GIVERS:  # no names without --names
        assert name not in report
    data = json.loads((out / "scores.json").read_text(encoding="utf-8"))
    assert data["others"]["givers"] == 4
    assert data["others_left_out"] == {
        "groups": {"leidinggevende": 1},
        "answers": activities + 2,
        "comments": 1,
    }
    assert data["others"]["roles"]["penvoerder"]["score"] == pytest.approx(29 / 7)
    assert data["others"]["roles"]["procesbewaker"]["score"] == 2.0
    assert data["others"]["roles"]["kenner"]["score"] == pytest.approx(15 / 4.5)
    assert data["others"]["hidden_strengths"] == ["penvoerder"]
    assert data["others"]["blind_spots"] == ["procesbewaker"]
    text = _pdf_text(out / "rapport.pdf")
    for expected in ("Zelfbeeld en feedback", "Verborgen krachten", "Blinde vlekken", "4,1"):
        assert expected in text
    assert "Niet meegeteld: de antwoorden van een hiërarchisch leidinggevende." in text
    assert "Jan Voorzitter" not in text and "Opmerking 4" not in text
    result_model = compute_result(catalogue, record, feedback=load_feedback(record.id))
    series = radar_series(catalogue, result_model)
    assert [s.label for s in series] == ["anderen (4 gevers)", "zelf"]
    assert series[0].kind is OTHERS


def test_names_only_on_request_and_from_three_givers(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Three voorzitters (each counts as given) and a leidinggevende alone in her group: the
    three are named per giver, she is not there at all."""
    record = _record(catalogue)
    _add(runner, catalogue, record, tmp_path, (*CHAIRS, ALONE))
    out = tmp_path / "met-namen"
    result = runner.invoke(app, ["report", "--names", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "### Per gever" in report
    assert (
        "| Rol | Voorzitter (Jan Voorzitter) | Voorzitter (Mien Voorzitter) "
        "| Voorzitter (Bram Voorzitter) |\n" in report
    )
    assert "Els" not in report and "Niet meegeteld: de antwoorden van een hiërarchisch" in report
    text = _pdf_text(out / "rapport.pdf")
    assert "Mien Voorzitter" in text and "Els" not in text
    plain = tmp_path / "zonder-namen"
    assert runner.invoke(app, ["report", "--out", str(plain)]).exit_code == 0
    unnamed = (plain / "rapport.md").read_text(encoding="utf-8")
    assert "### Per gever" not in unnamed
    assert all(name not in unnamed for _, name in CHAIRS)


def test_two_givers_show_no_figures_per_giver_even_with_names(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    """Two voorzitters count; two OR-leden beside them do not (fewer than three): still two
    givers, so no figures per giver, and the OR-leden are neither counted nor named."""
    record = _record(catalogue)
    _add(runner, catalogue, record, tmp_path, (*CHAIRS[:2], *MEMBERS[:2]))
    out = tmp_path / "twee"
    result = runner.invoke(app, ["report", "--names", "--out", str(out)])
    assert result.exit_code == 0, result.output
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "Omdat minder dan drie mensen feedback gaven, staan hier geen cijfers per" in report
    assert "Cijfers en namen per persoon staan er pas bij als minstens drie mensen" in report
    assert "### Per gever" not in report
    flat = " ".join(report.split())
    assert "2 personen gaven feedback op dezelfde activiteiten als jij: 2 voorzitters." in flat
    assert "Niet meegeteld: de antwoorden van 2 OR-leden." in flat
    assert "Opmerking 0 over het archief." in report and "Opmerking 2 over" not in report
    text = _pdf_text(out / "rapport.pdf")
    for _, name in (*CHAIRS[:2], *MEMBERS[:2]):
        assert name not in report
        assert name not in text


def test_a_report_without_feedback_has_no_feedback_section(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    _record(catalogue)
    out = tmp_path / "zonder"
    assert runner.invoke(app, ["report", "--out", str(out)]).exit_code == 0
    assert "Zelfbeeld" not in (out / "rapport.md").read_text(encoding="utf-8")
    assert "others" not in json.loads((out / "scores.json").read_text(encoding="utf-8"))


def test_a_comment_stays_text_at_the_start_of_a_markdown_line() -> None:
    from markdown_it import MarkdownIt

    from asmo_cli.core.text import md_line

    parser = MarkdownIt("commonmark")
    for comment in ("---", "- genest", "+ plus", "1. eerste", "2024) goed", "a@b.nl", "# kop"):
        tokens = [t.type for t in parser.parse(f"- {md_line(comment)}")]
        assert tokens.count("bullet_list_open") == 1, comment
        assert "ordered_list_open" not in tokens and "hr" not in tokens, comment
        assert "heading_open" not in tokens, comment
        html = parser.render(f"- {md_line(comment)}")
        assert comment.replace(">", "&gt;") in html, (comment, html)


def test_a_copy_elsewhere_reports_without_the_stored_feedback(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    import shutil

    from asmo_cli.storage.store import record_path

    record = _record(catalogue)
    _add(runner, catalogue, record, tmp_path)
    copy = tmp_path / "kopie" / f"{record.id}.yaml"
    copy.parent.mkdir()
    shutil.copy(record_path(record.id), copy)
    out = tmp_path / "kopie-rapport"
    assert runner.invoke(app, ["report", str(copy), "--out", str(out)]).exit_code == 0
    assert "others" not in json.loads((out / "scores.json").read_text(encoding="utf-8"))
    stored = tmp_path / "eigen"
    assert runner.invoke(app, ["report", record.id, "--out", str(stored)]).exit_code == 0
    assert "others" in json.loads((stored / "scores.json").read_text(encoding="utf-8"))
