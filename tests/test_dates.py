"""Date expressions resolved against a reference date: table-driven, plus properties."""

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoiraq.parsing.dates import DateValue, calendar_day, infer_reference, resolve_date
from natoiraq.parsing.dates.iso import DAY_FIRST, MONTH_FIRST, numeric_order
from natoiraq.parsing.dates.resolve import pinned
from natoiraq.parsing.periods import first_day

JUNE_23_2015 = date(2015, 6, 23)  # a Tuesday


@pytest.mark.parametrize("text, tense, value, granularity, kind", [
    # absolute
    ("May 26, 2015", None, "2015-05-26", "day", "date"),
    ("26 May 2015", None, "2015-05-26", "day", "date"),
    ("Feb. 15, 2021", None, "2021-02-15", "day", "date"),
    ("the 3rd of January 2020", None, "2020-01-03", "day", "date"),
    ("2021-02-16", None, "2021-02-16", "day", "date"),
    ("16/02/2021", None, "2021-02-16", "day", "date"),
    ("winter 2022/23", None, "2022-24", "season", "date"),  # a season that straddles two years: the first's
    ("winter 2022-2023", None, "2022-24", "season", "date"),
    ("December 2017", None, "2017-12", "month", "date"),
    ("2014", None, "2014", "year", "date"),
    ("the end of 2011", None, "2011", "year", "date"),
    ("mid-2016", None, "2016", "year", "date"),
    ("early 2017", None, "2017", "year", "date"),
    ("the 1990s", None, "199", "decade", "date"),
    ("spring 2019", None, "2019-21", "season", "date"),
    ("the first quarter of 2020", None, "2020-Q1", "quarter", "date"),
    # relative to Tuesday 23 June 2015
    ("last December", None, "2014-12", "month", "date"),
    ("next July", None, "2015-07", "month", "date"),  # the coming July, said in June
    ("this week", None, "2015-W26", "week", "date"),
    ("next week", None, "2015-W27", "week", "date"),
    ("last week", None, "2015-W25", "week", "date"),
    ("this past week", None, "2015-W25", "week", "date"),
    ("this past Sunday", None, "2015-06-21", "day", "date"),
    ("year's end", None, "2015", "year", "date"),
    ("by month's end", None, "2015-06", "month", "date"),
    ("earlier this month", None, "2015-06", "month", "date"),
    ("next month", None, "2015-07", "month", "date"),
    ("late last year", None, "2014", "year", "date"),
    ("the end of the year", None, "2015", "year", "date"),
    ("yesterday", None, "2015-06-22", "day", "date"),
    ("two years ago", None, "2013", "year", "date"),
    ("a year ago", None, "2014", "year", "date"),
    ("a week ago", None, "2015-W25", "week", "date"),
    ("this summer", None, "2015-22", "season", "date"),
    # weekdays follow the tense: "said on Tuesday" is today, "meet on Wednesday" tomorrow
    ("Tuesday", "past", "2015-06-23", "day", "date"),
    ("Monday", "past", "2015-06-22", "day", "date"),
    ("Wednesday", "future", "2015-06-24", "day", "date"),
    ("Monday", "future", "2015-06-29", "day", "date"),
    ("Wednesday", None, "2015-06-24", "day", "date"),  # no tense: the nearest
    ("Friday", None, "2015-06-26", "day", "date"),  # 3 days ahead beats 4 back
    ("Saturday", None, "2015-06-20", "day", "date"),
    ("last Tuesday", None, "2015-06-16", "day", "date"),
    # months without a year follow the tense too
    ("August", "future", "2015-08", "month", "date"),
    ("August", "past", "2014-08", "month", "date"),
    ("January", "past", "2015-01", "month", "date"),
    ("July", None, "2015-07", "month", "date"),
    ("June", "past", "2015-06", "month", "date"),
    # so do seasons: the last one begun, or one not yet over
    ("the autumn", "past", "2014-23", "season", "date"),
    ("the summer", "past", "2015-22", "season", "date"),
    ("the spring", "future", "2016-21", "season", "date"),
    ("the autumn", None, "2015-23", "season", "date"),
    # durations and vague expressions
    ("a decade", None, "P10Y", "decade", "duration"),
    ("three-year", None, "P3Y", "year", "duration"),
    ("almost a year", None, "P1Y", "year", "duration"),
    ("18 months", None, "P18M", "month", "duration"),
    ("the past two years", None, "P2Y", "year", "duration"),
    ("the coming weeks", None, "PXW", "week", "duration"),
    ("recent years", None, "PXY", "year", "duration"),
    ("a few weeks", None, "PXW", "week", "duration"),
    ("just months", None, "PXM", "month", "duration"),
])
def test_resolve_date(text, tense, value, granularity, kind):
    assert resolve_date(text, JUNE_23_2015, tense) == DateValue(value, granularity, kind)


