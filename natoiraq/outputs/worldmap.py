"""The report's world map of the latest levels: inline SVG, no script, nothing fetched.

Each country with a series' latest actual level is shaded by its size (by order of magnitude; of several
series in one country, the largest) and names them on hover (a ``<title>``); the places the gazetteer
locates for the figures reporting a latest level are small circles. The outlines are Natural Earth's
1:110m countries (public domain), pre-projected into ``data/world.json`` by ``scripts/make_world.py`` and
read once, the first time a report draws its map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from html import escape

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.lexicon import table
from natoiraq.outputs.latest import Answer, Answers
from natoiraq.outputs.timeline import tables_ontology

#: Fill by the latest level's order of magnitude: (below this many, colour), the last for all above.
#: ColorBrewer's "Blues", which stays readable in grey and to the colour-blind.
SHADES = ((100, "#9ecae1"), (1_000, "#6baed6"), (10_000, "#4292c6"), (100_000, "#2171b5"), (None, "#084594"))
LAND = "#ececec"  # a country without a level: paler than the palest shade
PLACE_COLOUR = "#e6550d"  # a located figure's circle: orange stands apart from every blue above
PLACE_RADIUS = 20  # in the map's units (tenths of a degree): a dot on a phone, no blot on a desk
#: White lines between countries and round the circles, in the map's units: borders show between shaded neighbours.
OUTLINE = "stroke='white' stroke-width='3'"


@dataclass(frozen=True)
class Projection:
    """Equirectangular: x and y count tenths of a degree east of ``west`` and south of ``north``, whole
    numbers (a tenth of a degree is finer than a 1:110m outline). Antarctica, south of ``south``, is left out."""

    west: int = -180
    north: int = 84
    south: int = -56
    units_per_degree: int = 10

    @property
    def size(self) -> tuple[int, int]:
        return 360 * self.units_per_degree, (self.north - self.south) * self.units_per_degree

    def __call__(self, lon: float, lat: float) -> tuple[int, int]:
        return round((lon - self.west) * self.units_per_degree), round((self.north - lat) * self.units_per_degree)


@dataclass(frozen=True)
class Country:
    name: str  # Natural Earth's
    alpha2: str | None  # ISO 3166; None for the few places with no code (Northern Cyprus, Somaliland)
    alpha3: str | None
    path: str  # SVG path data in the projection's units


@dataclass(frozen=True)
class World:
    projection: Projection
    countries: tuple[Country, ...]


@lru_cache(maxsize=1)
def world() -> World:
    """``data/world.json``, read the first time a map is drawn."""
    data = table("world")
    return World(Projection(**data["projection"]),
                 tuple(Country(c["name"], c["a2"], c["a3"], c["path"]) for c in data["countries"]))


@lru_cache(maxsize=1)
def country_codes() -> dict[str, frozenset[str]]:
    """The ISO alpha-2 codes of the outlines each location name of the pipeline's stands for (case-folded):
    the gazetteer's own name for each code, so "Democratic Republic of Congo" and "United States" match,
    and a territory it counts for its state (Puerto Rico) is drawn with it."""
    gazetteer = tables_ontology().gazetteer
    codes: dict[str, set[str]] = defaultdict(set)
    for country in world().countries:
        if country.alpha2 and (name := gazetteer.country(country.alpha2)):
            codes[name.casefold()].add(country.alpha2)
    return {name: frozenset(found) for name, found in codes.items()}


def shade(level: int) -> str:
    return next(colour for limit, colour in SHADES if limit is None or level < limit)


def _legend() -> str:
    lows = [0] + [limit for limit, _ in SHADES[:-1]]
    labels = [f"under {SHADES[0][0]:,}"] + [
        f"{low:,}–{limit - 1:,}" if limit else f"{low:,} or more" for low, (limit, _) in zip(lows[1:], SHADES[1:])]
    keys = [f"<span class='key'><span class='swatch' style='background: {colour}'></span>{escape(label)}</span> "
            for (_, colour), label in zip(SHADES, labels)]
    return (f"<p class='legend'>Latest actual level: {''.join(keys)}<span class='key'><span class='swatch dot' "
            f"style='background: {PLACE_COLOUR}'></span>a place named with it</span></p>")


def _line(row: Answer) -> str:
    """ "United States · Iraq · 2,500 · as of 26 Jul 2021" """
    return f"{row.label} · {row.latest.figure} · as of {row.latest.when}"


def _located(documents: Iterable[DocumentFacts]) -> dict[tuple[str, str, str], TroopFigure]:
    """The figures the gazetteer locates, by what a latest level's sources say of them."""
    return {(facts.id, t.text, t.sentence): t for facts in documents for t in facts.troops
            if t.lat is not None and t.lon is not None}


def _places(rows: list[Answer], documents: Iterable[DocumentFacts]) -> dict[tuple[float, float], list[str]]:
    """Where the figures reporting a latest level were placed: (lat, lon) -> the lines its circle names."""
    located = _located(documents)
    places: dict[tuple[float, float], list[str]] = defaultdict(list)
    for row in rows:
        for source in row.latest.sources:
            found = located.get((source.document, source.text, source.sentence))
            if found is not None:
                line = f"{found.place or row.location} · {_line(row)}"
                if line not in places[found.lat, found.lon]:
                    places[found.lat, found.lon].append(line)
    return places


def world_map(found: Answers, documents: Iterable[DocumentFacts]) -> str:
    """The map of ``found``'s latest actual levels (``documents`` are those they were read from, for the
    places of their figures); empty when no level is in a country or at a known place."""
    rows = [row for row in found.rows if row.latest is not None]
    codes = country_codes()
    by_country: dict[str, list[Answer]] = defaultdict(list)
    for row in rows:
        for code in codes.get((row.location or "").casefold(), ()):
            by_country[code].append(row)
    places = _places(rows, documents)
    if not by_country and not places:
        return ""
    drawn = world()
    paths = []
    for country in drawn.countries:
        series = by_country.get(country.alpha2 or "")
        if not series:
            paths.append(f"<path d='{country.path}'/>")
            continue
        tip = "\n".join([country.name] + [_line(row) for row in series])
        paths.append(f"<path class='shaded' fill='{shade(max(row.latest.high for row in series))}' "
                     f"d='{country.path}'><title>{escape(tip)}</title></path>")
    project = drawn.projection
    circles = []
    for (lat, lon), lines in places.items():
        x, y = project(lon, lat)
        circles.append(f"<circle class='place' cx='{x}' cy='{y}' r='{PLACE_RADIUS}'>"
                       f"<title>{escape(chr(10).join(lines))}</title></circle>")
    width, height = project.size
    return (f"<figure class='map'><svg class='world' viewBox='0 0 {width} {height}' role='img' "
            f"aria-label='World map of the latest actual levels'><g fill='{LAND}' {OUTLINE}>"
            f"{''.join(paths)}</g><g fill='{PLACE_COLOUR}' {OUTLINE}>{''.join(circles)}</g>"
            f"</svg>{_legend()}</figure>")
