"""``asmo history`` in the terminal: every record, and one person's role scores over time."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.table import Table

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.record import Record, one_person, person
from asmo_cli.core.result import Comparison, Result, compute_result
from asmo_cli.core.text import (
    ENOUGH_RULE,
    THIN,
    date_nl,
    dates_nl,
    format_delta,
    format_score,
    program,
)
from asmo_cli.core.versions import versions_note
from asmo_cli.render.terminal import plain

if TYPE_CHECKING:
    from rich.console import Console

SHOWN = 6  # the last complete records of one person in the scores table


def show_history(
    console: Console,
    catalogue: Catalogue,
    records: Sequence[Record],
    broken: Sequence[str],
    name: str | None = None,
) -> None:
    """Show every record (oldest first) and the role scores of one person's last ones."""
    for line in broken:
        console.print(plain(f"Let op: {line}", "yellow"))
    if not records:
        console.print(plain("Er zijn nog geen metingen. Begin er een met:"))
        console.print(plain(f"  {program()} assess"))
        return
    console.print(_records_table(records))
    who, complete = one_person(records, name)
    if not complete:
        _none_complete(console, records, name)
        return
    _show_scores(console, catalogue, who, complete)
    if name is None:
        _others(console, records, who)


def _records_table(records: Sequence[Record]) -> Table:
    """Every record, oldest first: when it was filled in, whose it is, and if it is done."""
    table = Table(title="Je metingen", title_justify="left")
    for header in ("Meting", "Ingevuld", "Naam", "Status"):
        table.add_column(header, no_wrap=header in ("Meting",))
    for record in records:
        status = "afgerond" if record.is_complete else "niet afgerond"
        when = date_nl(record.created, with_time=True)
        table.add_row(plain(record.id), when, plain(record.name or ""), status)
    return table


def _none_complete(console: Console, records: Sequence[Record], name: str | None) -> None:
    """When ``name`` has no complete record: whose complete records there are instead."""
    if name is not None and any(r.is_complete for r in records):
        names = sorted({r.name or "zonder naam" for r in records if r.is_complete})
        console.print(
            plain(f"Er is geen afgeronde meting van '{name}'; wel van: {', '.join(names)}.")
        )


def _show_scores(
    console: Console, catalogue: Catalogue, who: str | None, complete: Sequence[Record]
) -> None:
    """The role scores of the last complete records, and the notes that go with them."""
    shown = complete[-SHOWN:]
    table, any_thin = _scores_table(catalogue, who, shown)
    console.print(table)
    if note := versions_note(catalogue, shown):
        console.print(plain(note))
    if any_thin:
        console.print(plain(f"Tussen haakjes: {THIN} (genoeg is {ENOUGH_RULE}).", "dim"))
    if len(complete) > len(shown):
        console.print(f"(de laatste {len(shown)} van {len(complete)} afgeronde metingen)")


def _scores_table(
    catalogue: Catalogue, who: str | None, shown: Sequence[Record]
) -> tuple[Table, bool]:
    """One column per record, one row per role, and the difference the last one made; True
    as well when some score rests on too little data (it is shown in brackets)."""
    results = [compute_result(catalogue, r) for r in shown]
    last = _last_change(catalogue, shown)
    title = f"Scores per rol van {who}" if who else "Scores per rol (metingen zonder naam)"
    table = Table(title=plain(title), title_justify="left")
    table.add_column("Rol", style="bold")
    for heading in dates_nl([r.created for r in shown]):
        table.add_column(heading.replace(" om ", " "), justify="right")
    if last:
        table.add_column("Verschil", justify="right")
    any_thin = False
    for role in catalogue.roles:
        cells, thin = _score_cells(role.id, results)
        any_thin = any_thin or thin
        if last:
            cells.append(format_delta(last.deltas.get(role.id)))
        table.add_row(plain(role.name), *cells)
    return table, any_thin


def _last_change(catalogue: Catalogue, shown: Sequence[Record]) -> Comparison | None:
    """The last record against the one before it; None for one record, or when the stars
    meant something else then (side by side, no difference)."""
    if len(shown) < 2:
        return None
    last = compute_result(catalogue, shown[-1], shown[-2]).comparison
    if last is not None and last.scale_changed:
        return None
    return last


def _score_cells(role_id: str, results: Sequence[Result]) -> tuple[list[str], bool]:
    """One role's score in each result; True as well when one of them rests on too little."""
    cells, thin = [], False
    for result in results:
        score = result.role(role_id)
        text = format_score(score.score if score else None)
        if score is not None and score.score is not None and not score.enough_data:
            text, thin = f"({text})", True
        cells.append(text)
    return cells, thin


def _others(console: Console, records: Sequence[Record], who: str | None) -> None:
    """Name the other people with complete records, and how to show the first one's."""
    mine = person(who)
    others = sorted(
        {r.name or "zonder naam" for r in records if r.is_complete and person(r.name) != mine}
    )
    if others:
        console.print(plain(f"Ook metingen van: {', '.join(others)}. Toon die met:", "dim"))
        console.print(plain(f"  {program()} history --name {shlex.quote(others[0])}", "dim"))
