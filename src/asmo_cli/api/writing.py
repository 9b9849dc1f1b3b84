"""Writing a record's files: where they go, under its lock, and what a failure says."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from asmo_cli.core.errors import SaveError
from asmo_cli.core.record import Record
from asmo_cli.storage import paths
from asmo_cli.storage.files import check_path_length
from asmo_cli.storage.owned import OwnedWriter
from asmo_cli.storage.store import is_stored, lock_for_writing


@dataclass(frozen=True)
class Written:
    paths: tuple[Path, ...]
    warnings: tuple[str, ...]


def default_out_dir(record: Record) -> Path:
    """Return the record's report folder under asmo's reports folder."""
    return paths.reports_dir() / record.id


def target_dir(out: Path | None, record: Record) -> Path:
    """Return the folder for a record's files (made only when they are written)."""
    folder = out or default_out_dir(record)
    check_path_length(folder, "pad")
    return folder


@contextmanager
def writing_for(record: Record, *, hold: bool = False) -> Iterator[OwnedWriter]:
    """The writer that records each file for a record as asmo's before placing it, under the
    record's lock (when it is the record in asmo's own folder; a record file elsewhere has
    what asmo writes for it noted in asmo's home). ``hold``: keep the record's lock for the
    whole block (the command changes the record itself), instead of only while placing."""
    paths.settle_matplotlib_dir()
    if not is_stored(record):
        yield OwnedWriter(None)
    elif hold:
        with lock_for_writing(record.id):
            yield OwnedWriter(record.id, has_lock=True)
    else:
        yield OwnedWriter(record.id)


@contextmanager
def record_is_safe(record: Record) -> Iterator[None]:
    """Add to a failed write of a report that the record itself is safe."""
    try:
        yield
    except SaveError as exc:
        raise SaveError(
            f"{exc.message}. Je meting {record.id} zelf is veilig bewaard en niet veranderd",
            details=exc.details,
        ) from None
