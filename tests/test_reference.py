"""The reference-date policy: option > the record's date > the file name > the text, one type throughout."""

import datetime

import pytest

from natoiraq import reference
from natoiraq.parsing.dates import DateValue
from natoiraq.reading.inputs import Record
from natoiraq.reference import ReferenceDate


def day(value: str) -> DateValue:
    return DateValue(value, "day", "date")


@pytest.mark.parametrize("option, date, filename_date, expected", [
    ("2015-06-23", "2021-02-16", "2020-01-01", ("2015-06-23", "option")),
    (None, "2021-02-16", "2020-01-01", ("2021-02-16", "metadata")),
    (None, None, "2020-01-01", ("2020-01-01", "filename")),
    (None, None, None, (None, None)),
    (datetime.date(2015, 6, 23), None, None, ("2015-06-23", "option")),
    (None, datetime.date(2021, 2, 16), None, ("2021-02-16", "metadata")),
    (None, datetime.datetime(2021, 2, 16, 23, 59), None, ("2021-02-16", "metadata")),
    ("", "", "2020-01-01", ("2020-01-01", "filename")),  # empty is absent
])
def test_given_follows_the_precedence(option, date, filename_date, expected):
    record = Record(id="a", text="x", date=date, filename_date=filename_date)
    assert reference.given(record, option) == ReferenceDate(*expected)


@pytest.mark.parametrize("found, expected", [
    ([day("2015-05-26"), day("2015-06-23"), None], ReferenceDate("2015-06-23", "inferred")),  # the latest full date
    ([DateValue("2016-07", "month", "date"), DateValue("2015-01-01", "day", "duration")], None),  # no full date
    ([], None),
    # a byline's time on a day is a full date; a time on no day is not
    ([day("2016-05-01"), DateValue("2016-05-03T19:10", "minute", "time")], ReferenceDate("2016-05-03", "inferred")),
    ([DateValue("T19:10", "minute", "time")], None),
])
def test_inferred_is_the_latest_full_date(found, expected):
    assert reference.inferred(("", value) for value in found) == expected


@pytest.mark.parametrize("dateline, latest, expected", [
    ("Nov 6", "2004-10-30", ReferenceDate("2004-11-06", "dateline")),  # the year of the latest full date
    ("Jan 3", "2004-12-28", ReferenceDate("2005-01-03", "dateline")),  # the nearest January 3 to it
    ("June 16, 2009", "2011-01-01", ReferenceDate("2009-06-16", "dateline")),  # a dateline with its year
    ("Nov 6", None, None),  # no year fixed: no day
    (None, "2004-10-30", None),
    ("2004", "2004-10-30", None),  # a year is not a day of writing
])
def test_a_dateline_is_the_day_of_writing_in_the_year_the_text_fixes(dateline, latest, expected):
    latest = ReferenceDate(latest, "inferred") if latest else None
    assert reference.from_dateline(dateline, latest) == expected


def test_a_weekday_pins_a_later_day_than_the_latest_full_date():
    found = [("July 26, 2023", day("2023-07-26")), ("Saturday May 4", DateValue(None, "day")),
             ("March", DateValue(None, "month"))]
    assert reference.inferred(found) == ReferenceDate("2024-05-04", "inferred")  # 4 May 2024 was a Saturday


def test_a_record_in_pieces_is_inferred_over_all_of_them_and_a_given_date_wins():
    dates = {"a": [("", day("2015-05-26"))], "b": [("", day("2015-06-23"))], "c": []}
    assert reference.in_pieces(reference.NONE, ["a", "b", "c"], dates.get) == ReferenceDate("2015-06-23", "inferred")
    assert reference.in_pieces(reference.NONE, ["a"], dates.get) == reference.NONE  # one piece: the component's
    given = ReferenceDate("2020-01-01", "metadata")
    assert reference.in_pieces(given, ["a", "b"], dates.get) == given
    assert reference.in_pieces(reference.NONE, ["a", "b"], None) == reference.NONE  # no date component


def test_nlp_of_a_doc_with_a_reference_date_put_on_it(nlp):
    """The library path for ``nlp(text)``: put the day on the Doc, then run the pipeline on it."""
    doc = nlp.make_doc("NATO ministers met on Tuesday and will meet again in March.")
    reference.put(doc, datetime.date(2021, 2, 18))
    doc = nlp(doc)
    assert doc._.natoiraq.reference_date == ReferenceDate("2021-02-18", "option")
    assert [(d.text, d.value) for d in doc._.natoiraq.dates] == [("Tuesday", "2021-02-16"), ("March", "2021-03")]
    bare = nlp("NATO ministers met on Tuesday and will meet again in March.")
    assert bare._.natoiraq.reference_date == reference.NONE and bare._.natoiraq.dates[0].value is None


def test_the_date_component_infers_only_where_no_date_was_given(nlp):
    text = "On June 23, 2015, the ministers met. They meet again on Tuesday."
    assert nlp(text)._.natoiraq.reference_date == ReferenceDate("2015-06-23", "inferred")
    doc = nlp.make_doc(text)
    reference.put(doc, ReferenceDate("2020-01-01", "metadata"))
    assert nlp(doc)._.natoiraq.reference_date == ReferenceDate("2020-01-01", "metadata")
