"""Read YAML safely (never constructing objects) and turn its errors into Dutch lines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

try:  # the C loader is much faster; fall back to the pure-Python one where it is absent
    _Loader: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Loader = yaml.SafeLoader


class YamlProblem(Exception):
    """A file could not be read as YAML; ``message`` is Dutch and names the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _where(mark: Any) -> str:
    if mark is None:
        return ""
    return f"regel {mark.line + 1}, kolom {mark.column + 1}: "


def read_yaml(path: Path, *, label: str | None = None, allow_empty: bool = False) -> Any:
    """Return the parsed content of ``path``, or raise YamlProblem with a Dutch message."""
    name = label or path.name
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlProblem(f"{name}: bestand niet gevonden ({path})") from None
    except IsADirectoryError:
        raise YamlProblem(f"{name}: dit is een map, geen bestand ({path})") from None
    except OSError as exc:
        raise YamlProblem(f"{name}: kan het bestand niet lezen ({exc.strerror})") from None
    return parse_yaml(raw, name, allow_empty=allow_empty)


def parse_yaml(raw: bytes, name: str, *, allow_empty: bool = False) -> Any:
    """Parse YAML bytes; ``name`` is used in the messages."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(
            f"{name}: het bestand is geen UTF-8-tekst (byte {exc.start + 1}); sla het op als UTF-8"
        ) from None
    if not text.strip() and not allow_empty:
        raise YamlProblem(f"{name}: het bestand is leeg")
    try:
        data = yaml.load(text, Loader=_Loader)
    except yaml.constructor.ConstructorError as exc:
        tag = ""
        if exc.problem and "tag" in exc.problem:
            tag = exc.problem.split("tag", 1)[1].strip(" '")
        raise YamlProblem(
            f"{name}: {_where(exc.problem_mark)}de YAML-tag {tag!r} wordt geweigerd; "
            "gebruik gewone tekst, getallen, lijsten en mappings"
        ) from None
    except yaml.MarkedYAMLError as exc:
        detail = f" ({exc.problem})" if exc.problem else ""
        raise YamlProblem(
            f"{name}: {_where(exc.problem_mark)}ongeldige YAML{detail}; "
            "controleer inspringing, dubbele punten en aanhalingstekens"
        ) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(f"{name}: ongeldige YAML ({exc})") from None
    if data is None and not allow_empty:
        raise YamlProblem(f"{name}: het bestand is leeg")
    return data
