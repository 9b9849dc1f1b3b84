"""Whether a folder is kept in step with a cloud service, so that what asmo writes there
leaves her computer: OneDrive (on an employer's Windows laptop "Documenten" is often
redirected there), iCloud Drive, Dropbox or Google Drive.

Only names are looked at (the environment and the path); nothing is asked of the services.
"""

from __future__ import annotations

import os
from pathlib import Path

# Windows sets these to the OneDrive folders of the signed-in user
_ONEDRIVE_VARIABLES = ("OneDrive", "OneDriveCommercial", "OneDriveConsumer")
# a folder name (lower case) that a service gives the folder it synchronises
_FOLDER_NAMES = (
    ("onedrive", "OneDrive"),
    ("dropbox", "Dropbox"),
    ("google drive", "Google Drive"),
    ("googledrive", "Google Drive"),
    ("my drive", "Google Drive"),
    ("mijn drive", "Google Drive"),
    ("icloud drive", "iCloud Drive"),
    ("mobile documents", "iCloud Drive"),
)


def cloud_of(folder: Path) -> str | None:
    """The service that synchronises ``folder`` (or a folder above it), or None."""
    try:
        folder = folder.expanduser().absolute()
    except (OSError, RuntimeError, ValueError):
        return None
    for variable in _ONEDRIVE_VARIABLES:
        root = os.environ.get(variable)
        if root and _under(folder, Path(root)):
            return "OneDrive"
    for part in folder.parts:
        name = part.lower()
        for start, service in _FOLDER_NAMES:
            if name.startswith(start):
                return service
    return _icloud_documents(folder)


def _icloud_documents(folder: Path) -> str | None:
    """macOS: with "Bureaublad en Documenten" in iCloud, ~/Documents keeps its name but its
    copy lives in iCloud Drive."""
    try:
        home = Path.home()
    except RuntimeError:
        return None
    cloud = home / "Library" / "Mobile Documents" / "com~apple~CloudDocs"
    for name in ("Documents", "Desktop"):
        if _under(folder, home / name) and (cloud / name).is_dir():
            return "iCloud Drive"
    return None


def _under(folder: Path, root: Path) -> bool:
    try:
        return folder == root or root in folder.parents
    except (OSError, ValueError):
        return False


def cloud_warning(folder: Path) -> str | None:
    """A Dutch warning when ``folder`` is synchronised, with a local folder to use instead."""
    service = cloud_of(folder)
    if service is None:
        return None
    try:
        local = Path.home() / "asmo-rapporten"
    except RuntimeError:
        local = Path("asmo-rapporten")
    shown = f'"{local}"' if " " in str(local) else str(local)  # C:\Users\Fenna de Vries\...
    instead = "" if cloud_of(local) else f", bijvoorbeeld --out {shown}"
    return (
        f"de map {folder} wordt gesynchroniseerd met {service}: je rapporten staan dan ook "
        "in de cloud (bij OneDrive van je werk vaak die van je werkgever). Wil je dat niet, "
        f"kies dan een map op je eigen computer met --out{instead}"
    )
