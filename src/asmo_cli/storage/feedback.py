"""Feedback from others: a giver's answers file (JSON from the invitation page), checked like
an answers file (one Dutch line "bestand: onderdeel: probleem" per problem, all at once), and
kept with its record in ``<records>/<id>.feedback.json`` (0600, atomic, under the record's
lock), each response in the answers file's form; the same response_id replaces the earlier."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from contextlib import ExitStack
from pathlib import Path
from typing import Any

from asmo_cli.core.catalogue import Catalogue, TaskArea
from asmo_cli.core.checks import Problems, describe, raise_problems, shown
from asmo_cli.core.clock import now
from asmo_cli.core.errors import AsmoError, RecordError
from asmo_cli.core.feedback import ANSWERS_FORMAT, GIVER_ROLES, FeedbackResponse
from asmo_cli.core.record import RatingMap, Record, is_rating
from asmo_cli.storage import paths
from asmo_cli.storage.files import read_input, write_private
from asmo_cli.storage.jsonio import parse_json
from asmo_cli.storage.locks import WRITE_WAIT_SECONDS, lock_record
from asmo_cli.storage.store import Listing, describe_available, record_path

FEEDBACK_VERSION = ANSWERS_FORMAT  # "asmo_feedback" in an answers file
STORE_VERSION = 1  # "format_version" of <id>.feedback.json
REQUIRED = (
    "asmo_feedback",
    "record",
    "questionnaire_version",
    "response_id",
    "giver_role",
    "ratings",
)
OPTIONAL = ("name", "comments")
MAX_TEXT_CHARS = 200  # response_id and name
MAX_COMMENT_CHARS = 4000  # as the page's text box
MAX_STORE_BYTES = 20_000_000  # what asmo reads back, so also what it keeps
MAX_GIVERS = 100  # answers kept with one record
STORE_SUFFIX = ".feedback.json"
ROLE_LIST, STARS = ", ".join(GIVER_ROLES), "{activiteit: sterren}"


def feedback_path(record_id: str) -> Path:
    return paths.records_dir() / f"{record_id}{STORE_SUFFIX}"


def check_response(
    data: Any, p: Problems, catalogue: Catalogue | None, record: Record | None
) -> FeedbackResponse | None:
    """Check one response, adding a line per problem. Ids are checked against the catalogue
    and the record's areas when these are given (a kept response is read without them)."""
    if not isinstance(data, dict):
        p.add("", f"verwacht de antwoorden van de feedbackpagina, niet {describe(data)}")
        return None
    p.fields(data, "", REQUIRED, OPTIONAL)
    _check_version(data, p)
    if record is not None:
        _check_record(data, p, record)
    response_id = _short_text(data, "response_id", p)
    name = _short_text(data, "name", p)
    role = _giver_role(data, p)
    ratings: RatingMap = {}
    for item, task_id, acts in _areas(data, "ratings", STARS, p, catalogue, record):
        ratings[task_id] = _stars(acts, item, p, catalogue.task(task_id) if catalogue else None)
    comments = _comments(data, p, catalogue, record)
    if response_id is None or role is None:
        return None
    response = FeedbackResponse(response_id, role, name, ratings, comments)
    if not p.lines and not response.says_something:
        p.add(
            "ratings",
            "geen enkele activiteit heeft sterren en er is geen opmerking; vraag de gever de "
            "pagina opnieuw in te vullen",
        )
    return response


def _check_version(data: Mapping[str, Any], p: Problems) -> None:
    """Add a line when ``asmo_feedback`` is not the version this asmo reads."""
    version = data.get("asmo_feedback")
    whole = isinstance(version, int) and not isinstance(version, bool)
    if version is not None and not (whole and version == FEEDBACK_VERSION):
        newer = whole and version > FEEDBACK_VERSION
        problem = f"{describe(version)} is geen bekende versie (verwacht 1)"
        p.add("asmo_feedback", "van een nieuwere asmo; werk asmo bij" if newer else problem)


def _giver_role(data: Mapping[str, Any], p: Problems) -> str | None:
    """Return the giver's role when it is a known one; add a line for an unknown one."""
    role = data.get("giver_role")
    if isinstance(role, str) and role in GIVER_ROLES:
        return role
    if role is not None:
        p.add("giver_role", f"{describe(role)} is geen bekende rol; kies uit: {ROLE_LIST}")
    return None


def _comments(
    data: Mapping[str, Any], p: Problems, catalogue: Catalogue | None, record: Record | None
) -> dict[str, str]:
    """Return the comments per area (stripped, empty ones left out); a line per bad one."""
    comments: dict[str, str] = {}
    for item, task_id, text in _areas(data, "comments", "tekst", p, catalogue, record):
        if not isinstance(text, str):
            p.add(item, f"een opmerking moet tekst zijn, niet {describe(text)}")
        elif len(text) > MAX_COMMENT_CHARS:
            p.add(item, f"langer dan {MAX_COMMENT_CHARS} tekens; de feedbackpagina maakt die niet")
        elif text.strip():
            comments[task_id] = text.strip()
    return comments


