"""One self-contained HTML file to show a colleague: a summary of each series, the
timeline as small multiples (one inline SVG panel per force and location), and
every article with its facts highlighted and a table of its figures. No scripts,
no fonts or styles fetched from anywhere; it fits a 400 px phone screen.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.outputs.timeline import (ACTUAL, LEVEL, NO_LOCATION, Point, Series, Timeline, build, point_text,
                                       sources_text)
from natoiraq.outputs.writers import as_of_text, bounds

TROOPS, DATE = "TROOPS", "DATE"
#: Troop figures in a colour no spaCy label uses (spaCy's palette is pastel: this lime stands apart from all of it).
TROOPS_COLOUR = "#a3e635"
#: One colour per force across the panels; dark enough for lines and labels on white.
FORCE_COLOURS = ("#1f4e9c", "#b8262b", "#1d7a35", "#6b3fa0", "#b35900", "#6d4c41", "#ad1f7a", "#00727f")
#: A series is drawn on a log scale when its largest value is more than this many times its smallest.
LOG_SPAN = 100

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 1.5rem auto; max-width: 70rem;
       color: #222; padding: 0 .8rem; overflow-wrap: break-word; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: 1rem; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.d { white-space: nowrap; } td.src { overflow-wrap: anywhere; min-width: 6rem; }
@media (max-width: 30rem) { th, td { padding: .2rem .3rem; } }
.meta { color: #555; font-size: .85rem; } tr.planned td { font-style: italic; color: #555; }
.panels { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 21rem), 1fr)); gap: 1rem; }
figure.panel { margin: 0; border: 1px solid #e4e4e4; border-radius: 4px; padding: .4rem; min-width: 0; }
figure.panel figcaption { font-weight: 600; font-size: .95rem; }
figure.panel figcaption .scale { font-weight: 400; color: #666; font-size: .8rem; margin-left: .5rem; }
figure.panel p { margin: .2rem 0 0; font-size: .8rem; color: #444; }
figure.panel svg { width: 100%; height: auto; display: block; }
svg text { font: 11px system-ui, sans-serif; fill: #333; } svg text.value { font-weight: 600; }
svg text.planned { font-style: italic; }
.legend { font-size: .85rem; color: #444; }
.article { white-space: pre-wrap; line-height: 2.2; }
mark.entity { padding: .2em .35em; margin: 0 .15em; border-radius: .35em; line-height: 1; }
mark.entity span { font-size: .7em; font-weight: 700; margin-left: .4rem; vertical-align: middle; text-transform: uppercase; }
"""


def _colours() -> dict[str, str]:
    from spacy.displacy.render import DEFAULT_LABEL_COLORS

    return {**DEFAULT_LABEL_COLORS, TROOPS: TROOPS_COLOUR}


def _troop_title(t: TroopFigure) -> str:
    return (f"{t.force or 'force not stated'} · {t.location or NO_LOCATION} · as of {as_of_text(t.as_of)} · "
            f"{t.kind}, {t.status}")


def _spans(text_length: int, facts: DocumentFacts) -> list[dict]:
    """Marks: troop figures first, then dates, then entities; overlaps keep the first."""
    taken: list[tuple[int, int]] = []
    chosen = []
    candidates = [(t.start, t.end, TROOPS, _troop_title(t)) for t in facts.troops] \
        + [(d.start, d.end, DATE, f"{d.value or 'unresolved'} ({d.granularity})") for d in facts.dates] \
        + [(e.start, e.end, e.label, e.canonical) for e in facts.entities]
    for start, end, label, title in candidates:
        if 0 <= start < end <= text_length and not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            chosen.append({"start": start, "end": end, "label": label, "title": title})
    return sorted(chosen, key=lambda span: span["start"])


def highlighted(text: str, facts: DocumentFacts) -> str:
    """The article as written, each fact a <mark> with its label; hovering a mark shows what it resolved to."""
    colours = _colours()
    parts, position = [], 0
    for span in _spans(len(text), facts):
        parts.append(escape(text[position:span["start"]]))
        colour = colours.get(span["label"], "#ddd")
        parts.append(f"<mark class='entity' style='background: {colour}' title='{escape(span['title'], quote=True)}'>"
                     f"{escape(text[span['start']:span['end']])}<span>{escape(span['label'])}</span></mark>")
        position = span["end"]
    parts.append(escape(text[position:]))
    return "".join(parts)


