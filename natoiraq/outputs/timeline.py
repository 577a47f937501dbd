"""Troop levels over time, per force.

Each level figure is placed at the date it refers to: the nearest resolved
date in its own sentence ("In 2007 there were about 170,000 U.S. troops"),
else the article's reference date. Changes (increases, decreases) are not
levels and stay out; planned and actual figures are kept apart.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from datetime import date

from natoiraq.facts import DateFact, DocumentFacts, TroopFigure
from natoiraq.parsing.dates import first_day


@dataclass
class Point:
    force: str
    date: str  # ISO value at its own granularity: "2015-06-23", "2014-12", "2011"
    date_source: str  # "sentence" (a date in the figure's sentence) or "reference" (the article's date)
    low: int
    high: int
    qualifier: str
    status: str
    text: str
    document: str
    sentence: str

    @property
    def sort_key(self) -> date:
        return sortable(self.date)


def sortable(value: str) -> date:
    """The first day an ISO value at any granularity covers, for ordering (unknown forms last)."""
    return first_day(value) or date.max


_CLAUSE_BREAK = re.compile(r"\band\b|\bbut\b|;|\bwhile\b|\bwhereas\b")


def _sentence_date(figure: TroopFigure, dates: list[DateFact]) -> DateFact | None:
    """The nearest date in the figure's own clause of its sentence.

    "In 2007, there were about 170,000 troops" dates the figure; "was formed in
    2014 and includes countries that provide 11,000 personnel" does not: a
    clause break ("and", "but", ";") between them means another event.
    """
    offset = figure.sentence.find(figure.text)
    if offset < 0:
        return None
    start = figure.start - offset
    end = start + len(figure.sentence)

    def same_clause(d: DateFact) -> bool:
        left, right = sorted((d.end - start, offset))
        return not _CLAUSE_BREAK.search(figure.sentence[left:right])

    inside = [d for d in dates if d.kind == "date" and d.value and start <= d.start and d.end <= end and same_clause(d)]
    return min(inside, key=lambda d: abs(d.start - figure.start), default=None)


def points(documents: Iterable[DocumentFacts]) -> list[Point]:
    """Every troop level with a force and a date, in time order."""
    found = []
    for facts in documents:
        for figure in facts.troops:
            if figure.kind != "level" or not figure.force:
                continue
            in_sentence = _sentence_date(figure, facts.dates)
            when, source = (in_sentence.value, "sentence") if in_sentence else (facts.reference_date.value, "reference")
            if not when:
                continue
            found.append(Point(figure.force, when, source, figure.low, figure.high, figure.qualifier, figure.status,
                               figure.text, facts.id, figure.sentence))
    return sorted(found, key=lambda p: (p.force, p.sort_key, p.status))


def by_force(found: list[Point]) -> dict[str, list[Point]]:
    grouped: dict[str, list[Point]] = defaultdict(list)
    for point in found:
        grouped[point.force].append(point)
    return dict(sorted(grouped.items(), key=lambda kv: -max(p.high for p in kv[1])))


def as_json(found: list[Point]) -> dict:
    return {"forces": {force: [asdict(p) for p in group] for force, group in by_force(found).items()}}
