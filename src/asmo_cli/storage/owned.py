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

import contextlib
import hashlib
import json
import os
import stat
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from asmo_cli.core.errors import AsmoError, SaveError
from asmo_cli.storage import paths
from asmo_cli.storage.files import ensure_dir, os_reason, tighten, write_private
from asmo_cli.storage.locks import FileMutex

LEDGER_FORMAT = 2  # format 1 (an older asmo): a JSON list of paths
MAX_LEDGER_BYTES = 5_000_000
HOME_WAIT_SECONDS = 30.0
_CHUNK = 1 << 20


@dataclass
class Ledger:
    """The files and folders asmo wrote for one owner (a record id, or None: asmo's home)."""

    owner: str | None
    files: dict[str, list[str]] = field(default_factory=dict)  # path -> known hashes
    folders: list[str] = field(default_factory=list)  # folders asmo created
    legacy: list[str] = field(default_factory=list)  # paths of an older list, without hashes
    problem: str | None = None  # why the ledger could not be read

    @property
    def path(self) -> Path:
        return ledger_path(self.owner)

    def knows(self, key: str, digest: str | None) -> bool:
        """True when asmo wrote this content at this path for this owner."""
        if digest is not None and digest in self.files.get(key, ()):
            return True
        return key in self.legacy and self.owner is not None and _in_own_folder(key, self.owner)


def ledger_path(owner: str | None) -> Path:
    if owner is None:
        return paths.home_dir() / "written.json"
    return paths.records_dir() / f"{owner}.files"


def key_of(path: Path) -> str:
    """The absolute path a ledger uses for ``path`` (its folder resolved, not its own link)."""
    try:
        return str(path.parent.resolve() / path.name)
    except (OSError, RuntimeError):
        return str(Path.cwd() / path)


def digest_of(data: bytes) -> str:
    return "sha256:" + hashlib.sha256(data).hexdigest()


def digest_file(path: Path) -> str | None:
    """The hash of a regular file (not a link); None for anything else or when unreadable."""
    try:
        info = path.lstat()
        if not stat.S_ISREG(info.st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0))
        hasher = hashlib.sha256()
        with os.fdopen(fd, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                hasher.update(chunk)
    except OSError:
        return None
    return "sha256:" + hasher.hexdigest()


def read_ledger(owner: str | None) -> Ledger:
    """Read an owner's ledger; an empty one when there is none, ``problem`` when unusable."""
    path = ledger_path(owner)
    ledger = Ledger(owner)
    try:
        info = path.lstat()
    except FileNotFoundError:
        return ledger
    except OSError as exc:
        ledger.problem = f"kan de lijst niet lezen ({os_reason(exc)})"
        return ledger
    if not stat.S_ISREG(info.st_mode):
        ledger.problem = "is geen gewoon bestand (maar bijvoorbeeld een map of een link)"
        return ledger
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        ledger.problem = "is niet van jou"
        return ledger
    if info.st_size > MAX_LEDGER_BYTES:
        ledger.problem = "is veel groter dan asmo ooit schrijft"
        return ledger
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            data = json.loads(handle.read(MAX_LEDGER_BYTES + 1).decode("utf-8"))
    except OSError as exc:
        ledger.problem = f"kan de lijst niet lezen ({os_reason(exc)})"
        return ledger
    except (ValueError, RecursionError):
        ledger.problem = "is beschadigd (geen lijst van asmo)"
        return ledger
    if isinstance(data, list):
        ledger.legacy = [p for p in data if isinstance(p, str)]
    elif isinstance(data, dict) and data.get("format_version") == LEDGER_FORMAT:
        files, folders = data.get("files"), data.get("folders")
        legacy = data.get("legacy", [])
        if _is_ledger(files, folders, legacy):
            assert isinstance(files, dict) and isinstance(folders, list)  # for the type checker
            ledger.files = {k: list(v) for k, v in files.items()}
            ledger.folders, ledger.legacy = list(folders), list(legacy)
        else:
            ledger.problem = "is beschadigd (niet zoals asmo het schrijft)"
    else:
        ledger.problem = "is beschadigd (geen lijst van asmo)"
    return ledger


def _is_ledger(files: object, folders: object, legacy: object) -> bool:
    """True when the parts of a format-2 list have exactly the types asmo writes."""
    return (
        isinstance(files, dict)
        and all(
            isinstance(k, str) and isinstance(v, list) and all(isinstance(h, str) for h in v)
            for k, v in files.items()
        )
        and isinstance(folders, list)
        and all(isinstance(f, str) for f in folders)
        and isinstance(legacy, list)
        and all(isinstance(p, str) for p in legacy)
    )


def save_ledger(ledger: Ledger) -> None:
    data = {
        "format_version": LEDGER_FORMAT,
        "files": ledger.files,
        "folders": ledger.folders,
        **({"legacy": ledger.legacy} if ledger.legacy else {}),
    }
    write_private(ledger.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def all_ledgers() -> list[Ledger]:
    """Every readable ledger: each record's and the home's."""
    owners: list[str | None] = [None]
    with contextlib.suppress(OSError):
        owners += sorted(p.name.removesuffix(".files") for p in paths.records_dir().glob("*.files"))
    return [ledger for owner in owners if (ledger := read_ledger(owner)).problem is None]


def _in_own_folder(key: str, record_id: str) -> bool:
    """True when ``key`` lies in the record's own reports folder (which asmo made)."""
    own = paths.reports_dir() / record_id
    with contextlib.suppress(OSError, RuntimeError):
        own = own.resolve()
    return Path(key).parent == own


def foreign(targets: Sequence[Path], ledgers: Sequence[Ledger] | None = None) -> list[Path]:
    """The targets that hold something asmo did not write (a file, a link, a folder)."""
    ledgers = all_ledgers() if ledgers is None else ledgers
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

    def folder(self, folder: Path) -> Path:
        """Create ``folder`` (0700) when missing and note the folders made, for delete."""
        with self._ledger_lock():
            ledger = self._ledger()  # first: an unusable list stops before any folder is made
            created = ensure_dir(folder)
            if created:
                ledger.folders += [key_of(f) for f in created if key_of(f) not in ledger.folders]
                save_ledger(ledger)
        return folder

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
        """Check the targets again, record every hash, place the files; return their paths."""
        raws = [(p, d.encode("utf-8") if isinstance(d, str) else d) for p, d in items]
        with self._ledger_lock():
            self.check([p for p, _ in raws])
            ledger = self._ledger()
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
        if not mutex.acquire(HOME_WAIT_SECONDS):
            raise SaveError(
                "een ander asmo-venster schrijft nu ook bestanden; probeer het zo opnieuw"
            )
        try:
            yield
        finally:
            mutex.release()
