"""Feedback from others: the computation by hand, the answers file's checks, keeping, erasing."""

from __future__ import annotations

import json
import os
import stat
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from asmo_cli.api.feedback import file_slug, invitation_names
from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Activity, Catalogue, Role, ScaleLevel, TaskArea
from asmo_cli.core.errors import RecordError
from asmo_cli.core.feedback import (
    MAX_DIFFERENCES,
    MIN_GIVERS_FOR_DETAIL,
    FeedbackResponse,
    Others,
    Withheld,
    anonymous,
    compute_others,
)
from asmo_cli.core.record import Record
from asmo_cli.core.result import compute_result
from asmo_cli.core.scoring import Ratings, score_record
from asmo_cli.render.scores import render_json
from asmo_cli.storage.feedback import (
    feedback_path,
    load_feedback,
    read_feedback_files,
    store_feedback,
)
from asmo_cli.storage.store import Listing, list_records

from .helpers import make_record, rated, record_with
from .platforms import WINDOWS


def read_feedback_file(
    path: Path, catalogue: Catalogue, against: Record | Listing
) -> FeedbackResponse:
    """One giver's answers file, read and checked as asmo reads several."""
    return read_feedback_files([path], catalogue, against)[0][1]


WHEN = datetime(2026, 11, 23, 18, 16, 7)
ENGLISH = [
    "Usage",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "default:",
    "env var",
    "required",
    "<str>",
    "<list",
    "<path>",
    "[OPTIONS]",
]


# --- the computation, by hand ---------------------------------------------------------------


def small(weights_x: dict[str, float] | None = None) -> Catalogue:
    """Areas a, b, c of 3 activities each; roles x {a 1, b 0,5, c 1}, y {b 1}, z {c 1, a 0}.

    No activity has weights of its own, so each weighs as its area's row: a activity is a
    core activity of x, b one of y, c one of x and of z (both 1). Three activities per area
    let y and z have enough data (3 rated, one of them core) from one area alone.
    """

    def task(tid: str, n: int) -> TaskArea:
        return TaskArea(
            tid, tid.upper(), "", tuple(Activity(f"{tid}{i}", f"{tid}{i}") for i in range(n))
        )

    def role(rid: str, weights: dict[str, float]) -> Role:
        return Role(rid, rid.upper(), "", "", (), weights)

    return Catalogue(
        tasks_version="t",
        roles_version="r",
        competencies_version="c",
        scale=tuple(ScaleLevel(i, str(i), "") for i in range(1, 6)),
        tasks=(task("a", 3), task("b", 3), task("c", 3)),
        roles=(
            role("x", weights_x or {"a": 1.0, "b": 0.5, "c": 1.0}),
            role("y", {"b": 1.0}),
            role("z", {"c": 1.0, "a": 0.0}),
        ),
        levels=(),
        competencies=(),
    )


def giver(
    ratings: Ratings, role: str = "or-lid", name: str | None = None, **comments: str
) -> FeedbackResponse:
    return FeedbackResponse(f"id-{id(ratings)}", role, name, ratings, comments)


def group(ratings: Ratings, role: str = "or-lid", n: int = 3) -> list[FeedbackResponse]:
    """``n`` givers of one role who all gave these stars: three make a group that counts
    (core/feedback.py, ``anonymous``), and their mean per activity is exactly these stars."""
    return [FeedbackResponse(f"{role}-{i}", role, None, ratings, {}) for i in range(n)]


def every(area: str, stars: int) -> dict[str, int | None]:
    """The same stars for each of the 3 activities of an area of small()."""
    return {f"{area}{i}": stars for i in range(3)}


OWN: Ratings = {"a": every("a", 3), "b": every("b", 2), "c": every("c", 4)}
# Three voorzitters: the voorzitter's answers count as they are, so the means below may rest on
# one or two of them (an OR-lid's answer would count only where three OR-leden rated it).
THREE = [
    giver(
        {
            "a": {"a0": 5, "a1": 4, "a2": 3},
            "b": {"b0": 3, "b1": None, "b2": None},
            "c": {"c0": 2, "c1": None, "c2": 3},
        },
        "voorzitter",
    ),
    giver(
        {
            "a": {"a0": 4, "a1": None, "a2": None},
            "b": {"b0": 3, "b1": 4, "b2": None},
            "c": {"c0": None, "c1": 1, "c2": None},
        },
        "voorzitter",
    ),
    giver(
        {
            "a": {"a0": 3, "a1": 5, "a2": 4},
            "b": {"b0": None, "b1": None, "b2": 5},
            "c": {"c0": 3, "c1": None, "c2": 5},
        },
        "voorzitter",
    ),
]
# Two OR-leden, far from the others: fewer than three of their role, so left out of everything
TWO_MEMBERS = [
    giver({"a": every("a", 1), "b": every("b", 1)}, "or-lid", "Piet", a="Te laat, altijd."),
    giver({"a": every("a", 1), "c": every("c", 5)}, "or-lid", None, b="   "),
]


