"""One bad record never costs a run: faults in reading, the pipeline, the cache and the writers
stay with the record that caused them, named on stderr; every other record is still processed."""

import io
import json
import sqlite3

import pytest
from spacy.language import Language

from natoiraq.cache import FILE_NAME, FactCache
from natoiraq.cli.runner import run_extract
from natoiraq.extract import CHUNK_CHARS, extract_outcomes, extract_records, reference_for
from natoiraq.limits import FIGURE_MAX
from natoiraq.reading.inputs import Record


def extract(nlp, paths, **options):
    """run_extract in process: (exit status, JSON documents, stderr lines)."""
    out, messages = io.StringIO(), []
    options.setdefault("use_cache", False)
    code = run_extract([str(p) for p in paths], fmt="jsonl", stdout=out, echo=messages.append, nlp=nlp,
                       quiet=True, **options)
    return code, [json.loads(line) for line in out.getvalue().splitlines()], messages


def jsonl_file(path, rows):
    path.write_text("".join((row if isinstance(row, str) else json.dumps(row)) + "\n" for row in rows),
                    encoding="utf-8")
    return path


GOOD = {"id": "good", "text": "NATO has 500 trainers in Iraq.", "date": "2021-02-16"}


@pytest.mark.parametrize("row", [
    {"id": "bad", "text": "NATO sent 500 troops 1000000 days ago."},
    {"id": "bad", "text": "NATO sent 500 troops 1000000 days ago.", "date": "2021-02-16"},
    {"id": "bad", "text": "NATO met on Tuesday, a year ago; 600 troops went last month.", "date": "0001-01-01"},
    {"id": "bad", "text": "NATO will meet next Tuesday, next year; 700 troops go next month.", "date": "9999-12-31"},
    {"id": "bad", "text": "In 5000 years ago and 99999 years from now, 800 troops.", "date": "2015-06-23"},
], ids=["million-days", "million-days-dated", "year-1", "year-9999", "far-years"])
def test_dates_beyond_the_calendar_cost_no_record(nlp, tmp_path, row):
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", [row, GOOD])])
    assert code == 0, messages
    assert [d["id"] for d in documents] == ["bad", "good"]
    for document in documents:
        for date in document["dates"]:
            assert date["value"] is None or date["value"][:4] not in ("0000", "-")


def test_a_lone_surrogate_in_json_text_is_replaced_with_a_warning(nlp, tmp_path):
    path = jsonl_file(tmp_path / "a.jsonl", ['{"id": "s", "text": "NATO has \\ud800 500 trainers.", "x": "\\udfff"}',
                                             GOOD])
    code, documents, messages = extract(nlp, [path])
    assert code == 0
    assert [d["id"] for d in documents] == ["s", "good"]
    assert documents[0]["troops"][0]["low"] == 500
    assert "\ufffd" in documents[0]["meta"]["x"]
    assert any("a.jsonl:1" in m and "surrogate" in m for m in messages)


def test_deeply_nested_json_costs_only_its_field_or_its_line(nlp, tmp_path):
    deep = '{"id": "deep", "text": "NATO has 500 trainers.", "x": ' + "[" * 100 + "]" * 100 + "}"
    deeper = '{"id": "deeper", "text": "NATO has 500 trainers.", "x": ' + "[" * 100_000 + "]" * 100_000 + "}"
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", [deep, deeper, GOOD])])
    assert code == 1
    assert [d["id"] for d in documents] == ["deep", "good"]
    assert "x" not in documents[0]["meta"]
    assert any(m.startswith("natoiraq: warning: ") and "a.jsonl:1" in m and "'x'" in m for m in messages)
    assert any(m.startswith("natoiraq: ") and "a.jsonl:2: " in m and "nested" in m for m in messages)


def test_an_integer_too_long_to_read_is_one_failed_line(nlp, tmp_path):
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl",
                                                         ['{"id": ' + "9" * 5000 + ', "text": "x"}', GOOD])])
    assert code == 1 and [d["id"] for d in documents] == ["good"]
    assert any("a.jsonl:1: malformed JSON" in m for m in messages)


@pytest.fixture
def exploding(nlp):
    """The session pipeline with a last component that raises on any text holding BOOM."""
    name = "test_exploding"
    if not Language.has_factory(name):
        @Language.component(name)
        def explode(doc):
            if "BOOM" in doc.text:
                raise RuntimeError("the component broke")
            return doc
    nlp.add_pipe(name, last=True)
    try:
        yield nlp
    finally:
        nlp.remove_pipe(name)


