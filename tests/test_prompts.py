"""The question flow in-process, driven by prompt_toolkit pipe input."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from asmo_cli.cli.session.questions import (
    SELECTION,
    Mark,
    PromptIO,
    first_open_position,
    run_flow,
)
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import RatingMap

DOWN, UP, ENTER, SPACE, CTRL_U = "\x1b[B", "\x1b[A", "\r", " ", "\x15"


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def _run(
    catalogue: Catalogue,
    pipe: PipeInput,
    keys: str,
    ratings: RatingMap | None = None,
    start: int = SELECTION,
) -> tuple[RatingMap, list[RatingMap], str]:
    ratings = {} if ratings is None else ratings
    saves: list[RatingMap] = []
    screen = io.StringIO()
    pipe.send_text(keys)
    run_flow(
        Console(file=screen, width=80),
        catalogue,
        ratings,
        lambda: saves.append({t: dict(a) for t, a in ratings.items()}),
        start=start,
        io=PromptIO(pipe, DummyOutput()),
    )
    return ratings, saves, screen.getvalue()


def test_select_rate_with_digits_skip_and_go_back(catalogue: Catalogue, pipe: PipeInput) -> None:
    """Digits answer at once, 0 is n.v.t., t returns to the previous activity."""
    keys = DOWN + DOWN + SPACE + DOWN + SPACE + ENTER  # areas 3 and 4
    keys += "4" + "5" + "t" + "3" + "1"  # bewaken-afspraken: 4, (5 → back) 3, 1
    keys += "0" + "2" + "2" + "5"  # correspondentie
    ratings, saves, screen = _run(catalogue, pipe, keys)
    assert ratings == {
        "bewaken-afspraken": {
            "voortgang-beleid-bewaken": 4,
            "naleving-bewaken": 3,
            "afsprakenlijst-samenstellen": 1,
        },
        "correspondentie": {
            "brieven-adviezen-concipieren": None,
            "communiques-schrijven": 2,
            "uitgaande-post-verzorgen": 2,
            "termijnen-correspondentie-bewaken": 5,
        },
    }
    assert len(saves) == 1 + 8, "the selection and every answer are saved at once"
    assert saves[2]["bewaken-afspraken"]["naleving-bewaken"] == 5
    assert "Werkzaamheid 1 van 2: Bewaken afspraken/procedures" in screen
    assert "Werkzaamheid 2 van 2: Correspondentie" in screen


def test_back_to_selection_and_untick_drops_area(catalogue: Catalogue, pipe: PipeInput) -> None:
    keys = DOWN + DOWN + SPACE + DOWN + SPACE + ENTER
    keys += "4" + "t" + "t"  # back to the first activity, then to the selection
    keys += DOWN + DOWN + SPACE + ENTER  # untick bewaken-afspraken
    keys += "1234"
    ratings, _, _ = _run(catalogue, pipe, keys)
    assert list(ratings) == ["correspondentie"]
    assert list(ratings["correspondentie"].values()) == [1, 2, 3, 4]


def test_arrows_enter_and_kept_defaults(catalogue: Catalogue, pipe: PipeInput) -> None:
    """Arrows plus Enter answer; going back offers the given answer as default."""
    keys = DOWN + DOWN + SPACE + ENTER  # only bewaken-afspraken
    keys += DOWN + DOWN + DOWN + ENTER  # 3 stars by arrows: the first one places the pointer
    keys += "5" + "t" + ENTER  # back: the pointer is on the 5 given, Enter keeps it
    keys += UP + ENTER  # a new activity has no pointer; up places it on "terug", at the end
    keys += ENTER + "2"  # Enter keeps the 5 once more, then 2 stars
    ratings, _, _ = _run(catalogue, pipe, keys)
    assert ratings["bewaken-afspraken"] == {
        "voortgang-beleid-bewaken": 3,
        "naleving-bewaken": 5,
        "afsprakenlijst-samenstellen": 2,
    }


def test_selection_requires_one_area(catalogue: Catalogue, pipe: PipeInput) -> None:
    keys = ENTER + SPACE + ENTER + "55555"  # commissies has five activities
    ratings, _, _ = _run(catalogue, pipe, keys)
    assert list(ratings) == ["commissies"]


def test_only_nvt_asks_again(catalogue: Catalogue, pipe: PipeInput) -> None:
    keys = DOWN + DOWN + SPACE + ENTER + "000"
    keys += ENTER  # back in the selection, keep it
    keys += "3" + ENTER + ENTER
    ratings, _, screen = _run(catalogue, pipe, keys)
    assert "nog nergens sterren" in screen
    assert ratings["bewaken-afspraken"]["voortgang-beleid-bewaken"] == 3


def test_resume_when_all_answered_finishes(catalogue: Catalogue, pipe: PipeInput) -> None:
    """Stopped after the last answer but before the end: resuming asks nothing more."""
    ratings: RatingMap = {"archief": {a.id: 3 for a in catalogue.task("archief").activities}}
    assert first_open_position(catalogue, ratings) == 3
    assert first_open_position(catalogue, {}) == SELECTION
    result, saves, _ = _run(catalogue, pipe, "", ratings, 3)
    assert result == ratings and saves == []


def test_resume_starts_at_first_unanswered(catalogue: Catalogue, pipe: PipeInput) -> None:
    ratings: RatingMap = {"bewaken-afspraken": {"voortgang-beleid-bewaken": 4}, "archief": {}}
    start = first_open_position(catalogue, ratings)
    assert start == 1
    result, _, screen = _run(catalogue, pipe, "23" + "555", ratings, start)
    assert result["bewaken-afspraken"] == {
        "voortgang-beleid-bewaken": 4,
        "naleving-bewaken": 2,
        "afsprakenlijst-samenstellen": 3,
    }
    assert "Werkzaamheid 2 van 2: Archief" in screen


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_questions_wrap_at_words_with_room_for_the_answer(
    catalogue: Catalogue, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every activity as a question: lines within the width, whole words, a hanging indent,
    and room for the answer ('★★★★☆ 4') behind the last line."""
    from asmo_cli.render.terminal import fit_message

    monkeypatch.setenv("COLUMNS", str(columns))
    for task in catalogue.tasks:
        for activity in task.activities:
            text = f"(5/5) {activity.name}"
            lines = fit_message(text).split("\n")
            assert all(len(line) + 2 <= columns - 1 for line in lines)
            assert all(line.startswith("  ") for line in lines[1:])
            assert " ".join(part.strip() for part in lines) == " ".join(text.split())
            assert len(lines[-1]) + 2 + len(" ★★★★☆ 4") <= columns


