"""Where things live: the catalogue folder, the user's records and the report folders."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from asmo_cli.core.errors import AsmoError

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


# A home chosen by a caller of the library (asmo_cli.Workspace(home=...)), for its calls only.
_HOME: ContextVar[Path | None] = ContextVar("asmo_home", default=None)


@contextmanager
def using_home(home: Path | None) -> Iterator[None]:
    """Within the block, asmo's own folder is ``home`` (None: as without the block)."""
    token = _HOME.set(home if home is not None else _HOME.get())
    try:
        yield
    finally:
        _HOME.reset(token)


def _chosen_home() -> Path | None:
    chosen = _HOME.get()
    if chosen is not None:
        return chosen
    env = os.environ.get("ASMO_HOME")
    return Path(env).expanduser() if env else None


def home_dir() -> Path:
    """Return asmo's own folder: the library caller's, ``ASMO_HOME``, or the platform's user
    data folder."""
    chosen = _chosen_home()
    if chosen is not None:
        return chosen
    import platformdirs

    return Path(platformdirs.user_data_dir("asmo", appauthor=False))


def records_dir() -> Path:
    """Return the folder of saved assessments."""
    return home_dir() / "assessments"


def reports_dir() -> Path:
    """Return the folder under which report files go, one subfolder per assessment."""
    chosen = _chosen_home()
    if chosen is not None:
        return chosen / "rapporten"
    import platformdirs

    return Path(platformdirs.user_documents_dir()) / "asmo"


def settle_matplotlib_dir() -> None:
    """Point matplotlib at a private folder of asmo's own (0700) unless its usual folders
    already exist and are writable, so that it never creates a folder outside asmo's home
    (it would make it 0755) nor prints its English warning about an unwritable HOME.

    Only the environment is set (``MPLCONFIGDIR``): matplotlib is not imported here.
    """
    if os.environ.get("MPLCONFIGDIR"):
        return
    home = Path.home() if "HOME" in os.environ or os.name == "nt" else None
    if home is None:
        usual: list[Path] = []
    elif sys.platform.startswith("linux"):
        config = os.environ.get("XDG_CONFIG_HOME") or str(home / ".config")
        cache = os.environ.get("XDG_CACHE_HOME") or str(home / ".cache")
        usual = [Path(config) / "matplotlib", Path(cache) / "matplotlib"]
    else:
        usual = [home / ".matplotlib"]
    if usual and all(p.is_dir() and os.access(p, os.W_OK | os.X_OK) for p in usual):
        return
    from asmo_cli.storage.files import tighten

    folder = home_dir() / "matplotlib"
    try:
        tighten(home_dir())
        tighten(folder)
    except AsmoError:
        return  # asmo's home is not writable either: it says so when it saves
    os.environ["MPLCONFIGDIR"] = str(folder)
