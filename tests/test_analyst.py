"""The analyst's commands: CSV, SQLite export, SQL queries, the timeline."""

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
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


def test_csv_is_one_row_per_fact_with_bom_in_a_file_and_no_formulas(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("- NATO has 500 trainers in Iraq, diplomats said on Tuesday.")  # a bulleted article
    out = run("extract", str(article), "-f", "csv", "--reference-date", "2020-01-24").stdout
    # on stdout plain UTF-8 lines, for grep, awk and csv.DictReader; the BOM and CRLF only in a .csv file
    assert out.startswith("type,") and "\r" not in out
    run("extract", str(article), "-o", str(tmp_path / "facts.csv"), "--reference-date", "2020-01-24")
    spreadsheet = (tmp_path / "facts.csv").read_bytes().decode("utf-8")
    assert spreadsheet.startswith("\ufefftype,") and spreadsheet.replace("\r\n", "").count("\n") == 0
    assert spreadsheet.lstrip("\ufeff").replace("\r\n", "\n") == out
    rows = list(csv.DictReader(io.StringIO(out)))
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
    assert sorted(p.name for p in tmp_path.iterdir()) == ["facts.db", "facts.metadata.json"]  # no temporary left


def test_failed_export_leaves_the_old_file(tmp_path):
    db = tmp_path / "facts.db"
    db.write_bytes(b"previous")
    result = CliRunner().invoke(cli, ["export", str(SEEDS), "-o", str(db), "--model", "en_core_web_nonexistent"])
    assert result.exit_code == 1 and db.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["facts.db"]  # and no metadata for a database not written


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
