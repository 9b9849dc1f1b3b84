"""Erasing a record with everything asmo stored and wrote for it, and nothing else.

What asmo wrote for a record is in its ledger (``<id>.files``, storage/owned.py); besides it
asmo keeps ``<id>.yaml``, the record, and ``<id>.feedback.json``, the feedback of others
(storage/feedback.py). ``plan_erase`` decides first (so ``asmo delete`` can say what it will
remove), ``erase`` then does it; the caller holds the record's lock for both.
"""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from pathlib import Path

from asmo_cli.core.errors import AsmoError, SaveError, os_reason
from asmo_cli.storage import paths
from asmo_cli.storage.feedback import STORE_SUFFIX
from asmo_cli.storage.files import in_use_hint
from asmo_cli.storage.ledger import Ledger, all_ledgers, digest_file, key_of, read_ledger
from asmo_cli.storage.owned import OwnedWriter

CHANGED = "na het maken gewijzigd; blijft staan"
NOT_A_FILE = "geen gewoon bestand meer; blijft staan"
NOT_LISTED = "niet door asmo gemaakt; blijft staan"
UNSURE = (
    "buiten de eigen rapportmap, en een oudere asmo hield niet bij wat erin stond; blijft staan"
)


@dataclass(frozen=True)
class Erasure:
    """What erasing a record will remove, and what it will name and leave."""

    record_id: str
    outputs: tuple[tuple[Path, str], ...]  # files asmo wrote for the record, unchanged since,
    # with the hash of what is there now (a file changed after the plan stays)
    folders: tuple[Path, ...]  # folders asmo made for them (removed only when empty)
    left: tuple[tuple[Path, str], ...]  # files on the list that stay, with the reason

    @property
    def own(self) -> tuple[Path, ...]:
        """The record's own files in asmo's folder (feedback first: never left alone; the lock
        last: a run that was waiting for it finds the record gone and writes nothing)."""
        folder = paths.records_dir()
        suffixes = (STORE_SUFFIX, ".yaml", ".files", ".lock")
        return tuple(folder / f"{self.record_id}{suffix}" for suffix in suffixes)


def plan_erase(record_id: str) -> Erasure:
    """Decide what erasing a record removes; AsmoError when its ledger cannot be trusted."""
    ledger = read_ledger(record_id)
    if ledger.problem:
        raise AsmoError(
            f"{ledger.path}: {ledger.problem}. In deze lijst houdt asmo bij welke bestanden het "
            f"voor meting {record_id} schreef; zonder die lijst verwijdert asmo niets. Verplaats "
            "of verwijder dat bestand en probeer het opnieuw (de rapporten van de meting "
            "blijven dan staan)"
        )
    others = [o for o in all_ledgers() if o.owner is not None and o.owner != record_id]
    homes = [o for o in all_ledgers() if o.owner is None]
    outputs: list[tuple[Path, str]] = []
    left: list[tuple[Path, str]] = []
    for key in ledger.files:
        ours = ledger.knows(key, digest_file(Path(key)))
        _judge(Path(key), ours, others, outputs, left)
    for key in ledger.legacy:
        if key in ledger.files:
            continue
        _judge(Path(key), ledger.knows(key, None), others, outputs, left, unsure=True)
    folders = [Path(f) for f in ledger.folders]
    folders += [  # made for a record deleted earlier, and holding files of this one
        Path(f)
        for home in homes
        for f in home.folders
        if any(Path(f) in p.parents for p, _ in outputs)
    ]
    _name_the_rest(record_id, outputs, left)
    if ledger.legacy:  # an older asmo made the record's own reports folder
        folders.append(Path(key_of(paths.reports_dir() / record_id)))
    return Erasure(record_id, tuple(outputs), tuple(dict.fromkeys(folders)), tuple(left))


def _name_the_rest(
    record_id: str, outputs: list[tuple[Path, str]], left: list[tuple[Path, str]]
) -> None:
    """Name what else is in the record's own reports folder: it stays, but she should know."""
    own = paths.reports_dir() / record_id
    known = {p for p, _ in outputs} | {p for p, _ in left}
    with contextlib.suppress(OSError):
        for path in sorted(own.iterdir()) if own.is_dir() and not own.is_symlink() else []:
            if Path(key_of(path)) not in known and path not in known:
                left.append((path, NOT_LISTED))


def _judge(
    path: Path,
    ours: bool,
    others: list[Ledger],
    outputs: list[tuple[Path, str]],
    left: list[tuple[Path, str]],
    *,
    unsure: bool = False,
) -> None:
    """Sort one listed path into removed, left (named), or quietly skipped."""
    if not os.path.lexists(path):
        return
    digest = digest_file(path)
    if digest is not None and any(o.knows(str(path), digest) for o in others):
        return  # asmo wrote this content for another record (the same --out): it stays theirs
    if ours and digest is not None:
        outputs.append((path, digest))
    elif digest is None:
        left.append((path, NOT_A_FILE))
    else:
        left.append((path, UNSURE if unsure else CHANGED))


def erase(plan: Erasure) -> list[Path]:
    """Remove what ``plan`` lists, then the folders asmo made when they are empty; return
    what was removed."""
    removed: list[Path] = []
    for path, digest in plan.outputs:
        if digest_file(path) != digest:  # changed since the plan (while she was asked): it stays
            continue
        _remove(path, removed)
    for path in plan.own:
        if path.is_file() and not path.is_symlink():
            _remove(path, removed)
    for folder in sorted(plan.folders, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty, or gone: leave it
            if folder.is_dir() and not folder.is_symlink():
                folder.rmdir()
                removed.append(folder)
    still = [f for f in plan.folders if f.is_dir() and not f.is_symlink()]
    gone = [f for f in plan.folders if f in removed]
    if still or gone:
        OwnedWriter(None).keep_folders(still, gone)
    return removed


def _remove(path: Path, removed: list[Path]) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        return
    except OSError as exc:
        reason = in_use_hint(path, exc) or os_reason(exc)
        raise SaveError(
            f"{path}: verwijderen mislukt ({reason}); de meting zelf is nog niet "
            "verwijderd. Los dit op en probeer het opnieuw: wat al weg is, blijft weg"
        ) from None
    removed.append(path)


def delete_record(record_id: str) -> list[Path]:
    """Erase a record (the caller holds its lock); return what was removed."""
    return erase(plan_erase(record_id))
