"""What asmo wrote: it replaces and deletes only its own files, never one of hers.

For every file asmo writes it records the path and a hash of the content, before the file is
placed, in a list (a *ledger*): ``<records>/<id>.files`` for the files of a record (under the
record's lock), ``<home>/written.json`` for files that belong to no record (``team --out``,
``history --plot``, a report of a record file outside asmo's folder; under ``written.lock``).
A path may carry several hashes: a placement that failed never makes asmo's own earlier file
look like somebody else's. After a placement the path keeps the one hash of what is there now.

- A target that already holds a file is replaced only when a ledger knows that content at
  that path (asmo wrote it, for this record or another); otherwise nothing is written.
- ``asmo delete`` removes a file only while its content still matches a hash in the record's
  ledger (and no other record's ledger claims it), and a folder only when asmo created it
  and it is empty.
- Ledgers are read only as regular files of the user's own (no link, no folder).
- Lists of an older asmo are plain lists of paths without hashes: their files count as asmo's
  only inside the record's own reports folder, which asmo made.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from asmo_cli.core.errors import AsmoError, SaveError
from asmo_cli.storage import paths
from asmo_cli.storage.files import ensure_dir, tighten, write_private
from asmo_cli.storage.ledger import (
    Ledger,
    all_ledgers,
    digest_file,
    digest_of,
    key_of,
    read_ledger,
    save_ledger,
)
from asmo_cli.storage.locks import WRITE_WAIT_SECONDS, FileMutex


def foreign(targets: Sequence[Path]) -> list[Path]:
    """The targets that hold something asmo did not write (a file, a link, a folder)."""
    ledgers = all_ledgers()
    found: list[Path] = []
    for target in targets:
        if not os.path.lexists(target):
            continue
        digest = digest_file(target)
        key = key_of(target)
        if digest is None or not any(ledger.knows(key, digest) for ledger in ledgers):
            found.append(target)
    return found


def refuse_foreign(targets: Sequence[Path]) -> None:
    """Raise (writing nothing) when any target holds a file that asmo did not write."""
    theirs = foreign(targets)
    if not theirs:
        return
    folders = {p.parent for p in theirs}
    if len(folders) == 1:
        names = " en ".join(", ".join(p.name for p in theirs).rsplit(", ", 1))
        where = f"in {next(iter(folders))} staan al {names}"
    else:
        where = "deze bestanden bestaan al: " + ", ".join(str(p) for p in theirs)
    raise AsmoError(
        f"asmo heeft niets geschreven: {where}, die niet door asmo zijn gemaakt (of die daarna "
        "zijn gewijzigd), en asmo overschrijft ze niet. Kies met --out een andere map, of "
        "verplaats die bestanden eerst"
    )


class OwnedWriter:
    """Writes the files of one command for one owner: checked, recorded, then placed.

    Each step that changes the ledger or places files takes the owner's lock (the record's
    lock, waiting for another run of it and refusing when the record was deleted meanwhile;
    for asmo's home ``written.lock``) just for that step, so that rendering a document never
    keeps ``asmo delete`` or another report waiting. ``has_lock``: the caller holds the
    record's lock already (``asmo hours``, which changes the record itself).
    """

    def __init__(self, owner: str | None, *, has_lock: bool = False) -> None:
        self.owner = owner
        self.has_lock = has_lock

    def check(self, targets: Sequence[Path]) -> None:
        """Refuse, before any work, targets that hold a file asmo did not write (and a list of
        written files that cannot be trusted)."""
        self._ledger()
        refuse_foreign(targets)

    def keep_folders(self, folders: Sequence[Path], gone: Sequence[Path] = ()) -> None:
        """Go on knowing ``folders`` as asmo's (a deleted record made them; others' files are
        still in them), so that the last delete removes them once empty; forget ``gone``."""
        with self._ledger_lock():
            ledger = self._ledger()
            forget = {key_of(f) for f in gone}
            kept = [k for k in ledger.folders if k not in forget]
            kept += [k for f in folders if (k := key_of(f)) not in kept]
            if kept != ledger.folders:
                ledger.folders = kept
                save_ledger(ledger)

    def write_all(self, items: Sequence[tuple[Path, str | bytes]]) -> list[Path]:
        """Check the targets again, make their folders (0700, noted for delete), record every
        hash, place the files; return their paths."""
        raws = [(p, d.encode("utf-8") if isinstance(d, str) else d) for p, d in items]
        with self._ledger_lock():
            self.check([p for p, _ in raws])
            ledger = self._ledger()  # first: an unusable list stops before any folder is made
            for parent in dict.fromkeys(p.parent for p, _ in raws):
                made = [key_of(f) for f in ensure_dir(parent)]
                ledger.folders += [k for k in made if k not in ledger.folders]
            for path, raw in raws:
                known = ledger.files.setdefault(key_of(path), [])
                if (digest := digest_of(raw)) not in known:
                    known.append(digest)
            save_ledger(ledger)
            for path, raw in raws:
                write_private(path, raw)
            for path, raw in raws:
                ledger.files[key_of(path)] = [digest_of(raw)]
            save_ledger(ledger)
        return [p for p, _ in raws]

    def _ledger(self) -> Ledger:
        ledger = read_ledger(self.owner)
        if ledger.problem:
            raise SaveError(
                f"{ledger.path}: {ledger.problem}; in deze lijst houdt asmo bij welke bestanden "
                "het schreef. Verplaats of verwijder dat bestand en probeer het opnieuw"
            )
        return ledger

    @contextmanager
    def _ledger_lock(self) -> Iterator[None]:
        if self.owner is not None:
            if self.has_lock:
                yield
                return
            from asmo_cli.storage.store import lock_for_writing

            with lock_for_writing(self.owner):
                yield
            return
        tighten(paths.home_dir())
        mutex = FileMutex(paths.home_dir() / "written.lock")
        if not mutex.acquire(WRITE_WAIT_SECONDS):
            raise SaveError(
                "een ander asmo-venster schrijft nu ook bestanden; probeer het zo opnieuw"
            )
        try:
            yield
        finally:
            mutex.release()