def _link(url: str | None) -> str:
    """An article's url as a link; only web addresses (a "javascript:" url stays text)."""
    if not url:
        return ""
    if url.startswith(("https://", "http://")):
        return f"<a href='{escape(url, quote=True)}'>{escape(url)}</a>"
    return escape(url)


def _table(head: Iterable[str], rows: list[str]) -> str:
    return (f"<div class='scroll'><table><tr>{''.join(f'<th>{h}</th>' for h in head)}</tr>{''.join(rows)}"
            f"</table></div>")


def _figures_table(facts: DocumentFacts) -> str:
    if not facts.troops:
        return "<p class='meta'>No troop figures.</p>"
    rows = [f"<tr class='{escape(t.status)}'><td>{escape(t.text)}</td>"
            f"<td class='n'>{bounds(t)}</td><td>{escape(t.force or '—')}</td>"
            f"<td>{escape(t.location or '—')}</td><td>{escape(as_of_text(t.as_of))}</td><td>{escape(t.unit or '—')}</td>"
            f"<td>{escape(t.kind)}</td><td>{escape(t.status)}</td></tr>" for t in facts.troops]
    return _table(("figure", "bounds", "force", "location", "as of", "unit", "kind", "status"), rows)


def _point_title(series: Series, p: Point) -> str:
    return (f"{series.force} · {series.location or NO_LOCATION} · as of {p.date} ({p.date_source}) · "
            f"{point_text(p)} {p.kind}, {p.status} · {sources_text(p, shown=5)}")


def summary_table(timeline: Timeline, urls: dict[str, str]) -> str:
    """Per series: the latest actual level, its date and its source."""
    if not timeline.series:
        return "<p class='meta'>No troop figures with a force and a date.</p>"
    rows = []
    for series in timeline.series:
        latest = series.latest_actual()
        if latest is None:
            cells = "<td class='n'>—</td><td>—</td><td class='meta src'>planned figures or changes only</td>"
        else:
            source = latest.sources[0]
            link = source.url or urls.get(source.document)
            name = (f"<a href='{escape(link, quote=True)}'>{escape(source.document)}</a>"
                    if link and link.startswith(("https://", "http://")) else escape(source.document))
            more = f" +{len(latest.sources) - 1}" if len(latest.sources) > 1 else ""
            cells = (f"<td class='n'>{point_text(latest)}</td><td class='d'>{escape(latest.date)}</td>"
                     f"<td class='src'>{name}{more}</td>")
        rows.append(f"<tr><td>{escape(series.label)}</td>{cells}</tr>")
    return _table(("series", "latest level", "as of", "source"), rows)


@dataclass
class _Frame:
    """A panel's drawing area and its scales."""
    width: int = 360
    height: int = 210
    left: int = 46
    right: int = 14
    top: int = 18
    bottom: int = 48  # room for the year axis and the strip of changes

    def x(self, day: int, first: int, last: int) -> float:
        return self.left + (day - first) / max(1, last - first) * (self.width - self.left - self.right)


def _ticks_linear(top: int) -> list[int]:
    """0 and at most five round steps (1, 2 or 5 times a power of ten) up to ``top``."""
    power = 10 ** max(0, int(math.log10(max(1, top))) - 1)
    step = next(power * m for m in (1, 2, 5, 10, 20, 50) if top / (power * m) <= 5)
    return list(range(0, top + 1, step))


def _compact(value: int) -> str:
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1000:
        return f"{value / 1000:g}k"
    return str(value)


class _Labels:
    """Places text labels where they overprint neither each other nor the panel's edges."""

    CHAR_WIDTH, HEIGHT = 7, 11  # 11 px bold digits, generously

    def __init__(self, frame: _Frame):
        self.frame = frame
        self.boxes: list[tuple[float, float, float, float]] = []

    def block(self, left: float, top: float, right: float, bottom: float) -> None:
        """Keep labels off this box (an axis label, a point)."""
        self.boxes.append((left, top, right, bottom))

    def place(self, x: float, ys: Iterable[float], text: str) -> tuple[float, float, str] | None:
        """(x, y, anchor) of the first free spot among ``ys``, or None when every one is taken."""
        width = len(text) * self.CHAR_WIDTH
        for y in ys:
            for anchor, left in (("middle", x - width / 2), ("start", x - 3), ("end", x + 3 - width)):
                box = (left, y - self.HEIGHT + 2, left + width, y + 2)
                inside = self.frame.left - 4 <= box[0] and box[2] <= self.frame.width - 2 and box[1] >= 0 \
                    and box[3] <= self.frame.height
                if inside and not any(box[0] < b[2] and b[0] < box[2] and box[1] < b[3] and b[1] < box[3]
                                      for b in self.boxes):
                    self.boxes.append(box)
                    return x if anchor == "middle" else x - 3 if anchor == "start" else x + 3, y, anchor
        return None


