"""Everything printed to the terminal: rich tables and texts, in Dutch."""

from __future__ import annotations

import shutil
import textwrap
from typing import TYPE_CHECKING

from rich.console import Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from asmo_cli.core.catalogue import Catalogue, Competency, Role
from asmo_cli.core.text import (
    DISCLAIMER,
    SCORE_NOTE,
    STRONGEST,
    TO_DEVELOP,
    clean,
    format_score,
    program,
    stars,
)
from asmo_cli.render.explain import thin_line
from asmo_cli.render.report_content import role_cells

if TYPE_CHECKING:
    from rich.console import Console

    from asmo_cli.core.result import Result

WIDE = 90
NARROW = 60  # below this a table of names and sentences becomes a list: no column is cut


def main_tasks(catalogue: Catalogue, role: Role) -> list[str]:
    """The names of the areas where at least half the activities are the role's core
    activities (the role is their main role), in catalogue order; else those with the most."""
    counts = {row[0]: row[1] for row in role_activities(catalogue, role)}
    sizes = {t.name: len(t.activities) for t in catalogue.tasks}
    half = [t.name for t in catalogue.tasks if 2 * counts.get(t.name, 0) >= sizes[t.name]]
    if half:
        return half
    top = max(counts.values(), default=0)
    return [t.name for t in catalogue.tasks if top and counts.get(t.name) == top]


def role_activities(catalogue: Catalogue, role: Role) -> list[tuple[str, int, int]]:
    """Per area that feeds a role: its name, its core activities for the role and the others
    that feed it; most core activities first."""
    counts: dict[str, list[int]] = {}
    for feed in catalogue.feeds(role.id):
        core_side = counts.setdefault(feed.task.name, [0, 0])
        core_side[0 if feed.core else 1] += 1
    rows = [(name, core, side) for name, (core, side) in counts.items()]
    return sorted(rows, key=lambda row: (-row[1], -row[2]))


def plain(text: str, style: str = "") -> Text:
    """Return user or catalogue text for the terminal: never markup, no control characters."""
    return Text(clean(text), style=style)


