"""``asmo assess`` from start to finish: a new or resumed record, its answers, the results.

Every answer is saved at once (``Workspace.draft``); Ctrl-C or a closed terminal stops
with everything typed kept.
"""

from __future__ import annotations

import contextlib
import signal
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from rich.text import Text

from asmo_cli.cli.console import show_command
from asmo_cli.core.catalogue import Catalogue, TaskArea
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import RatingMap, Record, known_ratings, new_record
from asmo_cli.core.text import clean, moment_nl, plural, program

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.api.workspace import Documents, Draft, Workspace


class Interrupted(KeyboardInterrupt):
    """Ctrl-C or a closed terminal; ``has_answers`` tells whether anything was saved.

    ``in_hours``: stopped in the hours step, after the record was complete and saved.
    ``edit``: stopped while correcting a finished record: the draft, as saved;
    ``editing``: stopped on the way to a correction, or in it.
    """

    def __init__(
        self,
        has_answers: bool,
        in_hours: bool = False,
        edit: Draft | None = None,
        *,
        editing: bool = False,
    ) -> None:
        super().__init__()
        self.has_answers = has_answers
        self.in_hours = in_hours
        self.edit = edit
        self.editing = editing or edit is not None


def _on_hangup(signum: int, frame: object) -> None:
    """The terminal was closed: stop as with Ctrl-C; every answer is already saved."""
    raise KeyboardInterrupt


@dataclass(frozen=True)
class Answered:
    """The finished record; ``documents``: it was a correction, and these are the documents
    asmo wrote of it before (its report is made again where the last one is)."""

    record: Record
    documents: Documents | None = None


def run_interactive(
    console: Console, work: Workspace, *, resume: bool, new: bool, ref: str | None = None
) -> Record:
    """Ask the questions, saving every answer; return the finished record."""
    return answer(console, work, resume=resume, new=new, ref=ref).record


def answer(
    console: Console,
    work: Workspace,
    *,
    resume: bool,
    new: bool,
    ref: str | None = None,
    edit: bool = False,
) -> Answered:
    """Ask the questions, saving every answer, for a new or unfinished record, or (``edit``,
    or her choice in the resume question) to correct a finished one."""
    _catch_hangup()
    if edit:
        return _edit(console, work, ref)
    return _run(console, work, resume=resume, new=new, ref=ref)


def _catch_hangup() -> None:
    hangup = getattr(signal, "SIGHUP", None)  # no SIGHUP on Windows
    if hangup is not None:
        with contextlib.suppress(ValueError):  # not the main thread
            signal.signal(hangup, _on_hangup)


def _warn(console: Console, line: str) -> None:
    console.print(Text(clean(f"Let op: {line}"), style="yellow"))


def _chosen(
    console: Console, work: Workspace, *, resume: bool, new: bool, ref: str | None
) -> Record | Literal["edit"] | None:
    """The unfinished record to go on with (None: begin a new one; EDIT: correct a finished
    one), asking when there is a choice; unfinished records open in another window are left
    alone."""
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
        can_edit = not resume and _has_finished(work)
        choice = 0 if resume else record_questions.ask_resume(summaries, can_edit=can_edit)
        if isinstance(choice, str):  # EDIT: correct a finished record instead
            return choice
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


def _has_finished(work: Workspace) -> bool:
    try:
        return bool(work.finished())
    except AsmoError:
        return False


def _run(
    console: Console, work: Workspace, *, resume: bool, new: bool, ref: str | None
) -> Answered:
    from asmo_cli.cli.session import hours_questions, questions

    chosen = _chosen(console, work, resume=resume, new=new, ref=ref)
    if isinstance(chosen, str):  # she chose to correct a finished record instead
        return _edit(console, work, None)
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
    return Answered(draft.record)


# --- correcting a finished record (asmo assess --edit) -----------------------------------


def _to_edit(console: Console, work: Workspace, ref: str | None) -> Record:
    """The finished record to correct: ``ref``, the only one, or the one she picks."""
    from asmo_cli.cli.session import record_questions

    if ref is not None:
        return work.finished_record(ref)
    found = work.finished()
    if not found:
        raise AsmoError(
            f"er is nog geen afgeronde meting om aan te passen; begin er een met: "
            f"{program()} assess"
        )
    if len(found) == 1:
        return found[0]
    summaries = [record_questions.finished_summary(r) for r in found]
    try:
        return found[record_questions.ask_which_finished(summaries)]
    except KeyboardInterrupt:
        raise Interrupted(has_answers=False, editing=True) from None


