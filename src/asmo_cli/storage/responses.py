"""The responses kept with a record (``<id>.feedback.json``, storage/feedback.py) one by one:
read with the moment each was kept, and one removed again.

The moment a response was kept is an optional top-level map of the store, ``"received":
{response_id: ISO 8601 moment}``, beside ``responses``. A map at the top and not a field in a
response, because a response keeps the form of the giver's answers file (where every field
is checked and an unknown one is refused), while the store's unknown top-level keys are
left alone by every asmo that reads it. A store without the map (every store kept so far)
or with a moment that cannot be read has no moment for that response: it is still listed,
and can still be removed.

Removing is done under the record's lock, on the store as it is then (read again, never an
earlier copy), and written in one piece (0600, atomic): a response another run kept
meanwhile stays, and the response removed is the one that was asked about or none.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from asmo_cli.core.clock import as_local
from asmo_cli.core.errors import AsmoError, RecordError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.text import program
from asmo_cli.storage.feedback import MAX_STORE_BYTES, RECEIVED, feedback_path, load_feedback
from asmo_cli.storage.files import read_input, write_private
from asmo_cli.storage.jsonio import parse_json
from asmo_cli.storage.store import lock_for_writing

__all__ = ["RECEIVED", "read_responses", "remove_kept"]


def read_responses(record_id: str) -> list[tuple[FeedbackResponse, datetime | None]]:
    """Return the responses kept with a record in the order they came in, each with the moment
    it was kept (None: not known); [] when there is none."""
    responses = load_feedback(record_id)  # checked: names every problem of a damaged store
    moments: dict[str, datetime] = {}
    if responses:
        with contextlib.suppress(AsmoError):  # replaced or deleted just now: no moments then
            moments = _moments(_raw_store(record_id))
    return [(response, moments.get(response.response_id)) for response in responses]


def remove_kept(record_id: str, response: FeedbackResponse) -> int:
    """Remove one response from the store of a record, under the record's lock, as the store
    is then, and return how many responses are left; RecordError (and nothing changed) when
    that response is no longer there as it was (another run removed or replaced it)."""
    again = f"Kijk opnieuw met: {program()} feedback list {record_id}"
    with lock_for_writing(record_id):  # waits for an add in another window; refuses if deleted
        current = load_feedback(record_id)
        place = next(
            (i for i, kept in enumerate(current) if kept.response_id == response.response_id),
            None,
        )
        if place is None:
            raise RecordError(
                f"de feedback van {response.giver} is intussen al uit meting {record_id} "
                f"verwijderd, in een ander asmo-venster; hier is niets meer verwijderd. {again}"
            )
        if current[place] != response:
            raise RecordError(
                f"de feedback van {response.giver} bij meting {record_id} is intussen "
                f"vervangen door nieuwere antwoorden van dezelfde gever; er is niets verwijderd. "
                f"{again}"
            )
        data = _raw_store(record_id)
        raw = list(data["responses"])  # load_feedback checked each of them, in this order
        del raw[place]
        kept = {**data, "responses": raw}
        moments = data.get(RECEIVED)
        if isinstance(moments, dict):
            kept[RECEIVED] = {k: v for k, v in moments.items() if k != response.response_id}
        write_private(feedback_path(record_id), json.dumps(kept, ensure_ascii=False) + "\n")
    return len(raw)


def _raw_store(record_id: str) -> dict[str, Any]:
    """The store as JSON, read as load_feedback reads it (call it after load_feedback said
    that the store is sound, so that it cannot fail here in another way)."""
    path = feedback_path(record_id)
    name = f"beschadigde feedback: {path}"
    data = parse_json(read_input(path, name, limit=MAX_STORE_BYTES), name)
    if not isinstance(data, dict) or not isinstance(data.get("responses"), list):
        raise RecordError(f"{name}: dit is geen feedbackbestand van deze asmo")
    return data


def _moments(data: Mapping[str, Any]) -> dict[str, datetime]:
    """The moments in the store's ``received`` map that can be read (local time when a moment
    has no offset); a moment that cannot be read is left out, as if it had none."""
    found = data.get(RECEIVED)
    moments: dict[str, datetime] = {}
    for response_id, text in found.items() if isinstance(found, dict) else ():
        if isinstance(text, str):
            try:
                moment = datetime.fromisoformat(text)
            except ValueError:
                continue
            moments[response_id] = as_local(moment)
    return moments