def test_resume_question_offers_every_unfinished_record(pipe: PipeInput) -> None:
    """Newest first; the arrow keys reach an older one; the last choice begins anew."""
    from asmo_cli.cli.session.record_questions import ask_resume

    io = PromptIO(pipe, DummyOutput())
    summaries = ["Fenna, begonnen 25-11-2026 10:00", "Sam, begonnen 24-11-2026 09:00"]
    pipe.send_text(DOWN + ENTER)
    assert ask_resume(summaries, io) == 1
    pipe.send_text(DOWN + DOWN + ENTER)
    assert ask_resume(summaries, io) is None
    pipe.send_text(ENTER)
    assert ask_resume(summaries, io) == 0


def test_after_adding_an_area_rating_goes_on_at_the_first_open_activity(
    catalogue: Catalogue, pipe: PipeInput
) -> None:
    """Back at the selection, ticking one more area: the answered area is not asked again."""
    done = {a.id: 4 for a in catalogue.task("bewaken-afspraken").activities}
    ratings: RatingMap = {"bewaken-afspraken": dict(done)}
    keys = DOWN + DOWN + DOWN + SPACE + ENTER  # also tick correspondentie
    keys += "1234"  # its four activities, nothing else is asked
    result, _, _ = _run(catalogue, pipe, keys, ratings=ratings, start=SELECTION)
    assert result["bewaken-afspraken"] == done
    assert list(result["correspondentie"].values()) == [1, 2, 3, 4]


