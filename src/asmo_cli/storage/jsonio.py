"""Reading JSON that people send asmo (a giver's answers file): strict, with Dutch errors.

Duplicate keys, NaN and Infinity, nesting too deep, numbers of thousands of digits and text
that is no text (a lone surrogate) are refused with one line naming the file.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import Any

from asmo_cli.core.checks import shown
from asmo_cli.core.errors import RecordError


class _Refused(ValueError):
    """JSON that Python would take but asmo does not; the text is Dutch."""


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result = dict(pairs)
    if len(result) < len(pairs):
        twice = next(k for k, n in Counter(k for k, _ in pairs).items() if n > 1)
        raise _Refused(f"het veld {shown(twice)} staat er twee keer in")
    return result


def _constant(name: str) -> Any:
    raise _Refused(f"{name} is geen getal in JSON; gebruik een heel getal 1 tot en met 5")


def parse_json(raw: bytes, where: str) -> Any:
    """Parse JSON bytes (a byte order mark and surrounding whitespace are fine); Dutch errors."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RecordError(
            f"{where}: het bestand is geen UTF-8-tekst (byte {exc.start + 1}); sla het op als UTF-8"
        ) from None
    if not text.strip():
        raise RecordError(f"{where}: het bestand is leeg; kies het antwoordbestand van een gever")
    try:
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant)
    except _Refused as exc:
        raise RecordError(f"{where}: {exc}") from None
    except json.JSONDecodeError as exc:
        raise RecordError(
            f"{where}: regel {exc.lineno}, kolom {exc.colno}: dit is geen geldige JSON; is dit "
            "het antwoordbestand van de feedbackpagina?"
        ) from None
    except RecursionError:
        raise RecordError(f"{where}: te diep genest; dit is geen antwoordbestand") from None
    except ValueError:  # an integer of thousands of digits
        raise RecordError(
            f"{where}: een getal is veel te lang; dit is geen antwoordbestand"
        ) from None
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate such as "\ud800": no character at all
        raise RecordError(
            f"{where}: de tekst bevat een ongeldig teken; laat de gever de pagina opnieuw invullen"
        ) from None
    return data
