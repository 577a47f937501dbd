"""Class 4: weekdays and bare months in narrative. A past-tense report points back, an
announcement forward; a weekday in a quote counts from the quote's own day."""

from datetime import date

import pytest

from natoiraq.parsing.dates import DateValue, resolve_date
from natoiraq.parsing.dates.years import named_event
from tests.dates_support import (FRI_2021_12_31, SAT_2000_02_26, SUN_2019_12_29, THU_2024_02_29, WED_2020_01_01,
                                 found)


@pytest.mark.parametrize("text, reference, tense, value", [
    ("Friday", WED_2020_01_01, "past", "2019-12-27"),
    ("Friday", WED_2020_01_01, "future", "2020-01-03"),
    ("Wednesday", WED_2020_01_01, "past", "2020-01-01"),
    ("Tuesday night", WED_2020_01_01, "past", "2019-12-31TNI"),
    ("Thursday", THU_2024_02_29, "past", "2024-02-29"),
    ("Wednesday morning", THU_2024_02_29, "past", "2024-02-28TMO"),
    ("Monday", THU_2024_02_29, "future", "2024-03-04"),
    ("Monday", SUN_2019_12_29, "future", "2019-12-30"),
    ("Sunday", SUN_2019_12_29, "past", "2019-12-29"),
    ("Saturday", FRI_2021_12_31, "future", "2022-01-01"),
    ("Monday", SAT_2000_02_26, "future", "2000-02-28"),
    ("Tuesday", SAT_2000_02_26, "future", "2000-02-29"),
    ("last Friday", FRI_2021_12_31, None, "2021-12-24"),
    ("next Friday", FRI_2021_12_31, None, "2022-01-07"),
    ("Sunday, December 29", SUN_2019_12_29, "past", "2019-12-29"),
    ("February 29", THU_2024_02_29, "past", "2024-02-29"),
    ("February 29", FRI_2021_12_31, "future", None),  # 2022 has none
])
def test_weekdays_follow_the_tense(text, reference, tense, value):
    kind = "time" if value and "T" in value else "date"  # "Tuesday night" is a time of that day
    assert resolve_date(text, reference, tense) == DateValue(value, "day", kind)


@pytest.mark.parametrize("text, reference, tense, value", [
    ("December", FRI_2021_12_31, "past", "2021-12"),
    ("January", FRI_2021_12_31, "future", "2022-01"),
    ("January", FRI_2021_12_31, "past", "2021-01"),
    ("January", WED_2020_01_01, "past", "2020-01"),
    ("December", WED_2020_01_01, "past", "2019-12"),
    ("February", THU_2024_02_29, "past", "2024-02"),
    ("March", THU_2024_02_29, "past", "2023-03"),
    ("March", THU_2024_02_29, "future", "2024-03"),
    ("January", THU_2024_02_29, "future", "2025-01"),
    ("November", SUN_2019_12_29, None, "2019-11"),
])
def test_bare_months_follow_the_tense(text, reference, tense, value):
    assert resolve_date(text, reference, tense) == DateValue(value, "month")


@pytest.mark.parametrize("text, reference, value", [
    ("today (Friday)", WED_2020_01_01, "2019-12-27"),  # the quote was Friday's
    ("last night (Monday)", WED_2020_01_01, "2019-12-30"),
    ("last night (Tuesday)", WED_2020_01_01, "2019-12-31"),
    ("yesterday (Wednesday)", THU_2024_02_29, "2024-02-28"),
    ("today (Thursday)", THU_2024_02_29, "2024-02-29"),
])
def test_a_weekday_in_brackets_fixes_the_day(text, reference, value):
    assert resolve_date(text, reference) == DateValue(value, "day")


def test_named_days_need_a_year():
    assert resolve_date("Election Day", None) == DateValue(None, "day")


@pytest.mark.parametrize("text, reference, tense, value", [
    ("Election Day", FRI_2021_12_31, "future", "2022-11-08"),
    ("Election Day", THU_2024_02_29, "future", "2024-11-05"),
    ("Election Day 2020", None, None, "2020-11-03"),
    ("Christmas", FRI_2021_12_31, "past", "2021-12-25"),
    ("Christmas Eve", WED_2020_01_01, "past", "2019-12-24"),
    ("New Year's Day", FRI_2021_12_31, "future", "2022-01-01"),
    ("Thanksgiving", SUN_2019_12_29, "past", "2019-11-28"),
    ("Memorial Day 2019", None, None, "2019-05-27"),
    ("Labor Day", THU_2024_02_29, "future", "2024-09-02"),
])
def test_named_days(text, reference, tense, value):
    assert resolve_date(text, reference, tense) == DateValue(value, "day")


@pytest.mark.parametrize("text, noun, value", [
    ("Sept. 11", "hijackers", "2001-09-11"),
    ("September 11", "attacks", "2001-09-11"),
    ("September 11", "vote", None),  # not the event's noun: a date of the year the text is about
    ("September 12", "attacks", None),
    ("2001", "attacks", None),
])
def test_a_yearless_date_names_an_event_with_its_nouns(text, noun, value):
    assert named_event(text, noun) == value


