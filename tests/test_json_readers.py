"""One strict JSON reader (storage/jsonio.py) behind every JSON file asmo reads: a giver's
answers file, the feedback kept with a record, a scores.json given to team, and asmo's lists
of what it wrote. Each refuses the same hostile JSON, in its own Dutch words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import RecordError
from asmo_cli.storage.jsonio import JsonProblem, load_json, parse_json
from asmo_cli.storage.ledger import ledger_path, read_ledger
from asmo_cli.storage.members import collect

SCORES = {"assessment": {"name": "Eva"}, "roles": [{"id": "kenner", "score": 3.0}]}

# JSON that Python's json module would take, but asmo does not; each is still a scores.json
# (and a list of files) in every other respect.
HOSTILE = {
    "dubbel-veld": b'{"roles": [], "roles": [{"id": "kenner", "score": 3.0}]}',
    "nan": b'{"roles": [{"id": "kenner", "score": NaN}]}',
    "infinity": b'{"roles": [{"id": "kenner", "score": -Infinity}]}',
    "1e999": b'{"roles": [{"id": "kenner", "score": 1e999}]}',
    "lang-getal": b'{"roles": [], "x": 1' + b"0" * 5000 + b"}",
    "te-diep": b'{"roles": [], "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "halve-tekens": b'{"roles": [], "assessment": {"name": "\\ud800"}}',
    "geen-utf8": b'{"roles": [], "assessment": {"name": "\xe9"}}',
    "leeg": b" \n",
    "geen-json": b'{"roles": [',
}


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_the_strict_reader_refuses_with_a_dutch_reason(raw: bytes) -> None:
    with pytest.raises(JsonProblem) as caught:
        load_json(raw)
    assert caught.value.reason and "Traceback" not in caught.value.reason
    with pytest.raises(RecordError) as named:
        parse_json(raw, "antwoord.json")
    assert named.value.message.startswith(f"antwoord.json: {caught.value.reason}")


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_scores_json_is_read_as_strictly(
    catalogue: Catalogue, tmp_path: Path, raw: bytes
) -> None:
    """Before, team took a duplicate field, a lone surrogate in a name and what it refused as
    an answers file; now every hostile file is named, with team's own words."""
    path = tmp_path / "scores.json"
    path.write_bytes(raw)
    found = collect(catalogue, [path])
    assert found.members == ()
    assert found.errors == (
        f"{path}: geen leesbaar scores.json (ongeldige JSON, of NaN/oneindig als getal)",
    )


@pytest.mark.parametrize("raw", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_list_of_written_files_is_read_as_strictly(raw: bytes) -> None:
    """A damaged list stops what relies on it (delete, writing reports), in its own words."""
    path = ledger_path("20260101-120000")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(raw)
    assert read_ledger("20260101-120000").problem == "is beschadigd (geen lijst van asmo)"


def test_good_json_is_read_by_every_reader(catalogue: Catalogue, tmp_path: Path) -> None:
    """What asmo itself writes (and a byte order mark before it) is read as before."""
    path = tmp_path / "scores.json"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(SCORES).encode("utf-8"))
    found = collect(catalogue, [path])
    assert found.errors == () and [m.name for m in found.members] == ["Eva"]
    assert parse_json(b"\xef\xbb\xbf" + json.dumps(SCORES).encode(), "a.json") == SCORES
    ledger = {"format_version": 2, "files": {"/p/rapport.md": ["sha256:ab"]}, "folders": ["/p"]}
    target = ledger_path("20260101-120000")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(ledger), encoding="utf-8")
    read = read_ledger("20260101-120000")
    assert read.problem is None and read.files == {"/p/rapport.md": ["sha256:ab"]}
    assert read.folders == ["/p"]
