"""The troop figure's place and date reach every format: SQL, CSV, JSON, tables, and the cache."""

import csv
import io
import json
import sqlite3
from dataclasses import fields

from rich.console import Console

from natoiraq.facts import Attribution, DocumentFacts, TroopFigure
from natoiraq.outputs import sql
from natoiraq.outputs.terminal import DocumentView
from natoiraq.outputs.writers import CsvWriter, JsonArrayWriter
from tests.handmade import document, figure

FACTS = document("a", "2021-07-26",
                 figure(2500, location="Iraq", when="2021-07-26", source="reference", mission="Inherent Resolve"),
                 figure(900, location="Syria", when="2021", source="clause",
                        says=Attribution("officials said", 20, 34, "U.S. officials")),
                 figure(20, force=None, location=None, when=None))


def test_sql_troops_columns_follow_the_dataclass():
    connection = sql.load([FACTS])
    columns = [row[1] for row in connection.execute("PRAGMA table_info(troops)")]
    expected = [{"start": "char_start", "end": "char_end"}.get(f.name, f.name) for f in fields(TroopFigure)]
    expected[expected.index("as_of") + 1:expected.index("as_of") + 1] = ["as_of_source", "as_of_start", "as_of_end"]
    expected[expected.index("attribution") + 1:expected.index("attribution") + 1] = [
        "attribution_start", "attribution_end", "attribution_speaker"]
    assert columns == ["doc_id", *expected]
    rows = connection.execute("select high, location, mission, as_of, as_of_source from troops order by high").fetchall()
    assert rows == [(20, None, None, None, None), (900, "Syria", None, "2021", "clause"),
                    (2500, "Iraq", "Inherent Resolve", "2021-07-26", "reference")]
    # what the schema promises: nullable place and date, mandatory bounds
    notnull = {row[1]: row[3] for row in connection.execute("PRAGMA table_info(troops)")}
    assert notnull["location"] == notnull["as_of"] == 0 and notnull["low"] == notnull["status"] == 1
    assert "troops(doc_id, text, char_start, char_end" in sql.describe(connection)
    said = connection.execute("select high, attribution, attribution_speaker, attribution_start, attribution_end"
                              " from troops where attribution is not null").fetchall()
    assert said == [(900, "officials said", "U.S. officials", 20, 34)]
    bounds = connection.execute("select as_of, as_of_start, as_of_end from troops where as_of is not null "
                                "order by high").fetchall()
    assert bounds == [("2021", "2021-01-01", "2021-12-31"), ("2021-07-26", "2021-07-26", "2021-07-26")]


def test_as_of_end_sorts_a_season_before_a_later_day():
    """ "2019-21" (spring 2019) sorts above "2019-07-25" as text; its last day, 31 May, sorts below."""
    spring = document("s", "2019-08-01", figure(700, when="2019-21"), figure(800, when="2019-07-25"))
    connection = sql.load([spring])
    assert connection.execute("select as_of, as_of_end from troops order by as_of_end desc").fetchall() == [
        ("2019-07-25", "2019-07-25"), ("2019-21", "2019-05-31")]


def test_csv_has_location_mission_and_as_of():
    stream = io.StringIO()
    writer = CsvWriter(stream)
    writer.write(FACTS)
    rows = list(csv.DictReader(io.StringIO(stream.getvalue().lstrip("\ufeff"))))
    troops = [r for r in rows if r["type"] == "troops"]
    assert [(r["high"], r["location"], r["as_of"], r["as_of_source"]) for r in troops] == [
        ("2500", "Iraq", "2021-07-26", "reference"), ("900", "Syria", "2021", "clause"), ("20", "", "", "")]
    assert [(r["as_of_start"], r["as_of_end"]) for r in troops] == [
        ("2021-07-26", "2021-07-26"), ("2021-01-01", "2021-12-31"), ("", "")]
    assert troops[0]["mission"] == "Inherent Resolve" and troops[0]["force_source"] == "phrase"
    assert [(r["attribution"], r["attribution_speaker"]) for r in troops] == [
        ("", ""), ("officials said", "U.S. officials"), ("", "")]
    dates = [r for r in rows if r["type"] == "date"]
    assert dates[0]["value"] == "2007" and dates[0]["location"] == ""


def test_json_array_carries_the_nested_as_of():
    stream = io.StringIO()
    writer = JsonArrayWriter(stream)
    writer.write(FACTS)
    writer.close()
    troops = json.loads(stream.getvalue())[0]["troops"]
    assert troops[1]["as_of"] == {"value": "2021", "source": "clause", "start": "2021-01-01",
                                  "end": "2021-12-31"} and troops[1]["location"] == "Syria"
    assert troops[2]["as_of"] is None
    assert troops[1]["attribution"] == {"text": "officials said", "start": 20, "end": 34, "speaker": "U.S. officials"}
    assert troops[0]["attribution"] is None


def test_table_shows_location_and_as_of():
    console = Console(file=io.StringIO(), width=200, color_system=None)
    DocumentView(console).write(FACTS)
    out = console.file.getvalue()
    assert "in Iraq" in out and "as of 2021-07-26 (reference)" in out
    assert "Syria" in out and "2021 (clause)" in out and "Inherent Resolve" in out
    assert out.count("says: ") == 1 and "says: U.S. officials" in out


def test_facts_with_place_and_date_round_trip_as_the_cache_stores_them():
    # The cache keeps to_dict()'s JSON and rebuilds each figure with TroopFigure(**record).
    again = DocumentFacts.from_dict(json.loads(json.dumps(FACTS.to_dict())))
    assert again == FACTS and again.troops[1].as_of == {"value": "2021", "source": "clause"}
    assert again.troops[1].attribution == Attribution("officials said", 20, 34, "U.S. officials")
    older = {k: v for k, v in vars(FACTS.troops[0]).items() if k not in ("location", "mission", "force_source", "as_of")}
    assert TroopFigure(**older).as_of is None and TroopFigure(**older).location is None
