"""Shared fixtures: a private ASMO_HOME, a pinned terminal width, the shipped catalogue."""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.storage.catalogue import load_catalogue
from asmo_cli.storage.paths import default_data_dir

# One time zone for the whole run: asmo reads TZ through zoneinfo (core/clock.py, on every
# system); where the C library has tzset, it is told at once too, so that tests that render
# dates do not depend on which earlier test last made it look at TZ.
os.environ["TZ"] = "Europe/Amsterdam"
if hasattr(time, "tzset"):  # not on Windows
    time.tzset()

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    home = tmp_path / "home"
    monkeypatch.setenv("ASMO_HOME", str(home))
    monkeypatch.delenv("ASMO_DATA_DIR", raising=False)
    monkeypatch.delenv("ASMO_PROG", raising=False)  # dev.py sets it for the hints
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    # asmo may point matplotlib at a folder in its home (storage/paths.py); in-process, that
    # setting must not outlive the test and reach the next test's programs
    before = os.environ.get("MPLCONFIGDIR")
    yield home
    if before is None:
        os.environ.pop("MPLCONFIGDIR", None)
    else:
        os.environ["MPLCONFIGDIR"] = before


@pytest.fixture
def home(tmp_path: Path) -> Path:
    return tmp_path / "home"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue(default_data_dir())


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalogue, to break in tests."""
    target = tmp_path / "catalogus"
    shutil.copytree(DATA, target)
    return target


Editor = Callable[[str, Callable[[Any], None]], None]


@pytest.fixture
def edit(data_copy: Path) -> Editor:
    """Change one catalogue file of ``data_copy`` through its parsed content."""

    def change(name: str, mutate: Callable[[Any], None]) -> None:
        path = data_copy / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        mutate(data)
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    return change


GOOD_ANSWERS = """\
name: Fenna de Vries
level: beleidsmedewerker
ratings:
  bewaken-afspraken:
    voortgang-beleid-bewaken: 4
    naleving-bewaken: 3
    afsprakenlijst-samenstellen: 5
  correspondentie:
    brieven-adviezen-concipieren: 4
    communiques-schrijven: 3
    uitgaande-post-verzorgen: 5
    termijnen-correspondentie-bewaken: null
  beleidsvoorbereiding:
    aanvragen-analyseren: 2
    conceptadviezen-opstellen: 3
"""


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "antwoorden.yaml"
    path.write_text(GOOD_ANSWERS, encoding="utf-8")
    return path
