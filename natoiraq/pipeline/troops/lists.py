"""Figures listed one a line, as a tweet, a fact box or a flattened table lists them:

    BG 🇱🇻: 1887                 Approximate deployment in Kazakhstan:     Country | Troops (approx.) |
    BG 🇱🇹: 1632                 - Tajikistan - 200                        ---|---|
    9641 troops in 8 battlegroups - Belarus ~ 500                          1,650[8] | |||

Each line is a label (a flag, a country, or nothing but table cells) and a number
that ends the line. Two or more such lines in a row (blank lines between them do
not break the run) are troop figures when a troop figure is near, which they break
down, or when the line above them (the list's header) names personnel or a
deployment ("UK troop numbers", "troop deployment per country"), or gives sizes as an infobox's
"Strength" does.

What the label names:

- the **force** when the list lists contributors: its header says so ("per country",
  "contributing nations", "Members of the coalition"), or the header already says which country
  they are in ("deployment in Kazakhstan"), or one label is the force the header names
  ("UK troop numbers" over "US", "UK", "Poland"): a comparison of forces;
- the **place** when a label names a unit there ("BG 🇱🇻: 1887": the battlegroup in
  Latvia), or when the header, or the figure the list breaks down, names one force that
  no label repeats ("US troops abroad:" over "Japan", "Germany"; "9641 NATO troops" under
  "BG 🇱🇻: 1887"): that force broken down by place;
- else the force: a list of countries under a troop header is most often who sends them.

A header's "approximate" or "approx." softens every item ("Troops (approx.)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from natoiraq.knowledge.geo import Place
from natoiraq.knowledge.ontology import Actor
from natoiraq.parsing.numbers import looks_like_year
from natoiraq.parsing.quantities import Quantity
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.nouns import is_personnel
from natoiraq.pipeline.troops.figure import CONTEXT, EACH, NO_ONE, PHRASE, Personnel, TroopFigure
from natoiraq.pipeline.troops.headers import WORD, approximate, counts_other, header_above, reading
from natoiraq.pipeline.troops.mentions import is_place_role
from natoiraq.pipeline.troops.placing import at

_MIN_ITEMS = 2
_NEAR_LINES = 3  # how far, in lines, the figure the list breaks down may be
SEPARATORS = frozenset({":", "-", "\u2013", "\u2014", "=", "|"})
_MARKS = re.escape("".join(sorted(SEPARATORS)))
#: What may stand between a list item's mark and its number: "about ", "approx. ", "~".
_MAX_QUALIFIER = 12
_MAX_LABEL = 40
_CLAUSE_ENDS = ".,;"
#: What a flattened table row keeps after its number: footnote marks and empty cells ("1,650[8] | |||").
_TABLE_REST = re.compile(r"(?:\[\w+\]\s*)*\|[\s|]*")
#: A short note in brackets: "(2025)", "(approx.)".
NOTE = re.compile(r"\([^()\n]{0,30}\)")
#: What a field's line may keep after its number: a note in brackets, a footnote mark, empty cells ("(2025)").
FIELD_REST = re.compile(rf"(?:\s*(?:{NOTE.pattern}|\[\w+\]|\|))*\s*")
#: What parts the items of one line ("Egypt: 5,000; Bahrain: 300", "Kenya: 3,600 | Uganda: 6,200", "Japan:
#: 54,000, Guam: 6,000", a tab) where it follows an item's number or note: a comma only where a space follows it,
#: never inside a number, nor in the line's header ("US troops overseas, 2023: Japan: 53,000").
_CELL_BREAK = re.compile(r"(?<=[\d)\]])[^\S\n]*(?:[;|\t]|,(?=\s))")
#: One item of a line that lists several: a label, its mark (or none after a name: "Uganda 6,200"), a number and its
#: notes ("Egypt: 5,000", "India \u2013 about 2,400 (2023)"); the line's first may follow its header ("Troop
#: contributors (2023): Kenya: 3,600").
_LINE_ITEM = re.compile(rf"\s*(?:[^\n]*?:)??\s*(?P<label>[^\W\d][^\d\n{_MARKS}]{{0,{_MAX_LABEL}}})(?P<mark>[{_MARKS}]?)"
                        rf"[^\d\n]{{0,{_MAX_QUALIFIER}}}\d[\d,.]*(?:\s*(?:{NOTE.pattern}|\[\w+\]))*\.?\s*")
#: A longer line is a record, not a list line: each of its numbers would read all its items again.
_MAX_LIST_LINE = 2000
#: What labels the rest of a list's contributors, several forces and no one's ("Others: 7,300", "Other nations (19)
#: 954"); where a list breaks one force down by place, the rest of its places.
_REST_LABELS = frozenset({"other", "others", "rest", "remainder"})
#: Abbreviations that may stand between a line's leading name and its figure ("Russia Est. 15,000 regulars").
_ABBREVIATIONS = re.compile(r"(?:\s[^\W\d_]{1,7}\.)+$")
#: What ends a header on the line of its first item ("Troop contributors: Kenya: 3,600; ...").
_INLINE_HEADER = ":"


@dataclass
class Item:
    span: Span
    quantity: Quantity
    place: Place | None  # what the label names as a place, a flag, a country
    actor: Actor | None  # what the label names as a force
    unit_label: bool  # the label names a unit there ("BG 🇱🇻"): the label is a place
    line: int
    line_start: int  # character offsets of the item's line
    line_end: int
    header_end: int  # where a header before the item's label on its line ends ("Troops: Kenya: 3,600"), else line_start


def line_of(text: str, span: Span) -> tuple[int, int, str, str]:
    """The start and end of a number's line, and what stands before the number (its label) and after it."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    return line_start, line_end, text[line_start: span.start_char].strip(), text[span.end_char: line_end].strip()


