"""``natoiraq latest``: the latest level per series, who reports it, agreement and conflicts; from articles
and from every saved result. The rules are checked table by table on hand-made figures; the written
articles in tests/latest/ (agreement in Lithuania, a conflict in Poland) run through the model."""

import csv
import io
import json
from datetime import date
from types import SimpleNamespace

import pytest
from click.testing import CliRunner
from rich.console import Console

from natoiraq.cli import cli
from natoiraq.outputs.latest import (CSV_COLUMNS, LatestView, age_text, agree, answers, csv_rows, independent,
                                     same_period)
from natoiraq.outputs.citations import Source
from tests.conftest import ROOT
from tests.handmade import CORPUS, document, figure

ARTICLES = ROOT / "tests" / "latest" / "articles.jsonl"
TODAY = date(2024, 6, 1)


def _figure(low, qualifier="exact", high=None):
    return SimpleNamespace(low=low, high=high or low, qualifier=qualifier)


@pytest.mark.parametrize("first, second, agreed", [
    (_figure(1000, "approximate"), _figure(1200), True),  # "about 1,000" allows a fifth either way
    (_figure(1000, "approximate"), _figure(1300), False),
    (_figure(5200), _figure(2500), False),
    (_figure(2500), _figure(2500, "approximate"), True),
    (_figure(2500), _figure(2600), False),  # two exact counts that differ: someone is wrong
    (_figure(500, "more_than"), _figure(800), True),
    (_figure(500, "more_than"), _figure(400), False),
    (_figure(1000, "up_to"), _figure(1200), False),
    (_figure(1000, "up_to"), _figure(300), True),
    (_figure(4000, high=5000), _figure(4500), True),
    (_figure(4000, high=5000), _figure(3000), False),
])
def test_qualifiers_decide_what_agrees(first, second, agreed):
    assert agree(first, second) is agreed and agree(second, first) is agreed


@pytest.mark.parametrize("first, second, same", [
    ("2021-07-26", "2021-07-26", True),
    ("2021-07-26", "2021-07-29", True),
    ("2021-07-26", "2021-08-02", True),  # seven days apart
    ("2021-07-26", "2021-08-03", False),
    ("2021-07", "2021-07-26", True),
    ("2021-07", "2021-08-05", True),
    ("2021", "2021", True),
    ("2021", "2021-07-26", False),  # a year is no period to compare a day's count with
    ("2019-21", "2019-05-01", False),  # a season is three months
    ("2020-W06", "2020-02-12", True),
])
def test_what_is_one_period(first, second, same):
    assert same_period(first, second) is same and same_period(second, first) is same


def test_independent_sources_are_outlets_and_unknown_articles():
    sources = [Source("a", "1", "s", outlet="Reuters"), Source("b", "1", "s", outlet="reuters"),
               Source("c", "1", "s"), Source("d", "1", "s"), Source("e", "1", "s", outlet="AP")]
    assert independent(sources) == 4  # Reuters twice is one source; c and d are two


@pytest.mark.parametrize("days, text", [(None, "—"), (0, "0d"), (12, "12d"), (45, "1mo"), (400, "1y")])
def test_age_reads_at_a_glance(days, text):
    assert age_text(days) == text


def test_each_series_gets_its_latest_plan_change_and_age():
    rows = {row.label: row for row in answers(CORPUS, today=TODAY).rows}
    iraq = rows["United States · Iraq"]
    assert (iraq.latest.figure, iraq.latest.as_of, iraq.age_days) == ("1,000", "2024-01-15", 138)
    assert [s.document for s in iraq.latest.sources] == ["iraq-low"] and not iraq.conflicts
    syria = rows["United States · Syria"]
    assert (syria.planned.figure, syria.planned.as_of) == ("150", "2019-12")
    assert (syria.change.figure, syria.change.kind, syria.change.status) == ("−1,000", "decrease", "planned")
    nato = rows["NATO · Iraq"]
    assert (nato.latest.figure, nato.planned.figure, nato.change) == ("500", "4,000", None)


def test_agreement_counts_outlets_reporting_a_level_the_latest_allows():
    docs = [document("a", "2021-07-26", figure(2500, when="2021-07-26", source="reference"),
                     url="https://www.reuters.example/a"),
            document("b", "2021-07-27", figure(2400, when="2021-07-27", qualifier="approximate"),
                     url="https://apnews.example/b"),
            document("c", "2021-07-27", figure(2500, when="2021-07-27"), url="https://www.reuters.example/c"),
            document("d", "2021-07-20", figure(9000, when="2021-07-10"))]  # another period: not counted
    row = answers(docs, today=TODAY).rows[0]
    assert row.latest.as_of == "2021-07-27" and row.latest.figure == "2,500"
    assert row.agreement == 2  # reuters.example (a and c) and apnews.example
    assert not row.conflicts


def test_a_conflict_is_two_articles_one_period_irreconcilable_figures():
    docs = [document("warsaw-a", "2023-06-01", figure(5200, location="Poland", when="2023-06-01")),
            document("warsaw-b", "2023-06-02", figure(2500, location="Poland", when="2023-06-02")),
            # one article's two figures of a day count parts: no conflict
            document("parts", "2023-01-05", figure(2000, location="Poland", when="2023-01-05"),
                     figure(3000, location="Poland", when="2023-01-05")),
            # two weeks apart: a change, not a conflict
            document("later", "2023-06-20", figure(800, location="Poland", when="2023-06-20"))]
    row = answers(docs, today=TODAY).rows[0]
    assert [(c.first.figure, c.first.sources[0].document, c.second.figure, c.second.sources[0].document)
            for c in row.conflicts] == [("5,200", "warsaw-a", "2,500", "warsaw-b")]
    assert row.conflicts[0].second.sources[0].sentence == "There were 2,500 troops."


