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

# Patterns as text, compiled on first use: they are only needed when something went wrong.
MESSAGES: list[tuple[str, str]] = [
    (r"^No such option: (.*?) \(Possible options: (.*)\)$", "onbekende optie: {0} (wel: {1})"),
    (r"^No such option: (.*?)(?:\. Did you mean (.*)\?)?$", "onbekende optie: {0}"),
    (r"^No such command (.*)\.$", "onbekend commando {0}"),
    (r"^(onbekend commando .*?)\.? Did you mean (.*)\?$", "{0}; bedoel je {1}?"),
    (r"^Missing argument (.*)\.$", "argument {0} ontbreekt"),
    (r"^Missing option (.*)\.$", "optie {0} ontbreekt"),
    (r"^Missing parameter: (.*)$", "{0} ontbreekt"),
    (r"^Got unexpected extra arguments? \((.*)\)$", "onverwacht extra argument ({0})"),
    (r"^Option (.*) requires an argument\.$", "optie {0} heeft een waarde nodig"),
    (r"^Option (.*) requires (\d+) arguments\.$", "optie {0} heeft {1} waarden nodig"),
    (r"(?s)^Invalid value for (.*?): (.*)$", "ongeldige waarde voor {0}: {1}"),
    (r"^Missing command\.$", "geen commando gegeven"),
]
DETAILS: list[tuple[str, str]] = [
    (r"(?i)File '(.*)' does not exist\.", "bestand '{0}' bestaat niet"),
    (r"(?i)Directory '(.*)' does not exist\.", "map '{0}' bestaat niet"),
    (r"(?i)File '(.*)' is a directory\.", "'{0}' is een map, geen bestand"),
    (r"(?i)Directory '(.*)' is a file\.", "'{0}' is een bestand, geen map"),
    (r"(?i)'(.*)' is not a valid integer\.", "'{0}' is geen geheel getal"),
]


def translate(text: str) -> str:
    """Return the Dutch for a known click message, else the text itself."""
    text = text.strip()
    for pattern, dutch in MESSAGES:
        match = re.match(pattern, text)
        if match:
            parts = [_details(g) if g else "" for g in match.groups()]
            return dutch.format(*parts)
    return _details(text)


def _details(text: str) -> str:
    for pattern, dutch in DETAILS:
        match = re.search(pattern, text)
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
