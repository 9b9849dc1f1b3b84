"""The ``asmo`` command line: parse, call one domain function, render. No domain logic here."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn

import typer
from typer.core import TyperGroup

from asmo_cli import __version__
from asmo_cli.cli import help as dutch
from asmo_cli.core.errors import EXIT_INTERRUPTED, EXIT_PROBLEM, AsmoError

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.core.catalogue import Catalogue


dutch.install()


class _Group(TyperGroup):
    """Turn every AsmoError into Dutch lines on stderr and exit 1: one handler for all."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except AsmoError as exc:
            _fail(exc)


def _fail(exc: AsmoError) -> NoReturn:
    from rich.text import Text

    from asmo_cli.core.text import clean

    console = _console(stderr=True)
    for line in (exc.message, *exc.details):
        console.print(Text.assemble(("Fout: ", "bold red"), clean(line)), soft_wrap=True)
    raise typer.Exit(EXIT_PROBLEM)


def _require_terminal(command: str, instead: str) -> None:
    """Refuse to ask questions without a terminal, pointing to the file-based way."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise AsmoError(
            f"{command} stelt vragen en heeft daarvoor een terminal nodig; "
            f"gebruik zonder terminal: {instead}"
        )


def _say(console: Console, line: str, style: str = "") -> None:
    """Print a line that holds user text (names, paths): never markup, no control codes."""
    from rich.text import Text

    from asmo_cli.core.text import clean

    console.print(Text(clean(line), style=style), soft_wrap=True)


def _console(*, stderr: bool = False) -> Console:
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, soft_wrap=False)


app = typer.Typer(
    cls=_Group,
    name="asmo",
    help=(
        "Zelfassessment voor ambtelijk secretarissen (AS) van een OR of ander "
        "medezeggenschapsorgaan. Scoor je werkzaamheden, zie je acht rollen in een "
        "spindiagram en krijg een rapport. Alles blijft op deze computer."
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    subcommand_metavar="COMMANDO [ARGUMENTEN]...",
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

DataDir = Annotated[
    Path | None,
    typer.Option(
        "--data-dir",
        help="Map met een eigen catalogus (tasks.yaml, roles.yaml, competencies.yaml).",
        metavar="MAP",
        envvar="ASMO_DATA_DIR",
        show_envvar=True,
        file_okay=False,
    ),
]
OutDir = Annotated[
    Path | None,
    typer.Option(
        "--out", metavar="MAP", help="Map voor de rapportbestanden (standaard: je documentenmap)."
    ),
]


Assessment = Annotated[
    str | None,
    typer.Argument(
        metavar="METING", help="Id of pad van een meting; standaard de laatste afgeronde."
    ),
]
Target = Annotated[
    str | None,
    typer.Option(
        "--target",
        metavar="NIVEAU",
        help="Teken het streefprofiel van een functieniveau erbij: administratief, "
        "beleidsmedewerker of adviseur.",
    ),
]


def _version(value: bool) -> None:
    if value:
        typer.echo(f"asmo {__version__}")
        raise typer.Exit()


@app.callback()
def main_callback(
    version: Annotated[
        bool,
        typer.Option("--version", help="Toon het versienummer.", callback=_version, is_eager=True),
    ] = False,
) -> None:
    """Zelfassessment voor ambtelijk secretarissen."""
    _ignore_file_size_signal()


def _ignore_file_size_signal() -> None:
    """Let a file size limit (ulimit -f) fail a write, which asmo reports, not kill asmo."""
    import signal

    if hasattr(signal, "SIGXFSZ"):
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)


def _catalogue(data_dir: Path | None, *, with_development: bool = False) -> Catalogue:
    from asmo_cli.storage.catalogue import load_catalogue
    from asmo_cli.storage.paths import data_dir as resolve

    return load_catalogue(resolve(data_dir), with_development=with_development)


@app.command()
def assess(
    answers: Annotated[
        Path | None,
        typer.Option(
            "--answers",
            metavar="BESTAND",
            help="Vul de meting in vanuit een YAML-bestand, zonder vragen.",
            dir_okay=False,
        ),
    ] = None,
    resume: Annotated[
        bool, typer.Option("--resume", help="Ga verder met de onafgeronde meting.")
    ] = False,
    new: Annotated[
        bool, typer.Option("--new", help="Begin een nieuwe meting, ook als er een openstaat.")
    ] = False,
    out: OutDir = None,
    data_dir: DataDir = None,
) -> None:
    """Doe de zelfassessment: kies werkzaamheden, geef sterren."""
    from asmo_cli.cli import session

    if resume and new:
        raise AsmoError("kies --resume of --new, niet allebei")
    catalogue = _catalogue(data_dir)
    console = _console()
    if answers is not None:
        record = session.record_from_answers_file(answers, catalogue)
    else:
        _require_terminal("asmo assess", "asmo assess --answers BESTAND.yaml")
        try:
            record = session.run_interactive(console, catalogue, resume=resume, new=new)
        except KeyboardInterrupt as exc:
            session.say_interrupted(console, exc)
            raise typer.Exit(EXIT_INTERRUPTED) from None
    session.finish(console, catalogue, record, out)


@app.command()
def report(
    assessment: Assessment = None,
    out: OutDir = None,
    formats: Annotated[
        str,
        typer.Option(
            "--format", metavar="SOORTEN", help="Bestandssoorten, met komma's: png,svg,pdf,md,json."
        ),
    ] = "png,md,json",
    compare: Annotated[
        str | None,
        typer.Option("--compare", metavar="METING", help="Vergelijk met een andere meting."),
    ] = None,
    previous: Annotated[
        bool, typer.Option("--previous", help="Vergelijk met de afgeronde meting ervoor.")
    ] = False,
    target: Target = None,
    data_dir: DataDir = None,
) -> None:
    """Maak het spindiagram en het rapport van een meting."""
    from asmo_cli.cli import outputs as exports

    if compare and previous:
        raise AsmoError("kies --compare of --previous, niet allebei")
    catalogue = _catalogue(data_dir)
    wanted = exports.parse_formats(formats)
    written = exports.report_command(catalogue, assessment, out, wanted, compare, previous, target)
    _print_written(written.paths, written.warnings)


def _print_written(paths: Sequence[Path], warnings: Sequence[str] = ()) -> None:
    console = _console()
    for warning in warnings:
        _say(console, f"Let op: {warning}", "yellow")
    console.print("Geschreven:", highlight=False)
    for path in paths:
        _say(console, f"  {path}")


@app.command()
def plan(
    assessment: Assessment = None,
    target: Target = None,
    out: OutDir = None,
    data_dir: DataDir = None,
) -> None:
    """Maak een ontwikkelplan richting een functieniveau."""
    from asmo_cli.cli.plan import plan_command

    catalogue = _catalogue(data_dir, with_development=True)
    written = plan_command(catalogue, assessment, target, out)
    _print_written(written.paths, written.warnings)


@app.command()
def hours(
    assessment: Assessment = None,
    file: Annotated[
        Path | None,
        typer.Option(
            "--file",
            metavar="BESTAND",
            help="Lees de uren uit een YAML-bestand (hours_per_week, contract_hours_per_week).",
            dir_okay=False,
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Vul je tijdsbesteding in: uren per week per werkzaamheid."""
    from asmo_cli.cli import session
    from asmo_cli.storage.store import find_record, is_stored, lock_record

    catalogue = _catalogue(data_dir)
    found = find_record(assessment)
    if not is_stored(assessment, found):
        raise AsmoError(
            f"{assessment}: asmo hours past alleen metingen in je eigen map aan; geef het id "
            "van een meting (zie asmo history)"
        )
    console = _console()
    with lock_record(found.id):
        record = find_record(assessment or found.id)  # read again: it may have just changed
        if file is not None:
            record = session.hours_from_file(console, catalogue, record, file)
        else:
            _require_terminal("asmo hours", f"asmo hours {record.id} --file BESTAND.yaml")
            try:
                record = session.ask_and_save_hours(console, catalogue, record, {})
            except KeyboardInterrupt:
                console.print("\nGestopt; de uren zijn niet aangepast.")
                raise typer.Exit(EXIT_INTERRUPTED) from None
    console.print(
        f"Tijdsbesteding bewaard in meting {record.id}. Maak het overzicht met: "
        f"asmo report {record.id}",
        markup=False,
        soft_wrap=True,
    )


