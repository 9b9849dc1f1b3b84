"""Numbers as a Dutch reader rounds them: half up, the same figure in every output, and every
rule and sum judged on the figures she sees.

One catalogue (a copy of the shipped one with weights of its own) makes the halves that
Python's ``round`` (half to even) and the binary float (3,55 is 3,5499… there) get wrong:

- Penvoerder: correspondentie, weight 1 each, stars 3, 3, 3, 4: 13 / 4 = 3,25 → 3,3.
- Organisator: informatievoorziening, weights 3,25 3,25 1,75 1,75, stars 3, 3, 4, 4:
  (9,75 + 9,75 + 7 + 7) / 10 = 3,35 → 3,4.
- Kenner: postbehandeling, weights 4,5 2 2 1,5, stars 3, 4, 4, 4: (13,5 + 8 + 8 + 6) / 10 =
  3,55 → 3,6 (the float 3,55 is 3,54999…, which ``f"{x:.1f}"`` makes 3,5).
- Coach: archief, weights 0,425 1 1, stars 5, 4, 2: the worked example, 5 × 0,425 = 2,125 →
  2,13; the column adds up to 2,13 + 4 + 2 = 8,13; 8,13 / 2,425 = 3,35 → 3,4.
- Trainer: reglement, weights 2 1 1, stars 2, 3, 3: 10 / 4 = 2,5 → 2,5 and ★★★☆☆.
- Every other activity weighs only on the Verbinder, who is not rated (n.v.t.).
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from pypdf import PdfReader
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Activity, Catalogue, Level, Role, ScaleLevel, TaskArea
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.levels import LevelFit, clear_closest
from asmo_cli.core.record import Record
from asmo_cli.core.result import Result, compute_result, rank, shown_delta
from asmo_cli.core.scoring import RoleScore, Scores
from asmo_cli.core.team import Member, summarise
from asmo_cli.core.text import (
    difference,
    format_delta,
    format_score,
    number,
    percent,
    shown,
    stars,
)
from asmo_cli.core.worked_example import quotient_text, worked_example
from asmo_cli.render.bars import hours_chart_panels, hours_chart_title
from asmo_cli.render.feedback_view import feedback_section
from asmo_cli.render.invitation import render_invitation
from asmo_cli.render.radar_geometry import radar_geometry
from asmo_cli.render.series import radar_series
from asmo_cli.storage.catalogue import load_catalogue
from asmo_cli.storage.records import load_record

from .helpers import rated, record_with

# --- the one rounding ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (3.25, 1, "3,3"),
        (3.35, 1, "3,4"),
        (3.55, 1, "3,6"),  # the float is 3,5499999999999998
        (2.125, 2, "2,13"),
        (8.875 / 2.5, 1, "3,6"),  # computed, not typed: still the 3,55 a calculator shows
        (0.1 + 0.2, 1, "0,3"),
        (2.5, 0, "3"),
        (3.45, 1, "3,5"),
        (-0.25, 1, "-0,3"),  # halves away from zero, as on paper
        (-0.04, 1, "0,0"),  # never '-0,0'
        (3.549, 1, "3,5"),
    ],
)
def test_number_rounds_half_up_the_decimal_a_person_would_type(
    value: float, digits: int, expected: str
) -> None:
    """'number' rounds the value as typed, half up: 3,25 → 3,3, 3,35 → 3,4, 3,55 → 3,6,
    2,125 → 2,13 (Python's round and f-strings give 3,2, 3,4, 3,5 and 2,12)."""
    assert number(value, digits) == expected
    assert shown(value, digits) == float(expected.replace(",", "."))


def test_every_figure_goes_through_the_one_rounding() -> None:
    """Scores, deltas, percents and stars all round half up; trim drops ',0'; a difference is
    computed from the two shown figures (4,1 − 3,1 = 1,0, not 0,9999999999999996)."""
    assert [format_score(v) for v in (3.25, 3.35, 3.55)] == ["3,3", "3,4", "3,6"]
    assert format_score(None) == "n.v.t."
    assert format_delta(0.25) == "+0,3" and format_delta(-0.25) == "-0,3"
    assert format_delta(-0.04) == "0,0" and format_delta(None) == ""
    assert [percent(v) for v in (0.285, 0.325, 0.005, 1 / 3, 1.0)] == [
        "29%",
        "33%",
        "1%",
        "33%",
        "100%",
    ]
    assert stars(2.5) == "★★★☆☆" and stars(2.49) == "★★☆☆☆" and stars(4.5) == "★★★★★"
    assert stars(3.5) == "★★★★☆"  # half even would make this four too, but 2,5 two
    assert number(8.0, trim=True) == "8" and number(2.25, trim=True) == "2,3"
    assert difference(4.1, 3.1) == 1.0 and difference(3.96, 3.0) == 1.0
    assert difference(3.94, 3.0) == 0.9
    assert shown(float("inf")) == float("inf")


def test_quotient_shows_two_decimals_that_round_to_the_score() -> None:
    """'3,55 → 3,6'; '3,0' when there is nothing to round; never '3,55 → 3,5' (3,549 keeps
    its third decimal, so that the step a reader checks is right)."""
    assert quotient_text(8.875 / 2.5) == "3,55 → 3,6"
    assert quotient_text(3.0) == "3,0" and quotient_text(2.5) == "2,5"
    assert quotient_text(3.549) == "3,549 → 3,5"
    assert quotient_text(8.5 / 3.5) == "2,43 → 2,4"


# --- a catalogue of halves ---------------------------------------------------------------------

SPECIAL: dict[str, tuple[str, list[float], list[int]]] = {
    # area: (the one role it weighs on, the weight and the stars of each activity, in order)
    "correspondentie": ("penvoerder", [1, 1, 1, 1], [3, 3, 3, 4]),
    "informatievoorziening": ("organisator", [3.25, 3.25, 1.75, 1.75], [3, 3, 4, 4]),
    "postbehandeling": ("kenner", [4.5, 2, 2, 1.5], [3, 4, 4, 4]),
    "archief": ("coach", [0.425, 1, 1], [5, 4, 2]),
    "reglement": ("trainer", [2, 1, 1], [2, 3, 3]),
}
EXPECTED = {  # role: (unrounded score, as shown)
    "penvoerder": (3.25, "3,3"),
    "organisator": (3.35, "3,4"),
    "kenner": (3.55, "3,6"),
    "coach": (8.125 / 2.425, "3,4"),
    "trainer": (2.5, "2,5"),
}
HOURS = {"correspondentie": 8, "informatievoorziening": 3.25}  # 8 and 3,3; together 11,3
CONTRACT = 24  # 24 − 11,3 = 12,7 (the unrounded 12,75 would show 12,8: not what adds up)


class Made(NamedTuple):
    """What 'asmo assess' and 'asmo hours' printed and wrote with the catalogue of halves."""

    catalogue: Catalogue
    terminal: str
    out: Path
    record: Record

    @property
    def result(self) -> Result:
        return compute_result(self.catalogue, self.record)


def _weigh(tasks: dict[str, Any]) -> None:
    """Give every activity of tasks.yaml the weights of the module docstring."""
    for task in tasks["tasks"]:
        role, weights, _ = SPECIAL.get(task["id"], ("verbinder", [], []))
        for i, activity in enumerate(task["activities"]):
            activity["weights"] = {role: weights[i] if weights else 1.0}


def _answers(catalogue: Catalogue) -> dict[str, Any]:
    ratings = {
        area: dict(zip((a.id for a in catalogue.task(area).activities), given, strict=True))
        for area, (_, _, given) in SPECIAL.items()
    }
    return {"name": "Fenna de Vries", "level": "beleidsmedewerker", "ratings": ratings}


@pytest.fixture
def made(data_copy: Path, tmp_path: Path, home: Path, runner: CliRunner) -> Made:
    """'asmo assess --answers' and 'asmo hours --file' with the catalogue of halves."""
    path = data_copy / "tasks.yaml"
    tasks = yaml.safe_load(path.read_text(encoding="utf-8"))
    _weigh(tasks)
    path.write_text(yaml.safe_dump(tasks, allow_unicode=True, sort_keys=False), encoding="utf-8")
    catalogue = load_catalogue(data_copy)
    answers = tmp_path / "antwoorden.yaml"
    answers.write_text(yaml.safe_dump(_answers(catalogue)), encoding="utf-8")
    out = tmp_path / "rapport"
    common = ["--data-dir", str(data_copy), "--out", str(out)]
    assessed = runner.invoke(app, ["assess", "--answers", str(answers), *common])
    assert assessed.exit_code == 0, assessed.output
    hours = tmp_path / "uren.yaml"
    hours.write_text(
        yaml.safe_dump({"hours_per_week": HOURS, "contract_hours_per_week": CONTRACT}),
        encoding="utf-8",
    )
    timed = runner.invoke(app, ["hours", "--file", str(hours), *common])
    assert timed.exit_code == 0, timed.output
    (saved,) = (home / "assessments").glob("*.yaml")
    return Made(catalogue, assessed.output, out, load_record(saved))


def _pdf_text(path: Path) -> str:
    text = "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    return re.sub(r"\s+", " ", text)


def test_the_catalogue_of_halves_scores_as_the_docstring_says(made: Made) -> None:
    """The unrounded scores in scores.json (JSON keeps full precision): exactly the halves,
    each role with all of its work rated."""
    data = json.loads((made.out / "scores.json").read_text(encoding="utf-8"))
    roles = {r["id"]: r for r in data["roles"]}
    for role_id, (score, _) in EXPECTED.items():
        assert roles[role_id]["score"] == pytest.approx(score, abs=1e-12), role_id
        assert roles[role_id]["enough_data"] and roles[role_id]["coverage"] == 1.0
    assert roles["kenner"]["score"] == 3.55 and f"{roles['kenner']['score']:.1f}" == "3.5"
    assert roles["verbinder"]["score"] is None


def test_terminal_shows_the_half_up_scores(made: Made) -> None:
    """'asmo assess' prints 3,3, 3,4 and 3,6, the Trainer's 2,5 with three stars; the strongest
    are chosen on the shown figures: Organisator (3,35) before Coach (3,3505), both 3,4 with
    the same coverage, in catalogue order, although the Coach is higher unrounded."""
    rows = {
        cells[0]: cells
        for line in made.terminal.splitlines()
        if len(cells := [c.strip() for c in line.strip("│ ").split("│")]) == 4
    }
    for role_id, (_, text) in EXPECTED.items():
        assert rows[role_id.capitalize()][1] == text, rows
    assert rows["Trainer"][2] == "★★★☆☆" and rows["Kenner"][2] == "★★★★☆"
    said = " ".join(made.terminal.split())
    assert "Sterkste rollen: Kenner (3,6), Organisator (3,4)" in said
    assert "Trainer (2,5; profiel 3,0), Penvoerder (3,3; profiel 4,0)" in said


def test_markdown_shows_the_half_up_scores_and_a_sum_that_adds_up(made: Made) -> None:
    """rapport.md: the table's 3,3, 3,4, 3,6; the area mean 3,25 as 3,3; the worked example of
    the Coach with 5 × 0,425 = 2,13, and '8,13 / 2,425 = 3,35 → 3,4'."""
    text = (made.out / "rapport.md").read_text(encoding="utf-8")
    for role_id, (_, shown_text) in EXPECTED.items():
        assert f"| {role_id.capitalize()} | {shown_text} |" in text, role_id
    assert "| Trainer | 2,5 | ★★★☆☆ | 100% |" in text
    assert "### Correspondentie (gemiddeld 3,3)" in text
    assert "**Kenner (3,6)**" in text
    assert "| 5 | 0,425 | 2,13 |" in text
    assert "Score = 8,13 / 2,425 = 3,35 → 3,4. Dekking = 2,425 / 2,425 = 100%." in text


def test_pdf_shows_the_same_figures(made: Made) -> None:
    """rapport.pdf read back with pypdf: the same half-up figures as the Markdown."""
    text = _pdf_text(made.out / "rapport.pdf")
    for role_id, (_, shown_text) in EXPECTED.items():
        assert re.search(rf"{role_id.capitalize()} {shown_text} ", text), role_id
    assert "Kenner 3,5" not in text
    assert "Correspondentie (gemiddeld 3,3)" in text
    assert "0,425 2,13" in text
    assert "Score = 8,13 / 2,425 = 3,35 → 3,4" in text


def test_worked_example_products_add_up_to_its_total(made: Made) -> None:
    """Every shown product is the shown stars times the shown weight, rounded half up to two
    decimals (5 × 0,425 = 2,13); the shown total is their sum (8,13, where the unrounded
    products make 8,125), and the score that total over the sum of the shown weights."""
    example = worked_example(made.catalogue, made.result)
    assert example is not None and example.role.id == "coach"

    def value(text: str) -> Decimal:
        return Decimal(text.replace(",", "."))

    products = []
    for _, star_text, weight_text, product_text in example.rows:
        product = (value(star_text) * value(weight_text)).quantize(Decimal("0.01"), ROUND_HALF_UP)
        assert product == value(product_text)
        products.append(product)
    assert [str(p) for p in products] == ["2.13", "4.00", "2.00"]
    total, weights = example.formula.split("Score = ")[1].split(" = ")[0].split(" / ")
    assert sum(products) == value(total) == Decimal("8.13")
    assert sum(value(row[2]) for row in example.rows) == value(weights)
    quotient = (value(total) / value(weights)).quantize(Decimal("0.01"), ROUND_HALF_UP)
    score = quotient.quantize(Decimal("0.1"), ROUND_HALF_UP)
    assert f"= {quotient} → {score}".replace(".", ",") in example.formula
    coach = made.result.role("coach")
    assert coach is not None and format_score(coach.score) == str(score).replace(".", ",")


@pytest.mark.parametrize("name", ["tijdsbesteding.md", "tijdsbesteding.pdf"])
def test_hours_show_whole_hours_without_a_comma_zero(made: Made, name: str) -> None:
    """The hours document: 8 (never 8,0), 3,25 as 3,3, the total the sum of the shown hours
    (11,3) and the room in the formatie 24 − 11,3 = 12,7; in the PDF the chart's title and
    bar labels too."""
    path = made.out / name
    if name.endswith(".md"):
        text = path.read_text(encoding="utf-8").replace(" |", "").replace("| ", "")
    else:
        text = _pdf_text(path)
    assert "Besteed aan de werkzaamheden 11,3" in text
    assert "Ruimte binnen de formatie 12,7" in text
    assert "Correspondentie 8" in text and "Informatievoorziening 3,3" in text
    assert "8,0" not in text and "3,2" not in text
    if name.endswith(".pdf"):
        assert "Tijdsbesteding: 11,3 uur per week (formatie 24 uur)" in text
        assert "Uren per rol Penvoerder 8 Organisator 3,3 0 2 4 6 8 uren per week" in text
    else:
        assert "In totaal: 11,3 uur per week." in text


def test_chart_labels_round_half_up(made: Made) -> None:
    """The radar's value labels (the geometry the PNG, SVG and PDF radar draw from) and the
    hours chart's bar labels and title: the same figures as the tables."""
    series = radar_series(made.catalogue, made.result)
    radar = radar_geometry([r.name for r in made.catalogue.roles], series)
    labels = sorted(label.text for label in radar.labels)
    assert labels == sorted(text for _, text in EXPECTED.values())
    areas, roles = hours_chart_panels(made.catalogue, made.record)
    assert [bar.text for bar in areas.bars] == ["8", "3,3"]
    assert [bar.text for bar in roles.bars] == ["8", "3,3"]
    assert hours_chart_title(made.record) == "Tijdsbesteding: 11,3 uur per week (formatie 24 uur)"


def test_radar_svg_writes_the_half_up_values(made: Made) -> None:
    """The matplotlib radar, its text kept as text: 3,3, 3,4 and 3,6 are written, never the
    Kenner's 3,55 as 3,5."""
    import matplotlib

    from asmo_cli.render.radar import draw_radar

    labels = [r.name for r in made.catalogue.roles]
    with matplotlib.rc_context({"svg.fonttype": "none"}):
        (svg,) = draw_radar(labels, radar_series(made.catalogue, made.result), "x", ["svg"])
    texts = re.findall(r">([^<>]*)</text>", svg.decode("utf-8"))
    for _, shown_text in EXPECTED.values():
        assert shown_text in texts, texts
    assert "3,5" not in texts


def test_hours_png_labels_are_the_tables_hours(made: Made, monkeypatch: pytest.MonkeyPatch) -> None:
    """The hours PNG labels its bars '8' and '3,3', as the tables do (never '8,0')."""
    from matplotlib.axes import Axes

    from asmo_cli.render.charts import draw_hours

    written: list[str] = []
    original = Axes.bar_label

    def spy(self: Axes, container: Any, labels: Any = None, **kwargs: Any) -> Any:
        written.extend(labels or [])
        return original(self, container, labels, **kwargs)

    monkeypatch.setattr(Axes, "bar_label", spy)
    panels = hours_chart_panels(made.catalogue, made.record)
    png = draw_hours(panels, hours_chart_title(made.record))
    assert png.startswith(b"\x89PNG")
    assert written == ["8", "3,3", "8", "3,3"]


# --- rules judged on what is shown --------------------------------------------------------------


def _small(weight_of_b: float) -> Catalogue:
    """Areas a and b of 3 activities; x weighs a 1 (its core) and b ``weight_of_b``, y b 1."""

    def task(tid: str) -> TaskArea:
        activities = tuple(Activity(f"{tid}{i}", f"{tid}{i}") for i in range(3))
        return TaskArea(tid, tid.upper(), "", activities)

    def role(rid: str, weights: dict[str, float]) -> Role:
        return Role(rid, rid.capitalize(), "", "", (), weights)

    return Catalogue(
        tasks_version="t",
        roles_version="r",
        competencies_version="c",
        scale=tuple(ScaleLevel(i, str(i), "") for i in range(1, 6)),
        tasks=(task("a"), task("b")),
        roles=(role("x", {"a": 1.0, "b": weight_of_b}), role("y", {"b": 1.0})),
        levels=(),
        competencies=(),
    )


def _all(area: str, value: int) -> dict[str, int | None]:
    return {f"{area}{i}": value for i in range(3)}


def _with_feedback(weight_of_b: float, own: dict[str, int], theirs: dict[str, int]) -> Result:
    catalogue = _small(weight_of_b)
    record = record_with(catalogue, datetime(2026, 5, 1, 10), rated(catalogue, own), level=None)
    given = {area: _all(area, stars) for area, stars in theirs.items()}
    response = FeedbackResponse("id", "voorzitter", None, given, {})
    return compute_result(catalogue, record, feedback=[response])


@pytest.mark.parametrize(("weight", "listed"), [(0.075, True), (0.12, False)])
def test_a_hidden_strength_is_listed_as_the_table_shows_it(weight: float, listed: bool) -> None:
    """The issue's 'Trainer 3,1 | 4,1 | +1,0' under 'minstens 1,0 meer'. With b weighing 0,075
    on x, own x = (9 + 0,225·5) / 3,225 = 3,14 → 3,1, the voorzitter's (12 + 1,125) / 3,225 =
    4,07 → 4,1: +1,0 in the table, so listed below it (only 0,93 unrounded). With 0,12 own x
    is 3,22 → 3,2 and hers 4,1: +0,9, and neither table nor list names it."""
    result = _with_feedback(weight, {"a": 3, "b": 5}, {"a": 4, "b": 5})
    assert result.others is not None
    own, theirs = result.role("x"), result.others.role("x")
    assert own is not None and theirs is not None and own.score and theirs.score
    assert theirs.score - own.score < 1.0
    section = feedback_section(result)
    assert section is not None
    row = next(r for r in section.role_rows if r[0] == "X")
    assert row[1:] == (("3,1", "4,1", "+1,0") if listed else ("3,2", "4,1", "+0,9"))
    hidden = dict(section.hidden)
    assert ("X" in hidden) is listed and section.blind == ()
    if listed:
        assert hidden["X"] == "zelf 3,1, anderen 4,1 (+1,0)"
        assert [g.role_id for g in result.others.hidden_strengths] == ["x"]


def test_a_blind_spot_is_listed_as_the_table_shows_it() -> None:
    """The other way round: own 4,07 → 4,1 and the voorzitter's 3,14 → 3,1 is −1,0: a blind
    spot, listed with the table's figures."""
    result = _with_feedback(0.075, {"a": 4, "b": 5}, {"a": 3, "b": 5})
    section = feedback_section(result)
    assert section is not None
    assert dict(section.blind) == {"X": "zelf 4,1, anderen 3,1 (-1,0)"}


def test_deltas_and_close_scores_are_judged_on_the_shown_figures() -> None:
    """A change from 3,25 to 3,35 is 3,3 → 3,4: +0,1 (half even made it 3,2 → 3,4, +0,2). The
    highest and lowest at 3,34 and 3,06 show 3,3 and 3,1: 0,2 apart, 'dicht bij elkaar'
    (< 0,25) although 0,28 apart unrounded; at 3,35 and 3,125 they show 3,4 and 3,1: 0,3
    apart, ranked, although only 0,225 apart unrounded."""

    def score(value: float, role_id: str = "x") -> RoleScore:
        return RoleScore(role_id, role_id, value, 1.0, 3, 3)

    assert shown_delta(score(3.25), score(3.35)) == 0.1
    assert shown_delta(score(3.35), score(3.55)) == 0.2
    close = rank(Scores((), (score(3.34, "x"), score(3.06, "y"))))
    assert close.no_ranking is not None and close.no_ranking.value == "scores_close"
    apart = rank(Scores((), (score(3.35, "x"), score(3.125, "y"))))
    assert apart.no_ranking is None and [r.role_id for r in apart.strongest] == ["x"]


@pytest.mark.parametrize("value", [3.45, 3.46, 3.54])
def test_a_gap_to_the_profile_is_judged_on_the_shown_figures(value: float) -> None:
    """Profile 4,0: 3,45, 3,46 and 3,54 all show as 3,5, 0,5 below: on the page the same, so
    by the same rule a role to develop (3,54 is only 0,46 below unrounded)."""
    level = Level("l", "L", "", {"x": 4.0, "y": 3.0})
    roles = (RoleScore("x", "X", value, 1.0, 3, 3), RoleScore("y", "Y", 4.5, 1.0, 3, 3))
    ranking = rank(Scores((), roles), level)
    assert [r.role_id for r in ranking.to_develop] == ["x"]
    assert ranking.develop_label(ranking.to_develop[0]) == "X (3,5; profiel 4,0)"


def test_without_a_shown_gap_the_distance_is_the_shown_one() -> None:
    """3,55 shows as 3,6 against 4,0: 0,4 below, no role to develop, and the sentence says
    '0,4 eronder' (4,0 − 3,6), not the unrounded 0,45."""
    level = Level("l", "L", "", {"x": 4.0, "y": 3.0})
    roles = (RoleScore("x", "X", 3.55, 1.0, 3, 3), RoleScore("y", "Y", 4.5, 1.0, 3, 3))
    ranking = rank(Scores((), roles), level)
    assert ranking.to_develop == () and ranking.no_gap is not None
    assert "X (3,6; profiel 4,0; 0,4 eronder)" in ranking.no_gap


def test_levels_within_0_15_on_the_shown_figures_are_no_finding() -> None:
    """0,4249 and 0,575 show as 0,42 and 0,58: 0,16 apart, a clear closest level (half even
    made 0,575 0,57 and called it no clear difference); 0,425 and 0,575 show 0,43 and 0,58:
    0,15 apart, no finding."""
    first, second = Level("a", "A", "", {}), Level("b", "B", "", {})
    apart = [LevelFit(first, 0.4249, ("x",)), LevelFit(second, 0.575, ("x",))]
    assert clear_closest(apart) == first
    near = [LevelFit(first, 0.425, ("x",)), LevelFit(second, 0.575, ("x",))]
    assert clear_closest(near) is None


def test_team_counts_a_member_strong_as_her_report_shows_her() -> None:
    """3,96 is 4,0 in her report: strong (4 or higher) in the team profile too; 3,94 is not."""
    values = (3.96, 3.94, 4.0)
    members = tuple(
        Member(Path(f"{i}.yaml"), None, {"x": v, "y": None}, (i,)) for i, v in enumerate(values)
    )
    x = summarise(_small(0.5), members)[0]
    assert x.role_id == "x" and x.strong == 2


def test_invitation_minutes_round_half_up(catalogue: Catalogue) -> None:
    """50 activities take about 12,5 minutes, to five minutes half up: 'ongeveer 15 minuten'
    (half even said 10)."""
    areas: list[str] = []
    for task in catalogue.tasks:
        if sum(len(catalogue.task(a).activities) for a in areas) < 50:
            areas.append(task.id)
    assert sum(len(catalogue.task(a).activities) for a in areas) == 50
    record = record_with(
        catalogue, datetime(2026, 5, 1, 10), rated(catalogue, dict.fromkeys(areas, 3))
    )
    page = render_invitation(catalogue, record, None)
    assert "ongeveer 15 minuten (50 activiteiten)" in page
