"""The terminal view: what an analyst reads first, article by article.

Per article a heading (title, id, reference date), then the troop figures, each
with its force, location, mission and as-of date and its sentence as evidence,
wrapped to the terminal; then the dates; then the main actors on one line.
``--show`` picks the sections, ``--summary`` prints one line per article. Only
borderless grids and full-width rules: nothing a narrow terminal can break.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from rich.console import Console, Group
from rich.markup import escape
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.outputs.display import as_of_text, bounds
from natoiraq.parsing.dates.spoken import spoken
from natoiraq.parsing.periods import readable

SECTIONS = ("troops", "sentences", "dates", "entities")
MAIN_ACTORS = 8  # canonical names on the actors line
LABEL_WIDTH = 7  # "Troops", "Dates", "Actors"
UNBOUNDED = 100_000  # columns to measure a table's natural width in

ORIGINS = {"option": "from --reference-date", "metadata": "from the record", "filename": "from the file name",
           "dateline": "from the dateline", "inferred": "inferred from the text"}

NO_REFERENCE = "no reference date: relative dates are left unresolved"
#: said in full once per run, then shortened to NO_REFERENCE
NO_REFERENCE_HINT = (f"{NO_REFERENCE}. Give one with --reference-date YYYY-MM-DD, a \"date\" field in JSON Lines, "
                     "or a date in the file name (2021-02-16-nato.txt).")


def parse_show(value: str | None) -> tuple[str, ...]:
    """``--show troops,dates`` as a tuple of known sections; ValueError names an unknown one."""
    if not value:
        return SECTIONS
    chosen = tuple(part.strip().lower() for part in value.split(",") if part.strip())
    unknown = [part for part in chosen if part not in SECTIONS]
    if unknown:
        raise ValueError(f"unknown section {unknown[0]!r}; choose from {', '.join(SECTIONS)}")
    return chosen


def main_actors(facts: DocumentFacts, limit: int = MAIN_ACTORS) -> tuple[list[tuple[str, int]], int]:
    """The most mentioned canonical names with their counts, and how many more there are."""
    counts = Counter(e.canonical for e in facts.entities)
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[:limit], max(0, len(ranked) - limit)


def _details(figure: TroopFigure) -> Text:
    """ "increase · planned · United States · in Iraq · mission KFOR · as of 2015-06 (clause) · says: NATO" """
    parts = [Text(figure.kind), Text(figure.status)]
    if figure.force:
        force = Text(figure.force, style="bold")
        if figure.force_source and figure.force_source != "phrase":
            force.append(f" (from the {figure.force_source})", style="dim")
        parts.append(force)
    else:
        parts.append(Text("force not stated", style="dim"))
    if figure.location:
        parts.append(Text(f"in {figure.location}"))
    if figure.mission:
        parts.append(Text(f"mission {figure.mission}"))
    if figure.as_of and figure.as_of.get("value"):
        parts.append(Text(f"as of {as_of_text(figure.as_of)}"))
    if figure.attribution is not None:
        parts.append(Text(f"says: {figure.attribution.speaker or figure.attribution.text}", style="italic"))
    return Text(" · ").join(parts)


def _evidence(sentence: str, figures: list[TroopFigure]) -> Text:
    """The sentence on one logical line (rich wraps it), its figures in bold."""
    flat = re.sub(r"\s+", " ", sentence).strip()
    text = Text(flat, style="dim")
    for figure in figures:
        at = flat.find(re.sub(r"\s+", " ", figure.text))
        if at >= 0:
            text.stylize("bold not dim", at, at + len(figure.text))
    return text


def _grid() -> Table:
    """A label ("Troops", "Dates", "Actors") and what it labels, folded to the terminal's width."""
    grid = Table.grid(padding=(0, 1), expand=False)
    grid.add_column(width=LABEL_WIDTH, no_wrap=True, style="bold cyan")
    grid.add_column(overflow="fold")
    return grid