@app.command()
def team(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PAD...",
            help="Metingen (.yaml), scores.json-bestanden of mappen daarmee.",
        ),
    ],
    out: OutDir = None,
    names: Annotated[
        bool, typer.Option("--names", help="Zet ook een tabel per persoon (met naam) erbij.")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Teamprofiel van een bureau medezeggenschap (anoniem)."""
    from asmo_cli.cli import team as team_mod
    from asmo_cli.storage import paths as where

    catalogue = _catalogue(data_dir)
    found = team_mod.collect(catalogue, paths)
    console = _console()
    for note in found.notes:
        _say(console, f"Let op: {note}", "yellow")
    err = _console(stderr=True)
    for error in found.errors:
        _say(err, f"Fout: {error} (overgeslagen)", "red")
    if not found.members:
        raise AsmoError("geen bruikbare afgeronde metingen gevonden; er is niets geschreven")
    written = team_mod.write_team(
        catalogue, found, out or where.reports_dir() / "team", with_names=names
    )
    console.print(f"Teamprofiel van {team_mod.members_text(len(found.members))}.", markup=False)
    _print_written(written)
    if found.errors:
        raise typer.Exit(EXIT_PROBLEM)


@app.command()
def history(
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            metavar="BESTAND",
            help="Teken de scores door de tijd naar een PNG-, SVG- of PDF-bestand.",
            dir_okay=False,
        ),
    ] = None,
    data_dir: DataDir = None,
) -> None:
    """Voortgangsoverzicht: je metingen door de tijd."""
    from asmo_cli.cli import outputs as exports
    from asmo_cli.render import terminal as views
    from asmo_cli.storage.store import list_records

    if plot is not None and plot.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise AsmoError(f"{plot}: kies een bestandsnaam die eindigt op .png, .svg of .pdf")
    catalogue = _catalogue(data_dir)
    listing = list_records()
    console = _console()
    views.show_history(console, catalogue, listing.records, listing.broken)
    if plot is not None:
        path = exports.plot_history(catalogue, listing, plot)
        _say(console, f"Geschreven: {path}")


@app.command()
def roles(
    role_id: Annotated[
        str | None, typer.Argument(metavar="ROL", help="Id van een rol, bijvoorbeeld 'kenner'.")
    ] = None,
    competencies: Annotated[
        bool, typer.Option("--competencies", help="Toon de competenties per functieniveau.")
    ] = False,
    data_dir: DataDir = None,
) -> None:
    """Bekijk de acht rollen, één rol in detail, of de competenties."""
    from asmo_cli.render import terminal as views

    catalogue = _catalogue(data_dir)
    console = _console()
    if competencies:
        views.show_competencies(console, catalogue)
    elif role_id is None:
        views.show_roles(console, catalogue)
    else:
        role = catalogue.find_role(role_id)
        if role is None:
            valid = ", ".join(r.name for r in catalogue.roles)
            raise AsmoError(f"onbekende rol '{role_id}'; kies uit: {valid}")
        views.show_role(console, catalogue, role)


@app.command()
def validate(data_dir: DataDir = None) -> None:
    """Controleer een catalogus en noem alle fouten die erin staan."""
    from asmo_cli.storage.catalogue import check_catalogue
    from asmo_cli.storage.paths import data_dir as resolve

    folder = resolve(data_dir)
    problems = check_catalogue(folder)
    if problems:
        from rich.text import Text

        from asmo_cli.core.text import clean

        err = _console(stderr=True)
        for line in problems:
            err.print(Text.assemble(("Fout: ", "bold red"), clean(line)), soft_wrap=True)
        count = f"{len(problems)} {'probleem' if len(problems) == 1 else 'problemen'}"
        _say(err, f"{count} gevonden in {folder}")
        raise typer.Exit(EXIT_PROBLEM)
    _say(_console(), f"De catalogus in {folder} is in orde.")


def main() -> None:
    """Run the ``asmo`` command (the console-script entry point)."""
    app()