@pytest.mark.parametrize("workers", [1, 2])
def test_a_component_that_raises_costs_only_its_own_document(exploding, tmp_path, workers):
    rows = [{"id": str(i), "text": f"NATO has {100 + i} trainers in Iraq." + (" BOOM" if i == 3 else "")}
            for i in range(8)]
    code, documents, messages = extract(exploding, [jsonl_file(tmp_path / "a.jsonl", rows)], workers=workers,
                                        batch_size=4)
    assert code == 1
    assert [d["id"] for d in documents] == [str(i) for i in range(8) if i != 3]
    assert [d["troops"][0]["low"] for d in documents] == [100 + i for i in range(8) if i != 3]
    failures = [m for m in messages if "extraction failed" in m]
    assert len(failures) == 1 and failures[0].startswith("natoiraq: ")
    assert "a.jsonl:4: extraction failed: RuntimeError: the component broke" in failures[0]


def test_the_library_hands_failures_to_on_error_and_goes_on(exploding):
    records = [Record(id="a", text="NATO has 500 trainers."), Record(id="b", text="BOOM 600 troops."),
               Record(id="c", text="\ud800 NATO has 700 trainers.")]
    failed = []
    facts = list(extract_records(records, exploding, on_error=failed.append))
    assert [f.id for f in facts] == ["a"]
    assert [(o.record.id, o.error.split(":")[0]) for o in failed] == [("b", "RuntimeError"), ("c", "UnicodeEncodeError")]
    with pytest.warns(UserWarning, match="b: extraction failed"):
        assert len(list(extract_records(records[:2], exploding))) == 1


