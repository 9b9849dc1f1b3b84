"""``asmo history`` in the terminal: every record, and one person's role scores over time."""

from __future__ import annotations

import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

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
from asmo_cli.render.terminal import bullets, plain

if TYPE_CHECKING:
    from rich.console import Console, JustifyMethod

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
    _show_records(console, records)
    who, complete = one_person(records, name)
    if not complete:
        _none_complete(console, records, name)
        return
    _show_scores(console, catalogue, who, complete)
    if name is None:
        _others(console, records, who)


@dataclass(frozen=True)
class _Column:
    """A column of a table: ``wraps``: it may wrap at words (else it keeps its lines)."""

    header: str
    justify: JustifyMethod = "left"
    style: str = ""
    wraps: bool = False


def _table(
    console: Console, title: str, columns: Sequence[_Column], rows: Sequence[Sequence[str]]
) -> Table | None:
    """A table whose columns share the terminal's width so that no word is cut: a column
    that ``wraps`` is never narrower than its longest word (rich would cut it with "…"),
    another keeps its longest line; None when that does not fit."""
    cells = [[plain(cell) for cell in row] for row in rows]
    ranges = []
    for index, column in enumerate(columns):
        texts = [plain(column.header), *(row[index] for row in cells)]
        measured = [Measurement.get(console, console.options, text) for text in texts]
        longest = max(m.maximum for m in measured)
        word = max(m.minimum for m in measured) if column.wraps else longest
        ranges.append((word, longest))
    room = console.width - (len(columns) + 1) - 2 * len(columns)  # borders and padding
    widths = _share(room, ranges)
    if widths is None:
        return None
    table = Table(title=plain(title), title_justify="left")
    for column, width in zip(columns, widths, strict=True):
        table.add_column(column.header, justify=column.justify, style=column.style, width=width)
    for row in cells:
        table.add_row(*row)
    return table


def _share(room: int, ranges: Sequence[tuple[int, int]]) -> list[int] | None:
    """Widths for columns of (narrowest, widest) within ``room``: each its widest when all
    fit, else its narrowest and a fair share of what is left; None when even the narrowest
    do not fit."""
    lows = [low for low, _ in ranges]
    highs = [high for _, high in ranges]
    if sum(lows) > room:
        return None
    if sum(highs) <= room:
        return highs
    wants = [high - low for low, high in ranges]
    extra = room - sum(lows)
    widths = list(lows)
    # the columns that want least get all they want first; the others share what is left
    order = sorted(range(len(wants)), key=lambda i: wants[i])
    for left, index in zip(range(len(order), 0, -1), order, strict=True):
        more = min(wants[index], extra // left)
        widths[index] += more
        extra -= more
    return widths


def _status(record: Record) -> str:
    """Whether a record is done, and when it was last corrected (``asmo assess --edit``)."""
    status = "afgerond" if record.is_complete else "niet afgerond"
    if record.edited:
        status += f", gewijzigd op {date_nl(record.edited[-1], with_time=True)}"
    return status


def _show_records(console: Console, records: Sequence[Record]) -> None:
    """Every record, oldest first: when it was filled in, whose it is, and if it is done; as
    a table, or where that does not fit, one record below the other, so that no name is cut."""
    # a name and a moment stay on one line (else the records stand one below the other)
    columns = [_Column(h) for h in ("Meting", "Ingevuld", "Naam")]
    columns.append(_Column("Status", wraps=True))
    rows = [[r.id, date_nl(r.created, with_time=True), r.name or "", _status(r)] for r in records]
    table = _table(console, "Je metingen", columns, rows)
    if table is not None:
        console.print(table)
        return
    console.print(plain("Je metingen", "italic"))
    items = []
    for record in records:
        lines = [f"{record.id}: {_status(record)}", record.name or "zonder naam"]
        lines.append(f"ingevuld op {date_nl(record.created, with_time=True)}")
        items.append(Text("\n").join(plain(line) for line in lines))
    console.print(bullets(items))


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
    table, any_thin, count = _fitting_scores(console, catalogue, who, shown)
    console.print(table)
    if note := versions_note(catalogue, shown):
        console.print(plain(note))
    if any_thin:
        console.print(plain(f"Tussen haakjes: {THIN} (genoeg is {ENOUGH_RULE}).", "dim"))
    if len(complete) > count:
        wider = "; een bredere terminal toont er meer" if count < len(shown) else ""
        console.print(plain(f"(de laatste {count} van {len(complete)} afgeronde metingen{wider})"))


def _fitting_scores(
    console: Console, catalogue: Catalogue, who: str | None, shown: Sequence[Record]
) -> tuple[Table, bool, int]:
    """The scores table of as many of the last records as fit the terminal (at least two),
    and how many that is; where not even two fit, the last record's scores with the
    difference the last one made, the dates in the title."""
    results = [compute_result(catalogue, r) for r in shown]
    last = _last_change(catalogue, shown)
    title = f"Scores per rol van {who}" if who else "Scores per rol (metingen zonder naam)"
    fewest = 1 if len(shown) == 1 else 2
    for count in range(len(shown), fewest - 1, -1):
        found = _scores_table(console, catalogue, title, results[-count:], last, shown[-count:])
        if found is not None:
            return (*found, count)
    dates = dates_nl([r.created for r in shown[-2:]])
    title += f" op {dates[-1]}" + (f" (verschil met {dates[0]})" if last else "")
    found = _scores_table(console, catalogue, title, results[-1:], last)
    if found is None:  # narrower than asmo is made for: let rich squeeze it
        found = Table(title=plain(title)), False
    return (*found, len(dates))


def _scores_table(
    console: Console,
    catalogue: Catalogue,
    title: str,
    results: Sequence[Result],
    last: Comparison | None,
    dated: Sequence[Record] = (),
) -> tuple[Table, bool] | None:
    """One column per record (headed by the dates of ``dated``, else "Score"), one row per
    role, and the difference the last one made; True as well when some score rests on too
    little data (it is shown in brackets). None when it does not fit the terminal."""
    headings = [h.replace(" om ", " ") for h in dates_nl([r.created for r in dated])]
    columns = [_Column("Rol", style="bold")]
    columns += [_Column(h, justify="right", wraps=True) for h in headings or ["Score"]]
    if last:
        columns.append(_Column("Verschil", justify="right"))
    rows, any_thin = [], False
    for role in catalogue.roles:
        cells, thin = _score_cells(role.id, results)
        any_thin = any_thin or thin
        if last:
            cells.append(format_delta(last.deltas.get(role.id)))
        rows.append([role.name, *cells])
    table = _table(console, title, columns, rows)
    return None if table is None else (table, any_thin)


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
