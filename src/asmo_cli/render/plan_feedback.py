"""The development plan's feedback from others, in words, once for ontwikkelplan.md and .pdf.

- The section is *Feedback van mijn voorzitter* without feedback (a question to fill in, as
  always) and when only voorzitters gave it; with other givers *Feedback van anderen*.
- It says how many gave feedback and in which role, never a name; the blind spots and hidden
  strengths with both figures; and the comments per werkzaamheid, without names.
- Why a focus role comes first: it is a blind spot, and the target level asks more.
"""

from __future__ import annotations

from dataclasses import dataclass

from asmo_cli.core.catalogue import Role
from asmo_cli.core.feedback import DIFFERENCE, Others
from asmo_cli.core.plan import Plan
from asmo_cli.core.text import number
from asmo_cli.render.feedback_view import and_list, gap_figures, givers_text

CHAIR_TITLE = "Feedback van mijn voorzitter"
OTHERS_TITLE = "Feedback van anderen"
CHAIR_QUESTION = "Wat ziet de voorzitter als mijn sterke kanten, en waar kan ik groeien?"
NOTES_QUESTION = "Wat herken ik hierin, wat verrast me, en wat neem ik mee uit het gesprek?"
BLIND_NOTE = f"anderen zien hier minder dan ik (minstens {number(DIFFERENCE)} lager)"
HIDDEN_NOTE = f"anderen zien hier meer dan ik (minstens {number(DIFFERENCE)} hoger)"
NO_GAPS = (
    "Geen blinde vlekken en geen verborgen krachten: bij geen enkele rol verschilt het oordeel "
    f"van anderen {number(DIFFERENCE)} of meer van het mijne."
)
COMMENTS = "Opmerkingen per werkzaamheid (zonder namen)"


@dataclass(frozen=True)
class PlanFeedback:
    """What the plan says about the feedback; each renderer only sets it in its own form."""

    title: str
    who: str  # how many gave feedback, and their roles
    blind: tuple[tuple[str, str], ...]  # (role name, "zelf 3,9, anderen 2,7")
    hidden: tuple[tuple[str, str], ...]
    comments: tuple[tuple[str, str], ...]  # (werkzaamheid, one comment), catalogue order
    blind_note: str = BLIND_NOTE
    hidden_note: str = HIDDEN_NOTE

    @property
    def no_gaps(self) -> str | None:
        return None if self.blind or self.hidden else NO_GAPS


def feedback_title(others: Others | None) -> str:
    """The section's title: the voorzitter's, unless others than voorzitters gave feedback."""
    if others is None or others.chair_only:
        return CHAIR_TITLE
    return OTHERS_TITLE


def plan_feedback(plan: Plan) -> PlanFeedback | None:
    """Return what the plan says about the feedback, or None when nobody gave any."""
    others = plan.result.others
    if others is None:
        return None
    blind_note, hidden_note = BLIND_NOTE, HIDDEN_NOTE
    if others.givers == 1 and others.giver_roles[0][0] == "voorzitter":  # one person: say who
        blind_note, hidden_note = (
            note.replace("anderen zien", "mijn voorzitter ziet")
            for note in (blind_note, hidden_note)
        )
    return PlanFeedback(
        title=feedback_title(others),
        who=givers_text(others, plan.result.record.council),
        blind=tuple(gap_figures(g) for g in others.blind_spots),
        hidden=tuple(gap_figures(g) for g in others.hidden_strengths),
        comments=tuple((c.name, text) for c in others.comments for text in c.texts),
        blind_note=blind_note,
        hidden_note=hidden_note,
    )


def blind_first_text(roles: tuple[Role, ...]) -> str | None:
    """Why these focus roles come first; None when none was put first."""
    if not roles:
        return None
    verb = "staat" if len(roles) == 1 else "staan"
    return (
        f"{and_list([r.name for r in roles])} {verb} voorop: anderen zien hier minder dan ik, en "
        "het niveau vraagt meer."
    )