def test_a_long_text_has_one_reference_date_for_all_its_pieces(nlp):
    filler = "The alliance reviewed its plans in detail. " * 30
    text = ("NATO said on Tuesday it would send 500 troops.\n\n" + filler + "\n\n"
            + "The ministers met on June 23, 2015, in Brussels.\n\n" + filler + "\n\nOn Tuesday they left.")
    record = Record(id="long", text=text)
    (whole,) = extract_records([record], nlp)
    (pieces,) = extract_records([record], nlp, chunk_chars=len(text) // 3)
    assert whole.reference_date.value == "2015-06-23"
    assert pieces.reference_date == whole.reference_date
    tuesdays = [d.value for d in pieces.dates if d.text.endswith("Tuesday")]
    assert len(tuesdays) == 2 and all(tuesdays)
    assert tuesdays == [d.value for d in whole.dates if d.text.endswith("Tuesday")]


def test_a_long_text_is_parsed_a_piece_at_a_time(nlp, monkeypatch):
    """Batches are bounded by characters as well as documents: memory follows a piece, not the text."""
    sizes = []
    real_pipe = type(nlp).pipe

    def pipe(self, docs, **kwargs):
        docs = list(docs)
        sizes.append(sum(len(d.text) for d in docs))
        return real_pipe(self, docs, **kwargs)

    monkeypatch.setattr(type(nlp), "pipe", pipe)
    text = "\n\n".join(["NATO has 500 trainers in Iraq, the alliance said on Tuesday."] * 200)
    (facts,) = extract_records([Record(id="x", text=text, date="2020-01-01")], nlp, chunk_chars=1000)
    assert len(facts.troops) == 200
    assert len(sizes) > 10 and max(sizes) <= 1000


def test_figures_beyond_64_bits_are_left_out_with_a_warning(nlp, tmp_path):
    rows = [{"id": "big", "text": "NATO sent 99999999999999999999999 troops and 300 trainers."}, GOOD]
    code, documents, messages = extract(nlp, [jsonl_file(tmp_path / "a.jsonl", rows)])
    assert code == 0
    assert all(t["high"] <= FIGURE_MAX for d in documents for t in d["troops"])
    assert [t["low"] for t in documents[0]["troops"]] == [300]
    assert any("a.jsonl:1" in m and "99999999999999999999999" in m and "left out" in m for m in messages)


def test_export_query_timeline_and_report_take_the_extremes(tmp_path):
    """Figures and dates at the edges of what is representable go through every output format."""
    from click.testing import CliRunner

    from natoiraq.cli import cli

    rows = [{"id": "a", "text": "NATO sent 99999999999999999999999 troops 5000 years ago. The U.S. has "
                                "9,000,000,000,000,000,000 troops in Iraq.", "date": "2015-06-23"},
            {"id": "b", "text": "NATO has 500 trainers in Iraq, 1000000 days ago.", "date": "0001-01-01"},
            {"id": "c", "text": "NATO will have 600 trainers in Iraq next year.", "date": "9999-12-31"}]
    path = jsonl_file(tmp_path / "edges.jsonl", rows)
    runner = CliRunner()
    for args in (["export", str(path), "-o", str(tmp_path / "f.db")],
                 ["query", str(path), "select max(high) from troops"],
                 ["timeline", str(path), "-f", "json"],
                 ["report", str(path), "-o", str(tmp_path / "r.html")],
                 ["extract", str(path), "-f", "csv"]):
        result = runner.invoke(cli, [*args, "--no-cache"], catch_exceptions=False)
        assert result.exit_code == 0, (args, result.output)


# The cache


def records_for(texts):
    return [Record(id=str(i), text=t, date="2021-02-16") for i, t in enumerate(texts)]


TEXTS = ["NATO has 500 trainers in Iraq.", "Denmark will send 100 more trainers.", "Up to 200 troops could deploy."]


def test_the_cache_holds_no_lock_while_extracting(nlp, tmp_path):
    cache = FactCache("m", tmp_path)
    stream = extract_records(records_for(TEXTS * 20), nlp, cache=cache, batch_size=2)
    next(stream)  # part-way through a window
    other = sqlite3.connect(tmp_path / FILE_NAME, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another run can write now: nothing of ours is uncommitted
    other.rollback()
    assert len(list(stream)) == 59


def test_a_locked_cache_is_a_warning_and_the_run_goes_on(nlp, tmp_path, monkeypatch):
    import natoiraq.cache

    monkeypatch.setattr(natoiraq.cache, "BUSY_SECONDS", 0.2)
    warnings = []
    cache = FactCache("m", tmp_path, warn=warnings.append)
    holder = sqlite3.connect(tmp_path / FILE_NAME)
    holder.execute("BEGIN EXCLUSIVE")  # another run, mid-commit for ever
    try:
        facts = list(extract_records(records_for(TEXTS), nlp, cache=cache))
    finally:
        holder.rollback()
    assert [f.troops[0].low for f in facts] == [500, 100, 200]
    assert warnings and "going on without it" in warnings[0]


def stored(cache, record):
    key = cache.key(record, reference_for(record), CHUNK_CHARS)
    return key, cache.connection


def test_corrupt_and_planted_cache_rows_are_never_served(nlp, tmp_path):
    cache = FactCache("m", tmp_path)
    records = records_for(TEXTS)
    truth = [f.to_dict() for f in extract_records(records, nlp)]
    assert [f.to_dict() for f in extract_records(records, nlp, cache=cache)] == truth
    planted = json.loads(cache.connection.execute("SELECT value FROM facts LIMIT 1").fetchone()[0])
    for record, value in zip(records, [
        "{not json",
        json.dumps({**planted, "troops": [{**t, "start": t["start"] + 1} for t in planted["troops"]] or [{}]}),
        json.dumps({**planted, "troops": [{**truth[2]["troops"][0], "low": 2**70, "high": 2**70}]}),
    ]):
        key, connection = stored(cache, record)
        with connection:
            connection.execute("BEGIN")
            connection.execute("UPDATE facts SET value = ? WHERE key = ?", (value, key))
    again = [f.to_dict() for f in extract_records(records, nlp, cache=cache)]
    assert again == truth
    for facts, record in zip(again, records):
        for troop in facts["troops"]:
            assert record.text[troop["start"]:troop["end"]] == troop["text"]


def test_a_corrupt_cache_file_is_a_warning_not_a_traceback(nlp, tmp_path, monkeypatch):
    (tmp_path / "natoiraq").mkdir()
    (tmp_path / "natoiraq" / FILE_NAME).write_bytes(b"this is not a database" * 100)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = jsonl_file(tmp_path / "a.jsonl", [GOOD])
    code, documents, messages = extract(nlp, [path], use_cache=True)
    assert code == 0 and documents[0]["troops"][0]["low"] == 500
    assert any(m.startswith("natoiraq: warning: ") and "cache" in m for m in messages)