def cell(text: str, span: Span) -> tuple[int, str, str]:
    """Where a number's label starts, the label and what stands after the number, within the number's own item
    where its line lists several ("Saudi Arabia: 150,000; Egypt: 5,000": Egypt labels 5,000, and the rest
    of 150,000 is nothing); a table's row keeps its line ("| France | 650 |": the name is the cell before)."""
    line_start, line_end, _, _ = line_of(text, span)
    breaks = list(_CELL_BREAK.finditer(text, line_start, span.start_char))
    start = breaks[-1].end() if breaks and WORD.search(text, breaks[-1].end(), span.start_char) else line_start
    end = _CELL_BREAK.search(text, span.end_char, line_end)
    return start, text[start: span.start_char].strip(), text[span.end_char: end.start() if end else line_end].strip()


def in_line_list(ctx: Context, span: Span) -> bool:
    """Is this number an item of a line that lists nothing but labelled numbers ("Saudi Arabia: 150,000; Egypt:
    5,000; Bahrain: 300")? Each label is its own number's, whatever the parse joins it to."""
    line_start, line_end, _, _ = line_of(ctx.text, span)
    if line_end - line_start > _MAX_LIST_LINE:
        return False
    breaks = [m.span() for m in _CELL_BREAK.finditer(ctx.text, line_start, line_end)]
    cells = [ctx.text[a:b] for a, b in zip([line_start] + [e for _, e in breaks], [s for s, _ in breaks] + [line_end])]
    ontology = ctx.mentions.ontology
    items = [_LINE_ITEM.fullmatch(cell) for cell in cells]
    # a label with no mark is a name the tables know: "reduce the force by 2,000, to 6,000" is no list
    return len(cells) >= _MIN_ITEMS and all(
        item is not None and (item["mark"] or ontology.where(name := item["label"].strip()) or ontology.actor(name))
        for item in items)


def leading_name(ctx: Context, span: Span) -> Actor | None:
    """The state or force whose name alone opens a figure's line, as an infobox's strength section writes it
    ("Russia Est. at least 15,000 regulars in Georgia", "France 4,000 troops at peak"): an abbreviation may
    follow the name ("Est.", "c."), no other word; a label a mark ends says where as often ("Iraq: Roughly 2,500"),
    and a dateline in capitals where the reporter is ("ANKARA - The 1,500 commandos")."""
    line_start, _, label, _ = line_of(ctx.text, span)
    name = _ABBREVIATIONS.sub("", label).strip()
    if not name or len(name) > _MAX_LABEL or name[-1] in SEPARATORS or name.isupper():
        return None
    named = {ctx.mentions.by_token.get(t.i) for t in span.doc.char_span(
        line_start, line_start + len(name), alignment_mode="expand") or []}
    return next(iter(named)).actor if len(named) == 1 and None not in named else None


