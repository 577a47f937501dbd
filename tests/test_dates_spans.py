"""Class 5: span boundaries. A date span opens with no preposition; it takes in a part of day
("Sunday night") and keeps "January this year", "March of last year", "the week of May 3" and a
date written in parts ("Monday, July 15") whole; a range of days ("June 28-30") is left out."""

import pytest

from natoiraq.pipeline.dates.candidates import candidates, dateline
from natoiraq.extract import extract_records
from natoiraq.reading.inputs import Record
from tests.dates_support import FRI_2021_12_31, THU_2024_02_29, TUE_2015_06_23, WED_2020_01_01, found, unlisted


@pytest.mark.parametrize("sentence, reference, dates", [
    ("Rebels attacked the base on Sunday night.", TUE_2015_06_23, [("Sunday night", "2015-06-21TNI")]),
    ("The convoy left on Tuesday morning.", WED_2020_01_01, [("Tuesday morning", "2019-12-31TMO")]),
    ("The talks collapsed late Tuesday.", WED_2020_01_01, [("late Tuesday", "2019-12-31")]),
    ("Troops arrived in January this year.", THU_2024_02_29, [("January this year", "2024-01")]),
    ("The force was cut in March of last year.", THU_2024_02_29, [("March of last year", "2023-03")]),
    ("The force was cut in March last year.", WED_2020_01_01, [("March last year", "2019-03")]),
    ("Exercises were held the week of May 3.", TUE_2015_06_23, [("the week of May 3", "2015-W18")]),
    ("The unit left on Monday, July 15, for Haiti.", FRI_2021_12_31, [("Monday, July 15", "2021-07-15")]),
    ("Washington, Wednesday, September 9, 2020: the pullout began.", None,
     [("Wednesday, September 9, 2020", "2020-09-09")]),
    ("Ministers meet in Madrid from June 28-30.", TUE_2015_06_23, []),
    ("Ministers meet in Madrid on 28-30 June.", TUE_2015_06_23, []),
    ("The summit will be held from 15 to 18 July in Vilnius.", TUE_2015_06_23, []),  # in words too
    ("Between 10 and 12 May, ministers met in Oslo.", TUE_2015_06_23, []),
    ("The drills run June 5 through 9.", TUE_2015_06_23, []),
    # a range of days with its year, and one the tokenizer keeps whole ("7\u201316"): the year goes with it
    ("The exercise ran 7-16 August 2008 with 3,000 troops.", TUE_2015_06_23, []),
    ("Date 7\u201316 August 2008\nLocation Georgia", None, []),
    ("The drills took place September 14\u201318, 2014.", TUE_2015_06_23, []),
    # a yearless date that opens a range is in the year the close writes, not the reference's
    ("Trident Juncture (25 October \u2013 7 November 2018) drew 50,000 troops.", TUE_2015_06_23,
     [("25 October", "2018-10-25"), ("7 November 2018", "2018-11-07")]),
    ("The drills lasted from August 7 to August 16, 2008.", TUE_2015_06_23,
     [("August 7", "2008-08-07"), ("August 16, 2008", "2008-08-16")]),
    ("The operation ran from 25 December to 7 January 2019.", TUE_2015_06_23,
     [("25 December", "2018-12-25"), ("7 January 2019", "2019-01-07")]),
    ("Troops will be there between 14 March and 2 April 2019.", TUE_2015_06_23, [("14 March", "2019-03-14"), ("2 April 2019", "2019-04-02")]),
    ("The operation ran from March to May 2019.", None, [("March", "2019-03"), ("May 2019", "2019-05")]),
    # a fiscal year or season that straddles two years is one span, whichever way the years are written
    ("In the financial year 2022-23 the army will cut 1,000 posts.", TUE_2015_06_23,
     [("the financial year 2022-23", "2022/2023")]),
    ("In fiscal year 2013-14 the army cut 1,000 posts.", TUE_2015_06_23, [("fiscal year 2013-14", "2013/2014")]),
    ("In winter 2022/23, 4,000 troops will rotate.", TUE_2015_06_23, [("winter 2022/23", "2022-24")]),
    ("In the winter of 2022-23, 4,000 troops will rotate.", TUE_2015_06_23, [("the winter of 2022-23", "2022-24")]),
    # a pair of years the tokenizer keeps whole with its en dash; one more than a year apart is a range, left out
    ("In 2024\u201325, recruitment targets rise.", TUE_2015_06_23, [("2024\u201325", "2024/2025")]),
    ("The 1992\u201395 war displaced millions.", TUE_2015_06_23, []),
    # a date whose year a comma closes, before the noun it modifies
    ("After the Feb. 24, 2014, invasion, NATO moved troops east.", TUE_2015_06_23, [("Feb. 24, 2014", "2014-02-24")]),
    # a weekday in the week "last week" or "next week" names
    ("The decision came on Wednesday last week.", WED_2020_01_01, [("Wednesday last week", "2019-12-25")]),
    ("The brigade leaves on Friday next week.", TUE_2015_06_23, [("Friday next week", "2015-07-03")]),
    ("I met my counterpart on Tuesday of last week.", TUE_2015_06_23, [("Tuesday of last week", "2015-06-16")]),
    # "over" before a date is a preposition, not "more than"
    ("Over Christmas, 200 troops stayed at the base.", TUE_2015_06_23, [("Christmas", "2014-12-25")]),
    ("Over winter 2022-2023, 4,000 troops will rotate.", TUE_2015_06_23, [("winter 2022-2023", "2022-24")]),
    ("The July summit will decide on troop numbers.", TUE_2015_06_23, [("July", "2015-07")]),  # as "the 1991 war"
    ("Allies met at the 2014 Wales summit.", TUE_2015_06_23, [("2014", "2014")]),  # before a name too
    # a yearless date in a place's name is no date
    ("Troops guarded the 6th of October Bridge and 9 July Avenue.", TUE_2015_06_23, []),
    ("The drawdown ends during the month of September.", TUE_2015_06_23, [("the month of September", "2015-09")]),
    ("It ordered the deployment on Dec. 1, 2009.", None, [("Dec. 1, 2009", "2009-12-01")]),
    ("Sputnik - 03rd December, 2020: troops deployed.", None, [("03rd December, 2020", "2020-12-03")]),
    ("The surge will end by September of 2012.", None, [("September of 2012", "2012-09")]),
    # dates in figures, as the tokenizer splits them: ISO 8601 (a time may be glued on), day.month.year
    ("TALLINN, 2021-05-14 More British troops arrived.", None, [("2021-05-14", "2021-05-14")]),
    ("Posted 2019-11-02T08:15 by the ministry.", None, [("2019-11-02T08:15", "2019-11-02")]),
    ("Decree of 20.12.1995 on the mission.", None, [("20.12.1995", "1995-12-20")]),
    ("Some 400 regulars (as of 13/07/08) held the pass.", None, [("13/07/08", "2008-07-13")]),
    # a date only month first can read fixes how the document writes the others
    ("Updated 6/15/21. The first 200 troops landed 6/3/21.", None, [("6/15/21", "2021-06-15"), ("6/3/21", "2021-06-03")]),
    ("Updated 15/6/21. The first 200 troops landed 6/3/21.", None, [("15/6/21", "2021-06-15"), ("6/3/21", "2021-03-06")]),
    ("Some 400 regulars (as of 13/07/08),[2] held the pass.", None, [("13/07/08", "2008-07-13")]),  # a footnote mark
    ("The garrison closed in 2008.[5] Troops left.", None, [("2008", "2008")]),
    ("Posted 2021/02/16 by the defence ministry.", None, [("2021/02/16", "2021-02-16")]),
    ("Updated 16.02.2021 Troops Leave Kabul", None, [("16.02.2021", "2021-02-16")]),  # not "2014 troops", a count
    # a heading in capitals; an infobox label run into its date
    ("STATUS REPORT: 30 NOVEMBER 2012 The garrison held.", None, [("30 NOVEMBER 2012", "2012-11-30")]),
    ("DateMarch 3, 2011\nLocation Libya", None, [("March 3, 2011", "2011-03-03")]),
    # a season and its year stay one span after "in"; decades in a pair are two dates
    ("The cut was agreed in spring 2002 in Brussels.", TUE_2015_06_23, [("spring 2002", "2002-21")]),
    ("Bases grew through the 1970s and 1980s.", TUE_2015_06_23, [("the 1970s", "197"), ("1980s", "198")]),
    # "mid-" and its year are one token, which the model does not always take for a date
    ("The troops will stay until at least mid-2016.", TUE_2015_06_23, [("mid-2016", "2016")]),
    ("The mid-2000s saw further cuts to the garrison.", TUE_2015_06_23, [("The mid-2000s", "200")]),
    # a dash set off by spaces ends the date; "Covid-19" is no date
    ("Iran sent troops in early June - just before the talks.", TUE_2015_06_23, [("early June", "2015-06")]),
    # a weekday joins the date written after it, not a duration
    ("The order came Thurs. evening, Feb. 2, 2012.", None, [("Thurs. evening, Feb. 2, 2012", "2012-02-02TEV")]),
    ("Senate Debate, Tuesday - 12 March 2019\nThe motion passed.", None,
     [("Tuesday - 12 March 2019", "2019-03-12")]),
    ("Ministers agreed on Friday (5 June 2020) to send trainers.", None, [("Friday (5 June 2020)", "2020-06-05")]),
    ("The minister spoke Monday, a week after the vote.", TUE_2015_06_23, [("Monday", "2015-06-22"), ("a week", "P1W")]),
    ("Troops left this past week, and more this past Sunday.", TUE_2015_06_23,
     [("this past week", "2015-W25"), ("this past Sunday", "2015-06-21")]),
    ("The convoy left Fri. morning.", TUE_2015_06_23, [("Fri. morning", "2015-06-19TMO")]),
    # a date and its clock time on a byline are one time, in either order; a year and a time stay apart
    ("Posted: 2011-04-02 16:45\nThe brigade left.", None, [("2011-04-02 16:45", "2011-04-02T16:45")]),
    ("Wire staff / Tuesday, May 3, 2016; 7:10 PM", None, [("Tuesday, May 3, 2016; 7:10 PM", "2016-05-03T19:10")]),
    ("Saturday, June 6th 2020 - 11:30 UTC / Comments", None,
     [("Saturday, June 6th 2020 - 11:30 UTC", "2020-06-06T11:30")]),
    ("as edited at 22:15, 4 March 2012 (diff).", None, [("22:15, 4 March 2012", "2012-03-04T22:15")]),
    ("In 2014, 20:00 was the curfew.", TUE_2015_06_23, [("2014", "2014"), ("20:00", "T20:00")]),
    # a clock time alone names no day: the one the text tells of, a live blog's entry's, not the reference's
    ("09:02 The defence ministry says the drills will continue.", TUE_2015_06_23, [("09:02", "T09:02")]),
    ("The 200 soldiers landed at 6.35 am on a chartered flight.", TUE_2015_06_23, [("6.35 am", "T06:35")]),
    ("The 200 soldiers landed at 6.35 am on Friday.", TUE_2015_06_23, [("6.35 am on Friday", "2015-06-19T06:35")]),
    # "May" the verb, as a headline or a question puts it
    ("Base Review May Shrink Army Presence", TUE_2015_06_23, []),
    ("May I ask the minister about the brigade?", TUE_2015_06_23, []),
])
def test_date_spans(nlp, sentence, reference, dates):
    assert [(t, v) for t, v, _ in found(nlp, sentence, reference)] == dates


