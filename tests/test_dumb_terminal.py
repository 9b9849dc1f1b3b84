"""A terminal without cursor control (``TERM=dumb``, Emacs' shell): asmo asks plain numbered
questions, answered by typing a number and Enter, and never prints an escape code."""

from __future__ import annotations

import os
import sys
from datetime import datetime
from pathlib import Path

import pexpect

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.feedback import load_feedback
from asmo_cli.storage.records import load_record

from .helpers import make_record
from .platforms import needs_pty

pytestmark = needs_pty

ESC = b"\x1b"


class Plain:
    """asmo in a pseudo-terminal with ``TERM=dumb``; everything it printed, byte for byte."""

    def __init__(self, home: Path, *args: str) -> None:
        env = dict(os.environ, ASMO_HOME=str(home), TERM="dumb", COLUMNS="60", LINES="24")
        env.pop("NO_COLOR", None)
        env.pop("PROMPT_TOOLKIT_NO_CPR", None)  # nothing may ask the cursor's position
        self.child = pexpect.spawn(
            sys.executable, ["-m", "asmo_cli", *args], env=env, dimensions=(24, 60), timeout=30
        )
        self.raw = b""

    def answer(self, question: str, typed: str) -> None:
        """Wait for ``question`` (literal text), then type ``typed`` and Enter."""
        self.child.expect_exact(question.encode())
        self.raw += self.child.before + self.child.after
        self.child.send(typed.encode() + b"\r")

    def end(self) -> int | None:
        self.child.expect(pexpect.EOF)
        self.raw += self.child.before
        self.child.close()
        status: int | None = self.child.exitstatus
        return status

    def text(self) -> str:
        return self.raw.decode("utf-8", "replace")


def test_assess_on_a_dumb_terminal_asks_numbered_questions_without_escape_codes(
    home: Path, catalogue: Catalogue
) -> None:
    bewaken = [a.id for a in catalogue.task("bewaken-afspraken").activities]
    term = Plain(home, "assess")
    term.answer("Je naam", "Fenna")
    term.answer("functieniveau", "2")  # typed: the second level
    term.answer("Voor welke raad", "1")
    term.answer("typ de nummers", "")  # nothing ticked yet: Enter is no answer
    term.answer("Kies minstens één werkzaamheid", "3 13")
    term.answer("kies 1–5, 0 = n.v.t.:", "")  # Enter alone: no lowest score, asked again
    term.answer("kies 1–5, 0 = n.v.t.:", "4")
    term.answer("(2/3)", "t")  # back
    term.answer("Enter = 4:", "")  # an answered activity: Enter keeps it
    term.answer("(2/3)", "7")  # no answer: asked again
    term.answer("kies 1–5, 0 = n.v.t.:", "3")
    term.answer("(3/3)", "0")
    for number in ("(1/3)", "(2/3)", "(3/3)"):  # Archief
        term.answer(number, "5")
    term.answer("tijdsbesteding invullen", "2")  # yes, hours
    term.answer("gemiddeld?", "2,5")
    term.answer("gemiddeld?", "x")
    term.answer("Typ een aantal uren", "3")
    term.answer("Je formatie", "2")  # 5,5 hours: much more than 2
    term.answer("j/n:", "n")
    term.answer("Wat wil je aanpassen?", "3")  # the formatie
    term.answer("Je formatie", "24")
    assert term.end() == 0
    assert ESC not in term.raw, "a dumb terminal gets no escape code"
    assert "Je scores per rol" in term.text()
    (path,) = sorted((home / "assessments").glob("*.yaml"))
    record = load_record(path)
    assert record.status == "complete" and record.name == "Fenna"
    assert record.level == catalogue.levels[1].id and record.council == "or"
    assert record.ratings["bewaken-afspraken"] == dict(zip(bewaken, [4, 3, None], strict=True))
    assert set(record.ratings["archief"].values()) == {5}
    assert record.hours_per_week == {"bewaken-afspraken": 2.5, "archief": 3.0}
    assert record.contract_hours_per_week == 24.0


def test_a_paper_form_on_a_dumb_terminal(home: Path, catalogue: Catalogue) -> None:
    """The giver, the ratings and the comment step, typed; no escape code."""
    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=("archief",))
    term = Plain(home, "feedback", "add", "--interactive", record.id)
    term.answer("Welke rol kruiste de gever aan?", "")  # the first: voorzitter
    term.answer("Naam van de gever", "")
    for number in ("(1/3)", "(2/3)", "(3/3)"):
        term.answer(number, "4")
    term.answer("Opmerking bij Archief?", "4")  # a digit is no answer here
    term.answer("Enter = 1:", "o")
    term.answer("Opmerking bij Archief", "Netjes bijgehouden")
    assert term.end() == 0
    assert ESC not in term.raw
    (kept,) = load_feedback(record.id)
    assert kept.comments == {"archief": "Netjes bijgehouden"}
    assert set(kept.ratings["archief"].values()) == {4}


def test_delete_on_a_dumb_terminal_asks_j_or_n(home: Path, catalogue: Catalogue) -> None:
    record = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 3, tasks=("archief",))
    term = Plain(home, "delete", record.id)
    term.answer("(j/n)", "")  # Enter alone answers nothing
    term.answer("Typ j", "n")
    assert term.end() == 0
    assert ESC not in term.raw
    assert "Niets verwijderd." in term.text()