def table_row(ctx: Context, span: Span) -> bool:
    """Is this number a flattened table's row with nothing but empty cells beside it ("1,650[8] | |||")?"""
    _, _, label, rest = line_of(ctx.text, span)
    return not label and bool(rest) and _TABLE_REST.fullmatch(rest) is not None


def item(ctx: Context, span: Span, quantity: Quantity) -> Item | None:
    """A list line "LABEL: NUMBER" whose label names a place or a force, or a table row
    "NUMBER |", or None."""
    doc = span.doc
    line_start, line_end, _, _ = line_of(ctx.text, span)
    label_start, label, rest = cell(ctx.text, span)
    line = ctx.paragraph(span.start_char)
    if table_row(ctx, span):
        return Item(span, quantity, None, None, False, line, line_start, line_end, line_start)  # a flattened table row
    if not label and not rest:  # a table flattened one cell a line: a name's cell is above ("Italy" / "1,109")
        line_start = label_start = ctx.text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        label = ctx.text[line_start: span.start_char].strip()
    header_end = line_start
    if label_start == line_start and _INLINE_HEADER in label.rstrip("".join(SEPARATORS) + " "):
        # "Troop contributors: Kenya: 3,600; Uganda: 6,200": the line's first item is headed on the line itself
        header_end = ctx.text.rindex(_INLINE_HEADER, line_start, ctx.text.rindex(label[-1], line_start, span.start_char))
        label_start = header_end + 1
        label = ctx.text[label_start: span.start_char].strip()
    # the number ends its line, its table row ("France | 650 |") or a note on it, after a label, or its sentence
    # or clause, as an explainer's lines do ("Iraq: Roughly 2,500, mostly in Baghdad.")
    if not (FIELD_REST.fullmatch(rest) or rest[:1] in _CLAUSE_ENDS) or not label or len(label) > _MAX_LABEL:
        return None
    tokens = [t for t in doc.char_span(label_start, span.start_char, alignment_mode="expand") or [] if not t.is_space]
    if next((t.lower_ for t in tokens if t.is_alpha), None) in _REST_LABELS:
        return Item(span, quantity, None, NO_ONE, False, line, line_start, line_end, header_end)
    if any(t.like_num for t in tokens[1:]):
        return None  # "Denmark | 120 | 7": a column after the row's figure ("1. Italy: 850" is a list's numbering)
    # "- Belarus ~ 500": a qualifier sign separates too, and so does a label that is nothing but a name,
    # as an infobox lists contributors ("Italy 1,109"), or that carries a flag, as a tweet does ("Japan 🇯🇵 54k")
    flag = _flag(ctx, label)
    ontology = ctx.mentions.ontology
    # the tables know a label's name, whatever the tagger made of it ("Bahrain" a noun, "Tajikistan" a nationality)
    known = ontology.where("".join(t.text_with_ws for t in tokens if not t.is_punct).strip())
    if label[-1] not in SEPARATORS and span.text[0].isalnum() and flag is None and known is None \
            and not all(t.i in ctx.mentions.by_token for t in tokens if not t.is_punct):  # "- Italy 1,109"
        return None
    place = flag or ctx.mentions.place(tokens) or known
    # a state acts, not a town or territory of it ("Guam: 6,000" under "US forces in the Pacific" is a place)
    actor = ctx.mentions.actor(tokens) or (
        ontology.actor(place.location) if place and (place.tabled or place.name == place.location) else None)
    if place is None and actor is not None and actor.mission is None and actor.force in ontology.countries:
        place = ontology.where(actor.force)  # "Mali (MINUSMA): 400": a state's name, whatever role the model gave it
    # "Troop levels in Afghanistan" over "2009: 68,000": a year labels when the number held, not whose or where
    dated = [t for t in tokens if not t.is_punct]
    if place is None and actor is None and not (len(dated) == 1 and looks_like_year(dated[0].text)):
        return None
    unit_label = any(t.lower_ in ctx.words.list_unit_labels for t in tokens)
    return Item(span, quantity, place, actor, unit_label, line, line_start, line_end, header_end)


