"""Dutch help and usage errors, through click's extension points (as bundled with typer).

- ``DutchFormatter`` (a ``Context.formatter_class``): Dutch usage prefix and section headings,
  and the few words click and typer put in help rows (the help option's own text, default,
  env var, required); no type labels such as ``<str>`` after an argument.
- ``DutchCommand`` and ``DutchGroup`` (``cls=``): that context, and for the group a
  ``resolve_command`` that suggests a close command ("Bedoelde je report?") and a ``main``
  that runs with ``standalone_mode=False`` and shows click's usage errors in Dutch, from the
  exceptions' attributes (the option, its close matches, the parameter).

The classes of typer's bundled click come from ``click_adapter.py``, the one module that
imports a private module of another package.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from difflib import get_close_matches
from typing import IO, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from asmo_cli.cli import click_adapter as click

HEADINGS = {"Arguments": "Argumenten", "Options": "Opties", "Commands": "Commando's"}
ROW_WORDS = [
    (re.compile(r"^Show this message and exit\.$"), "Toon deze hulp en stop."),
    (re.compile(r"\bdefault: "), "standaard: "),
    (re.compile(r"\benv var: "), "omgevingsvariabele: "),
    (re.compile(r"\brequired\b"), "verplicht"),
]
TYPE_LABEL = re.compile(r" <[^<>]*>$")  # typer's '<str>' or '<list[Path]>' after an argument

# Patterns as text, compiled on first use: they are only needed when something went wrong.
MESSAGES: list[tuple[str, str]] = [
    (r"^Got unexpected extra arguments? \((.*)\)$", "onverwacht extra argument ({0})"),
    (r"^Option (.*) requires an argument\.$", "optie {0} heeft een waarde nodig"),
    (r"^Option (.*) requires (\d+) arguments\.$", "optie {0} heeft {1} waarden nodig"),
    (r"^Missing command\.?$", "geen commando gegeven"),
    (r"^Option (.*) does not take a value\.$", "optie {0} neemt geen waarde"),
]
DETAILS: list[tuple[str, str]] = [
    (r"(?i)File '(.*)' does not exist\.", "bestand '{0}' bestaat niet"),
    (r"(?i)Directory '(.*)' does not exist\.", "map '{0}' bestaat niet"),
    (r"(?i)File '(.*)' is a directory\.", "'{0}' is een map, geen bestand"),
    (r"(?i)Directory '(.*)' is a file\.", "'{0}' is een bestand, geen map"),
    (r"(?i)'(.*)' is not a valid integer\.", "'{0}' is geen geheel getal"),
    (r"(?i)'(.*)' is not a valid boolean\.", "'{0}' is geen ja of nee"),
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


class DutchFormatter(click.HelpFormatter):
    """click's help formatter, speaking Dutch."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = re.sub(r"\{([^{}]*)\}", r"\1", args)  # typer marks required arguments {X}
        super().write_usage(prog, args, "Gebruik: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(HEADINGS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        dutch = []
        for name, text in rows:
            for pattern, word in ROW_WORDS:
                text = pattern.sub(word, text)
            dutch.append((TYPE_LABEL.sub("", name), text))
        super().write_dl(dutch, *args, **kwargs)


class DutchContext(typer.Context):
    formatter_class = DutchFormatter


class DutchCommand(TyperCommand):
    """A command with Dutch help."""

    context_class = DutchContext

    def get_short_help_str(self, limit: int = 45) -> str:
        """The whole first line of the help in the list of commands: the list wraps, never '...'."""
        text = self.short_help or (self.help or "").strip().split("\n\n")[0]
        return " ".join(text.split())


class DutchGroup(TyperGroup):
    """The ``asmo`` group: Dutch help, and click's usage errors shown in Dutch."""

    context_class = DutchContext

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        """A command that does not exist is a Dutch usage error, with the closest command."""
        name = args[0] if args else ""
        if name and not name.startswith("-") and not ctx.resilient_parsing:
            known = self.list_commands(ctx)
            if self.get_command(ctx, name) is None:
                close = get_close_matches(name, known, n=1)
                hint = f" Bedoelde je {close[0]}?" if close else ""
                raise click.UsageError(f"onbekend commando '{name}'.{hint}", ctx)
        return super().resolve_command(ctx, args)

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        standalone = standalone_mode
        try:
            code = super().main(
                args,
                prog_name,
                complete_var,
                False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
        except click.ClickException as exc:
            if not standalone:
                raise
            _show(exc, sys.stderr)
            sys.exit(exc.exit_code)
        except typer.Abort:
            if not standalone:
                raise
            print("Afgebroken.", file=sys.stderr)
            sys.exit(1)
        if not standalone:
            return code
        _exit(code)


def _exit(code: Any) -> NoReturn:
    sys.exit(code if isinstance(code, int) else 0)


def _show(exc: Any, file: IO[str]) -> None:
    """Show a click error in Dutch: for a usage error the usage line and where help is."""
    ctx = getattr(exc, "ctx", None)
    if isinstance(exc, click.NoArgsIsHelpError):  # 'asmo' alone: the help itself
        print(exc.format_message(), file=file)
        return
    if isinstance(exc, click.UsageError) and ctx is not None:
        print(ctx.get_usage(), file=file)
        print(f"Hulp: {ctx.command_path} {ctx.help_option_names[0]}", file=file)
    print(f"Fout: {dutch(exc)}", file=file)


KINDS = {"argument": "argument", "option": "optie"}


def dutch(exc: Any) -> str:
    """A click error in Dutch, from its attributes where it has them."""
    if isinstance(exc, click.NoSuchOption):
        close = sorted(exc.possibilities or ())
        hint = f". Bedoelde je {' of '.join(close)}?" if close else ""
        return f"onbekende optie: {exc.option_name}{hint}"
    if isinstance(exc, click.MissingParameter):
        kind = exc.param_type or (exc.param.param_type_name if exc.param is not None else "")
        return f"{KINDS.get(kind, 'waarde')} {click.param_hint(exc)} ontbreekt".replace("  ", " ")
    if isinstance(exc, click.BadParameter):
        hint = click.param_hint(exc)
        return (
            f"ongeldige waarde voor {hint}: {_details(exc.message)}"
            if hint
            else _details(exc.message)
        )
    return translate(exc.format_message())