def _check_record(data: Mapping[str, Any], p: Problems, record: Record) -> None:
    given = data.get("record")
    if given is not None and given != record.id:
        p.add(
            "record", f"dit antwoord hoort bij meting {shown(given)}, niet bij meting {record.id}"
        )
    version = data.get("questionnaire_version")
    if version is not None and not isinstance(version, str):
        p.add(
            "questionnaire_version",
            f'moet tekst zijn (tussen aanhalingstekens, zoals "{record.catalogue_version}"), '
            f"niet {describe(version)}",
        )
    elif version is not None and version != record.catalogue_version:
        p.add(
            "questionnaire_version",
            f"{describe(version)} is niet de vragenlijst van meting {record.id} "
            f"({record.catalogue_version}); stuur de gever een nieuwe uitnodiging",
        )


def _short_text(data: Mapping[str, Any], key: str, p: Problems) -> str | None:
    value = data.get(key)
    if value is None or (key == "name" and isinstance(value, str) and not value.strip()):
        return None  # an empty name is no name
    if not isinstance(value, str):
        p.add(key, f"moet tekst zijn, niet {describe(value)}")
    elif not value.strip():
        p.add(key, "is leeg; het antwoordbestand van de feedbackpagina heeft hier altijd tekst")
    elif len(value) > MAX_TEXT_CHARS:
        p.add(key, f"langer dan {MAX_TEXT_CHARS} tekens; dat kan niet van de feedbackpagina zijn")
    else:
        return value.strip()
    return None


def _areas(
    data: Mapping[str, Any],
    key: str,
    what: str,
    p: Problems,
    catalogue: Catalogue | None,
    record: Record | None,
) -> Iterator[tuple[str, str, Any]]:
    """Yield (item, task id, entry) for each area of ``data[key]`` the record asked about."""
    value = data.get(key)
    if value is not None and not isinstance(value, dict):
        p.add(key, f"verwacht werkzaamheid: {what}, niet {describe(value)}")
    for task_id, entry in value.items() if isinstance(value, dict) else ():
        item = f"{key}, werkzaamheid {shown(task_id)}"
        if catalogue is not None and not any(t.id == task_id for t in catalogue.tasks):
            p.add(item, "onbekende werkzaamheid")
        elif record is not None and task_id not in record.ratings:
            p.add(item, f"deze werkzaamheid hoort niet bij meting {record.id}")
        else:
            yield item, task_id, entry


def _stars(acts: Any, item: str, p: Problems, task: TaskArea | None) -> dict[str, int | None]:
    if not isinstance(acts, dict):
        p.add(item, f"verwacht activiteit: sterren, niet {describe(acts)}")
        return {}
    known = {a.id for a in task.activities} if task else None
    result: dict[str, int | None] = {}
    for act, stars in acts.items():
        where = f"{item}, activiteit {shown(act)}"
        if known is not None and act not in known:
            p.add(where, "onbekende activiteit")
        elif stars is not None and not is_rating(stars):
            p.add(
                where,
                f"{describe(stars)} is geen geldig antwoord; gebruik een heel getal 1 tot en met "
                "5, of null voor kan ik niet beoordelen",
            )
        else:
            result[act] = stars
    return result


# --- reading a giver's file -----------------------------------------------------------------


def _read(
    path: Path, catalogue: Catalogue, against: Record | Listing, p: Problems
) -> tuple[Record, FeedbackResponse] | None:
    try:
        data = parse_json(read_input(path, p.file), p.file)
    except AsmoError as exc:
        p.lines += [exc.message, *exc.details]
        return None
    record = against if isinstance(against, Record) else None
    if isinstance(against, Listing) and isinstance(data, dict) and data.get("record") is not None:
        record = next((r for r in against.records if r.id == data["record"]), None)
        if record is None:  # a missing 'record' is named by check_response
            p.add(
                "record", f"onbekende meting {shown(data['record'])}{describe_available(against)}"
            )
    response = check_response(data, p, catalogue, record)
    return None if record is None or response is None or p.lines else (record, response)


def read_feedback_files(
    files: Sequence[Path], catalogue: Catalogue, against: Record | Listing
) -> list[tuple[Record, FeedbackResponse]]:
    """Read and check answers files, for one record or each for the record it names (from a
    listing); RecordError with every problem of every file at once, naming file and item."""
    lines: list[str] = []
    found: list[tuple[Record, FeedbackResponse]] = []
    for path in files:
        p = Problems(str(path))
        pair = _read(path, catalogue, against, p)
        lines += p.lines
        found += [pair] if pair else []
    raise_problems(lines, RecordError)
    return found


# --- keeping them with the record -----------------------------------------------------------


