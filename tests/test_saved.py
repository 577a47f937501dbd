"""The extractor over saved pages, feeds, Markdown and scrapers' JSON Lines, through the CLI.

Facts must come from the article's body only (not the related-stories
sidebar, the comments or the page's CSS), with the page's own title, date and
URL, and every offset must index the text natoiraq reports for the document.
"""

import json
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from tests.conftest import ROOT

SAVED = Path(__file__).resolve().parent / "saved"


@pytest.fixture(scope="module", autouse=True)
def _warm(nlp):
    """Load the model once; the CLI's own load then hits spaCy's caches."""


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


def documents(result):
    return {d["id"]: d for d in (json.loads(line) for line in result.stdout.splitlines() if line.strip())}


@pytest.fixture(scope="module")
def saved_run():
    result = run("extract", str(SAVED), "--include-text", "--no-cache")
    assert result.exit_code == 0, result.stderr
    return result


def test_a_saved_page_gives_the_article_body_facts_only(saved_run):
    page = documents(saved_run)["nato-mission-iraq.html"]
    assert page["title"] == "NATO to expand Iraq training mission to 4,000 personnel"
    assert page["reference_date"] == {"value": "2021-02-18", "origin": "metadata"}
    assert page["meta"]["url"] == "https://defencewire.example/2021/02/18/nato-iraq-mission-expands"
    figures = {t["high"] for t in page["troops"]}
    assert {500, 4000, 2500} <= figures
    assert not figures & {1200, 9000, 10000, 5}  # sidebar, comments and footer figures
    assert "DOCTYPE" not in {t["force"] for t in page["troops"]}
    for entity in page["entities"]:
        assert "<" not in entity["text"] and "Helvetica" not in entity["text"]
    assert "Jens Stoltenberg" in {e["canonical"] for e in page["entities"]}


def test_every_offset_indexes_the_text_reported(saved_run):
    docs = documents(saved_run)
    assert len(docs) == 11  # 3 pages, 4 feed items, 1 note, 1 text, 2 records
    for doc in docs.values():
        if doc.get("duplicate_of"):
            continue
        text = doc["text"]
        for fact in doc["entities"] + doc["dates"] + doc["troops"]:
            assert text[fact["start"]:fact["end"]] == fact["text"], (doc["id"], fact)


def test_feed_items_are_articles_dated_by_the_feed(saved_run):
    docs = documents(saved_run)
    germany, syria = docs["defence-news.rss:1"], docs["defence-news.rss:2"]
    assert germany["reference_date"] == {"value": "2022-06-07", "origin": "metadata"}
    assert {t["high"] for t in germany["troops"]} >= {1000, 5000}
    assert 300000 not in {t["high"] for t in germany["troops"]}  # a related link inside the content
    assert syria["reference_date"]["value"] == "2018-12-19"
    canada = docs["briefs.atom:1"]
    assert canada["meta"]["feed_text"] == "summary" and [t["high"] for t in canada["troops"]] == [500]


def test_markdown_figures_are_the_same_as_in_plain_text(saved_run, tmp_path):
    note = documents(saved_run)["mission-notes.md"]
    assert note["reference_date"] == {"value": "2021-02-18", "origin": "metadata"}
    plain = tmp_path / "plain.txt"
    plain.write_text(note["text"])
    (as_text,) = documents(run("extract", str(plain), "--no-cache")).values()
    bounds = [(t["low"], t["high"], t["qualifier"]) for t in note["troops"]]
    assert bounds == [(t["low"], t["high"], t["qualifier"]) for t in as_text["troops"]]
    assert (500, 500, "exact") in bounds and (4000, 4000, "approximate") in bounds and len(bounds) == 3


def test_a_syndicated_copy_is_extracted_once_and_named(saved_run):
    copy = documents(saved_run)["syndicated-copy.html"]
    assert copy["duplicate_of"] == "nato-mission-iraq.html"
    assert copy["troops"] == [] and copy["title"] == "Alliance agrees eightfold increase in Iraq mission"
    assert "1 duplicate not extracted again" in saved_run.stderr
    kept = documents(run("extract", str(SAVED), "--keep-duplicates"))["syndicated-copy.html"]
    assert kept["duplicate_of"] == "nato-mission-iraq.html" and {t["high"] for t in kept["troops"]} >= {500, 4000}


