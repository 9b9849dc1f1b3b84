"""What asmo takes from typer's bundled click (``cli/click_adapter.py``), checked against the
typer that is installed: a typer that renames or reshapes any of it fails here."""

from __future__ import annotations

import inspect

import pytest
from typer.testing import CliRunner

from asmo_cli.cli import click_adapter as click
from asmo_cli.cli.app import app
from asmo_cli.cli.help import dutch


def test_the_exception_classes_are_what_asmo_expects() -> None:
    assert issubclass(click.UsageError, click.ClickException)
    assert issubclass(click.NoSuchOption, click.UsageError)
    assert issubclass(click.BadParameter, click.UsageError)
    assert issubclass(click.MissingParameter, click.BadParameter)
    assert issubclass(click.NoArgsIsHelpError, click.UsageError)


def test_the_attributes_asmo_reads_are_there() -> None:
    option = click.NoSuchOption("--kleur", possibilities=["--kleuren"])
    assert (option.option_name, list(option.possibilities or ())) == ("--kleur", ["--kleuren"])
    assert dutch(option) == "onbekende optie: --kleur. Bedoelde je --kleuren?"
    bad = click.BadParameter("'x' is not a valid integer.", param_hint="'--aantal'")
    assert (bad.message, bad.param, bad.param_hint) == (
        "'x' is not a valid integer.",
        None,
        "'--aantal'",
    )
    assert dutch(bad) == "ongeldige waarde voor '--aantal': 'x' is geen geheel getal"
    missing = click.MissingParameter(param_hint="'METING'", param_type="argument")
    assert missing.param_type == "argument"
    assert dutch(missing) == "argument 'METING' ontbreekt"
    assert click.param_hint(click.BadParameter("kapot")) == ""


def test_the_formatter_has_the_methods_asmo_overrides() -> None:
    for name in ("write_usage", "section", "write_dl", "getvalue"):
        assert callable(getattr(click.HelpFormatter, name))
    assert "prefix" in inspect.signature(click.HelpFormatter.write_usage).parameters


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], ["feedback", "--help"]])
def test_help_has_no_english_left(runner: CliRunner, args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 0
    assert "Toon deze hulp en stop." in result.output
    for english in ("Show this message", "Usage:", "Options", "Arguments", "Commands:"):
        assert english not in result.output
