"""The one exception family for problems a user can fix, and the exit codes."""

from __future__ import annotations

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
