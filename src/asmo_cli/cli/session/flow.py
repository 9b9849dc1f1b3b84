"""``asmo assess`` from start to finish: a new or resumed record, its answers, the results.

Every answer is saved at once (``Workspace.draft``); Ctrl-C or a closed terminal stops
with everything typed kept.
"""

from __future__ import annotations

import contextlib
import signal
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from asmo_cli.core.catalogue import Catalogue, TaskArea
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import RatingMap, Record, known_ratings, new_record
from asmo_cli.core.text import clean, plural, program

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.api.workspace import Workspace


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or a closed terminal; ``has_answers`` tells whether anything was saved.

    ``in_hours``: stopped in the hours step, after the record was complete and saved.
    """

    def __init__(self, has_answers: bool, in_hours: bool = False) -> None:
        super().__init__()
        self.has_answers = has_answers
        self.in_hours = in_hours


def _on_hangup(signum: int, frame: object) -> None:
    """The terminal was closed: stop as with Ctrl-C; every answer is already saved."""
    raise KeyboardInterrupt


def run_interactive(
    console: Console, work: Workspace, *, resume: bool, new: bool, ref: str | None = None
) -> Record:
    """Ask the questions, saving every answer; return the finished record."""
    return _run(console, work, resume=resume, new=new, ref=ref)


def _warn(console: Console, line: str) -> None:
    console.print(Text(clean(f"Let op: {line}"), style="yellow"))


def _chosen(
    console: Console, work: Workspace, *, resume: bool, new: bool, ref: str | None
) -> Record | None:
    """The unfinished record to go on with (None: begin a new one), asking when there is a
    choice; unfinished records open in another window are left alone."""
    from asmo_cli.cli.session import record_questions

    if ref is not None:
        return work.unfinished_record(ref)
    found = work.unfinished()
    for line in found.broken:
        _warn(console, line)
    if found.busy:
        which = plural(found.busy, "onafgeronde meting is", "onafgeronde metingen zijn")
        _warn(console, f"{which} open in een ander asmo-venster; die laat ik met rust.")
    if found.free and not new:
        summaries = [record_questions.summary(r) for r in found.free]
        choice = 0 if resume else record_questions.ask_resume(summaries)
        if choice is not None:
            return found.free[choice]
        if record_questions.ask_delete_unfinished(len(found.free)):
            count = work.delete_unfinished(found.free)
            console.print(
                f"{plural(count, 'onafgeronde meting', 'onafgeronde metingen')} verwijderd."
            )
    elif resume:
        other = "andere " if found.busy else ""  # the busy one was just named
        console.print(f"Er is geen {other}onafgeronde meting; je begint een nieuwe.")
    return None


def _begin(console: Console, catalogue: Catalogue, council: Council) -> Record:
    """Introduce asmo and ask her name, level and council for a new record (not saved yet);
    ``council`` is the one her newest record has, the default."""
    from asmo_cli.cli.session import record_questions
    from asmo_cli.render.terminal import show_intro

    show_intro(console, catalogue)
    try:
        name = record_questions.ask_name()
        level = record_questions.ask_level(catalogue)
        council = record_questions.ask_council(council)
    except KeyboardInterrupt:
        raise Interrupted(has_answers=False) from None
    return replace(new_record(catalogue, name, level), council=council)


def _newest_council(work: Workspace) -> Council:
    """The council of her newest record (the neutral wording when she has none)."""
    try:
        records = work.records()
    except AsmoError:
        return NEUTRAL
    newest = max(records, key=lambda r: r.created, default=None)
    return newest.council if newest is not None else NEUTRAL


def _run(console: Console, work: Workspace, *, resume: bool, new: bool, ref: str | None) -> Record:
    from asmo_cli.cli.session import hours_questions, questions

    hangup = getattr(signal, "SIGHUP", None)  # no SIGHUP on Windows
    if hangup is not None:
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(hangup, _on_hangup)
    chosen = _chosen(console, work, resume=resume, new=new, ref=ref)
    if chosen is None:
        begun = _begin(console, work.catalogue(), _newest_council(work))
        draft = work.draft(begun, stored=False)
        catalogue = draft.catalogue  # in the words of her council from here on
        start = questions.SELECTION
    else:
        draft = work.draft(chosen, stored=True)
        catalogue = draft.catalogue
        for warning in known_ratings(chosen, catalogue)[1]:
            _warn(console, warning)
        console.print(f"Je gaat verder met meting {chosen.id}.", markup=False)
        start = questions.first_open_position(catalogue, chosen.ratings)
    ratings: RatingMap = {t: dict(a) for t, a in draft.record.ratings.items()}
    in_hours = False
    try:

        def save() -> None:
            draft.save(ratings)

        questions.run_flow(console, catalogue, ratings, save, start=start)
        draft.save(ratings)
        in_hours = True
        while hours_questions.ask_want_hours():
            given = (draft.record.hours_per_week, draft.record.contract_hours_per_week)
            tasks = _selected(catalogue, draft.record)
            answer = hours_questions.ask_hours_or_leave(tasks, *given, console=console)
            if answer is not None:  # None: back (t) from the first hours question
                draft.save_hours(*answer)  # she confirmed them
                break
    except KeyboardInterrupt:
        raise Interrupted(draft.saved, in_hours) from None
    finally:
        draft.close()
    return draft.record


def ask_hours(
    console: Console, catalogue: Catalogue, record: Record
) -> tuple[dict[str, float], float | None]:
    """Ask the hours (and the formatie) for the record's selected areas; she confirms a high
    total in the questions themselves."""
    from asmo_cli.cli.session import hours_questions

    given = (record.hours_per_week, record.contract_hours_per_week)
    return hours_questions.ask_hours(_selected(catalogue, record), *given, console=console)


def _selected(catalogue: Catalogue, record: Record) -> list[TaskArea]:
    return [t for t in catalogue.tasks if t.id in record.ratings]


def finish(
    console: Console, work: Workspace, record: Record, out: Path | None, *, open_it: bool = False
) -> None:
    """Write the report files and show the results."""
    from asmo_cli.cli.console import print_written
    from asmo_cli.cli.next_steps import say_next_steps
    from asmo_cli.render.terminal import show_results

    try:
        written = work.report(record.id, out=out)
    except AsmoError as exc:
        raise AsmoError(
            f"het rapport is niet geschreven: {exc.message}. Je meting zelf is bewaard "
            f"({work.record_path(record)}); maak het rapport later met: "
            f"{program()} report {record.id} --out ANDERE-MAP",
            details=exc.details,
        ) from None
    assert written is not None  # no comparison, nothing to confirm
    console.print()
    show_results(console, work.result(record), work.catalogue_for(record))
    console.print()
    saved = f"Je meting is bewaard: {work.record_path(record)}"
    console.print(Text(clean(saved)), soft_wrap=True)
    print_written(written.paths, written.warnings, open_it=open_it)
    say_next_steps(console, has_previous=work.has_previous(record))