def test_a_copy_in_the_tables_points_at_its_original():
    result = run("extract", str(SAVED / "nato-mission-iraq.html"), str(SAVED / "syndicated-copy.html"), "-f", "table")
    assert "a copy of" in result.stdout and "No troop figures" not in result.stdout


def test_copies_are_left_out_of_query_unless_kept():
    count = "select count(*) as n from documents"
    assert json.loads(run("query", str(SAVED), count).stdout)["n"] == 10
    assert json.loads(run("query", str(SAVED), count, "--keep-duplicates").stdout)["n"] == 11


def test_export_stores_the_text_every_offset_indexes(tmp_path):
    database = tmp_path / "facts.db"
    assert run("export", str(SAVED), "-o", str(database), "-q").exit_code == 0
    with sqlite3.connect(database) as connection:
        rows = connection.execute("select t.text, substr(d.text, t.char_start + 1, t.char_end - t.char_start) "
                                  "from troops t join documents d using (doc_id)").fetchall()
        assert len(rows) > 10 and all(written == found for written, found in rows)
        assert connection.execute("select count(*) from documents where duplicate_of is not null").fetchone() == (0,)


def test_scraped_jsonl_dates_and_field_mapping(tmp_path):
    docs = documents(run("extract", str(SAVED / "scraped.jsonl")))
    assert [d["reference_date"] for d in docs.values()] == [{"value": "2021-02-16", "origin": "metadata"}] * 2
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"body": "Spain will keep 300 soldiers in Iraq.", "first_seen": "16 Feb 2021"}) + "\n"
                    + json.dumps({"body": "Italy will send 280 trainers on Tuesday.", "first_seen": "03/04/2021"}))
    result = run("extract", str(path), "--field", "text=body", "--field", "date=first_seen")
    spain, italy = documents(result).values()
    assert spain["reference_date"]["value"] == "2021-02-16" and [t["high"] for t in spain["troops"]] == [300]
    assert italy["reference_date"]["origin"] != "metadata" and [t["high"] for t in italy["troops"]] == [280]
    assert f"natoiraq: warning: {path}:2: 'first_seen': ambiguous date" in result.stderr
    assert result.exit_code == 0  # a warning, not a failure
    assert run("extract", str(path), "--field", "body").exit_code == 2


def test_piped_input_needs_no_dash():
    result = run("extract", input=(SAVED / "nato-mission-iraq.html").read_text())
    (page,) = documents(result).values()
    assert page["id"] == "stdin" and page["reference_date"]["value"] == "2021-02-18"
    assert run("extract", input="").exit_code == 2


def test_on_a_terminal_extract_without_a_path_prints_its_usage():
    controller, terminal = pty.openpty()
    try:
        result = subprocess.run([sys.executable, "-m", "natoiraq", "extract"], stdin=terminal, capture_output=True,
                                text=True, timeout=60, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)})
    finally:
        os.close(controller)
        os.close(terminal)
    assert result.returncode == 2 and "Usage:" in result.stderr and result.stdout == ""


def test_a_mixed_folder_names_what_it_could_not_read(tmp_path):
    saved = tmp_path / "saved"
    shutil.copytree(SAVED, saved)
    (saved / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (saved / "settings.xml").write_text('<?xml version="1.0"?><settings><theme>dark</theme></settings>')
    result = run("extract", str(saved))
    assert result.exit_code == 1
    assert len(documents(result)) == 11
    assert f"natoiraq: {saved}/logo.html: binary file, not text (NUL bytes)" in result.stderr
    assert f"natoiraq: {saved}/settings.xml: not an RSS or Atom feed" in result.stderr
    assert "10 documents extracted, 2 inputs failed, 1 duplicate" in result.stderr


def test_plain_text_runs_import_none_of_the_format_libraries():
    """Cold start: `natoiraq extract seeds/` pays for no page, feed or Markdown library."""
    code = ("import os, sys; from natoiraq.cli.runner import run_extract; from natoiraq.extract import ExtractOptions; "
            "run_extract(['seeds'], ExtractOptions(duplicates='mark'), fmt='jsonl', output=os.devnull, quiet=True); "
            "print(sorted(m for m in ('trafilatura', 'feedparser', 'yaml', 'markdown_it') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert result.stdout.strip() == "[]", result.stderr