@pytest.mark.parametrize("text", ["Covid-19", "1546", "the time", "$88 billion", "paragraph", "2.5", "24/7", ""])
def test_not_dates(text):
    assert resolve_date(text, JUNE_23_2015) is None


@pytest.mark.parametrize("text, granularity", [
    ("Tuesday", "day"), ("last December", "month"), ("this week", "week"), ("next month", "month"),
    ("yesterday", "day"), ("this summer", "season"),
])
def test_relative_dates_without_a_reference_stay_unresolved(text, granularity):
    """Never resolved against today: without a reference date the value is null."""
    assert resolve_date(text, None) == DateValue(None, granularity, "date")


@pytest.mark.parametrize("texts, order", [
    (["13/05/2021", "05/06/2021"], DAY_FIRST),  # a day past 12 first proves day first
    (["05/13/2021", "05/06/2021"], MONTH_FIRST),  # past 12 second: month first
    (["6/15/21"], MONTH_FIRST),
    (["20.12.1995"], DAY_FIRST),
    (["05/06/2021"], DAY_FIRST),  # nothing proves it: the default
    (["05/13/2021", "13/05/2021"], DAY_FIRST),  # the document contradicts itself: the default
    (["2021/05/13", "May 13, 2021"], DAY_FIRST),  # year first, or in words: no evidence
    (["version 1.13.2"], DAY_FIRST),
    ([], DAY_FIRST),
])
def test_a_documents_numeric_order_comes_from_its_unambiguous_dates(texts, order):
    assert numeric_order(texts) == order


@pytest.mark.parametrize("text, order, value", [
    ("05/06/2021", DAY_FIRST, "2021-06-05"), ("05/06/2021", MONTH_FIRST, "2021-05-06"),
    ("5.6.21", MONTH_FIRST, "2021-05-06"), ("13/05/2021", MONTH_FIRST, "2021-05-13"),  # unambiguous either way
])
def test_ambiguous_numeric_dates_follow_the_documents_order(text, order, value):
    assert resolve_date(text, JUNE_23_2015, order=order).value == value


def test_absolute_dates_need_no_reference():
    assert resolve_date("May 26, 2015", None).value == "2015-05-26"


def test_infer_reference_takes_the_latest_full_date():
    values = [DateValue("2015-05-26", "day"), DateValue("2014-12", "month"), DateValue("2015-06-01", "day"),
              DateValue("P3Y", "year", "duration")]
    assert infer_reference(values) == date(2015, 6, 1)
    assert infer_reference(values, today=date(2015, 5, 30)) == date(2015, 5, 26)
    assert infer_reference([DateValue("2014", "year")]) is None


@pytest.mark.parametrize("text, years, expected", [
    ("Saturday May 4", [2023], date(2024, 5, 4)),  # the first year from the latest named one
    ("Thursday, 2 May", [2019, 2024], date(2024, 5, 2)),
    ("on Saturday, May 4", [2024], date(2024, 5, 4)),
    ("Saturday May 4", [], None),  # no year named: nothing to count from
    ("May 4", [2023], None),  # no weekday: nothing pins it
    ("Monday Feb 30", [2023], None),  # no such day
])
def test_a_weekday_pins_its_year(text, years, expected):
    assert pinned(text, years) == expected


expressions = st.sampled_from(["Tuesday", "last December", "this week", "next month", "May 26", "August",
                               "earlier this month", "two weeks ago", "the end of the year", "this spring",
                               "next Friday", "last year", "the coming days", "December 31"])


@given(expressions, st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       st.sampled_from(["past", "future", None]))
def test_relative_dates_land_near_the_reference(text, reference, tense):
    result = resolve_date(text, reference, tense)
    assert result is not None
    if result.value and result.granularity == "day" and result.kind in ("date", "time"):
        assert abs(date.fromisoformat(calendar_day(result.value)) - reference) <= timedelta(days=366)


@given(st.text(max_size=30), st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)))
def test_resolver_never_crashes(text, reference):
    resolve_date(text, reference)


@pytest.mark.parametrize("value, first", [
    ("2015-06-23", "2015-06-23"), ("2015-W26", "2015-06-22"), ("2020-W01", "2019-12-30"), ("2014-12", "2014-12-01"),
    ("2020-Q1", "2020-01-01"), ("2019-Q4", "2019-10-01"), ("2019-H1", "2019-01-01"), ("2019-H2", "2019-07-01"),
    ("2019-21", "2019-03-01"), ("2019-24", "2019-12-01"), ("2011", "2011-01-01"), ("2019/2020", "2019-01-01"),
    ("199", "1990-01-01"), ("19", "1900-01-01"), ("00", "0001-01-01"),
])
def test_first_day_of_every_value_form(value, first):
    assert first_day(value).isoformat() == first


@pytest.mark.parametrize("value", ["P3Y", "", "later"])
def test_first_day_of_a_duration_is_refused(value):
    with pytest.raises(ValueError):
        first_day(value)