def _edit(console: Console, work: Workspace, ref: str | None) -> Answered:
    """Correct a finished record under its lock: her name, level and council (Enter keeps
    each), then the areas from the one she picks, as usual; every other answer stays."""
    from asmo_cli.cli.session import questions, record_questions

    record = _to_edit(console, work, ref)
    draft = work.edit_draft(record)
    try:
        record = draft.record
        _say_editing(console, record, draft.catalogue)
        name = record_questions.ask_name(default=record.name)
        level = record_questions.ask_level(draft.catalogue, default=record.level)
        council = record_questions.ask_council(record.council)
        draft.change_details(name, level, council)
        catalogue = draft.catalogue  # in the words of her council from here on
        ratings: RatingMap = {t: dict(a) for t, a in draft.record.ratings.items()}
        start = _start_of(
            catalogue, ratings, record_questions.ask_start_area(_areas(catalogue, ratings))
        )

        def save() -> None:
            draft.save(ratings)

        questions.run_flow(console, catalogue, ratings, save, start=start)
        draft.save(ratings)
    except KeyboardInterrupt:
        raise Interrupted(draft.is_changed, edit=draft) from None
    finally:
        draft.close()
    _say_edited(console, draft, has_feedback=bool(work.feedback(draft.record)))
    return Answered(draft.record, work.documents(draft.record))


def _say_editing(console: Console, record: Record, catalogue: Catalogue) -> None:
    """Name the record being corrected, and that nothing else changes unless she does."""
    for warning in known_ratings(record, catalogue)[1]:
        _warn(console, warning)
    who = f" van {record.name}" if record.name else ""
    line = f"Je past meting {record.id}{who} aan, ingevuld op {moment_nl(record.created)}."
    console.print(Text(clean(line)))
    console.print(
        Text(
            "Je andere antwoorden blijven staan; bij elke vraag staat je antwoord klaar "
            "(Enter houdt het).",
            style="dim",
        )
    )


def _areas(catalogue: Catalogue, ratings: RatingMap) -> list[tuple[str, str]]:
    """Her selected areas, in the order of the questions: (id, name)."""
    return [(t.id, t.name) for t in catalogue.tasks if t.id in ratings]


def _start_of(catalogue: Catalogue, ratings: RatingMap, task_id: str) -> int:
    """Where the questions begin for an area: its first activity (in the order the
    questions walk); the choice of areas for anything else."""
    from asmo_cli.cli.session import questions

    position = 0
    for task in catalogue.tasks:
        if task.id not in ratings:
            continue
        if task.id == task_id:
            return position
        position += len(task.activities)
    return questions.SELECTION


def _say_edited(console: Console, draft: Draft, *, has_feedback: bool) -> None:
    """Say what the correction did: changed (and kept its feedback, if any), or nothing."""
    record, before = draft.record, draft.before
    if not draft.is_changed or before is None:
        console.print(f"Je hebt niets veranderd aan meting {record.id}.", markup=False)
        return
    console.print(
        Text(
            f"Je meting {record.id} is aangepast (gewijzigd op "
            f"{moment_nl(record.edited[-1])})"
            + ("; feedback van anderen hoort er nog steeds bij." if has_feedback else ".")
        )
    )
    if before.hours_per_week and set(before.ratings) != set(record.ratings):
        _warn(console, "je koos andere werkzaamheden; pas je uren aan met:")
        show_command(console, f"{program()} hours {record.id}")


def say_edit_stopped(console: Console, draft: Draft) -> None:
    """Tell what a correction stopped halfway left, and how to go on (printing may fail)."""
    record = draft.record
    with contextlib.suppress(OSError, ValueError):
        console.print()
        if not draft.is_changed:
            console.print(f"Gestopt. Meting {record.id} is niet veranderd.", markup=False)
        elif record.is_complete:
            console.print("Gestopt. Wat je al aanpaste is bewaard. Je rapport maak je opnieuw met:")
            show_command(console, f"{program()} report {record.id}")
            console.print("Verder aanpassen:")
            show_command(console, f"{program()} assess {record.id} --edit")
        else:
            console.print("Gestopt. Wat je al aanpaste is bewaard. Ga later verder met:")
            show_command(console, f"{program()} assess {record.id}")


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
    console: Console,
    work: Workspace,
    record: Record,
    out: Path | None,
    *,
    open_it: bool = False,
    earlier: Documents | None = None,
) -> None:
    """Write the report files and show the results; after a correction (``earlier``: what
    asmo wrote of it before), the report goes where the last one is (unless ``out``)."""
    from asmo_cli.cli.console import print_written
    from asmo_cli.cli.next_steps import say_next_steps
    from asmo_cli.render.terminal import show_results

    if out is None and earlier is not None:
        out = earlier.report_folder
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
    if earlier is not None and earlier.has_plan:
        console.print("Je ontwikkelplan is nog van vóór je aanpassing; maak het opnieuw met:")
        show_command(console, f"{program()} plan {record.id}")
    say_next_steps(console, has_previous=work.has_previous(record))
