"""The one module that reaches into a private module of another package: typer's bundled click.

typer (from 0.26) ships its own copy of click as ``typer._click`` and exports only
``BadParameter`` from it. asmo needs two things from there, both to speak Dutch:

- the exception classes, to show a usage error from its public attributes (the option's
  name, the close matches, the parameter and its kind) instead of click's English text;
- ``HelpFormatter``, the class a ``Context.formatter_class`` must be, to write the help's
  headings and usage line in Dutch.

``tests/test_click_adapter.py`` checks every name and attribute used here against the typer
that is installed, so a typer that changes them fails the tests instead of the user.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from typer._click import exceptions as _exceptions
from typer._click.formatting import HelpFormatter

ClickException = _exceptions.ClickException
UsageError = _exceptions.UsageError
BadParameter = _exceptions.BadParameter
MissingParameter = _exceptions.MissingParameter
NoSuchOption = _exceptions.NoSuchOption
NoArgsIsHelpError = _exceptions.NoArgsIsHelpError

__all__ = [
    "BadParameter",
    "ClickException",
    "HelpFormatter",
    "MissingParameter",
    "NoArgsIsHelpError",
    "NoSuchOption",
    "UsageError",
    "param_hint",
]


def param_hint(exc: Any) -> str:
    """Which parameter a ``BadParameter`` is about, as click writes it ('--out', 'METING');
    empty when it does not say. (typer 0.26 asks the context for the hint, 0.29 not.)"""
    hint: Sequence[str] | str | None = exc.param_hint
    if hint is None and exc.param is not None:
        try:
            hint = exc.param.get_error_hint()
        except TypeError:
            hint = exc.param.get_error_hint(exc.ctx)
    if hint is None:
        return ""
    return hint if isinstance(hint, str) else " / ".join(repr(part) for part in hint)
