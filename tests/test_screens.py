"""What the user sees: ``asmo assess`` in a real pseudo-terminal, read by a screen emulator.

pexpect runs asmo at 40×30, 60×20, 80×24 and 100×30; pyte plays its output on a screen of the
same size. At every screen, every word of every name of the catalogue that is shown
(werkzaamheden, activiteiten, functieniveaus, rollen) must stand whole on one line: never split
over two lines, never cut off at the edge, never shortened with "…". Only a word longer than a
line ("afspraken/besluiten/procedures/wetten/cao" at 40 columns) may break, and only after a
slash. The results and the roles, printed by rich, are checked the same way in-process.
"""

from __future__ import annotations

import io
import os
import re
import sys
import time
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial
from itertools import pairwise
from pathlib import Path

import pexpect
import pyte
import pytest
from rich.console import Console

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.records import load_record

from .platforms import needs_pty

pytestmark = needs_pty

DOWN, SPACE, ENTER, CTRL_U = "\x1b[B", " ", "\r", "\x15"
SIZES = [(40, 30), (60, 20), (80, 24), (100, 30)]
WIDTHS = [40, 60, 80, 100]
PUNCTUATION = ".,:;()?!"
NAME = "Fenna de Vries-van Oosterhout"  # long: the resume question has to wrap it
NAME_QUESTION = "Je naam (komt op het rapport; Enter slaat over):"
BOX_START, BOX_END = "┏┃┡│├└", "┓┃┩│┤┘"  # the edges of a rich table: a cut row lacks its end


