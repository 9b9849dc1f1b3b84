"""``asmo plan``: the development plan (ontwikkelplan.md and ontwikkelplan.png)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from asmo_cli.api import reports as exports
from asmo_cli.api import writing
from asmo_cli.api.records import set_council
from asmo_cli.core.catalogue import Catalogue, Level
from asmo_cli.core.council import Council
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.levels import (
    default_target,
    has_profiles,
)
from asmo_cli.core.plan import make_plan
from asmo_cli.core.record import Record
from asmo_cli.core.result import compute_result
from asmo_cli.core.text import date_nl
from asmo_cli.render.pdf_docs import render_plan_pdf
from asmo_cli.render.plan import PLAN_PNG, render_plan
from asmo_cli.render.radar import draw_radar
from asmo_cli.render.radar_geometry import NOW, Series
from asmo_cli.render.series import target_series
from asmo_cli.storage.owned import OwnedWriter
from asmo_cli.storage.store import find_complete

PLAN_MD = "ontwikkelplan.md"
PLAN_PDF = "ontwikkelplan.pdf"


def plan_command(
    catalogues: Callable[[Council], Catalogue],
    ref: str | None,
    target_id: str | None,
    out: Path | None,
    ambition: str | None = None,
    council: Council | None = None,
) -> writing.Written:
    """Write the development plan of a record and return the paths, in the words (and with
    the courses) of the council its AS serves; ``council`` stores another one first.

    The feedback kept with the record counts only when it is the record in asmo's own folder:
    a copy elsewhere may have the same id, but the feedback was given on the stored one.
    """
    record = find_complete(ref)
    said: tuple[str, ...] = ()
    if council is not None:
        record, line = set_council(record, council)
        said = (line,) if line else ()
    catalogue = catalogues(record.council)
    feedback, notes = exports.stored_feedback(catalogue, record)
    written = write_plan(catalogue, record, target_id, out, ambition, feedback=feedback)
    return writing.Written(written.paths, (*said, *written.warnings, *notes))


def write_plan(
    catalogue: Catalogue,
    record: Record,
    target_id: str | None,
    out: Path | None,
    ambition: str | None = None,
    *,
    feedback: Sequence[FeedbackResponse] = (),
) -> writing.Written:
    """Write ontwikkelplan.pdf, .md and .png of a complete record (with feedback, if given).
    Nothing is written over a file that is not asmo's."""
    folder = writing.target_dir(out, record)
    with writing.writing_for(record) as writer:
        writer.check([folder / PLAN_PDF, folder / PLAN_MD, folder / PLAN_PNG])
        with writing.record_is_safe(record):
            return _write_plan(catalogue, record, target_id, ambition, feedback, folder, writer)


def _write_plan(
    catalogue: Catalogue,
    record: Record,
    target_id: str | None,
    ambition: str | None,
    feedback: Sequence[FeedbackResponse],
    folder: Path,
    writer: OwnedWriter,
) -> writing.Written:
    result = compute_result(catalogue, record, feedback=feedback)
    target: Level | None = None
    if target_id:
        target = exports.resolve_target(catalogue, target_id)
    elif has_profiles(catalogue):
        target = default_target(catalogue, record.level, list(result.fits))
    plan = make_plan(catalogue, result, target, ambition)
    chart = folder / PLAN_PNG
    roles = result.scores.roles
    now = f"nu: {date_nl(record.created)}"
    series = [Series(now, [r.score for r in roles], NOW, [r.enough_data for r in roles])]
    if target and target.profile:
        series.insert(0, target_series(catalogue, target))
    title = "Ontwikkelplan ambtelijk secretaris\n" + (f"{record.name} — " if record.name else "")
    title += f"streefniveau {target.name.lower()}" if target else date_nl(record.created)
    (image,) = draw_radar([r.name for r in roles], series, title, ["png"])
    document, text = folder / PLAN_PDF, folder / PLAN_MD
    items: list[tuple[Path, bytes | str]] = [
        (document, render_plan_pdf(catalogue, plan, image)),
        (text, render_plan(catalogue, plan)),
        (chart, image),
    ]
    return writing.Written(tuple(writer.write_all(items)), result.warnings)
