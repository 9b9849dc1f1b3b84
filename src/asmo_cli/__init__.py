"""asmo: zelfassessment voor ambtelijk secretarissen van een medezeggenschapsorgaan.

As a library: ``from asmo_cli import Workspace`` (see ``asmo_cli.api.workspace``). It is
imported on first use, so that starting the ``asmo`` program stays fast.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

if TYPE_CHECKING:
    from asmo_cli.api.workspace import Workspace
    from asmo_cli.core.errors import AsmoError

__all__ = ["AsmoError", "Workspace", "__version__"]


def __getattr__(name: str) -> Any:
    if name == "Workspace":
        from asmo_cli.api.workspace import Workspace

        return Workspace
    if name == "AsmoError":
        from asmo_cli.core.errors import AsmoError

        return AsmoError
    raise AttributeError(f"module 'asmo_cli' has no attribute {name!r}")
