"""Where records live: listing, finding, creating ids and saving under ``<home>/assessments``."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asmo_cli import paths
from asmo_cli.assessment import Record, load_record, record_to_yaml, write_private
from asmo_cli.errors import RecordError


@dataclass(frozen=True)
class Listing:
    """Every readable record, oldest first, and a line for every unreadable one."""

    records: tuple[Record, ...]
    broken: tuple[str, ...]

    def complete(self) -> list[Record]:
        return [r for r in self.records if r.is_complete]

    def unfinished(self) -> list[Record]:
        return [r for r in self.records if not r.is_complete]


def record_path(record_id: str) -> Path:
    return paths.records_dir() / f"{record_id}.yaml"


def list_records() -> Listing:
    """Read every record in the records folder, ordered by ``created``."""
    folder = paths.records_dir()
    records: list[Record] = []
    broken: list[str] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            try:
                records.append(load_record(path))
            except RecordError as exc:
                broken.append(exc.message)
    records.sort(key=lambda r: (r.created, r.id))
    return Listing(tuple(records), tuple(broken))


def new_record_id(created: datetime) -> str:
    """Return ``YYYYMMDD-HHMMSS`` of ``created``, with ``-2``, ``-3`` … when that is taken."""
    base = created.strftime("%Y%m%d-%H%M%S")
    candidate, n = base, 1
    while record_path(candidate).exists():
        n += 1
        candidate = f"{base}-{n}"
    return candidate


def save_record(record: Record) -> Path:
    """Save atomically with mode 0600; the previous version survives any failure."""
    path = record_path(record.id)
    write_private(path, record_to_yaml(record), paths.home_dir() / ".tmp")
    return path


def find_record(ref: str | None, listing: Listing | None = None) -> Record:
    """Return the record named by path or id, or the latest complete one when ``ref`` is None."""
    listing = listing or list_records()
    if ref is None:
        complete = listing.complete()
        if not complete:
            raise RecordError(
                "er is nog geen afgeronde meting; begin er een met 'asmo assess'"
                + describe_available(listing)
            )
        return complete[-1]
    as_path = Path(ref).expanduser()
    if ref.endswith((".yaml", ".yml")) or as_path.is_file():
        if not as_path.is_file():
            raise RecordError(f"{ref}: bestand niet gevonden" + describe_available(listing))
        return load_record(as_path)
    match = next((r for r in listing.records if r.id == ref), None)
    if match is None:
        raise RecordError(f"onbekende meting '{ref}'" + describe_available(listing))
    return match


def find_complete(ref: str | None, listing: Listing | None = None) -> Record:
    """Return the record named by ``ref`` (default: the latest), which must be complete."""
    listing = listing or list_records()
    record = find_record(ref, listing)
    if not record.is_complete:
        raise unfinished_error(record, listing)
    return record


def unfinished_error(record: Record, listing: Listing | None = None) -> RecordError:
    """Return the error for a report or plan asked of a record that is not complete."""
    return RecordError(
        f"meting {record.id} is nog niet afgerond; maak hem af met 'asmo assess --resume'"
        + (describe_available(listing) if listing else "")
    )


def previous_complete(record: Record, listing: Listing | None = None) -> Record:
    """Return the complete record created just before ``record``."""
    listing = listing or list_records()
    earlier = [r for r in listing.complete() if (r.created, r.id) < (record.created, record.id)]
    if not earlier:
        raise RecordError(f"er is geen afgeronde meting van vóór {record.id} om mee te vergelijken")
    return earlier[-1]


def describe_available(listing: Listing) -> str:
    if not listing.records:
        return f" (er staan nog geen metingen in {paths.records_dir()})"
    names = ", ".join(
        f"{r.id}{'' if r.is_complete else ' (niet afgerond)'}" for r in listing.records
    )
    return f"; beschikbare metingen: {names}"
