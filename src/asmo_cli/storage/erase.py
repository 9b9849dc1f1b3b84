"""What asmo wrote for a record, and erasing a record with everything asmo stored for it.

Beside ``<id>.yaml`` asmo keeps ``<id>.files``: the paths of the reports, plans, hours
documents and feedback invitations it wrote for that record, so that ``asmo delete`` can
remove exactly those, and never anything else; and ``<id>.feedback.json``, the feedback of
others (storage/feedback.py), which ``asmo delete`` removes too.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterable
from pathlib import Path

from asmo_cli.core.errors import SaveError
from asmo_cli.storage import paths
from asmo_cli.storage.feedback import STORE_SUFFIX
from asmo_cli.storage.files import os_reason, write_private


def _list_path(record_id: str) -> Path:
    return paths.records_dir() / f"{record_id}.files"


def written_files(record_id: str) -> list[Path]:
    """Return the files asmo recorded writing for a record (that still exist or not)."""
    try:
        data = json.loads(_list_path(record_id).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [Path(p) for p in data if isinstance(p, str)] if isinstance(data, list) else []


def remember_written(record_id: str, written: Iterable[Path]) -> None:
    """Add files written for a record to its list (absolute paths, each once).

    A file now written for this record no longer belongs to another one (the same --out
    for two records): it leaves their lists, so that deleting them never removes it.
    """
    texts = [str(path.resolve()) for path in written]
    known = [str(p) for p in written_files(record_id)]
    known += [text for text in dict.fromkeys(texts) if text not in known]
    write_private(_list_path(record_id), json.dumps(known, ensure_ascii=False, indent=1) + "\n")
    for other in paths.records_dir().glob("*.files"):
        other_id = other.name.removesuffix(".files")
        if other_id == record_id:
            continue
        theirs = [str(p) for p in written_files(other_id)]
        kept = [text for text in theirs if text not in texts]
        if len(kept) < len(theirs):
            write_private(other, json.dumps(kept, ensure_ascii=False, indent=1) + "\n")


def delete_record(record_id: str) -> list[Path]:
    """Remove a record, its lock, list and feedback, the files asmo wrote for it, and their
    folders when these are then empty. Return what was removed."""
    folder = paths.records_dir()
    suffixes = (
        STORE_SUFFIX,
        ".yaml",
        ".lock",
        ".files",
    )  # feedback first: never left behind without its record
    own = [folder / f"{record_id}{suffix}" for suffix in suffixes]
    outputs = written_files(record_id)
    removed: list[Path] = []
    for path in [*outputs, *own]:
        try:
            if path.is_file() and not path.is_symlink():
                path.unlink()
                removed.append(path)
        except OSError as exc:
            raise SaveError(f"{path}: verwijderen mislukt ({os_reason(exc)})") from None
    for parent in sorted({p.parent for p in outputs}, key=lambda p: len(p.parts), reverse=True):
        with contextlib.suppress(OSError):  # not empty, or not ours to remove: leave it
            parent.rmdir()
            removed.append(parent)
    return removed
