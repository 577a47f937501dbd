"""GeoJSON (RFC 7946): one Feature per troop figure whose place has coordinates, valid as maps read it."""

import io
import json
from dataclasses import replace

from click.testing import CliRunner

from natoiraq.cli import cli
from natoiraq.outputs.geojson import GeoJsonWriter
from tests.handmade import document, figure


def check_rfc7946(collection: dict) -> list[dict]:
    """What RFC 7946 asks of a FeatureCollection of Points; its Features."""
    assert collection["type"] == "FeatureCollection" and "crs" not in collection  # §4: WGS 84 only, no crs
    for item in collection["features"]:
        assert item["type"] == "Feature" and isinstance(item["properties"], dict)
        assert item["geometry"]["type"] == "Point"
        lon, lat = item["geometry"]["coordinates"]  # §3.1.1: longitude first
        assert -180 <= lon <= 180 and -90 <= lat <= 90
    return collection["features"]


def _written(*documents) -> dict:
    stream = io.StringIO()
    writer = GeoJsonWriter(stream)
    for facts in documents:
        writer.write(facts)
    writer.close()
    return json.loads(stream.getvalue())


def test_a_feature_per_located_figure_longitude_first_with_its_citation():
    located = replace(figure(2500, location="Iraq", when="2019-21"), place="Baghdad", lat=33.341, lon=44.401)
    facts = document("wire", "2019-08-01", located, figure(900, location="Syria", when="2019"),
                     url="https://www.reuters.example/a")
    (found,) = check_rfc7946(_written(facts))
    assert found["geometry"]["coordinates"] == [44.401, 33.341]
    properties = found["properties"]
    assert (properties["force"], properties["figure"], properties["kind"], properties["status"]) == (
        "United States", "2,500", "level", "actual")
    assert (properties["as_of"], properties["as_of_start"], properties["as_of_end"]) == (
        "2019-21", "2019-03-01", "2019-05-31")
    assert (properties["place"], properties["outlet"], properties["url"], properties["document"]) == (
        "Baghdad", "reuters.example", "https://www.reuters.example/a", "wire")


def test_no_located_figure_is_an_empty_collection():
    assert check_rfc7946(_written(document("a", None, figure(10)))) == []
    assert check_rfc7946(_written()) == []


def test_extract_writes_geojson_by_extension(tmp_path):
    article = {"id": "b", "date": "2021-07-26", "text": "About 2,500 U.S. troops are based in Baghdad, officials said."}
    out = tmp_path / "facts.geojson"
    result = CliRunner().invoke(cli, ["extract", "-", "-o", str(out), "-q", "--no-cache"], input=json.dumps(article))
    assert result.exit_code == 0, result.output
    (found,) = check_rfc7946(json.loads(out.read_text(encoding="utf-8")))
    lon, lat = found["geometry"]["coordinates"]
    assert (round(lat), round(lon), found["properties"]["place"]) == (33, 44, "Baghdad")
