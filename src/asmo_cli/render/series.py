"""The outlines a result puts on a radar (the PNG and the PDF draw the same ones)."""

from __future__ import annotations

from collections.abc import Sequence

from asmo_cli.core.catalogue import Catalogue, Level
from asmo_cli.core.record import same_person
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import date_nl, dates_nl, plural
from asmo_cli.render.radar_geometry import NOW, OLDER, OTHERS, TARGET, Kind, Series


def chart_title(result: Result) -> str:
    record, comparison = result.record, result.comparison
    who = f"{record.name} — " if record.name else ""
    moments = [comparison.earlier.created] if comparison else []
    when = dates_nl([*moments, record.created])[-1]  # with the time when both share a day
    return f"Rollenprofiel ambtelijk secretaris\n{who}{when}"


def radar_series(catalogue: Catalogue, result: Result) -> list[Series]:
    """Return the radar's outlines: earlier (if compared), target (if any), others (if they
    gave feedback), now."""
    series = []
    record, comparison = result.record, result.comparison
    now = date_nl(record.created)
    if comparison:
        then, now = dates_nl([comparison.earlier.created, record.created])
        if not same_person(record, comparison.earlier):
            then = f"{comparison.earlier.name or 'zonder naam'}, {then}"
        series.append(_series(f"eerder: {then}", comparison.scores.roles, OLDER))
    if result.target is not None:
        series.append(target_series(catalogue, result.target))
    label = f"nu: {now}"
    if result.others is not None:
        who = plural(result.others.givers, "gever", "gevers")
        series.append(_series(f"anderen ({who})", result.others.scores.roles, OTHERS))
        label = f"zelf, {label}" if comparison else "zelf"
    series.append(_series(label, result.scores.roles, NOW))
    return series


def target_series(catalogue: Catalogue, level: Level) -> Series:
    """Return a level's target profile as a dotted outline."""
    scores = [level.profile.get(role.id) for role in catalogue.roles]
    return Series(f"streefprofiel {level.name.lower()}", scores, TARGET)


def _series(label: str, roles: Sequence[RoleScore], kind: Kind) -> Series:
    return Series(label, [r.score for r in roles], kind, [r.enough_data for r in roles])
