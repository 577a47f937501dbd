"""Hostile input, round two (issue 28): one date, one note or one query never costs a run or the machine.

Each test names the item of the issue it guards. The costs that need a clock and a memory bound
(a dense record, 100,000 near copies) are measured in bench/bench.py's bounded-cost section; here
they are bounded by what the code may do (how long a figure's sentence is, how full a bucket gets).
"""

import codecs
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from natoiraq.cli.runner import run_extract
from natoiraq.extract import ExtractOptions
from natoiraq.reading.inputs import InputFailure, InputWarning, Record, read_inputs
from natoiraq.reading.metadata import DateError, publication_date
from tests.conftest import ROOT

GOOD = "NATO has 500 trainers in Iraq."
OVERFLOW = "Tue, 16 Feb 99999999999 14:32:00 GMT"


def read(path):
    """(records, failures, warnings) of one path, as strings for the last two."""
    found = list(read_inputs([str(path)]))
    return ([i for i in found if isinstance(i, Record)],
            [str(i) for i in found if isinstance(i, InputFailure) and not isinstance(i, InputWarning)],
            [str(i) for i in found if isinstance(i, InputWarning)])


def natoiraq(*args, **kwargs):
    kwargs.setdefault("capture_output", True)
    kwargs.setdefault("timeout", 120)
    return subprocess.run([sys.executable, "-m", "natoiraq", *args], cwd=ROOT, text=True, **kwargs)


def strict_json(line: str):
    """JSON as jq reads it: NaN and Infinity are no JSON."""
    def refuse(name):
        raise ValueError(f"{name} is not JSON")

    return json.loads(line, parse_constant=refuse)


# --- 1, 11: publication dates a reader cannot mean --------------------------------------------

@pytest.mark.parametrize("value, reason", [
    (OVERFLOW, "not a date"),                                 # 1: OverflowError in email.utils
    ("Mon, 01 Jan 0001 00:00:00 GMT", "year 0001"),           # 11: email.utils read it as 2001
    ("Mon, 01 Jan 0099 00:00:00 +0000", "year 0099"),
    ("0001-01-01", "year 1"),
    ("9999-12-31T00:00:00Z", "year 9999"),
])
def test_a_publication_year_no_reader_means_is_refused(value, reason):
    with pytest.raises(DateError, match=reason):
        publication_date(value)


@pytest.mark.parametrize("value, expected", [
    ("Tue, 16 Feb 21 14:32:00 +0000", "2021-02-16"),  # RFC 2822's two-digit year stays readable
    ("Tue, 16 Feb 2021 14:32:00 -0500", "2021-02-16"),
    ("16 Feb 1998 09:00:00 GMT", "1998-02-16"),
])
def test_rfc_2822_dates_still_read(value, expected):
    assert publication_date(value) == expected


FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title>
<item><title>Trainers</title><link>https://wire.example/a</link><pubDate>{date}</pubDate>
<description>NATO has 500 trainers in Iraq, officials said on Monday in a statement.</description></item>
</channel></rss>"""


@pytest.mark.parametrize("name, content", [
    ("a.jsonl", json.dumps({"text": GOOD, "date": OVERFLOW}) + "\n"),
    ("a.rss", FEED.format(date=OVERFLOW)),
    ("a.md", f"---\ndate: {OVERFLOW}\n---\n{GOOD}\n"),
    ("b.jsonl", json.dumps({"text": GOOD, "date": "Mon, 01 Jan 0001 00:00:00 GMT"}) + "\n"),
    ("b.rss", FEED.format(date="Mon, 01 Jan 0001 00:00:00 GMT")),
], ids=["jsonl", "feed", "front-matter", "year-1-jsonl", "year-1-feed"])
def test_a_date_that_overflows_or_is_year_1_costs_only_the_date(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content)
    (record,), failures, warnings = read(path)
    assert failures == [] and "500 trainers" in record.text
    assert record.date is None
    if path.suffix != ".rss":  # feedparser's own date is no warning's business: the item keeps no date
        assert len(warnings) == 1 and "'date'" in warnings[0] and "facts kept" in warnings[0]


# --- 2, 3: front matter -------------------------------------------------------------------------

@pytest.mark.parametrize("day", ["0000-00-00", "2021-02-30", "2021-13-01", "0001-01-01"])
def test_a_front_matter_date_that_is_no_day_is_a_warning_and_the_note_is_read(tmp_path, day):
    path = tmp_path / "note.md"
    path.write_text(f"---\ntitle: Trainers\ndate: {day}\nsource: wire\n---\n{GOOD}\n")
    (record,), failures, (warning,) = read(path)
    assert failures == [] and record.text == GOOD and record.title == "Trainers"
    assert record.date is None and record.meta["date"] == day and record.meta["source"] == "wire"
    assert warning.startswith(f"{path}: 'date':") and "facts kept" in warning


def bomb(levels: int) -> str:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, levels)]
    return "---\n" + "\n".join(lines) + f"\n---\n{GOOD}\n"


@pytest.mark.parametrize("front", [bomb(9), "---\na: &a [*a]\n---\n" + GOOD + "\n"], ids=["laughs", "self"])
def test_a_yaml_alias_bomb_is_refused_with_a_warning_naming_the_file(tmp_path, front):
    path = tmp_path / "bomb.md"
    path.write_text(front)
    assert len(front) < 600
    started = time.monotonic()
    (record,), failures, (warning,) = read(path)
    assert time.monotonic() - started < 5
    assert failures == [] and record.text == GOOD and record.meta == {}
    assert warning.startswith(f"{path}: ") and "aliases" in warning


def test_front_matter_with_a_few_aliases_is_still_read(tmp_path):
    path = tmp_path / "note.md"
    path.write_text(bomb(3) + "")
    (record,), failures, warnings = read(path)
    assert failures == [] and warnings == []
    assert len(record.meta["a2"]) == 9 and record.meta["a2"][0][0] == ["lol"] * 9


# --- 7: what JSON cannot hold ---------------------------------------------------------------------

def test_nan_infinity_and_1e400_are_written_as_text_with_a_warning(nlp, tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"id": "n", "text": "NATO has 500 trainers in Iraq.", "score": NaN, "x": [Infinity, -1e400],'
                    ' "ok": 1.5}\n')
    out, messages = io.StringIO(), []
    assert run_extract([str(path)], ExtractOptions(), fmt="jsonl", stdout=out, echo=messages.append, nlp=nlp,
                       quiet=True) == 0
    (document,) = [strict_json(line) for line in out.getvalue().splitlines()]
    assert document["meta"] == {"score": "NaN", "x": ["Infinity", "-Infinity"], "ok": 1.5}
    assert document["troops"][0]["low"] == 500
    assert any(m.startswith("natoiraq: warning: ") and "a.jsonl:1" in m and "not JSON" in m for m in messages)

    from natoiraq.outputs import sql
    from natoiraq.reading.saved import read_facts

    connection = sql.load(read_facts([out.getvalue().encode()], "out.jsonl"))
    assert connection.execute("select json_valid(meta) from documents").fetchall() == [(1,)]


# --- 8: a BLOB from a query -----------------------------------------------------------------------

@pytest.fixture(scope="module")
def database(tmp_path_factory):
    from natoiraq.facts import DocumentFacts, ReferenceDate
    from natoiraq.outputs import sql

    path = tmp_path_factory.mktemp("db") / "facts.db"
    sql.export([DocumentFacts("a", None, None, ReferenceDate(None, None))], str(path))
    return str(path)


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv"])
def test_a_blob_is_written_as_base64_with_a_marker(database, fmt):
    result = natoiraq("query", database, "select x'00ff10' as b, 1 as n", "-f", fmt)
    assert result.returncode == 0 and "Traceback" not in result.stderr, result.stderr
    marker = {"$base64": True, "encoded": "AP8Q"}
    if fmt == "csv":
        assert result.stdout.lstrip("\ufeff").splitlines()[1] == '"{""$base64"": true, ""encoded"": ""AP8Q""}",1'
    else:
        rows = strict_json(result.stdout) if fmt == "json" else [strict_json(result.stdout)]
        assert rows == [{"b": marker, "n": 1}]


# --- 6: a query without end ------------------------------------------------------------------------

ENDLESS = "with recursive r(n) as (select 1 union all select n + 1 from r) select count(*) from r"


def test_an_endless_query_stops_at_its_timeout_naming_it(database):
    from natoiraq.outputs import sql
    from natoiraq.reading.saved import open_database

    connection = open_database(database)
    started = time.monotonic()
    with pytest.raises(sql.QueryError, match=r"stopped after 0\.5 s \(--timeout 0\.5"):
        sql.run_query(connection, ENDLESS, timeout=0.5)
    assert time.monotonic() - started < 5
    with pytest.raises(sql.QueryStopped):
        sql.run_query(connection, ENDLESS, stop=lambda: True)
    assert sql.run_query(connection, "select 1")[1] == [(1,)]  # the connection serves the next query
    result = natoiraq("query", database, ENDLESS, "--timeout", "0.5")
    assert result.returncode == 1 and result.stderr.strip() == \
        "natoiraq: query stopped after 0.5 s (--timeout 0.5; --timeout 0 for no limit)"


def test_the_default_timeout_is_named_in_the_help():
    from natoiraq.outputs.sql import QUERY_TIMEOUT

    help_text = natoiraq("query", "--help").stdout
    assert "--timeout" in help_text and f"default: {QUERY_TIMEOUT}" in " ".join(help_text.split())


@pytest.mark.parametrize("signum, status", [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["INT", "TERM"])
def test_an_endless_query_stops_on_ctrl_c_and_sigterm(database, signum, status):
    process = subprocess.Popen([sys.executable, "-m", "natoiraq", "query", database, ENDLESS, "--timeout", "0"],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.5)  # into the query: the database is read without a model
    process.send_signal(signum)
    try:
        stderr = process.communicate(timeout=20)[1]
    finally:
        process.kill()
    assert process.returncode == status, stderr
    assert "Traceback" not in stderr and "interrupted" in stderr


# --- 9: a full disk --------------------------------------------------------------------------------

needs_dev_full = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@needs_dev_full
def test_a_full_disk_says_cannot_write(nlp, tmp_path, database):
    link = tmp_path / "out.jsonl"
    link.symlink_to("/dev/full")  # written in place, as a device is: every write says ENOSPC
    (tmp_path / "a.txt").write_text(GOOD)
    messages = []
    code = run_extract([str(tmp_path / "a.txt")], ExtractOptions(), fmt="jsonl", output=str(link), nlp=nlp,
                       quiet=True, echo=messages.append)
    assert code == 1 and messages[-1] == f"natoiraq: {link}: cannot write: No space left on device"
    (tmp_path / "out.csv").symlink_to("/dev/full")
    result = natoiraq("query", database, "select 1", "-o", str(tmp_path / "out.csv"))
    assert result.returncode == 1
    assert result.stderr.strip() == f"natoiraq: {tmp_path / 'out.csv'}: cannot write: No space left on device"


# --- 10: file names that hold a backslash --------------------------------------------------------

@pytest.mark.parametrize("name", ["a\nb.txt", "a\\nb.txt", "caf\\xe9.txt", os.fsdecode(b"caf\xe9.txt"),
                                  "tab\there\\.txt", "plain.txt"])
def test_a_shown_name_reads_back_as_the_name(name):
    from natoiraq.reading.records import shown

    assert os.fsdecode(codecs.escape_decode(shown(name).encode("utf-8"))[0]) == name


def test_two_files_never_get_the_same_id(nlp, tmp_path):
    if sys.platform == "darwin":
        pytest.skip("macOS file systems refuse names that are not UTF-8")
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    names = ["a\nb.txt", "a\\nb.txt", os.fsdecode(b"caf\xe9.txt"), "caf\\xe9.txt"]
    for number, name in enumerate(names):
        (corpus / name).write_text(f"NATO has {number + 1}00 trainers in Iraq.")
    out = io.StringIO()
    assert run_extract([str(corpus)], ExtractOptions(duplicates="mark"), fmt="jsonl", stdout=out, nlp=nlp,
                       quiet=True, echo=lambda m: None) == 0
    documents = [json.loads(line) for line in out.getvalue().splitlines()]
    ids = [d["id"] for d in documents]
    assert len(set(ids)) == 4
    assert sorted(os.fsdecode(codecs.escape_decode(i.encode())[0]) for i in ids) == sorted(names)


# --- 12, 13: pages --------------------------------------------------------------------------------

ARTICLE = ("<p>Defence ministers of the alliance gathered in Brussels on Monday for talks on the training "
           "mission in Iraq.</p>{hidden}<p>The mission will grow to 4,000 personnel next year, the secretary "
           "general told reporters after the meeting.</p>")


def test_text_inside_a_template_is_not_the_article(tmp_path):
    hidden = "<template><p>Officials said in a statement today that 9,999 troops will deploy to the region " \
             "next spring.</p></template>"
    path = tmp_path / "page.html"
    path.write_text(f"<!doctype html><html><head><title>Allies meet</title></head><body><article><h1>Allies meet"
                    f"</h1>{ARTICLE.format(hidden=hidden)}</article></body></html>")
    (record,), failures, _ = read(path)
    assert "4,000 personnel" in record.text and "9,999" not in record.text


@pytest.mark.parametrize("body", ['<nav><a href="/">Home</a></nav>', "<div>Home</div>",
                                  '<ul><li><a href="/a">World</a></li><li><a href="/b">Sport</a></li></ul>'])
def test_a_page_with_a_title_and_a_menu_is_no_article(tmp_path, body):
    path = tmp_path / "menu.html"
    path.write_text(f"<!doctype html><html><head><title>Defence news from the region</title></head>"
                    f"<body>{body}</body></html>")
    records, failures, _ = read(path)
    assert records == [] and failures == [f"{path}: no article text found in the page"]


# --- 4, 5: bounded work (times and memory are measured in bench/bench.py --only-bounded) -----------

def test_a_text_without_sentence_breaks_is_cut_into_bounded_sentences():
    import spacy

    from natoiraq.pipeline.paragraphs import MAX_SENTENCE_TOKENS

    blank = spacy.blank("en")
    blank.add_pipe("natoiraq_paragraphs")
    doc = blank("500 troops " * 1000)
    lengths = [end - start for start, end in _runs(doc)]
    assert max(lengths) == MAX_SENTENCE_TOKENS and sum(lengths) == len(doc)
    news = blank("NATO has 500 trainers in Iraq, " * 20 + "officials said. The mission grows.")
    assert not any(t.is_sent_start for t in news[1:])  # a long sentence of news is left to the parser


def _runs(doc):
    starts = [t.i for t in doc if t.is_sent_start] + [len(doc)]
    return list(zip(starts, starts[1:]))


def test_a_dense_record_gives_every_figure_with_a_bounded_sentence(nlp):
    from natoiraq.pipeline.paragraphs import MAX_SENTENCE_TOKENS

    doc = nlp("500 troops " * 400)
    figures = doc._.natoiraq.troops
    assert len(figures) == 400 and all(f.low == 500 for f in figures)
    assert max(len(f.sentence) for f in figures) < MAX_SENTENCE_TOKENS * len("500 troops ")


def test_the_work_on_a_dense_record_is_linear_in_its_figures(nlp):
    """Counted, not timed: the Python calls extracting N figures in one paragraph make, per figure."""
    import cProfile
    import pstats

    per_figure = []
    for n in (300, 1200):
        profile = cProfile.Profile()
        profile.runcall(nlp, "500 troops " * n)
        per_figure.append(pstats.Stats(profile).total_calls / n)
    assert per_figure[1] < 1.3 * per_figure[0], per_figure  # quadratic steps made it about 3x


def test_a_bucket_of_the_near_copy_index_is_bounded_and_keeps_the_first():
    import numpy as np

    from natoiraq.reading.duplicates import BANDS, BUCKET_CAP, PERMUTATIONS, ROWS, NearIndex, _band_keys

    index = NearIndex()
    rng = np.random.default_rng(1)
    shared = rng.integers(0, 2**32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
    sketches = []
    for _ in range(500):  # every band the same, the rest different: candidates that are never copies
        sketch = rng.integers(0, 2**32, PERMUTATIONS, dtype=np.uint64).astype(np.uint32)
        sketch[: BANDS * ROWS] = shared[: BANDS * ROWS]
        sketches.append(sketch)
        index.add(sketch)
    candidates = index._candidates(_band_keys(shared))
    assert len(candidates) == BUCKET_CAP and min(candidates) == 0
    assert index.first_match(sketches[0]) == 0  # the first is kept: an original comes before its copies


# --- for library users: load() analyses part of the text, and says how to get all of it ----------

def test_load_says_it_analyses_part_of_the_text_and_how_to_get_all(nlp):
    import natoiraq

    quiet = " ".join(["The talks ran late into the evening.", "Nobody spoke to reporters afterwards.",
                      "The hosts served a dinner of local dishes.", "Several delegations left early for home.",
                      "The press office issued a short statement.", "Officials were pleased."])
    doc = nlp("Allies meet\n\nDefence ministers met in Brussels for the talks on the mission.\n\n" + quiet +
              "\n\nThe mission will grow to 4,000 personnel.")
    assert any(not t.tag_ for t in doc)  # what the docs must tell a notebook user
    for documented in (natoiraq.load.__doc__, (ROOT / "docs" / "api.md").read_text()):
        assert 'load(parse="all")' in documented and "19 %" in documented


def test_the_docs_promise_no_more_than_candidates_parsing_keeps():
    """--parse candidates and --parse all differ on a figure of real news (KNOWN_DIVERGENCE in
    tests/test_speedups_candidates.py): the docs say so, and no longer promise identical facts."""
    performance = " ".join((ROOT / "docs" / "performance.md").read_text().split())
    assert "The facts are those of `--parse all`" not in performance
    assert "one figure in 339" in performance and "Sentencizer" in performance
    assert "one figure in 339" in " ".join((ROOT / "docs" / "cli.md").read_text().split())


@pytest.mark.parametrize("suffix, content", [
    (".txt", GOOD), (".md", f"---\ntitle: Trainers\n---\n{GOOD}\n"), (".jsonl", json.dumps({"text": GOOD}) + "\n"),
    (".rss", FEED.format(date="Tue, 16 Feb 2021 14:32:00 GMT")),
    (".html", f"<html><head><title>Trainers</title></head><body><article>{ARTICLE.format(hidden='')}</article>"
              "</body></html>"),
])
def test_every_reader_shows_a_name_once(tmp_path, suffix, content):
    path = tmp_path / f"a\\b\n{suffix}"
    path.write_text(content)
    (record, *_), failures, _ = read(path)
    assert record.source == f"{tmp_path}/a\\\\b\\n{suffix}"
