"""as_of: the date a troop figure holds at, from its clause, its plan's target, or the article's date."""

import pytest
import spacy

from natoiraq.knowledge.lexicon import table
from natoiraq.parsing.periods import first_day, last_day
from natoiraq.pipeline.troops.when import as_of as _as_of
from natoiraq.pipeline.troops.words import TroopWords

WORDS = TroopWords.from_table(table("troops"))


def as_of(span, figure, dates, reference):
    return _as_of(span, figure["status"] == "planned", dates, reference, WORDS)


def dated_figures(nlp, text: str, reference: str | None) -> dict[str, dict | None]:
    """Each troop figure's text and its as_of, computed on the pipeline's own records."""
    doc = nlp.make_doc(text)
    doc._.natoiraq_reference = {"value": reference, "origin": "option" if reference else None}
    for _, component in nlp.pipeline:
        doc = component(doc)
    return {r["text"]: r["as_of"] for r in doc._.natoiraq_troops}


@pytest.mark.parametrize("text, reference, figure, expected", [
    ("At the height of the war in 2007, there were about 170,000 U.S. troops in Iraq.", "2011-12-15",
     "about 170,000", {"value": "2007", "source": "clause"}),
    ("In June 2014 the United States had 300 advisers in Iraq.", "2016-01-01",
     "300", {"value": "2014-06", "source": "clause"}),
    # another clause, another event
    ("The coalition was formed in 2014 and includes countries that provide roughly 11,000 personnel.", "2020-01-24",
     "roughly 11,000", {"value": "2020-01-24", "source": "reference"}),
    ("The mission ended in 2011, but about 4,000 U.S. troops remain.", "2014-06-19",
     "about 4,000", {"value": "2014-06-19", "source": "reference"}),
    ("Iraq's parliament voted on Sunday to expel the 5,200 American troops based in the country.", "2020-01-06",
     "5,200", {"value": "2020-01-05", "source": "clause"}),
    ("More than 250,000 U.S. troops massed on Iraq's border as the deadline expired on Wednesday.", "2003-03-20",
     "More than 250,000", {"value": "2003-03-19", "source": "clause"}),
    ("Turkey, which has deployed an estimated 15,000 soldiers along the border, launched its offensive last week.",
     "2019-10-14", "an estimated 15,000", {"value": "2019-10-14", "source": "reference"}),
    # when the news was told is not when the figure holds
    ("About 2,500 U.S. troops are in Iraq, the Pentagon said on Monday.", "2021-07-28",
     "About 2,500", {"value": "2021-07-28", "source": "reference"}),
    # a plan's target date
    ("Obama will send 475 more military advisers to Iraq, bringing the total to about 1,600 by the summer.",
     "2014-03-10", "about 1,600", {"value": "2014-22", "source": "target"}),
    ("Germany will send 3,200 soldiers to Lithuania by 2027, the defence ministry said on Tuesday.", "2019-12-10",
     "3,200", {"value": "2027", "source": "target"}),
    ("NATO will deploy 4,000 troops in March.", "2021-01-10", "4,000", {"value": "2021-03", "source": "target"}),
    ("The United States will reduce its troop presence in Iraq from 5,200 to 3,000 this month.", "2020-09-09",
     "3,000", {"value": "2020-09", "source": "target"}),
    ("In 2014 Obama planned to send 1,600 troops.", "2016-03-01", "1,600", {"value": "2014", "source": "clause"}),
    ("NATO ministers on Thursday agreed to expand the mission from 500 personnel to around 4,000.", "2021-02-18",
     "around 4,000", {"value": "2021-02-18", "source": "clause"}),
    ("Germany voted to keep up to 500 soldiers in the region until October 2022.", "2021-12-09",
     "up to 500", {"value": "2022-10", "source": "target"}),
])
def test_as_of(nlp, text, reference, figure, expected):
    assert dated_figures(nlp, text, reference)[figure] == expected


def test_no_date_and_no_reference_is_none(nlp):
    assert dated_figures(nlp, "NATO has 500 trainers in Iraq.", None) == {"500": None}


def test_an_actual_figure_is_never_given_a_target(nlp):
    found = dated_figures(nlp, "By 2019, there were 5,200 U.S. troops in Iraq.", "2020-01-05")
    assert found["5,200"] == {"value": "2019", "source": "clause"}


@pytest.fixture(scope="module")
def blank():
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def _record(doc, text, **fields):
    start = doc.text.index(text)
    return {"start": start, "end": start + len(text), "text": text, **fields}


def test_without_a_parse_the_clause_still_decides(blank):
    doc = blank("There were 300 troops in 2014. In 2015 and after, 900 troops stayed while 2016 saw 50 troops leave.")
    dates = [_record(doc, v, value=v, kind="date", granularity="year") for v in ("2014", "2015", "2016")]
    reference = {"value": "2017-01-01", "origin": "metadata"}

    def when(text):
        record = _record(doc, text, status="actual", kind="level")
        return as_of(doc.char_span(record["start"], record["end"]), record, dates, reference)

    assert when("300") == {"value": "2014", "source": "clause"}  # its own sentence, not the next one's
    assert when("900") == {"value": "2017-01-01", "source": "reference"}  # 2015 is across "and", 2016 across "while"
    assert when("50") == {"value": "2016", "source": "clause"}


def test_durations_and_unresolved_dates_do_not_date_a_figure(blank):
    doc = blank("For three years 400 troops stayed on Tuesday.")
    dates = [_record(doc, "three years", value="P3Y", kind="duration", granularity="year"),
             _record(doc, "Tuesday", value=None, kind="date", granularity="day")]
    record = _record(doc, "400", status="actual", kind="level")
    assert as_of(doc.char_span(record["start"], record["end"]), record, dates, None) is None


@pytest.mark.parametrize("value, first", [
    ("2015-06-23", "2015-06-23"), ("2015-W26", "2015-06-22"), ("2014-12", "2014-12-01"), ("2020-Q2", "2020-04-01"),
    ("2019-22", "2019-06-01"), ("2011", "2011-01-01"), ("199", "1990-01-01"),
])
def test_first_day(value, first):
    assert first_day(value).isoformat() == first


@pytest.mark.parametrize("value, last", [("2020", "2020-12-31"), ("2020-02", "2020-02-29"), ("2019-12", "2019-12-31"),
                                         ("2021-07-26", "2021-07-26"), ("9999-12", "9999-12-31")])
def test_last_day(value, last):
    assert last_day(value).isoformat() == last


@pytest.mark.parametrize("value", ["P3Y", "", "2014-13-40", "soon"])
def test_first_day_refuses_what_is_not_a_date(value):
    with pytest.raises(ValueError):
        first_day(value)