def others_of(catalogue: Catalogue, own: Ratings, feedback: list[FeedbackResponse]) -> Others:
    others = compute_others(catalogue, score_record(catalogue, own), own, feedback)
    assert others is not None
    return others


def test_three_givers_by_hand() -> None:
    """Means: a0 (5+4+3)/3 = 4, a1 (4+5)/2 = 4,5, a2 (3+4)/2 = 3,5; b0 (3+3)/2 = 3, b1 4
    (one giver), b2 5 (one giver); c0 (2+3)/2 = 2,5, c1 1 (one giver), c2 (3+5)/2 = 4.

    Tasks: a 12/3 = 4, b 12/3 = 4, c 7,5/3 = 2,5. Per activity, each weighing as its area's
    row: x = (1·(4 + 4,5 + 3,5) + 0,5·(3 + 4 + 5) + 1·(2,5 + 1 + 4)) / (3 + 1,5 + 3)
    = (12 + 6 + 7,5) / 7,5 = 3,4; y = (3 + 4 + 5) / 3 = 4; z = (2,5 + 1 + 4) / 3 = 2,5.
    Own: a 3, b 2, c 4 on every activity; x = (9 + 3 + 12) / 7,5 = 3,2; y 2; z 4. All three
    have 3 or more rated activities, core ones among them, and full coverage on both sides.
    So y (+2) is a hidden strength, z (−1,5) a blind spot, x (+0,2) neither.

    Two OR-leden beside them change nothing: fewer than three of their role, so none of their
    3 + 3 + 3 + 3 = 12 stars counts, and their one comment is not shown.
    """
    others = others_of(small(), OWN, THREE)
    assert others.givers == 3
    assert others.means["a"] == {"a0": 4.0, "a1": 4.5, "a2": 3.5}
    assert others.raters["a"] == {"a0": 3, "a1": 2, "a2": 2} and others.raters["b"]["b1"] == 1
    tasks = {t.task_id: t.score for t in others.scores.tasks}
    assert tasks == {"a": 4.0, "b": 4.0, "c": 2.5}
    x, y, z = others.scores.roles
    assert x.score == pytest.approx(3.4) and x.coverage == pytest.approx(1.0)
    assert y.score == pytest.approx(4.0) and z.score == pytest.approx(2.5)
    assert (x.rated, x.core, y.rated, y.core, z.rated, z.core) == (9, 6, 3, 3, 3, 3)
    assert x.enough_data and y.enough_data and z.enough_data
    assert [g.role_id for g in others.hidden_strengths] == ["y"]
    assert others.hidden_strengths[0].difference == pytest.approx(2.0)
    assert [g.role_id for g in others.blind_spots] == ["z"]
    assert others.blind_spots[0].difference == pytest.approx(-1.5)
    # b1 +2, b2 +3 and c1 −3 are each one giver's own answer among three givers: left out.
    # Then a1 +1,5 and c0 −1,5 (catalogue order); a0 +1 and b0 +1; a2 +0,5 and c2 0 too small
    found = [(d.activity_id, d.difference) for d in others.differences]
    assert found == [("a1", 1.5), ("c0", -1.5), ("a0", 1.0), ("b0", 1.0)]
    assert len(found) < MAX_DIFFERENCES
    assert others.differences[0].raters == 2 and others.differences[0].own == 3
    assert others.giver_roles == (("voorzitter", 3),)
    assert others_of(small(), OWN, [*THREE, *TWO_MEMBERS]) == others
    assert anonymous([*THREE, *TWO_MEMBERS], OWN)[1] == Withheld((("or-lid", 2),), 12, 1)
    assert anonymous(THREE, OWN)[1] == Withheld()


def test_two_givers_by_hand_and_no_figures_per_giver() -> None:
    """Voorzitters 1 and 2: a0 4,5, a1 4, a2 3; b0 3, b1 4, b2 not rated; c0 2, c1 1, c2 3.

    x = (1·(4,5 + 4 + 3) + 0,5·(3 + 4) + 1·(2 + 1 + 3)) / (3 + 1 + 3) = (11,5 + 3,5 + 6) / 7
    = 3 (0,2 below own 3,2: no gap); y = (3 + 4) / 2 = 3,5; z = (2 + 1 + 3) / 3 = 2.
    """
    others = others_of(small(), OWN, THREE[:2])
    x, y, z = others.scores.roles
    assert x.score == pytest.approx(3.0) and y.score == pytest.approx(3.5)
    assert z.score == pytest.approx(2.0)
    assert x.coverage == pytest.approx(7 / 7.5) and y.coverage == pytest.approx(2 / 3)
    assert others.givers == 2 < MIN_GIVERS_FOR_DETAIL
    assert others.per_giver == () and not others.show_per_giver
    three = others_of(small(), OWN, THREE)
    assert three.show_per_giver and three.per_giver[0].label == "voorzitter"
    first = three.per_giver[0].scores.role("y")
    assert first is not None and first.score == 3.0  # giver 1 rated only b0 (3) of b


