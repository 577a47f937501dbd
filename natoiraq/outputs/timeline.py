"""Troop levels over time: one series per (force, location).

Each figure sits at its ``as_of`` date (computed in the pipeline: a date in
its clause, a plan's target date, or the article's date). Levels are the
series; increases and decreases are shown beside them as changes. The same
figure reported by several articles for the same day is one point listing
its sources. Nothing is dropped silently: every figure left out is counted
under its reason, so the footer accounts for the whole input.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field, fields
from datetime import date

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.knowledge.lexicon import table
from natoiraq.outputs.citations import Source
from natoiraq.knowledge.ontology import Ontology
from natoiraq.outputs.display import bounds
from natoiraq.parsing.periods import first_day, readable

LEVEL, ACTUAL, PLANNED = "level", "actual", "planned"

#: Why a figure is not a point of its own, in the order the footer lists them.
NO_FORCE = "no force"
UNDATED = "undated article"
NO_DATE = "no date"
DUPLICATE = "duplicate"
OTHER_FORCE = "another force than asked"
OTHER_LOCATION = "another location than asked"
OTHER_STATUS = "another status than asked"
OUT_OF_RANGE = "outside --since/--until"
REASONS = (NO_FORCE, OTHER_FORCE, OTHER_LOCATION, UNDATED, NO_DATE, OTHER_STATUS, OUT_OF_RANGE, DUPLICATE)
#: Said of a series whose figures name no place.
NO_LOCATION = "location not stated"


@dataclass
class Point:
    force: str
    location: str | None
    date: str  # ISO value at its own granularity: "2015-06-23", "2014-12", "2011"
    date_source: str  # clause | target | reference (see as_of)
    low: int
    high: int
    qualifier: str
    kind: str  # level | increase | decrease
    status: str
    sources: list[Source] = field(default_factory=list)

    @property
    def day(self) -> date:
        return first_day(self.date)


@dataclass
class Series:
    force: str
    location: str | None
    points: list[Point]

    @property
    def label(self) -> str:
        return f"{self.force} · {self.location or NO_LOCATION}"

    @property
    def levels(self) -> list[Point]:
        return [p for p in self.points if p.kind == LEVEL]

    def latest_actual(self) -> Point | None:
        """The last actual level; of several that day, the largest (the others count parts of it)."""
        actual = [p for p in self.levels if p.status == ACTUAL]
        return max(actual, key=lambda p: (p.day, p.high)) if actual else None


@dataclass
class Timeline:
    series: list[Series]
    figures: int  # every troop figure read, shown or not
    left_out: Counter = field(default_factory=Counter)  # reason -> figures
    unknown_names: list[str] = field(default_factory=list)  # --force/--location names that matched nothing

    def footer(self) -> str:
        """One paragraph that accounts for every figure read."""
        levels = sum(len(s.levels) for s in self.series)
        changes = sum(len(s.points) for s in self.series) - levels
        shown = f"{_count(levels, 'level')} in {_count(len(self.series), 'series', 'series')}"
        if changes:
            shown += f", {_count(changes, 'change')} (increases, decreases) beside them"
        left = [f"{self.left_out[r]} {r}" for r in REASONS if self.left_out.get(r)]
        text = f"{_count(self.figures, 'troop figure')}: {shown}; " + (
            f"left out: {', '.join(left)}." if left else "nothing left out.")
        if self.left_out.get(DUPLICATE):
            text += " A duplicate is the same figure for the same day in another report: one point, its sources listed."
        if self.unknown_names:
            text += f" No figure matched {', '.join(repr(n) for n in self.unknown_names)}."
        return text

    def as_dict(self) -> dict:
        return {"series": [{"force": s.force, "location": s.location, "points": [asdict(p) for p in s.points]}
                           for s in self.series],
                "figures": self.figures, "left_out": {r: self.left_out[r] for r in REASONS if self.left_out.get(r)}}


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"


# -- names ---------------------------------------------------------------------------------


def canonical_names(name: str, ontology: Ontology | None = None) -> set[str]:
    """The canonical names (case-folded) an analyst's name may stand for, read by the ontology the pipeline
    reads articles with (:meth:`~natoiraq.knowledge.ontology.Ontology.named`): "US", "U.S." and "America"
    are the United States, "Nato" is NATO, "Baltics" the Baltic states, "Erbil" Iraq (where its figures
    are placed). A name the ontology does not know stands for itself."""
    ontology = ontology or tables_ontology()
    return {found.casefold() for found in ontology.named(name)} or {name.casefold()}


def tables_ontology() -> Ontology:
    """The ontology the pipeline reads articles with, from the project's tables."""
    return Ontology.from_tables(table("forces"), table("places"), table("aliases"))


def _names(wanted: Iterable[str], ontology: Ontology) -> dict[str, set[str]]:
    return {name: canonical_names(name, ontology) for name in wanted}


# -- building ------------------------------------------------------------------------------


def build(documents: Iterable[DocumentFacts], forces: Iterable[str] = (), locations: Iterable[str] = (),
          status: str | None = None, since: date | None = None, until: date | None = None) -> Timeline:
    """The series of ``documents``' troop figures, with every figure not shown counted under its reason.

    ``since``/``until`` are inclusive first and last days; a figure is kept when the first day of its
    date falls between them.
    """
    ontology = tables_ontology()
    force_names, location_names = _names(forces, ontology), _names(locations, ontology)
    left_out: Counter = Counter()
    merged: dict[tuple, Point] = {}
    figures = 0
    matched: set[str] = set()
    for facts in documents:
        for figure in facts.troops:
            figures += 1
            reason = _left_out(figure, facts, force_names, location_names, status, since, until, matched)
            if reason:
                left_out[reason] += 1
                continue
            point = _point(figure)
            source = Source.of(figure, facts)
            key = _same_figure(point)
            if key in merged:
                left_out[DUPLICATE] += 1
                merged[key].sources.append(source)
                continue
            point.sources.append(source)
            merged[key] = point
    unknown = [n for n in [*force_names, *location_names] if n not in matched]
    return Timeline(_series(merged.values()), figures, left_out, unknown)


