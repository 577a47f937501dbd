"""The report's world map: the right countries shaded by level, located figures marked, nothing fetched,
and outlines that are Natural Earth's countries, small, inside the map."""

import html
import json
import re
from dataclasses import replace
from importlib import resources

import pytest
from click.testing import CliRunner

from natoiraq.cli import cli
from natoiraq.outputs.html import render
from natoiraq.outputs.latest import answers
from natoiraq.outputs.worldmap import LAND, SHADES, country_codes, shade, world, world_map
from tests.handmade import article, document, figure

#: Written for this test, with a place the gazetteer locates (Darwin) and one it does not name (Lithuania).
WRITTEN = {
    "darwin.txt": "Marines arrive for the dry season\n\nThe United States has 2,500 Marines in Darwin, Australia, "
                  "for the rotation, officials said on Wednesday.",
    "rukla.txt": "Brigade grows\n\nGermany now has about 1,700 troops in Lithuania, the defence ministry said.",
}

SHADED = re.compile(r"<path class='shaded' fill='(#[0-9a-f]{6})' d='([^']+)'><title>([^<]+)</title></path>")


def outline_of(alpha2: str) -> str:
    return next(c.path for c in world().countries if c.alpha2 == alpha2)


def shaded(page: str) -> dict[str, tuple[str, str]]:
    """The map's shaded countries: the first line of the title (the country) -> (fill, title)."""
    return {html.unescape(title).split("\n")[0]: (fill, html.unescape(title))
            for fill, _, title in SHADED.findall(page)}


@pytest.fixture(scope="module")
def written_report(tmp_path_factory, nlp):
    folder = tmp_path_factory.mktemp("written")
    for name, text in WRITTEN.items():
        (folder / name).write_text(text)
    out = folder / "report.html"
    result = CliRunner().invoke(cli, ["report", str(folder / "darwin.txt"), str(folder / "rukla.txt"), "-o", str(out),
                                      "--reference-date", "2024-03-06"])
    assert result.exit_code == 0, result.output
    return out.read_text()


def test_a_written_corpus_shades_its_countries_and_marks_its_places(written_report):
    drawn = written_report.split("<h2 id='map'>")[1].split("<h2")[0]
    countries = shaded(drawn)
    assert set(countries) == {"Australia", "Lithuania"}
    assert countries["Australia"] == (shade(2500), "Australia\nUnited States · Australia · 2,500 · as of 2024-03-06")
    assert countries["Lithuania"][1] == "Lithuania\nGermany · Lithuania · ~1,700 · as of 2024-03-06"
    assert f"d='{outline_of('AU')}'><title>Australia" in drawn  # the outline of the country named
    circle = re.search(r"<circle class='place' cx='(\d+)' cy='(\d+)' r='\d+'><title>([^<]+)</title>", drawn)
    assert circle and circle[3] == "Darwin · United States · Australia · 2,500 · as of 2024-03-06"
    assert world().projection(130.84, -12.46) == (int(circle[1]), int(circle[2]))  # where Darwin is


def test_the_map_fetches_nothing_and_runs_nothing(written_report):
    drawn = written_report.split("<h2 id='map'>")[1].split("<h2")[0]
    assert "<svg class='world'" in drawn
    assert not re.search(r"<script|http|href|src=|url\(|<image|<use|<foreignObject", drawn, re.IGNORECASE)


def test_a_country_of_several_series_is_shaded_by_the_largest_and_names_each():
    page = render([article(document("us", "2024-01-15", figure(1000, when="2024-01-15"))),
                   article(document("nato", "2023-05-01", figure(40000, force="NATO", when="2023-05-01")))])
    fill, title = shaded(page)["Iraq"]
    assert fill == shade(40000) != shade(1000)
    assert title.splitlines()[1:] == ["NATO · Iraq · 40,000 · as of 2023-05-01",
                                      "United States · Iraq · 1,000 · as of 2024-01-15"]


def test_only_actual_levels_in_a_known_country_shade_it():
    page = render([article(document("a", "2024-01-15", figure(150, location="Syria", when="2024-12", status="planned"),
                                    figure(300, location="Sahel", when="2024-01-15"),
                                    figure(200, location="Niger", when="2024-01-15", kind="decrease")))])
    assert shaded(page) == {}
    assert "<h2 id='map'>" not in page  # nothing to draw: no map at all


def test_a_located_figure_outside_any_country_is_still_marked():
    located = replace(figure(300, location="Sahel", when="2024-01-15"), place="Sahel", lat=15.0, lon=0.0)
    page = render([article(document("a", "2024-01-15", located))])
    assert shaded(page) == {} and "<title>Sahel · United States · Sahel · 300 · as of 2024-01-15</title>" in page


@pytest.mark.parametrize("level, bin_", [(1, 0), (99, 0), (100, 1), (999, 1), (1_000, 2), (9_999, 2), (10_000, 3),
                                         (99_999, 3), (100_000, 4), (250_000, 4)])
def test_levels_are_shaded_by_their_order_of_magnitude(level, bin_):
    assert shade(level) == SHADES[bin_][1] != LAND


def test_the_legend_names_every_shade_in_order():
    legend = world_map(answers([document("a", "2024-01-15", figure(50, when="2024-01-15"))]), []).split(
        "class='legend'>")[1]
    assert re.findall(r"background: (#[0-9a-f]{6})'></span>([^<]+)", legend)[:5] == [
        (SHADES[0][1], "under 100"), (SHADES[1][1], "100–999"), (SHADES[2][1], "1,000–9,999"),
        (SHADES[3][1], "10,000–99,999"), (SHADES[4][1], "100,000 or more")]


@pytest.mark.parametrize("location, codes", [
    ("United States", {"US", "PR"}),  # the gazetteer counts Puerto Rico's places as the United States'
    ("Democratic Republic of Congo", {"CD"}), ("Congo", {"CG"}), ("Russia", {"RU"}), ("South Korea", {"KR"}),
    ("Czech Republic", {"CZ"}), ("Kosovo", {"XK"}), ("Palestine", {"PS"}), ("Taiwan", {"TW"})])
def test_the_pipelines_country_names_find_their_outlines(location, codes):
    assert country_codes()[location.casefold()] == codes


def test_the_outlines_are_natural_earths_countries_small_and_inside_the_map():
    raw = resources.files("natoiraq.data").joinpath("world.json").read_bytes()
    assert len(raw) < 100_000 and json.loads(raw)["_size"] == f"{len(raw):,} bytes"  # as the docs say
    assert "public domain" in json.loads(raw)["_licence"].lower()
    drawn = world()
    codes = [c.alpha2 for c in drawn.countries if c.alpha2]
    assert len(codes) == len(set(codes)) > 170 and {"IQ", "AF", "UA", "LT", "ML", "XK"} <= set(codes)
    assert "AQ" not in codes  # south of the map
    width, height = drawn.projection.size
    for country in drawn.countries:
        assert re.fullmatch(r"(M\d+ \d+l-?\d+[ -]\d+(?:[ -]\d+)*z)+", country.path), country.name
        for ring in re.findall(r"M(\d+) (\d+)l([^z]+)z", country.path):
            x, y = int(ring[0]), int(ring[1])
            moves = [int(n) for n in re.findall(r"-?\d+", ring[2])]
            xs = [x + sum(moves[0:i:2]) for i in range(2, len(moves) + 1, 2)]
            ys = [y + sum(moves[1:i:2]) for i in range(2, len(moves) + 1, 2)]
            assert 0 <= min(xs + [x]) and max(xs + [x]) <= width and 0 <= min(ys + [y]) and max(ys + [y]) <= height
