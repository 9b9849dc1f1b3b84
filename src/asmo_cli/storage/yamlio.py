"""Read YAML safely (never constructing objects) and turn its errors into Dutch lines.

A key that appears twice in one mapping is an error (YAML would silently keep the last).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from asmo_cli.core.errors import AsmoError
from asmo_cli.storage.files import read_input

try:  # the C parser is much faster; fall back to the pure-Python one where it is absent
    _Base: Any = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on how PyYAML was built
    _Base = yaml.SafeLoader

_MERGE = "tag:yaml.org,2002:merge"


class _DuplicateKey(yaml.YAMLError):
    def __init__(self, key: str, line: int, first: int) -> None:
        super().__init__(key)
        self.key, self.line, self.first = key, line, first


class _Loader(_Base):  # type: ignore[misc]
    """The safe loader, refusing duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> Any:
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            if key_node.tag == _MERGE:
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: the base class names that problem
                continue
            line = key_node.start_mark.line + 1
            if first is not None:
                raise _DuplicateKey(str(key), line, first)
            seen[key] = line
        return super().construct_mapping(node, deep=deep)


class YamlProblem(Exception):
    """A file could not be read as YAML; ``message`` is Dutch and names the file."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _where(mark: Any) -> str:
    if mark is None:
        return ""
    return f"regel {mark.line + 1}, kolom {mark.column + 1}: "


def read_yaml(path: Path, *, label: str | None = None) -> Any:
    """Return the parsed content of ``path``, or raise YamlProblem with a Dutch message."""
    name = label or path.name
    try:
        raw = read_input(path, name)
    except AsmoError as exc:
        raise YamlProblem(exc.message) from None
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> Any:
    """Parse YAML bytes; ``name`` is used in the messages."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise YamlProblem(
            f"{name}: het bestand is geen UTF-8-tekst (byte {exc.start + 1}); sla het op als UTF-8"
        ) from None
    if not text.strip():
        raise YamlProblem(f"{name}: het bestand is leeg")
    try:
        data = yaml.load(text, Loader=_Loader)  # _Loader is a SafeLoader
    except _DuplicateKey as exc:
        raise YamlProblem(
            f"{name}: regel {exc.line}: de sleutel '{exc.key}' staat er twee keer in (ook op "
            f"regel {exc.first}); voeg ze samen tot één"
        ) from None
    except yaml.constructor.ConstructorError as exc:
        tag = ""
        if exc.problem and "tag" in exc.problem:
            tag = exc.problem.split("tag", 1)[1].strip(" '")
            raise YamlProblem(
                f"{name}: {_where(exc.problem_mark)}de YAML-tag '{tag}' wordt geweigerd; "
                "gebruik gewone tekst, getallen, lijsten en mappings"
            ) from None
        raise YamlProblem(
            f"{name}: {_where(exc.problem_mark)}ongeldige YAML (een lijst of mapping kan geen "
            "sleutel zijn); gebruik tekst als sleutel"
        ) from None
    except yaml.MarkedYAMLError as exc:
        raise YamlProblem(
            f"{name}: {_where(exc.problem_mark)}ongeldige YAML; "
            "controleer inspringing, dubbele punten en aanhalingstekens"
        ) from None
    except (yaml.YAMLError, RecursionError, ValueError, OverflowError):
        raise YamlProblem(f"{name}: ongeldige YAML; controleer het bestand") from None
    if data is None:
        raise YamlProblem(f"{name}: het bestand is leeg")
    return data