def _left_out(figure: TroopFigure, facts: DocumentFacts, force_names, location_names, status, since, until,
              matched: set[str]) -> str | None:
    if not figure.force:
        return NO_FORCE
    # What was not asked for first, so that "no date" speaks of the series asked for.
    for names, value, reason in ((force_names, figure.force, OTHER_FORCE),
                                 (location_names, figure.location, OTHER_LOCATION)):
        hits = [name for name, canonical in names.items() if value and value.casefold() in canonical]
        matched.update(hits)
        if names and not hits:
            return reason
    if not figure.as_of:
        return NO_DATE if facts.reference_date.value else UNDATED
    try:
        day = first_day(figure.as_of["value"])
    except ValueError:
        return NO_DATE
    if status and figure.status != status:
        return OTHER_STATUS
    if (since and day < since) or (until and day > until):
        return OUT_OF_RANGE
    return None


def _point(figure: TroopFigure) -> Point:
    return Point(figure.force, figure.location, figure.as_of["value"], figure.as_of["source"], figure.low,
                 figure.high, figure.qualifier, figure.kind, figure.status)


def _same_figure(point: Point) -> tuple:
    """ "about 2,500" and "2,500" in two reports of one day are one figure; "more than 2,500" is another."""
    qualifier = "exact" if point.qualifier == "approximate" else point.qualifier
    return point.force, point.location, point.date, point.low, point.high, qualifier, point.kind, point.status


def _series(found: Iterable[Point]) -> list[Series]:
    grouped: dict[tuple, list[Point]] = defaultdict(list)
    for point in found:
        grouped[(point.force, point.location)].append(point)
    series = [Series(force, location, sorted(points, key=lambda p: (p.day, p.kind != LEVEL, p.status)))
              for (force, location), points in grouped.items()]
    largest_of_force: dict[str, int] = defaultdict(int)
    for s in series:
        largest_of_force[s.force] = max(largest_of_force[s.force], max(p.high for p in s.points))
    # A force's series together, the largest force first; within it, placed series before the unplaced.
    return sorted(series, key=lambda s: (-largest_of_force[s.force], s.force, s.location is None,
                                         -max(p.high for p in s.points), s.location or ""))


# -- for a person ----------------------------------------------------------------------------

BAR_WIDTH = 36
MARKS = {(LEVEL, ACTUAL): "●", (LEVEL, PLANNED): "○", ("increase", ACTUAL): "▲", ("increase", PLANNED): "△",
         ("decrease", ACTUAL): "▼", ("decrease", PLANNED): "▽"}
SIGNS = {"increase": "+", "decrease": "−"}
#: After a date: how it was found; a clause's own date goes unmarked.
DATE_MARKS = {"clause": "", "target": "→", "reference": "*"}
LEGEND = ("● actual level  ○ planned level  ▲△ increase  ▼▽ decrease  "
          "* the article's date, not its sentence's  → a plan's target date")


def point_text(point: Point) -> str:
    """ "~2,500"; a change with its sign after the qualifier: "~+600" (about 600 more), "≤−1,000"."""
    return bounds(point, SIGNS.get(point.kind, ""))


def sources_text(point: Point, shown: int = 2) -> str:
    """ "wire-02, wire-14 +1 more": a point's documents."""
    names = list(dict.fromkeys(s.document for s in point.sources))
    more = f" +{len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def print_timeline(timeline: Timeline, console=None, footer_console=None) -> None:
    """A table per series: each level with a bar, each change with its sign; the footer after them."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = console or Console()
    if not timeline.series:
        console.print("[dim]No troop figures with a force and a date.[/]")
    for series in timeline.series:
        top = max(p.high for p in series.points)
        table = Table(title=escape(series.label), title_justify="left", show_edge=False)
        for column in ("as of", "", "troops", "", "sources"):
            table.add_column(column)
        for p in series.points:
            if p.kind == LEVEL:
                bar = ("█" if p.status == ACTUAL else "░") * max(1, round(BAR_WIDTH * p.high / top))
            else:
                bar = f"[dim]{p.kind}[/]"
            table.add_row(f"{readable(p.date)}{DATE_MARKS[p.date_source]}", MARKS[(p.kind, p.status)],
                          point_text(p), bar, escape(sources_text(p)))
        console.print(table)
        console.print()
    if timeline.series:
        console.print(f"[dim]{LEGEND}[/]")
    (footer_console or console).print(timeline.footer(), highlight=False, markup=False)


class TimelineView:
    """``timeline``'s table view: :func:`print_timeline` on the command's console."""

    def __init__(self, console):
        self.console = console

    def write(self, timeline: Timeline) -> None:
        print_timeline(timeline, self.console)

    def close(self) -> None:
        pass


#: A timeline as CSV: one row per point, its sources' documents in the last column.
CSV_COLUMNS = tuple(f.name for f in fields(Point))


def csv_rows(timeline: Timeline) -> Iterable[list]:
    for series in timeline.series:
        for p in series.points:
            yield [*(getattr(p, name) for name in CSV_COLUMNS[:-1]), sources_text(p, shown=len(p.sources))]
