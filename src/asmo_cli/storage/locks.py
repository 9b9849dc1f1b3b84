"""One kind of lock for every system: a lock file, held by one asmo run at a time.

Built on filelock (tox-dev, used by pip's own tooling, virtualenv and tox): one API on POSIX
(``flock``) and Windows (``msvcrt``). Where the file system has no OS lock (some network
shares), filelock falls back to an exclusively created lock file that names its holder's
process; a holder that crashed is recognised and its lock taken over, so it never blocks the
next run. filelock opens the lock file with ``O_NOFOLLOW``; a lock path that is a symbolic
link is refused here before that, so a lock never creates or opens a file outside asmo's
folder. filelock's English warnings (such as the fallback) never reach the user.

Two locks on the same path exclude each other even within one process (each is its own open
file), as two asmo windows do; no command takes the same lock twice.
"""

from __future__ import annotations

import contextlib
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Self

from asmo_cli.core.errors import RecordError, SaveError, os_reason
from asmo_cli.storage import paths
from asmo_cli.storage.files import FILE_MODE, tighten

if TYPE_CHECKING:
    from filelock import BaseFileLock

POLL_SECONDS = 0.05
WRITE_WAIT_SECONDS = 30.0  # how long a command waits for another run of the same record


class _Held:
    """A lock used as ``with``: released at the end of the block."""

    def release(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()


class FileMutex(_Held):
    """An exclusive lock on ``path`` (a lock file), held until ``release``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock: BaseFileLock | None = None

    def acquire(self, wait: float = 0.0, on_wait: Callable[[], None] | None = None) -> bool:
        """Take the lock, trying for ``wait`` seconds; False when another run holds it.

        ``on_wait`` is called once when the lock is not free at the first try.
        """
        with warnings.catch_warnings():  # "only soft file lock is available" (no fcntl)
            warnings.simplefilter("ignore")
            from filelock import FileLock, Timeout

        if self.path.is_symlink():
            raise SaveError(
                f"{self.path}: dit slotbestand is een snelkoppeling (symbolische link); asmo "
                "volgt die niet. Verwijder het bestand en probeer het opnieuw"
            )
        lock = FileLock(self.path, mode=FILE_MODE, thread_local=False)
        deadline = time.monotonic() + wait
        first = True
        while True:
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    lock.acquire(timeout=0, poll_interval=POLL_SECONDS)
            except Timeout:
                if time.monotonic() >= deadline:
                    return False
                if first and on_wait is not None:
                    on_wait()
                first = False
                time.sleep(POLL_SECONDS)
                continue
            except OSError as exc:
                raise SaveError(f"{self.path}: vergrendelen mislukt ({os_reason(exc)})") from None
            self._lock = lock
            return True

    def release(self) -> None:
        """Give the lock back (the operating system does so too when the process ends)."""
        lock, self._lock = self._lock, None
        if lock is not None:
            with warnings.catch_warnings(), contextlib.suppress(OSError):
                warnings.simplefilter("ignore")
                lock.release()


# --- the lock of a record -------------------------------------------------------------------


class RecordBusy(RecordError):
    """Another asmo run holds the record's lock."""


def _records_folder() -> Path:
    tighten(paths.home_dir())
    tighten(paths.records_dir())
    return paths.records_dir()


class RecordLock(_Held):
    """An exclusive lock on one record (``<id>.lock``), held until ``release`` or the end of
    the process (storage/locks.py)."""

    def __init__(self, record_id: str) -> None:
        self.record_id = record_id
        self._mutex: FileMutex | None = None

    def acquire(self, wait: float = 0.0, on_wait: Callable[[], None] | None = None) -> bool:
        """Take the lock, trying for ``wait`` seconds; False when another run holds it."""
        mutex = FileMutex(_records_folder() / f"{self.record_id}.lock")
        if not mutex.acquire(wait, on_wait):
            return False
        self._mutex = mutex
        return True

    def release(self) -> None:
        mutex, self._mutex = self._mutex, None
        if mutex is not None:
            mutex.release()

    def forget(self) -> None:
        """Remove the lock file and release it: the record is gone (deleted meanwhile)."""
        if self._mutex is not None:
            path = self._mutex.path
            with contextlib.suppress(OSError):
                if path.is_file() and not path.is_symlink():
                    path.unlink()
        self.release()


def lock_record(record_id: str, wait: float = 0.0) -> RecordLock:
    """Lock a record, trying for ``wait`` s; RecordBusy (Dutch) when it stays open elsewhere."""
    lock = RecordLock(record_id)
    if not lock.acquire(wait, on_wait=_say_waiting(record_id) if wait >= 1 else None):
        raise RecordBusy(
            f"meting {record_id} is open in een ander asmo-venster; maak het daar af of stop "
            "daar (Ctrl-C bewaart wat je invulde), en probeer het dan opnieuw"
        )
    return lock


def _say_waiting(record_id: str) -> Callable[[], None]:
    def say() -> None:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            print(
                f"Meting {record_id} is even in gebruik door een ander asmo-venster; asmo wacht "
                f"daarop (hoogstens {WRITE_WAIT_SECONDS:.0f} seconden) ...",
                file=sys.stderr,
                flush=True,
            )

    return say


def is_locked(record_id: str) -> bool:
    """True when another run holds the record's lock right now."""
    lock = RecordLock(record_id)
    if lock.acquire():
        lock.release()
        return False
    return True