# --- the hours step ---------------------------------------------------------------------------


def _hours(
    catalogue: Catalogue,
    pipe: PipeInput,
    keys: str,
    hours: dict[str, float] | None = None,
    contract: float | None = None,
) -> tuple[dict[str, float], float]:
    from asmo_cli.cli.session.hours_questions import ask_hours

    pipe.send_text(keys)
    tasks = [catalogue.task("archief"), catalogue.task("scholing")]
    return ask_hours(tasks, hours or {}, contract, PromptIO(pipe, DummyOutput()))


def test_hours_go_back_with_t_and_keep_what_was_typed(
    catalogue: Catalogue, pipe: PipeInput
) -> None:
    """t goes back; an answer given (or typed before t) is the default, Enter keeps it."""
    keys = "60" + ENTER + "2" + "t"  # archief 60, scholing 2 typed, back
    keys += "6" + ENTER  # typing replaces the 60
    keys += ENTER + "20" + ENTER  # the 2 typed before t is kept
    assert _hours(catalogue, pipe, keys) == ({"archief": 6.0, "scholing": 2.0}, 20.0)


def test_hours_defaults_come_from_the_record(catalogue: Catalogue, pipe: PipeInput) -> None:
    keys = ENTER + "3" + ENTER + ENTER
    result = _hours(catalogue, pipe, keys, {"archief": 9.0}, 20.0)
    assert result == ({"archief": 9.0, "scholing": 3.0}, 20.0)


def test_hours_outside_the_week_are_asked_again(catalogue: Catalogue, pipe: PipeInput) -> None:
    from asmo_cli.cli.session.hours_questions import FORMATIE_ERROR, HOURS_ERROR

    assert "0 tot en met 168" in HOURS_ERROR and "168" in FORMATIE_ERROR
    assert len(HOURS_ERROR) < 60 and len(FORMATIE_ERROR) < 60  # one line at 60 columns
    keys = "200" + ENTER + CTRL_U + "168" + ENTER + "t" + ENTER  # back, Enter keeps the 168
    keys += CTRL_U + "0" + ENTER + "0" + ENTER + CTRL_U + "170" + ENTER  # formatie: not 0
    keys += CTRL_U + "112" + ENTER  # 168 is not more than 1,5 × 112: no question
    assert _hours(catalogue, pipe, keys) == ({"archief": 168.0, "scholing": 0.0}, 112.0)


def test_hours_far_over_the_formatie_wait_for_j(catalogue: Catalogue, pipe: PipeInput) -> None:
    keys = "30" + ENTER + "10" + ENTER + "24" + ENTER
    keys += "x" + ENTER + "j"  # other keys and Enter answer nothing
    assert _hours(catalogue, pipe, keys) == ({"archief": 30.0, "scholing": 10.0}, 24.0)


def test_hours_n_goes_to_the_likeliest_slip(catalogue: Catalogue, pipe: PipeInput) -> None:
    """n asks what to change, pointing at the area with the most hours: without it, the other
    hours fit the formatie."""
    keys = "60" + ENTER + "3" + ENTER + "24" + ENTER + "n"
    keys += ENTER  # change the 60 (the pointer is there)
    keys += "6" + ENTER + ENTER + ENTER  # the 3 and the 24 stay
    assert _hours(catalogue, pipe, keys) == ({"archief": 6.0, "scholing": 3.0}, 24.0)


def test_hours_n_points_at_a_small_formatie(catalogue: Catalogue, pipe: PipeInput) -> None:
    """Without the most hours the others still do not fit: the formatie is the likeliest slip."""
    keys = "6" + ENTER + "4" + ENTER + "2" + ENTER + "n"
    keys += ENTER + "24" + ENTER
    assert _hours(catalogue, pipe, keys) == ({"archief": 6.0, "scholing": 4.0}, 24.0)
    keys = "6" + ENTER + "4" + ENTER + "2" + ENTER + "n"
    keys += UP + UP + ENTER + "1" + ENTER + ENTER + "24" + ENTER  # or any other answer
    assert _hours(catalogue, pipe, keys) == ({"archief": 1.0, "scholing": 4.0}, 24.0)


