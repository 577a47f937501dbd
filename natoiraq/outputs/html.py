"""One self-contained HTML file to show a colleague: ``natoiraq latest``'s table of each series, a world
map of their latest levels (:mod:`natoiraq.outputs.worldmap`), the
timeline as small multiples (one inline SVG panel per force and location), and
every article with its facts highlighted and a table of its figures. No scripts,
no fonts or styles fetched from anywhere; it fits a 400 px phone screen.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.outputs.charts import panels
from natoiraq.outputs.display import as_of_text, bounds
from natoiraq.outputs.citations import Source, cited
from natoiraq.outputs.latest import Answers, age_text, answers, change_text, level_text
from natoiraq.outputs.timeline import NO_LOCATION
from natoiraq.outputs.worldmap import world_map

TROOPS, DATE = "TROOPS", "DATE"
#: Troop figures in a colour no spaCy label uses (spaCy's palette is pastel: this lime stands apart from all of it).
TROOPS_COLOUR = "#a3e635"

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
figure.map { margin: .5rem 0; max-width: 60rem; } figure.map svg { width: 100%; height: auto; display: block; }
.swatch { display: inline-block; width: .8em; height: .8em; margin: 0 .25em 0 .5em; vertical-align: -.05em; }
.swatch.dot { border-radius: 50%; } .key { white-space: nowrap; }
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


def _cited(source: Source) -> str:
    """An article reporting a figure: its outlet (or id), a link where it has a web address, its title on hover."""
    name = escape(cited(source))
    title = f" title='{escape(source.title, quote=True)}'" if source.title else ""
    if source.url and source.url.startswith(("https://", "http://")):
        return f"<a href='{escape(source.url, quote=True)}'{title}>{name}</a>"
    return f"<span{title}>{name}</span>" if title else name


def latest_table(found: Answers) -> str:
    """``natoiraq latest`` as a table: per series the latest actual level, its date and age, who reports it,
    how many independent sources agree, the plan, the last change; the conflicts listed under it."""
    if not found.rows:
        return "<p class='meta'>No troop figures with a force and a date.</p>"
    rows = []
    for row in found.rows:
        latest = row.latest
        if latest is None:
            cells = ("<td class='n'>—</td><td>—</td><td class='meta src'>planned figures or changes only</td>"
                     "<td></td><td></td>")
        else:
            cells = (f"<td class='n'>{escape(latest.figure)}</td><td class='d'>{escape(latest.when)}</td>"
                     f"<td class='src'>{', '.join(_cited(s) for s in latest.sources)}</td>"
                     f"<td class='n'>{age_text(row.age_days)}</td><td class='n'>{row.agreement}</td>")
        rows.append(f"<tr><td>{escape(row.label)}</td>{cells}<td>{escape(level_text(row.planned))}</td>"
                    f"<td>{escape(change_text(row.change))}</td><td class='n'>{len(row.conflicts) or ''}</td></tr>")
    table = _table(("series", "latest level", "as of", "reported by", "age", "sources agreeing", "planned",
                    "last change", "conflicts"), rows)
    conflicts = [f"<li>{escape(row.label)}: " + " ≠ ".join(
        f"<b>{escape(level.figure)}</b> ({escape(level.when)}) {_cited(level.sources[0])}: "
        f"<q>{escape(level.sources[0].sentence.strip())}</q>" for level in (conflict.first, conflict.second))
        + "</li>" for row in found.rows for conflict in row.conflicts]
    if conflicts:
        table += ("<p class='meta'>Conflicts: two sources, one period, figures their qualifiers cannot "
                  f"reconcile.</p><ul class='conflicts'>{''.join(conflicts)}</ul>")
    return table


def _map_section(found: Answers, documents: list[DocumentFacts]) -> list[str]:
    drawn = world_map(found, documents)
    return ["<h2 id='map'>Latest levels on a map</h2>", drawn] if drawn else []


def render(articles: Iterable[tuple[str | None, DocumentFacts]], title: str = "natoiraq report") -> str:
    """The whole page for (article text, facts) pairs; a text of None (facts saved without it) shows the
    article's figures without the article."""
    articles = list(articles)
    found = answers(facts for _, facts in articles)
    timeline = found.timeline
    body = [f"<h1>{escape(title)}</h1>",
            f"<p class='meta'>{len(articles)} articles · {sum(len(f.troops) for _, f in articles)} troop figures · "
            f"{sum(len(f.dates) for _, f in articles)} dates · {sum(len(f.entities) for _, f in articles)} entities</p>",
            "<h2 id='summary'>Latest levels, who reports them, and where sources disagree</h2>", latest_table(found),
            *_map_section(found, [facts for _, facts in articles]),
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
        body.append(f"<div class='article'>{highlighted(text, facts)}</div>" if text is not None else
                    "<p class='meta'>The article's text was not saved with its facts "
                    "(extract --include-text, or export, keeps it).</p>")
    return (f"<!DOCTYPE html>\n<html lang='en'><head><meta charset='utf-8'>"
            f"<meta name='viewport' content='width=device-width, initial-scale=1'><title>{escape(title)}</title>"
            f"<style>{STYLE}</style></head><body>{''.join(body)}</body></html>\n")
