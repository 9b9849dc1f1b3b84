"""Versions compared honestly: which records were made with another questionnaire version.

Only the current catalogue ships, and every record is scored with it. A record made with an
older version gets one line saying its scores follow today's weights. A comparison of records
of different versions always says so; across ``scale_since`` (the version from which the
stars mean what they mean now) it shows no difference at all, only both profiles.
"""

from __future__ import annotations

from collections.abc import Sequence

from asmo_cli.core.catalogue import Activity, Catalogue
from asmo_cli.core.record import COMPLETE, IN_PROGRESS, Record, RecordStatus, is_finished
from asmo_cli.core.text import moment_nl


def version_key(version: str) -> tuple[tuple[int, int | str], ...]:
    """'2026.10' after '2026.9': the parts as numbers where they are numbers."""
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in version.split("."))


def status_of(record: Record, catalogue: Catalogue) -> RecordStatus:
    """Whether a record is finished, computed from its answers (never trusted from the file),
    against the questionnaire version it names: an activity added after that version
    (``since``) was never asked, so it never makes a finished record unfinished.

    A record of a newer version than the catalogue, or whose areas this catalogue does not
    know at all, cannot be judged here: its own word stands.
    """
    mine = version_key(record.catalogue_version or catalogue.tasks_version)
    newer = mine > version_key(catalogue.tasks_version)
    known = any(t.id in record.ratings for t in catalogue.tasks)
    if newer or not known:
        return record.status

    def asked(activity: Activity) -> bool:
        return activity.since is None or version_key(activity.since) <= mine

    return COMPLETE if is_finished(record.ratings, catalogue, asked) else IN_PROGRESS


def scale_changed(catalogue: Catalogue, one: Record, other: Record) -> bool:
    """True when one record is of a version before ``scale_since`` and the other is not."""
    since = catalogue.scale_since
    if since is None:
        return False
    before = [version_key(r.catalogue_version) < version_key(since) for r in (one, other)]
    return before[0] != before[1]


def version_notes(catalogue: Catalogue, record: Record, earlier: Record | None) -> list[str]:
    """The lines about versions for a record's report (and its comparison, if any)."""
    current = catalogue.tasks_version
    notes = []
    if record.catalogue_version != current:
        notes.append(
            f"deze meting is gemaakt met vragenlijst {record.catalogue_version}; asmo rekent "
            f"met versie {current}, dus de scores kunnen afwijken van een eerder rapport van "
            "deze meting"
        )
    if earlier is None or earlier.catalogue_version == record.catalogue_version:
        return notes
    when = moment_nl(earlier.created)
    versions = f"{earlier.catalogue_version} en {record.catalogue_version}"
    if scale_changed(catalogue, record, earlier):
        notes.append(
            f"de meting van {when} is gemaakt met vragenlijst {earlier.catalogue_version}, toen "
            f"de sterren iets anders betekenden dan vanaf versie {catalogue.scale_since}; asmo "
            "toont daarom beide profielen naast elkaar, zonder verschil"
        )
    else:
        notes.append(
            f"de twee metingen zijn gemaakt met verschillende versies van de vragenlijst "
            f"({versions}); asmo berekent ze allebei met versie {current}"
        )
    return notes


def versions_note(catalogue: Catalogue, shown: Sequence[Record]) -> str | None:
    """One line when the records shown were made with different questionnaire versions."""
    versions = sorted({r.catalogue_version for r in shown}, key=version_key)
    if len(versions) < 2:
        return None
    line = (
        f"Let op: deze metingen zijn gemaakt met verschillende versies van de vragenlijst "
        f"({', '.join(versions)}); asmo berekent ze allemaal met versie {catalogue.tasks_version}."
    )
    if any(scale_changed(catalogue, shown[0], r) for r in shown[1:]):
        line += (
            f" Vóór versie {catalogue.scale_since} betekenden de sterren iets anders: vergelijk "
            "die scores niet één op één (asmo toont daarom geen verschil)."
        )
    return line
