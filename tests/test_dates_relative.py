"""Class 6: relative spans. "a year earlier", "two weeks later" and "the following month" count from
the date their sentence (or the one before) is about, else from the reference date; "a year ago"
always from the reference date. Past the calendar's ends a value is null, never an error. The
anaphoric ones are resolved but left out of the facts (the conventions), and still date a figure."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from natoiraq.extract import extract_records
from natoiraq.parsing.dates import DateValue, resolve_date
from natoiraq.parsing.dates import anaphoric as anaphoric_text
from natoiraq.reading.inputs import Record
from natoiraq.parsing.periods import first_day
from tests.dates_support import FRI_2021_12_31, SUN_2019_12_29, THU_2024_02_29, TUE_2015_06_23, WED_2020_01_01, found, unlisted


@pytest.mark.parametrize("text, reference, anchor, value, granularity", [
    ("a year earlier", WED_2020_01_01, "2013", "2012", "year"),
    ("a year earlier", WED_2020_01_01, None, "2019", "year"),
    ("two years later", THU_2024_02_29, "2013-05", "2015", "year"),
    ("two weeks later", FRI_2021_12_31, "2020-12-25", "2021-W01", "week"),
    ("three days later", FRI_2021_12_31, "2024-02-27", "2024-03-01", "day"),
    ("three days earlier", SUN_2019_12_29, "2020-03-01", "2020-02-27", "day"),
    ("a month earlier", WED_2020_01_01, "2020-01", "2019-12", "month"),
    ("the following month", WED_2020_01_01, "2023-12", "2024-01", "month"),
    ("the following month", WED_2020_01_01, None, "2020-02", "month"),
    ("the following year", THU_2024_02_29, "2012", "2013", "year"),
    ("the previous year", THU_2024_02_29, "2000", "1999", "year"),
    ("the previous day", THU_2024_02_29, "2024-03-01", "2024-02-29", "day"),
    ("the previous day", WED_2020_01_01, None, "2019-12-31", "day"),
    ("two weeks later", WED_2020_01_01, "2013", None, "week"),  # which week of 2013 is not said
    ("a year ago", WED_2020_01_01, "2013", "2019", "year"),  # "ago" counts from the day of writing
    ("three days ago", WED_2020_01_01, None, "2019-12-29", "day"),
    ("a week ago", SUN_2019_12_29, None, "2019-W51", "week"),
    ("two months ago", WED_2020_01_01, None, "2019-11", "month"),
    ("ten years ago", THU_2024_02_29, None, "2014", "year"),
])
def test_relative_spans(text, reference, anchor, value, granularity):
    assert resolve_date(text, reference, None, anchor) == DateValue(value, granularity)


@pytest.mark.parametrize("text, granularity", [
    ("10000000 days ago", "day"), ("1000000 weeks later", "week"), ("1000000 months ago", "month"),
    ("10000 years ago", "year"), ("10000 years later", "year"), ("100000 decades ago", "decade"),
])
def test_past_the_calendar_the_value_is_null(text, granularity):
    for reference in (date(1, 1, 1), WED_2020_01_01, date(9999, 12, 31)):
        assert resolve_date(text, reference, None, "2013") == DateValue(None, granularity)


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["days", "weeks", "months", "years", "decades"]),
       st.sampled_from(["ago", "later", "earlier"]), st.dates())
def test_counts_of_any_size_never_raise(count, unit, direction, reference):
    result = resolve_date(f"{count} {unit} {direction}", reference, None, "2013")
    assert result is not None and result.kind == "date"


def test_an_earlier_date_in_the_sentence_anchors_a_relative_span(nlp):
    text = "French forces intervened in 2013 to halt an uprising that began a year earlier."
    assert unlisted(nlp, text, WED_2020_01_01) == [("a year earlier", "2012")]


def test_the_sentence_before_anchors_a_relative_span(nlp):
    text = "The rebels took the north in 2012. French troops pushed them back the following year."
    assert unlisted(nlp, text, WED_2020_01_01) == [("the following year", "2013")]


@pytest.mark.parametrize("text, value", [
    ("The force deployed in December 1995 and was replaced a year later by a force of 32,000 troops.", "1996"),
    ("Paris sent troops in 2013. The following year, 3,000 soldiers were redeployed across the Sahel.", "2014"),
    ("Five years later, some 4,000 French troops remained in the country.", "2025"),  # from the reference
])
def test_an_anaphoric_date_is_no_fact_but_dates_the_figure_in_its_clause(nlp, text, value):
    record = Record(id="t", text=text, date=WED_2020_01_01.isoformat())
    facts = next(extract_records([record], nlp))
    assert [d.text for d in facts.dates if anaphoric_text(d.text)] == []
    assert [f.as_of["value"] for f in facts.troops] == [value]


def test_without_an_anchor_the_reference_date_counts(nlp):
    text = "A year ago the force had 4,000 soldiers."
    assert ("A year ago", "2019", "date") in found(nlp, text, WED_2020_01_01)


@pytest.mark.parametrize("text, reference, tense, anchor, value, granularity", [
    ("the weekend", TUE_2015_06_23, "past", None, "2015-W25", "week"),
    ("the weekend", TUE_2015_06_23, "future", None, "2015-W26", "week"),
    ("this past weekend", WED_2020_01_01, None, None, "2019-W52", "week"),
    ("next weekend", THU_2024_02_29, None, None, "2024-W09", "week"),  # the coming one, as "next Friday"
    ("two years from now", WED_2020_01_01, None, None, "2022", "year"),
    ("a month hence", FRI_2021_12_31, None, None, "2022-01", "month"),
    ("year-end", FRI_2021_12_31, None, None, "2021", "year"),
    ("by year-end", THU_2024_02_29, None, None, "2024", "year"),
    ("the year-earlier", WED_2020_01_01, None, None, "2019", "year"),
    ("year-earlier", WED_2020_01_01, None, "2017-Q3", "2016", "year"),
    ("the previous quarter", WED_2020_01_01, None, "2019-Q1", "2018-Q4", "quarter"),
    ("the following week", WED_2020_01_01, None, "2019-W52", "2020-W01", "week"),
    ("the following month", WED_2020_01_01, None, "2019-22", None, "month"),  # which month of the summer is not said
    # a Sunday paper's "last week" is the working week just ended, in the Sunday's own ISO week
    ("last week", SUN_2019_12_29, None, None, "2019-W52", "week"),
    ("last week", date(2019, 12, 28), None, None, "2019-W51", "week"),  # a Saturday's: the week before
])
def test_weekends_and_other_relative_forms(text, reference, tense, anchor, value, granularity):
    assert resolve_date(text, reference, tense, anchor) == DateValue(value, granularity)


@pytest.mark.parametrize("text, anchor, value, granularity", [
    ("that year", "2013-05-02", "2013", "year"),
    ("That year", "2012", "2012", "year"),
    ("that month", "2024-02-29", "2024-02", "month"),
    ("the same day", "2024-02-29", "2024-02-29", "day"),
    ("the same day", "2024-02", None, "day"),  # which day of February is not said
    ("that year", None, None, "year"),  # no date to refer to: none, not the reference's year
    ("that August", "2022", "2022-08", "month"),
    ("October of that year", "2018-07", "2018-10", "month"),
    ("that August", None, None, "month"),  # not the nearest August
    ("the day before", "2024-03-01", "2024-02-29", "day"),
    ("the day after", "2021-12-31", "2022-01-01", "day"),
    ("the next day", "2019-12-31", "2020-01-01", "day"),
    ("the next morning", "2000-02-28", "2000-02-29", "day"),
    ("The next year", "2013", "2014", "year"),  # not next year from the day of writing
    ("the next month", "2018-07", "2018-08", "month"),
])
def test_anaphoric_spans_refer_to_the_date_of_their_sentence(text, anchor, value, granularity):
    assert resolve_date(text, WED_2020_01_01, None, anchor) == DateValue(value, granularity)


@pytest.mark.parametrize("sentence, dates, anaphors", [
    ("The convoy left on May 2, 2013 and returned the same day.", [("May 2, 2013", "2013-05-02")],
     [("the same day", "2013-05-02")]),
    ("Rebels struck in 2012. That year, the brigade moved.", [("2012", "2012")], [("That year", "2012")]),
    ("The talks began on Monday and ended the next day.", [("Monday", "2019-12-30")], [("the next day", "2019-12-31")]),
    ("Troops left the day after the attack.", [], []),  # counts from an event, not a date
    ("The mission was set up in July 2018 and launched in October of that year.",
     [("July 2018", "2018-07")], [("October of that year", "2018-10")]),
    ("The brigade landed in May 2003; that August it moved north.", [("May 2003", "2003-05")], [("that August", "2003-08")]),
    ("French troops arrived in 2013. The next year, 3,000 more came.", [("2013", "2013")], [("The next year", "2014")]),
    ("French troops arrived in 2013. Later that year, 3,000 more came.", [("2013", "2013")], [("Later that year", "2013")]),
    # counted from the text's March, spring or summer, which the resolver does not place: no date at all
    ("Troops arrived in March 2013. The following March, 3,000 more came.", [("March 2013", "2013-03")], []),
    ("Troops arrived in 2013. In the spring of that year, 3,000 more came.", [("2013", "2013")], []),
    ("Troops arrived in 2013; the next summer 3,000 more came.", [("2013", "2013")], []),
    # a stretch from the day of writing, not a date of the calendar: no fact either (counted as "the following")
    ("The panel recommended a cut of 3,000 soldiers over the next decade.", [], [("the next decade", "203")]),
])
def test_anaphoric_spans_in_sentences(nlp, sentence, dates, anaphors):
    assert [(t, v) for t, v, _ in found(nlp, sentence, WED_2020_01_01)] == dates
    assert unlisted(nlp, sentence, WED_2020_01_01) == anaphors


@given(st.sampled_from(["next summer", "Friday", "next Friday", "this week", "next year", "the third quarter",
                        "the fourth quarter of next year", "Christmas", "January", "December 31", "the weekend",
                        "next century", "tomorrow (Monday)", "year-end", "the first half of next year"]),
       st.sampled_from([date(1, 1, 1), date(1, 1, 7), date(9999, 12, 31), date(9999, 12, 25)]),
       st.sampled_from(["past", "future", None]))
def test_at_the_calendars_ends_values_are_null_not_errors(text, reference, tense):
    result = resolve_date(text, reference, tense)
    assert result is not None
    assert result.value is None or first_day(result.value)  # a calendar value: ValueError otherwise
