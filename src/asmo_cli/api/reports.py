"""Write report files for a record (the same code for ``assess`` and ``report``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from asmo_cli.api.hours import hours_documents, hours_targets
from asmo_cli.api.records import set_council
from asmo_cli.api.writing import Written, record_is_safe, target_dir, writing_for
from asmo_cli.core.catalogue import Catalogue, Level
from asmo_cli.core.council import NEUTRAL, Council
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.paper import counted
from asmo_cli.core.record import Record, earlier_text, same_person
from asmo_cli.core.result import Result, compute_result
from asmo_cli.core.text import plural, program
from asmo_cli.render.markdown import render_markdown
from asmo_cli.render.pdf_report import render_report_pdf
from asmo_cli.render.radar import draw_radar
from asmo_cli.render.scores import render_json
from asmo_cli.render.series import chart_title, radar_series
from asmo_cli.storage.feedback import load_feedback
from asmo_cli.storage.files import check_path_length
from asmo_cli.storage.owned import OwnedWriter, refuse_foreign
from asmo_cli.storage.store import (
    find_complete,
    is_stored,
    list_records,
    previous_complete,
    unfinished_error,
)

FORMATS = ("pdf", "png", "svg", "radar-pdf", "md", "json")
DEFAULT_FORMATS = ("pdf", "png", "md", "json")
FILE_NAMES = {
    "pdf": "rapport.pdf",
    "png": "radar.png",
    "svg": "radar.svg",
    "radar-pdf": "radar.pdf",
    "md": "rapport.md",
    "json": "scores.json",
}
CHART_FORMATS = {"png": "png", "svg": "svg", "radar-pdf": "pdf"}  # --format → matplotlib


def parse_formats(text: str) -> tuple[str, ...]:
    """Parse ``png,md`` into known formats, in the canonical order."""
    parts = [part.strip() for part in text.split(",") if part.strip()]
    asked = {part.lower().removeprefix(".") for part in parts}
    unknown = [part for part in parts if part.lower().removeprefix(".") not in FORMATS]
    if unknown or not asked:
        raise AsmoError(
            f"onbekende bestandssoort '{', '.join(unknown) or text}' bij --format; "
            f"kies uit: {','.join(FORMATS)}"
        )
    return tuple(f for f in FORMATS if f in asked)


def check_report_folder(out: Path) -> None:
    """Refuse, before a new record is even begun, an ``--out`` folder where its report would
    replace a file that asmo did not write (the hours documents included: they may follow)."""
    check_path_length(out, "pad")
    folder = out
    refuse_foreign([*(folder / FILE_NAMES[f] for f in DEFAULT_FORMATS), *hours_targets(folder)])


def report_targets(folder: Path, formats: Sequence[str], record: Record) -> list[Path]:
    """Every file a report with these formats writes into ``folder``."""
    targets = [folder / FILE_NAMES[f] for f in FORMATS if f in formats]
    if record.hours_per_week:
        targets += hours_targets(folder, formats)
    return targets


def write_report_files(
    catalogue: Catalogue,
    record: Record,
    out: Path | None,
    formats: tuple[str, ...] = DEFAULT_FORMATS,
    compare: Record | None = None,
    target: Level | None = None,
    *,
    names: bool = False,
) -> Written:
    """Write the chosen report files for ``record`` into ``out`` and return their paths
    (``names``: the feedback section shows figures and names per giver, from three up).

    Nothing is written when a target holds a file that asmo did not write.
    """
    if not record.is_complete:
        raise unfinished_error(record)
    folder = target_dir(out, record)
    with writing_for(record) as writer:
        writer.check(report_targets(folder, formats, record))
        feedback, notes = stored_feedback(catalogue, record)
        with record_is_safe(record):
            written = _write_report_files(
                catalogue, record, folder, formats, compare, target, names, feedback, writer
            )
    return Written(written.paths, (*written.warnings, *notes))


def _write_report_files(
    catalogue: Catalogue,
    record: Record,
    folder: Path,
    formats: tuple[str, ...],
    compare: Record | None,
    target: Level | None,
    names: bool,
    feedback: Sequence[FeedbackResponse],
    writer: OwnedWriter,
) -> Written:
    result = compute_result(catalogue, record, compare, target, feedback=feedback)
    items: list[tuple[Path, bytes | str]] = []
    if "pdf" in formats:
        items.append(
            (folder / FILE_NAMES["pdf"], render_report_pdf(catalogue, result, names=names))
        )
    items += _make_others(catalogue, result, folder, formats, names)
    return Written(tuple(writer.write_all(items)), result.warnings)


def stored_feedback(
    catalogue: Catalogue, record: Record
) -> tuple[list[FeedbackResponse], tuple[str, ...]]:
    """The feedback kept with a record that counts, and a note about paper forms still being
    typed in (they count once they are finished).

    Only for the record read from asmo's own folder: feedback was given on that one, and a
    copy elsewhere may carry the same id.
    """
    if not is_stored(record):
        return [], ()
    feedback, drafts = counted(catalogue, record.ratings, load_feedback(record.id))
    if not drafts:
        return feedback, ()
    forms = plural(drafts, "papieren formulier is", "papieren formulieren zijn")
    return feedback, (
        f"{forms} nog niet helemaal ingetypt en {'telt' if drafts == 1 else 'tellen'} nog niet "
        f"mee; maak het af met {program()} feedback add --interactive {record.id}",
    )


def _make_others(
    catalogue: Catalogue, result: Result, folder: Path, formats: tuple[str, ...], names: bool
) -> list[tuple[Path, bytes | str]]:
    """Make the radar files, Markdown, JSON and the hours documents, to go into ``folder``."""
    made: list[tuple[Path, bytes | str]] = []
    charts = [f for f in CHART_FORMATS if f in formats]
    if charts:
        labels = [r.name for r in result.scores.roles]
        series = radar_series(catalogue, result)
        kinds = [CHART_FORMATS[f] for f in charts]
        images = draw_radar(labels, series, chart_title(result), kinds)
        made += [(folder / FILE_NAMES[k], image) for k, image in zip(charts, images, strict=True)]
    if "md" in formats:
        image_name = FILE_NAMES["png"] if "png" in formats else None
        markdown = render_markdown(catalogue, result, image=image_name, names=names)
        made.append((folder / FILE_NAMES["md"], markdown))
    if "json" in formats:
        made.append((folder / FILE_NAMES["json"], render_json(result)))
    if result.record.hours_per_week:
        made += hours_documents(catalogue, result.record, folder, formats)
    return made


@dataclass(frozen=True)
class ReportRequest:
    """What ``asmo report`` was asked: which record, where, which files, compared with what."""

    ref: str | None = None  # id or path; None: the latest complete record
    out: Path | None = None
    formats: tuple[str, ...] = DEFAULT_FORMATS
    compare_ref: str | None = None
    previous: bool = False
    target_id: str | None = None
    names: bool = False  # figures and names per giver in the feedback section
    council: Council | None = None  # --council: store this council with the record first


def report_command(
    catalogues: Callable[[Council], Catalogue],
    request: ReportRequest,
    confirm_other: Callable[[Record, Record], bool] = lambda record, other: True,
) -> Written | None:
    """Find the record (and the one to compare with) and write its report files, in the
    words of the council its AS serves (``catalogues`` gives the catalogue in those words).

    A comparison with somebody else's record goes ahead only when ``confirm_other`` agrees
    (``None`` is returned otherwise), and is then said in the report and in a note.
    """
    if request.target_id:
        resolve_target(catalogues(NEUTRAL), request.target_id)  # a wrong --target: at once
    listing = list_records()
    record = find_complete(request.ref, listing)
    said: tuple[str, ...] = ()
    if request.council is not None:
        record, line = set_council(record, request.council)
        said = (line,) if line else ()
    catalogue = catalogues(record.council)
    target = resolve_target(catalogue, request.target_id) if request.target_id else None
    compare = None
    if request.previous:
        compare = previous_complete(record, listing)
    elif request.compare_ref:
        compare = find_complete(request.compare_ref, listing)
    other = compare is not None and not same_person(record, compare)
    if compare is not None and other and not confirm_other(record, compare):
        return None
    written = write_report_files(
        catalogue,
        record,
        request.out,
        request.formats,
        compare,
        target,
        names=request.names,
    )
    if compare is not None and other:
        note = f"dit rapport vergelijkt met {earlier_text(record, compare)}"
        written = Written(written.paths, (*written.warnings, note))
    return Written(written.paths, (*said, *written.warnings))


def resolve_target(catalogue: Catalogue, level_id: str) -> Level:
    """Return the level named by ``--target``, which must have a target profile."""
    if not catalogue.has_level(level_id):
        valid = ", ".join(lv.id for lv in catalogue.levels)
        raise AsmoError(f"onbekend functieniveau '{level_id}' bij --target; kies uit: {valid}")
    level = catalogue.level(level_id)
    if not level.profile:
        raise AsmoError(
            f"competencies.yaml: niveau '{level_id}' heeft geen streefprofiel (profile); "
            "voeg het toe of laat --target weg"
        )
    return level
