"""What asmo says after an assessment, or after it was stopped: the next steps, each command
on a line of its own when the sentence does not fit, so that no terminal width breaks it."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from rich.text import Text

from asmo_cli.cli.console import show_command
from asmo_cli.core.text import clean, program

if TYPE_CHECKING:
    from rich.console import Console


def say_interrupted(console: Console, has_answers: bool = True, in_hours: bool = False) -> None:
    """Tell how to go on after Ctrl-C or a closed terminal (printing may fail then)."""
    with contextlib.suppress(OSError, ValueError):
        console.print()
        if not has_answers:
            console.print("Gestopt. Er was nog niets ingevuld.")
        elif in_hours:
            console.print("Gestopt. Je meting is af en bewaard, zonder uren. Je rapport:")
            show_command(console, f"{program()} report")
            console.print("Je uren vul je later in met:")
            show_command(console, f"{program()} hours")
        else:
            console.print("Gestopt. Al je antwoorden zijn bewaard. Ga later verder met:")
            show_command(console, f"{program()} assess")


def say_next_steps(console: Console, *, has_previous: bool) -> None:
    """Suggest only what works now: a comparison only with an earlier record of this person."""
    steps = [("je ontwikkelplan", f"{program()} plan")]
    if has_previous:
        steps.append(("vergelijken met je vorige meting", f"{program()} report --previous"))
    steps.append(("je metingen", f"{program()} history"))
    steps.append(("een antwoord verbeteren", f"{program()} assess --edit"))
    line = clean("Verder: " + "; ".join(f"{what}: {how}" for what, how in steps) + ".")
    if len(line) > console.width:  # a step a line, and a command on a line of its own
        line = "\n".join(
            ["Verder:", *(f"  {clean(what)}:\n    {clean(how)}" for what, how in steps)]
        )
    console.print(Text(line), soft_wrap=True)
