"""asmo without the calls that only some systems have, as on Windows, a FAT stick or a share.

Each asmo run here is a separate process started through a launcher that first takes away
what Windows (Python 3.11/3.12) lacks: ``os.fchmod``, ``fcntl``, ``os.getuid``, ``O_NOFOLLOW``,
``O_NONBLOCK``, ``SIGHUP``, ``SIGXFSZ`` and ``time.tzset``; and makes hard links fail as on
FAT, exFAT and some network shares. The whole flow must still work: assess from answers,
report, plan, hours, a feedback invitation, two ``feedback add`` at the same moment (both
kept), history and delete; with no traceback and no English warning.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from asmo_cli.storage.feedback import load_feedback

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"

LAUNCHER = """\
import errno, os, signal, sys, time, types

# filelock takes its Windows path by sys.platform (it never calls os.fchmod there); here on
# Linux it keeps its own POSIX calls: it gets an os of its own before the calls go away
sys.modules["fcntl"] = None  # import fcntl now fails, as on Windows: filelock's soft lock
import warnings
with warnings.catch_warnings():  # as asmo imports it (storage/locks.py)
    warnings.simplefilter("ignore")
    import filelock, filelock._soft, filelock._native
own_os = types.SimpleNamespace(**vars(os))
for module in list(sys.modules.values()):
    if getattr(module, "__name__", "").startswith("filelock") and getattr(module, "os", None) is os:
        module.os = own_os

for name in ("fchmod", "getuid", "geteuid", "getgid", "O_NOFOLLOW", "O_NONBLOCK"):
    if hasattr(os, name):
        delattr(os, name)
for name in ("SIGHUP", "SIGXFSZ"):
    if hasattr(signal, name):
        delattr(signal, name)
if hasattr(time, "tzset"):
    del time.tzset


def no_hard_links(*args, **kwargs):
    raise OSError(errno.EPERM, "Operation not permitted")


os.link = no_hard_links

from asmo_cli.cli.app import main

