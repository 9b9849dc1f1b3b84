"""Where records live: listing, finding, creating, locking and saving ``<home>/assessments``.

Two runs at once never lose a record: a new record is written completely to a temporary
file and then linked to a free id (never replacing one), and a record that is being changed
is locked (``<id>.lock``, released by the operating system when the process ends).
"""

from __future__ import annotations

import contextlib
import os
import stat
from dataclasses import dataclass, replace
from pathlib import Path

from asmo_cli.core.errors import AsmoError, RecordError, SaveError, os_reason
from asmo_cli.core.record import Record, record_id_for, same_person
from asmo_cli.core.text import program
from asmo_cli.storage import paths
from asmo_cli.storage.files import (
    check_path_length,
    create_private,
    is_file,
    tighten,
    write_private,
)
from asmo_cli.storage.locks import RecordLock, lock_record
from asmo_cli.storage.records import load_record, record_to_yaml

MAX_IDS_A_SECOND = 1000


@dataclass(frozen=True)
class Broken:
    """A record file that could not be read: its id, and the line that says why."""

    id: str
    line: str


@dataclass(frozen=True)
class Listing:
    """Every readable record, oldest first, and every unreadable one."""

    records: tuple[Record, ...]
    unreadable: tuple[Broken, ...]

    @property
    def broken(self) -> tuple[str, ...]:
        """A line for every unreadable record, in the order of their files."""
        return tuple(b.line for b in self.unreadable)

    def complete(self) -> list[Record]:
        return [r for r in self.records if r.is_complete]

    def unfinished(self) -> list[Record]:
        return [r for r in self.records if not r.is_complete]


def records_folder() -> Path:
    """Return the records folder, made private (0700) along with asmo's home."""
    tighten(paths.home_dir())
    folder = paths.records_dir()
    tighten(folder)
    return folder


def record_path(record_id: str) -> Path:
    return paths.records_dir() / f"{record_id}.yaml"


def list_records() -> Listing:
    """Read every record in the records folder, ordered by ``created``; name the bad ones."""
    home = paths.home_dir()
    if home.exists() and not home.is_dir():
        raise RecordError(f"{home}: dit is geen map; laat ASMO_HOME naar een map wijzen")
    folder = paths.records_dir()
    records: list[Record] = []
    unreadable: list[Broken] = []
    for path in _record_files(folder):
        try:
            records.append(load_record(path))
        except RecordError as exc:
            unreadable.append(Broken(path.stem, f"{exc.message} — deze meting is overgeslagen"))
    records.sort(key=lambda r: (r.created, r.id))
    return Listing(tuple(records), tuple(unreadable))


# --- locks ----------------------------------------------------------------------------------


def lock_for_writing(record_id: str) -> RecordLock:
    """Lock a stored record to write files for it, waiting for another run of it to finish.

    The record must still be there once the lock is taken: ``asmo delete`` may have removed
    it meanwhile, and then nothing may be written for it.
    """
    from asmo_cli.storage import locks

    lock = lock_record(record_id, wait=locks.WRITE_WAIT_SECONDS)
    if not is_file(record_path(record_id)):
        lock.forget()
        raise RecordError(f"meting {record_id} is net verwijderd; er is niets geschreven")
    return lock


def _record_files(folder: Path) -> list[Path]:
    """The record files in ``folder`` (none when it does not exist yet); a folder that exists
    but cannot be read is an error, never "no records"."""
    try:
        if not stat.S_ISDIR(folder.stat().st_mode):
            raise RecordError(f"{folder}: dit is geen map; laat ASMO_HOME naar een map wijzen")
        with os.scandir(folder) as entries:
            names = sorted(e.name for e in entries if e.name.endswith(".yaml"))
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise RecordError(
            f"{folder}: kan deze map niet lezen ({os_reason(exc)}). Je metingen staan daar en "
            "zijn niet weg; vraag zo nodig je ICT-afdeling om lees- en schrijfrechten op die map"
        ) from None
    return [folder / name for name in names]


# --- creating and saving --------------------------------------------------------------------


