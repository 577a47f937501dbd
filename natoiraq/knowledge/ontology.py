"""Names to canonical actors and places: the force ontology and the location gazetteer.

Pure functions of the name as written (no parse), so they are table-tested on
their own. ``data/forces.json`` says whose a mission, service or organisation
is; :mod:`natoiraq.knowledge.geo` where a place is (``data/places.json`` and the
field's gazetteers); countries, their aliases and demonyms come from
``data/aliases.json``, the table the entity component reads.

The pipeline reads the names in an article with it, and :mod:`natoiraq.outputs.timeline`
an analyst's ``--force``/``--location`` names (:meth:`Ontology.named`), so the two agree.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from natoiraq.knowledge.geo import Gazetteer, Place, normalise

__all__ = ["Actor", "Ontology", "normalise"]


@dataclass(frozen=True)
class Actor:
    force: str | None
    mission: str | None = None
    theatre: str | None = None  # where a mission serves


@dataclass(frozen=True)
class Reading:
    """One actor an ambiguous name can stand for, and the countries whose mention makes it the one."""
    actor: Actor
    where: frozenset[str]


@dataclass(frozen=True)
class Ontology:
    actors: dict[str, Actor]  # normalised name -> actor
    gazetteer: Gazetteer  # where a place name is
    countries: frozenset[str]  # canonical country names
    demonyms: dict[str, str]
    service_words: frozenset[str]
    militant_groups: frozenset[str]  # canonical names whose fighters are no troop figure
    #: names as written, for a gazetteer to find what the statistical NER misses
    place_names: tuple[str, ...] = ()
    actor_names: tuple[str, ...] = ()
    demonym_names: tuple[str, ...] = ()
    #: names that stand for an actor only as written ("US", not the pronoun "us"): key -> the spellings
    cased: dict[str, frozenset[str]] = field(default_factory=dict)
    #: names that stand for several actors ("SDF"): key -> the readings, the default first
    ambiguous: dict[str, tuple[Reading, ...]] = field(default_factory=dict)
    #: private military companies: name -> (the state whose nationals they field, their personnel nouns)
    contractors: dict[str, tuple[str, frozenset[str]]] = field(default_factory=dict)
    #: how often the article read names each country (see :meth:`in_context`); empty outside an article
    context: Mapping[str, int] = field(default_factory=dict)
    #: organisations that field missions of many states' contingents (the UN, NATO, the African Union ...)
    fielding: frozenset[str] = frozenset()
    #: people news names without the state they act for (forces.json "people"): name or surname -> actor
    people: dict[str, Actor] = field(default_factory=dict)
    #: offices whose holder speaks for the state named with them (forces.json "offices")
    offices: frozenset[str] = frozenset()
    #: one-word names of a state's whole armed forces (forces.json "armed_forces": "Bundeswehr", "PLA")
    armed_forces: frozenset[str] = frozenset()
    #: where organisations sit (forces.json "seats"): the city as the gazetteer names it -> its organisations
    seats: dict[str, frozenset[str]] = field(default_factory=dict)
    #: parliaments' chambers, committees and offices (forces.json "parliaments"): the name as written -> its state
    parliaments: dict[str, str] = field(default_factory=dict)

    def theatre(self, mission: str | None) -> str | None:
        """Where a named mission serves ("UNIFIL" -> Lebanon)."""
        actor = self.actors.get(normalise(mission)) if mission else None
        return actor.theatre if actor is not None else None

    @classmethod
    def from_tables(cls, forces: dict, places: dict, aliases: dict) -> "Ontology":
        countries = {normalise(c): c for c in aliases.get("countries", [])}
        actors: dict[str, Actor] = {key: Actor(country) for key, country in countries.items()}
        for entry in aliases.get("actors", []):  # the entity component's actors, countries and groups alike
            for name in [entry["canonical"], *entry.get("aliases", []), *entry.get("cased", [])]:
                actors[normalise(name)] = Actor(entry["canonical"])
                if entry.get("label") == "GPE":
                    countries[normalise(name)] = entry["canonical"]
        for seat, country in aliases.get("government_seats", {}).items():
            actors.setdefault(normalise(seat), Actor(country))
        for canonical, names in forces["organisations"].items():
            for name in [canonical, *names]:
                actors[normalise(name)] = Actor(canonical)
        for mission, entry in forces["missions"].items():
            for name in [mission, *entry["aliases"]]:
                actors[normalise(name)] = Actor(entry["parent"], mission, entry.get("theatre"))
        parliaments = {name: state for state, names in forces.get("parliaments", {}).items() for name in names}
        for name, country in [*forces["services"].items(), *parliaments.items()]:
            actors[normalise(name)] = Actor(country)
        for group, names in forces["militant_groups"].items():
            for name in [group, *names]:
                actors[normalise(name)] = Actor(group)
        ambiguous = {normalise(name): tuple(Reading(actors.get(normalise(r["actor"]), Actor(r["actor"])),
                                                    frozenset(r["where"])) for r in readings)
                     for name, readings in forces["ambiguous"].items()}
        gazetteer = Gazetteer(places, countries, aliases.get("government_seats", {}))
        demonyms = {k.lower(): v for k, v in aliases.get("demonyms", {}).items()}
        place_names = tuple(aliases.get("countries", [])) + tuple(aliases.get("government_seats", {})) + tuple(
            n for names in places["regions"].values() for n in names) + tuple(
            n for names in places["within"].values() for n in names)
        actor_names = tuple(n for names in forces["organisations"].values() for n in names) + tuple(
            n for entry in forces["missions"].values() for n in entry["aliases"]) + tuple(forces["services"]) + tuple(
            parliaments) + tuple(
            n for names in forces["militant_groups"].values() for n in names) + tuple(forces["ambiguous"])
        return cls(actors, gazetteer, frozenset(countries.values()), demonyms, frozenset(forces["service_words"]),
                   frozenset(forces["militant_groups"]), place_names, actor_names, tuple(aliases.get("demonyms", {})),
                   _cased(aliases, (*place_names, *actor_names, *demonyms, *forces["organisations"],
                                    *forces["missions"], *places["regions"])), ambiguous,
                   {name: (entry["state"], frozenset(entry["personnel"]))
                    for name, entry in forces.get("contractors", {}).items()},
                   fielding=frozenset(e["parent"] for e in forces["missions"].values() if e["parent"])
                   - frozenset(countries.values()),
                   people={normalise(n): Actor(entry["actor"]) for name, entry in forces.get("people", {}).items()
                           for n in [name, *entry["aliases"]]},
                   offices=frozenset(forces.get("offices", ())),
                   armed_forces=frozenset(forces.get("armed_forces", ())),
                   seats={city: frozenset(o for o, c in forces.get("seats", {}).items() if city in c)
                          for cities in forces.get("seats", {}).values() for city in cities},
                   parliaments=parliaments)

    def in_context(self, names: Iterable[str]) -> "Ontology":
        """This ontology as it reads one article, whose entity ``names`` are given: an ambiguous name
        takes the reading whose countries the article names most ("SDF" beside Japan is Japan's)."""
        named = Counter(found for name in names if normalise(name) not in self.ambiguous  # not itself evidence
                        and (found := self.place(name) or self.demonym(normalise(name))) is not None)
        return replace(self, context=named)

    def named(self, name: str) -> set[str]:
        """The canonical force and place an analyst's name stands for, read as the pipeline reads a name
        in an article: "US", "Washington" and "the Pentagon" are the United States, "Irbil" is Iraq. A name
        the tables spell only in capitals stands for nothing in lower case ("us" is a pronoun)."""
        spellings = self.cased.get(normalise(name))
        if spellings is not None and name.strip() not in spellings:
            return set()
        actor = self.actor(name)
        return {found for found in (actor.force if actor else None, self.place(name)) if found}

    def actor(self, name: str) -> Actor | None:
        """Whose force a name stands for: "UNIFIL" -> United Nations (mission UNIFIL),
        "Canadian Armed Forces" -> Canada, "Rwandan government" -> Rwanda; None when it names no actor."""
        key = normalise(name)
        known = self._known(key)
        if known is not None:
            return known
        demonym = self.demonym(key)
        if demonym is not None:
            return Actor(demonym)
        capital = self.gazetteer.capital(name)  # "Yerevan says it has 5,000 soldiers": a capital acts for its state
        if capital is not None:
            return Actor(capital)
        # "the UN mission in Mali", "Canadian Armed Forces members", "Armed Forces of the Philippines": an actor
        # word plus service words; an abbreviation keyed without its last stop ("U.S. Marines" as "u.s").
        words = [w.rstrip(".") for w in key.replace("-", " ").split()]
        found = []
        for i, word in enumerate(words):
            for width in (3, 2, 1):
                head = " ".join(words[i: i + width])
                actor = self._known(head) or (Actor(self.demonym(head)) if self.demonym(head) else None)
                if actor is not None and actor.force is not None:
                    rest = words[:i] + words[i + width:]
                    if all(w in self.service_words or w in ("in", "for", "to", "on", "the") or w in self.gazetteer.named
                           for w in rest):
                        found.append((head, actor))
        # "the Ministry of Defence of Ukraine": a state named outright outranks an institution that stands for one
        states = [a for head, a in found if a.force in self.countries and (self.demonym(head) or self.place(head) == a.force)]
        return next(iter(states or [a for _, a in found]), None)

    def person(self, name: str) -> Actor | None:
        """Whom a person the tables know acts for: "Barack Obama", "Obama" -> the United States."""
        return self.people.get(normalise(name))

    def place(self, name: str) -> str | None:
        """The location a name stands for: "Okinawa" -> Japan, "the Baltics" -> Baltic states."""
        found = self.where(name)
        return found.location if found is not None else None

    def where(self, name: str) -> Place | None:
        """The place a name stands for, with its location and coordinates; an ambiguous country name
        read in context ("Congo" is the Democratic Republic unless the article names the other)."""
        key = normalise(name)
        if key in self.ambiguous:
            known = self._known(key)
            if known is not None and known.force in self.countries:
                return self.gazetteer.place(known.force)
        found = self.gazetteer.place(name)
        if found is None and " " in key:
            # "the Norwegian Arctic", "the Russian Arctic": a nationality's part of a wider region is its country's
            nationality, rest = key.split(" ", 1)
            country, region = self.demonym(nationality), self.gazetteer.place(rest)
            if country in self.countries and region is not None and region.location not in self.countries:
                return self.gazetteer.place(country)
        return found

    def flag(self, text: str) -> str | None:
        """The country a flag emoji stands for ("🇱🇻" -> Latvia)."""
        return self.gazetteer.flag(text)

    def _known(self, key: str) -> Actor | None:
        """The actor a table names by ``key``; an ambiguous name read in this ontology's context."""
        readings = self.ambiguous.get(key)
        if readings is None:
            return self.actors.get(key)
        # max() keeps the first of equals: with no country of any reading named, the default.
        return max(readings, key=lambda r: sum(self.context.get(country, 0) for country in r.where)).actor

    def demonym(self, key: str) -> str | None:
        """The country a nationality (a normalised key, singular or plural: "iraqis") stands for."""
        if key in self.demonyms:
            return self.demonyms[key]
        if key.endswith("s") and key[:-1] in self.demonyms:
            return self.demonyms[key[:-1]]  # "Iraqis"
        return None


def _cased(aliases: dict, any_case: tuple[str, ...]) -> dict[str, frozenset[str]]:
    """The actors' cased names ("US", "the US") whose key no name of any case shares ("UN" is also an
    organisation's name in forces.json, so "un" is the United Nations too)."""
    anywise = {normalise(n) for entry in aliases.get("actors", []) for n in [entry["canonical"], *entry.get("aliases", [])]}
    anywise |= {normalise(n) for n in any_case}
    spellings: dict[str, set[str]] = {}
    for entry in aliases.get("actors", []):
        for name in entry.get("cased", []):
            spellings.setdefault(normalise(name), set()).add(name)
    return {key: frozenset(names) for key, names in spellings.items() if key not in anywise}
