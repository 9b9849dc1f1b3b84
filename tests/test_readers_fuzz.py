"""Arbitrary YAML into every reader: it loads, or it gives Dutch problem lines; never a crash."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError
from asmo_cli.storage.answers import check_answers, check_hours
from asmo_cli.storage.catalogue import check_catalogue
from asmo_cli.storage.records import load_record
from asmo_cli.storage.yamlio import YamlProblem, read_yaml

from .conftest import DATA

# Keys the readers know, ids from the catalogue and a few strangers, so that the fuzzing
# reaches deep into the checks instead of failing at the first unknown field.
KEYS = [
    "name",
    "level",
    "ratings",
    "hours_per_week",
    "contract_hours_per_week",
    "format_version",
    "catalogue_version",
    "created",
    "updated",
    "status",
    "version",
    "tasks",
    "scale",
    "id",
    "activities",
    "description",
    "label",
    "stars",
    "archief",
    "archief-beheren",
    "correspondentie",
    "brieven-adviezen-concipieren",
    "beleidsmedewerker",
    "complete",
    "in_progress",
    "x",
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=12),
    st.sampled_from(KEYS),
    st.dates(min_value=date(1, 1, 1)),
    st.datetimes(min_value=datetime(1, 1, 2)),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.one_of(st.sampled_from(KEYS), st.integers(0, 9)), inner, max_size=5),
    ),
    max_leaves=20,
)
documents = st.one_of(
    st.dictionaries(st.sampled_from(KEYS), values, max_size=8).map(
        lambda d: yaml.safe_dump(d, allow_unicode=True)
    ),
    st.text(max_size=200),
)
FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _read(path: Path) -> Any:
    try:
        return read_yaml(path, label=str(path))
    except YamlProblem as exc:
        assert str(path) in exc.message
        return None


def _assert_dutch(exc: AsmoError, name: str) -> None:
    for line in (exc.message, *exc.details):
        assert name in line, line
        assert "Traceback" not in line
        assert " at 0x" not in line, line  # no Python repr such as <object at 0x…>


@FUZZ
@given(text=documents)
def test_answers_reader(text: str, tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(text, encoding="utf-8")
    data = _read(path)
    if data is None:
        return
    try:
        check_answers(data, catalogue, str(path))
    except AsmoError as exc:
        _assert_dutch(exc, str(path))


@FUZZ
@given(text=documents)
def test_hours_reader(text: str, tmp_path: Path, catalogue: Catalogue) -> None:
    path = tmp_path / "uren.yaml"
    path.write_text(text, encoding="utf-8")
    data = _read(path)
    if not isinstance(data, dict):
        return
    try:
        hours, contract = check_hours(data, {"archief": {}}, catalogue, str(path))
    except AsmoError as exc:
        _assert_dutch(exc, str(path))
    else:
        assert all(0 <= h <= 168 for h in hours.values())
        assert sum(hours.values()) <= 168
        assert contract is None or 0 < contract <= 168


@FUZZ
@given(text=documents)
def test_record_reader(text: str, tmp_path: Path) -> None:
    path = tmp_path / "20260101-120000.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        record = load_record(path)
    except AsmoError as exc:
        _assert_dutch(exc, str(path))
    else:
        assert record.created.year >= 1970
        for acts in record.ratings.values():
            assert all(v is None or (type(v) is int and 1 <= v <= 5) for v in acts.values())


@FUZZ
@given(text=documents, name=st.sampled_from(["tasks.yaml", "roles.yaml", "competencies.yaml"]))
def test_catalogue_reader(text: str, name: str, tmp_path: Path) -> None:
    folder = tmp_path / "catalogus"
    if not folder.exists():
        shutil.copytree(DATA, folder)
    original = (DATA / name).read_text(encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    try:
        problems = check_catalogue(folder)
    finally:
        (folder / name).write_text(original, encoding="utf-8")
    assert problems, "random text is never a valid catalogue file"
    for line in problems:
        assert line.split(":", 1)[0].endswith(".yaml") or "catalogus" in line, line
