"""Paper feedback forms typed in with ``asmo feedback add --interactive``: a form still being
typed in (an activity open) is a draft, and a draft does not count until it is finished."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.feedback import FeedbackResponse

PAPER = "papier-"  # the response ids of paper forms typed in by hand


def open_activities(
    catalogue: Catalogue, selected: Mapping[str, object], response: FeedbackResponse
) -> int:
    """How many activities of the chosen areas the response leaves unanswered."""
    return sum(
        1
        for t in catalogue.tasks
        if t.id in selected
        for a in t.activities
        if a.id not in response.ratings.get(t.id, {})
    )


def is_draft(
    catalogue: Catalogue, selected: Mapping[str, object], response: FeedbackResponse
) -> bool:
    """True for a paper form still being typed in: an activity of the chosen areas is open.

    A draft does not count yet; a page's answers file always answers every activity.
    """
    return response.response_id.startswith(PAPER) and bool(
        open_activities(catalogue, selected, response)
    )


def counted(
    catalogue: Catalogue, selected: Mapping[str, object], feedback: Sequence[FeedbackResponse]
) -> tuple[list[FeedbackResponse], int]:
    """Return the responses that count, and how many paper forms are still drafts."""
    kept = [r for r in feedback if not is_draft(catalogue, selected, r)]
    return kept, len(feedback) - len(kept)