class DocumentView:
    """The per-article view (``extract`` on a terminal), written as each article arrives."""

    def __init__(self, console: Console, show: tuple[str, ...] = SECTIONS, summary: bool = False):
        self.console = console
        self.show = show
        self.summary = summary
        self._summary_rows: list[tuple[str, ...]] = []
        self._hinted = False

    def write(self, facts: DocumentFacts) -> None:
        if self.summary:
            self._summary_row(facts)
        else:
            self._article(facts)

    def close(self) -> None:
        if self._summary_rows:
            print_whole(self.console, self._summary_table())

    def _article(self, facts: DocumentFacts) -> None:
        console = self.console
        console.rule(style="dim")
        console.print(Text(facts.title or facts.id, style="bold"))
        ref = facts.reference_date
        about = [facts.id] if facts.title else []
        if ref.value:
            about.append(f"reference date {ref.value} ({ORIGINS.get(ref.origin, ref.origin)})")
        if facts.duplicate_of and not (facts.troops or facts.dates or facts.entities):
            console.print(Text(f"{facts.id} · a copy of {facts.duplicate_of}: its facts are listed there", style="dim"))
            console.print()
            return
        if about:
            console.print(Text(" · ".join(about), style="dim"))
        if not ref.value:
            console.print(Text(NO_REFERENCE if self._hinted else NO_REFERENCE_HINT, style="yellow"))
            self._hinted = True
        if "troops" in self.show:
            console.print(self._troops(facts))
        if "dates" in self.show:
            dates = [Text(d.text) if d.text == d.value else Text.assemble(d.text, " (", (_shown(d), "green"), ")")
                     for d in _unique_dates(facts)]
            console.print(self._line("Dates", dates, "no dates"))
        if "entities" in self.show:
            actors, more = main_actors(facts)
            items = [Text.assemble(name, (f" ×{n}", "dim")) for name, n in actors]
            if more:
                items.append(Text(f"+{more} more", style="dim"))
            console.print(self._line("Actors", items, "no actors"))
        console.print()

    def _troops(self, facts: DocumentFacts):
        """One entry per figure: the number and what it counts, its attributes; under it, its sentence."""
        if not facts.troops:
            return self._line("Troops", [], "no troop figures")
        grid = _grid()
        figures = facts.troops
        for index, figure in enumerate(figures):
            headline = Text(bounds(figure), style="bold")
            if figure.unit:
                headline.append(f" {figure.unit}", style="bold")
            headline.append(" · ").append_text(_details(figure))
            entry = [headline]
            # figures from one sentence share it: it follows the last of them, every figure in bold
            following = figures[index + 1] if index + 1 < len(figures) else None
            if "sentences" in self.show and (following is None or following.sentence != figure.sentence):
                together = [f for f in figures if f.sentence == figure.sentence]
                entry.append(Padding(_evidence(figure.sentence, together), (0, 0, 0, 2)))
            grid.add_row("Troops" if index == 0 else "", Group(*entry))
        return grid

    def _line(self, label: str, items: list[Text], empty: str) -> Table:
        grid = _grid()
        grid.add_row(label, Text(" · ").join(items) if items else Text(empty, style="dim"))
        return grid

    def _summary_row(self, facts: DocumentFacts) -> None:
        largest = max(facts.troops, key=lambda t: t.high, default=None)
        actors, _ = main_actors(facts, 3)
        self._summary_rows.append((
            facts.id, facts.reference_date.value or "[yellow]none[/]", str(len(facts.troops)),
            escape(f"{bounds(largest)} {largest.force or ''}".strip()) if largest else "",
            escape(", ".join(name for name, _ in actors))))

    def _summary_table(self) -> Table:
        table = Table(box=None, padding=(0, 1), show_edge=False, header_style="bold")
        # on a terminal the actors give way first: the other columns keep what they need; a file gets it all
        widths = {"document": 26, "reference": 10, "troops": 6, "largest": 20}
        fits = self.console.is_terminal
        for name, width in widths.items():
            table.add_column(name, no_wrap=True, overflow="ellipsis", max_width=width if fits else None,
                             justify="right" if name == "troops" else "left")
        actors = self.console.width - sum(widths.values()) - 2 * len(widths) - 1
        table.add_column("actors", no_wrap=True, overflow="ellipsis", max_width=max(actors, 10) if fits else None)
        names = differing_parts([row[0] for row in self._summary_rows])
        for name, row in zip(names, self._summary_rows):
            table.add_row(escape(name), *row[1:])
        return table


def differing_parts(paths: list[str]) -> list[str]:
    """Documents' ids less the folder they all share: "corpus/2021/a.txt", "corpus/2022/b.txt" ->
    "2021/a.txt", "2022/b.txt" (the summary's column shows what tells the rows apart)."""
    folders = [path.rpartition("/")[0] for path in paths]
    if len(paths) < 2 or not all(folders):
        return paths
    shared = os.path.commonpath(folders) if len({f.startswith("/") for f in folders}) == 1 else ""
    return [path[len(shared) + 1:] if shared else path for path in paths]


def print_whole(console: Console, table: Table) -> None:
    """A table on a terminal fits the terminal; into a file or a pipe it has its natural width, cut nowhere."""
    if console.is_terminal:
        console.print(table)
        return
    from rich.measure import Measurement

    natural = Measurement.get(console, console.options.update_width(UNBOUNDED), table).maximum
    width = console.width
    console.width = max(natural, 1)  # print(width=) is capped at the console's width
    try:
        console.print(table)
    finally:
        console.width = width


def _shown(d) -> str:
    """A date's value, a duration, set or time as people write it ("three months", "every morning",
    "spring 2019")."""
    return spoken(d.value, d.kind, d.frequency) or (readable(d.value) if d.value else "?")


def _unique_dates(facts: DocumentFacts):
    seen = set()
    for d in facts.dates:
        if (d.text, d.value) not in seen:
            seen.add((d.text, d.value))
            yield d


def console_for(stream, color: str = "auto") -> Console:
    """A console on ``stream``: styled on a terminal unless NO_COLOR is set (rich honours it);
    ``always`` styles a pipe too (for ``less -R``), ``never`` styles nothing."""
    if color == "always":
        return Console(file=stream, force_terminal=True)
    if color == "never":
        return Console(file=stream, color_system=None, no_color=True)
    return Console(file=stream)


class RowsView:
    """Query results as one table, drawn when the last row is in."""

    def __init__(self, console: Console, columns: list[str]):
        self.console = console
        self.table = Table(*columns)

    def write(self, row: dict) -> None:
        self.table.add_row(*(Text("" if v is None else str(v)) for v in row.values()))

    def close(self) -> None:
        print_whole(self.console, self.table)