def panel(series: Series, colour: str) -> str:
    """One series as a captioned chart: levels over time with their values written, actual solid and planned
    hollow and dashed, changes as signed triangles in a strip below; a log scale when the values span more
    than two orders of magnitude. A value with no room on the chart is listed under it."""
    frame = _Frame()
    levels, changes = series.levels, [p for p in series.points if p.kind != LEVEL]
    days = [p.day.toordinal() for p in series.points]
    first, last = min(days), max(days)
    if last - first < 60:  # one date: give it room on both sides
        # Half a year either side, within the calendar Python can draw (years 1 to 9999).
        first, last = max(first - 180, date.min.toordinal()), min(last + 180, date.max.toordinal())
    low = min((p.low for p in levels), default=1)
    high = max((p.high for p in levels), default=1)
    log = high > LOG_SPAN * max(1, low)
    plot_bottom = frame.height - frame.bottom
    if log:
        floor, ceiling = math.floor(math.log10(max(1, low))), math.log10(high) + 0.15
        ticks = [10 ** e for e in range(floor, math.floor(ceiling) + 1)]

        def y(value: int) -> float:
            share = (math.log10(max(1, value)) - floor) / max(0.1, ceiling - floor)
            return plot_bottom - share * (plot_bottom - frame.top)
    else:
        ticks = _ticks_linear(high)
        ceiling = max(high * 1.12, ticks[-1], 1)

        def y(value: int) -> float:
            return plot_bottom - value / ceiling * (plot_bottom - frame.top)

    def x(point: Point) -> float:
        return frame.x(point.day.toordinal(), first, last)

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {frame.width} {frame.height}' role='img' "
             f"aria-label='{escape(series.label, quote=True)}: troop levels over time'>"]
    labels = _Labels(frame)
    for tick in ticks:
        parts.append(f"<line x1='{frame.left}' x2='{frame.width - frame.right}' y1='{y(tick):.1f}' y2='{y(tick):.1f}' "
                     f"stroke='#eee'/><text x='{frame.left - 5}' y='{y(tick) + 4:.1f}' text-anchor='end'>"
                     f"{_compact(tick)}</text>")
    first_year, last_year = date.fromordinal(first).year, date.fromordinal(last).year
    step = max(1, math.ceil((last_year - first_year + 1) / 5))
    for year in range(first_year, min(last_year + 2, date.max.year + 1), step):
        day = date(year, 1, 1).toordinal()
        if first <= day <= last:
            xx = frame.x(day, first, last)
            parts.append(f"<line x1='{xx:.1f}' x2='{xx:.1f}' y1='{frame.top}' y2='{plot_bottom}' stroke='#f2f2f2'/>"
                         f"<text x='{xx:.1f}' y='{plot_bottom + 14}' text-anchor='middle'>{year}</text>")
            labels.block(xx - 14, plot_bottom + 3, xx + 14, plot_bottom + 16)
    for status, dash in ((ACTUAL, ""), ("planned", " stroke-dasharray='4 3'")):
        line = [p for p in levels if p.status == status]
        # A line joins one date to the next; figures of the same date are different counts, not a change.
        steps = [f"M{x(a):.1f},{y(a.high):.1f} L{x(b):.1f},{y(b.high):.1f}" for a, b in zip(line, line[1:])
                 if a.date != b.date]
        if steps:
            parts.append(f"<path d='{' '.join(steps)}' fill='none' stroke='{colour}' stroke-width='1.6'{dash}/>")
    unlabelled = []
    for p in levels:
        xx, yy = x(p), y(p.high)
        labels.block(xx - 4, yy - 4, xx + 4, yy + 4)
        fill = colour if p.status == ACTUAL else "white"
        parts.append(f"<circle cx='{xx:.1f}' cy='{yy:.1f}' r='4' fill='{fill}' stroke='{colour}' stroke-width='1.6'>"
                     f"<title>{escape(_point_title(series, p))}</title></circle>")
    for p in levels:  # after every point, so that a label's room is judged against all of them
        spot = labels.place(x(p), (y(p.high) - 7, y(p.high) + 15, y(p.high) - 18, y(p.high) + 26), point_text(p))
        if spot is None:
            unlabelled.append(p)
            continue
        style = "value" if p.status == ACTUAL else "value planned"
        parts.append(f"<text class='{style}' x='{spot[0]:.1f}' y='{spot[1]:.1f}' text-anchor='{spot[2]}'>"
                     f"{escape(point_text(p))}</text>")
    for p in changes:
        glyph = "▲" if p.kind == "increase" else "▼"
        spot = labels.place(x(p), (frame.height - 14, frame.height - 2), glyph + point_text(p))
        if spot is None:
            unlabelled.append(p)
            continue
        style = "change" if p.status == ACTUAL else "change planned"
        parts.append(f"<text class='{style}' x='{spot[0]:.1f}' y='{spot[1]:.1f}' text-anchor='{spot[2]}' "
                     f"fill='{colour}'>{glyph}{escape(point_text(p))}<title>{escape(_point_title(series, p))}"
                     f"</title></text>")
    parts.append("</svg>")
    scale = "<span class='scale'>log scale</span>" if log else ""
    rest = ""
    if unlabelled:
        listed = "; ".join(f"{p.date} {point_text(p)} {p.kind if p.kind != LEVEL else p.status}"
                           for p in sorted(unlabelled, key=lambda p: p.day))
        rest = f"<p>Not labelled for lack of room: {escape(listed)}.</p>"
    return f"<figure class='panel'><figcaption>{escape(series.label)}{scale}</figcaption>{''.join(parts)}{rest}</figure>"