@pytest.mark.parametrize("sentence, dated, as_of", [
    ("The exercise ran 7-16 August 2008 with 3,000 troops.", [("7-16 August 2008", "2008-08-16")], "2008-08-16"),
    ("Drills on Aug. 5-10 will involve 1,500 Russian troops.", [("Aug. 5-10", "2015-08-10")], "2015-08-10"),
    ("Between 10 and 12 May 2016, 2,000 troops exercised.", [("Between 10 and 12 May 2016", "2016-05-12")], "2016-05-12"),
])
def test_a_range_of_days_is_no_fact_but_dates_the_figure_in_its_clause(nlp, sentence, dated, as_of):
    facts = next(extract_records([Record(id="t", text=sentence, date=TUE_2015_06_23.isoformat())], nlp))
    assert facts.dates == [] and unlisted(nlp, sentence, TUE_2015_06_23) == dated
    assert [f.as_of["value"] for f in facts.troops] == [as_of]


@pytest.mark.parametrize("sentence, span", [
    ("Attacks rose over the past six months.", "the past six months"),
    ("Soldiers have served there for over two decades.", "over two decades"),
    ("At present, 300 troops guard the airport.", "present"),
])
def test_a_span_opens_with_no_preposition(nlp, sentence, span):
    assert [t for t, _, _ in found(nlp, sentence, TUE_2015_06_23)] == [span]