def test_same_formula_as_self_scores() -> None:
    """One voorzitter with whole stars scores exactly as if those were one's own ratings; so
    do three OR-leden who all gave those stars (a group that counts, rated by all three)."""
    catalogue = small()
    ratings: Ratings = {
        "a": {"a0": 2, "a1": 5, "a2": 3},
        "b": {"b0": None, "b1": 1, "b2": 4},
        "c": {"c0": None, "c1": 2, "c2": None},
    }
    for feedback in ([giver(ratings, "voorzitter")], group(ratings), group(ratings, "anders")):
        others = others_of(catalogue, OWN, feedback)
        assert others.scores == score_record(catalogue, ratings)
        assert others.givers == len(feedback)


@pytest.mark.parametrize(
    ("own", "theirs", "hidden", "blind"),
    [
        (2, 3, ["y"], []),  # exactly 1,0 higher
        (3, 2, [], ["y"]),  # exactly 1,0 lower
        (2, 2, [], []),
    ],
)
def test_threshold_is_one_both_ways(
    own: int, theirs: int, hidden: list[str], blind: list[str]
) -> None:
    """Only b: y has its 3 core activities rated on both sides; x has no core activity in b
    (so too little data) and z none at all. Three OR-leden give ``theirs`` on each activity of
    b: their mean is exactly ``theirs``."""
    mine: Ratings = {"b": every("b", own)}
    others = others_of(small(), mine, group({"b": every("b", theirs)}))
    x, y, z = others.scores.roles
    assert y.enough_data and y.score == theirs and not x.enough_data and z.score is None
    assert [g.role_id for g in others.hidden_strengths] == hidden
    assert [g.role_id for g in others.blind_spots] == blind


@pytest.mark.parametrize(("own", "theirs"), [(3, 4), (4, 3)])
def test_threshold_is_judged_on_the_shown_scores(own: int, theirs: int) -> None:
    """x weighs a 1 and b 0,04, b is 3 on both sides: with a 4, x is
    (1·4·3 + 0,04·3·3) / (1·3 + 0,04·3) = 12,36 / 3,12 = 3,96; with a 3, x is 3. Unrounded
    only 3 / 3,12 = 0,96 apart, but shown as 4,0 against 3,0: the table says ±1,0, so the
    list below it names x (a hidden strength with a 4 from the others, else a blind spot).
    Three OR-leden give the same stars, so their means are exactly those stars."""
    catalogue = small({"a": 1.0, "b": 0.04})
    mine: Ratings = {"a": every("a", own), "b": every("b", 3)}
    feedback = group({"a": every("a", theirs), "b": mine["b"]})
    others = others_of(catalogue, mine, feedback)
    self_x = score_record(catalogue, mine).role("x")
    x = others.scores.role("x")
    assert x is not None and self_x is not None
    assert x.enough_data and self_x.enough_data
    assert x.score is not None and self_x.score is not None
    assert x.score - self_x.score == pytest.approx((theirs - own) * 0.9615, abs=0.001)
    assert round(x.score, 1) - round(self_x.score, 1) == pytest.approx(theirs - own)
    gaps = others.hidden_strengths if theirs > own else others.blind_spots
    assert [g.role_id for g in gaps] == ["x"]
    assert gaps[0].shown_difference == theirs - own
    assert len(others.hidden_strengths + others.blind_spots) == 1


def test_gap_needs_enough_data_on_both_sides() -> None:
    """x weighs a 1 and b 3: givers who judge only a rate 3 core activities of x, but cover
    (1 + 1 + 1) / (3·1 + 3·3) = a quarter of x; no gap for x. Three OR-leden, each 5 on a:
    a mean of 5 on each activity of a."""
    catalogue = small({"a": 1.0, "b": 3.0})
    mine: Ratings = {"a": every("a", 1), "b": every("b", 1)}
    others = others_of(catalogue, mine, group({"a": every("a", 5), "b": {"b0": None}}))
    x = others.scores.role("x")
    assert x is not None and x.score == 5.0 and x.coverage == 0.25 and not x.enough_data
    assert (x.rated, x.core) == (3, 3)
    assert x.thin_reason is not None and x.thin_reason.startswith("25% van het werk")
    own_x = score_record(catalogue, mine).role("x")
    assert own_x is not None and own_x.enough_data
    assert others.hidden_strengths == ()


