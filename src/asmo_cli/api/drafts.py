"""A record being answered: saved after every answer, under its lock, so that two asmo
windows never answer the same record and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass

from asmo_cli.api.records import own_record, save_hours
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import RatingMap, Record, with_ratings
from asmo_cli.core.text import program
from asmo_cli.storage.erase import delete_record
from asmo_cli.storage.locks import RecordLock, is_locked, lock_record
from asmo_cli.storage.store import create_record, list_records, save_record


@dataclass(frozen=True)
class Unfinished:
    """The unfinished records free to go on with (newest first), how many are open in
    another asmo window, and a line for every unreadable record."""

    free: tuple[Record, ...]
    busy: int
    broken: tuple[str, ...]


def unfinished() -> Unfinished:
    listing = list_records()
    records = listing.unfinished()
    free = [r for r in records if not is_locked(r.id)]
    return Unfinished(tuple(reversed(free)), len(records) - len(free), listing.broken)


def chosen_unfinished(ref: str) -> Record:
    """The unfinished record named on the command line (asmo assess METING)."""
    record = own_record(ref, "assess")
    if record.is_complete:
        raise AsmoError(
            f"meting {record.id} is al afgerond; een nieuwe begin je met: {program()} assess --new"
        )
    return record


def delete_unfinished(records: list[Record]) -> int:
    """Delete unfinished records (each under its lock) with the files asmo made of them; only
    what asmo wrote and did not change since goes. Return how many."""
    for old in records:
        with lock_record(old.id):
            delete_record(old.id)
    return len(records)


class Draft:
    """One record being answered. A new one gets its id and its lock at its first save; an
    existing one is locked at once. ``close()`` lets go of the lock. ``here`` is the
    workspace it belongs to (its home), entered for every step."""

    def __init__(
        self,
        catalogue: Catalogue,
        record: Record,
        *,
        stored: bool,
        here: Callable[[], AbstractContextManager[None]] = nullcontext,
    ) -> None:
        self.catalogue = catalogue
        self.record = record
        self._here = here
        with here():
            self._lock: RecordLock | None = lock_record(record.id) if stored else None

    @property
    def saved(self) -> bool:
        """Whether anything of this record is on disk."""
        return self._lock is not None

    def save(self, ratings: RatingMap | None = None) -> Record:
        """Save the record (with these ratings, when given) and return it."""
        if ratings is not None:
            self.record = with_ratings(self.record, ratings, self.catalogue)
        with self._here():
            if self._lock is None:
                self.record, self._lock = create_record(self.record)
            else:
                save_record(self.record)
        return self.record

    def save_hours(self, hours: dict[str, float], contract_hours_per_week: float | None) -> Record:
        """Save the hours she just gave (the questions checked them) under the draft's lock."""
        with self._here():
            self.record = save_hours(self.record, hours, contract_hours_per_week)
        return self.record

    def close(self) -> None:
        if self._lock is not None:
            self._lock.release()
