"""The examples under docs/, made from fixed records so that regenerating them is repeatable.

python3 dev.py docs    writes them; tests/test_docs.py fails when the checked-in Markdown
                       and JSON differ from what asmo makes today (PNGs are not compared:
                       their bytes differ between library versions).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

from asmo_cli import Workspace
from asmo_cli.api.writing import Written
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.record import Record, with_ratings
from asmo_cli.storage.answers import check_answers
from asmo_cli.storage.yamlio import read_yaml

ROOT = Path(__file__).resolve().parents[1]
ANSWERS = ROOT / "docs" / "voorbeeld-antwoorden.yaml"
# an AS of the MR of a primary school (WMS): the same answers in the words of her council
MR_ANSWERS = ROOT / "docs" / "voorbeeld-mr-antwoorden.yaml"
CET = timezone(timedelta(hours=1))
CREATED = datetime(2026, 11, 23, 18, 16, 7, tzinfo=CET)
EARLIER = datetime(2025, 11, 20, 10, 0, 0, tzinfo=CET)
# A year earlier Fenna rated these areas one star lower (never below one).
GREW_IN = ("beleidsvoorbereiding", "informatievoorziening", "reglement", "bewaken-afspraken")
# Half a year earlier she had not selected these areas: some roles had too little data then.
THIN_EARLIER = datetime(2026, 5, 20, 9, 30, 0, tzinfo=CET)
NOT_YET = ("bewaken-afspraken", "reglement", "archief")
# Feedback on half of her areas: the voorzitter and three OR members rate the first half.
GIVERS = (("voorzitter", "Jan de Boer"), ("or-lid", None), ("or-lid", None), ("or-lid", None))
# Files compared byte for byte by the staleness test; the PNGs are regenerated but not compared.
TEXT_SUFFIXES = (".md", ".json")


def _record(
    catalogue: Catalogue,
    created: datetime,
    ratings: dict[str, dict[str, int | None]],
    source: Path = ANSWERS,
) -> Record:
    answers = check_answers(read_yaml(source), catalogue, str(source))
    record = Record(
        id=created.strftime("%Y%m%d-%H%M%S"),
        created=created,
        updated=created,
        catalogue_version=catalogue.tasks_version,
        name=answers.name,
        level=answers.level,
        council=answers.council,
        council_name=answers.council_name,
    )
    record = with_ratings(record, ratings, catalogue)
    return replace(
        record,
        updated=created,
        hours_per_week=answers.hours,
        contract_hours_per_week=answers.contract,
    )


def example_record(catalogue: Catalogue) -> Record:
    """Return the shipped example: Fenna de Vries, from docs/voorbeeld-antwoorden.yaml."""
    answers = check_answers(read_yaml(ANSWERS), catalogue, str(ANSWERS))
    return _record(catalogue, CREATED, answers.ratings)


def mr_record(catalogue: Catalogue) -> Record:
    """Return the example of an AS of an MR: Sanne Bakker, from voorbeeld-mr-antwoorden.yaml."""
    answers = check_answers(read_yaml(MR_ANSWERS), catalogue, str(MR_ANSWERS))
    return _record(catalogue, CREATED + timedelta(minutes=5), answers.ratings, MR_ANSWERS)


def earlier_record(catalogue: Catalogue) -> Record:
    """Return Fenna's record of a year earlier, for the comparison example."""
    ratings = {t: dict(acts) for t, acts in example_record(catalogue).ratings.items()}
    for task_id in GREW_IN:
        ratings[task_id] = {
            a: None if v is None else max(1, v - 1) for a, v in ratings[task_id].items()
        }
    record = _record(catalogue, EARLIER, ratings)
    return replace(record, hours_per_week={}, contract_hours_per_week=None)


def thin_earlier_record(catalogue: Catalogue) -> Record:
    """Return Fenna's record of half a year earlier, without three of today's areas."""
    ratings = {t: dict(acts) for t, acts in earlier_record(catalogue).ratings.items()}
    for task_id in NOT_YET:
        del ratings[task_id]
    record = _record(catalogue, THIN_EARLIER, ratings)
    return replace(record, hours_per_week={}, contract_hours_per_week=None)


