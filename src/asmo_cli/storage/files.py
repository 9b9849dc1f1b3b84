"""Every file asmo reads from a user or writes: private, atomic, bounded, in Dutch.

- ``write_private``: the one writer. A temporary file in the target's folder, fsync, rename;
  mode 0600. The previous file survives any failure and no temporary file is left behind.
- ``ensure_dir``: folders asmo creates are 0700; folders that exist keep their mode, except
  asmo's own home and records folder (``tighten``).
- ``read_input``: a user's file is read only when it is a regular file under a size limit.
- ``os_reason``: an OS error as a Dutch phrase, never the English library text.

Portable: the private mode is set where the system has one (``os.fchmod`` is missing on
Windows before Python 3.13, where the file's rights come from the user's profile folder); a
new file is placed with a hard link where the file system has them and otherwise by a
rename that never replaces (Windows) or by reserving the name first (FAT, exFAT, some
network shares). CONTRIBUTING lists every such call and what happens on each system.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
from pathlib import Path

from asmo_cli.core.errors import AsmoError, SaveError, os_reason

MAX_INPUT_BYTES = 1_000_000  # answers, hours, records, catalogue files and scores.json
MAX_PATH_CHARS = 1024
FILE_MODE = 0o600
DIR_MODE = 0o700


def check_path_length(path: Path | str, what: str = "pad") -> None:
    """Refuse a path that no file system would accept, before touching it."""
    text = str(path)
    if len(text) > MAX_PATH_CHARS or any(len(part) > 255 for part in Path(text).parts):
        raise AsmoError(
            f"{text[:60]}…: dit {what} is te lang (meer dan {MAX_PATH_CHARS} tekens of een deel "
            "langer dan 255); kies een korter pad"
        )


def is_file(path: Path) -> bool:
    """``Path.is_file`` that answers False instead of raising for impossible paths."""
    try:
        return path.is_file()
    except (OSError, ValueError):
        return False


def ensure_dir(path: Path) -> list[Path]:
    """Create ``path`` and any missing parents with mode 0700; existing folders are left as is.

    Return the folders this call created, outermost first.
    """
    missing: list[Path] = []
    created: list[Path] = []
    current = path
    try:
        while not current.exists():
            missing.append(current)
            if current.parent == current:
                break
            current = current.parent
        if not current.is_dir():
            raise SaveError(f"{current}: is geen map; kies een andere map") from None
        for folder in reversed(missing):
            try:
                folder.mkdir(mode=DIR_MODE)
            except FileExistsError:  # another asmo made it just now (or a file is there)
                if not folder.is_dir():
                    raise SaveError(
                        f"{folder}: er staat al een bestand met die naam; kies een map"
                    ) from None
                continue
            created.append(folder)
            folder.chmod(DIR_MODE)  # mkdir's mode is masked by the umask; be exact
    except PermissionError as exc:  # often a folder above it that exists but may not be opened
        raise SaveError(
            f"{path}: asmo mag deze map of een map erboven niet openen of er niet in schrijven "
            f"({os_reason(exc)}); controleer de rechten van die map, of kies met ASMO_HOME een "
            "andere plek"
        ) from None
    except OSError as exc:
        raise SaveError(f"{path}: map maken mislukt ({os_reason(exc)})") from None
    return created


def tighten(path: Path) -> None:
    """Make one of asmo's own folders private, creating it (0700) when it is missing.

    Only takes rights away from others (never adds any), and leaves a shared folder (one with
    the sticky bit, such as /tmp) alone.
    """
    ensure_dir(path)
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077 and not mode & stat.S_ISVTX:
            path.chmod(mode & ~0o077)


def write_private(path: Path, data: str | bytes) -> None:
    """Write ``data`` to ``path`` atomically with mode 0600 (folders made as by ensure_dir).

    The previous file stays byte-identical when anything fails; no temporary file remains.
    """
    check_path_length(path, "bestandspad")
    _place(path, data, replace=True)


def create_private(path: Path, data: str | bytes) -> bool:
    """Write a new file atomically, never replacing one; False when ``path`` already exists.

    The content goes to a temporary file first and is linked to its final name only when
    complete, so nobody ever sees a half-written file.
    """
    return _place(path, data, replace=False)


def _place(path: Path, data: str | bytes, *, replace: bool) -> bool:
    """Write a complete temporary file beside ``path`` (0600, fsync), then rename or link it."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    ensure_dir(path.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise SaveError(_save_message(path, exc)) from None
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as handle:
            _make_private(handle.fileno(), tmp)
            handle.write(raw)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            tmp.replace(path)
        elif not _place_new(tmp, path):
            return False
        _sync_dir(path.parent)
        return True
    except OSError as exc:
        raise SaveError(_save_message(path, exc)) from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def _make_private(fd: int, path: Path) -> None:
    """Mode 0600 on an open file: through the descriptor where the system allows it."""
    fchmod = getattr(os, "fchmod", None)  # Windows has it only from Python 3.13
    if fchmod is not None:
        fchmod(fd, FILE_MODE)
    else:
        with contextlib.suppress(OSError, NotImplementedError):
            path.chmod(FILE_MODE)


