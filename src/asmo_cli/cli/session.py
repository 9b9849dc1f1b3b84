"""``asmo assess`` from start to finish: a new or resumed record, answers file, results."""

from __future__ import annotations

import contextlib
import signal
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from asmo_cli.core.catalogue import Catalogue, Task
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import (
    COMPLETE,
    RatingMap,
    Record,
    known_ratings,
    now,
    with_ratings,
)
from asmo_cli.core.text import clean, program
from asmo_cli.storage.answers import read_answers_file, read_hours_file
from asmo_cli.storage.locks import RecordLock, is_locked, lock_record
from asmo_cli.storage.store import (
    create_record,
    list_records,
    new_record_id,
    record_path,
    save_record,
)

if TYPE_CHECKING:
    from rich.console import Console


def new_record(catalogue: Catalogue, name: str | None = None, level: str | None = None) -> Record:
    created = now()
    return Record(
        id=new_record_id(created),
        created=created,
        updated=created,
        catalogue_version=catalogue.tasks_version,
        name=name,
        level=level,
    )


# --- the answers file -----------------------------------------------------------------------


def record_from_answers_file(path: Path, catalogue: Catalogue) -> Record:
    """Read and check an answers file and save it as a complete record."""
    answers = read_answers_file(path, catalogue)
    record = new_record(catalogue, answers.name, answers.level)
    record = with_ratings(record, answers.ratings, catalogue)
    record = replace(record, hours_per_week=answers.hours, contract_hours_per_week=answers.contract)
    assert record.status == COMPLETE
    record, lock = create_record(record)
    lock.release()
    return record


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
    console: Console, catalogue: Catalogue, *, resume: bool, new: bool, ref: str | None = None
) -> Record:
    """Ask the questions, saving every answer; return the finished record."""
    from asmo_cli.cli import hours_prompts, prompts, record_prompts
    from asmo_cli.render.terminal import show_intro

    with contextlib.suppress(AttributeError, ValueError):  # no SIGHUP on Windows
        signal.signal(signal.SIGHUP, _on_hangup)
    listing = list_records()
    for line in listing.broken:
        console.print(Text(clean(f"Let op: {line}"), style="yellow"))
    unfinished = [r for r in listing.unfinished() if not is_locked(r.id)]
    busy = len(listing.unfinished()) - len(unfinished)
    if busy:
        which = "1 onafgeronde meting is" if busy == 1 else f"{busy} onafgeronde metingen zijn"
        console.print(
            Text(
                f"Let op: {which} open in een ander asmo-venster; die laat ik met rust.",
                style="yellow",
            )
        )
    record: Record | None = None
    lock: RecordLock | None = None
    unfinished.reverse()  # newest first
    if ref is not None:
        record = chosen_record(ref)
        lock = lock_record(record.id)
    elif unfinished and not new:
        summaries = [record_prompts.summary(r) for r in unfinished]
        choice = 0 if resume else record_prompts.ask_resume(summaries)
        if choice is not None:
            record = unfinished[choice]
            lock = lock_record(record.id)
        elif record_prompts.ask_delete_unfinished(len(unfinished)):
            _delete_all(console, unfinished)
    elif resume:
        other = "andere " if busy else ""  # the busy one was just named
        console.print(f"Er is geen {other}onafgeronde meting; je begint een nieuwe.")
    if record is None:
        show_intro(console, catalogue)
        try:
            name = record_prompts.ask_name()
            level = record_prompts.ask_level(catalogue)
        except KeyboardInterrupt:
            raise Interrupted(has_answers=False) from None
        record = new_record(catalogue, name, level)
        start = prompts.SELECTION
    else:
        _, warnings = known_ratings(record, catalogue)
        for warning in warnings:
            console.print(Text(clean(f"Let op: {warning}"), style="yellow"))
        console.print(f"Je gaat verder met meting {record.id}.", markup=False)
        start = prompts.first_open_position(catalogue, record.ratings)
    ratings: RatingMap = {t: dict(a) for t, a in record.ratings.items()}
    current = record
    has_answers = bool(record.ratings)

    def store(record: Record) -> Record:
        """Save; the first save of a new record gives it its id and its lock."""
        nonlocal lock
        if lock is None:
            record, lock = create_record(record)
        else:
            save_record(record)
        return record

    def save() -> None:
        nonlocal current, has_answers
        current = with_ratings(current, ratings, catalogue)
        current = store(current)
        has_answers = True

    in_hours = False
    try:
        prompts.run_flow(console, catalogue, ratings, save, start=start)
        current = store(with_ratings(current, ratings, catalogue))
        in_hours = True
        while hours_prompts.ask_want_hours():
            given = (current.hours_per_week, current.contract_hours_per_week)
            tasks = _selected(catalogue, current)
            answer = hours_prompts.ask_hours_or_leave(tasks, *given, console=console)
            if answer is not None:  # None: back (t) from the first hours question
                current = save_hours(console, current, *answer, warn=False)
                break
    except KeyboardInterrupt:
        raise Interrupted(has_answers, in_hours) from None
    finally:
        if lock is not None:
            lock.release()
    return current


