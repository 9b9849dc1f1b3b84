"""Small typed readers that collect Dutch problem lines instead of raising at the first."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_TYPE_NAMES = {str: "tekst", list: "een lijst", dict: "een mapping (sleutel: waarde)"}


MAX_NAME_CHARS = 200  # a person's name, a role, area, activity or level name, a label
MAX_DESCRIPTION_CHARS = 1000
LONG_TEXT_FIELDS = frozenset({"description", "summary"})


class Problems:
    """Collect problem lines for one file, each naming the file and the item."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.lines: list[str] = []

    def add(self, item: str, message: str) -> None:
        prefix = f"{self.file}: {item}: " if item else f"{self.file}: "
        self.lines.append(prefix + message)

    def mapping(self, value: Any, item: str, what: str) -> dict[str, Any] | None:
        if isinstance(value, dict):
            return value
        self.add(item, f"{what} moet {_TYPE_NAMES[dict]} zijn, niet {describe(value)}")
        return None

    def sequence(self, value: Any, item: str, what: str) -> list[Any] | None:
        if isinstance(value, list):
            return value
        self.add(item, f"{what} moet {_TYPE_NAMES[list]} zijn, niet {describe(value)}")
        return None

    def entries(
        self, data: Mapping[str, Any], key: str, kind: str, what: str
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        """Yield (item label, mapping) for each entry of the list ``data[key]``."""
        if key not in data:
            return
        raw_list = self.sequence(data.get(key), "", f"'{key}'")
        for i, raw in enumerate(raw_list or []):
            item = label(raw, i, kind)
            obj = self.mapping(raw, item, what)
            if obj is not None:
                yield item, obj

    def fields(
        self,
        obj: Mapping[str, Any],
        item: str,
        required: Iterable[str],
        optional: Iterable[str] = (),
    ) -> bool:
        """Report missing and unknown fields; return True when all required ones are there."""
        required = tuple(required)
        allowed = set(required) | set(optional)
        complete = True
        for key in required:
            if key not in obj or obj[key] is None:
                missing = "ontbreekt" if key not in obj else "is leeg (null)"
                self.add(item, f"verplicht veld '{key}' {missing}")
                complete = False
        for key in obj:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add(item, f"onbekend veld '{key}' (toegestaan: {known})")
        return complete

    def text(self, obj: Mapping[str, Any], key: str, item: str) -> str | None:
        """A non-empty text field; a name or label at most 200 characters, any other text
        (a description, a summary) at most 1 000: longer ones make unreadable documents."""
        value = obj.get(key)
        limit = MAX_DESCRIPTION_CHARS if key in LONG_TEXT_FIELDS else MAX_NAME_CHARS
        if isinstance(value, str) and len(value.strip()) > limit:
            self.add(item, f"veld '{key}' is langer dan {limit} tekens; maak het korter")
            return None
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, str):
            self.add(item, f"veld '{key}' is leeg")
        elif value is not None:
            self.add(item, f"veld '{key}' moet tekst zijn, niet {describe(value)}")
        return None

    def slug(self, obj: Mapping[str, Any], key: str, item: str) -> str | None:
        value = obj.get(key)
        if isinstance(value, bool) or not isinstance(value, str | int):
            if value is not None:
                self.add(item, f"veld '{key}' moet tekst zijn, niet {describe(value)}")
            return None
        text = str(value)
        if not SLUG.match(text):
            self.add(
                item,
                f"'{text}' is geen geldige id; gebruik kleine letters, cijfers en streepjes "
                "(bijvoorbeeld 'bewaken-afspraken')",
            )
            return None
        return text

    def number(self, value: Any, item: str, what: str) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.add(item, f"{what} moet een getal zijn, niet {describe(value)}")
            return None
        if not math.isfinite(value):
            self.add(item, f"{what} moet een eindig getal zijn")
            return None
        return float(value)

    def id_list(
        self, value: Any, item: str, key: str, what: str, known: Collection[str] | None
    ) -> tuple[str, ...] | None:
        """Check a list of ids against the known ones (None: not checkable yet)."""
        if value is None:
            return None
        raw_list = self.sequence(value, item, f"'{key}'")
        if raw_list is None:
            return None
        ok = True
        for ident in raw_list:
            if not isinstance(ident, str):
                self.add(item, f"{what} moet een id (tekst) zijn, niet {describe(ident)}")
                ok = False
            elif known is not None and ident not in known:
                self.add(item, f"onbekende {what} '{ident}' in {key}")
                ok = False
        return tuple(raw_list) if ok else None

    def unique(self, ids: Iterable[str], item_kind: str) -> None:
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                self.add(
                    f"{item_kind} '{ident}'", "deze id komt meer dan eens voor; maak hem uniek"
                )
            seen.add(ident)


def raise_problems(problems: Sequence[str], error: Callable[..., Exception]) -> None:
    """Raise ``error`` with every problem line (the first as message), if there are any.

    The one way every reader reports: it collects Dutch "file: item: problem" lines, and
    raises once at the end, so the user sees all problems at once.
    """
    if problems:
        raise error(problems[0], details=tuple(problems[1:]))


def describe(value: Any) -> str:
    """Name a YAML value's type in plain Dutch (never a Python repr)."""
    if value is None:
        return "leeg"
    if isinstance(value, datetime | date):
        return f"een datum ({value.isoformat()})"
    if isinstance(value, bool):
        return f"ja/nee ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"een getal ({value})"
    if isinstance(value, str):
        return f"tekst ('{_short(value)}')"
    if isinstance(value, list):
        return "een lijst"
    if isinstance(value, dict):
        return "een mapping"
    return "een onbekende waarde"


def shown(value: Any) -> str:
    """Quote a key or id for a message: text as '…', anything else described."""
    if isinstance(value, str):
        return f"'{_short(value)}'"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"'{value}'"
    return describe(value)


def _short(text: str, limit: int = 80) -> str:
    text = "".join(ch if ch.isprintable() else " " for ch in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def label(obj: Any, index: int, kind: str) -> str:
    """Name a list entry by its id when it has one, else by its position."""
    if isinstance(obj, dict):
        ident = obj.get("id")
        if isinstance(ident, str | int) and not isinstance(ident, bool) and str(ident):
            return f"{kind} '{ident}'"
    return f"{kind} {index + 1}"


def version_problem(value: Any, key: str = "version") -> str | None:
    """Why a version value cannot be used (None: it can). A number with a decimal point is
    refused: YAML reads 2026.10 as 2026.1, another version."""
    example = f'{key}: "2026.3"'
    if isinstance(value, float):
        return (
            f"zet '{key}' tussen aanhalingstekens ({example}): zonder leest YAML {value!r} als "
            "getal, en 2026.10 wordt dan 2026.1"
        )
    if isinstance(value, bool) or not isinstance(value, str | int):
        return f"'{key}' moet tekst zijn, niet {describe(value)}"
    if not str(value).strip():
        return f"'{key}' is leeg; geef een versie, zoals {example}"
    return None


def file_version(data: dict[str, Any], p: Problems) -> str:
    """Return the file's 'version' as text; a problem line when it is missing or not text."""
    value = data.get("version")
    if value is None:
        p.add("", "verplicht veld 'version' ontbreekt (bijvoorbeeld version: \"1\")")
        return ""
    if problem := version_problem(value):
        p.add("", problem)
        return ""
    return str(value)
