"""The hours documents of a record: tijdsbesteding.pdf, .png and .md."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from asmo_cli.api.records import save_hours
from asmo_cli.api.writing import record_is_safe, target_dir, writing_for
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import RecordError
from asmo_cli.core.hours import hours_text, merge_hours
from asmo_cli.core.record import MAX_HOURS, Record
from asmo_cli.render.bars import hours_chart_panels, hours_chart_title
from asmo_cli.render.charts import draw_hours
from asmo_cli.render.hours import render_hours_markdown
from asmo_cli.render.pdf_docs import render_hours_pdf
from asmo_cli.storage.answers import read_hours_file
from asmo_cli.storage.store import find_record

HOURS_FORMATS = ("pdf", "png", "md")
HOURS_NAMES = {"pdf": "tijdsbesteding.pdf", "png": "tijdsbesteding.png", "md": "tijdsbesteding.md"}


def hours_chart(catalogue: Catalogue, record: Record) -> bytes:
    """Draw the hours per area and per role as a PNG."""
    return draw_hours(hours_chart_panels(catalogue, record), hours_chart_title(record))


def hours_targets(folder: Path, formats: Sequence[str] = HOURS_FORMATS) -> list[Path]:
    """The hours documents that ``hours_documents`` makes for these formats."""
    return [folder / HOURS_NAMES[f] for f in HOURS_FORMATS if f in formats]


def hours_documents(
    catalogue: Catalogue, record: Record, folder: Path, formats: Sequence[str] = HOURS_FORMATS
) -> list[tuple[Path, bytes | str]]:
    """Make the hours documents asked for (pdf, png, md), to be written into ``folder``."""
    made: list[tuple[Path, bytes | str]] = []
    if "pdf" in formats:  # its chart is drawn into it, as vector graphics
        made.append((folder / HOURS_NAMES["pdf"], render_hours_pdf(catalogue, record)))
    if "png" in formats:
        made.append((folder / HOURS_NAMES["png"], hours_chart(catalogue, record)))
    if "md" in formats:
        image = HOURS_NAMES["png"] if "png" in formats else None
        made.append((folder / HOURS_NAMES["md"], render_hours_markdown(catalogue, record, image)))
    return made


def write_hours_documents(catalogue: Catalogue, record: Record, out: Path | None) -> list[Path]:
    """Write tijdsbesteding.pdf, .md and .png of a record with hours (never over a file that
    asmo did not write)."""
    folder = target_dir(out, record)
    with writing_for(record) as writer:
        writer.check(hours_targets(folder))
        with record_is_safe(record):
            return writer.write_all(hours_documents(catalogue, record, folder))


@dataclass(frozen=True)
class FileHours:
    """The hours of a file laid over the saved ones: the hours to save, the formatie (None:
    the file gives none, the saved one stays), the areas the file named, and the saved hours
    that ``--replace`` removes."""

    hours: dict[str, float]
    contract: float | None
    named: tuple[str, ...]
    removed: dict[str, float]


def hours_from_file(
    path: Path, record: Record, catalogue: Catalogue, *, replace: bool = False
) -> FileHours:
    """Read a file of hours for a record and lay it over the hours saved in it (``replace``:
    instead of them); the limits of a week hold for the hours as they will be saved."""
    given, contract = read_hours_file(path, record, catalogue)
    merged = merge_hours(record.hours_per_week, given, replace=replace)
    total = sum(merged.hours.values())
    if total > MAX_HOURS:
        kept = [t.name for t in catalogue.tasks if t.id in merged.hours and t.id not in given]
        raise RecordError(
            f"{path}: hours_per_week: samen met de bewaarde uren van {', '.join(kept)} is dat "
            f"{hours_text(total)} uur per week; een week heeft er 168, dus dat kan niet "
            "kloppen. Geef die werkzaamheden ook uren in het bestand (0 mag), of vervang alle "
            "uren met --replace"
        )
    return FileHours(merged.hours, contract, tuple(given), merged.removed)


Change = Callable[[Record], tuple[dict[str, float], float | None]]


def edit_hours(
    catalogue: Catalogue,
    record: Record,
    out: Path | None,
    change: Change,
    saved: Callable[[Record], None] = lambda record: None,
) -> tuple[Record, list[Path]]:
    """Change a record's hours and write its hours documents, all under the record's lock:
    the folder is checked first (before she types anything), the record is read again (it may
    have just changed), ``change`` gives the new hours and formatie (it may ask her, or raise
    KeyboardInterrupt: then nothing changes), ``saved`` hears of the saved record."""
    folder = target_dir(out, record)
    with writing_for(record, hold=True) as writer:
        writer.check(hours_targets(folder))
        current = find_record(record.id)  # hers, in asmo's own folder
        hours, contract = change(current)
        current = save_hours(current, hours, contract)
        saved(current)
        with record_is_safe(current):
            return current, writer.write_all(hours_documents(catalogue, current, folder))
