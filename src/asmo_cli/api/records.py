"""Records as the use cases need them: hers only, new from an answers file, hours saved."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from asmo_cli.core.ambition import Ambition
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import NAMES, Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.record import COMPLETE, Record, new_record, now, with_ratings
from asmo_cli.core.text import program
from asmo_cli.storage.answers import check_hours, read_answers_file
from asmo_cli.storage.erase import Erasure, erase, plan_erase
from asmo_cli.storage.locks import WRITE_WAIT_SECONDS, lock_record
from asmo_cli.storage.store import (
    create_record,
    find_complete,
    find_record,
    is_stored,
    lock_for_writing,
    save_record,
)


def own_record(ref: str | None, command: str, *, complete: bool = False) -> Record:
    """Find a record that lives in asmo's own folder (``complete``: a finished one); a copy
    elsewhere is refused in Dutch. The one own-folder rule: every command that changes a
    record, or keeps something with it, asks here (``command`` names it in the message)."""
    record = find_complete(ref) if complete else find_record(ref)
    if not is_stored(record):
        raise AsmoError(
            f"{ref}: asmo {command} werkt alleen met metingen in je eigen map; geef het id "
            f"van een meting (zie {program()} history)"
        )
    return record


def create_from_answers(path: Path, catalogue: Catalogue) -> Record:
    """Read and check an answers file and save it as a new, complete record."""
    answers = read_answers_file(path, catalogue)
    record = new_record(catalogue, answers.name, answers.level)
    record = with_ratings(record, answers.ratings, catalogue)
    record = replace(
        record,
        council=answers.council,
        council_name=answers.council_name,
        hours_per_week=answers.hours,
        contract_hours_per_week=answers.contract,
    )
    assert record.status == COMPLETE
    record, lock = create_record(record)
    lock.release()
    return record


def save_hours(record: Record, hours: dict[str, float], contract: float | None) -> Record:
    """Save hours in the record (keeping the formatie when none is given) and return it."""
    contract = contract if contract is not None else record.contract_hours_per_week
    updated = replace(record, hours_per_week=hours, contract_hours_per_week=contract, updated=now())
    save_record(updated)
    return updated


def set_council(record: Record, council: Council) -> tuple[Record, str | None]:
    """Store the council the record's AS serves (``--council``), under the record's lock;
    return the record as stored and a line that says so (None: it was already that)."""
    if record.council == council:
        return record, None
    if not is_stored(record):
        raise AsmoError(
            f"{record.source or record.id}: --council verandert een meting in je eigen map; "
            f"geef het id van een meting (zie {program()} history)"
        )
    with lock_for_writing(record.id):
        current = find_record(record.id)
        changed = replace(current, council=council)
        save_record(changed)
    return changed, (
        f"bij je meting {record.id} staat nu: {NAMES[council]} (bewaard; de documenten "
        "gebruiken voortaan de woorden daarvan)"
    )


def set_ambition(record: Record, ambition: Ambition) -> Record:
    """Keep her ambition with a record of hers (under its lock), so that the next plan starts
    from it; a copy elsewhere keeps nothing (the plan still uses it)."""
    if record.ambition == ambition or not is_stored(record):
        return record
    with lock_for_writing(record.id):
        changed = replace(find_record(record.id), ambition=ambition)
        save_record(changed)
    return changed


def save_checked_hours(
    catalogue: Catalogue,
    record: Record,
    hours: Mapping[str, float],
    contract_hours_per_week: float | None,
) -> Record:
    """Check hours as a file of hours is checked (known, selected areas; 0 to 168 a week) and
    save them in a record of hers, under its lock (a report being written finishes first);
    nothing is saved when one is wrong."""
    data = {"hours_per_week": dict(hours), "contract_hours_per_week": contract_hours_per_week}
    with lock_for_writing(record.id):
        current = find_record(record.id)
        checked, contract = check_hours(data, current.ratings, catalogue, f"meting {record.id}")
        return save_hours(current, checked, contract)


@dataclass(frozen=True)
class Deleted:
    """What ``delete`` removed, and what it left (with why): asmo removes only what it
    wrote and what did not change since."""

    record: Record
    removed: tuple[Path, ...]
    left: tuple[tuple[Path, str], ...]


def delete(ref: str, confirm: Callable[[Record, Erasure], bool] | None = None) -> Deleted | None:
    """Delete a record of asmo's own folder and the files asmo made of it, under its lock (a
    report being written finishes first). ``confirm`` sees what would go and may say no:
    then nothing is removed and None is returned."""
    record = own_record(ref, "delete")
    with lock_record(record.id, wait=WRITE_WAIT_SECONDS):
        plan = plan_erase(record.id)
        if confirm is not None and not confirm(record, plan):
            return None
        removed = erase(plan)
    return Deleted(record, tuple(removed), tuple(plan.left))


__all__ = [
    "Deleted",
    "Erasure",
    "create_from_answers",
    "delete",
    "own_record",
    "save_checked_hours",
    "save_hours",
]