def test_hours_t_at_the_first_question_leaves(catalogue: Catalogue, pipe: PipeInput) -> None:
    """In asmo assess, t at the first hours question goes back to 'Wil je ... invullen?';
    in asmo hours there is nothing before it, and t does nothing."""
    from asmo_cli.cli.session.hours_questions import ask_hours, ask_hours_or_leave

    pipe.send_text("5" + "t")
    tasks = [catalogue.task("archief")]
    assert ask_hours_or_leave(tasks, {}, None, PromptIO(pipe, DummyOutput())) is None
    pipe.send_text("t" + "5" + ENTER + "20" + ENTER)
    assert ask_hours(tasks, {}, None, PromptIO(pipe, DummyOutput())) == ({"archief": 5.0}, 20.0)


# --- wrapping at words ------------------------------------------------------------------------


@pytest.mark.parametrize("columns", [60, 80, 100])
def test_choices_and_answers_wrap_at_words(
    catalogue: Catalogue, columns: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """TaskArea names in the checkbox list, long answers behind a question: whole words, lines
    within the width, the next lines indented under the name."""
    from asmo_cli.cli.session.layout import answer_text, split_instruction, wrap_choice

    monkeypatch.setenv("COLUMNS", str(columns))
    texts = [t.name for t in catalogue.tasks] + [lv.name for lv in catalogue.levels]
    texts.append("Verdergaan waar ik was: Fenna de Vries-van Oosterhout, begonnen 25-11-2026")
    for text in texts:
        lines = wrap_choice(text, 9, 9).split("\n")
        assert 9 + len(lines[0]) <= columns - 1
        assert all(line.startswith(" " * 9) and len(line) <= columns - 1 for line in lines[1:])
        assert " ".join(line.strip() for line in lines) == text
    message = "Op welk functieniveau werk je?"
    for level in catalogue.levels:
        lines = f"? {message} {answer_text(message, level.name)}".split("\n")
        assert all(len(line) <= columns - 1 for line in lines)
        assert " ".join(line.strip() for line in lines) == f"? {message} {level.name}"
    question, instruction = split_instruction(
        "Welke werkzaamheden doe jij?", "(spatie = aan/uit, a = alles, Enter = klaar)"
    )
    lines = f"? {question} {instruction}".split("\n")
    assert all(len(line) <= columns - 1 for line in lines)
    assert lines[-1].strip().endswith("(spatie = aan/uit, a = alles, Enter = klaar)")


# --- the one yes/no question ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("keys", "answer"), [("j", True), ("J", True), ("n", False), ("xN", False)]
)
def test_yes_no_is_answered_by_one_key(pipe: PipeInput, keys: str, answer: bool) -> None:
    """j or n answers at once (no Enter); any other key types nothing."""
    from asmo_cli.cli.session.choices import yes_no

    pipe.send_text(keys)
    assert yes_no("Toch vergelijken? (j/n)", PromptIO(pipe, DummyOutput())) is answer


def test_yes_no_enter_alone_is_no_answer(pipe: PipeInput) -> None:
    """Enter never answers for her (no silent default, neither yes nor no): the question
    waits for j or n."""
    from asmo_cli.cli.session.choices import yes_no

    pipe.send_text(ENTER + ENTER + "j")
    assert yes_no("Verwijderen? (j/n)", PromptIO(pipe, DummyOutput())) is True


