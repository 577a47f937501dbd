"""The analyst's answer, one row per series (force · location): how many now, who says so, do they agree.

Built on the timeline (:mod:`natoiraq.outputs.timeline`), whose points already merge the same figure
reported for the same day and carry their sources. Per series:

- the latest **actual** level, its as-of period and every article reporting it;
- the latest **planned** level or ceiling (the plan reported last), and the last change (▲/▼);
- **agreement**: how many independent sources (outlets; an article whose outlet is unknown counts alone)
  report an actual level in the latest's period that the latest's qualifiers allow;
- **conflicts**: two actual levels of the series, from different articles, in the same period, that
  no reading of their qualifiers makes one ("about 1,000" and "1,200" agree; 5,200 and 2,500 do not);
- its **age**: days from the end of the latest level's period to today.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from natoiraq.facts import DocumentFacts
from natoiraq.outputs.citations import Source, cited
from natoiraq.outputs.timeline import ACTUAL, LEVEL, NO_LOCATION, PLANNED, Point, Series, Timeline, build, point_text
from natoiraq.parsing.periods import bounds, readable

#: "about 1,000" allows 800 to 1,200: a fifth either way, the spread of a reporter's round number.
APPROXIMATE_SPREAD = 0.2
#: Two periods no longer than a month each, this many days apart or fewer, are the same period: reports
#: of one deployment a few days apart speak of the same troops.
NEAR_DAYS = 7
SHORT_PERIOD_DAYS = 31


@dataclass
class Level:
    """A figure of a series at its period, with every article reporting it."""

    as_of: str  # the ISO value
    when: str  # the same as people write it ("spring 2019")
    as_of_start: str  # its first and last day, ISO: what sorts
    as_of_end: str
    figure: str  # "~2,500", "+600"
    low: int
    high: int
    qualifier: str
    kind: str  # level | increase | decrease
    status: str  # actual | planned
    sources: list[Source] = field(default_factory=list)

    @classmethod
    def of(cls, point: Point) -> "Level":
        start, end = bounds(point.date)
        return cls(point.date, readable(point.date), start.isoformat(), end.isoformat(), point_text(point),
                   point.low, point.high, point.qualifier, point.kind, point.status, list(point.sources))


@dataclass
class Conflict:
    """Two actual levels of one series and period that cannot both be right."""

    first: Level
    second: Level


@dataclass
class Answer:
    force: str
    location: str | None
    latest: Level | None  # None: the series has planned levels or changes only
    planned: Level | None
    change: Level | None
    agreement: int  # independent sources agreeing with the latest level in its period
    conflicts: list[Conflict]
    age_days: int | None  # days from the end of the latest level's period to today

    @property
    def label(self) -> str:
        return f"{self.force} · {self.location or NO_LOCATION}"


@dataclass
class Answers:
    rows: list[Answer]
    timeline: Timeline  # what they were built from, for its footer


def allowed(figure) -> tuple[float, float]:
    """The values a figure's qualifier allows: "about 1,000" 800–1,200, "more than 500" above 500."""
    qualifier = figure.qualifier
    if qualifier == "approximate":
        return figure.low * (1 - APPROXIMATE_SPREAD), figure.high * (1 + APPROXIMATE_SPREAD)
    if qualifier in ("more_than", "at_least"):
        return figure.low, math.inf
    if qualifier in ("less_than", "up_to"):
        return 0, figure.high
    return figure.low, figure.high


def agree(first, second) -> bool:
    """Whether two figures can both be right: the values their qualifiers allow overlap."""
    low_a, high_a = allowed(first)
    low_b, high_b = allowed(second)
    return low_a <= high_b and low_b <= high_a


def same_period(first: str, second: str) -> bool:
    """Whether two ISO as-of values speak of one period: the same value, or two short periods (a day, a
    week, a month) at most :data:`NEAR_DAYS` apart."""
    if first == second:
        return True
    (start_a, end_a), (start_b, end_b) = bounds(first), bounds(second)
    short = all((end - start).days < SHORT_PERIOD_DAYS for start, end in ((start_a, end_a), (start_b, end_b)))
    gap = max((start_b - end_a).days, (start_a - end_b).days, 0)
    return short and gap <= NEAR_DAYS


def independent(sources: Iterable[Source]) -> int:
    """How many independent sources: distinct outlets, and each article whose outlet is unknown."""
    return len({(s.outlet.casefold(), None) if s.outlet else (None, s.document) for s in sources})


def _documents(point: Point) -> set[str]:
    return {s.document for s in point.sources}


def conflicts(levels: list[Point]) -> list[Conflict]:
    """Pairs of actual levels that disagree in one period. Two figures of one article are not a conflict:
    an article giving 2,000 and 3,000 for a day counts parts (a base, the whole)."""
    found = []
    for index, first in enumerate(levels):
        for second in levels[index + 1:]:
            if (same_period(first.date, second.date) and not agree(first, second)
                    and not _documents(first) & _documents(second)):
                found.append(Conflict(Level.of(first), Level.of(second)))
    return found


def _latest_plan(points: list[Point]) -> Point | None:
    """The plan reported last (a later plan replaces an earlier one), then the later target."""
    plans = [p for p in points if p.kind == LEVEL and p.status == PLANNED]
    return max(plans, key=lambda p: (max(s.date or "" for s in p.sources), p.day), default=None)


