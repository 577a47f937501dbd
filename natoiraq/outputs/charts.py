"""The report's charts: each (force, location) series of the timeline as one inline SVG panel, small
multiples side by side, one colour per force. No scripts and nothing fetched: the page stays one file."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from html import escape

from natoiraq.outputs.timeline import ACTUAL, LEVEL, NO_LOCATION, Point, Series, Timeline, point_text, sources_text
from natoiraq.parsing.periods import readable

#: One colour per force across the panels; dark enough for lines and labels on white.
FORCE_COLOURS = ("#1f4e9c", "#b8262b", "#1d7a35", "#6b3fa0", "#b35900", "#6d4c41", "#ad1f7a", "#00727f")
#: A series is drawn on a log scale when its largest value is more than this many times its smallest.
LOG_SPAN = 100


def _point_title(series: Series, p: Point) -> str:
    return (f"{series.force} · {series.location or NO_LOCATION} · as of {readable(p.date)} ({p.date_source}) · "
            f"{point_text(p)} {p.kind}, {p.status} · {sources_text(p, shown=5)}")


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
        listed = "; ".join(f"{readable(p.date)} {point_text(p)} {p.kind if p.kind != LEVEL else p.status}"
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
