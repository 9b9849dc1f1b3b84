"""Make one file in a second process while this one goes on with the others.

``asmo report`` spends most of its time in two independent pieces of work: matplotlib for
the radar image, fpdf2 for ``rapport.pdf``. On Linux the PDF is forked: the child inherits the
loaded modules and the result, writes its file (atomically, like every file) and exits, while
the parent draws the charts; the parent then waits for it. Where fork is not available, when
other threads run (a fork copies only this one), or when the child fails for any reason, the
parent does the work itself, so the outcome is the same either way (the file, or the Dutch
error about it); only the time differs.
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


def _run_quietly(work: Callable[[], None]) -> None:
    """The child's whole life: do the work, say nothing, exit 0 only when it worked."""
    try:
        work()
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
    """Start ``work`` in a child process now; ``finish()`` waits for it (or does it here)."""

    def __init__(self, work: Callable[[], None]) -> None:
        self._work = work
        self._process: BaseProcess | None = None
        if can_fork():
            import multiprocessing

            process = multiprocessing.get_context("fork").Process(
                target=_run_quietly, args=(work,), daemon=True
            )
            try:
                process.start()
            except OSError:  # no processes left: do the work here, at the end
                return
            self._process = process

    @property
    def forked(self) -> bool:
        return self._process is not None

    def wait(self) -> bool:
        """Wait for the child (if any); True when it did the work."""
        process = self._process
        if process is None:
            return False
        process.join(WAIT_SECONDS)
        if process.is_alive():
            process.kill()
            process.join()
        return process.exitcode == 0

    def finish(self) -> None:
        """Wait for the child; when it did not succeed, do the work here."""
        if not self.wait():
            self._work()
