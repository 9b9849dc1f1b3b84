"""Typing in a paper feedback form (asmo feedback add --interactive) in a real pseudo-terminal:
interrupted once, resumed, and the report then shows those answers as feedback."""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path

import pexpect
from typer.testing import CliRunner

from asmo_cli.cli.app import app
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.storage.feedback import load_feedback

from .helpers import make_record

ENTER, DOWN = "\r", "\x1b[B"
TASKS = ("bewaken-afspraken", "archief")  # 3 + 3 activities, both weigh for procesbewaker/kenner


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, ASMO_HOME=str(home), TERM="xterm-256color", COLUMNS="80", LINES="24")
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"  # pexpect never answers the cursor position request
    env.pop("NO_COLOR", None)
    return pexpect.spawn(
        sys.executable,
        ["-m", "asmo_cli", "feedback", "add", "--interactive", *args],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )


def _status(child: pexpect.spawn) -> int | None:
    child.expect(pexpect.EOF)
    child.close()
    status: int | None = child.exitstatus
    return status


def test_type_in_interrupt_resume_and_report(
    home: Path, catalogue: Catalogue, runner: CliRunner, tmp_path: Path
) -> None:
    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=TASKS)
    bewaken, archief = (catalogue.task(t).activities for t in TASKS)

    child = _spawn(home, record.id)
    child.expect("Welke rol kruiste de gever aan")
    child.send(ENTER)  # voorzitter
    child.expect("Naam van de gever")
    child.send("Jan Jansen" + ENTER)
    child.expect("Werkzaamheid 1 van 2: Bewaken afspraken/procedures")
    child.expect_exact(bewaken[0].name)
    child.send("5")
    child.expect_exact(bewaken[1].name)
    child.send("t")  # back: the first answer stays the default
    child.expect_exact(bewaken[0].name)
    child.send("4")
    child.expect_exact(bewaken[1].name)
    child.send("0")  # kan ik niet beoordelen
    child.expect_exact(bewaken[2].name)
    child.sendintr()  # Ctrl-C
    child.expect("Wat je typte is bewaard")
    child.expect(f"feedback add --interactive {record.id}")
    assert _status(child) == 130
    (kept,) = load_feedback(record.id)
    assert kept.name == "Jan Jansen" and kept.giver_role == "voorzitter"
    assert kept.ratings == {"bewaken-afspraken": {bewaken[0].id: 4, bewaken[1].id: None}}

    child = _spawn(home, record.id)
    child.expect("Je was al begonnen met een papieren formulier")
    child.expect("voorzitter \\(Jan Jansen\\), nog 4")
    child.send(ENTER)  # go on with it
    child.expect_exact(bewaken[2].name)
    child.send("5")
    child.expect_exact("Opmerking bij Bewaken afspraken/procedures?")
    child.expect_exact("o = opmerking typen, Enter = verder, t = terug")  # the instruction
    child.send("3")  # a digit meant for the next rating: no answer here, the keys are said
    child.expect_exact("hier geen sterren")
    child.send("o")
    child.expect_exact("(Enter = klaar; leeg = geen")
    child.send("Houdt alles strak bij." + ENTER)
    child.expect("Werkzaamheid 2 van 2: Archief")
    for activity in archief:
        child.expect_exact(activity.name)
        child.send("2")
    child.expect_exact("Opmerking bij Archief?")
    child.send("t")  # back to the last rating, like every other question
    child.expect_exact(archief[-1].name)
    child.send("2")
    child.expect_exact("Opmerking bij Archief?")
    child.send(ENTER)  # no comment
    child.expect("Feedback van de voorzitter \\(Jan Jansen\\) bewaard")
    assert _status(child) == 0

    (kept,) = load_feedback(record.id)  # one response, completed in place
    assert kept.ratings == {
        "bewaken-afspraken": {bewaken[0].id: 4, bewaken[1].id: None, bewaken[2].id: 5},
        "archief": {a.id: 2 for a in archief},
    }
    assert kept.comments == {"bewaken-afspraken": "Houdt alles strak bij."}

    out = tmp_path / "rapport"
    result = runner.invoke(app, ["report", record.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    others = json.loads((out / "scores.json").read_text(encoding="utf-8"))["others"]
    assert others["givers"] == 1
    # by hand, per activity, each weight 1 for procesbewaker: voortgang-beleid-bewaken 4,
    # afsprakenlijst-samenstellen 5 (naleving-bewaken not judged) and archief's
    # bewaartermijnen-bewaken 2: (4 + 5 + 2) / 3 = 3,67. Kenner: archief-beheren and
    # overdrachtsdossier-opstellen (1) and bewaartermijnen-bewaken (0,5), all 2: 2,0
    assert others["roles"]["procesbewaker"]["score"] == 11 / 3
    assert others["roles"]["kenner"]["score"] == 2.0
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "Houdt alles strak bij." in report
    assert "Jan Jansen" not in report


def test_without_a_terminal_it_points_to_the_file_way(
    home: Path, catalogue: Catalogue, runner: CliRunner
) -> None:
    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=TASKS)
    result = runner.invoke(app, ["feedback", "add", "--interactive", record.id])
    assert result.exit_code == 1
    flat = " ".join(result.output.split())
    assert "heeft daarvoor een terminal nodig" in flat
    assert "feedback add BESTAND" in flat
    assert load_feedback(record.id) == []


def test_add_without_files_says_what_to_give(runner: CliRunner) -> None:
    result = runner.invoke(app, ["feedback", "add"])
    assert result.exit_code == 1
    assert "geef een of meer antwoordbestanden" in result.output
    assert DOWN not in result.output


def test_a_half_typed_form_does_not_count_yet_and_the_report_says_so(
    catalogue: Catalogue, runner: CliRunner, tmp_path: Path
) -> None:
    from asmo_cli.core.feedback import FeedbackResponse
    from asmo_cli.storage.feedback import store_feedback

    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=TASKS)
    first = catalogue.task(TASKS[0]).activities[0].id
    draft = FeedbackResponse("papier-123", "voorzitter", None, {TASKS[0]: {first: 5}}, {})
    store_feedback([(record, draft)])
    out = tmp_path / "rapport"
    result = runner.invoke(app, ["report", record.id, "--out", str(out)])
    assert result.exit_code == 0, result.output
    flat = " ".join(result.output.split())
    assert "1 papieren formulier is nog niet helemaal ingetypt en telt nog niet mee" in flat
    assert f"feedback add --interactive {record.id}" in flat
    assert "others" not in json.loads((out / "scores.json").read_text(encoding="utf-8"))


