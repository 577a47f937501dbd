"""Number words, digits, ranges and qualifiers: table-driven, plus properties."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoiraq.parsing.numbers import parse_number
from natoiraq.parsing.quantities import Quantity, parse_quantity, split_qualifier


@pytest.mark.parametrize("text, expected", [
    ("450", 450), ("3,100", 3100), ("30 000", 30000), ("30\u00a0000", 30000), ("1.5 million", 1_500_000),
    ("5k", 5000), ("5K", 5000), ("2.5k", 2500), ("1.2m", 1_200_000), ("two thousand", 2000),
    ("three thousand two hundred", 3200), ("twenty-five", 25), ("three hundred and fifty", 350),
    ("a thousand", 1000), ("a dozen", 12), ("two dozen", 24), ("seven hundred", 700), ("eleven", 11),
    ("1.15 million", 1_150_000), ("100,000", 100000),
    # national groupings: dots, lakhs, narrow and thin spaces, a comma typed with a space
    ("50.000", 50000), ("287.000", 287000), ("1.234.567", 1_234_567), ("46,35,000", 4_635_000),
    ("1,00,000", 100000), ("2\u202f583", 2583), ("3\u2009000", 3000), ("4, 500", 4500),
    ("1.3 lakh", 130000), ("two lakh", 200000), ("12.5K", 12500), ("56K", 56000), ("2.3-million", 2_300_000),
    ("1.250 million", 1_250_000), ("Nine thousand", 9000), ("one million", 1_000_000), ("2 crore", 20_000_000),
    # "half" halves the scale its article stands before
    ("half a million", 500_000), ("Half a dozen", 6), ("half", None), ("half a", None), ("half two", None),
    # codes and dates are no counts: a leading zero, or groups that are no thousands
    ("03", None), ("007", None), ("0,500", None), ("4,50", None), ("20.12.1995", None), ("1.50", None),
    # not whole numbers, or not numbers at all
    ("1.5", None), ("and", None), ("a", None), ("hundred and", None), ("3,100-", None), ("-5", None),
    ("three three", None), ("twenty thirty", None), ("twenty five", 25), ("troops", None), ("", None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, low, high, qualifier", [
    ("450", 450, 450, "exact"),
    ("less than 20", 20, 20, "less_than"), ("fewer than 1,000", 1000, 1000, "less_than"),
    ("under 500", 500, 500, "less_than"), ("just under 500", 500, 500, "less_than"),
    ("roughly 500", 500, 500, "approximate"), ("about 900", 900, 900, "approximate"),
    ("some 190,000", 190000, 190000, "approximate"), ("nearly 4,500", 4500, 4500, "approximate"),
    ("around 2,500", 2500, 2500, "approximate"), ("an estimated 15,000", 15000, 15000, "approximate"),
    ("more than 4,000", 4000, 4000, "more_than"), ("over 300", 300, 300, "more_than"),
    ("well over 300,000", 300000, 300000, "more_than"), ("1,000-plus", 1000, 1000, "more_than"),
    ("up to 200", 200, 200, "up_to"), ("as many as 120,000", 120000, 120000, "up_to"),
    ("at least 6,000", 6000, 6000, "at_least"), ("3,000 or more", 3000, 3000, "at_least"),
    ("300-odd", 300, 300, "approximate"),
    ("between 4,000 and 5,000", 4000, 5000, "exact"), ("4,000 to 5,000", 4000, 5000, "exact"),
    ("4,000-5,000", 4000, 5000, "exact"), ("4,000\u20135,000", 4000, 5000, "exact"),
    ("20-30", 20, 30, "exact"), ("two to three thousand", 2000, 3000, "exact"),
    ("between 4 and 5 thousand", 4000, 5000, "exact"), ("about 1,500 to 2,000", 1500, 2000, "approximate"),
    # the thousands of a grouped or suffixed second end serve bare digits before it, where they must
    ("12-15,000", 12000, 15000, "exact"), ("10-12k", 10000, 12000, "exact"), ("40 to 50 000", 40000, 50000, "exact"),
    ("500-1,000", 500, 1000, "exact"), ("200-1,500", 200, 1500, "exact"),
])
def test_parse_quantity(text, low, high, qualifier):
    assert parse_quantity(text) == Quantity(low, high, qualifier)


@pytest.mark.parametrize("text", ["4,000 and 5,000", "5,000 to 4,000", "between", "more than", "troops", "and 5"])
def test_parse_quantity_rejects(text):
    """'X and Y' is a range only after 'between'; a range runs upwards."""
    assert parse_quantity(text) is None


def test_value_is_none_for_a_range():
    assert parse_quantity("between 4,000 and 5,000").value is None
    assert parse_quantity("450").value == 450


@pytest.mark.parametrize("text, qualifier, rest", [
    ("more than 4,000", "more_than", "4,000"), ("overall 5", "exact", "overall 5"),
    ("some 500", "approximate", "500"), ("about 300-odd", "approximate", "300"),
])
def test_split_qualifier(text, qualifier, rest):
    assert split_qualifier(text) == (qualifier, rest)


words = st.sampled_from(["about", "more", "than", "up", "to", "between", "and", "-", "thousand", "hundred",
                         "k", "a", "two", "twenty", "fifty", "million", "or", "plus", "odd", "under"])
phrases = st.lists(st.one_of(words, st.integers(0, 10**7).map(str), st.integers(0, 999).map(lambda n: f"{n:,}")),
                   max_size=7).map(" ".join)


@given(phrases)
def test_quantity_never_crashes_and_bounds_are_ordered(text):
    quantity = parse_quantity(text)
    if quantity is not None:
        assert 0 <= quantity.low <= quantity.high
        assert quantity.qualifier in ("exact", "approximate", "more_than", "less_than", "up_to", "at_least")


@given(st.text(max_size=40))
def test_number_never_crashes_on_any_text(text):
    value = parse_number(text)
    assert value is None or (isinstance(value, int) and value >= 0)