def test_only_the_records_areas_count_and_comments_have_no_names() -> None:
    """The voorzitter and three others (a group that counts) count; two OR-leden do not.

    a0: (4 + 2 + 3 + 1) / 4 = 2,5 (with the OR-leden's two 5s it would be 20 / 6 = 3,33).
    Left out: the OR-leden's 2 stars on a and their 2 comments on a; the comment on c and the
    stars on c are not counted at all (c was not chosen).
    """
    mine: Ratings = {"a": {"a0": 3, "a1": 3}}
    feedback = [
        giver({"a": {"a0": 4}, "c": {"c0": 5}}, "voorzitter", "Jan", a="Zeer goed", c="x"),
        giver({"a": {"a0": 2}}, "anders", None, a="  aandacht voor planning "),
        giver({"a": {"a0": 3}}, "anders", "Els", a="Betrouwbaar"),
        giver({"a": {"a0": 1}, "c": {"c0": 2}}, "anders", None),
        giver({"a": {"a0": 5}}, "or-lid", "Piet", a="Alleen Piet zegt dit"),
        giver({"a": {"a0": 5}, "c": {"c1": 4}}, "or-lid", None, a="Ook dit niet", c="ook"),
    ]
    others = others_of(small(), mine, feedback)
    assert set(others.means) == {"a"}
    assert others.means["a"] == {"a0": 2.5} and others.raters["a"] == {"a0": 4}
    z = others.scores.role("z")
    assert z is not None and z.score is None  # only c weighs on z, and c was not chosen
    assert [(c.task_id, c.texts) for c in others.comments] == [
        ("a", ("aandacht voor planning", "Betrouwbaar", "Zeer goed"))
    ]
    assert others.givers == 4 and others.giver_roles == (("voorzitter", 1), ("anders", 3))
    assert anonymous(feedback, mine)[1] == Withheld((("or-lid", 2),), 2, 2)


def test_result_without_feedback_is_unchanged(catalogue: Catalogue) -> None:
    record = make_record(catalogue, WHEN, save=False)
    plain = compute_result(catalogue, record)
    assert plain.others is None
    assert '"others"' not in render_json(plain)
    ratings = {t: dict.fromkeys(acts, 4) for t, acts in record.ratings.items()}
    fed = compute_result(catalogue, record, feedback=[giver(ratings, "voorzitter")])
    assert fed.others is not None  # the voorzitter's feedback counts
    assert fed.scores == plain.scores and fed.ranking == plain.ranking
    assert render_json(fed).startswith(render_json(plain).rsplit("\n}", 1)[0])


# --- scores.json ----------------------------------------------------------------------------


def test_scores_json_others_block(catalogue: Catalogue) -> None:
    """Archief and informatievoorziening chosen; own 2 everywhere, overdrachtsdossier n.v.t.

    Givers: archief-beheren (4+5)/2 = 4,5, bewaartermijnen (3+4)/2 = 3,5, overdrachtsdossier
    null twice (not rated, as on the own side); ontwikkelingen-signaleren (3+5)/2 = 4,
    informatie-opvragen 3, wetgeving-informeren (2+4)/2 = 3, dossiers-bijhouden 3.
    Kenner, per activity (weights 1; 0,5; 0,5; 0,5; 1; 1):
    (4,5 + 1,75 + 2 + 1,5 + 3 + 3) / 4,5 = 15,75 / 4,5 = 3,5: 1,5 higher than own, on 6 rated
    activities of which 3 core: the one hidden strength. Penvoerder (archief-beheren and
    dossiers-bijhouden, 0,5 each) (2,25 + 1,5) / 1 = 3,75 and Procesbewaker (bewaartermijnen
    alone) 3,5 are higher too, but rest on 2 and 1 rated activities: too little data.
    Both sides rated the same activities: the same coverage and enough data per role.
    Both givers are voorzitters (each counts as given); two OR-leden beside them, 1 star on
    each of the 3 + 4 activities, are fewer than three of their role: left out of every figure
    (else Kenner would be lower), their 2 · 7 = 14 stars and one comment counted in
    ``others_left_out``.
    """
    own_ratings = rated(catalogue, {"archief": [2, 2, None], "informatievoorziening": 2})
    record = record_with(catalogue, WHEN, own_ratings)
    # per activity, in the catalogue's order
    a = rated(catalogue, {"archief": [4, 3, None], "informatievoorziening": [3, 3, 2, 3]})
    b = rated(catalogue, {"archief": [5, 4, None], "informatievoorziening": [5, 3, 4, 3]})
    result = compute_result(
        catalogue, record, feedback=[giver(a, "voorzitter"), giver(b, "voorzitter")]
    )
    assert "others_left_out" not in json.loads(render_json(result))
    low = {"archief": 1, "informatievoorziening": 1}
    members = [
        giver(rated(catalogue, low), "or-lid", "Jan", archief="Geheim"),
        giver(rated(catalogue, low), "or-lid"),
    ]
    result = compute_result(
        catalogue,
        record,
        feedback=[giver(a, "voorzitter"), members[0], giver(b, "voorzitter"), members[1]],
    )
    data = json.loads(render_json(result))
    block = data["others"]
    assert set(block) == {"givers", "roles", "hidden_strengths", "blind_spots"}
    assert block["givers"] == 2
    assert list(block["roles"]) == [r.id for r in catalogue.roles]
    roles = block["roles"]
    assert roles["kenner"]["score"] == pytest.approx(3.5) and roles["kenner"]["enough_data"]
    assert roles["penvoerder"]["score"] == pytest.approx(3.75)
    assert roles["procesbewaker"]["score"] == pytest.approx(3.5)
    assert not roles["penvoerder"]["enough_data"] and not roles["procesbewaker"]["enough_data"]
    own = {r["id"]: r for r in data["roles"]}
    for role_id, entry in roles.items():
        assert entry["coverage"] == pytest.approx(own[role_id]["coverage"])
        assert entry["enough_data"] == own[role_id]["enough_data"]
    assert [r for r, entry in roles.items() if entry["enough_data"]] == ["kenner"]
    assert block["hidden_strengths"] == ["kenner"]
    assert block["blind_spots"] == []
    assert data["others_left_out"] == {"groups": {"or-lid": 2}, "answers": 14, "comments": 1}
    assert "Jan" not in json.dumps(data) and "Geheim" not in json.dumps(data)