def test_table_lists_each_series_and_each_conflict_with_its_sentences():
    docs = [document("x", "2023-06-01", figure(5200, location="Poland", when="2023-06-01")),
            document("y", "2023-06-01", figure(2500, location="Poland", when="2023-06-01"))]
    console = Console(file=io.StringIO(), width=250, color_system=None)
    view = LatestView(console)
    for row in answers(docs, today=TODAY).rows:
        view.write(row)
    view.close()
    out = console.file.getvalue()
    assert "United States · Poland" in out and "1y" in out
    assert ("United States · Poland: 5,200 (2023-06-01) x: “There were 5,200 troops.”  ≠  2,500 (2023-06-01) y: "
            "“There were 2,500 troops.”") in out


def test_csv_has_one_row_per_series_with_sortable_bounds():
    docs = [document("s", "2019-08-01", figure(700, location="Jordan", when="2019-21"),
                     url="https://example.org/jordan")]
    rows = [dict(zip(CSV_COLUMNS, r)) for row in answers(docs, today=TODAY).rows for r in csv_rows(row)]
    assert rows == [{**rows[0], "location": "Jordan", "latest": "700", "as_of": "2019-21",
                     "as_of_start": "2019-03-01", "as_of_end": "2019-05-31", "reported_by": "example.org (s)",
                     "urls": "https://example.org/jordan", "agreement": 1, "conflicts": 0}]


# -- the written articles, through the model -------------------------------------------------------


def _latest(*args) -> list[dict]:
    result = CliRunner().invoke(cli, ["latest", *map(str, args), "-f", "jsonl", "-q", "--no-cache"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


@pytest.fixture(scope="module")
def written():
    return _latest(ARTICLES)


def test_written_articles_agree_on_lithuania(written):
    rows = {(r["force"], r["location"]): r for r in written}
    lithuania = rows[("Germany", "Lithuania")]
    assert (lithuania["latest"]["figure"], lithuania["latest"]["as_of"]) == ("~1,200", "2024-04-11")
    assert lithuania["agreement"] == 2  # Reuters' "about 1,000" the day before allows 1,200
    assert [(s["outlet"], s["url"]) for s in lithuania["latest"]["sources"]] == [
        ("dailyberlin.example", "https://www.dailyberlin.example/baltics")]
    assert (lithuania["planned"]["figure"], lithuania["planned"]["when"]) == ("4,800", "2027")
    assert lithuania["conflicts"] == []


def test_written_articles_conflict_on_poland(written):
    poland = next(r for r in written if r["location"] == "Poland")
    (conflict,) = poland["conflicts"]
    sides = [(side["figure"], side["sources"][0]["outlet"], side["sources"][0]["sentence"])
             for side in (conflict["first"], conflict["second"])]
    assert sides == [("5,200", "warsawnews.example", "There are 5,200 U.S. troops in Poland, the Pentagon said on Thursday."),
                     ("2,500", "AP", "There are 2,500 U.S. troops in Poland, a Polish official said on Thursday.")]
    assert (poland["change"]["figure"], poland["change"]["status"]) == ("+1,000", "planned")


def test_filters_are_timelines(written):
    assert [r["location"] for r in _latest(ARTICLES, "--force", "Germans")] == ["Lithuania"]
    assert [r["location"] for r in _latest(ARTICLES, "--since", "2024")] == ["Lithuania"]
    assert [r["location"] for r in _latest(ARTICLES, "--until", "2023-12")] == ["Poland", "Lithuania"]


def test_saved_results_give_the_same_answer_without_extracting(written, tmp_path):
    """extract -o .jsonl and .json, export -o .db: latest reads each back, and answers as from the articles."""
    runner = CliRunner()
    for name, command in (("facts.jsonl", "extract"), ("facts.json", "extract"), ("facts.db", "export")):
        result = runner.invoke(cli, [command, str(ARTICLES), "-o", str(tmp_path / name), "-q", "--no-cache"])
        assert result.exit_code == 0, result.output
        assert _latest(tmp_path / name, "--model", "no-such-model") == written, name  # no model: no extraction


def test_latest_levels_view_in_the_export(tmp_path):
    from natoiraq.outputs import sql

    connection = sql.load([*CORPUS, document("iraq-too", "2024-01-15", figure(1000, when="2024-01-15"),
                                            url="https://www.example.net/iraq")])
    rows = connection.execute("select force, location, high, as_of, document, outlet, url from latest_levels "
                              "order by force, location").fetchall()
    assert rows == [("NATO", "Iraq", 500, "2018-07-12", "nato", None, None),
                    ("United States", "Afghanistan", 8400, "2017-08-22", "afghan", None, None),
                    ("United States", "Iraq", 1000, "2024-01-15", "iraq-low", None, None),
                    ("United States", "Iraq", 1000, "2024-01-15", "iraq-too", "example.net", "https://www.example.net/iraq"),
                    ("United States", "Syria", 1000, "2019-10-14", "syria", None, None)]
    assert connection.execute("select count(*) from latest_levels where age_days < 100").fetchone() == (0,)