sys.argv[0] = "asmo"
sys.exit(main())
"""

ENGLISH = ("Traceback", "Warning", "warning:", "Error:", "Operation not permitted", "Usage:")


@pytest.fixture
def asmo(tmp_path: Path) -> Any:
    launcher = tmp_path / "as_on_windows.py"
    launcher.write_text(LAUNCHER, encoding="utf-8")
    env = {
        **os.environ,
        "ASMO_HOME": str(tmp_path / "home"),
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "TZ": "Europe/Amsterdam",
        "PYTHONWARNINGS": "default",  # a warning would show, not be swallowed
    }

    def start(*args: str) -> subprocess.Popen[str]:
        return subprocess.Popen(
            [sys.executable, str(launcher), *args],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def run(*args: str) -> str:
        child = start(*args)
        out, err = child.communicate(timeout=120)
        text = out + err
        assert child.returncode == 0, (args, text)
        for word in ENGLISH:
            assert word not in text, (args, word, text)
        return text

    run.start = start  # type: ignore[attr-defined]
    return run


def response(record: dict[str, Any], record_id: str, n: int) -> dict[str, Any]:
    ratings = {
        area: {act: (stars if stars is None else max(1, stars - n)) for act, stars in acts.items()}
        for area, acts in record["ratings"].items()
    }
    return {
        "asmo_feedback": 1,
        "record": record_id,
        "questionnaire_version": record["catalogue_version"],
        "response_id": f"portable-{n}",
        "giver_role": "voorzitter",  # counts as hers (an OR member alone would not count)
        "ratings": ratings,
    }


def test_the_whole_flow_works_without_the_posix_only_calls(asmo: Any, tmp_path: Path) -> None:
    out = tmp_path / "rapport"
    asmo("assess", "--answers", str(ANSWERS), "--out", str(out))
    (saved,) = (tmp_path / "home" / "assessments").glob("*.yaml")
    record_id = saved.stem
    record = yaml.safe_load(saved.read_text(encoding="utf-8"))
    assert (out / "rapport.pdf").read_bytes().startswith(b"%PDF")

    asmo("report", record_id, "--out", str(out))  # replaces asmo's own files
    asmo("plan", record_id, "--out", str(out))
    hours = tmp_path / "uren.yaml"
    area = next(iter(record["ratings"]))
    hours.write_text(
        f"hours_per_week:\n  {area}: 6\ncontract_hours_per_week: 24\n", encoding="utf-8"
    )
    asmo("hours", record_id, "--file", str(hours), "--out", str(out))
    asmo("feedback", "invite", record_id, "--out", str(out))
    assert {"ontwikkelplan.pdf", "tijdsbesteding.pdf", "rapport.md"} <= {
        p.name for p in out.iterdir()
    }

    # two givers' files added at the same moment, each in its own process: both are kept
    files = []
    for n in (1, 2):
        path = tmp_path / f"gever-{n}.json"
        path.write_text(json.dumps(response(record, record_id, n)), encoding="utf-8")
        files.append(path)
    children = [asmo.start("feedback", "add", str(f)) for f in files]
    for child in children:
        text = "".join(child.communicate(timeout=120))
        assert child.returncode == 0, text
        assert "Traceback" not in text and "Warning" not in text, text
    kept = load_feedback(record_id)  # the same ASMO_HOME (conftest sets it for this test)
    assert sorted(r.response_id for r in kept) == ["portable-1", "portable-2"]
    asmo("report", record_id, "--out", str(out))
    report = (out / "rapport.md").read_text(encoding="utf-8")
    assert "Zelfbeeld en feedback" in report and "2 voorzitters" in report

    assert record_id in asmo("history")
    asmo("delete", record_id, "--yes")
    assert not saved.exists()
    assert not (out / "rapport.pdf").exists()


# --- the pieces, one by one -----------------------------------------------------------------


def test_a_new_file_is_placed_whole_where_hard_links_fail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """FAT, exFAT, a share: os.link fails; the file still appears complete, never replaces one,
    and no temporary file stays behind."""
    from asmo_cli.storage import files

    def no_links(*args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    target = tmp_path / "m.yaml"
    assert files.create_private(target, "eerste\n") is True
    assert files.create_private(target, "tweede\n") is False
    assert target.read_text(encoding="utf-8") == "eerste\n"
    assert [p.name for p in tmp_path.iterdir()] == ["m.yaml"]
    monkeypatch.delattr(os, "link")
    assert files.create_private(tmp_path / "n.yaml", "derde\n") is True
    assert (tmp_path / "n.yaml").read_text(encoding="utf-8") == "derde\n"


def test_a_file_open_elsewhere_is_named_as_the_likely_cause(
    runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace or remove a PDF that is open in a reader: asmo asks whether
    it is open in another program (not just "geen toestemming"), and the old file stays."""
    from asmo_cli.cli.app import app
    from asmo_cli.core.errors import SaveError
    from asmo_cli.storage import files

    monkeypatch.setattr(files, "OPEN_FILES_ARE_LOCKED", True)  # as on Windows
    target = tmp_path / "rapport.pdf"
    files.write_private(target, b"oud")

    def refused(self: Path, other: Path) -> None:
        raise PermissionError(errno.EACCES, "Access is denied")

    with monkeypatch.context() as patch:
        patch.setattr(Path, "replace", refused)
        with pytest.raises(SaveError) as caught:
            files.write_private(target, b"nieuw")
    assert "is het bestand open in een ander programma?" in caught.value.message
    assert target.read_bytes() == b"oud"
    assert [p.name for p in tmp_path.iterdir()] == ["rapport.pdf"]

    # and through the CLI: delete while the report is open in a reader
    out = tmp_path / "uit"
    done = runner.invoke(app, ["assess", "--answers", str(ANSWERS), "--out", str(out)])
    assert done.exit_code == 0, done.output
    record_id = next((tmp_path / "home" / "assessments").glob("*.yaml")).stem
    real_unlink = Path.unlink

    def busy(self: Path, missing_ok: bool = False) -> None:
        if self.suffix == ".pdf":
            raise PermissionError(errno.EACCES, "Access is denied")
        real_unlink(self, missing_ok)

    monkeypatch.setattr(Path, "unlink", busy)
    done = runner.invoke(app, ["delete", record_id, "--yes"])
    assert done.exit_code == 1, done.output
    text = " ".join(done.output.split())
    assert "verwijderen mislukt (is het bestand open in een ander programma?" in text, text
    assert "Traceback" not in done.output


