"""The computation of one role with her own numbers, for "Hoe is dit berekend?": which role
shows it best (a domain choice, so it lives here) and every number of the sum.

The example computes from the figures it shows, so that a calculator agrees with every step:
a weight as it is shown (up to WEIGHT_DIGITS decimals), each product of stars and weight
rounded half up to PRODUCT_DIGITS decimals, the column's total the sum of the shown products,
the score that total divided by the sum of the shown weights ('Score = 8,88 / 2,5 = 3,55 →
3,6'), the coverage that sum divided by the shown total weight of the role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from asmo_cli.core.catalogue import Catalogue, Role
from asmo_cli.core.result import Result
from asmo_cli.core.scoring import RoleScore
from asmo_cli.core.text import format_score, number, percent, shown

WEIGHT_DIGITS = 3  # a weight as it is typed in roles.yaml or tasks.yaml: 1, 0,5, 0,25
PRODUCT_DIGITS = 2  # stars × weight: 4 × 0,5 = 2; 3 × 0,425 = 1,28


@dataclass(frozen=True)
class Example:
    """The computation of one role with her own numbers."""

    role: Role
    rows: tuple[tuple[str, str, str, str], ...]  # activity, stars, weight, stars × weight
    formula: str
    products: float = 0.0  # the sum of the shown products (the score's numerator)
    weights: float = 0.0  # the sum of the shown weights (its denominator)


@dataclass(frozen=True)
class _Sum:
    """One role's sum with the figures as shown."""

    rows: tuple[tuple[str, str, str, str], ...]
    products: float
    weights: float
    total: float  # the shown weights of all the role's activities, rated or not

    @property
    def score(self) -> float:
        return self.products / self.weights

    @property
    def coverage(self) -> float:
        return self.weights / self.total if self.total > 0 else 0.0

    def agrees(self, role: RoleScore) -> bool:
        """True when this sum ends on the score and coverage the score table shows."""
        return format_score(self.score) == format_score(role.score) and percent(
            self.coverage
        ) == percent(role.coverage)


def _sum(parts: Sequence[tuple[str, float, float]], weights_of_role: Sequence[float]) -> _Sum:
    """The role's sum from its rated parts (activity, stars, weight), each figure as shown."""
    rows, products, weights = [], 0.0, 0.0
    for name, stars, weight in parts:
        weight = shown(weight, WEIGHT_DIGITS)
        product = shown(stars * weight, PRODUCT_DIGITS)
        rows.append(
            (
                name,
                number(stars, trim=True),
                number(weight, WEIGHT_DIGITS, trim=True),
                number(product, PRODUCT_DIGITS, trim=True),
            )
        )
        products += product
        weights += weight
    total = sum(shown(w, WEIGHT_DIGITS) for w in weights_of_role)
    return _Sum(
        tuple(rows),
        shown(products, PRODUCT_DIGITS),
        shown(weights, WEIGHT_DIGITS),
        shown(total, WEIGHT_DIGITS),
    )


def quotient_text(value: float) -> str:
    """A quotient and the score it rounds to: '3,0', or '3,55 → 3,6' when it has more than one
    decimal. The quotient has two decimals, or more where two would round to another score
    than the real one (3,549 → 3,5, never '3,55 → 3,5')."""
    score = shown(value, 1)
    if shown(value, PRODUCT_DIGITS) == score:
        return number(score)
    digits = PRODUCT_DIGITS
    while digits < 9 and shown(shown(value, digits), 1) != score:
        digits += 1
    return f"{number(value, digits)} → {number(score)}"


def worked_example(catalogue: Catalogue, result: Result) -> Example | None:
    """Her own numbers for one role: the role with enough data that rests on the fewest rated
    activities (a short table that still adds up), else the scored role with the most; of
    those, the first whose sum with the shown figures ends on the score table's figures."""
    parts_of: dict[str, list[tuple[str, float, float]]] = {r.id: [] for r in catalogue.roles}
    weights_of: dict[str, list[float]] = {r.id: [] for r in catalogue.roles}
    for feed in catalogue.feeds():
        if feed.role_id not in parts_of:
            continue
        weights_of[feed.role_id].append(feed.weight)
        value = result.ratings.get(feed.task.id, {}).get(feed.activity.id)
        if value is not None:
            parts_of[feed.role_id].append((feed.activity.name, float(value), feed.weight))
    scored = [r for r in result.scores.roles if parts_of[r.role_id]]
    if not scored:
        return None
    enough = [r for r in scored if r.enough_data]
    ordered = (
        sorted(enough, key=lambda r: len(parts_of[r.role_id]))
        if enough
        else sorted(scored, key=lambda r: -len(parts_of[r.role_id]))
    )
    sums = {r.role_id: _sum(parts_of[r.role_id], weights_of[r.role_id]) for r in ordered}
    # weights below 0,0005 show as 0: a sum of only those would divide by nothing
    ordered = [r for r in ordered if sums[r.role_id].weights > 0]
    if not ordered:
        return None
    chosen = next((r for r in ordered if sums[r.role_id].agrees(r)), ordered[0])
    done = sums[chosen.role_id]
    formula = (
        f"Score = {number(done.products, PRODUCT_DIGITS, trim=True)} / "
        f"{number(done.weights, WEIGHT_DIGITS, trim=True)} = {quotient_text(done.score)}. "
        f"Dekking = {number(done.weights, WEIGHT_DIGITS, trim=True)} / "
        f"{number(done.total, WEIGHT_DIGITS, trim=True)} = {percent(done.coverage)}."
    )
    return Example(catalogue.role(chosen.role_id), done.rows, formula, done.products, done.weights)
