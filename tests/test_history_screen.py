"""``asmo history`` on narrow terminals: at 40 and 60 columns (and with many records at 80)
no role name, person's name or date is cut with "…" or broken inside a word; a corrected
record says "gewijzigd op" with the moment."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record
from asmo_cli.storage import store

from .helpers import make_record
from .platforms import needs_pty
from .test_screens import Terminal, assert_words_whole

pytestmark = needs_pty

LONG = "Fenna de Vries-van Oosterhout"
EDITED = datetime(2026, 6, 2, 14, 5)


def _records(catalogue: Catalogue, count: int) -> list[Record]:
    """``count`` finished records of Fenna, months apart, the last one corrected; one of Sam."""
    made = []
    for month in range(1, count + 1):
        stars = 2 + month % 4
        made.append(make_record(catalogue, datetime(2026, month, 1, 9, 0), stars, name=LONG))
    last = replace(made[-1], edited=(EDITED.astimezone(),))
    store.save_record(last)
    made[-1] = last
    made.append(make_record(catalogue, datetime(2025, 12, 1, 9, 0), 3, name="Sam de Vries"))
    return made


def _history(home: Path, columns: int) -> Terminal:
    term = Terminal(home, columns, 120, ("history",))
    assert term.exit_status() == 0, term.show()
    return term


@pytest.mark.parametrize("columns", [40, 60])
def test_history_keeps_every_name_whole(home: Path, catalogue: Catalogue, columns: int) -> None:
    """Every record (id, name, when, status) and the scores of the last two with their
    difference; nothing cut, the correction's moment shown."""
    records = _records(catalogue, 2)
    term = _history(home, columns)
    names = [role.name for role in catalogue.roles] + [LONG, "Sam de Vries"]
    assert_words_whole(term.lines(), columns, [*names, *(r.id for r in records)])
    text = term.text()
    assert "gewijzigd op 02-06-2026 14:05" in text
    assert all(r.id in text for r in records)
    assert all(role.name in text for role in catalogue.roles)
    assert "Verschil" in text  # the difference the last record made, also at 40
    assert "01-02-2026" in text and "01-01-2026" in text  # both dates it compares


def test_history_shows_as_many_records_as_fit(home: Path, catalogue: Catalogue) -> None:
    """Six records at 80 columns do not fit side by side: the last ones that fit are shown
    whole, and asmo says how many of how many."""
    _records(catalogue, 6)
    term = _history(home, 80)
    names = [role.name for role in catalogue.roles] + [LONG, "Sam de Vries"]
    assert_words_whole(term.lines(), 80, names)
    text = term.text()
    assert "afgeronde metingen; een bredere terminal toont er meer)" in text
    assert "01-06-2026" in text and "Verschil" in text
