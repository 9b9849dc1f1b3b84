"""Enter never answers for her: a stray Enter on a new activity records nothing and says which
keys do (in a real pseudo-terminal, read by a screen emulator); on an answered one Enter keeps
her answer."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.records import load_record

from .platforms import needs_pty
from .test_screens import Terminal, check, names_of

pytestmark = needs_pty

DOWN, SPACE, ENTER, CTRL_C = "\x1b[B", " ", "\r", "\x03"
HINT = "(kies 1–5, 0 = n.v.t.)"


def _saved(home: Path) -> dict[str, dict[str, int | None]]:
    (path,) = sorted((home / "assessments").glob("*.yaml"))
    return load_record(path).ratings


def _settled(term: Terminal) -> None:
    """Give asmo a moment to act on the last key (and save what it answered)."""
    time.sleep(0.5)
    term.wait(lambda text: True)


@pytest.mark.parametrize(("columns", "rows"), [(40, 30), (80, 24)], ids=["40x30", "80x24"])
def test_enter_on_a_new_activity_records_nothing_and_shows_the_hint(
    home: Path, catalogue: Catalogue, columns: int, rows: int
) -> None:
    bewaken = catalogue.task("bewaken-afspraken").activities
    term = Terminal(home, columns, rows)
    term.wait("Je naam")
    term.send(ENTER)
    term.wait("functieniveau")
    term.send(ENTER)
    term.wait("Voor welke raad")
    term.send(ENTER)
    term.wait("Welke werkzaamheden")
    term.send(DOWN + DOWN + SPACE + ENTER)  # Bewaken afspraken/procedures
    term.wait("(1/3)")
    assert "»" not in term.text(), "a new activity has no pointer: nothing is chosen yet"
    term.send(ENTER)
    term.wait(HINT)
    check(term, names_of(catalogue))
    term.send(ENTER)  # once more: still nothing
    _settled(term)
    assert "(2/3)" not in term.text() and HINT in term.text(), term.show()
    assert _saved(home) == {"bewaken-afspraken": {}}, "Enter recorded no answer"

    term.send("4")  # a digit answers at once
    term.wait("(2/3)")
    assert HINT not in term.text()[term.text().rindex("(2/3)") :]
    term.send(DOWN + ENTER)  # once the pointer is placed, Enter answers where it points
    term.wait("(3/3)")
    term.send("t")  # back: the answer given is the default, and Enter keeps it
    term.wait(lambda text: text.count("(2/3)") == 2 and "» ★☆☆☆☆" in text)
    term.send(ENTER)
    term.wait(lambda text: text.count("(3/3)") == 2)
    term.send(CTRL_C)
    term.wait("Al je antwoorden zijn bewaard")
    assert term.exit_status() == 130
    assert _saved(home) == {
        "bewaken-afspraken": {bewaken[0].id: 4, bewaken[1].id: 1},
    }
