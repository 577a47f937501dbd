"""Class 3: the present ("now", "currently", "at present") is TimeML's PRESENT_REF, which dates
"currently 900 troops" at the reference date; "today" is the reference date itself; the past and the
future as a whole are PAST_REF and FUTURE_REF."""

import pytest

from natoiraq.parsing.dates import DateValue, resolve_date
from tests.dates_support import (FRI_2021_12_31, SAT_2000_02_26, SUN_2019_12_29, THU_2024_02_29, TUE_2015_06_23,
                                 WED_2020_01_01, found)

PRESENT = ["now", "currently", "at present", "these days", "nowadays", "presently", "at the moment", "right now",
           "Now", "Currently"]
REFERENCES = [TUE_2015_06_23, SUN_2019_12_29, WED_2020_01_01, FRI_2021_12_31, THU_2024_02_29, SAT_2000_02_26]


@pytest.mark.parametrize("text", PRESENT)
@pytest.mark.parametrize("reference", REFERENCES, ids=str)
def test_the_present_is_present_ref(text, reference):
    assert resolve_date(text, reference) == DateValue("PRESENT_REF", "day", "reference")


@pytest.mark.parametrize("text", PRESENT)
def test_the_present_without_a_reference_is_still_present_ref(text):
    assert resolve_date(text, None) == DateValue("PRESENT_REF", "day", "reference")


@pytest.mark.parametrize("reference", REFERENCES, ids=str)
def test_today_is_the_reference_date(reference):
    assert resolve_date("today", reference) == DateValue(reference.isoformat(), "day")
    assert resolve_date("today", None) == DateValue(None, "day")


@pytest.mark.parametrize("text, value, granularity", [
    ("in the past", "PAST_REF", "past"), ("formerly", "PAST_REF", "past"), ("the past", "PAST_REF", "past"),
    ("at the time", "PAST_REF", "past"),
    ("in the future", "FUTURE_REF", "future"), ("in the near future", "FUTURE_REF", "future"),
    ("the future", "FUTURE_REF", "future"),
])
def test_the_past_and_the_future_are_references(text, value, granularity):
    for reference in (None, *REFERENCES):
        assert resolve_date(text, reference) == DateValue(value, granularity, "reference")


@pytest.mark.parametrize("sentence, dates", [
    ("About 900 troops are currently in the country.", [("currently", "PRESENT_REF", "reference")]),
    ("The mission now has 1,200 soldiers.", [("now", "PRESENT_REF", "reference")]),
    ("At present, 300 troops guard the airport.", [("present", "PRESENT_REF", "reference")]),
    ("These days the base holds 500 marines.", [("These days", "PRESENT_REF", "reference")]),
    ("In the past, the base held 3,000 troops.", [("the past", "PAST_REF", "reference")]),
    ("More troops may come in the near future.", [("the near future", "FUTURE_REF", "reference")]),
    ("The camp was formerly a depot.", [("formerly", "PAST_REF", "reference")]),
    ("At the time, the base held 3,000 troops.", [("At the time", "PAST_REF", "reference")]),
])
def test_the_present_in_sentences(nlp, sentence, dates):
    assert found(nlp, sentence, THU_2024_02_29) == dates