def _delete_all(console: Console, records: list[Record]) -> None:
    """Delete unfinished records (each under its lock) with the files asmo made of them."""
    from asmo_cli.storage.erase import delete_record

    for old in records:
        with lock_record(old.id):
            delete_record(old.id)  # only what asmo wrote, unchanged; hers stays
    count = len(records)
    console.print(f"{count} onafgeronde meting{'' if count == 1 else 'en'} verwijderd.")


def chosen_record(ref: str) -> Record:
    """Return the unfinished record named on the command line (asmo assess METING)."""
    from asmo_cli.storage.store import find_record, is_stored

    record = find_record(ref)
    if not is_stored(record):
        raise AsmoError(f"{ref}: asmo assess gaat alleen verder met metingen in je eigen map")
    if record.is_complete:
        raise AsmoError(
            f"meting {record.id} is al afgerond; een nieuwe begin je met: {program()} assess --new"
        )
    return record


def ask_and_save_hours(console: Console, catalogue: Catalogue, record: Record) -> Record:
    """Ask the hours for the record's selected areas and save them at once."""
    from asmo_cli.cli import hours_prompts

    given = (record.hours_per_week, record.contract_hours_per_week)
    tasks = _selected(catalogue, record)
    hours, contract = hours_prompts.ask_hours(tasks, *given, console=console)
    return save_hours(console, record, hours, contract, warn=False)  # the user confirmed them


def _selected(catalogue: Catalogue, record: Record) -> list[Task]:
    return [t for t in catalogue.tasks if t.id in record.ratings]


def hours_from_file(console: Console, catalogue: Catalogue, record: Record, path: Path) -> Record:
    """Read hours from a YAML file (the keys of the record), check them and save them."""
    hours, contract = read_hours_file(path, record, catalogue)
    return save_hours(console, record, hours, contract)


def save_hours(
    console: Console,
    record: Record,
    hours: dict[str, float],
    contract: float | None,
    *,
    warn: bool = True,
) -> Record:
    """Save hours in the record (keeping the formatie when none is given), warn when high."""
    from asmo_cli.core.hours import over_contract_warning

    contract = contract if contract is not None else record.contract_hours_per_week
    updated = replace(record, hours_per_week=hours, contract_hours_per_week=contract, updated=now())
    save_record(updated)
    warning = over_contract_warning(hours, contract) if warn else None
    if warning:
        console.print(Text(clean(f"Let op: {warning}"), style="yellow"))
    return updated


def finish(
    console: Console,
    catalogue: Catalogue,
    record: Record,
    out: Path | None,
    *,
    open_it: bool = False,
) -> None:
    """Write the report files and show the results."""
    from asmo_cli.cli.base import print_written
    from asmo_cli.cli.next_steps import say_next_steps
    from asmo_cli.cli.outputs import write_report_files
    from asmo_cli.core.result import compute_result
    from asmo_cli.render.terminal import show_results

    try:
        written = write_report_files(catalogue, record, out)
    except AsmoError as exc:
        raise AsmoError(
            f"het rapport is niet geschreven: {exc.message}. Je meting zelf is bewaard "
            f"({record_path(record.id)}); maak het rapport later met: "
            f"{program()} report {record.id} --out ANDERE-MAP",
            details=exc.details,
        ) from None
    result = compute_result(catalogue, record)
    console.print()
    show_results(console, result, catalogue)
    console.print()
    console.print(Text(clean(f"Je meting is bewaard: {record_path(record.id)}")), soft_wrap=True)
    print_written(written.paths, written.warnings, open_it=open_it)
    say_next_steps(console, record)
