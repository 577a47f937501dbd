"""The analyst's commands: CSV, SQLite export, SQL queries, the timeline."""

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from natoiraq.facts import DocumentFacts, ReferenceDate, TroopFigure, DateFact
from natoiraq.outputs.timeline import points, sortable
from natoiraq.outputs.writers import spreadsheet_safe
from tests.conftest import SEEDS


@pytest.fixture(scope="module", autouse=True)
def _warm(nlp):
    pass


def run(*args, input=None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.mark.parametrize("cell, safe", [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"), ("+1", "'+1"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\tx", "'\tx"), ("NATO", "NATO"), (450, 450), (None, None),
])
def test_spreadsheet_safe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_csv_is_one_row_per_fact_with_bom_and_no_formulas(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("- NATO has 500 trainers in Iraq, diplomats said on Tuesday.")  # a bulleted article
    out = run("extract", str(article), "-f", "csv", "--reference-date", "2020-01-24").stdout
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.lstrip("\ufeff"))))
    assert {r["type"] for r in rows} == {"entity", "date", "troops"}
    troops = next(r for r in rows if r["type"] == "troops")
    assert (troops["low"], troops["force"], troops["qualifier"]) == ("500", "NATO", "exact")
    assert troops["sentence"].startswith("'- NATO")  # a cell starting with "-" would be a formula
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values() if v)


def test_export_writes_indexed_tables_with_foreign_keys(tmp_path):
    db = tmp_path / "facts.db"
    result = run("export", str(SEEDS), "-o", str(db), "--reference-date", "2020-01-24")
    assert result.exit_code == 0
    connection = sqlite3.connect(db)
    assert connection.execute("select count(*) from documents").fetchone() == (5,)
    assert connection.execute("select count(*) from troops").fetchone() == (9,)
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    indexes = {row[1] for row in connection.execute("select * from sqlite_master where type = 'index'")}
    assert {"entities_canonical", "troops_force", "troops_value", "dates_value", "documents_reference_date"} <= indexes
    orphans = connection.execute("select count(*) from troops t left join documents d using (doc_id) where d.id is null")
    assert orphans.fetchone() == (0,)
    assert [p.name for p in tmp_path.iterdir()] == ["facts.db"]


def test_failed_export_leaves_the_old_file(tmp_path):
    db = tmp_path / "facts.db"
    db.write_bytes(b"previous")
    result = CliRunner().invoke(cli, ["export", str(SEEDS), "-o", str(db), "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 1 and db.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.db"]


def test_query_answers_in_jsonl_and_csv():
    sql = "select force, max(high) as top from troops group by force order by top desc"
    rows = [json.loads(line) for line in run("query", str(SEEDS), sql).stdout.splitlines()]
    assert rows == [{"force": "coalition", "top": 11000}, {"force": "NATO", "top": 5000},
                    {"force": "United States", "top": 3100}]
    table = list(csv.reader(io.StringIO(run("query", str(SEEDS), sql, "-f", "csv").stdout.lstrip("\ufeff"))))
    assert table[0] == ["force", "top"] and table[1] == ["coalition", "11000"]


def test_bad_query_lists_the_tables_and_columns():
    result = CliRunner().invoke(cli, ["query", str(SEEDS), "select nope from troops"])
    assert result.exit_code == 1
    assert "no such column: nope" in result.output
    assert "troops(doc_id, text, char_start, char_end, value, low, high" in result.output


def _facts(doc_id, reference, troops, dates=()):
    return DocumentFacts(doc_id, None, None, ReferenceDate(reference, "option" if reference else None),
                         dates=list(dates), troops=list(troops))


def _troop(text, sentence, start, low, force="NATO", kind="level", status="actual"):
    return TroopFigure(text, start, start + len(text), low, low, low, "exact", "troops", force, kind, status, sentence)


def test_timeline_places_each_level_at_its_sentence_date_or_the_reference():
    sentence = "In 2007 there were 170,000 troops."
    dated = _facts("a", "2011-12-15", [_troop("170,000", sentence, 19, 170000, force="United States")],
                   [DateFact("2007", 3, 7, "2007", "year", "date")])
    undated = _facts("b", "2011-12-15", [_troop("4,000", "About 4,000 remain.", 6, 4000, force="United States"),
                                         _troop("450", "450 more troops.", 0, 450, force="United States", kind="increase"),
                                         _troop("20", "20 troops.", 0, 20, force=None)])
    other_clause = "The coalition was formed in 2014 and includes countries that provide 11,000 personnel."
    coalition = _facts("c", "2020-01-24", [_troop("11,000", other_clause, 200 + other_clause.index("11,000"), 11000,
                                                  force="coalition")],
                       [DateFact("2014", 200 + other_clause.index("2014"), 204 + other_clause.index("2014"), "2014",
                                 "year", "date")])
    found = points([undated, dated, coalition])
    assert [(p.date, p.date_source, p.low) for p in found] == [("2007", "sentence", 170000),
                                                                ("2011-12-15", "reference", 4000),
                                                                ("2020-01-24", "reference", 11000)]


@pytest.mark.parametrize("value, first_day", [
    ("2015-06-23", "2015-06-23"), ("2015-W26", "2015-06-22"), ("2014-12", "2014-12-01"), ("2020-Q2", "2020-04-01"),
    ("2019-22", "2019-06-01"), ("2011", "2011-01-01"), ("199", "1990-01-01"),
])
def test_sortable(value, first_day):
    assert sortable(value).isoformat() == first_day


def test_timeline_command_json():
    result = run("timeline", str(SEEDS), "-f", "json", "--reference-date", "2021-02-16")
    points = json.loads(result.stdout)
    assert {p["status"] for p in points if p["force"] == "NATO"} == {"actual", "planned"}
    assert all(p["date"] for p in points)
    piped = run("timeline", str(SEEDS), "--reference-date", "2021-02-16")  # JSON Lines, one level a line
    assert [json.loads(line) for line in piped.stdout.splitlines()] == points
