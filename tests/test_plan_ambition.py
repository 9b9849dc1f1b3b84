"""A plan she would sign (issue 29): her ambition first, something for every level, feedback
that changes the plan, and the words and courses of her council.

The personas (``tests/personas/``) are answers files as real AS write them; each plan is made
through the CLI as she would, without a terminal (the ambition is then her last choice, or
grow in her own function).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from prompt_toolkit.input import PipeInput, create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.cli.session.plan_questions import ask_ambition
from asmo_cli.cli.session.questions import PromptIO
from asmo_cli.core.ambition import GROW, LEVEL, SPECIALISE, Ambition
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.plan import SPECIALIST_TARGET, make_plan
from asmo_cli.core.result import compute_result
from asmo_cli.storage.feedback import store_feedback
from asmo_cli.storage.store import find_record, record_path

PERSONAS = Path(__file__).parent / "personas"
DOWN, ENTER = "\x1b[B", "\r"


def plan_of(runner: CliRunner, tmp_path: Path, name: str, *options: str) -> tuple[str, str]:
    """Assess a persona from her answers file and make her plan; return its Markdown and the
    record id."""
    out = tmp_path / name
    done = runner.invoke(
        app, ["assess", "--answers", str(PERSONAS / f"{name}.yaml"), "--out", str(out)]
    )
    assert done.exit_code == 0, done.output
    record_id = find_record(None).id
    done = runner.invoke(app, ["plan", record_id, "--out", str(out), *options])
    assert done.exit_code == 0, done.output
    return (out / "ontwikkelplan.md").read_text(encoding="utf-8"), record_id


def section(md: str, heading: str) -> str:
    return md.split(f" {heading}\n", 1)[1].split("\n#", 1)[0]


@pytest.mark.parametrize("name", sorted(p.stem for p in PERSONAS.glob("*.yaml")))
def test_no_level_above_hers_is_a_target_unless_she_chooses_it(
    runner: CliRunner, tmp_path: Path, name: str
) -> None:
    """Without --target or an ambition for another level, no plan shows a Streefniveau; every
    plan has goals or deepening (never empty), and services are support, never a goal."""
    md, _ = plan_of(runner, tmp_path, name)
    assert "Streefniveau" not in md
    assert "| Mijn ambitie | Groeien in mijn huidige functie |" in md
    goals = section(md, "Mijn doelen")
    assert "- **‘" in goals or "### Verdieping" in md or "### Basis voor" in md, md
    assert "Advieslijn" not in goals and "Eerste stap: Advieslijn" not in md
    assert "Steun (geen doel): Advieslijn en vertrouwenstelefoon" in md
    assert "laat je al zien" not in md  # the plan speaks as she does: "laat ik al zien"


def test_the_starter_gets_a_basic_course_and_goals_from_her_lowest_answers(
    runner: CliRunner, tmp_path: Path
) -> None:
    md, _ = plan_of(runner, tmp_path, "starter")
    assert "### Basis voor een startende ambtelijk secretaris" in md
    assert "Basisopleiding voor startende ambtelijk secretarissen (opleiding)" in md
    goals = section(md, "Mijn doelen")
    assert (
        "‘Brieven en adviezen concipiëren en redigeren’ (Penvoerder: nu ★★☆☆☆ beginnend)" in goals
    )
    assert "### Verdieping" not in md  # she has focus roles at her own level


def test_the_senior_adviser_gets_deepening(runner: CliRunner, tmp_path: Path) -> None:
    """At the highest level there is no level above: the plan offers deepening (a masterclass,
    coaching a starting AS, a specialism) and no basic course."""
    md, _ = plan_of(runner, tmp_path, "senior-adviseur")
    deepening = section(md, "Verdieping")
    assert "Masterclass als verdieping op een thema (masterclass)" in deepening
    assert "Basisopleiding" not in md
    assert (
        "Een specialisme opbouwen en delen" in deepening or "Een startende ambtelijk" in deepening
    )


def test_at_her_targets_the_plan_points_to_deepening(runner: CliRunner, tmp_path: Path) -> None:
    """The clientenraad's AS sits at or above her own (first) level's profile on every role
    with enough data: no goals from low answers; her strongest role named, the basis offered,
    and no deepening meant for an experienced AS (mentoring a starter, leading intervisie)."""
    md, _ = plan_of(runner, tmp_path, "clientenraad")
    goals = section(md, "Mijn doelen")
    assert "Mijn doel kies ik in het gesprek, met de basis hieronder als fundament" in goals
    assert "me specialiseren als Verbinder" in goals
    assert "### Basis voor een startende ambtelijk secretaris" in md
    assert "### Verdieping" not in md and "Een startende ambtelijk secretaris begeleiden" not in md


def test_an_mr_plan_offers_no_wor_course(runner: CliRunner, tmp_path: Path) -> None:
    md, _ = plan_of(runner, tmp_path, "gmr-beleidsmedewerker")
    assert "WOR" not in md
    assert "Cursus WMS voor ambtelijk secretarissen" in md or "WMS" in md


def test_specialising_puts_the_role_first_and_is_kept_with_the_record(
    runner: CliRunner, tmp_path: Path
) -> None:
    md, record_id = plan_of(runner, tmp_path, "senior-adviseur", "--specialise", "Kenner")
    assert "| Mijn ambitie | Me specialiseren als Kenner |" in md
    assert "Streefniveau" not in md
    roles = section(md, "Mijn rollen: rapport en plan naast elkaar")
    first = next(line for line in roles.splitlines() if line.startswith("| Kenner |"))
    assert "| 5,0 |" in first and "specialisatie (" in first
    assert roles.index("| Kenner |") < roles.index("| Organisator |")
    stored = yaml.safe_load(record_path(record_id).read_text(encoding="utf-8"))
    assert stored["ambition"] == {"kind": "specialise", "role": "kenner"}
    # the next plan, without options and without a terminal, starts from the same choice
    again = runner.invoke(app, ["plan", record_id, "--out", str(tmp_path / "weer")])
    assert again.exit_code == 0, again.output
    assert "Me specialiseren als Kenner" in (tmp_path / "weer" / "ontwikkelplan.md").read_text(
        encoding="utf-8"
    )
    # her own level as --target: back to growing in her function
    back = runner.invoke(
        app, ["plan", record_id, "--target", "adviseur", "--out", str(tmp_path / "b")]
    )
    assert back.exit_code == 0, back.output
    assert yaml.safe_load(record_path(record_id).read_text(encoding="utf-8"))["ambition"] == {
        "kind": "grow"
    }


def test_another_level_is_a_streefniveau(runner: CliRunner, tmp_path: Path) -> None:
    md, _ = plan_of(runner, tmp_path, "starter", "--target", "beleidsmedewerker")
    assert "| Streefniveau | Beleidsmedewerker |" in md
    assert "| Mijn ambitie | Doorgroeien naar beleidsmedewerker |" in md


def test_unknown_role_and_both_options_are_refused(runner: CliRunner, tmp_path: Path) -> None:
    plan_of(runner, tmp_path, "starter")
    wrong = runner.invoke(app, ["plan", "--specialise", "notulist"])
    assert wrong.exit_code == 1
    assert "onbekende rol 'notulist' bij --specialise; kies uit: penvoerder" in wrong.output
    both = runner.invoke(app, ["plan", "--specialise", "kenner", "--target", "adviseur"])
    assert both.exit_code == 1 and "kies --target of --specialise, niet allebei" in both.output


def test_a_damaged_ambition_is_named(runner: CliRunner, tmp_path: Path) -> None:
    _, record_id = plan_of(runner, tmp_path, "starter")
    path = record_path(record_id)
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["ambition"] = {"kind": "promotie"}
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = runner.invoke(app, ["plan", record_id, "--out", str(tmp_path / "x")])
    assert result.exit_code == 1
    assert "ambition: onbekende soort 'promotie' bij kind (grow, level, specialise)" in " ".join(
        result.output.split()
    )
    assert "Traceback" not in result.output


def test_feedback_at_the_target_makes_a_conversation_point(catalogue: Catalogue) -> None:
    """Her voorzitter rates Kenner at the target while she rates herself below it: Kenner is
    no focus role but a conversation point, said in the plan."""
    from tools.examples import example_record

    from asmo_cli.render.plan_content import render_plan

    example = example_record(catalogue)
    own = compute_result(catalogue, example)
    target = catalogue.level("beleidsmedewerker")
    before = make_plan(catalogue, own, Ambition(GROW))
    assert "kenner" in [g.role.id for g in before.focus]
    kenner_tasks = {"informatievoorziening", "reglement", "convenant"}
    ratings = {
        task: {a: (5 if task in kenner_tasks and v is not None else v) for a, v in acts.items()}
        for task, acts in example.ratings.items()
    }
    chair = FeedbackResponse("r-1", "voorzitter", None, ratings, {})
    result = compute_result(catalogue, example, feedback=[chair])
    assert result.others is not None
    theirs = result.others.role("kenner")
    assert theirs is not None and theirs.score is not None
    assert theirs.score >= target.profile["kenner"]
    plan = make_plan(catalogue, result, Ambition(GROW))
    assert "kenner" not in [g.role.id for g in plan.focus]
    assert [c.role.id for c in plan.conversation] == ["kenner"]
    text = render_plan(catalogue, plan)
    assert "Mijn voorzitter schat mij hier hoger in dan ikzelf" in text
    assert "| Kenner | 2,8 | 3,5 | uitbouwen | gesprekspunt (zie hieronder) |" in text


def test_a_specialism_target_is_the_top_of_the_scale(catalogue: Catalogue) -> None:
    from tools.examples import example_record

    result = compute_result(catalogue, example_record(catalogue))
    plan = make_plan(catalogue, result, Ambition(SPECIALISE, role="beleidsadviseur"))
    assert plan.focus[0].role.id == "beleidsadviseur"
    assert plan.focus[0].target == SPECIALIST_TARGET
    assert plan.deepening  # specialising: deepening for that role


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def test_the_ambition_is_asked_with_her_last_choice_first(
    catalogue: Catalogue, pipe: PipeInput
) -> None:
    from tools.examples import example_record

    record = example_record(catalogue)  # a beleidsmedewerker
    io = PromptIO(pipe, DummyOutput())
    pipe.send_text(ENTER)  # Enter keeps the last choice
    assert ask_ambition(catalogue, record, Ambition(LEVEL, level="adviseur"), io) == Ambition(
        LEVEL, level="adviseur"
    )
    pipe.send_text(ENTER)
    assert ask_ambition(catalogue, record, Ambition(), io) == Ambition(GROW)
    # down past the level above hers (adviseur) to "specialise", then the strongest role first
    pipe.send_text(DOWN * 2 + ENTER + ENTER)
    chosen = ask_ambition(catalogue, record, Ambition(), io)
    assert chosen.kind is SPECIALISE
    strongest = max(
        (r for r in compute_result(catalogue, record).scores.roles if r.enough_data),
        key=lambda r: r.score or 0.0,
    )
    assert chosen.role == strongest.role_id


def test_feedback_is_stored_for_the_persona_plan(runner: CliRunner, tmp_path: Path) -> None:
    """Through the CLI: the voorzitter's feedback at the target turns a focus role into a
    conversation point in ontwikkelplan.md."""
    md, record_id = plan_of(runner, tmp_path, "generalist")
    record = find_record(record_id)
    assert "| Penvoerder | 3,5 | 4,0 | sterkste rol | focusrol" in md
    high = {
        t: {a: (5 if v is not None else v) for a, v in acts.items()}
        for t, acts in record.ratings.items()
    }
    store_feedback([(record, FeedbackResponse("r-1", "voorzitter", None, high, {}))])
    again = runner.invoke(app, ["plan", record_id, "--out", str(tmp_path / "fb")])
    assert again.exit_code == 0, again.output
    text = (tmp_path / "fb" / "ontwikkelplan.md").read_text(encoding="utf-8")
    assert "| Penvoerder | 3,5 | 4,0 | sterkste rol | gesprekspunt (zie hieronder) |" in text
    assert "Mijn voorzitter schat mij hier hoger in dan ikzelf (ik 3,5, voorzitter" in text