@pytest.mark.parametrize("sentence, dates", [
    ("The pullout is due in the autumn.", [("the autumn", "2015-23")]),
    ("The force grew in spring and will shrink next winter.", [("spring", "2015-21"), ("next winter", "2016-24")]),
    # the last one over: in June, last spring is this year's, last summer the year before's
    ("Last spring the brigade doubled; last summer it had halved.", [("Last spring", "2015-21"), ("last summer", "2014-22")]),
    ("Troops returned home over the weekend.", [("the weekend", "2015-W25")]),
    ("The brigade will leave two years from now.", [("two years from now", "2017")]),
    ("The force will be cut by half by year-end.", [("year-end", "2015")]),
    ("The garrison is to be withdrawn by year's end.", [("year's end", "2015")]),
])
def test_seasons_weekends_and_year_end(nlp, sentence, dates):
    assert [(t, v) for t, v, _ in found(nlp, sentence, TUE_2015_06_23)] == dates


@pytest.mark.parametrize("text, expected", [
    ("ADDIS ABABA, Nov 6 (AFP) \u2014 Troops arrived.", "Nov 6"),
    ("Headline\nKABUL, Afghanistan, May 2 - Troops arrived.", "May 2"),
    (", ROME, June 16 \u2013 Italy will add troops.", "June 16"),
    ("He flew to Rome, June 16 - the day of the vote.", None),  # not at the start of its line
    ("ROME, June 16 Italy will add troops.", None),  # no agency or dash after it
])
def test_a_dateline_is_a_date_after_a_place_in_capitals_at_the_start_of_a_line(nlp, text, expected):
    doc = nlp(text)
    line = dateline(candidates(doc, nlp.get_pipe("natoiraq_dates").matcher, True))
    assert (line.text if line is not None else None) == expected
