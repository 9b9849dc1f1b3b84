"""``asmo roles``: the roles and competencies, and checking a catalogue."""

from __future__ import annotations

from typing import Annotated

import typer

from asmo_cli.cli.base import (
    DataDir,
    catalogue_from,
    console_for,
    say,
)
from asmo_cli.core.errors import EXIT_PROBLEM, AsmoError


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

    catalogue = catalogue_from(data_dir)
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


def validate(data_dir: DataDir = None) -> None:
    """Controleer een catalogus en noem alle fouten die erin staan."""
    from asmo_cli.storage.catalogue import check_catalogue
    from asmo_cli.storage.paths import data_dir as resolve

    folder = resolve(data_dir)
    problems = check_catalogue(folder)
    if problems:
        from rich.text import Text

        from asmo_cli.core.text import clean

        err = console_for(stderr=True)
        for line in problems:
            err.print(Text.assemble(("Fout: ", "bold red"), clean(line)), soft_wrap=True)
        count = f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'}"
        say(err, f"{count} gevonden in {folder}")
        raise typer.Exit(EXIT_PROBLEM)
    from asmo_cli.core.weight_rules import weight_warnings
    from asmo_cli.storage.catalogue import load_catalogue

    warnings = weight_warnings(load_catalogue(folder, with_development=False))
    if warnings:
        from rich.text import Text

        from asmo_cli.core.text import clean

        err = console_for(stderr=True)
        for line in warnings:
            err.print(Text.assemble(("Waarschuwing: ", "bold yellow"), clean(line)), soft_wrap=True)
        count = f"{len(warnings)} waarschuwing{'' if len(warnings) == 1 else 'en'}"
        say(
            console_for(),
            f"De catalogus in {folder} werkt, met {count} over de weging: asmo rekent ermee, "
            "maar de rollen zijn minder goed te herkennen.",
        )
        return
    say(console_for(), f"De catalogus in {folder} is in orde.")