def panels(timeline: Timeline) -> str:
    """Small multiples: one panel per (force, location) series, one colour per force."""
    if not timeline.series:
        return "<p class='meta'>No troop figures with a force and a date.</p>"
    forces = list(dict.fromkeys(s.force for s in timeline.series))
    figures = [panel(s, FORCE_COLOURS[forces.index(s.force) % len(FORCE_COLOURS)]) for s in timeline.series]
    legend = ("<p class='legend'>● actual level (solid line) · ○ planned level (hollow, dashed, italic) · "
              "▲ increase · ▼ decrease (in the strip under each chart) · a panel whose values span more than "
              "two orders of magnitude is on a log scale</p>")
    return f"{legend}<div class='panels'>{''.join(figures)}</div>"


def render(articles: Iterable[tuple[str, DocumentFacts]], title: str = "natoiraq report") -> str:
    """The whole page for (article text, facts) pairs."""
    articles = list(articles)
    timeline = build(facts for _, facts in articles)
    urls = {facts.id: facts.meta["url"] for _, facts in articles if isinstance(facts.meta.get("url"), str)}
    body = [f"<h1>{escape(title)}</h1>",
            f"<p class='meta'>{len(articles)} articles · {sum(len(f.troops) for _, f in articles)} troop figures · "
            f"{sum(len(f.dates) for _, f in articles)} dates · {sum(len(f.entities) for _, f in articles)} entities</p>",
            "<h2 id='summary'>Latest levels</h2>", summary_table(timeline, urls),
            "<h2 id='timeline'>Troop levels over time</h2>", panels(timeline),
            f"<p class='meta'>{escape(timeline.footer())}</p>"]
    for number, (text, facts) in enumerate(articles, start=1):
        ref = facts.reference_date
        url = facts.meta.get("url") if isinstance(facts.meta.get("url"), str) else None
        body.append(f"<h2 id='article-{number}'>{escape(facts.title or facts.id)}</h2>")
        body.append(f"<p class='meta'>{escape(facts.id)} · reference date "
                    f"{escape(ref.value or 'none')}{f' ({escape(ref.origin)})' if ref.origin else ''}"
                    f"{f' · {_link(url)}' if url else ''}</p>")
        body.append(_figures_table(facts))
        body.append(f"<div class='article'>{highlighted(text, facts)}</div>")
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")
