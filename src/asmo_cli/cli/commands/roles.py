"""``asmo roles``: the eight roles, one role in detail, or the competencies."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.console import console_for
from asmo_cli.cli.options import DataDir, workspace
from asmo_cli.core.errors import AsmoError


def roles(
    role_id: Annotated[
        str | None,
        typer.Argument(metavar="ROL", help="Naam of id van een rol, bijvoorbeeld Kenner."),
    ] = None,
    competencies: Annotated[
        bool, typer.Option("--competencies", help="Toon de competenties per functieniveau.")
    ] = False,
    ids: Annotated[
        bool,
        typer.Option(
            "--ids",
            help="Toon de ids van werkzaamheden en activiteiten (voor een antwoordenbestand).",
        ),
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Bekijk de acht rollen, één rol in detail, of de competenties."""
    from asmo_cli.render import terminal as views

    catalogue = workspace(data_dir).catalogue()
    console = console_for()
    if ids:
        views.show_ids(console, catalogue)
    elif competencies:
        views.show_competencies(console, catalogue)
    elif role_id is None:
        views.show_roles(console, catalogue)
    else:
        role = catalogue.find_role(role_id)
        if role is None:
            valid = ", ".join(r.name for r in catalogue.roles)
            raise AsmoError(f"onbekende rol '{role_id}'; kies uit: {valid}")
        views.show_role(console, catalogue, role)
