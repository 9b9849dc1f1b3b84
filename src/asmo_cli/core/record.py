"""One assessment: the record's type, its status and ratings, and when it is complete."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

from asmo_cli.core import clock
from asmo_cli.core.ambition import Ambition
from asmo_cli.core.catalogue import Activity, Catalogue
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.text import moment_nl

FORMAT_VERSION = 2  # 2 added hours_per_week and contract_hours_per_week; 1 still loads
MAX_HOURS = 168.0  # hours in a week: the most any area, all areas, or a formatie can be


class RecordStatus(StrEnum):
    """Where a record stands; decided in one place, ``with_ratings``."""

    IN_PROGRESS = "in_progress"
    COMPLETE = "complete"


IN_PROGRESS = RecordStatus.IN_PROGRESS
COMPLETE = RecordStatus.COMPLETE

RatingMap = dict[str, dict[str, int | None]]
Ratings = Mapping[str, Mapping[str, int | None]]


@dataclass(frozen=True)
class Record:
    id: str
    created: datetime
    updated: datetime
    catalogue_version: str
    status: RecordStatus = IN_PROGRESS
    name: str | None = None
    level: str | None = None
    # the council she serves (core/council.py); its own name for title pages, if she gave it
    council: Council = NEUTRAL
    council_name: str | None = None
    ratings: RatingMap = field(default_factory=dict)
    hours_per_week: dict[str, float] = field(default_factory=dict)
    contract_hours_per_week: float | None = None
    # what her development plan starts from (``asmo plan``); None: not chosen yet
    ambition: Ambition | None = None
    # the moments she corrected it after it was finished (``asmo assess --edit``), oldest first
    edited: tuple[datetime, ...] = ()
    format_version: int = FORMAT_VERSION
    # the file it was read from (None: made in memory); not part of what the record says
    source: str | None = field(default=None, compare=False, repr=False)

    @property
    def is_complete(self) -> bool:
        return self.status is COMPLETE


def now() -> datetime:
    """Return the local time, to the second, with its UTC offset."""
    return clock.now()


def is_finished(
    ratings: Ratings, catalogue: Catalogue, asked: Callable[[Activity], bool] | None = None
) -> bool:
    """True when every activity of the selected known tasks is answered and one is rated
    (``asked``: only the activities her questionnaire asked; default: all of them)."""
    known = [t for t in catalogue.tasks if t.id in ratings]
    if not known:
        return False
    wanted = [(t, a) for t in known for a in t.activities if asked is None or asked(a)]
    answered = all(a.id in ratings[t.id] for t, a in wanted)
    return answered and any(ratings[t.id].get(a.id) is not None for t, a in wanted)


def record_id_for(created: datetime) -> str:
    """Return ``YYYYMMDD-HHMMSS`` of ``created`` (saving a new record makes it unique)."""
    return created.strftime("%Y%m%d-%H%M%S")


def new_record(
    catalogue: Catalogue,
    name: str | None = None,
    level: str | None = None,
    created: datetime | None = None,
) -> Record:
    """Return a new, empty record for this catalogue (made ``created``, else now)."""
    when = created or now()
    return Record(
        id=record_id_for(when),
        created=when,
        updated=when,
        catalogue_version=catalogue.tasks_version,
        name=name,
        level=level,
    )


def with_ratings(record: Record, ratings: Ratings, catalogue: Catalogue) -> Record:
    """Return the record with these ratings, a fresh ``updated`` and the matching status.

    The one place that decides completion: complete when every activity of the selected
    areas is answered and at least one has stars. Hours of an area no longer selected go.
    """
    status = COMPLETE if is_finished(ratings, catalogue) else IN_PROGRESS
    copied = {t: dict(acts) for t, acts in ratings.items()}
    hours = {t: h for t, h in record.hours_per_week.items() if t in copied}
    return replace(record, ratings=copied, hours_per_week=hours, status=status, updated=now())


def known_ratings(record: Record, catalogue: Catalogue) -> tuple[RatingMap, list[str]]:
    """Return the ratings the catalogue knows, and a warning for every id it does not."""
    warnings: list[str] = []
    kept: RatingMap = {}
    tasks = {t.id: t for t in catalogue.tasks}
    for task_id, acts in record.ratings.items():
        task = tasks.get(task_id)
        if task is None:
            warnings.append(
                f"meting {record.id}: werkzaamheid '{task_id}' staat niet meer in de vragenlijst; "
                "die antwoorden tellen niet mee"
            )
            continue
        activity_ids = {a.id for a in task.activities}
        kept[task_id] = {}
        for act, value in acts.items():
            if act in activity_ids:
                kept[task_id][act] = value
            else:
                warnings.append(
                    f"meting {record.id}: activiteit '{act}' van werkzaamheid '{task_id}' staat "
                    "niet meer in de vragenlijst; dat antwoord telt niet mee"
                )
    return kept, warnings


def is_rating(value: Any) -> bool:
    """True for a whole number of stars 1 to 5 (not 1.0, not true)."""
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 5


def person(name: str | None) -> str:
    """Return a name as compared: case, spacing and how a letter is encoded ('ë' as one
    character or as 'e' with a separate diaeresis, NFC or NFD) do not make another person."""
    return unicodedata.normalize("NFC", " ".join((name or "").split()).casefold())


def same_person(one: Record, other: Record) -> bool:
    """True when two records have the same name (two records without a name match)."""
    return person(one.name) == person(other.name)


def earlier_text(record: Record, earlier: Record) -> str:
    """Say which record ``record`` is compared with, and whether that is somebody else."""
    when = moment_nl(earlier.created)
    if same_person(record, earlier):
        return f"je meting van {when}"
    who = earlier.name or "iemand zonder naam"
    return f"de meting van {who} van {when} (een andere persoon)"


def one_person(records: Sequence[Record], name: str | None) -> tuple[str | None, list[Record]]:
    """Return whose complete records to show (``name``, else the newest record's person) and
    those records, oldest first."""
    complete = [r for r in records if r.is_complete]
    if not complete:
        return name, []
    who = complete[-1].name if name is None else name
    return who, [r for r in complete if person(r.name) == person(who)]
