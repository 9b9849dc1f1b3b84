"""A record being answered: saved after every answer, under its lock, so that two asmo
windows never answer the same record and nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, replace
from pathlib import Path

from asmo_cli.api.records import own_record, save_hours
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import RatingMap, Record, now, with_ratings
from asmo_cli.core.text import program
from asmo_cli.storage.erase import delete_record
from asmo_cli.storage.files import is_file
from asmo_cli.storage.ledger import read_ledger
from asmo_cli.storage.locks import RecordLock, is_locked, lock_record
from asmo_cli.storage.store import create_record, find_record, list_records, save_record


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
            f"meting {record.id} is al afgerond; een antwoord verbeteren doe je met: "
            f"{program()} assess {record.id} --edit; een nieuwe begin je met: "
            f"{program()} assess --new"
        )
    return record


def finished() -> tuple[Record, ...]:
    """Her finished records, newest first: the ones she can correct (asmo assess --edit)."""
    return tuple(reversed(list_records().complete()))


def chosen_finished(ref: str) -> Record:
    """The finished record named on the command line (asmo assess METING --edit)."""
    record = own_record(ref, "assess --edit")
    if not record.is_complete:
        raise AsmoError(
            f"meting {record.id} is nog niet afgerond; ga ermee verder met: "
            f"{program()} assess {record.id}"
        )
    return record


@dataclass(frozen=True)
class Documents:
    """What asmo wrote of a record and is still there: the folder of its latest report
    (None: none left) and whether it has a development plan."""

    report_folder: Path | None
    has_plan: bool


def documents_of(record: Record) -> Documents:
    """Where the documents of a record of hers are, after the list of what asmo wrote."""
    from asmo_cli.api.plans import PLAN_PDF
    from asmo_cli.api.reports import FILE_NAMES

    written = [Path(key) for key in read_ledger(record.id).files]
    present = [path for path in written if is_file(path)]
    reports = [path.parent for path in present if path.name in FILE_NAMES.values()]
    has_plan = any(path.name == PLAN_PDF for path in present)
    return Documents(reports[-1] if reports else None, has_plan)


def _content(record: Record) -> tuple[object, ...]:
    """What she can change in a record: a correction changes one of these."""
    return (
        record.ratings,
        record.name,
        record.level,
        record.council,
        record.council_name,
        record.hours_per_week,
        record.contract_hours_per_week,
    )


def with_edit(before: Record, after: Record) -> Record:
    """``after`` as a correction of the finished ``before``: one moment more in ``edited``
    (this correction's last change), or ``before`` itself when nothing differs from it."""
    if _content(after) == _content(before):
        return before
    return replace(after, edited=(*before.edited, after.updated))


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
    workspace it belongs to (its home), entered for every step.

    ``editing``: a finished record being corrected; it is read again once locked, keeps its
    id, catalogue version and feedback, and every save that differs from it as it was adds
    the moment to ``edited``. ``in_words`` gives the catalogue in a council's words (for a
    council changed with ``change_details``)."""

    def __init__(
        self,
        catalogue: Catalogue,
        record: Record,
        *,
        stored: bool,
        here: Callable[[], AbstractContextManager[None]] = nullcontext,
        editing: bool = False,
        in_words: Callable[[Council], Catalogue] | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.record = record
        self._here = here
        self._in_words = in_words
        self._before: Record | None = None
        with here():
            self._lock: RecordLock | None = lock_record(record.id) if stored else None
            if editing and self._lock is not None:
                try:
                    self.record = self._before = find_record(record.id)  # as it is now
                except AsmoError:
                    self._lock.release()
                    raise

    @property
    def before(self) -> Record | None:
        """The finished record as it was before this correction (None: not a correction)."""
        return self._before

    @property
    def is_changed(self) -> bool:
        """Whether this correction changed anything yet."""
        return self._before is not None and self.record is not self._before

    def change_details(self, name: str | None, level: str | None, council: Council) -> Record:
        """Save her name, level and council (the questions from here on in its words)."""
        if self._in_words is not None and council != self.record.council:
            self.catalogue = self._in_words(council)
        details = (name, level, council)
        if details != (self.record.name, self.record.level, self.record.council):
            self.record = replace(
                self.record, name=name, level=level, council=council, updated=now()
            )
        return self.save()

    @property
    def saved(self) -> bool:
        """Whether anything of this record is on disk."""
        return self._lock is not None

    def save(self, ratings: RatingMap | None = None) -> Record:
        """Save the record (with these ratings, when given) and return it."""
        if ratings is not None:
            self.record = with_ratings(self.record, ratings, self.catalogue)
        if self._before is not None:
            self.record = with_edit(self._before, self.record)
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