@pytest.mark.parametrize("text, dates", [
    ("Most of the alleged Sept. 11 hijackers were Saudis.", [("Sept. 11", "2001-09-11")]),
    ("The September 11 vote was put off.", [("September 11", "2023-09-11")]),
    ("Talks resume on September 11, after the attacks.", [("September 11", "2024-09-11")]),  # it places the clause
    ("Rebels struck on Christmas Day 2020.", [("Christmas Day 2020", "2020-12-25")]),
    ("The Council adopted resolution 2100 (2013) in April.", [("April", "2023-04")]),  # the year names the resolution
])
def test_an_event_named_by_its_day_keeps_its_year(nlp, text, dates):
    assert [(t, v) for t, v, _ in found(nlp, text, THU_2024_02_29)] == dates


@pytest.mark.parametrize("text, dates", [
    # the range runs forward: its first weekday is on or before its last, whatever the nearest one is
    ("Militia held the ridge for five days from Sunday until Thursday, a monitor said.",
     [("five days", "P5D"), ("Sunday", "2024-02-25"), ("Thursday", "2024-02-29")]),
    ("The crossing will be shut from Friday to Monday.", [("Friday", "2024-03-01"), ("Monday", "2024-03-04")]),
    ("The talks ran Monday through Wednesday.", [("Monday", "2024-02-26"), ("Wednesday", "2024-02-28")]),
])
def test_a_range_of_weekdays_runs_forward(nlp, text, dates):
    assert [(t, v) for t, v, _ in found(nlp, text, THU_2024_02_29)] == dates


def test_a_quote_speaks_from_its_own_day(nlp):
    text = ('Police said the convoy had crossed. "We left last night (Tuesday) and we reach the border '
            'this morning," an officer said.')
    dates = found(nlp, text, THU_2024_02_29)
    assert ("last night (Tuesday)", "2024-02-27", "date") in dates
    assert ("this morning", "2024-02-28TMO", "time") in dates  # the morning after Tuesday night


def test_a_report_points_back_and_an_announcement_forward(nlp):
    text = "The minister said on Monday that troops would arrive on Friday. The first unit left in January."
    assert [(t, v) for t, v, _ in found(nlp, text, WED_2020_01_01)] == [
        ("Monday", "2019-12-30"), ("Friday", "2020-01-03"), ("January", "2020-01")]


@pytest.mark.parametrize("text, dates", [
    # a verb right before the weekday rules, preposition or not; a participle reports what happened
    ("The defence minister announced Friday that 300 troops would stay.", [("Friday", "2019-12-27")]),
    ("Besides the 650 troops sent Friday, two ships sailed.", [("Friday", "2019-12-27")]),
    ("The brigade will arrive Friday.", [("Friday", "2020-01-03")]),
    # a plan word that is a noun does not put the date ahead unless the date is its own ("a plan for May")
    ("Allied ministers backed the new plan on Monday.", [("Monday", "2019-12-30")]),
])
def test_a_weekday_takes_the_tense_of_the_verb_before_it(nlp, text, dates):
    assert [(t, v) for t, v, _ in found(nlp, text, WED_2020_01_01)] == dates


def test_an_undated_text_places_yearless_dates_but_not_weekdays(nlp):
    text = ("The mission will end by the January 1, 2024 deadline. It announced on Monday that it had "
            "begun withdrawing in July.")
    dates = found(nlp, text, None)
    assert ("Monday", None, "date") in dates  # the day of writing is not known
    assert ("July", "2023-07", "date") in dates  # the year is: before the deadline


def test_an_undated_text_that_writes_its_latest_day_with_the_weekday_fixes_the_week(nlp):
    text = ("The junta took power on July 26, 2023. Fresh instructors landed on Tuesday, March 5 in the capital, "
            "state radio announced overnight from Tuesday to Wednesday. The next flight is due on Friday.")
    dates = [(t, v) for t, v, _ in found(nlp, text, None)]
    assert ("Tuesday, March 5", "2024-03-05") in dates  # the weekday pins the year
    assert ("Wednesday", "2024-03-06") in dates  # the nearest to it, though the report is past
    assert ("Friday", "2024-03-08") in dates


def test_a_dateline_gives_an_undated_text_its_day_of_writing(nlp):
    text = ("KANDAHAR, March 9 (Wire) - NATO said on Saturday it had sent 300 more troops after a convoy was "
            "ambushed on February 27, 2010. The rest will arrive by the end of the month.")
    dates = [(t, v) for t, v, _ in found(nlp, text, None)]
    assert dates[:2] == [("March 9", "2010-03-09"), ("Saturday", "2010-03-06")]
    assert ("the end of the month", "2010-03") in dates


