"""The scoring formula: a hand-computed example and its properties."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asmo_cli.core.catalogue import Activity, Catalogue, Role, ScaleLevel, TaskArea
from asmo_cli.core.scoring import score_record
from asmo_cli.storage.catalogue import load_catalogue
from asmo_cli.storage.paths import default_data_dir

SHIPPED = load_catalogue(default_data_dir())


def _small() -> Catalogue:
    def task(tid: str, n: int) -> TaskArea:
        return TaskArea(tid, tid.upper(), "x", tuple(Activity(f"{tid}{i}", "x") for i in range(n)))

    def role(rid: str, weights: dict[str, float]) -> Role:
        return Role(rid, rid.upper(), "s", "d", (), weights)

    a = task("a", 2)
    own = Activity("a1", "x", {"y": 1.0, "x": 0.5})  # its own weights replace a's whole row
    return Catalogue(
        tasks_version="t",
        roles_version="r",
        competencies_version="c",
        scale=tuple(ScaleLevel(i, str(i), "") for i in range(1, 6)),
        tasks=(TaskArea("a", "A", "x", (a.activities[0], own)), task("b", 2), task("c", 1)),
        roles=(
            role("x", {"a": 1.0, "b": 0.5, "c": 1.0}),
            role("y", {"b": 1.0}),
            role("z", {"c": 1.0, "a": 0.0}),
        ),
        levels=(),
        competencies=(),
    )


def test_hand_computed_example() -> None:
    """Per activity, stars × weight. a0 feeds x (1, the row); a1 has its own weights, y 1 and
    x 0,5; b0 and b1 feed y (1) and x (0,5); c0 feeds x and z (1).

    Rated: a0 = 5, a1 = 3, b0 = 2 (b1 and c0 n.v.t.).
    X = (1·5 + 0,5·3 + 0,5·2) / (1 + 0,5 + 0,5) = 7,5 / 2 = 3,75; all of x's weight is
    1 + 0,5 + 0,5 + 0,5 + 1 = 3,5, so coverage 2 / 3,5; 3 rated, 1 of them core (a0): enough.
    Y = (1·3 + 1·2) / 2 = 2,5; coverage 2 / 3; only 2 rated: too little. Z: n.v.t.
    """
    ratings: dict[str, dict[str, int | None]] = {
        "a": {"a0": 5, "a1": 3},
        "b": {"b0": 2, "b1": None},
        "c": {"c0": None},
    }
    scores = score_record(_small(), ratings)
    tasks = {t.task_id: t for t in scores.tasks}
    assert tasks["a"].score == 4.0 and tasks["a"].rated == 2 and tasks["a"].total == 2
    assert tasks["b"].score == 2.0 and tasks["b"].rated == 1
    assert tasks["c"].score is None and tasks["c"].rated == 0
    x, y, z = scores.roles
    assert x.score == pytest.approx(3.75)
    assert x.coverage == pytest.approx(2 / 3.5)
    assert (x.rated, x.core, x.enough_data, x.thin_reason) == (3, 1, True, None)
    assert y.score == pytest.approx(2.5) and y.coverage == pytest.approx(2 / 3)
    assert (y.rated, y.core, y.enough_data) == (2, 2, False)
    assert (
        y.thin_reason == "2 activiteiten beoordeeld; minstens 3 nodig, waarvan één kernactiviteit"
    )
    assert z.score is None and z.coverage == 0.0 and z.thin_reason is None


def test_enough_data_needs_three_answers_a_core_activity_and_a_third() -> None:
    """The one rule, with its reason: the boundaries are inclusive."""
    from asmo_cli.core.scoring import thin_reason

    assert thin_reason(3, 1, 1 / 3) is None
    assert thin_reason(2, 2, 0.9) == (
        "2 activiteiten beoordeeld; minstens 3 nodig, waarvan één kernactiviteit"
    )
    assert thin_reason(1, 0, 0.9) == (
        "1 activiteit beoordeeld; minstens 3 nodig, waarvan één kernactiviteit"
    )
    assert thin_reason(5, 0, 0.9) == (
        "5 activiteiten beoordeeld, maar geen kernactiviteit van deze rol; minstens één nodig"
    )
    assert (
        thin_reason(4, 1, 0.3)
        == "30% van het werk van deze rol beoordeeld; minstens een derde nodig"
    )


def test_side_work_only_gives_no_ranked_role() -> None:
    """Coach fed only by activities where it weighs 0,5 (shipped catalogue): a score, but
    too little data, so it is in no ranking."""
    ratings = {
        "scholing": {"scholingsbehoefte-inventariseren": 5},
        "inwerken": {"nieuwe-leden-wegwijs-maken": 5, "overdracht-zittingsperiode": 5},
        "participatie": {"klankbordgroepen-begeleiden": 5},
        "werkwijze-secretariaat": {"werkafspraken-db": 5},
    }
    coach = score_record(SHIPPED, ratings).role("coach")
    assert coach is not None and coach.score == 5.0 and coach.rated == 5 and coach.core == 0
    assert not coach.enough_data and "geen kernactiviteit" in (coach.thin_reason or "")


def test_unknown_ids_are_ignored() -> None:
    scores = score_record(_small(), {"a": {"a0": 5, "oud": 1}, "weg": {"q": 1}})
    assert scores.tasks[0].score == 5.0


ALL_ACTIVITIES = [(t.id, a.id) for t in SHIPPED.tasks for a in t.activities]
rating_maps = st.dictionaries(
    st.sampled_from(ALL_ACTIVITIES), st.one_of(st.none(), st.integers(1, 5)), max_size=60
)


def _nest(flat: dict[tuple[str, str], int | None]) -> dict[str, dict[str, int | None]]:
    nested: dict[str, dict[str, int | None]] = {}
    for (task, act), value in flat.items():
        nested.setdefault(task, {})[act] = value
    return nested


@settings(max_examples=150, deadline=None)
@given(rating_maps)
def test_every_score_within_one_and_five(flat: dict[tuple[str, str], int | None]) -> None:
    scores = score_record(SHIPPED, _nest(flat))
    for role in scores.roles:
        assert role.score is None or 1.0 - 1e-9 <= role.score <= 5.0 + 1e-9
        assert 0.0 <= role.coverage <= 1.0 + 1e-9
    for task in scores.tasks:
        assert task.score is None or 1.0 <= task.score <= 5.0


@settings(max_examples=150, deadline=None)
@given(rating_maps, st.data())
def test_raising_a_rating_never_lowers_a_role(
    flat: dict[tuple[str, str], int | None], data: st.DataObject
) -> None:
    rated = [k for k, v in flat.items() if v is not None and v < 5]
    if not rated:
        return
    key = data.draw(st.sampled_from(rated))
    value = flat[key]
    assert value is not None
    higher = flat | {key: data.draw(st.integers(value + 1, 5))}
    before = score_record(SHIPPED, _nest(flat))
    after = score_record(SHIPPED, _nest(higher))
    for old, new in zip(before.roles, after.roles, strict=True):
        if old.score is not None:
            assert new.score is not None and new.score >= old.score - 1e-9


@settings(max_examples=150, deadline=None)
@given(rating_maps, st.sampled_from([t.id for t in SHIPPED.tasks]), st.integers(1, 5))
def test_adding_a_rated_task_never_lowers_coverage(
    flat: dict[tuple[str, str], int | None], task_id: str, stars: int
) -> None:
    before = score_record(SHIPPED, _nest(flat))
    task = SHIPPED.task(task_id)
    extra = dict(flat) | {(task_id, task.activities[0].id): stars}
    after = score_record(SHIPPED, _nest(extra))
    for old, new in zip(before.roles, after.roles, strict=True):
        assert new.coverage >= old.coverage - 1e-9