def response_data(record: Record, response: FeedbackResponse) -> dict[str, Any]:
    """Return a response in the answers file's own form (without an empty name or comments)."""
    data = {
        "asmo_feedback": FEEDBACK_VERSION,
        "record": record.id,
        "questionnaire_version": record.catalogue_version,
        "response_id": response.response_id,
        "giver_role": response.giver_role,
        "name": response.name,
        "ratings": {t: dict(acts) for t, acts in response.ratings.items()},
        "comments": dict(response.comments),
    }
    return {k: v for k, v in data.items() if v or k == "ratings"}


def load_feedback(record_id: str) -> list[FeedbackResponse]:
    """Return the feedback kept with a record, in the order it came in; [] when there is none."""
    path = feedback_path(record_id)
    if not path.exists():
        return []
    p = Problems(f"beschadigde feedback: {path}")
    data = parse_json(read_input(path, p.file, limit=MAX_STORE_BYTES), p.file)
    responses: list[FeedbackResponse] = []
    if not isinstance(data, dict) or data.get("format_version") != STORE_VERSION:
        p.add("", "dit is geen feedbackbestand van deze asmo (verwacht format_version 1)")
    elif data.get("record") != record_id:
        p.add("record", f"hoort niet bij meting {record_id}")
    for i, raw in enumerate(
        [] if p.lines else p.sequence(data.get("responses"), "", "'responses'") or []
    ):
        sub = Problems(f"{p.file}: antwoord {i + 1}")
        responses += filter(None, [check_response(raw, sub, None, None)])
        p.lines += sub.lines
    raise_problems(p.lines, RecordError)
    return responses


def _check_limits(record_id: str, givers: int, size: int) -> None:
    """Refuse feedback that asmo could not read back: more givers or bytes than it keeps."""
    if givers > MAX_GIVERS:
        raise RecordError(
            f"met deze feedback erbij heeft meting {record_id} antwoorden van {givers} mensen; "
            f"asmo bewaart er hoogstens {MAX_GIVERS} bij één meting. Deze nieuwe feedback is "
            "niet bewaard; de eerdere feedback blijft staan"
        )
    if size > MAX_STORE_BYTES:
        megabytes = f"{MAX_STORE_BYTES / 1_000_000:g}".replace(".", ",")
        raise RecordError(
            f"met deze feedback erbij wordt de feedback bij meting {record_id} groter dan "
            f"{megabytes} MB, het meeste dat asmo bij één meting bewaart (vooral lange "
            "opmerkingen tellen). Deze nieuwe feedback is niet bewaard; de eerdere feedback "
            "blijft staan"
        )


RECEIVED = "received"  # the store's map response_id → the moment it was kept


def _received(record_id: str) -> dict[str, str]:
    """The moments already in a record's store (read after load_feedback found it sound)."""
    path = feedback_path(record_id)
    if not path.is_file():
        return {}
    name = f"beschadigde feedback: {path}"
    data = parse_json(read_input(path, name, limit=MAX_STORE_BYTES), name)
    found = data.get(RECEIVED) if isinstance(data, dict) else None
    if not isinstance(found, dict):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def store_feedback(received: Sequence[tuple[Record, FeedbackResponse]]) -> list[bool]:
    """Keep each response with its record (under the records' locks); for each, True when it
    replaced earlier answers with the same response_id (in their place). Nothing is written
    when a record is busy or its feedback file is damaged."""
    records = {record.id: record for record, _ in received}
    with ExitStack() as locks:
        for record_id in sorted(records):
            locks.enter_context(lock_record(record_id, wait=WRITE_WAIT_SECONDS))  # another run
            if not record_path(record_id).is_file():  # deleted since it was read
                raise RecordError(f"meting {record_id} bestaat niet meer; er is niets bewaard")
        kept = {i: {r.response_id: r for r in load_feedback(i)} for i in records}
        moments = {i: _received(i) for i in records}
        replaced = []
        for record, response in received:
            replaced.append(response.response_id in kept[record.id])
            kept[record.id][response.response_id] = response  # a dict keeps the first place
            moments[record.id][response.response_id] = now().isoformat(timespec="seconds")
        texts = {}
        for record_id, record in records.items():
            responses = [response_data(record, r) for r in kept[record_id].values()]
            data: dict[str, Any] = {
                "format_version": STORE_VERSION,
                "record": record_id,
                "responses": responses,
                # when each response was kept (asmo feedback list); older stores lack it
                RECEIVED: {k: v for k, v in moments[record_id].items() if k in kept[record_id]},
            }
            texts[record_id] = json.dumps(data, ensure_ascii=False) + "\n"
            _check_limits(record_id, len(responses), len(texts[record_id].encode("utf-8")))
        for record_id, text in texts.items():  # only when every record stays within the limits
            write_private(feedback_path(record_id), text)
    return replaced
