"""Class 1: years that are not on their own ("a 2012 commando raid", "the 2019-20 season"), and
numbers that only look like years ("Resolution 2334", "2014 troops")."""

import pytest

from natoiraq.parsing.dates import DateValue, resolve_date
from tests.dates_support import FRI_2021_12_31, TUE_2015_06_23, found


@pytest.mark.parametrize("text, value, granularity", [
    ("2012", "2012", "year"),
    ("the year 2014", "2014", "year"),
    ("the 1990s", "199", "decade"),
    ("1990's", "199", "decade"),
    ("the '90s", "199", "decade"),
    ("the 2000s", "200", "decade"),
    ("the twentieth century", "19", "century"),
    ("the 21st century", "20", "century"),
    ("the 19th century", "18", "century"),
    ("the 2019-20 season", "2019/2020", "year"),
    ("1962-63", "1962/1963", "year"),
    ("1999-00", "1999/2000", "year"),  # across a century
    ("2014-2016", "2014/2016", "year"),
    ("the early 1990s", "199", "decade"),
])
def test_years_decades_and_centuries(text, value, granularity):
    for reference in (None, TUE_2015_06_23, FRI_2021_12_31):  # none of them needs one
        assert resolve_date(text, reference) == DateValue(value, granularity)


@pytest.mark.parametrize("text, reference, value", [
    ("this century", TUE_2015_06_23, "20"),
    ("last century", TUE_2015_06_23, "19"),
    ("this century", FRI_2021_12_31, "20"),
])
def test_relative_centuries(text, reference, value):
    assert resolve_date(text, reference) == DateValue(value, "century")


@pytest.mark.parametrize("text", ["2016-2014", "2001-19", "1962-1990"])
def test_spans_of_years_run_forward_and_briefly(text):
    assert resolve_date(text) is None


@pytest.mark.parametrize("sentence, dates", [
    ("His 2008 campaign promised a pullout.", [("2008", "2008")]),
    ("A 2015 peace deal has failed to end the fighting.", [("2015", "2015")]),
    ("Veterans of the 1991 war marched.", [("1991", "1991")]),
    ("The 2020 elections were delayed.", [("2020", "2020")]),
    ("A 2012 commando raid freed the hostages.", [("2012", "2012")]),
    ("The league suspended the 2019-20 season.", [("2019-20", "2019/2020")]),
    ("Veterans of the 1992-1995 war marched.", []),  # a range of years, left out like a range of days
    ("Fighting in 1950-53 left the peninsula divided.", []),
    ("The base has grown since the 1990s.", [("the 1990s", "199")]),
    ("Borders drawn in the twentieth century still hold.", [("the twentieth century", "19")]),
    ("Resolution 2334 was adopted without a vote.", []),
    ("Flight 1549 landed safely.", []),
    ("The Vostok 2018 strategic exercise drew crowds.", []),  # a year inside a name
    ("The Trident Juncture 2018 drills ended in Norway.", []),
    ("Vision 2030 aims at a leaner army.", []),  # the tagger's common noun, the model's one organisation
    ("She served in Bosnia 1995 and Kosovo 1999.", [("1995", "1995"), ("1999", "1999")]),  # a place the year dates
    ("The army sent 2014 troops to the border.", []),
    ("In 2014 soldiers were sent to the border.", [("2014", "2014")]),
    ("By 2010 soldiers had left the border.", [("2010", "2010")]),
    ("About 2000 troops arrived and 1990 more are expected.", []),
    ("In 2000 more troops were sent.", [("2000", "2000")]),
    ("The force grew from 1800 troops to 2200 troops.", []),
    ("The 1,999 troops left the city.", []),
    ("Highway 1 was closed.", []),
    ("Battlegroup strengths:\nLatvia: 1887\nPoland: 1033\n", []),
])
def test_years_in_noun_phrases(nlp, sentence, dates):
    assert [(text, value) for text, value, _ in found(nlp, sentence, TUE_2015_06_23)] == dates
