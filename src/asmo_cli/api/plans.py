"""``asmo plan``: the development plan (ontwikkelplan.md and ontwikkelplan.png)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from asmo_cli.api import reports as exports
from asmo_cli.api import writing
from asmo_cli.api.records import set_ambition, set_council
from asmo_cli.core.ambition import DEFAULT, GROW, LEVEL, SPECIALISE, Ambition
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.council import Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.plan import make_plan
from asmo_cli.core.record import Record
from asmo_cli.core.result import compute_result
from asmo_cli.core.text import date_nl
from asmo_cli.render.md_layout import to_markdown
from asmo_cli.render.pdf_docs import render_plan_pdf
from asmo_cli.render.plan_content import PLAN_FIGURE, PLAN_PNG, plan_content
from asmo_cli.render.radar import draw_radar
from asmo_cli.render.radar_geometry import NOW, Series
from asmo_cli.render.series import target_series
from asmo_cli.storage.owned import OwnedWriter
from asmo_cli.storage.store import find_complete

PLAN_MD = "ontwikkelplan.md"
PLAN_PDF = "ontwikkelplan.pdf"


# asked on a terminal when she names no ambition: the catalogue, the record, her last choice
ChooseAmbition = Callable[[Catalogue, Record, Ambition], Ambition]


@dataclass(frozen=True)
class Wish:
    """What ``asmo plan`` was told: a level (``--target``), a role (``--specialise``), her
    own words (``--ambition``); nothing: her last choice, or she is asked."""

    target: str | None = None
    specialise: str | None = None
    text: str | None = None


def plan_command(
    catalogues: Callable[[Council], Catalogue],
    ref: str | None,
    wish: Wish,
    out: Path | None,
    council: Council | None = None,
    choose: ChooseAmbition | None = None,
) -> writing.Written:
    """Write the development plan of a record and return the paths, in the words (and with
    the courses) of the council its AS serves; ``council`` stores another one first. Her
    ambition is kept with the record (a record of hers), so the next plan starts from it.

    The feedback kept with the record counts only when it is the record in asmo's own folder:
    a copy elsewhere may have the same id, but the feedback was given on the stored one.
    """
    record = find_complete(ref)
    said: tuple[str, ...] = ()
    if council is not None:
        record, line = set_council(record, council)
        said = (line,) if line else ()
    catalogue = catalogues(record.council)
    ambition = ambition_of(catalogue, record, wish, choose)
    record = set_ambition(record, ambition)
    feedback, notes = exports.stored_feedback(catalogue, record)
    written = write_plan(catalogue, record, ambition, out, feedback=feedback)
    return writing.Written(written.paths, (*said, *written.warnings, *notes))


def ambition_of(
    catalogue: Catalogue, record: Record, wish: Wish, choose: ChooseAmbition | None = None
) -> Ambition:
    """Her ambition from what the command was told, else her last choice (asked again on a
    terminal, with that choice first), else grow in her function."""
    if wish.target and wish.specialise:
        raise AsmoError("kies --target of --specialise, niet allebei")
    last = record.ambition or DEFAULT
    text = wish.text.strip() if wish.text and wish.text.strip() else last.text
    if wish.target:
        level = exports.resolve_target(catalogue, wish.target)
        if level.id == record.level:
            return Ambition(GROW, text=text)
        return Ambition(LEVEL, level=level.id, text=text)
    if wish.specialise:
        return Ambition(SPECIALISE, role=resolve_role(catalogue, wish.specialise), text=text)
    if choose is not None:
        return replace(choose(catalogue, record, last), text=text)
    return replace(last, text=text)


def resolve_role(catalogue: Catalogue, given: str) -> str:
    """The role id named by ``--specialise`` (its id or its name, in any case)."""
    wanted = given.strip().casefold()
    for role in catalogue.roles:
        if wanted in (role.id.casefold(), role.name.casefold()):
            return role.id
    valid = ", ".join(role.id for role in catalogue.roles)
    raise AsmoError(f"onbekende rol '{given}' bij --specialise; kies uit: {valid}")


def write_plan(
    catalogue: Catalogue,
    record: Record,
    ambition: Ambition,
    out: Path | None,
    *,
    feedback: Sequence[FeedbackResponse] = (),
) -> writing.Written:
    """Write ontwikkelplan.pdf, .md and .png of a complete record (with feedback, if given).
    Nothing is written over a file that is not asmo's."""
    folder = writing.target_dir(out, record)
    with writing.writing_for(record) as writer:
        writer.check([folder / PLAN_PDF, folder / PLAN_MD, folder / PLAN_PNG])
        with writing.record_is_safe(record):
            return _write_plan(catalogue, record, ambition, feedback, folder, writer)


def _write_plan(
    catalogue: Catalogue,
    record: Record,
    ambition: Ambition,
    feedback: Sequence[FeedbackResponse],
    folder: Path,
    writer: OwnedWriter,
) -> writing.Written:
    result = compute_result(catalogue, record, feedback=feedback)
    plan = make_plan(catalogue, result, ambition)
    target = plan.target
    chart = folder / PLAN_PNG
    roles = result.scores.roles
    now = f"nu: {date_nl(record.created)}"
    series = [Series(now, [r.score for r in roles], NOW, [r.enough_data for r in roles])]
    if target and target.profile:
        series.insert(0, target_series(catalogue, target))
    title = "Ontwikkelplan ambtelijk secretaris\n" + (f"{record.name} — " if record.name else "")
    title += (
        f"streefniveau {target.name.lower()}"
        if target and plan.other_level
        else date_nl(record.created)
    )
    labels = [r.name for r in roles]
    (image,) = draw_radar(labels, series, title, ["png"])
    document, text = folder / PLAN_PDF, folder / PLAN_MD
    content = plan_content(catalogue, plan)
    items: list[tuple[Path, bytes | str]] = [
        (document, render_plan_pdf(content, record, labels, series)),
        (text, to_markdown(content, {PLAN_FIGURE: PLAN_PNG})),
        (chart, image),
    ]
    return writing.Written(tuple(writer.write_all(items)), result.warnings)