@pytest.mark.parametrize(
    ("where", "service"),
    [
        ("OneDrive - Gemeente Utrecht/Documenten/asmo", "OneDrive"),
        ("Library/CloudStorage/OneDrive-Bedrijf/asmo", "OneDrive"),
        ("Library/CloudStorage/GoogleDrive-fenna@x.nl/Mijn Drive/asmo", "Google Drive"),
        ("Dropbox/asmo", "Dropbox"),
        ("Library/Mobile Documents/com~apple~CloudDocs/asmo", "iCloud Drive"),
        ("asmo-rapporten", None),
        ("Documenten/driemaal/asmo", None),
    ],
)
def test_a_synchronised_folder_is_recognised(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, service: str | None
) -> None:
    from asmo_cli.storage.synced import cloud_of

    for variable in ("OneDrive", "OneDriveCommercial", "OneDriveConsumer"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cloud_of(tmp_path / where) == service


def test_onedrive_named_by_windows_and_icloud_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows names the OneDrive folder in %OneDrive% (its name may be anything); a Mac with
    Documents in iCloud keeps ~/Documents but has its copy in iCloud Drive."""
    from asmo_cli.storage.synced import cloud_of

    monkeypatch.setenv("OneDriveCommercial", str(tmp_path / "Werk"))
    assert cloud_of(tmp_path / "Werk" / "Documenten" / "asmo") == "OneDrive"
    assert cloud_of(tmp_path / "Prive" / "asmo") is None
    monkeypatch.setenv("HOME", str(tmp_path))
    assert cloud_of(tmp_path / "Documents" / "asmo") is None
    (tmp_path / "Library" / "Mobile Documents" / "com~apple~CloudDocs" / "Documents").mkdir(
        parents=True
    )
    assert cloud_of(tmp_path / "Documents" / "asmo") == "iCloud Drive"


def test_report_in_a_synchronised_folder_says_so_and_suggests_a_local_one(
    runner: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from asmo_cli.cli.app import app

    monkeypatch.setenv("HOME", str(tmp_path))
    synced = tmp_path / "OneDrive - Gemeente" / "asmo"
    done = runner.invoke(app, ["assess", "--answers", str(ANSWERS), "--out", str(synced)])
    assert done.exit_code == 0, done.output
    text = " ".join(done.output.split())
    assert "wordt gesynchroniseerd met OneDrive" in text, text
    assert f"--out {tmp_path / 'asmo-rapporten'}" in text, text
    assert (synced / "rapport.pdf").exists()
    local = runner.invoke(app, ["report", "--out", str(tmp_path / "asmo-rapporten")])
    assert local.exit_code == 0 and "gesynchroniseerd" not in local.output, local.output


def test_local_time_comes_from_tz_through_zoneinfo(monkeypatch: pytest.MonkeyPatch) -> None:
    """TZ is read through zoneinfo (Windows's C library ignores it); a POSIX rule or nonsense
    falls back to the system's local time instead of failing."""
    from datetime import datetime, timedelta

    from asmo_cli.core import clock

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    winter = clock.as_local(datetime(2026, 1, 15, 9, 0))
    summer = clock.as_local(datetime(2026, 7, 15, 9, 0))
    assert (winter.utcoffset(), summer.utcoffset()) == (timedelta(hours=1), timedelta(hours=2))
    monkeypatch.setenv("TZ", "UTC")
    assert clock.now().utcoffset() == timedelta(0)
    for odd in ("CET-1CEST", ":/etc/localtime", "Geen/Zone", "../../etc/passwd"):
        monkeypatch.setenv("TZ", odd)
        assert clock.now().utcoffset() is not None
        assert clock.as_local(datetime(2026, 1, 15, 9, 0)).tzinfo is not None