class Terminal:
    """asmo assess in a pseudo-terminal of ``columns`` × ``rows``, and the screen it shows."""

    def __init__(
        self, home: Path, columns: int, rows: int, args: tuple[str, ...] = ("assess",)
    ) -> None:
        env = dict(os.environ, ASMO_HOME=str(home), TERM="xterm-256color")
        env.update(COLUMNS=str(columns), LINES=str(rows))
        # no emulator answers prompt_toolkit's cursor position request in time; don't ask
        env["PROMPT_TOOLKIT_NO_CPR"] = "1"
        env.pop("NO_COLOR", None)
        self.columns = columns
        self.screen = pyte.Screen(columns, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn(
            sys.executable, ["-m", "asmo_cli", *args], env=env, dimensions=(rows, columns)
        )

    def lines(self) -> list[str]:
        return [line.rstrip() for line in self.screen.display]

    def text(self) -> str:
        """The screen as one line: rows joined, runs of spaces made one."""
        return " ".join(" ".join(self.lines()).split())

    def _read(self, seconds: float) -> int | None:
        """Feed what asmo writes within ``seconds`` to the screen: how many bytes (None: ended)."""
        try:
            data = self.child.read_nonblocking(65536, timeout=seconds)
        except pexpect.TIMEOUT:
            return 0
        except pexpect.EOF:
            return None
        self.stream.feed(data)
        return len(data)

    def wait(self, condition: str | Callable[[str], bool], seconds: float = 20.0) -> None:
        """Read until the screen shows ``condition`` (text, or a test on ``text()``) and asmo
        has stopped drawing for a moment."""
        test = condition if callable(condition) else (lambda text: condition in text)
        deadline = time.monotonic() + seconds
        while not test(self.text()):
            alive = self._read(0.05) is not None
            assert alive or test(self.text()), f"asmo ended; screen:\n{self.show()}"
            assert time.monotonic() < deadline, f"waited for {condition!r}; screen:\n{self.show()}"
        while self._read(0.1):
            pass

    def send(self, keys: str) -> None:
        self.child.send(keys)

    def exit_status(self, seconds: float = 60.0) -> int | None:
        deadline = time.monotonic() + seconds
        while self._read(0.5) is not None:
            assert time.monotonic() < deadline, f"asmo did not end; screen:\n{self.show()}"
        self.child.close()
        status: int | None = self.child.exitstatus
        return status

    def show(self) -> str:
        return "\n".join(f"|{line}" for line in self.lines())


def names_of(catalogue: Catalogue) -> list[str]:
    """Every name the user reads: werkzaamheden, activiteiten, functieniveaus and rollen, in
    the words of every council."""
    from asmo_cli import Workspace
    from asmo_cli.core.council import COUNCILS

    names: list[str] = []
    for council in (None, *COUNCILS):
        words = catalogue if council is None else Workspace().catalogue(council=council)
        names += [task.name for task in words.tasks]
        names += [activity.name for task in words.tasks for activity in task.activities]
        names += [level.name for level in words.levels] + [role.name for role in words.roles]
    return list(dict.fromkeys(names))


def _slash_parts(word: str) -> list[str]:
    """A word as it may break when it is longer than a line: after each slash."""
    return re.split(r"(?<=/)", word) if "/" in word else [word]


def _bare(word: str) -> str:
    return word.strip(PUNCTUATION)


def _has_word(line: str, word: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(word)}(?!\w)", line) is not None


def check(term: Terminal, names: Iterable[str]) -> None:
    assert_words_whole(term.lines(), term.columns, names)


def assert_words_whole(
    lines: list[str], columns: int, names: Iterable[str], *, at_edge: bool = True
) -> None:
    """Every word of every name shown stands whole on a line; nothing is split or cut.

    ``at_edge``: a line that fills the width and ends in the start of a name's word was cut
    there (a terminal's own wrapping); rich's lines are checked by their table edges instead.
    """
    names = list(names)
    screen = "\n".join(f"|{line}" for line in lines)
    where = f"at {columns} columns:\n{screen}"
    assert not any("…" in line for line in lines), f"a text cut with '…' {where}"
    flat = "".join("".join(lines).split())
    for name in names:
        if "".join(name.split()) not in flat:
            continue  # not on this screen (or scrolled half out of it)
        for word in name.split():
            long = len(word) > columns - 6  # too long for a line: may break after a slash
            parts = _slash_parts(_bare(word)) if long else [_bare(word)]
            assert all(any(part in line for line in lines) for part in parts), (
                f"'{_bare(word)}' of '{name}' is not whole on one line {where}"
            )
            if not long:
                assert any(_has_word(line, _bare(word)) for line in lines), (
                    f"'{_bare(word)}' of '{name}' is not whole on one line {where}"
                )
    words = {_bare(word) for name in names for word in name.split()}
    for upper, lower in pairwise(lines):
        last = upper.split()[-1] if upper.split() else ""
        first = lower.split()[0] if lower.split() else ""
        joined = _bare(last + first)
        after_slash = last.endswith("/") and len(joined) > columns - 6  # too long: allowed
        assert after_slash or not (
            last and first and joined in words and _bare(last) not in words
        ), f"'{joined}' is split over two lines {where}"
        if at_edge and len(upper) >= columns and _bare(last) not in words:
            cut = [w for w in words if w.startswith(_bare(last)) and len(_bare(last)) >= 2]
            assert not cut, f"'{last}' is cut at the edge (of {cut[0]!r}) {where}"


def _shows(text: str) -> Callable[[str], bool]:
    """A test for ``Terminal.wait``: ``text`` is shown, perhaps broken after a slash."""
    return lambda screen: "".join(text.split()) in "".join(screen.split())


def _after(marker: str, text: str) -> Callable[[str], bool]:
    """A test for ``Terminal.wait``: ``text`` is shown below the last ``marker``."""
    return lambda screen: marker in screen and text in screen[screen.rindex(marker) :]


@pytest.mark.parametrize(("columns", "rows"), SIZES, ids=[f"{c}x{r}" for c, r in SIZES])
def test_screens_never_break_a_word(
    home: Path, catalogue: Catalogue, columns: int, rows: int
) -> None:
    """Selection, ratings, Ctrl-C and the resume question, the hours: all at one size."""
    names = names_of(catalogue)
    commissies, bewaken = catalogue.task("commissies"), catalogue.task("bewaken-afspraken")

    term = Terminal(home, columns, rows)
    term.wait("Je naam")
    check(term, [*names, NAME_QUESTION])
    assert NAME_QUESTION in term.text(), term.show()  # wrapped at words, nothing cut off
    term.send(NAME + ENTER)
    term.wait("functieniveau")
    check(term, names)
    term.send(ENTER)  # the first level, the longest name
    term.wait("Voor welke raad")
    check(term, names)
    term.send(ENTER)  # the default: other
    term.wait("Welke werkzaamheden")
    check(term, names)
    term.send(SPACE + DOWN + DOWN + SPACE)  # commissies (the longest name) and bewaken
    term.send(DOWN * 17)  # down to the last area: the list scrolls
    term.wait(lambda text: catalogue.tasks[-1].name in text and "●" in text)
    check(term, names)
    term.send(ENTER)
    for number, key in (("(1/5)", "4"), ("(2/5)", "5")):
        term.wait(number)
        check(term, names)
        term.send(key)
    term.wait("(3/5)")
    term.send("\x03")  # Ctrl-C keeps both answers
    term.wait("Al je antwoorden zijn bewaard")
    assert term.exit_status() == 130

    term = Terminal(home, columns, rows)
    term.wait("Opnieuw beginnen")
    resume = f"Verdergaan waar ik was: {NAME}, begonnen"
    assert resume in term.text()
    check(term, [*names, resume])
    term.send(ENTER)
    term.wait(_shows(f"(3/5) {commissies.activities[2].name}"))
    for activity, key in zip(commissies.activities[2:], "321", strict=True):
        term.wait(_shows(activity.name))
        check(term, names)
        term.send(key)
    for activity in bewaken.activities:
        term.wait(_shows(activity.name))
        check(term, names)
        term.send("4")
    term.wait("Ja, uren")
    check(term, names)
    term.send(DOWN + ENTER)

    hours_question = f"(1/3) {commissies.name}: uren per week"
    term.wait(hours_question)
    check(term, names)
    term.send("60" + ENTER)  # meant 6
    term.wait(f"(2/3) {bewaken.name}")
    term.send("t")  # back: 60 is the default now
    term.wait(_after("← terug", hours_question))
    check(term, names)
    term.send(ENTER)  # Enter keeps 60
    term.wait(_after("gemiddeld? 60", f"(2/3) {bewaken.name}"))
    term.send("200" + ENTER)
    term.wait("0 tot en met 168")
    check(term, names)
    term.send(CTRL_U + "4" + ENTER)
    term.wait("(3/3) Je formatie")
    term.send("24" + ENTER)
    term.wait("klopt dat? (j/n)")
    check(term, names)
    term.send("x" + ENTER)  # only j or n answers
    term.wait("Typ j")
    term.send("n")
    term.wait("Wat wil je aanpassen?")
    check(term, names)
    term.send(ENTER)  # the pointer is on the 60 hours, more than the formatie alone
    term.wait(_after("Wat wil je aanpassen?", hours_question))
    term.send("6" + ENTER + ENTER + ENTER)  # the 4 and the 24 stay
    assert term.exit_status() == 0  # the report is written
    assert "Verder:" in term.text()
    (path,) = sorted((home / "assessments").glob("*.yaml"))
    record = load_record(path)
    assert record.status == "complete" and record.name == NAME
    assert record.hours_per_week == {"commissies": 6.0, "bewaken-afspraken": 4.0}
    assert record.contract_hours_per_week == 24.0


def test_the_check_finds_split_cut_and_shortened_words(catalogue: Catalogue) -> None:
    """What was once seen at 60 columns fails the check; the wrapped form passes."""
    names = names_of(catalogue)
    cut = " » ○  1. Werkzaamheden voor commissies, projectteams en scru"
    split = ["? Op welk functieniveau werk je? Administratief organisatori", "sch medewerker"]
    shortened = ["   ○  7. Procesbewak…"]
    for lines in ([cut, "   ○  2. Scholing MZO"], split, shortened):
        with pytest.raises(AssertionError):
            assert_words_whole(lines, 60, names)
    wrapped = [" » ○  1. Werkzaamheden voor commissies, projectteams en", "         scrumteams"]
    assert_words_whole(wrapped, 60, names)


@pytest.mark.parametrize("columns", [40, 80])
def test_delete_asks_once_with_one_key(catalogue: Catalogue, tmp_path: Path, columns: int) -> None:
    """On a terminal, ``asmo delete`` asks j/n, the question whole on the screen; n (one key)
    keeps everything, j removes the record and what asmo made of it."""
    from asmo_cli import Workspace

    home = tmp_path / "home"
    work = Workspace(home=home)
    record = work.create_from_answers(
        Path(__file__).parents[1] / "docs" / "voorbeeld-antwoorden.yaml"
    )
    work.report(record.id, formats=("md",))
    term = Terminal(home, columns, 60, ("delete", record.id))  # room for every path
    term.wait("verwijderen? (j/n)")
    assert "Enter" not in term.text()
    term.send("n")
    term.wait("Niets verwijderd.")
    term.child.expect(pexpect.EOF, timeout=20)
    assert [r.id for r in work.records()] == [record.id]
    term = Terminal(home, columns, 60, ("delete", record.id))  # room for every path
    term.wait("verwijderen? (j/n)")
    term.send("j")
    term.wait("Verwijderd:")
    term.child.expect(pexpect.EOF, timeout=20)
    assert work.records() == []


# --- what rich prints: the results and the roles ---------------------------------------------


def printed(width: int, draw: Callable[[Console], None]) -> list[str]:
    """The lines ``draw`` prints on a terminal ``width`` columns wide (no colours)."""
    out = io.StringIO()
    draw(Console(file=out, width=width, color_system=None, highlight=False))
    return [line.rstrip() for line in out.getvalue().splitlines()]


def assert_printed_whole(lines: list[str], width: int, names: Iterable[str]) -> None:
    """Within the width, every table row with both its edges (rich cuts a row that does not
    fit without a sign), and every name's words whole."""
    for line in lines:
        assert len(line) <= width, f"wider than {width}: {line!r}"
        if line[:1] in BOX_START:
            assert line[-1:] in BOX_END, f"a table cut off at {width} columns: {line!r}"
    assert_words_whole(lines, width, names, at_edge=False)


@pytest.mark.parametrize("width", WIDTHS)
def test_results_keep_every_role_name_whole(
    catalogue: Catalogue, tmp_path: Path, width: int
) -> None:
    """The results after assess (the example and a thin record): role names, areas and the
    reasons whole at every width from 40 columns."""
    from asmo_cli import Workspace
    from asmo_cli.render.terminal import show_results

    from .helpers import make_record

    work = Workspace(home=tmp_path / "home")
    example = work.create_from_answers(
        Path(__file__).parents[1] / "docs" / "voorbeeld-antwoorden.yaml"
    )
    thin = make_record(catalogue, datetime(2026, 11, 23, 18, 16), 4, tasks=("archief",))
    names = names_of(catalogue)
    for record in (example, thin):
        result, words = work.result(record), work.catalogue_for(record)
        lines = printed(width, partial(show_results, result=result, catalogue=words))
        assert "Je scores per rol" in lines[0]
        shown = " ".join(" ".join(lines).split())
        assert all(role.name in shown for role in words.roles), shown
        assert_printed_whole(lines, width, names)


@pytest.mark.parametrize("width", WIDTHS)
def test_roles_screens_keep_every_word(catalogue: Catalogue, width: int) -> None:
    """asmo roles, one role and the competencies: nothing cut at any width from 40 columns;
    below 60 the roles are a list, not a table that rich would cut."""
    from asmo_cli.render.terminal import show_competencies, show_role, show_roles

    names = names_of(catalogue)
    lines = printed(width, lambda console: show_roles(console, catalogue))
    assert_printed_whole(lines, width, names)
    assert all(any(role.name in line for line in lines) for role in catalogue.roles)
    for role in catalogue.roles:
        one = printed(width, partial(show_role, catalogue=catalogue, role=role))
        assert_printed_whole(one, width, names)
    lines = printed(width, lambda console: show_competencies(console, catalogue))
    assert_printed_whole(lines, width, names)
