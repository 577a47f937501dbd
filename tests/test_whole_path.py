"""Properties of the whole path, file to every output format, on hostile records: arbitrary Unicode
text mixed with news phrases, numbers of any size, dates at the ends of the calendar, and arbitrary
JSON in every field. No exception escapes, every fact indexes its text, every value is representable.

A few dozen examples run by default. For a long run (a few thousand examples):

    NATOIRAQ_PROPERTY_EXAMPLES=3000 python -m pytest tests/test_whole_path.py
"""

import io
import json
import os
import tempfile
from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from natoiraq.cli.runner import Report, iter_facts
from natoiraq.extract import ExtractOptions
from natoiraq.limits import FIGURE_MAX, date_value_fits
from natoiraq.outputs import sql, timeline
from natoiraq.outputs.html import render
from natoiraq.outputs.writers import make_writer

EXAMPLES = int(os.environ.get("NATOIRAQ_PROPERTY_EXAMPLES", "30"))

PHRASES = ["NATO", "the alliance", "said on Tuesday", "next Tuesday", "last December", "a year ago", "troops",
           "soldiers", "about", "more than", "between", "and", "up to", "billion", "a billion billion", "thousand",
           "-strong", "U.S.", "Iraq", "will send", "withdraw", "\n\n", ".", ",", "—", "\u00a0", "\r\n", "\ud800",
           "\x00", "\u2028", "=HYPERLINK(", "<script>", "days ago", "years ago", "years from now", "in 2014"]
DAYS = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
WORDS = st.one_of(
    st.sampled_from(PHRASES),
    st.integers(0, 10**30).map(str), st.integers(0, 10**25).map("{:,}".format), st.integers(0, 10**400).map(str),
    DAYS.map(lambda d: d.strftime("%B %d, ") + str(d.year)), DAYS.map(date.isoformat),
    st.integers(0, 10**12).map(lambda n: f"{n} days ago"), st.integers(0, 10**6).map(lambda n: f"{n} years ago"),
    st.text(max_size=12),
)
TEXTS = st.lists(WORDS, min_size=1, max_size=30).map(" ".join)
JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
                    max_leaves=8)
DATE_FIELD = st.one_of(JSON, DAYS.map(date.isoformat), st.sampled_from(["0001-01-01", "9999-12-31",
                                                                         "2021-02-16T09:30:00Z", "2021-02-30"]))
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(TEXTS, JSON)},
    optional={"id": JSON, "date": DATE_FIELD, "title": JSON, "url": JSON, "extra": JSON, "more": JSON},
)


def check(record, facts) -> None:
    text = record.text
    for fact in [*facts.entities, *facts.dates, *facts.troops]:
        assert 0 <= fact.start <= fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.text
    for figure in facts.troops:
        assert 0 <= figure.low <= figure.high <= FIGURE_MAX
        assert figure.value is None or figure.value == figure.low
    for fact in facts.dates:
        assert date_value_fits(fact.value, fact.granularity, fact.kind)
    if facts.reference_date.value:
        assert date_value_fits(facts.reference_date.value, "day", "date")


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(RECORDS, min_size=1, max_size=4), st.sampled_from([None, "2015-06-23", "0001-01-01", "9999-12-31"]))
def test_the_whole_path_survives_any_record(nlp, rows, reference_date):
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "records.jsonl")
        with open(path, "w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row) + "\n")  # ASCII escapes: lone surrogates reach the reader
        report, messages = Report(), []
        options = ExtractOptions(reference_date=reference_date, duplicates="omit")
        pairs = list(iter_facts([path], report, options, nlp=nlp, echo=messages.append, pairs=True))
    assert report.documents == len(pairs)
    assert all("\n" not in m for m in messages)
    documents = []
    for record, facts in pairs:
        check(record, facts)
        documents.append(facts)
    for fmt in ("jsonl", "json", "csv", "table"):
        writer = make_writer(fmt, io.StringIO())
        for facts in documents:
            writer.write(facts)
        writer.close()
    connection = sql.load(documents)
    assert sql.run_query(connection, "select count(*) from documents")[1] == [(len(documents),)]
    json.dumps(timeline.build(documents).as_dict())  # as `natoiraq timeline -f json` prints it
    render(((record.text, facts) for record, facts in pairs), title="t")