def bullets(items: list[Text]) -> Table:
    """Return a bulleted list whose wrapped lines hang under the text, not the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=2, justify="right")
    grid.add_column()
    for item in items:
        grid.add_row("•", item)
    return grid


def show_roles(console: Console, catalogue: Catalogue) -> None:
    if console.width < NARROW:
        _role_list(console, catalogue)
    else:
        _role_table(console, catalogue)
    console.print(plain(DISCLAIMER, "dim"))
    # each command on a line of its own, so that no terminal width can break it in two
    console.print(plain("Meer over één rol, bijvoorbeeld de Kenner:", "dim"))
    console.print(plain(f"  {program()} roles kenner", "dim"))
    console.print(plain("De competenties:", "dim"))
    console.print(plain(f"  {program()} roles --competencies", "dim"))


def _role_list(console: Console, catalogue: Catalogue) -> None:
    """The roles one below the other: the name, then its summary and main areas indented."""
    console.print(Text("De rollen van de ambtelijk secretaris", style="bold underline"))
    for role in catalogue.roles:
        console.print(plain(role.name, "bold"))
        text = plain(role.summary)
        text.append("\nKern: " + clean("; ".join(main_tasks(catalogue, role))), style="dim")
        console.print(Padding(text, (0, 0, 0, 2)))


def _role_table(console: Console, catalogue: Catalogue) -> None:
    table = Table(
        title="De rollen van de ambtelijk secretaris", title_justify="left", show_lines=True
    )
    table.add_column("Rol", style="bold", min_width=12)
    table.add_column("Waar gaat het om", min_width=24)
    for role in catalogue.roles:
        text = plain(role.summary)
        text.append("\nKern: " + clean("; ".join(main_tasks(catalogue, role))), style="dim")
        table.add_row(plain(role.name), text)
    console.print(table)


def show_role(console: Console, catalogue: Catalogue, role: Role) -> None:
    console.print(plain(role.name, "bold underline"))
    console.print(plain(role.summary, "italic"))
    console.print()
    console.print(plain(role.description))
    console.print()
    console.print(Text("Competenties voor deze rol", style="bold"))
    items = []
    for comp_id in role.competencies:
        comp = catalogue.competency(comp_id)
        line = plain(comp.name, "bold")
        line.append(clean(f" ({comp.kind}): {comp.description}"), style="not bold")
        items.append(line)
    console.print(bullets(items))
    console.print()
    rows = role_activities(catalogue, role)
    if console.width < WIDE - 20:  # the three columns would cut the names of the areas
        console.print(Text("Activiteiten die meetellen", style="italic"))
        lines = []
        for name, core, side in rows:
            counts = [f"kern {core}"] * bool(core) + [f"draagt bij {side}"] * bool(side)
            lines.append(plain(f"{name}: {', '.join(counts)}"))
        console.print(bullets(lines))
    else:
        table = Table(title="Activiteiten die meetellen", title_justify="left")
        table.add_column("Werkzaamheid")
        table.add_column("Kern (1)", justify="right", no_wrap=True)
        table.add_column("Draagt bij (0,5)", justify="right", no_wrap=True)
        for name, core, side in rows:
            table.add_row(plain(name), str(core) if core else "", str(side) if side else "")
        console.print(table)
    console.print(
        plain(
            "Kern: activiteiten waarvoor dit de hoofdrol is (gewicht 1). Draagt bij: "
            "activiteiten die ook iets over deze rol zeggen (gewicht 0,5).",
            "dim",
        )
    )


def show_competencies(console: Console, catalogue: Catalogue) -> None:
    basic = [c for c in catalogue.competencies if c.basic]
    if basic:
        console.print(Text("De basiscompetenties van de tool", style="bold underline"))
        console.print(
            "asmo gaat ervan uit dat je deze negen beheerst; ze staan nooit als ontwikkelpunt in "
            "je plan. (Niet te verwarren met tabel 1 hieronder.)"
        )
        items = []
        for comp in basic:
            line = plain(comp.name, "bold")
            line.append(clean(f": {comp.description}"), style="not bold")
            items.append(line)
        console.print(bullets(items))
        console.print()
    titles = {
        1: "Tabel 1 van het handboek (2005): competenties voor de hele functiereeks",
        2: "Tabel 2 van het handboek (2005): competenties met een eigen accent per functie",
    }
    for table_number, title in titles.items():
        comps = [c for c in catalogue.competencies if c.table == table_number]
        if comps:
            _level_table(console, catalogue, title, comps)
            console.print()
    others = [c for c in catalogue.competencies if not c.basic and c.table is None]
    if others:
        console.print(Text("Overige competenties", style="bold underline"))
        console.print(bullets([plain(f"{c.name}: {c.description}") for c in others]))


def _level_table(
    console: Console, catalogue: Catalogue, title: str, comps: list[Competency]
) -> None:
    if console.width >= WIDE:
        table = Table(title=title, title_justify="left", show_lines=True)
        table.add_column("Competentie", style="bold")
        for level in catalogue.levels:
            table.add_column(plain(level.name))
        for comp in comps:
            texts = (plain(comp.levels.get(lv.id, "")) for lv in catalogue.levels)
            table.add_row(plain(comp.name), *texts)
        console.print(table)
        return
    console.print(Text(title, style="bold underline"))
    for comp in comps:
        console.print(plain(comp.name, "bold"))
        for level in catalogue.levels:
            text = comp.levels.get(level.id, "—")
            console.print(Padding(plain(f"{level.name}: {text}"), (0, 0, 0, 2), expand=False))


def results_table(result: Result, width: int = WIDE) -> Table:
    """The scores per role; below 70 columns without the star bars, so that the role names
    and the mark for too little data stay whole."""
    with_bars = width >= 70
    table = Table(title="Je scores per rol", title_justify="left")
    table.add_column("Rol", style="bold", no_wrap=True)
    table.add_column("Score", justify="right", no_wrap=True)
    if with_bars:
        table.add_column("", no_wrap=True)
    table.add_column("Dekking", justify="right")
    for role in result.scores.roles:
        thin = role.score is not None and not role.enough_data
        name, score, bar, coverage, *_ = role_cells(result, role)  # the report's cells
        cells: list[Text | str] = [plain(name), score, *([bar] if with_bars else []), coverage]
        table.add_row(*cells, style="dim" if thin or role.score is None else "")
    return table


def show_results(console: Console, result: Result, catalogue: Catalogue | None = None) -> None:
    console.print(results_table(result, console.width))
    console.print(plain(SCORE_NOTE, "dim"))
    ranking = result.ranking
    if ranking.no_ranking is not None:
        console.print(plain(ranking.no_ranking.text))
    else:
        best = ", ".join(f"{r.name} ({format_score(r.score)})" for r in ranking.strongest)
        develop = ", ".join(ranking.develop_label(r) for r in ranking.to_develop)
        develop = f"geen. {ranking.no_gap}" if ranking.no_gap else develop
        console.print(Group(plain(f"{STRONGEST}: {best}"), plain(f"{TO_DEVELOP}: {develop}")))
        if ranking.strong_below:
            console.print(plain(ranking.strong_below, "yellow"))
    if result.thin:  # with or without a ranking: what to add is most useful without one
        console.print(plain(thin_line(result, catalogue) or "", "dim"))


def show_intro(console: Console, catalogue: Catalogue) -> None:
    """Explain the tool once, with the rating scale from tasks.yaml."""
    count = len(catalogue.tasks)
    console.print(Text("Zelfassessment ambtelijk secretaris", style="bold"))
    console.print(
        f"Je kiest welke van de {count} werkzaamheden jij doet en geeft per activiteit 1 tot 5 "
        "sterren. Daarna zie je je scores op de rollen van de AS, met een spindiagram en een "
        "rapport. Het kost 10 tot 20 minuten. Je antwoorden blijven op deze computer en worden "
        "na elk antwoord bewaard: stoppen mag altijd (Ctrl-C), je gaat later verder waar je was."
    )
    table = Table(title="De sterren", title_justify="left", show_header=False, box=None)
    for level in catalogue.scale:
        table.add_row(
            f"{level.stars} {stars(level.stars)}",
            Text(clean(level.label)),
            Text(clean(level.description)),
        )
    console.print(table)


def show_ids(console: Console, catalogue: Catalogue) -> None:
    """List the ids of every werkzaamheid and activiteit, as an answers file uses them."""
    console.print(
        plain("De ids voor een antwoordenbestand (ratings: werkzaamheid: activiteit: 1-5)")
    )
    for task in catalogue.tasks:
        console.print(plain(f"{task.id}:  {task.name}", "bold"))
        # a long name wraps under itself, never under the id; no trailing spaces
        column = 2 + max(len(a.id) for a in task.activities) + 3
        room = console.width - 1 - column
        for activity in task.activities:
            head = f"  {clean(activity.id)}:"
            if room < 20:  # too narrow for two columns: the name under the id
                lines = textwrap.wrap(clean(activity.name), console.width - 5) or [""]
                text = "\n".join([head, *(f"    {line}" for line in lines)])
            else:
                lines = textwrap.wrap(clean(activity.name), room) or [""]
                text = "\n".join(
                    [f"{head:<{column}}{lines[0]}", *(" " * column + line for line in lines[1:])]
                )
            console.print(Text(text), soft_wrap=True)


def columns() -> int:
    """The width a question may fill: the terminal less one column (the last one makes
    terminals wrap). The one place that asks the terminal its width for a question."""
    return max(30, shutil.get_terminal_size((80, 24)).columns - 1)


BREAK_AFTER = "/"  # a word too long for a line is broken after a slash, never inside a part


def pieces(word: str, room: int) -> list[str]:
    """A word in parts that fit ``room``, broken only after a slash
    ("afspraken/besluiten/procedures/wetten/cao"); a part without one is never broken."""
    if len(word) <= room or BREAK_AFTER not in word:
        return [word]
    parts = [part + BREAK_AFTER for part in word.split(BREAK_AFTER)]
    parts[-1] = parts[-1][: -len(BREAK_AFTER)]
    result = [""]
    for part in parts:
        if result[-1] and len(result[-1]) + len(part) > room:
            result.append("")
        result[-1] += part
    return [piece for piece in result if piece]


def fill(text: str, first: int, rest: int) -> list[str]:
    """Break ``text`` at spaces: ``first`` columns for the first line, ``rest`` for the others.

    A word longer than a line is broken after a slash if it has one; otherwise it gets a
    line of its own and is never broken. The first line is empty when not even the first
    word fits there.
    """
    lines: list[str] = []
    line = ""
    room = first
    words = [(part, i > 0) for word in text.split() for i, part in enumerate(pieces(word, rest))]
    for word, continued in words:
        if continued:  # the rest of a word broken after a slash: no space, a line of its own
            lines.append(line)
            line, room = word, rest
        elif line and len(line) + 1 + len(word) <= room:
            line += " " + word
        elif not line and (len(word) <= room or lines or room == rest):
            line = word
        else:
            lines.append(line)
            line, room = word, rest
    lines.append(line)
    return lines


def fit_message(text: str, reserve: int = 12) -> str:
    """Wrap a question at word boundaries for this terminal, leaving room for the answer.

    questionary prints "? question answer" on one line and the terminal would break it in the
    middle of a word; a question broken here never is. The next lines are indented by two.
    """
    width = columns()
    lines = fill(" ".join(text.split()), width - 2, width - 4) or [text]
    last = len(lines[-1]) + (2 if len(lines) == 1 else 4)  # "? " or "  " before it
    if last + reserve > width:  # the answer would not fit behind the last line
        room = max(10, width - 4 - reserve)
        lines += fill(lines.pop(), room if lines else room + 2, room)
    return "\n  ".join(line for line in lines if line)
