"""The facts natoiraq extracts: one schema, as dataclasses.

``DocumentFacts.to_dict()`` is the JSON object printed per article; every
writer (JSON Lines, table, CSV, SQLite) starts from these classes.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

from natoiraq import reference
from natoiraq.parsing.periods import iso_bounds
from natoiraq.reference import ReferenceDate  # the schema's reference_date: decided by natoiraq.reference


@dataclass
class Entity:
    text: str
    label: str
    start: int
    end: int
    canonical: str


@dataclass
class DateFact:
    text: str
    start: int
    end: int
    value: str | None
    granularity: str
    kind: str  # date | duration | set | time | reference (natoiraq.parsing.dates.KINDS)
    frequency: str | None = None  # a set's TimeML freq: "2X" for "twice a week"


@dataclass
class Attribution:
    """Who a figure's sentence or quote says it: "four diplomats told Reuters", "according to the Pentagon"."""

    text: str  # the source as written: the speaker and the reporting verb, or "according to ..."
    start: int
    end: int
    speaker: str | None  # an actor's canonical name, a role as written ("U.S. officials"), or None ("it was reported")


@dataclass
class TroopFigure:
    text: str
    start: int
    end: int
    value: int | None
    low: int
    high: int
    qualifier: str  # exact | approximate | more_than | less_than | up_to | at_least
    unit: str | None
    force: str | None
    kind: str  # level | increase | decrease
    status: str  # actual | planned
    sentence: str
    location: str | None = None  # where the personnel are or go; for a withdrawal, where they leave
    place: str | None = None  # the most specific place the text names for them ("Darwin"), else the location
    lat: float | None = None  # the place's latitude in degrees, where the gazetteer has it
    lon: float | None = None  # and its longitude
    mission: str | None = None  # the named mission or operation, as written canonically ("KFOR")
    force_source: str | None = None  # how the force was found: phrase | clause | context | article
    as_of: dict[str, str] | None = None  # {"value", "source": clause | target | reference, "start", "end": days}
    attribution: Attribution | None = None  # None: the text asserts the figure itself

    @classmethod
    def of(cls, record: dict[str, Any]) -> "TroopFigure":
        """A figure from its plain dict (a component's record, a line of JSON)."""
        attribution, as_of = record.get("attribution"), record.get("as_of")
        return cls(**{**record, "attribution": Attribution(**attribution) if attribution else None,
                      # the bounds to_dict adds are derived from the value: read back without them
                      "as_of": {"value": as_of["value"], "source": as_of["source"]} if as_of else None})

    def to_dict(self) -> dict[str, Any]:
        data = dict(vars(self))
        if self.as_of is not None:  # its first and last day, which sort whatever the value's granularity
            start, end = iso_bounds(self.as_of.get("value"))
            data["as_of"] = {**self.as_of, "start": start, "end": end}
        if self.attribution is not None:
            data["attribution"] = dict(vars(self.attribution))
        return data


@dataclass
class DocumentFacts:
    id: str
    source: str | None
    title: str | None
    reference_date: ReferenceDate
    entities: list[Entity] = field(default_factory=list)
    dates: list[DateFact] = field(default_factory=list)
    troops: list[TroopFigure] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    text: str | None = None  # the text the offsets index; output only when asked for (--include-text)
    duplicate_of: str | None = None  # the id of the earlier copy of this article in the same run

    def to_dict(self) -> dict[str, Any]:
        # The fact classes are flat: copying their fields is what asdict() does, minus its
        # recursive deep copies, which cost more than the JSON encoding on large runs.
        data = {
            "id": self.id, "source": self.source, "title": self.title,
            "reference_date": dict(vars(self.reference_date)),
            "entities": [dict(vars(e)) for e in self.entities],
            "dates": [dict(vars(d)) for d in self.dates],
            "troops": [t.to_dict() for t in self.troops],
            "meta": dict(self.meta),
        }
        for key in ("duplicate_of", "text"):  # absent rather than null: most documents have neither
            if getattr(self, key) is not None:
                data[key] = getattr(self, key)
        return data

    @classmethod
    def of_record(cls, record, reference_date: ReferenceDate = reference.NONE, **facts) -> "DocumentFacts":
        """The document of an article (a :class:`~natoiraq.reading.inputs.Record`): its id, source, title
        and meta (see :func:`record_meta`), with ``facts`` (``entities=``, ``dates=``, ``troops=``)."""
        return cls(id=record.id, source=record.source, title=record.title, reference_date=reference_date,
                   meta=record_meta(record), **facts)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> "DocumentFacts":
        return cls(
            id=data["id"], source=data.get("source"), title=data.get("title"),
            reference_date=ReferenceDate(**data["reference_date"]),
            entities=[Entity(**e) for e in data.get("entities", [])],
            dates=[DateFact(**d) for d in data.get("dates", [])],
            troops=[TroopFigure.of(t) for t in data.get("troops", [])],
            meta=data.get("meta", {}), text=data.get("text"), duplicate_of=data.get("duplicate_of"),
        )


def record_meta(record) -> dict[str, Any]:
    """A record's ``meta`` as its document carries it: with the record's url, unless the meta has one,
    and its outlet where anything names one (:func:`natoiraq.reading.outlets.outlet`)."""
    from natoiraq.reading.outlets import outlet

    meta = dict(record.meta)
    if record.url:
        meta.setdefault("url", record.url)
    found = outlet(meta, record.text)
    if found:
        meta.setdefault("outlet", found)
    return meta


def _only(cls, record: dict) -> dict:
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in record.items() if k in names}


#: spaCy labels that answer "who"; numbers and dates have their own facts.
WHO_LABELS = frozenset({"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"})


def build(kind: str, doc) -> Any:
    """The facts of one kind from a processed Doc (the getters behind ``doc._.natoiraq.troops`` etc.)."""
    if kind == "troops":
        return [TroopFigure.of(r) for r in doc._.natoiraq_troops or []]  # the troop component's records are these
    if kind == "dates":
        return [DateFact(**_only(DateFact, r)) for r in doc._.natoiraq_dates or []]
    if kind == "reference_date":
        return reference.of(doc)
    if kind == "entities":
        return [Entity(e.text, e.label_, e.start_char, e.end_char, e._.natoiraq_canonical or e.text)
                for e in doc.ents if e.label_ in WHO_LABELS]
    raise ValueError(kind)
