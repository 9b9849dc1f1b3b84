"""Dutch for the texts that typer's bundled click prints itself (help headings, usage errors).

typer has no translations, so the few texts a user can meet are replaced here, at one place.
Everything is guarded: should a future typer move these, asmo falls back to English rather
than fail.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import IO, Any

WORDS = {
    "Arguments": "Argumenten",
    "Options": "Opties",
    "Commands": "Commando's",
    "Missing command.": "Geen commando gegeven.",
    "No such command {name!r}.": "onbekend commando {name!r}",
    "default: {default}": "standaard: {default}",
    "env var: {var}": "omgevingsvariabele: {var}",
    "required": "verplicht",
    "Aborted!": "Afgebroken.",
    "(dynamic)": "(wisselend)",
}

USAGE_WORDS = {"[OPTIONS]": "[OPTIES]", "COMMAND [ARGS]...": "COMMANDO [ARGUMENTEN]..."}

MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No such option: (.*?)(?:\. Did you mean (.*)\?)?$"), "onbekende optie: {0}"),
    (re.compile(r"^No such command (.*)\.$"), "onbekend commando {0}"),
    (re.compile(r"^(onbekend commando .*?)\.? Did you mean (.*)\?$"), "{0}; bedoel je {1}?"),
    (re.compile(r"^Missing argument (.*)\.$"), "argument {0} ontbreekt"),
    (re.compile(r"^Missing option (.*)\.$"), "optie {0} ontbreekt"),
    (re.compile(r"^Missing parameter: (.*)$"), "{0} ontbreekt"),
    (re.compile(r"^Got unexpected extra arguments? \((.*)\)$"), "onverwacht extra argument ({0})"),
    (re.compile(r"^Option (.*) requires an argument\.$"), "optie {0} heeft een waarde nodig"),
    (re.compile(r"^Option (.*) requires (\d+) arguments\.$"), "optie {0} heeft {1} waarden nodig"),
    (re.compile(r"^Invalid value for (.*?): (.*)$", re.S), "ongeldige waarde voor {0}: {1}"),
    (re.compile(r"^Missing command\.$"), "geen commando gegeven"),
]
DETAILS = [
    (re.compile(r"File '(.*)' does not exist\.", re.I), "bestand '{0}' bestaat niet"),
    (re.compile(r"Directory '(.*)' does not exist\.", re.I), "map '{0}' bestaat niet"),
    (re.compile(r"File '(.*)' is a directory\.", re.I), "'{0}' is een map, geen bestand"),
    (re.compile(r"Directory '(.*)' is a file\.", re.I), "'{0}' is een bestand, geen map"),
    (re.compile(r"'(.*)' is not a valid integer\.", re.I), "'{0}' is geen geheel getal"),
]


def translate(text: str) -> str:
    """Return the Dutch for a known click message, else the text itself."""
    text = text.strip()
    for pattern, dutch in MESSAGES:
        match = pattern.match(text)
        if match:
            parts = [_details(g) if g else "" for g in match.groups()]
            return dutch.format(*parts)
    return _details(text)


def _details(text: str) -> str:
    for pattern, dutch in DETAILS:
        match = pattern.search(text)
        if match:
            text = text[: match.start()] + dutch.format(*match.groups()) + text[match.end() :]
    return text


def _word(message: str) -> str:
    return WORDS.get(message, message)


def install() -> None:
    """Put the Dutch texts in place in typer's bundled click (once; harmless if it moved)."""
    try:
        _install()
    except (AttributeError, ImportError):  # pragma: no cover - a future typer moved things
        return


def _install() -> None:
    try:
        from typer import core
        from typer._click import core as click_core
        from typer._click import exceptions, formatting
    except ImportError:  # pragma: no cover - a future typer without the bundled click
        return
    if getattr(exceptions, "_asmo_dutch", False):
        return
    core._ = _word  # type: ignore[attr-defined]
    click_core._ = _word  # type: ignore[attr-defined]
    original_usage: Callable[..., None] = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        original_usage(self, prog, args, "Gebruik: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]
    original_help = click_core.Command.get_help_option

    def get_help_option(self: Any, ctx: Any) -> Any:
        option = original_help(self, ctx)
        if option is not None:
            option.help = "Toon deze hulp en stop."
        return option

    click_core.Command.get_help_option = get_help_option  # type: ignore[method-assign]
    original_pieces = click_core.Command.collect_usage_pieces

    def collect_usage_pieces(self: Any, ctx: Any) -> list[str]:
        pieces = original_pieces(self, ctx)
        return [USAGE_WORDS.get(p, p) for p in pieces]

    click_core.Command.collect_usage_pieces = collect_usage_pieces  # type: ignore[method-assign]

    def show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
        file = file or exceptions.get_text_stderr()  # type: ignore[attr-defined]
        if self.ctx is not None:
            hint = f"Hulp: {self.ctx.command_path} {self.ctx.help_option_names[0]}"
            exceptions.echo(f"{self.ctx.get_usage()}\n{hint}", file=file)  # type: ignore[attr-defined]
        exceptions.echo(f"Fout: {translate(self.format_message())}", file=file)  # type: ignore[attr-defined]

    def show_error(self: Any, file: IO[Any] | None = None) -> None:
        file = file or exceptions.get_text_stderr()  # type: ignore[attr-defined]
        exceptions.echo(f"Fout: {translate(self.format_message())}", file=file)  # type: ignore[attr-defined]

    exceptions.UsageError.show = show_usage_error  # type: ignore[method-assign]
    exceptions.ClickException.show = show_error  # type: ignore[method-assign]
    exceptions._asmo_dutch = True  # type: ignore[attr-defined]
