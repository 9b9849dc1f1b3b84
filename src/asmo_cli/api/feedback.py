"""Feedback from others: invitations (a page and a paper form per giver) and their answers
kept with her record."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from asmo_cli.api.records import own_record
from asmo_cli.api.writing import record_is_safe, target_dir, writing_for
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import AsmoError
from asmo_cli.core.feedback import FeedbackResponse
from asmo_cli.core.record import Record
from asmo_cli.core.text import program
from asmo_cli.render.invitation import render_invitation
from asmo_cli.render.pdf_invitation import render_invitation_pdf
from asmo_cli.storage.feedback import load_feedback, read_feedback_files, store_feedback
from asmo_cli.storage.store import list_records, unfinished_error

MAX_SLUG_CHARS = 60

__all__ = [
    "Invitation",
    "Kept",
    "add_feedback_files",
    "file_slug",
    "invitation_names",
    "record_for_paper",
    "render_invitation",  # named here so that a test can watch the calls
    "write_invitations",
]


def file_slug(name: str | None) -> str:
    """Return a name as a safe piece of a file name ('Jan de Boer' → 'jan-de-boer')."""
    plain = unicodedata.normalize("NFKD", name or "").encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")
    return slug[:MAX_SLUG_CHARS].strip("-") or "feedback"


def invitation_names(givers: Sequence[str | None]) -> list[str]:
    """Return one file name per giver: uitnodiging-<naam>.html, made unique with -2, -3 …"""
    names: list[str] = []
    for giver in givers:
        base = f"uitnodiging-{file_slug(giver)}"
        name, n = f"{base}.html", 1
        while name in names:
            n += 1
            name = f"{base}-{n}.html"
        names.append(name)
    return names


@dataclass(frozen=True)
class Invitation:
    """The two files made for one giver (None: for whoever she sends it to), for a record."""

    record: Record
    giver: str | None
    page: Path
    paper: Path


def write_invitations(
    catalogue: Catalogue, record: Record, givers: Sequence[str | None], out: Path | None
) -> list[Invitation]:
    """Write uitnodiging-<naam>.html and .pdf per giver for a complete record (never over a
    file that asmo did not write)."""
    if not record.is_complete:
        raise unfinished_error(record)
    folder = target_dir(out, record)
    pages = [folder / file_name for file_name in invitation_names(givers)]
    with writing_for(record) as writer, record_is_safe(record):
        writer.check([path for page in pages for path in (page, page.with_suffix(".pdf"))])
        items: list[tuple[Path, str | bytes]] = []
        for giver, page in zip(givers, pages, strict=True):
            items.append((page, render_invitation(catalogue, record, giver)))
            items.append(
                (page.with_suffix(".pdf"), render_invitation_pdf(catalogue, record, giver))
            )
        written = writer.write_all(items)
    return [
        Invitation(record, giver, page, paper)
        for giver, page, paper in zip(givers, written[::2], written[1::2], strict=True)
    ]


@dataclass(frozen=True)
class Kept:
    """One answers file kept with a record: ``replaced`` the same giver's earlier answers;
    ``twin``: somebody of the same name had given feedback already (it may count twice)."""

    record: Record
    response: FeedbackResponse
    replaced: bool
    twin: bool


def add_feedback_files(catalogue: Catalogue, files: Sequence[Path]) -> list[Kept]:
    """Check every answers file first, then keep them all with their records (or none)."""
    received = read_feedback_files(files, catalogue, list_records())
    check_together(received, files)
    replaced = store_feedback(received)
    kept = []
    for (record, response), again in zip(received, replaced, strict=True):
        twin = not again and any(response.same_giver(r) for r in load_feedback(record.id))
        kept.append(Kept(record, response, again, twin))
    return kept


def check_together(
    received: Sequence[tuple[Record, FeedbackResponse]], files: Sequence[Path]
) -> None:
    """Refuse, before anything is kept, feedback for an unfinished record and two files with
    the same answers (the same response_id): which one should count?"""
    for record, _ in received:
        if not record.is_complete:
            raise unfinished_error(record)
    seen: dict[tuple[str, str], Path] = {}
    for (record, response), path in zip(received, files, strict=True):
        key = (record.id, response.response_id)
        if key in seen:
            raise AsmoError(
                f"{seen[key]} en {path} zijn antwoorden van dezelfde gever (hetzelfde "
                "response_id); geef er één, dan is duidelijk welke telt. Er is niets bewaard"
            )
        seen[key] = path


def record_for_paper(ref: str | None) -> Record:
    """The stored, complete record whose paper form is typed in."""
    if ref and ref.lower().endswith(".json"):
        import shlex

        raise AsmoError(
            f"{ref} is een antwoordbestand, geen meting; bewaar het met: "
            f"{program()} feedback add {shlex.quote(ref)}"
        )
    return own_record(ref, "feedback add --interactive", complete=True)