def _type_in(catalogue: Catalogue, keys: str) -> tuple[FeedbackResponse, list[FeedbackResponse]]:
    """Type in a new paper form in-process (prompt_toolkit pipe input); the response and what
    was stored after each answer."""
    import io

    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput
    from rich.console import Console

    from asmo_cli.cli.session.paper_form import enter_form
    from asmo_cli.cli.session.questions import PromptIO

    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=TASKS, save=False)
    stored: list[FeedbackResponse] = []
    with create_pipe_input() as pipe:
        pipe.send_text(keys)
        response = enter_form(
            Console(file=io.StringIO(), width=80),
            catalogue,
            record,
            [],
            stored.append,
            PromptIO(pipe, DummyOutput()),
        )
    return response, stored


def test_digits_at_the_comment_step_never_become_a_comment(catalogue: Catalogue) -> None:
    """After an area's last rating the comment is a step of its own: digits typed in the
    one-key rhythm answer nothing there (nor the next area's ratings), Enter goes on without
    a comment, o opens the text, t goes back to the last rating."""
    bewaken, archief = (catalogue.task(t).activities for t in TASKS)
    keys = ENTER + "Jan" + ENTER  # the first role (voorzitter), a name
    keys += "4" + "0" + "5"  # Bewaken afspraken/procedures
    keys += "33"  # meant for Archief, typed too soon: nothing
    keys += "t" + "1"  # back: the last rating again, now 1
    keys += ENTER  # verder, no comment
    keys += "222" + "o" + "Zorgvuldig 3" + ENTER  # Archief, and its comment after o
    response, stored = _type_in(catalogue, keys)
    assert response.ratings == {
        "bewaken-afspraken": {bewaken[0].id: 4, bewaken[1].id: None, bewaken[2].id: 1},
        "archief": {a.id: 2 for a in archief},
    }
    assert response.comments == {"archief": "Zorgvuldig 3"}
    assert all("3" not in r.comments.get("bewaken-afspraken", "") for r in stored)


def test_a_comment_can_be_changed_and_removed(catalogue: Catalogue) -> None:
    """Back at a comment step (t from the next area), o shows the comment to change; an empty
    text removes it."""
    keys = ENTER + ENTER  # the first role, no name
    keys += "444" + "o" + "Eerst" + ENTER  # Bewaken, with a comment
    keys += "t"  # from Archief's first rating back to the comment step
    keys += "o" + "\x15" + ENTER  # Ctrl-U clears the text: no comment any more
    keys += "222" + ENTER
    response, _ = _type_in(catalogue, keys)
    assert response.comments == {}
    assert all(len(r) == 3 for r in response.ratings.values())
