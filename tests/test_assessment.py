"""Records: the YAML format, atomic private saving, failures that keep what was saved."""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import RecordError, SaveError
from asmo_cli.core.record import (
    COMPLETE,
    Record,
    is_finished,
    known_ratings,
    new_record,
    with_ratings,
)
from asmo_cli.storage import store
from asmo_cli.storage.records import load_record, record_to_yaml

from .helpers import temp_files
from .platforms import WINDOWS


def _record(catalogue: Catalogue) -> Record:
    return new_record(catalogue, "Sam", "adviseur")


def test_saved_record_is_private_and_round_trips(catalogue: Catalogue, home: Path) -> None:
    record = with_ratings(_record(catalogue), {"archief": {"archief-beheren": 4}}, catalogue)
    path = store.save_record(record)
    assert path == home / "assessments" / f"{record.id}.yaml"
    if not WINDOWS:  # no such modes there: the user's profile folder protects the file
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    loaded = load_record(path)
    assert loaded == record
    assert list((home / "assessments").iterdir()) == [path]
    assert not temp_files(home)


def test_record_format_fields_in_order(catalogue: Catalogue) -> None:
    record = with_ratings(_record(catalogue), {"archief": {"archief-beheren": None}}, catalogue)
    keys = [
        line.split(":")[0] for line in record_to_yaml(record).splitlines() if line[:1].isalpha()
    ]
    assert keys == [
        "format_version",
        "catalogue_version",
        "created",
        "updated",
        "name",
        "level",
        "status",
        "ratings",
    ]
    assert "archief-beheren: null" in record_to_yaml(record)


def test_status_complete_only_when_every_selected_activity_is_answered(
    catalogue: Catalogue,
) -> None:
    task = catalogue.task("archief")
    partial = {"archief": {task.activities[0].id: 3}}
    assert not is_finished(partial, catalogue)
    full = {"archief": {a.id: 3 for a in task.activities}}
    assert is_finished(full, catalogue)
    all_nvt = {"archief": {a.id: None for a in task.activities}}
    assert not is_finished(all_nvt, catalogue)
    assert with_ratings(_record(catalogue), full, catalogue).status == COMPLETE


def test_ids_share_a_second_get_a_suffix(catalogue: Catalogue, home: Path) -> None:
    """Records created in the same second get -2, -3 …; none replaces another."""
    moment = datetime(2026, 3, 1, 9, 30, 5).astimezone()
    made = []
    for stars in (3, 4, 5):
        rated = with_ratings(_record(catalogue), {"archief": {"archief-beheren": stars}}, catalogue)
        record, lock = store.create_record(replace(rated, created=moment))
        lock.release()
        made.append(record)
    assert [r.id for r in made] == ["20260301-093005", "20260301-093005-2", "20260301-093005-3"]
    for record in made:
        assert load_record(store.record_path(record.id)) == record
    assert not temp_files(home)


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EACCES])
def test_failed_write_keeps_previous_record(
    catalogue: Catalogue, home: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """Disk full or no permission: the saved version is intact, no temp file is left."""
    record = with_ratings(_record(catalogue), {"archief": {"archief-beheren": 2}}, catalogue)
    path = store.save_record(record)
    before = path.read_bytes()

    def failing_fsync(fd: int) -> None:
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "fsync", failing_fsync)
    changed = with_ratings(record, {"archief": {"archief-beheren": 5}}, catalogue)
    with pytest.raises(SaveError) as info:
        store.save_record(changed)
    assert path.read_bytes() == before
    assert "de vorige versie is onaangetast" in info.value.message
    assert ("vol" if code == errno.ENOSPC else "toestemming") in info.value.message
    assert not temp_files(home)
    assert list((home / "assessments").iterdir()) == [path]


def test_corrupt_record_is_named_and_left_alone(home: Path) -> None:
    folder = home / "assessments"
    folder.mkdir(parents=True)
    path = folder / "20260101-120000.yaml"
    path.write_text("format_version: 1\nratings: [\n", encoding="utf-8")
    with pytest.raises(RecordError) as info:
        load_record(path)
    assert str(path) in info.value.message
    assert "niet aangepast" in info.value.message
    assert path.read_text(encoding="utf-8") == "format_version: 1\nratings: [\n"
    listing = store.list_records()
    assert listing.records == () and len(listing.broken) == 1


def test_record_of_older_catalogue_loads_with_warnings(catalogue: Catalogue, home: Path) -> None:
    """Ids the catalogue no longer knows are warned about and left out, never a crash."""
    folder = home / "assessments"
    folder.mkdir(parents=True)
    path = folder / "20250101-120000.yaml"
    path.write_text(
        "format_version: 1\ncatalogue_version: '2024.1'\ncreated: '2025-01-01T12:00:00+01:00'\n"
        "updated: '2025-01-01T12:30:00+01:00'\nstatus: complete\nratings:\n"
        "  faxen: {fax-versturen: 5}\n  archief: {archief-beheren: 4, microfiche: 2}\n",
        encoding="utf-8",
    )
    record = load_record(path)
    kept, warnings = known_ratings(record, catalogue)
    assert kept == {"archief": {"archief-beheren": 4}}
    assert any("'faxen'" in w for w in warnings)
    assert any("'microfiche'" in w for w in warnings)


def test_newer_format_is_refused(home: Path) -> None:
    path = home / "x.yaml"
    home.mkdir(parents=True)
    path.write_text(
        "format_version: 99\ncatalogue_version: x\ncreated: '2025-01-01T12:00:00'\n"
        "status: complete\nratings: {}\n",
        encoding="utf-8",
    )
    with pytest.raises(RecordError, match="nieuwere asmo"):
        load_record(path)
