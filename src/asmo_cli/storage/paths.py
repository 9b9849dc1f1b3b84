"""Where things live: the catalogue folder, the user's records and the report folders."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE_DATA = Path(__file__).resolve().parents[1] / "data"  # asmo_cli/data in the wheel
_REPO_DATA = Path(__file__).resolve().parents[3] / "data"  # data/ in a source checkout


def default_data_dir() -> Path:
    """Return the shipped catalogue: packaged data first, else the repository's ``data/``."""
    if (_PACKAGE_DATA / "tasks.yaml").is_file():
        return _PACKAGE_DATA
    return _REPO_DATA


def data_dir(override: Path | None = None) -> Path:
    """Return the catalogue folder: ``--data-dir``, else ``ASMO_DATA_DIR``, else the shipped one."""
    if override is not None:
        return override
    env = os.environ.get("ASMO_DATA_DIR")
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def home_dir() -> Path:
    """Return asmo's own folder: ``ASMO_HOME`` or the platform's user data folder."""
    env = os.environ.get("ASMO_HOME")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("asmo", appauthor=False))


def records_dir() -> Path:
    """Return the folder of saved assessments."""
    return home_dir() / "assessments"


def reports_dir() -> Path:
    """Return the folder under which report files go, one subfolder per assessment."""
    env = os.environ.get("ASMO_HOME")
    if env:
        return Path(env).expanduser() / "rapporten"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "asmo"
