"""Class 3: the present ("now", "currently", "at present") is the reference date, so that
"currently 900 troops" can be dated; the past and the future as a whole stay vague."""

import pytest

from natoiraq.parsing.dates import DateValue, resolve_date
from tests.dates_support import (FRI_2021_12_31, SAT_2000_02_26, SUN_2019_12_29, THU_2024_02_29, TUE_2015_06_23,
                                 WED_2020_01_01, found)

PRESENT = ["now", "currently", "at present", "these days", "nowadays", "presently", "at the moment", "right now",
           "today", "Now", "Currently"]
REFERENCES = [TUE_2015_06_23, SUN_2019_12_29, WED_2020_01_01, FRI_2021_12_31, THU_2024_02_29, SAT_2000_02_26]


@pytest.mark.parametrize("text", PRESENT)
@pytest.mark.parametrize("reference", REFERENCES, ids=str)
def test_the_present_is_the_reference_date(text, reference):
    assert resolve_date(text, reference) == DateValue(reference.isoformat(), "day")


@pytest.mark.parametrize("text", PRESENT)
def test_the_present_without_a_reference_has_no_value(text):
    assert resolve_date(text, None) == DateValue(None, "day")


@pytest.mark.parametrize("text, granularity", [
    ("in the past", "past"), ("formerly", "past"), ("the past", "past"),
    ("in the future", "future"), ("in the near future", "future"), ("the future", "future"),
])
def test_the_past_and_the_future_are_vague(text, granularity):
    for reference in (None, *REFERENCES):
        assert resolve_date(text, reference) == DateValue(None, granularity, "vague")


@pytest.mark.parametrize("sentence, dates", [
    ("About 900 troops are currently in the country.", [("currently", "2024-02-29", "date")]),
    ("The mission now has 1,200 soldiers.", [("now", "2024-02-29", "date")]),
    ("At present, 300 troops guard the airport.", [("present", "2024-02-29", "date")]),
    ("These days the base holds 500 marines.", [("These days", "2024-02-29", "date")]),
    ("In the past, the base held 3,000 troops.", [("the past", None, "vague")]),
    ("More troops may come in the near future.", [("the near future", None, "vague")]),
    ("The camp was formerly a depot.", [("formerly", None, "vague")]),
])
def test_the_present_in_sentences(nlp, sentence, dates):
    assert found(nlp, sentence, THU_2024_02_29) == dates
