"""Where a place name is: the field's gazetteers, and the little they lack.

Countries, their ISO 3166 codes and subdivisions, cities and US states come from
:mod:`.geonames` (pycountry and GeoNames). ``data/places.json`` adds only what
those lack or misplace: seas and regions that no one country holds ("Gulf of
Aden", "Sahel"), bases and places that stand for a country ("Camp Lemonnier",
"Darfur"), which ISO codes the project names differently, territories held by
a state, and names that are English words before they are towns ("March",
"Mission").

A name from the packages counts only as written with a capital ("Darwin", not
"darwin"), and a code only in capitals ("USA"); the tables' own names match in
any case.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

from natoiraq.knowledge import geonames
from natoiraq.knowledge.geonames import CODE, COUNTRY, LOWER_SUBDIVISION
from natoiraq.knowledge.spelling import bare, capitalised, key, normalise

__all__ = ["Gazetteer", "NameWords", "PLACE_KINDS", "Place", "normalise"]

#: Words naming the kind of a place after its name ("Helmand province"): closed, and spelled once.
PLACE_KINDS = frozenset({"prefecture", "province", "region", "state", "island", "islands", "governorate",
                         "district", "city", "county", "oblast", "territory", "peninsula", "area"})
#: Words naming a facility after the place it stands at ("Incirlik Air Base"): closed, and spelled once.
#: Not barracks: they are named after people ("Robertson Barracks" is in Darwin, not Robertson, South Africa).
FACILITY_KINDS = frozenset({"base", "air base", "airbase", "air field", "airfield", "airport", "naval base",
                            "garrison", "army base", "military base", "air force base", "air station",
                            "naval station", "naval facility", "training area", "training ground", "port",
                            "international airport"})
#: Words opening a facility's name before the town it stands at ("Naval Station Rota", "Camp Taji", "RAF
#: Lakenheath"). Through them only a town or province counts: "Camp Holland" is no camp in the Netherlands.
#: A forward operating base is named after a person or a place elsewhere ("FOB Salerno" is in Afghanistan).
FACILITY_OPENINGS = frozenset({"naval station", "naval air station", "naval support activity", "air base",
                               "joint base", "raf", "camp"})
_FACILITY_WORDS = 3  # the most words of a facility's kind or opening
_SHORTEST = 3  # GeoNames has towns named "Un" and "Ho"; news does not place troops there by two letters
_ACRONYM_LENGTH = 5  # "UN", "NATO", "ECOWAS": a word this short in capitals is an acronym
_REMEMBERED = 50_000  # names whose answer a process keeps
_FLAG_BASE = 0x1F1E6  # regional indicator A: a flag emoji is two of them, the ISO country code


@dataclass(frozen=True)
class Place:
    name: str  # as the gazetteer writes it: "Darwin", "Gulf of Aden", "Iraq"
    location: str  # its country, or the region itself where no one country is meant
    lat: float | None = None
    lon: float | None = None
    tabled: bool = False  # named in the project's tables: a country, seat or alias that may act for its state


@dataclass(frozen=True)
class NameWords:
    """Words that make a name a place's, whatever it is called: a facility's last word ("Ben Gurion
    Airport", "Al Udeid Air Base"), a place's first ("Tel Rumeida", "Camp Arifjan"), from ``data/places.json``."""
    last: dict[tuple[str, ...], str]  # the closing words, in lower case -> the label the name takes
    first: dict[str, str]  # the opening word, in lower case -> the label

    @classmethod
    def from_table(cls, words: dict) -> "NameWords":
        return cls({tuple(phrase.lower().split()): label for phrase, label in words["last"].items()},
                   {word.lower(): label for word, label in words["first"].items()})

    def label(self, name: str) -> str | None:
        """The spaCy label of a name shaped as a place's ("FAC" for "Ben Gurion Airport"); None for any
        other name. A name needs a word besides these: "the Airport" or "Camp" alone names nothing."""
        words = [word.lower() for word in bare(name).split()]
        for closing, label in self.last.items():
            if len(words) > len(closing) and tuple(words[-len(closing):]) == closing:
                return label
        return self.first.get(words[0]) if len(words) > 1 else None


def _compass(word: str) -> bool:
    """Is a word a direction ("north", "Northeastern", "south-west")?"""
    return word.lower().rstrip("ern").endswith(("north", "south", "east", "west"))


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
        self.members = {region: frozenset(canonical.get(normalise(c), c) for c in countries_held)
                        for region, countries_held in places.get("members", {}).items()}
        self._known: dict[str, Place | None] = {}  # the answers so far: news repeats its names

    def place(self, name: str) -> Place | None:
        """The place a name stands for: "Okinawa" -> Okinawa in Japan, "the Baltics" -> Baltic states,
        "northeastern Syria" -> Syria, "Helmand province" -> Helmand in Afghanistan; None if unknown."""
        if name in self._known:
            return self._known[name]
        if len(self._known) >= _REMEMBERED:
            self._known.clear()  # bounded: a long run's new names never grow it past this
        found = self._known[name] = self._place(name)
        return found

    def _place(self, name: str) -> Place | None:
        text = bare(name)  # as written: the packages' names count only capitalised
        found = self._exact(text)
        if found is not None:
            return found
        words = text.split()
        # "northeastern Syria", "southern Lebanon": a compass word before a known place; "Syria's northeast"
        if len(words) > 1 and _compass(words[0]):
            return self._place(" ".join(words[1:]))
        if len(words) > 1 and _compass(words[-1]) and normalise(words[-2]) != words[-2].lower():
            return self._place(" ".join(words[:-1]))
        # "Okinawa Prefecture", "Helmand province", "Soum province": a known place and its kind.
        if len(words) > 1 and words[-1].lower() in PLACE_KINDS \
                and (found := self._exact(" ".join(words[:-1]), lower=True)) is not None:
            return found
        # "the Kurdistan Region of Iraq", "the border region of Chad": a region, or else the place it is of
        head, of, tail = text.rpartition(" of ")
        if of and head.split()[-1].lower() in PLACE_KINDS:
            return self._place(head) or self._exact(tail)
        # "Hmeimim air base", "Kabul airport", "Naval Station Rota": a facility named by the known place it
        # stands at, which no base acts for
        lowered = [word.lower() for word in words]
        for size in range(_FACILITY_WORDS, 0, -1):
            if len(words) > size and " ".join(lowered[-size:]) in FACILITY_KINDS:
                place = self._exact(" ".join(words[:-size]))
                return replace(place, tabled=False) if place is not None else None
            if len(words) > size and " ".join(lowered[:size]) in FACILITY_OPENINGS:
                place = self._exact(" ".join(words[size:]))
                return replace(place, tabled=False) if place is not None and place.name != place.location else None
        return None

    def capital(self, name: str) -> str | None:
        """The state whose capital a name is ("Yerevan" -> Armenia): a state the project names, whose capital
        the name is first ("Victoria" is Canada's city before the Seychelles' capital; a territory's is no state's)."""
        states = [c for code in (geonames.capitals(key(name)) if name[:1].isupper() else ())
                  if (c := self.country(code)) is not None and normalise(c) in self.country_names]
        if not states:
            return None
        country = states[0]
        place = self.place(name)
        return country if place is None or place.location == country else None

    def region_of(self, locations: set[str]) -> Place | None:
        """The smallest region that holds all these countries ("Mali", "Niger", "Chad" -> Sahel), if one does."""
        holding = [r for r, held in self.members.items() if locations <= held]
        return self._exact(min(holding, key=lambda r: len(self.members[r]))) if holding else None

    def country(self, code: str) -> str | None:
        """The project's name of the country an ISO 3166 alpha-2 code stands for ("LV" -> Latvia)."""
        code = code.upper()
        if code in self.codes or code in self.held_by:
            return self.codes.get(code) or self.held_by[code]
        country = geonames.country_name(code)
        if country is None:
            return None
        return self.country_names.get(key(country), country)

    def neighbours(self, country: str) -> frozenset[str]:
        """The countries that share a land border with this one, by the project's names ("Poland" -> Belarus,
        Ukraine, Russia ...)."""
        return self._neighbours.get(country, frozenset())

    @cached_property
    def _neighbours(self) -> dict[str, frozenset[str]]:
        # a state's territories are its ground: Puerto Rico's code is the United States', so are its neighbours
        named = {code: self.country(code) for code in geonames.neighbours()}
        around: dict[str, set[str]] = {}
        for code, codes in geonames.neighbours().items():
            if named[code]:
                around.setdefault(named[code], set()).update(named.get(n) or n for n in codes)
        return {country: frozenset(others - {country}) for country, others in around.items()}

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
        if k in self.not_places or not capitalised(text):
            return None  # the packages' names count only as names: "Darwin", never "darwin"
        entry = geonames.entry(k) or geonames.spelled(k)  # "Falluja", "Nassiriya": a known place spelled otherwise
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
        entry = geonames.entry(k)
        if entry is not None and entry.rank not in (COUNTRY, CODE) and self.country(entry.code) == location:
            return entry.lat, entry.lon
        return None, None
