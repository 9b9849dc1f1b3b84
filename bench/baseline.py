"""A minimal typer app of the same shape as asmo, the baseline the benchmarks compare against.

``table`` prints a rich table read from YAML (like ``asmo roles``); ``draw`` draws an
eight-axis polar figure and a bar chart with matplotlib and writes a small Markdown and JSON
file (like ``asmo report`` with its hours document).
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Annotated

import typer
import yaml

app = typer.Typer(help="Minimale vergelijkingsapp.", add_completion=False)
DATA = Path(__file__).resolve().parents[1] / "data"


@app.callback()
def main() -> None:
    """Minimale vergelijkingsapp."""


@app.command()
def table() -> None:
    """Print een tabel uit YAML."""
    from rich.console import Console
    from rich.table import Table

    data = yaml.load((DATA / "roles.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
    out = Table()
    out.add_column("Rol")
    out.add_column("Samenvatting")
    for role in data["roles"]:
        out.add_row(role["name"], role["summary"])
    Console().print(out)


@app.command()
def draw(out: Annotated[Path, typer.Option()]) -> None:
    """Teken een polair figuur en een staafdiagram en schrijf Markdown en JSON."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    out.mkdir(parents=True, exist_ok=True)
    fig = Figure(figsize=(8.5, 8.5), dpi=150)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot(projection="polar")
    angles = [2 * math.pi * i / 8 for i in range(8)]
    values = [3.0, 4.0, 2.5, 3.5, 4.5, 2.0, 3.0, 4.0]
    ax.plot([*angles, angles[0]], [*values, values[0]])
    ax.fill([*angles, angles[0]], [*values, values[0]], alpha=0.2)
    ax.set_xticks(angles)
    ax.set_xticklabels([f"Rol {i}" for i in range(8)])
    fig.savefig(out / "radar.png", dpi=150)
    bars = Figure(figsize=(11, 7), dpi=150)
    FigureCanvasAgg(bars)
    axes = bars.add_subplot()
    axes.barh([f"Werkzaamheid {i}" for i in range(8)], values)
    bars.savefig(out / "uren.png", dpi=150)
    (out / "rapport.md").write_text("# Rapport\n\n![radar](radar.png)\n", encoding="utf-8")
    (out / "scores.json").write_text(json.dumps({"roles": values}), encoding="utf-8")


if __name__ == "__main__":
    app()
