"""The lists of what asmo wrote (*ledgers*): their format, and reading them with suspicion.

``<records>/<id>.files`` for the files of a record, ``<home>/written.json`` for files that
belong to no record. Format 2:

    {"format_version": 2, "files": {"/pad/rapport.md": ["sha256:…"]}, "folders": ["/pad"]}

A list is read only as a regular file of the user's own (no link, no folder), with exactly
the types asmo writes; anything else is reported as its ``problem``, never trusted. Lists of
an older asmo are plain JSON lists of paths (``legacy``): their files count as asmo's only in
the record's own reports folder, which asmo made. What is done with the lists is in
storage/owned.py (writing) and storage/erase.py (deleting).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from asmo_cli.core.errors import os_reason
from asmo_cli.storage import paths
from asmo_cli.storage.files import write_private
from asmo_cli.storage.jsonio import JsonProblem, load_json

LEDGER_FORMAT = 2  # format 1 (an older asmo): a JSON list of paths
MAX_LEDGER_BYTES = 5_000_000
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
    ledger.problem = _untrusted(info) or _load(ledger, path)
    return ledger


def _untrusted(info: os.stat_result) -> str | None:
    """Why a file with this status is not read as a list: no regular file, not hers, or far
    larger than asmo writes; None when it may be read."""
    if not stat.S_ISREG(info.st_mode):
        return "is geen gewoon bestand (maar bijvoorbeeld een map of een link)"
    if hasattr(os, "getuid") and info.st_uid != os.getuid():
        return "is niet van jou"
    if info.st_size > MAX_LEDGER_BYTES:
        return "is veel groter dan asmo ooit schrijft"
    return None


def _load(ledger: Ledger, path: Path) -> str | None:
    """Read the list at ``path`` (never through a link) into ``ledger``; why it could not be
    read or is not asmo's, or None."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        with os.fdopen(fd, "rb") as handle:
            data = load_json(handle.read(MAX_LEDGER_BYTES + 1))
    except OSError as exc:
        return f"kan de lijst niet lezen ({os_reason(exc)})"
    except JsonProblem:
        return "is beschadigd (geen lijst van asmo)"
    if isinstance(data, list):
        ledger.legacy = [p for p in data if isinstance(p, str)]
        return None
    if not isinstance(data, dict) or data.get("format_version") != LEDGER_FORMAT:
        return "is beschadigd (geen lijst van asmo)"
    files, folders = data.get("files"), data.get("folders")
    legacy = data.get("legacy", [])
    if not _is_ledger(files, folders, legacy):
        return "is beschadigd (niet zoals asmo het schrijft)"
    assert isinstance(files, dict) and isinstance(folders, list)  # for the type checker
    ledger.files = {k: list(v) for k, v in files.items()}
    ledger.folders, ledger.legacy = list(folders), list(legacy)
    return None


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