# --- the answers file and asmo feedback add -------------------------------------------------


def answers(for_record: Record, /, **changes: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "asmo_feedback": 1,
        "record": for_record.id,
        "questionnaire_version": for_record.catalogue_version,
        "response_id": "r-1",
        "giver_role": "voorzitter",
        "name": "Jan",
        "ratings": {"archief": {"archief-beheren": 4, "bewaartermijnen-bewaken": None}},
        "comments": {"archief": "Altijd alles vindbaar."},
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not ...}


def write(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def stored(catalogue: Catalogue) -> Record:
    return make_record(catalogue, WHEN, 3, tasks=("archief", "correspondentie"))


def test_add_keeps_privately_and_replaces_the_same_giver(
    runner: CliRunner, stored: Record, tmp_path: Path
) -> None:
    first = write(tmp_path / "jan.json", answers(stored))
    result = runner.invoke(app, ["feedback", "add", str(first)])
    assert result.exit_code == 0, result.output
    assert f"Feedback van de voorzitter (Jan) bewaard bij meting {stored.id}" in result.output
    path = feedback_path(stored.id)
    if not WINDOWS:  # no such modes there: the user's profile folder protects the file
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    again = answers(stored, name=..., ratings={"archief": {"archief-beheren": 2}})
    second = write(tmp_path / "jan-2.json", again)
    other = write(tmp_path / "piet.json", answers(stored, response_id="r-2", giver_role="or-lid"))
    result = runner.invoke(app, ["feedback", "add", str(second), str(other)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Feedback van de voorzitter bewaard bij meting" in flat
    assert "De eerdere antwoorden van deze persoon zijn vervangen." in flat
    assert flat.count("vervangen") == 1
    assert "Let op" not in flat
    kept = load_feedback(stored.id)
    assert [(r.response_id, r.name) for r in kept] == [("r-1", None), ("r-2", "Jan")]
    assert kept[0].ratings == {"archief": {"archief-beheren": 2}}
    assert "2 personen" in result.output


def test_pasted_text_with_whitespace_and_bom_is_fine(
    catalogue: Catalogue, stored: Record, tmp_path: Path
) -> None:
    path = tmp_path / "geplakt.json"
    text = "\n\n   " + json.dumps(answers(stored), indent=2) + "\n\n  \t"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    response = read_feedback_file(path, catalogue, stored)
    assert response.giver_role == "voorzitter" and response.comments == {
        "archief": "Altijd alles vindbaar."
    }
    assert read_feedback_file(path, catalogue, list_records()) == response


def _bad_files(record: Record, folder: Path) -> dict[str, tuple[Path, str]]:
    """Each bad file, with the words the Dutch line must hold."""

    def rated(value: Any) -> dict[str, Any]:
        return answers(record, ratings={"archief": {"archief-beheren": value}})

    r = record
    area = "ratings, werkzaamheid"
    stars = f"{area} 'archief', activiteit 'archief-beheren'"
    cases: dict[str, tuple[Any, str]] = {
        "werkzaamheid": (
            answers(r, ratings={"bestaat-niet": {}}),
            f"{area} 'bestaat-niet': onbekende werkzaamheid",
        ),
        "niet-gekozen": (
            answers(r, ratings={"scholing": {}}),
            f"{area} 'scholing': deze werkzaamheid hoort niet bij meting {r.id}",
        ),
        "activiteit": (
            answers(r, ratings={"archief": {"x-y": 3}}),
            f"{area} 'archief', activiteit 'x-y': onbekende activiteit",
        ),
        "komma": (rated(1.0), f"{stars}: een getal (1.0) is geen geldig antwoord"),
        "ja": (rated(True), f"{stars}: ja/nee (true) is geen geldig antwoord"),
        "zes": (rated(6), f"{stars}: een getal (6) is geen geldig antwoord"),
        "nul": (rated(0), f"{stars}: een getal (0) is geen geldig antwoord"),
        "tekst": (rated("4"), f"{stars}: tekst ('4') is geen geldig antwoord"),
        "meting": (
            answers(r, record="20200101-000000"),
            "record: onbekende meting '20200101-000000'; beschikbare metingen",
        ),
        "versie": (
            answers(r, questionnaire_version="1999.1"),
            f"questionnaire_version: tekst ('1999.1') is niet de vragenlijst van meting {r.id}",
        ),
        "rol": (
            answers(r, giver_role="baas"),
            "giver_role: tekst ('baas') is geen bekende rol; kies uit: voorzitter, or-lid",
        ),
        "ontbreekt": (answers(r, response_id=...), "verplicht veld 'response_id' ontbreekt"),
        "geen-rol": (answers(r, giver_role=...), "verplicht veld 'giver_role' ontbreekt"),
        "onbekend-veld": (answers(r, extra=1), "onbekend veld 'extra'"),
        "opmerking": (
            answers(r, comments={"archief": 5}),
            "comments, werkzaamheid 'archief': een opmerking moet tekst zijn",
        ),
        "formaat": (answers(r, asmo_feedback=2), "asmo_feedback: van een nieuwere asmo"),
        "leeg-antwoord": (
            answers(r, ratings={}, comments=...),
            "ratings: geen enkele activiteit heeft sterren",
        ),
        "lijst": ([1, 2], "verwacht de antwoorden van de feedbackpagina, niet een lijst"),
        "lange-opmerking": (
            answers(r, comments={"archief": "x" * 4001}),
            "comments, werkzaamheid 'archief': langer dan 4000 tekens",
        ),
    }
    files = {
        key: (write(folder / f"{key}.json", data), words) for key, (data, words) in cases.items()
    }
    raw = {
        "geen-json": (b'{"asmo_feedback": 1,', "geen geldige JSON"),
        "geen-utf8": (b'{"name": "\xe9"}', "geen UTF-8-tekst"),
        "nan": (b'{"asmo_feedback": NaN}', "NaN is geen getal in JSON"),
        "dubbel": (b'{"name": "a", "name": "b"}', "het veld 'name' staat er twee keer in"),
        "leeg": (b"  \n", "het bestand is leeg"),
        "groot": (b" " * 1_000_001, "groter dan 1 MB"),
        "lang-getal": (b'{"asmo_feedback": 1' + b"0" * 5000 + b"}", "een getal is veel te lang"),
        "halve-tekens": (b'{"name": "\\ud800"}', "de tekst bevat een ongeldig teken"),
    }
    for key, (data, words) in raw.items():
        (folder / f"{key}.json").write_bytes(data)
        files[key] = (folder / f"{key}.json", words)
    (folder / "map.json").mkdir()
    files["map"] = (folder / "map.json", "dit is een map, geen bestand")
    if hasattr(os, "mkfifo"):
        os.mkfifo(folder / "pijp.json")
        files["pijp"] = (folder / "pijp.json", "geen gewoon bestand")
    files["weg"] = (folder / "weg.json", "bestand niet gevonden")
    return files


def test_every_bad_file_is_named_and_nothing_changes(
    runner: CliRunner, stored: Record, tmp_path: Path
) -> None:
    good = write(tmp_path / "goed.json", answers(stored))
    assert runner.invoke(app, ["feedback", "add", str(good)]).exit_code == 0
    before = feedback_path(stored.id).read_bytes()
    folder = tmp_path / "slecht"
    folder.mkdir()
    other = write(tmp_path / "ander.json", answers(stored, response_id="r-9"))
    for key, (path, words) in _bad_files(stored, folder).items():
        result = runner.invoke(app, ["feedback", "add", str(other), str(path)])
        assert result.exit_code == 1, (key, result.output)
        lines = [line for line in result.output.splitlines() if line.startswith("Fout: ")]
        assert any(line.startswith(f"Fout: {path}: ") and words in line for line in lines), (
            key,
            result.output,
        )
        assert "Traceback" not in result.output
        assert feedback_path(stored.id).read_bytes() == before, key


def test_every_problem_of_a_file_at_once(runner: CliRunner, stored: Record, tmp_path: Path) -> None:
    bad = answers(stored, giver_role="baas", ratings={"archief": {"archief-beheren": 0, "x": 3}})
    path = write(tmp_path / "fout.json", bad)
    result = runner.invoke(app, ["feedback", "add", str(path)])
    assert result.exit_code == 1
    assert result.output.count(f"Fout: {path}: ") == 3
    assert not feedback_path(stored.id).exists()


def test_another_record_is_refused_for_a_given_record(
    catalogue: Catalogue, stored: Record, tmp_path: Path
) -> None:
    path = write(tmp_path / "a.json", answers(stored, record="20200101-000000"))
    with pytest.raises(
        RecordError, match=r"record: dit antwoord hoort bij meting '20200101-000000'"
    ):
        read_feedback_file(path, catalogue, stored)


def test_a_busy_record_changes_nothing(
    stored: Record, catalogue: Catalogue, tmp_path: Path
) -> None:
    from asmo_cli.storage.locks import lock_record

    response = read_feedback_file(write(tmp_path / "a.json", answers(stored)), catalogue, stored)
    with lock_record(stored.id), pytest.raises(RecordError, match="is open in een ander"):
        store_feedback([(stored, response)])
    assert not feedback_path(stored.id).exists()


def test_damaged_feedback_is_named_and_left_alone(
    runner: CliRunner, stored: Record, tmp_path: Path
) -> None:
    feedback_path(stored.id).write_text('{"format_version": 1, "record": "ander"}', "utf-8")
    before = feedback_path(stored.id).read_bytes()
    result = runner.invoke(
        app, ["feedback", "add", str(write(tmp_path / "a.json", answers(stored)))]
    )
    assert result.exit_code == 1
    assert f"Fout: beschadigde feedback: {feedback_path(stored.id)}: record: hoort niet bij" in (
        result.output
    )
    assert feedback_path(stored.id).read_bytes() == before


def test_files_for_two_records_and_a_record_deleted_meanwhile(
    runner: CliRunner, catalogue: Catalogue, stored: Record, tmp_path: Path
) -> None:
    second = make_record(catalogue, datetime(2026, 12, 1, 9, 0), 4, tasks=("archief",))
    files = [
        write(tmp_path / "a.json", answers(stored)),
        write(tmp_path / "b.json", answers(second)),
    ]
    result = runner.invoke(app, ["feedback", "add", *map(str, files)])
    assert result.exit_code == 0, result.output
    assert len(load_feedback(stored.id)) == len(load_feedback(second.id)) == 1
    gone = make_record(catalogue, datetime(2026, 12, 2, 9, 0), 4, tasks=("archief",), save=False)
    response = load_feedback(stored.id)[0]
    with pytest.raises(RecordError, match="bestaat niet meer; er is niets bewaard"):
        store_feedback([(stored, response), (gone, response)])
    assert len(load_feedback(stored.id)) == 1 and not feedback_path(gone.id).exists()


def test_delete_removes_the_feedback(runner: CliRunner, stored: Record, tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", answers(stored))
    assert runner.invoke(app, ["feedback", "add", str(path)]).exit_code == 0
    assert feedback_path(stored.id).is_file()
    result = runner.invoke(app, ["delete", stored.id, "--yes"])
    assert result.exit_code == 0, result.output
    assert not feedback_path(stored.id).exists()
    assert str(feedback_path(stored.id)) in result.output


# --- asmo feedback invite -------------------------------------------------------------------


def test_file_names() -> None:
    assert file_slug("Jöran van 't Hof") == "joran-van-t-hof"
    assert file_slug(None) == file_slug("!!!") == "feedback"
    assert invitation_names(["Jan", "jan", None]) == [
        "uitnodiging-jan.html",
        "uitnodiging-jan-2.html",
        "uitnodiging-feedback.html",
    ]


@pytest.fixture
def fake_invitation(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str | None]]:
    """Record the calls to the real render/invitation.py (the page itself is tested there),
    as the application layer makes them."""
    from asmo_cli.api import feedback as invitation

    calls: list[tuple[str, str | None]] = []
    real = invitation.render_invitation

    def render_invitation(catalogue: Catalogue, record: Record, giver: str | None) -> str:
        calls.append((record.id, giver))
        return real(catalogue, record, giver)

    monkeypatch.setattr(invitation, "render_invitation", render_invitation)
    return calls


def test_invite_writes_one_private_file_per_giver(
    runner: CliRunner,
    stored: Record,
    tmp_path: Path,
    fake_invitation: list[tuple[str, str | None]],
) -> None:
    out = tmp_path / "uit"
    result = runner.invoke(
        app, ["feedback", "invite", "--for", "Jan de Boer", "--for", "Ans", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    files = sorted(p.name for p in out.iterdir())
    assert files == [
        "uitnodiging-ans.html",
        "uitnodiging-ans.pdf",
        "uitnodiging-jan-de-boer.html",
        "uitnodiging-jan-de-boer.pdf",
    ]
    assert fake_invitation == [(stored.id, "Jan de Boer"), (stored.id, "Ans")]
    if not WINDOWS:  # no such modes there
        for path in out.iterdir():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert f"Uitnodiging voor Jan de Boer: {out / 'uitnodiging-jan-de-boer.html'}" in result.output
    assert "feedback add" in result.output
    assert runner.invoke(app, ["delete", stored.id, "--yes"]).exit_code == 0
    assert not any(out.iterdir()) if out.exists() else True


def test_invite_without_names_goes_to_the_report_folder(
    runner: CliRunner, stored: Record, home: Path, fake_invitation: list[Any]
) -> None:
    result = runner.invoke(app, ["feedback", "invite"])
    assert result.exit_code == 0, result.output
    assert (home / "rapporten" / stored.id / "uitnodiging-feedback.html").is_file()
    assert (home / "rapporten" / stored.id / "uitnodiging-feedback.pdf").is_file()
    assert fake_invitation == [(stored.id, None)]


def test_invite_needs_a_complete_record(
    runner: CliRunner, catalogue: Catalogue, fake_invitation: list[Any]
) -> None:
    from asmo_cli.storage.store import save_record

    record = record_with(catalogue, WHEN, {"archief": {"archief-beheren": 3}})
    assert not record.is_complete
    save_record(record)
    result = runner.invoke(app, ["feedback", "invite", record.id])
    assert result.exit_code == 1
    assert "is nog niet afgerond" in result.output and fake_invitation == []


def test_invite_with_the_real_page_and_paper_form(
    runner: CliRunner, stored: Record, tmp_path: Path, catalogue: Catalogue
) -> None:
    import pypdf

    result = runner.invoke(app, ["feedback", "invite", "--for", "Jan", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "uitnodiging-jan.html").read_text(encoding="utf-8")
    assert stored.id in page and "<html" in page.lower()
    assert f"op papier: {tmp_path / 'uitnodiging-jan.pdf'}" in result.output
    assert f"feedback add --interactive {stored.id}" in " ".join(result.output.split())
    reader = pypdf.PdfReader(tmp_path / "uitnodiging-jan.pdf")
    text = " ".join(" ".join(p.extract_text().replace("☐", " ").split()) for p in reader.pages)
    for task_id in stored.ratings:
        for activity in catalogue.task(task_id).activities:
            assert activity.name in text, activity.name
    unchosen = [t for t in catalogue.tasks if t.id not in stored.ratings]
    assert all(a.name not in text for t in unchosen for a in t.activities)
    assert f"meting {stored.id}" in text and f"vragenlijst {stored.catalogue_version}" in text
    assert "Beste Jan," in text and "Kan ik niet beoordelen" in text
    assert "Voorzitter van de OR of het MZO" in text


@pytest.mark.parametrize(
    "command",
    [
        ["feedback"],
        ["feedback", "invite"],
        ["feedback", "add"],
        ["feedback", "list"],
        ["feedback", "remove"],
    ],
)
def test_help_is_dutch(
    runner: CliRunner, command: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = runner.invoke(app, [*command, "-h"])
    assert result.exit_code == 0
    assert result.output.startswith(f"Gebruik: asmo {' '.join(command)}")
    assert "Opties:" in result.output and "Toon deze hulp en stop." in result.output
    for word in ENGLISH:
        assert word not in result.output, f"{word!r} in asmo {' '.join(command)} --help"
    assert all(len(line) <= 80 for line in result.output.splitlines())


def test_listed_in_asmo_help(runner: CliRunner) -> None:
    result = runner.invoke(app, ["--help"])
    assert (
        "feedback  Vraag anderen om feedback op je werk en bewaar hun antwoorden." in result.output
    )


def test_the_same_giver_again_with_a_new_page_is_pointed_out(
    runner: CliRunner, stored: Record, tmp_path: Path
) -> None:
    first = write(tmp_path / "jan.json", answers(stored))
    assert runner.invoke(app, ["feedback", "add", str(first)]).exit_code == 0
    again = write(tmp_path / "jan-opnieuw.json", answers(stored, response_id="r-9"))
    result = runner.invoke(app, ["feedback", "add", str(again)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "Let op: er was al feedback van de voorzitter (Jan)." in flat
    assert "telt die nu twee keer mee" in flat
    assert len(load_feedback(stored.id)) == 2


def test_delete_keeps_a_file_that_now_belongs_to_another_record(
    runner: CliRunner, catalogue: Catalogue, tmp_path: Path
) -> None:
    first = make_record(catalogue, datetime(2026, 1, 1, 10), 3, tasks=("archief",))
    second = make_record(catalogue, datetime(2026, 2, 1, 10), 4, tasks=("archief",))
    shared = tmp_path / "gedeeld"
    for record in (first, second):
        result = runner.invoke(
            app, ["feedback", "invite", record.id, "--for", "Jan", "--out", str(shared)]
        )
        assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["delete", first.id, "--yes"]).exit_code == 0
    page = shared / "uitnodiging-jan.html"
    assert page.is_file() and second.id in page.read_text(encoding="utf-8")
    assert runner.invoke(app, ["delete", second.id, "--yes"]).exit_code == 0
    assert not shared.exists()


def test_two_files_with_the_same_answers_in_one_call_are_refused(
    runner: CliRunner, stored: Record, tmp_path: Path
) -> None:
    one = write(tmp_path / "een.json", answers(stored))
    two = write(
        tmp_path / "twee.json", answers(stored, ratings={"archief": {"archief-beheren": 2}})
    )
    result = runner.invoke(app, ["feedback", "add", str(one), str(two)])
    assert result.exit_code == 1
    flat = " ".join(result.output.split())
    assert f"{one} en {two} zijn antwoorden van dezelfde gever" in flat
    assert "Er is niets bewaard" in flat
    assert not feedback_path(stored.id).exists()
