"""End to end in a real pseudo-terminal (pexpect): a whole session, and Ctrl-C then resume."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pexpect
import pytest

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.records import load_record

from .helpers import temp_files
from .platforms import needs_pty

pytestmark = needs_pty

DOWN, UP, SPACE, ENTER = "\x1b[B", "\x1b[A", " ", "\r"


def _spawn(home: Path, *args: str) -> pexpect.spawn:
    env = dict(os.environ, ASMO_HOME=str(home), TERM="xterm-256color", COLUMNS="80", LINES="24")
    # pexpect is no terminal emulator: it never answers prompt_toolkit's cursor position
    # request, which then waits two seconds and may swallow the keys sent meanwhile.
    env["PROMPT_TOOLKIT_NO_CPR"] = "1"
    env.pop("NO_COLOR", None)
    child = pexpect.spawn(
        sys.executable,
        ["-m", "asmo_cli", "assess", *args],
        env=env,
        dimensions=(24, 80),
        encoding="utf-8",
        timeout=30,
    )
    return child


def _records(home: Path) -> list[Path]:
    return sorted((home / "assessments").glob("*.yaml"))


def _wait_for(condition: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def _exit_status(child: pexpect.spawn) -> int | None:
    """Wait for the program to end and return its exit status."""
    child.expect(pexpect.EOF)
    child.close()
    status: int | None = child.exitstatus
    return status


def _start(child: pexpect.spawn, areas: str, council: str = ENTER) -> None:
    child.expect("Je naam")
    child.send("Test" + ENTER)
    child.expect("functieniveau")
    child.send(ENTER)
    child.expect("Voor welke raad werk je")
    child.send(council)
    child.expect("Welke werkzaamheden")
    child.send(areas + ENTER)


def test_whole_short_session(home: Path) -> None:
    child = _spawn(home)
    # Bewaken afspraken/procedures; the council: up from the default (other) to a cliëntenraad
    _start(child, DOWN + DOWN + SPACE, council=UP + ENTER)
    for activity, key in (
        ("Bewaken voortgang", "4"),
        ("Bewaken naleving", "3"),
        ("Afsprakenlijst", "5"),
    ):
        child.expect(activity)
        child.send(key)
    child.expect("tijdsbesteding invullen")
    child.expect("Ja, uren")
    child.send(ENTER)  # "Nee, nu niet" is the default
    child.expect("Je scores per rol")
    child.expect("radar.png")
    assert _exit_status(child) == 0
    (path,) = _records(home)
    record = load_record(path)
    assert record.status == "complete" and record.name == "Test"
    assert record.level is None  # Enter at the level question: "Weet ik niet"
    assert record.council == "cr"
    assert record.ratings == {
        "bewaken-afspraken": {
            "voortgang-beleid-bewaken": 4,
            "naleving-bewaken": 3,
            "afsprakenlijst-samenstellen": 5,
        }
    }
    assert (home / "rapporten" / record.id / "radar.png").is_file()
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_interrupt_then_resume(home: Path) -> None:
    """Ctrl-C keeps every answer (exit 130); the next run resumes at the first open one."""
    child = _spawn(home)
    _start(child, DOWN + DOWN + SPACE + DOWN + SPACE)  # Bewaken + Correspondentie
    child.expect("Bewaken voortgang")
    child.send("4")
    child.expect("Bewaken naleving")
    child.sendcontrol("c")
    child.expect("Al je antwoorden zijn bewaard")
    assert _exit_status(child) == 130
    (path,) = _records(home)
    saved = load_record(path)
    assert saved.status == "in_progress"
    assert saved.ratings == {
        "bewaken-afspraken": {"voortgang-beleid-bewaken": 4},
        "correspondentie": {},
    }
    assert not temp_files(home)

    child = _spawn(home)
    child.expect("onafgeronde meting")
    child.send(ENTER)  # "Verdergaan waar ik was"
    child.expect("Bewaken naleving")
    child.send("3")
    child.expect("Afsprakenlijst")
    child.send("0")
    child.expect("Werkzaamheid 2 van 2")
    child.send("5432")
    child.expect("tijdsbesteding invullen")
    child.expect("Ja, uren")
    child.send(DOWN + ENTER)  # "Ja"
    child.expect("Bewaken afspraken/procedures: uren per week")
    child.send("2,5" + ENTER)
    child.expect("Correspondentie: uren per week")
    child.send("4" + ENTER)
    child.expect("formatie")
    child.send("nul" + ENTER)
    child.expect("Typ een aantal uren")
    child.send("\x15" + "16" + ENTER)  # Ctrl-U clears the line
    child.expect("Je scores per rol")
    assert _exit_status(child) == 0
    assert _records(home) == [path]
    done = load_record(path)
    assert done.status == "complete"
    assert done.ratings["bewaken-afspraken"] == {
        "voortgang-beleid-bewaken": 4,
        "naleving-bewaken": 3,
        "afsprakenlijst-samenstellen": None,
    }
    assert list(done.ratings["correspondentie"].values()) == [5, 4, 3, 2]
    assert done.hours_per_week == {"bewaken-afspraken": 2.5, "correspondentie": 4.0}
    assert done.contract_hours_per_week == 16.0
    assert (home / "rapporten" / done.id / "tijdsbesteding.md").is_file()


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="POSIX only")
def test_hangup_keeps_answers(home: Path) -> None:
    """A closed terminal (SIGHUP) keeps every answer and leaves no temporary file."""
    import signal

    if sys.platform == "win32":  # skipped there (needs_pty); for mypy
        raise AssertionError("POSIX only")

    child = _spawn(home)
    _start(child, DOWN + DOWN + SPACE)
    child.expect("Bewaken voortgang")
    child.send("2")
    child.expect("Bewaken naleving")
    _wait_for(lambda: "voortgang-beleid-bewaken: 2" in _records(home)[0].read_text())
    child.kill(signal.SIGHUP)
    _exit_status(child)
    (path,) = _records(home)
    assert load_record(path).ratings == {"bewaken-afspraken": {"voortgang-beleid-bewaken": 2}}
    assert not temp_files(home)


def test_second_window_leaves_an_open_record_alone(home: Path) -> None:
    """A record being filled in is locked: a second run neither offers nor touches it."""
    first = _spawn(home)
    _start(first, DOWN + DOWN + SPACE)
    first.expect("Bewaken voortgang")
    first.send("4")
    first.expect("Bewaken naleving")
    _wait_for(lambda: len(_records(home)) == 1)
    (path,) = _records(home)

    second = _spawn(home)
    second.expect("open in een ander asmo-venster")
    second.expect("Je naam")  # a new assessment, not the resume question
    assert "onafgeronde meting (" not in (second.before or "")
    second.sendcontrol("c")
    assert _exit_status(second) == 130

    first.send("3")
    first.expect("Afsprakenlijst")
    first.send("5")
    first.expect("tijdsbesteding invullen")
    first.send(ENTER)
    first.expect("Je scores per rol")
    assert _exit_status(first) == 0
    assert _records(home) == [path]
    assert load_record(path).status == "complete"


def test_assess_resumes_the_named_record(home: Path, catalogue: Catalogue) -> None:
    """asmo assess METING goes on with that unfinished record, not the newest one."""
    from dataclasses import replace
    from datetime import datetime

    from asmo_cli.core.record import IN_PROGRESS
    from asmo_cli.storage import store

    from .helpers import make_record

    older = make_record(catalogue, datetime(2026, 1, 1, 9, 0), tasks=("archief",), save=False)
    older = replace(older, status=IN_PROGRESS, ratings={"archief": {"archief-beheren": 4}})
    store.save_record(older)
    newer = make_record(catalogue, datetime(2026, 2, 1, 9, 0), tasks=("scholing",), save=False)
    store.save_record(replace(newer, status=IN_PROGRESS, ratings={"scholing": {}}))
    child = _spawn(home, older.id)
    child.expect(f"verder met meting {older.id}")
    child.expect("Bewaartermijnen")  # the second activity of Archief: the first open one
    child.sendcontrol("c")
    assert _exit_status(child) == 130


def test_beginning_anew_can_delete_the_unfinished_record(home: Path, catalogue: Catalogue) -> None:
    """'Opnieuw beginnen' then 'Verwijderen': the unfinished record and its lock are gone."""
    from dataclasses import replace
    from datetime import datetime

    from asmo_cli.core.record import IN_PROGRESS
    from asmo_cli.storage import store

    from .helpers import make_record

    old = make_record(catalogue, datetime(2026, 1, 1, 9, 0), tasks=("archief",), save=False)
    store.save_record(replace(old, status=IN_PROGRESS, ratings={"archief": {}}))
    child = _spawn(home)
    child.expect("onafgeronde meting")
    child.expect("Opnieuw beginnen")
    child.send(DOWN + ENTER)
    child.expect("Wat doe je met de onafgeronde meting")
    child.expect("Verwijderen")
    child.send(DOWN + ENTER)
    child.expect("1 onafgeronde meting verwijderd")
    child.expect("Je naam")
    child.sendcontrol("c")
    assert _exit_status(child) == 130
    assert not any(old.id in p.name for p in (home / "assessments").iterdir())


def test_hours_step_back_out_and_interrupt(home: Path) -> None:
    """t at the first hours question asks again whether to fill in hours; Ctrl-C in the hours
    keeps the complete record (without hours) and says how to go on."""
    child = _spawn(home)
    _start(child, DOWN + DOWN + SPACE)  # Bewaken afspraken/procedures
    for activity in ("Bewaken voortgang", "Bewaken naleving", "Afsprakenlijst"):
        child.expect(activity)
        child.send("4")
    child.expect("Ja, uren")
    child.send(DOWN + ENTER)
    child.expect(r"\(1/2\) Bewaken afspraken/procedures: uren per week")
    child.send("t")
    child.expect("tijdsbesteding invullen")
    child.expect("Ja, uren")
    child.send(DOWN + ENTER)
    child.expect(r"\(1/2\) Bewaken")
    child.send("3" + ENTER)
    child.expect(r"\(2/2\) Je formatie")
    child.sendcontrol("c")
    child.expect("zonder uren")
    child.expect("hours")
    assert _exit_status(child) == 130
    (path,) = _records(home)
    record = load_record(path)
    assert record.status == "complete" and record.hours_per_week == {}