def answer(series: Series, today: date) -> Answer:
    """The row of one series."""
    actual = [p for p in series.levels if p.status == ACTUAL]
    latest = series.latest_actual()
    changes = [p for p in series.points if p.kind != LEVEL]
    agreement, age = 0, None
    if latest is not None:
        agreeing = [s for p in actual if same_period(p.date, latest.date) and agree(p, latest) for s in p.sources]
        agreement = independent(agreeing)
        age = max(0, (today - bounds(latest.date)[1]).days)
    plan = _latest_plan(series.points)
    change = max(changes, key=lambda p: p.day) if changes else None
    return Answer(series.force, series.location, latest and Level.of(latest), plan and Level.of(plan),
                  change and Level.of(change), agreement, conflicts(actual), age)


def answers(documents: Iterable[DocumentFacts], forces: Iterable[str] = (), locations: Iterable[str] = (),
            since: date | None = None, until: date | None = None, today: date | None = None) -> Answers:
    """One :class:`Answer` per series of ``documents``' figures, filtered as ``timeline`` filters."""
    timeline = build(documents, forces=forces, locations=locations, since=since, until=until)
    today = today or date.today()
    return Answers([answer(series, today) for series in timeline.series], timeline)


def level_text(level: Level | None) -> str:
    """ "~2,500 (2021-07-26)", or "—"."""
    return f"{level.figure} ({level.when})" if level else "—"



# -- for a person and a spreadsheet ----------------------------------------------------------

AGE_UNITS = ((365, "y"), (30, "mo"), (1, "d"))


def age_text(days: int | None) -> str:
    """ "3y", "5mo", "12d": how stale the latest figure is, at a glance."""
    if days is None:
        return "—"
    size, unit = next((size, unit) for size, unit in AGE_UNITS if days >= size or size == 1)
    return f"{days // size}{unit}"


def change_text(level: Level | None) -> str:
    """ "▲ +4,000 (2017-08-22)": the last change with its direction."""
    if level is None:
        return "—"
    return f"{'▲' if level.kind == 'increase' else '▼'} {level_text(level)}" + (
        " planned" if level.status == PLANNED else "")


def conflict_lines(row: Answer) -> list[str]:
    """Each conflict of a series as a person reads it: both figures, both sources, both sentences."""
    lines = []
    for conflict in row.conflicts:
        sides = [f"{level.figure} ({level.when}) {cited(level.sources[0])}: “{level.sources[0].sentence.strip()}”"
                 for level in (conflict.first, conflict.second)]
        lines.append(f"{row.label}: " + "  ≠  ".join(sides))
    return lines


def reporters(level: Level) -> str:
    """ "Reuters, dailyberlin.example": who reports a level, each outlet once (an article without one by its id)."""
    return ", ".join(dict.fromkeys(s.outlet or s.document for s in level.sources))


class LatestView:
    """``latest``'s table: one row per series, drawn when the last is in, the conflicts (≠) under it."""

    def __init__(self, console):
        self.console = console
        self.rows: list[Answer] = []

    def write(self, row: Answer) -> None:
        self.rows.append(row)

    def close(self) -> None:
        from rich.markup import escape
        from rich.table import Table

        if not self.rows:
            self.console.print("[dim]No troop figures with a force and a date.[/]")
            return
        table = Table(show_edge=False)
        for column in ("series", "latest", "as of", "age", "reported by", "agree", "planned", "last change",
                       "≠"):  # the series, its level and date read whole; sources and plans wrap
            table.add_column(column, no_wrap=column in ("series", "latest", "as of"), overflow="fold")
        for row in self.rows:
            latest = row.latest
            table.add_row(escape(row.label), latest.figure if latest else "—",
                          escape(latest.when) if latest else "—",
                          age_text(row.age_days), escape(reporters(latest)) if latest else "",
                          str(row.agreement) if latest else "", escape(level_text(row.planned)),
                          escape(change_text(row.change)), str(len(row.conflicts)) if row.conflicts else "")
        self.console.print(table)
        lines = [line for row in self.rows for line in conflict_lines(row)]
        if lines:
            self.console.print("\n[bold]Conflicts[/] (two sources, one period, figures their qualifiers "
                               "cannot reconcile):")
            for line in lines:
                self.console.print(f"  {line}", markup=False, highlight=False)


CSV_COLUMNS = ("force", "location", "latest", "low", "high", "qualifier", "as_of", "as_of_start", "as_of_end",
               "age_days", "reported_by", "urls", "agreement", "planned", "planned_as_of", "change",
               "change_as_of", "conflicts")


def csv_rows(row: Answer) -> Iterable[list]:
    latest, plan, change = row.latest, row.planned, row.change
    sources = latest.sources if latest else []
    yield [row.force, row.location, latest and latest.figure, latest and latest.low, latest and latest.high,
           latest and latest.qualifier, latest and latest.as_of, latest and latest.as_of_start,
           latest and latest.as_of_end, row.age_days, "; ".join(cited(s) for s in sources),
           " ".join(s.url for s in sources if s.url), row.agreement, plan and plan.figure, plan and plan.as_of,
           change and change.figure, change and change.as_of, len(row.conflicts)]