def attach(ctx: Context, items: list[Item], figures: list[TroopFigure]) -> list[TroopFigure]:
    """The items that form a list next to a troop figure, or under a troop header, each as a figure of its own."""
    runs: list[list[Item]] = []
    for it in sorted(items, key=lambda i: i.line):
        if runs and not ctx.text[runs[-1][-1].line_end: it.line_start].strip():
            runs[-1].append(it)
        else:
            runs.append([it])
    lines = [(ctx.paragraph(f.span.start_char), f) for f in figures]
    attached = []
    for run in runs:
        if len(run) < _MIN_ITEMS:
            continue
        first, last = run[0].line, run[-1].line
        near = [(min(abs(line - first), abs(line - last)), r) for line, r in lines
                if first - _NEAR_LINES <= line <= last + _NEAR_LINES]
        header = header_above(ctx, run[0].line_start) if run[0].header_end == run[0].line_start else \
            list(ctx.mentions.doc.char_span(run[0].line_start, run[0].header_end, alignment_mode="expand") or [])
        of = min(near, key=lambda n: n[0])[1] if near else None
        unit = next((t for t in header if is_personnel(ctx, t, compound=True)
                     or t.lemma_.lower() in ctx.words.deployment_nouns or t.lemma_.lower() in ctx.words.list_size_headers),
                    None)
        if of is None and unit is None:
            continue  # "Contributions to the mission / Germany: 850": no word says these are troops
        if counts_other(ctx.words, [unit, *unit.children, unit.head] if unit is not None else header):
            continue  # "Coalition troops killed by country / US: 2,400", "Casualties by country"
        attached += _listed(ctx, run, header, of, unit, approximate(header))
    return attached


def _listed(ctx: Context, run: list[Item], header: list[Token], of: TroopFigure | None, unit: Token | None,
            approximate: bool) -> list[TroopFigure]:
    """A list's lines as figures: the unit, force and status of the figure they break down (if any; under
    a deployment header they are planned), each line's force or place as its label says."""
    # "Where Indian troops serve with the UN": a name on the header's personnel says whose they are (a national
    # contingent counts for its country), before a mission the header names beside them
    own = ctx.mentions.actor(t for t in header if unit is not None and t.head.i == unit.i and t.i < unit.i)
    whole = own or ctx.mentions.actor(header) or (of.proposed if of is not None else None)
    # "Troop contributors to MINUSCA": a mission's contributors serve in its theatre
    here = ctx.mentions.place(t for t in header if is_place_role(t)) or (
        at(ctx, whole.theatre) if whole is not None and whole.mission else None)
    # the forces the labels name, not through a mission of theirs ("Op TOSCA | Cyprus | 250" under UK personnel)
    labelled = {it.actor.force for it in run if it.actor is not None and it.actor.mission is None}
    # a header placed in one country lists who is there; one placed in a region that names one force ("US force
    # posture in Europe:") breaks that force down by the region's countries, as one that names a state's own
    # personnel does, by country or not ("British troops by country")
    state = own is not None and own.force in ctx.mentions.ontology.countries
    by_force = not any(it.unit_label for it in run) and (
        any(t.lemma_.lower() in ctx.words.list_contributor_words for t in header) and not state
        or (here is not None and here.location in ctx.mentions.ontology.countries)
        or whole is None or whole.force is None or whole.force in labelled)
    # what the header says of its personnel reads as a field's name does ("Kenya-led mission, pledged personnel:",
    # "Reinforcements by country"): its own words, not a sentence's around them. "The troop deployment per country
    # is as follows:": a deployment broken down by contributor lists what each is to send, whatever a figure
    # nearby reports; one force's deployments broken down by place are where it is ("ADF deployments abroad")
    kind, said = reading(ctx.words, [unit, *unit.children, unit.head], unit) if unit is not None else ("level", "actual")
    planned = said == "planned" or by_force and any(t.lemma_.lower() in ctx.words.deployment_nouns for t in header)
    status = "planned" if planned else of.status if of is not None else "actual"
    figures = []
    for line in run:
        quantity = replace(line.quantity, qualifier="approximate") \
            if approximate and line.quantity.qualifier == "exact" else line.quantity
        if by_force:
            actor, source, place = line.actor, EACH if line.actor is NO_ONE else PHRASE, here
        else:
            actor, source, place = of.proposed if of is not None else whole, CONTEXT, line.place
        figures.append(TroopFigure(line.span, quantity, Personnel(None, line.span[-1]),
                                   of.unit if of is not None else unit.text, actor, source if actor else None,
                                   kind, status, place=place))
    return figures


def _flag(ctx: Context, label: str) -> Place | None:
    ontology = ctx.mentions.ontology
    country = next((country for word in label.split() if (country := ontology.flag(word))), None)
    return ontology.where(country) if country else None