def create_record(record: Record) -> tuple[Record, RecordLock]:
    """Save a new record under a free id and return it, locked, with that id.

    The id is ``YYYYMMDD-HHMMSS`` of its creation, with ``-2``, ``-3`` … when taken. The lock
    is taken before the file appears, and the file appears only complete.
    """
    folder = records_folder()
    base = record_id_for(record.created)
    for n in range(1, MAX_IDS_A_SECOND + 1):
        candidate = base if n == 1 else f"{base}-{n}"
        if (folder / f"{candidate}.yaml").exists():
            continue
        lock = RecordLock(candidate)
        if not lock.acquire():
            continue
        placed = replace(record, id=candidate, source=str(folder / f"{candidate}.yaml"))
        try:
            created = create_private(folder / f"{candidate}.yaml", record_to_yaml(placed))
        except SaveError as exc:
            lock.release()
            with contextlib.suppress(OSError):
                (folder / f"{candidate}.lock").unlink()
            raise SaveError(
                exc.message.replace("de vorige versie is onaangetast", "de meting is niet bewaard")
            ) from None
        if created:
            return placed, lock
        lock.release()
    raise SaveError(f"{folder}: geen vrije naam voor een nieuwe meting; probeer het zo opnieuw")


def save_record(record: Record) -> Path:
    """Save an existing record atomically with mode 0600 (the caller holds its lock)."""
    path = records_folder() / f"{record.id}.yaml"
    write_private(path, record_to_yaml(record))
    return path


# --- finding --------------------------------------------------------------------------------


def find_record(ref: str | None, listing: Listing | None = None) -> Record:
    """Return the record named by path or id, or the latest complete one when ``ref`` is None."""
    listing = listing or list_records()
    if ref is None:
        complete = listing.complete()
        if not complete:
            raise RecordError(
                f"er is nog geen afgeronde meting; begin er een met '{program()} assess'"
                + describe_available(listing)
            )
        return complete[-1]
    try:
        check_path_length(ref, "id of pad")
    except AsmoError as exc:
        raise RecordError(exc.message) from None
    as_path = Path(ref).expanduser()
    if ref.endswith((".yaml", ".yml")) or is_file(as_path):
        if not is_file(as_path):
            raise RecordError(f"{ref}: bestand niet gevonden" + describe_available(listing))
        return load_record(as_path)
    match = next((r for r in listing.records if r.id == ref), None)
    if match is None:
        if any(b.id == ref for b in listing.unreadable):
            return load_record(record_path(ref))  # raises, naming the damage
        raise RecordError(f"onbekende meting '{ref}'" + describe_available(listing))
    return match


def is_stored(record: Record) -> bool:
    """True when ``record`` was read from asmo's own records folder (not a copy elsewhere,
    not made in memory). Decided by where it was read from, not by whether the file is still
    there: a record that ``asmo delete`` removed meanwhile stays asmo's, so that its lock
    refuses to write for it."""
    if record.source is None:
        return False
    try:
        return Path(record.source).resolve() == record_path(record.id).resolve()
    except (OSError, RuntimeError, ValueError):
        return False


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
        f"meting {record.id} is nog niet afgerond; maak hem af met '{program()} assess --resume'"
        + (describe_available(listing) if listing else "")
    )


def previous_complete(record: Record, listing: Listing | None = None) -> Record:
    """Return the complete record of the same person created just before ``record``.

    The same person: the same name; a record without a name matches only records without one.
    """
    listing = listing or list_records()
    earlier = [
        r
        for r in listing.complete()
        if same_person(r, record) and (r.created, r.id) < (record.created, record.id)
    ]
    if not earlier:
        who = f" van {record.name}" if record.name else " zonder naam"
        raise RecordError(
            f"er is geen afgeronde meting{who} van vóór {record.id} om mee te vergelijken"
        )
    return earlier[-1]


def has_previous(record: Record) -> bool:
    """True when the same person has a complete record from before ``record``."""
    try:
        previous_complete(record)
    except RecordError:
        return False
    return True


def describe_available(listing: Listing) -> str:
    if not listing.records:
        return f" (er staan nog geen metingen in {paths.records_dir()})"
    names = ", ".join(
        f"{r.id}{'' if r.is_complete else ' (niet afgerond)'}" for r in listing.records
    )
    return f"; beschikbare metingen: {names}"
