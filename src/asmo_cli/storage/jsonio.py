"""Reading JSON with suspicion: the one strict reader for every JSON file asmo reads.

Duplicate keys, NaN and Infinity (also a number too large to be finite), nesting too deep,
numbers of thousands of digits and text that is no text (a lone surrogate) are refused.
``load_json`` says why in a Dutch ``JsonProblem``; each reader words it for its own file
(``parse_json``: a giver's answers file, with one line naming the file).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from typing import Any

from asmo_cli.core.checks import shown
from asmo_cli.core.errors import RecordError


class JsonProblem(ValueError):
    """Bytes that are not JSON as asmo takes it. ``reason``: why, in Dutch, without the file's
    name; ``kind`` (encoding, empty, twice, number, syntax, depth, long, text) lets a reader
    add its own advice."""

    def __init__(self, kind: str, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        twice = next(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        raise JsonProblem("twice", f"het veld {shown(twice)} staat er twee keer in")
    return result


def _constant(name: str) -> Any:
    raise JsonProblem("number", f"{name} is geen getal in JSON")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e999: Infinity written as a number
        raise JsonProblem("number", "een getal is veel te groot")
    return value


def load_json(raw: bytes) -> Any:
    """Parse JSON bytes strictly (a byte order mark and surrounding whitespace are fine);
    JsonProblem saying why not."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise JsonProblem(
            "encoding",
            f"het bestand is geen UTF-8-tekst (byte {exc.start + 1}); sla het op als UTF-8",
        ) from None
    if not text.strip():
        raise JsonProblem("empty", "het bestand is leeg")
    try:
        data = json.loads(
            text, object_pairs_hook=_pairs, parse_constant=_constant, parse_float=_finite
        )
    except JsonProblem:
        raise
    except json.JSONDecodeError as exc:
        raise JsonProblem(
            "syntax", f"regel {exc.lineno}, kolom {exc.colno}: dit is geen geldige JSON"
        ) from None
    except RecursionError:
        raise JsonProblem("depth", "te diep genest") from None
    except ValueError:  # an integer of thousands of digits
        raise JsonProblem("long", "een getal is veel te lang") from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800": no character at all
        raise JsonProblem("text", "de tekst bevat een ongeldig teken") from None
    return data


# What a giver's answers file adds to a JsonProblem's reason, by kind.
_ANSWERS_ADVICE = {
    "empty": "kies het antwoordbestand van een gever",
    "number": "gebruik een heel getal 1 tot en met 5",
    "syntax": "is dit het antwoordbestand van de feedbackpagina?",
    "depth": "dit is geen antwoordbestand",
    "long": "dit is geen antwoordbestand",
    "text": "laat de gever de pagina opnieuw invullen",
}


def parse_json(raw: bytes, where: str) -> Any:
    """Parse a giver's answers file (or the feedback kept with a record) strictly; RecordError
    with one Dutch line naming ``where``."""
    try:
        return load_json(raw)
    except JsonProblem as exc:
        advice = _ANSWERS_ADVICE.get(exc.kind)
        raise RecordError(f"{where}: {exc.reason}" + (f"; {advice}" if advice else "")) from None
