"""The one exception family for problems a user can fix, and the exit codes."""

from __future__ import annotations

import errno

EXIT_PROBLEM = 1
EXIT_INTERRUPTED = 130


class AsmoError(Exception):
    """A problem the user can fix; the message is one or more Dutch lines."""

    def __init__(self, message: str, *, details: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.message = message
        self.details = details


class CatalogueError(AsmoError):
    """The catalogue files (tasks, roles, competencies) are missing or invalid."""

    def __init__(self, problems: list[str]) -> None:
        first = problems[0] if problems else "onbekende fout in de catalogus"
        super().__init__(first, details=tuple(problems[1:]))
        self.problems = problems


class RecordError(AsmoError):
    """A saved assessment or an answers file cannot be read or used."""


class SaveError(AsmoError):
    """Writing a file failed; what was saved before is intact."""


_REASONS = {
    errno.ENOENT: "bestaat niet",
    errno.EEXIST: "bestaat al",
    errno.ENOTDIR: "een deel van het pad is geen map maar een bestand",
    errno.EISDIR: "is een map, geen bestand",
    errno.EACCES: "geen toestemming",
    errno.EPERM: "geen toestemming",
    errno.ENOSPC: "de schijf is vol",
    getattr(errno, "EDQUOT", -1): "je schijfruimte (quota) is op",
    errno.EFBIG: "het bestand wordt groter dan de ingestelde limiet voor bestandsgrootte",
    errno.EROFS: "de schijf is alleen-lezen",
    errno.ENAMETOOLONG: "de naam of het pad is te lang",
    errno.ELOOP: "te veel symbolische links in het pad",
    errno.EIO: "lees- of schrijffout van de schijf",
    errno.EBUSY: "het bestand is in gebruik",
    errno.EXDEV: "ligt op een andere schijf",
}


def os_reason(exc: OSError) -> str:
    """Return a Dutch phrase for an OS error (never its English text)."""
    return _REASONS.get(exc.errno or 0, f"systeemfout {exc.errno}" if exc.errno else "systeemfout")
