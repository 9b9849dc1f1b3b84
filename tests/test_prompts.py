"""The question flow in-process, driven by prompt_toolkit pipe input."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.input.base import PipeInput
from prompt_toolkit.output import DummyOutput
from rich.console import Console

from asmo_cli.cli.prompts import SELECTION, PromptIO, first_open_position, run_flow
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import RatingMap

DOWN, UP, ENTER, SPACE = "\x1b[B", "\x1b[A", "\r", " "


@pytest.fixture
def pipe() -> Iterator[PipeInput]:
    with create_pipe_input() as inp:
        yield inp


def _run(
    catalogue: Catalogue, pipe: PipeInput, keys: str, ratings: RatingMap | None = None,
    start: int = SELECTION,
) -> tuple[RatingMap, list[RatingMap], str]:  # fmt: skip
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
    keys += DOWN + DOWN + ENTER  # 3 stars by arrows
    keys += "5" + "t" + ENTER  # back: the pointer is on the 5 given, Enter keeps it
    keys += UP + ENTER  # a new activity starts on 1 star; up wraps round to "terug"
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
    from asmo_cli.cli.record_prompts import ask_resume

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
