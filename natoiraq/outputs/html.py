"""One self-contained HTML file to show a colleague: every article with its facts
highlighted (displaCy), a table of the figures, and the timeline as an inline
SVG chart. No scripts, no fonts or styles fetched from anywhere.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from html import escape

from natoiraq.facts import DocumentFacts
from natoiraq.outputs.timeline import Point, by_force, points, sortable

TROOPS, DATE = "TROOPS", "DATE"
COLORS = {TROOPS: "#ff9f68", DATE: "#bfe1d9", "ORG": "#7aecec", "GPE": "#feca74", "NORP": "#c887fb",
          "PERSON": "#aa9cfc", "LOC": "#ff9561", "FAC": "#ddd", "EVENT": "#ffeb80"}
SERIES = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2", "#17becf")

STYLE = """
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 70rem;
       color: #222; padding: 0 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.2rem; margin-top: 2.5rem; border-top: 1px solid #ddd; padding-top: 1rem; }
table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #e4e4e4; padding: .25rem .6rem; text-align: left; vertical-align: top; }
th { background: #f6f6f6; } td.n { text-align: right; font-variant-numeric: tabular-nums; }
.meta { color: #666; font-size: .85rem; } .planned { font-style: italic; color: #555; }
.article { margin-top: 1rem; } svg text { font: 11px system-ui, sans-serif; }
"""


def _spans(text_length: int, facts: DocumentFacts) -> list[dict]:
    """displaCy spans: troop figures first, then dates, then entities; overlaps keep the first."""
    taken: list[tuple[int, int]] = []
    chosen = []
    candidates = [(t.start, t.end, TROOPS) for t in facts.troops] + [(d.start, d.end, DATE) for d in facts.dates] \
        + [(e.start, e.end, e.label) for e in facts.entities]
    for start, end, label in candidates:
        if 0 <= start < end <= text_length and not any(s < end and start < e for s, e in taken):
            taken.append((start, end))
            chosen.append({"start": start, "end": end, "label": label})
    return sorted(chosen, key=lambda span: span["start"])


def highlighted(text: str, facts: DocumentFacts) -> str:
    from spacy import displacy

    return displacy.render({"text": text, "ents": _spans(len(text), facts)}, style="ent", manual=True, page=False,
                           options={"colors": COLORS})


def _figures_table(facts: DocumentFacts) -> str:
    if not facts.troops:
        return "<p class='meta'>No troop figures.</p>"
    rows = []
    for t in facts.troops:
        bounds = f"{t.low:,}" if t.low == t.high else f"{t.low:,}–{t.high:,}"
        rows.append(f"<tr class='{escape(t.status)}'><td>{escape(t.text)}</td><td class='n'>{bounds}</td>"
                    f"<td>{escape(t.qualifier)}</td><td>{escape(t.unit or '—')}</td><td>{escape(t.force or '—')}</td>"
                    f"<td>{escape(t.kind)}</td><td>{escape(t.status)}</td></tr>")
    head = "".join(f"<th>{h}</th>" for h in ("figure", "bounds", "qualifier", "unit", "force", "kind", "status"))
    return f"<table><tr>{head}</tr>{''.join(rows)}</table>"


def timeline_svg(found: list[Point], width: int = 900, height: int = 360) -> str:
    """Levels over time, one colour per force, on a log scale (forces run from 20 to a million)."""
    if not found:
        return "<p class='meta'>No troop levels with a force and a date.</p>"
    left, right, top, bottom = 70, 170, 20, 40
    days = [p.sort_key.toordinal() for p in found]
    x0, x1 = min(days), max(days) + 1
    y0, y1 = math.log10(max(1, min(p.low for p in found))), math.log10(max(p.high for p in found)) + 0.1
    y0 = math.floor(y0)

    def x(day: int) -> float:
        return left + (day - x0) / max(1, x1 - x0) * (width - left - right)

    def y(value: int) -> float:
        return height - bottom - (math.log10(max(1, value)) - y0) / max(0.1, y1 - y0) * (height - top - bottom)

    parts = [f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' role='img' "
             f"aria-label='Troop levels over time'>"]
    for exponent in range(int(y0), int(math.ceil(y1)) + 1):
        if 10 ** exponent > 10 ** y1:
            break
        yy = y(10 ** exponent)
        parts.append(f"<line x1='{left}' x2='{width - right}' y1='{yy:.1f}' y2='{yy:.1f}' stroke='#eee'/>"
                     f"<text x='{left - 6}' y='{yy + 4:.1f}' text-anchor='end'>{10 ** exponent:,}</text>")
    first_year, last_year = min(p.sort_key.year for p in found), max(p.sort_key.year for p in found)
    step = max(1, (last_year - first_year) // 8 + 1)
    for year in range(first_year, last_year + 2, step):
        day = sortable(str(year)).toordinal()
        if x0 <= day <= x1:
            parts.append(f"<line x1='{x(day):.1f}' x2='{x(day):.1f}' y1='{top}' y2='{height - bottom}' stroke='#f2f2f2'/>"
                         f"<text x='{x(day):.1f}' y='{height - bottom + 16}' text-anchor='middle'>{year}</text>")
    for index, (force, group) in enumerate(by_force(found).items()):
        colour = SERIES[index % len(SERIES)]
        actual = [p for p in group if p.status == "actual"]
        if len(actual) > 1:
            path = " ".join(f"{x(p.sort_key.toordinal()):.1f},{y(p.high):.1f}" for p in actual)
            parts.append(f"<polyline points='{path}' fill='none' stroke='{colour}' stroke-width='1.5'/>")
        for p in group:
            fill = colour if p.status == "actual" else "white"
            label = escape(f"{force}: {p.text} ({p.status}, {p.date}) {p.document}", quote=True)
            parts.append(f"<circle cx='{x(p.sort_key.toordinal()):.1f}' cy='{y(p.high):.1f}' r='4' fill='{fill}' "
                         f"stroke='{colour}' stroke-width='1.5'><title>{label}</title></circle>")
        legend_y = top + 16 * index
        parts.append(f"<circle cx='{width - right + 16}' cy='{legend_y}' r='4' fill='{colour}'/>"
                     f"<text x='{width - right + 26}' y='{legend_y + 4}'>{escape(force)}</text>")
    parts.append(f"<text x='{width - right + 16}' y='{height - bottom}'>● actual ○ planned</text></svg>")
    return "".join(parts)


def render(articles: Iterable[tuple[str, DocumentFacts]], title: str = "natoiraq report") -> str:
    """The whole page for (article text, facts) pairs."""
    articles = list(articles)
    found = points(facts for _, facts in articles)
    body = [f"<h1>{escape(title)}</h1>",
            f"<p class='meta'>{len(articles)} articles · {sum(len(f.troops) for _, f in articles)} troop figures · "
            f"{sum(len(f.dates) for _, f in articles)} dates · {sum(len(f.entities) for _, f in articles)} entities</p>",
            "<h2 id='timeline'>Troop levels over time</h2>", timeline_svg(found)]
    for number, (text, facts) in enumerate(articles, start=1):
        ref = facts.reference_date
        body.append(f"<h2 id='article-{number}'>{escape(facts.title or facts.id)}</h2>")
        body.append(f"<p class='meta'>{escape(facts.id)} · reference date "
                    f"{escape(ref.value or 'none')}{f' ({escape(ref.origin)})' if ref.origin else ''}</p>")
        body.append(_figures_table(facts))
        body.append(f"<div class='article'>{highlighted(text, facts)}</div>")
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")
