"""What makes a figure citable and its result reusable: the outlet, title, URL and date of its article on
every row; dates people read and dates that sort; saved results read back; datasette's metadata."""

import csv
import io
import json
import sqlite3
from datetime import date

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from natoiraq.outputs import datasette, sql
from natoiraq.outputs.writers import CsvWriter
from natoiraq.parsing.periods import bounds, readable
from natoiraq.reading.outlets import dateline, domain, outlet
from natoiraq.reading.saved import read_database_file
from tests.handmade import CORPUS, document, figure


@pytest.mark.parametrize("text, agency", [
    ("BRUSSELS (Reuters) - NATO is expected to announce", "Reuters"),
    ("KYIV, Ukraine (AP) — Russia fired", "AP"),
    ("LONDON, Jan 5 (Reuters) - Britain will", "Reuters"),
    ("Headline of the day\n\nBy A. Writer\n\nWASHINGTON (AFP) – The Pentagon", "AFP"),
    ("BRUSSELS: The United States is renewing pressure", None),  # a dateline without an agency
    ("The troops (about 500) - left", None),  # brackets in a sentence are no dateline
    ("", None),
])
def test_a_wire_dateline_names_its_agency(text, agency):
    assert dateline(text) == agency


@pytest.mark.parametrize("url, host", [
    ("https://www.defensenews.com/a/b", "defensenews.com"), ("http://news.example.org", "news.example.org"),
    ("javascript:alert(1)", None), (None, None), ("ftp://files.example", None),
])
def test_a_web_address_names_its_domain(url, host):
    assert domain(url) == host


def test_the_page_says_first_then_the_dateline_then_the_domain():
    text = "BRUSSELS (Reuters) - text"
    assert outlet({"site_name": "Defense News", "url": "https://x.example/a"}, text) == "Defense News"
    assert outlet({"url": "https://www.x.example/a"}, text) == "Reuters"
    assert outlet({"url": "https://www.x.example/a"}, "no dateline") == "x.example"
    assert outlet({}, "no dateline") is None


@pytest.mark.parametrize("value, people, first, last", [
    ("2019-21", "spring 2019", date(2019, 3, 1), date(2019, 5, 31)),
    ("2019-24", "winter 2019", date(2019, 12, 1), date(2020, 2, 29)),
    ("2020-W06", "week of 3 Feb 2020", date(2020, 2, 3), date(2020, 2, 9)),
    ("2024-Q1", "Q1 2024", date(2024, 1, 1), date(2024, 3, 31)),
    ("2024-H2", "second half of 2024", date(2024, 7, 1), date(2024, 12, 31)),
    ("201", "2010s", date(2010, 1, 1), date(2019, 12, 31)),
    ("19", "1900s", date(1900, 1, 1), date(1999, 12, 31)),
    ("2019/2020", "2019–2020", date(2019, 1, 1), date(2020, 12, 31)),
    ("2021-07-26", "2021-07-26", date(2021, 7, 26), date(2021, 7, 26)),
    ("2014-12", "2014-12", date(2014, 12, 1), date(2014, 12, 31)),
    ("2011", "2011", date(2011, 1, 1), date(2011, 12, 31)),
])
def test_dates_people_read_and_the_days_they_cover(value, people, first, last):
    assert readable(value) == people and bounds(value) == (first, last)


def test_views_never_show_a_bare_season_code():
    from natoiraq.outputs.display import as_of_text

    assert as_of_text({"value": "2019-21", "source": "clause"}) == "spring 2019 (clause)"


def test_every_fact_row_carries_its_articles_outlet_title_url_and_date():
    facts = document("wire", "2021-07-26", figure(2500, when="2021-07-26"), url="https://www.reuters.example/a")
    stream = io.StringIO()
    CsvWriter(stream).write(facts)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue().lstrip("\ufeff"))))
    assert {(r["outlet"], r["title"], r["url"], r["reference_date"]) for r in rows} == {
        ("reuters.example", "Title of wire", "https://www.reuters.example/a", "2021-07-26")}
    connection = sql.load([facts])
    assert connection.execute("select d.outlet, d.title, d.url, d.reference_date from troops t "
                              "join documents d using (doc_id)").fetchall() == [
        ("reuters.example", "Title of wire", "https://www.reuters.example/a", "2021-07-26")]


def test_an_exported_database_reads_back_as_the_facts_it_holds(tmp_path):
    path = tmp_path / "facts.db"
    sql.export(CORPUS, str(path))
    assert list(read_database_file(str(path))) == CORPUS


def test_another_database_is_one_failure_naming_it(tmp_path):
    path = tmp_path / "other.db"
    sqlite3.connect(path).execute("create table t (x)").connection.commit()
    (failure,) = read_database_file(str(path))
    assert "not a database natoiraq exported" in str(failure)


def test_report_and_timeline_read_saved_results(tmp_path):
    runner = CliRunner()
    source = tmp_path / "facts.jsonl"
    source.write_text("".join(json.dumps(f.to_dict()) + "\n" for f in CORPUS), encoding="utf-8")
    sql.export(CORPUS, str(tmp_path / "facts.db"))
    for saved in ("facts.jsonl", "facts.db"):
        page = tmp_path / "report.html"
        result = runner.invoke(cli, ["report", str(tmp_path / saved), "-o", str(page), "--model", "no-such-model"])
        assert result.exit_code == 0 and "no 'text' field" not in result.output, result.output
        assert "United States · Iraq" in page.read_text(encoding="utf-8")
        result = runner.invoke(cli, ["timeline", str(tmp_path / saved), "-f", "json", "-q"])
        assert result.exit_code == 0 and json.loads(result.stdout)["series"], result.output


def test_export_writes_datasette_metadata_that_fits_the_database(tmp_path):
    path = tmp_path / "facts.db"
    result = CliRunner().invoke(cli, ["export", "-", "-o", str(path), "-q"],
                                input=json.dumps({"id": "a", "text": "Hello.", "url": "https://a.example/x"}))
    assert result.exit_code == 0, result.output
    metadata = json.loads((tmp_path / "facts.metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["facts"]["tables"]
    connection = sqlite3.connect(path)
    for name, table in tables.items():
        columns = {row[1] for row in connection.execute(f"pragma table_info({name})")}
        assert columns, name  # a table or view the database has
        assert set(table["facets"]) <= columns and set(table["columns"]) <= columns, name
        assert table["description"]
    assert tables["troops"]["facets"][:3] == ["force", "location", "kind"]
    assert tables["documents"]["label_column"] == "title"
    assert datasette.metadata_path("out/facts.db") == "out/facts.metadata.json"
