"""Class 2: quarters, halves and fiscal years; values 2019-Q3, 2019-H1, and a fiscal year as the
year it is named for."""

import pytest

from natoiraq.parsing.dates import DateValue, resolve_date
from tests.dates_support import FRI_2021_12_31, THU_2024_02_29, TUE_2015_06_23, WED_2020_01_01, found


@pytest.mark.parametrize("text, reference, tense, value, granularity", [
    ("the third quarter of 2019", None, None, "2019-Q3", "quarter"),
    ("Q3 2019", None, None, "2019-Q3", "quarter"),
    ("2019 Q3", None, None, "2019-Q3", "quarter"),
    ("the final quarter of 2019", None, None, "2019-Q4", "quarter"),
    ("the last quarter of 2019", None, None, "2019-Q4", "quarter"),
    ("the first quarter of fiscal 2013", None, None, "2013-Q1", "quarter"),
    ("the first three months of 2024", None, None, "2024-Q1", "quarter"),
    ("the first half of 2019", None, None, "2019-H1", "half"),
    ("the second half of 2019", None, None, "2019-H2", "half"),
    ("H2 2019", None, None, "2019-H2", "half"),
    ("the last six months of 2019", None, None, "2019-H2", "half"),
    # a quarter named without its year: this year's, unless the tense points past it
    ("the third quarter", TUE_2015_06_23, None, "2015-Q3", "quarter"),
    ("the third quarter", TUE_2015_06_23, "past", "2014-Q3", "quarter"),
    ("the third quarter", TUE_2015_06_23, "future", "2015-Q3", "quarter"),
    ("the fourth quarter", FRI_2021_12_31, "past", "2021-Q4", "quarter"),
    ("the first quarter", FRI_2021_12_31, "future", "2022-Q1", "quarter"),
    ("the first quarter", WED_2020_01_01, "past", "2020-Q1", "quarter"),
    ("the second half", THU_2024_02_29, None, "2024-H2", "half"),
    ("the second half", THU_2024_02_29, "past", "2023-H2", "half"),
    ("the first half", THU_2024_02_29, "past", "2024-H1", "half"),
    # the year said in words
    ("the fourth quarter of last year", WED_2020_01_01, None, "2019-Q4", "quarter"),
    ("the first quarter of next year", FRI_2021_12_31, None, "2022-Q1", "quarter"),
    ("the first half of this year", THU_2024_02_29, None, "2024-H1", "half"),
    ("the last six months of last year", WED_2020_01_01, None, "2019-H2", "half"),
    # "last quarter" alone is the one before this one
    ("last quarter", WED_2020_01_01, None, "2019-Q4", "quarter"),
    ("next quarter", FRI_2021_12_31, None, "2022-Q1", "quarter"),
    ("this quarter", THU_2024_02_29, None, "2024-Q1", "quarter"),
])
def test_quarters_and_halves(text, reference, tense, value, granularity):
    assert resolve_date(text, reference, tense) == DateValue(value, granularity)


@pytest.mark.parametrize("text, reference, value", [
    ("fiscal 2013", None, "2013"),
    ("fiscal year 2013", None, "2013"),
    ("FY2013", None, "2013"),
    ("FY 2013", None, "2013"),
    ("FY13", None, "2013"),
    ("the 2013 fiscal year", None, "2013"),
    ("fiscal 2013-14", None, "2013/2014"),
    ("this fiscal year", FRI_2021_12_31, "2021"),
    ("this fiscal year", WED_2020_01_01, "2020"),
    ("next fiscal year", FRI_2021_12_31, "2022"),
    ("last fiscal year", THU_2024_02_29, "2023"),
    ("the current fiscal year", TUE_2015_06_23, "2015"),
])
def test_fiscal_years_are_the_year_they_are_named_for(text, reference, value):
    assert resolve_date(text, reference) == DateValue(value, "year")


def test_periods_without_a_reference_stay_unresolved():
    assert resolve_date("the third quarter", None) == DateValue(None, "quarter")
    assert resolve_date("this fiscal year", None) == DateValue(None, "year")


@pytest.mark.parametrize("sentence, dates", [
    ("Profits fell in the third quarter of 2019.", [("the third quarter of 2019", "2019-Q3")]),
    ("Deliveries slipped in the fourth quarter of last year.", [("the fourth quarter of last year", "2019-Q4")]),
    ("The army spent more in fiscal 2013.", [("fiscal 2013", "2013")]),
    ("Recruiting rose this fiscal year.", [("this fiscal year", "2020")]),
    ("Attacks doubled in the first half of 2019.", [("the first half of 2019", "2019-H1")]),
    ("Output grew in the first three months of 2019.", [("the first three months of 2019", "2019-Q1")]),
    ("The rest of the brigade follows in the second half of the year.", [("the second half of the year", "2020-H2")]),
    ("The figure for the end of the third quarter was similar.", [("the end of the third quarter", "2019-Q3")]),
    ("In the 2021 fiscal year, the army will add 2,000 soldiers.", [("the 2021 fiscal year", "2021")]),
    ("Troops left at the end of the 2019 season.", [("2019", "2019")]),  # a year that modifies a noun
])
def test_periods_in_sentences(nlp, sentence, dates):
    assert [(text, value) for text, value, _ in found(nlp, sentence, WED_2020_01_01)] == dates
