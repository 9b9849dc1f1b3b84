"""Make one document in a second process while this one goes on with the others.

``asmo report`` spends most of its time in two independent pieces of work: matplotlib for
the radar image, fpdf2 for ``rapport.pdf``. On Linux the PDF is forked: the child inherits the
loaded modules and the result, renders the bytes, hands them back through a pipe and exits,
while the parent draws the charts. The child writes no file: the parent places every file
itself, after recording it as asmo's (storage/owned.py). Where fork is not available, when
other threads run (a fork copies only this one), or when the child fails for any reason, the
parent does the work itself, so the outcome is the same either way (the bytes, or the Dutch
error about them); only the time differs.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.process import BaseProcess

WAIT_SECONDS = 300.0  # a child that takes longer is stopped, and the work done here


def _run_quietly(work: Callable[[], bytes], pipe: int) -> None:
    """The child's whole life: do the work, send the bytes, exit 0 only when it worked."""
    try:
        data = memoryview(work())
        while data:
            data = data[os.write(pipe, data) :]
        os.close(pipe)
    except BaseException:  # any failure: the parent does the work again and reports it
        os._exit(1)
    os._exit(0)


def can_fork() -> bool:
    """True where a fork is safe to use here: Linux, and no other thread running."""
    return (
        sys.platform == "linux"
        and threading.active_count() == 1
        and os.environ.get("ASMO_NO_FORK") != "1"
    )


class Alongside:
    """Start ``work`` in a child process now; ``finish()`` returns its bytes (or does it here)."""

    def __init__(self, work: Callable[[], bytes]) -> None:
        self._work = work
        self._process: BaseProcess | None = None
        self._pipe: int | None = None
        if can_fork():
            import multiprocessing

            read, write = os.pipe()
            process = multiprocessing.get_context("fork").Process(
                target=_run_quietly, args=(work, write), daemon=True
            )
            try:
                process.start()
            except OSError:  # no processes left: do the work here, at the end
                os.close(read)
                return
            finally:
                os.close(write)
            self._process, self._pipe = process, read

    @property
    def forked(self) -> bool:
        return self._process is not None

    def wait(self) -> bytes | None:
        """Wait for the child (if any); its bytes when it did the work."""
        process, pipe = self._process, self._pipe
        if process is None or pipe is None:
            return None
        self._pipe = None
        chunks: list[bytes] = []
        try:
            with os.fdopen(pipe, "rb") as handle:  # read first: a full pipe blocks the child
                chunks.append(handle.read())
        except OSError:
            chunks = []
        process.join(WAIT_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()
        return b"".join(chunks) if process.exitcode == 0 and chunks else None

    def finish(self) -> bytes:
        """Wait for the child; when it did not succeed, do the work here."""
        made = self.wait()
        return made if made is not None else self._work()
