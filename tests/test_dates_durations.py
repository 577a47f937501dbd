"""Class 7: durations and vague spans stay durations and vague; ages and adjectives of length
("a 22-year-old soldier", "a four-year-long mission") are no dates at all."""

import pytest

from natoiraq.parsing.dates import DateValue, resolve_date
from tests.dates_support import THU_2024_02_29, TUE_2015_06_23, WED_2020_01_01, found


@pytest.mark.parametrize("text, value, granularity, kind", [
    ("several days", "PXD", "day", "duration"),
    ("the next few months", "PXM", "month", "duration"),
    ("the coming weeks", "PXW", "week", "duration"),
    ("recent years", "PXY", "year", "duration"),
    ("decades", "PXDE", "decade", "duration"),
    ("two decades", "P20Y", "decade", "duration"),
    ("over two decades", "P20Y", "decade", "duration"),
    ("18 months", "P18M", "month", "duration"),
    ("the past six months", "P6M", "month", "duration"),
    ("three-year", "P3Y", "year", "duration"),
    ("a year", "P1Y", "year", "duration"),
    ("half a year", "P0.5Y", "year", "duration"),
    ("several years ago", "PAST_REF", "year", "reference"),
    ("a few weeks later", None, "week", "reference"),  # anaphoric: no value (conventions)
    ("years ago", "PAST_REF", "year", "reference"),
    ("an hour", "PT1H", "hour", "duration"),
    ("90 minutes", "PT90M", "minute", "duration"),
    ("3:07:35", "PT3H7M35S", "second", "duration"),
    ("hours", "PTXH", "hour", "duration"),
    ("a month", "P1M", "month", "duration"),
    ("the past 72 hours", "PT72H", "hour", "duration"),
    ("the last few hours", "PTXH", "hour", "duration"),
])
def test_durations_and_vague_spans(text, value, granularity, kind):
    for reference in (None, TUE_2015_06_23, WED_2020_01_01, THU_2024_02_29):
        assert resolve_date(text, reference) == DateValue(value, granularity, kind)


@pytest.mark.parametrize("text", ["22-year-old", "a 22-year-old", "four-year-long", "20-year-old", "six-month-long",
                                  "three years old", "10-day-old"])
def test_ages_and_lengths_are_not_dates(text):
    assert resolve_date(text, TUE_2015_06_23) is None


@pytest.mark.parametrize("sentence, dates", [
    ("A 22-year-old soldier joined a four-year-long mission.", []),
    ("The battalion stayed for several days.", [("several days", "PXD", "duration")]),
    ("The force will shrink over the next few months.", [("the next few months", "PXM", "duration")]),
    ("Irish troops served there for two decades.", [("two decades", "P20Y", "duration")]),
    ("The army withdrew several years ago.", [("several years ago", "PAST_REF", "reference")]),
])
def test_durations_in_sentences(nlp, sentence, dates):
    assert found(nlp, sentence, TUE_2015_06_23) == dates