def _ask(pipe: PipeInput, typed: str, **extra: object) -> str:
    from asmo_cli.cli.session.questions import STYLE
    from asmo_cli.cli.session.select import ask_list

    pipe.send_text(typed)
    return ask_list(
        "Welke?",
        [("Appel", "a"), ("Peer", "p"), ("Kers", "k")],
        {"a": "appel", "p": "peer", "k": "kers"},
        style=STYLE,
        io=PromptIO(pipe, DummyOutput()).kwargs(),
        **extra,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("keys", "extra", "answer"),
    [
        (ENTER, {}, "a"),
        (DOWN + DOWN + ENTER, {}, "k"),
        (DOWN + DOWN + DOWN + ENTER, {}, "a"),  # the pointer goes round, as in questionary
        (UP + ENTER, {}, "k"),
        (ENTER, {"default": "p"}, "p"),
        ("x" + "q", {"keys": {"q": "k"}}, "k"),  # a key that is no answer does nothing
    ],
)
def test_a_list_question_answers_with_arrows_enter_and_its_own_keys(
    pipe: PipeInput, keys: str, extra: dict[str, object], answer: str
) -> None:
    assert _ask(pipe, keys, **extra) == answer


def test_ctrl_c_in_a_list_question_stops_as_in_questionary(pipe: PipeInput) -> None:
    with pytest.raises(KeyboardInterrupt):
        _ask(pipe, "\x03")


# --- no silent answers ------------------------------------------------------------------------


def _rate(
    catalogue: Catalogue, pipe: PipeInput, keys: str, current: int | Mark | None
) -> int | Mark | None:
    from asmo_cli.cli.session.questions import rate_activity

    pipe.send_text(keys)
    activity = catalogue.task("archief").activities[0]
    return rate_activity(catalogue, activity, "(1/3)", current, PromptIO(pipe, DummyOutput()))


@pytest.mark.parametrize(
    ("keys", "answer"),
    [
        (ENTER + ENTER + "2", 2),  # Enter alone answers nothing; a digit answers at once
        (ENTER + DOWN + ENTER, 1),  # the first arrow places the pointer on 1 star
        (ENTER + DOWN + DOWN + ENTER, 2),
        (UP + ENTER, "back"),  # or, going up, on "terug" at the end of the list
        ("x" + ENTER + "0", None),  # another key answers nothing either
    ],
)
def test_enter_on_a_new_activity_waits_for_a_choice(
    catalogue: Catalogue, pipe: PipeInput, keys: str, answer: object
) -> None:
    expected = Mark.BACK if answer == "back" else answer
    assert _rate(catalogue, pipe, keys, Mark.UNANSWERED) == expected


@pytest.mark.parametrize("given", [1, 2, 3, 4, 5, None])
def test_enter_on_an_answered_activity_keeps_the_answer(
    catalogue: Catalogue, pipe: PipeInput, given: int | None
) -> None:
    """Coming back to an answer (t, or a resumed record): the pointer is on it, Enter keeps it,
    n.v.t. included."""
    assert _rate(catalogue, pipe, ENTER, given) == given


def test_a_stray_enter_in_the_flow_gives_no_lowest_score(
    catalogue: Catalogue, pipe: PipeInput
) -> None:
    """Enter between the digits (the rhythm of the name question: "Enter slaat over") never
    records a star: every activity gets the digit typed for it, and only then is saved."""
    keys = DOWN + DOWN + SPACE + ENTER  # only bewaken-afspraken
    keys += ENTER + "4" + ENTER + ENTER + "3" + ENTER + "5"
    ratings, saves, _ = _run(catalogue, pipe, keys)
    assert ratings["bewaken-afspraken"] == {
        "voortgang-beleid-bewaken": 4,
        "naleving-bewaken": 3,
        "afsprakenlijst-samenstellen": 5,
    }
    assert len(saves) == 1 + 3, "the selection and the three digits; no Enter was saved"


def test_a_list_question_with_a_hint_waits_for_a_choice(pipe: PipeInput) -> None:
    """The machinery for any list: with a hint and no default, Enter waits for the pointer."""
    assert _ask(pipe, ENTER + ENTER + DOWN + DOWN + ENTER, hint="(kies)") == "p"
    assert _ask(pipe, ENTER, hint="(kies)", default="k") == "k"