def test_an_undated_text_looks_ahead_only_where_it_announces_a_date(nlp):
    text = ("The brigade reached Kabul on January 10, 2007. The government had asked it to leave in June. "
            "The next brigade would arrive by Feb. 15.")
    dates = found(nlp, text, None)
    assert ("June", "2006-06", "date") in dates  # an infinitive under a past verb: back from the latest date
    assert ("Feb. 15", "2007-02-15", "date") in dates  # a modal announces it: ahead


@pytest.mark.parametrize("text, dates", [
    ('"Troops arrive tomorrow," the minister said on Monday.', [("tomorrow", "2024-02-27"), ("Monday", "2024-02-26")]),
    ('On Monday, the minister said: "We leave today."', [("Monday", "2024-02-26"), ("today", "2024-02-26")]),
    # a date on another verb of the sentence is not the day the quote was spoken
    ('"We left yesterday," he said, adding that the base had closed on Monday.',
     [("yesterday", "2024-02-28"), ("Monday", "2024-02-26")]),
])
def test_a_quote_speaks_from_the_day_it_was_said(nlp, text, dates):
    assert [(t, v) for t, v, _ in found(nlp, text, THU_2024_02_29)] == dates


def test_a_quote_that_says_no_day_speaks_from_the_day_of_the_news(nlp):
    # a Saturday paper reports Friday's meeting: "today" in the quote after it is that Friday
    text = ('BRUSSELS -- Allied ministers backed the new plan Friday, pledging 2,000 more troops.\n\n'
            '"The message in the room today was unity," the secretary general said.')
    assert [(t, v) for t, v, _ in found(nlp, text, date(2009, 12, 5))] == [("Friday", "2009-12-04"),
                                                                            ("today", "2009-12-04")]


@pytest.mark.parametrize("text, dates", [
    # a past narrative places its yearless dates from its last dated step, running forward
    ("The force was set up on 2 July 2012. By November, 4,000 soldiers were deployed.",
     [("2 July 2012", "2012-07-02"), ("November", "2012-11")]),
    ("In 2015, Russia sent jets to Syria. In September, 2,000 troops arrived there.",
     [("2015", "2015"), ("September", "2015-09")]),
    ("The surge was ordered in November 2017. In March, the brigades deployed, and by June 9,000 troops were in place.",
     [("November 2017", "2017-11"), ("March", "2018-03"), ("June", "2018-06")]),
    # the past perfect looks back from the step
    ("The mission ended on 30 October 2016. The ministry had cut it to 800 troops in May.",
     [("30 October 2016", "2016-10-30"), ("May", "2016-05")]),
    ("The surge was announced on Jan. 10, 2007. By June, all five brigades had arrived.",
     [("Jan. 10, 2007", "2007-01-10"), ("June", "2007-06")]),  # "by": the point the past perfect reaches
    ("Britain sent troops in May 2000. In September, paratroopers freed hostages held since August.",
     [("May 2000", "2000-05"), ("September", "2000-09"), ("August", "2000-08")]),
    # within the step's sentence the date may be on either side of it: the nearest
    ("Troops entered Kosovo on 12 June 1999, after a bombing campaign that began in March.",
     [("12 June 1999", "1999-06-12"), ("March", "1999-03")]),
    # a background clause's date is no step of the story
    ("The junta, formed after a coup staged on 26 July 2015, expelled 1,100 French troops in March.",
     [("26 July 2015", "2015-07-26"), ("March", "2023-03")]),
    # a plan the text reports in the past is ahead of the plan, not of the day of writing
    ("In May 2010, the council voted to cut 2,000 troops by June 30. The cut was completed in July.",
     [("May 2010", "2010-05"), ("June 30", "2010-06-30"), ("July", "2010-07")]),
    # a recent year is as likely background to this year's news; a deictic date in the sentence is this year's
    ("Mali expelled the French troops in 2022. In December, the last peacekeepers left.",
     [("2022", "2022"), ("December", "2023-12")]),
    ("In 2015, Russia sent jets to Syria. In January, Moscow said 9,000 soldiers had signed up last year.",
     [("2015", "2015"), ("January", "2024-01"), ("last year", "2023")]),
    # not from a date that opens a stretch up to now, nor across a return to the day of writing
    ("Troops have been in Mali since 2013. In January, 600 more were sent.",
     [("2013", "2013"), ("January", "2024-01")]),
    ("In 2015, Russia sent jets to Syria. On Monday, officials said 300 troops left in January.",
     [("2015", "2015"), ("Monday", "2024-02-26"), ("January", "2024-01")]),
    # nor a deadline, nor an event a date names
    ("The junta took power in 2021 and had set a May 31 deadline for the troops.",
     [("2021", "2021"), ("May 31", "2024-05-31")]),
])
def test_a_past_narrative_places_its_yearless_dates(nlp, text, dates):
    assert [(t, v) for t, v, _ in found(nlp, text, THU_2024_02_29)] == dates