def half_feedback(record: Record) -> list[FeedbackResponse]:
    """Return four givers' answers on the first half of her areas (the same stars as hers, the
    voorzitter one higher on the first activity of each), the rest left to 'kan ik niet
    beoordelen'."""
    areas = list(record.ratings)
    seen = set(areas[: len(areas) // 2])
    responses = []
    for number, (role, name) in enumerate(GIVERS, 1):
        ratings: dict[str, dict[str, int | None]] = {}
        for task_id, acts in record.ratings.items():
            ratings[task_id] = {}
            for i, (activity, stars) in enumerate(acts.items()):
                given = stars if task_id in seen else None
                if given is not None and role == "voorzitter" and i == 0:
                    given = min(5, given + 1)
                ratings[task_id][activity] = given
        responses.append(FeedbackResponse(f"voorbeeld-{number}", role, name, ratings, {}))
    return responses


def generate(root: Path, home: Path) -> list[Path]:
    """Write every example under ``root``/docs (with ``home`` as asmo's own folder, through
    the library API, as a script of hers would) and return the paths written."""
    work = Workspace(home=home)
    catalogue = work.catalogue()
    now = work.save(example_record(catalogue))
    before = work.save(earlier_record(catalogue))
    docs = root / "docs"
    formats = ("pdf", "png", "md", "json")
    written = list(_report(work.report(now.id, out=docs / "voorbeeld", formats=formats)))
    written += work.plan(now.id, out=docs / "voorbeeld").paths
    comparison = work.report(now.id, out=docs / "vergelijking", formats=formats, compare=before.id)
    written += _report(comparison)
    for sent in work.invite(now.id, ["Jan de Boer"], out=docs / "voorbeeld"):
        written += [sent.page, sent.paper]
    mr = work.save(mr_record(catalogue))
    written += _report(work.report(mr.id, out=docs / "voorbeeld-mr", formats=formats))
    written += work.plan(mr.id, out=docs / "voorbeeld-mr").paths
    for sent in work.invite(mr.id, ["Joris Smit"], out=docs / "voorbeeld-mr"):
        written += [sent.page, sent.paper]
    # the same record once more in a home of its own, with feedback on half her areas and an
    # earlier record without three areas: open points on both outlines
    partial = Workspace(home=home / "deels")
    again = partial.save(example_record(catalogue))
    thin = partial.save(thin_earlier_record(catalogue))
    for response in half_feedback(again):
        partial.keep_feedback(again, response)
    deels = docs / "vergelijking-deels"
    written += _report(partial.report(again.id, out=deels, formats=formats, compare=thin.id))
    work.save(thin_earlier_record(catalogue))  # the progress chart: three records
    written.append(work.history_chart(docs / "voortgang.png", name=now.name))
    written.append(
        first_page_png(docs / "voorbeeld" / "rapport.pdf", docs / "rapport-pagina-1.png")
    )
    return written


def _report(written: Written | None) -> tuple[Path, ...]:
    assert written is not None  # Fenna compared with herself: nothing to confirm
    return written.paths


def first_page_png(pdf: Path, png: Path) -> Path:
    """Render page 1 of a PDF to a PNG for the README (pypdfium2: pip only, no system tools)."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        image = document[0].render(scale=1.4).to_pil()
        image.save(png, optimize=True)
    finally:
        document.close()
    return png


def main() -> None:
    """Make the examples in a scratch folder with an empty asmo home, then copy them into docs/
    (the examples are the project's files: asmo itself never replaces a file it did not write)."""
    with tempfile.TemporaryDirectory() as scratch:
        made = Path(scratch) / "root"
        for path in generate(made, Path(scratch) / "home"):
            target = ROOT / path.relative_to(made)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
            print(target.relative_to(ROOT))


if __name__ == "__main__":
    main()
