"""``scores.json`` (format 2): the result as data for other tools; documented in the README."""

from __future__ import annotations

import json
from typing import Any

from asmo_cli.core.feedback import Others
from asmo_cli.core.result import Result

JSON_FORMAT = 2


def render_json(result: Result) -> str:
    """Return scores.json (format 2): the assessment, the roles, the ranking and the tasks."""
    record = result.record
    data: dict[str, Any] = {
        "format_version": JSON_FORMAT,
        "assessment": {
            "id": record.id,
            "name": record.name,
            "level": record.level,
            "council": record.council,
            **({"council_name": record.council_name} if record.council_name else {}),
            "created": record.created.isoformat(),
            "catalogue_version": record.catalogue_version,
        },
        "roles": [
            {
                "id": r.role_id,
                "name": r.name,
                "score": r.score,
                "coverage": r.coverage,
                "enough_data": r.enough_data,
                "rated": r.rated,
                "core_rated": r.core,
                "thin_reason": r.thin_reason,
            }
            for r in result.scores.roles
        ],
        "strongest": [r.role_id for r in result.ranking.strongest],
        "to_develop": [r.role_id for r in result.ranking.to_develop],
        "to_develop_reason": "no_gap" if result.ranking.no_gap else None,
        "no_ranking": result.ranking.no_ranking.value if result.ranking.no_ranking else None,
        "tasks": [
            {"id": t.task_id, "name": t.name, "score": t.score, "rated": t.rated, "total": t.total}
            for t in result.scores.tasks
        ],
    }
    if result.comparison:
        earlier = result.comparison.earlier
        data["comparison"] = {
            "id": earlier.id,
            "created": earlier.created.isoformat(),
            "catalogue_version": earlier.catalogue_version,
            "scale_changed": result.comparison.scale_changed,
            "deltas": result.comparison.deltas,
        }
    if result.others is not None:
        data["others"] = others_block(result.others)
    if result.withheld.anything:  # the anonymity rule: what no figure above includes
        left = result.withheld
        data["others_left_out"] = {
            "groups": dict(left.groups),
            "answers": left.answers,
            "comments": left.comments,
        }
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def others_block(others: Others) -> dict[str, Any]:
    """Return the ``others`` block: what the givers together say (only when there is feedback).

    No names, no comments and no figures per giver: scores.json is meant to be shared.
    """
    return {
        "givers": others.givers,
        "roles": {
            r.role_id: {"score": r.score, "coverage": r.coverage, "enough_data": r.enough_data}
            for r in others.scores.roles
        },
        "hidden_strengths": [g.role_id for g in others.hidden_strengths],
        "blind_spots": [g.role_id for g in others.blind_spots],
    }
