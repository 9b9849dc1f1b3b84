"""One rule for a number of hours: the prompt and the files asmo reads take the same texts."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from asmo_cli.cli.session.hours_questions import parse_hours_text
from asmo_cli.core.catalogue import Catalogue
from asmo_cli.core.errors import RecordError
from asmo_cli.core.hours import parse_hours_value
from asmo_cli.storage.answers import check_hours
from asmo_cli.storage.yamlio import parse_yaml

ACCEPTED = {
    "0": 0.0,
    "4": 4.0,
    "2,5": 2.5,
    "2.5": 2.5,
    " 3,25 ": 3.25,
    "007": 7.0,
    "168": 168.0,
    "168,0": 168.0,
}
# Nobody types hours in exponent notation, with a sign or without a digit on both sides of
# the comma; nor as infinity, "NaN" or digits of another script.
REFUSED = [
    "",
    " ",
    "1e1",
    "1E1",
    "1.0e+1",
    "+4",
    "-1",
    "-0",
    "4.",
    "4,",
    ",5",
    ".5",
    "2,5,1",
    "1_0",
    "inf",
    "nan",
    "NaN",
    "٣",
    "４",
    "168,01",
    "169",
    "1" * 400,
    "veel",
    "4 uur",
]


def _file_reader(catalogue: Catalogue, text: object, *, formatie: bool) -> float | None:
    """What an hours file with this text (a YAML string) gives: the amount, or None."""
    if formatie:
        data = {"hours_per_week": {"archief": 1}, "contract_hours_per_week": text}
    else:
        data = {"hours_per_week": {"archief": text}}
    try:
        hours, contract = check_hours(data, {"archief": {}}, catalogue, "uren.yaml")
    except RecordError as exc:
        assert exc.message.startswith("uren.yaml"), exc.message
        return None
    return contract if formatie else hours["archief"]


@pytest.mark.parametrize("text", [*ACCEPTED, *REFUSED])
@pytest.mark.parametrize("formatie", [False, True], ids=["uren", "formatie"])
def test_prompt_and_file_agree(catalogue: Catalogue, text: str, formatie: bool) -> None:
    """The same text is the same amount (or refused) in the prompt and in an hours file."""
    expected = ACCEPTED.get(text)
    if formatie and expected == 0:
        expected = None  # a formatie is more than 0 hours
    assert parse_hours_text(text, positive=formatie) == expected
    assert _file_reader(catalogue, text, formatie=formatie) == expected


def test_exponent_notation_is_refused_everywhere(catalogue: Catalogue) -> None:
    """'1e1' was 10 hours in the prompt and refused in a file: now refused in both, also when
    written unquoted in YAML (which reads it as text)."""
    assert parse_hours_text("1e1") is None
    data = parse_yaml(b"hours_per_week: {archief: 1e1}\n", "uren.yaml")
    assert data == {"hours_per_week": {"archief": "1e1"}}
    with pytest.raises(RecordError) as caught:
        check_hours(data, {"archief": {}}, catalogue, "uren.yaml")
    assert "tekst ('1e1') is geen geldig aantal uren per week" in " ".join(
        [caught.value.message, *caught.value.details]
    )


def test_numbers_from_a_file_follow_the_same_limits(catalogue: Catalogue) -> None:
    """A YAML number is taken as it is, within 0..168 (a formatie above 0), finite, not true;
    -0.0 is 0 and an integer too large for a float is refused, not a crash."""
    assert parse_hours_value(2) == 2.0 and parse_hours_value(2.5) == 2.5
    assert str(parse_hours_value(-0.0)) == "0.0"
    for bad in (True, None, -1, 169, float("inf"), float("nan"), 10**400, [4], {"a": 4}):
        assert parse_hours_value(bad) is None, bad
    assert parse_hours_value(0) == 0.0 and parse_hours_value(0, positive=True) is None
    assert _file_reader(catalogue, 10**400, formatie=False) is None


@settings(max_examples=300, deadline=None)
@given(
    text=st.one_of(
        st.text(max_size=8),
        st.text(alphabet="0123456789,.e+- ", max_size=8),
        st.from_regex(r"\A[0-9]{1,3}([.,][0-9]{1,3})?\Z"),
    ),
    formatie=st.booleans(),
)
def test_prompt_and_file_agree_on_any_text(catalogue: Catalogue, text: str, formatie: bool) -> None:
    amount = parse_hours_text(text, positive=formatie)
    assert _file_reader(catalogue, text, formatie=formatie) == amount
    if amount is not None:
        assert 0 <= amount <= 168 and (amount > 0 or not formatie)