def _place_new(tmp: Path, path: Path) -> bool:
    """Give the complete file ``tmp`` the name ``path`` unless that name exists (False).

    A hard link where the file system has them (the name appears complete or not at all);
    otherwise, on Windows, a rename (which never replaces there), and elsewhere the name is
    reserved as an empty file first and then replaced by the complete one.
    """
    link = getattr(os, "link", None)
    if link is not None:
        try:
            link(tmp, path)
            return True
        except FileExistsError:
            return False
        except OSError:
            pass  # FAT, exFAT or a share without hard links: place it another way
    if os.name == "nt":
        try:
            tmp.rename(path)
        except FileExistsError:
            return False
        return True
    try:
        reserved = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        return False
    os.close(reserved)
    tmp.replace(path)
    return True


def _sync_dir(folder: Path) -> None:
    """Make a rename durable (where the platform allows opening folders)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _save_message(path: Path, exc: OSError) -> str:
    return f"{path}: opslaan mislukt ({_save_reason(path, exc)}); de vorige versie is onaangetast"


def _save_reason(path: Path, exc: OSError) -> str:
    hint = in_use_hint(path, exc)
    return f"het bestand kon niet worden vervangen; {hint}" if hint else os_reason(exc)


IN_USE = "is het bestand open in een ander programma? Sluit het daar en probeer het opnieuw"
# Windows refuses to replace or remove a file that another program has open; POSIX does not
OPEN_FILES_ARE_LOCKED = os.name == "nt"


def in_use_hint(path: Path, exc: OSError) -> str | None:
    """The likely cause when an existing file could not be replaced or removed although its
    folder may be written: on Windows a file that is open in another program (a PDF reader,
    Word) cannot be. None elsewhere, or when the error says something else."""
    if not OPEN_FILES_ARE_LOCKED or not isinstance(exc, PermissionError):
        return None
    try:
        refused_by_file = path.is_file() and os.access(path.parent, os.W_OK)
    except (OSError, ValueError):
        return None
    return IN_USE if refused_by_file else None


def read_input(path: Path, name: str, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """Return the bytes of a regular file of at most ``limit`` bytes; AsmoError otherwise.

    Never blocks on a FIFO or reads a device: the file's kind is checked before it is opened,
    and opened without blocking.
    """
    check_path_length(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise AsmoError(f"{name}: {_read_reason(exc)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise AsmoError(f"{name}: dit is een map, geen bestand")
    if not stat.S_ISREG(info.st_mode):
        raise AsmoError(
            f"{name}: dit is geen gewoon bestand (maar bijvoorbeeld een apparaat of pijp); "
            "geef een YAML- of JSON-bestand"
        )
    if info.st_size > limit:
        raise AsmoError(f"{name}: {_too_big(limit)}")
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise AsmoError(f"{name}: dit is geen gewoon bestand")
            raw = handle.read(limit + 1)
    except OSError as exc:
        raise AsmoError(f"{name}: {_read_reason(exc)}") from None
    if len(raw) > limit:
        raise AsmoError(f"{name}: {_too_big(limit)}")
    return raw


def _read_reason(exc: OSError) -> str:
    if exc.errno == errno.ENOENT:
        return "bestand niet gevonden"
    return f"kan het bestand niet lezen ({os_reason(exc)})"


def _too_big(limit: int) -> str:
    size = f"{limit / 1_000_000:g}".replace(".", ",")
    return f"het bestand is groter dan {size} MB; is dit het goede bestand?"
