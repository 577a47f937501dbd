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
from natoiraq.parsing.quantities import Quantity, split_qualifier
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.nouns import is_personnel
from natoiraq.pipeline.troops.figure import CONTEXT, PHRASE, Personnel, TroopFigure
from natoiraq.pipeline.troops.mentions import is_place_role
from natoiraq.pipeline.troops.words import TroopWords

_MIN_ITEMS = 2
_NEAR_LINES = 3  # how far, in lines, the figure the list breaks down may be
_SEPARATORS = frozenset({":", "-", "\u2013", "\u2014", "=", "|"})
_MAX_LABEL = 40
_CLAUSE_ENDS = ".,;"
#: What a flattened table row keeps after its number: footnote marks and empty cells ("1,650[8] | |||").
_TABLE_REST = re.compile(r"(?:\[\w+\]\s*)*\|[\s|]*")
#: A table's rule line ("---|---|"), which stands between the header row and the rows.
_TABLE_RULE = re.compile(r"[\s|:\-]+")
#: A header's words, an abbreviation's full stop kept ("Troops (approx.)").
_WORD = re.compile(r"[^\W\d_][\w.]*")
#: A short note in brackets: "(2025)", "(approx.)".
_NOTE = re.compile(r"\([^()\n]{0,30}\)")
#: What a field's line may keep after its number: a note in brackets, a footnote mark, empty cells ("(2025)").
_FIELD_REST = re.compile(rf"(?:\s*(?:{_NOTE.pattern}|\[\w+\]|\|))*\s*")
#: A fact sheet's dot leader between a field's name and its number ("Uniformed personnel\u2026\u2026 97,904").
_LEADER = re.compile(r"(?:\.{3,}|\u2026)[.\u2026\s]*$")
#: A field's name is a word or a few ("Strength", "Troops deployed", "Uniformed personnel").
_MAX_FIELD_WORDS = 4
#: What ends a field's name: separators, dot leaders, a table's cell mark.
_FIELD_MARKS = "".join(_SEPARATORS) + ".\u2026 \t"


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


def _line(text: str, span: Span) -> tuple[int, int, str, str]:
    """The start and end of a number's line, and what stands before the number (its label) and after it."""
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    return line_start, line_end, text[line_start: span.start_char].strip(), text[span.end_char: line_end].strip()


def table_row(ctx: Context, span: Span) -> bool:
    """Is this number a flattened table's row with nothing but empty cells beside it ("1,650[8] | |||")?"""
    _, _, label, rest = _line(ctx.text, span)
    return not label and bool(rest) and _TABLE_REST.fullmatch(rest) is not None


def field(ctx: Context, span: Span, quantity: Quantity) -> TroopFigure | None:
    """An infobox's or fact sheet's field that gives a force's size: the field's name before the number on
    its line ("Strength 4,700 (2025)", "Size c. 4,700", "Troops deployed: 2,300") or alone on the line above
    it ("Personnel" over "1,850"); never a count of casualties, trainees or places ("Troops killed: 12")."""
    line_start, _, label, rest = _line(ctx.text, span)
    leader = _LEADER.search(label)
    if leader is not None:
        # a sheet flattened into one line of fields: the name is what follows the field before
        label = re.split(r"[)*\d]", label[: leader.start()])[-1]
    elif not (_FIELD_REST.fullmatch(rest) or rest.startswith("|")):
        return None  # the number ends its line, or its cell ("Troops: 1,100 | Tanks: 40")
    start = line_start
    if not label:  # the name on the line above
        start = ctx.text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        label = ctx.text[start: max(line_start - 1, start)].strip()
    name = label.strip(_FIELD_MARKS).rsplit("|", 1)[-1].strip(_FIELD_MARKS)  # the number's own cell
    bare = _NOTE.sub("", name)  # "Troop strength (2024)": a note on the name is no part of it
    if not bare.strip() or len(bare.split()) > _MAX_FIELD_WORDS or any(ch.isdigit() or ch == "|" for ch in bare):
        return None
    begin = ctx.text.rindex(name, start, span.start_char)
    tokens = list(span.doc.char_span(begin, begin + len(name), alignment_mode="expand") or [])
    indices = {t.i for t in tokens}
    if any(f.personnel.unit is not None and f.personnel.unit.start in indices for f in ctx.found.values()):
        return None  # "4,700 / troops deployed / 12 / countries": the name above says what the number above it counts
    words = ctx.words
    unwanted = words.casualty_lemmas | words.trained_lemmas | words.excluded_modifiers | \
        words.not_a_size["capacity_nouns"] | words.not_a_size["shortfall_words"]
    if any(t.lemma_.lower() in unwanted or t.lower_ in unwanted for t in tokens):
        return None
    unit = next((t for t in reversed(tokens) if is_personnel(ctx, t, compound=True) or t.lower_ in words.list_size_headers), None)
    # a name that counts something else beside its personnel: "Countries contributing uniformed personnel"
    if unit is None or any(t.tag_ == "NNS" and t is not unit and not is_personnel(ctx, t, compound=True)
                           for t in tokens):
        return None
    if _approximate(tokens) and quantity.qualifier == "exact":
        quantity = replace(quantity, qualifier="approximate")
    actor = ctx.mentions.actor(tokens)
    kind, status = _field_reading(ctx.words, tokens, unit)
    return TroopFigure(span, quantity, Personnel(None, span[-1]), unit.text, actor, PHRASE if actor else None,
                       kind, status)


def _field_reading(words: TroopWords, name: list[Token], unit: Token) -> tuple[str, str]:
    """The kind and status a field's name gives its number, as a clause would: "Troop ceiling", "Planned strength",
    "Troops pledged" plan it; "Reinforcements", "Additional troops" add to a force, "Troops withdrawn" (a verb
    after the noun; not "Reduced strength", a size) take from it."""
    said = {t.lemma_.lower() for t in name} | {t.lower_ for t in name}
    status = "planned" if said & (words.plan_nouns | words.plan_adjectives) else "actual"
    if said & (words.increase_nouns | words.increase_markers_before):
        return "increase", status
    taken = any(t.i > unit.i and t.lemma_.lower() in words.decrease_verbs for t in name)
    return ("decrease" if taken or said & words.decrease_nouns else "level"), status


def _approximate(header: list[Token]) -> bool:
    """Does a header soften its figures ("Troops (approx.)")?"""
    return any(split_qualifier(f"{word} 1")[0] == "approximate"
               for word in _WORD.findall(" ".join(t.lower_ for t in header)))


def item(ctx: Context, span: Span, quantity: Quantity) -> Item | None:
    """A list line "LABEL: NUMBER" whose label names a place or a force, or a table row
    "NUMBER |", or None."""
    doc = span.doc
    line_start, line_end, label, rest = _line(ctx.text, span)
    line = ctx.paragraph(span.start_char)
    if table_row(ctx, span):
        return Item(span, quantity, None, None, False, line, line_start, line_end)  # a flattened table row
    if not label and not rest:  # a table flattened one cell a line: a name's cell is above ("Italy" / "1,109")
        line_start = ctx.text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        label = ctx.text[line_start: span.start_char].strip()
    # the number ends its line, its table row ("France | 650 |") or a note on it, after a label, or its sentence
    # or clause, as an explainer's lines do ("Iraq: Roughly 2,500, mostly in Baghdad.")
    if not (_FIELD_REST.fullmatch(rest) or rest[:1] in _CLAUSE_ENDS) or not label or len(label) > _MAX_LABEL:
        return None
    tokens = [t for t in doc.char_span(line_start, span.start_char, alignment_mode="expand") or [] if not t.is_space]
    # "- Belarus ~ 500": a qualifier sign separates too, and so does a label that is nothing but a name,
    # as an infobox lists contributors ("Italy 1,109"), or that carries a flag, as a tweet does ("Japan 🇯🇵 54k")
    flag = _flag(ctx, label)
    if label[-1] not in _SEPARATORS and span.text[0].isalnum() and flag is None \
            and not all(t.i in ctx.mentions.by_token for t in tokens if not t.is_punct):  # "- Italy 1,109"
        return None
    place = flag or ctx.mentions.place(tokens)
    actor = ctx.mentions.actor(tokens) or (ctx.mentions.ontology.actor(place.location) if place else None)
    if place is None and actor is None:
        return None
    unit_label = any(t.lower_ in ctx.words.list_unit_labels for t in tokens)
    return Item(span, quantity, place, actor, unit_label, line, line_start, line_end)


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
        header = _header(ctx, run[0])
        of = min(near, key=lambda n: n[0])[1] if near else None
        unit = next((t for t in header if is_personnel(ctx, t, compound=True)
                     or t.lemma_.lower() in ctx.words.deployment_nouns or t.lemma_.lower() in ctx.words.list_size_headers),
                    None)
        if of is None and unit is None:
            continue  # "Contributions to the mission / Germany: 850": no word says these are troops
        attached += _listed(ctx, run, header, of, unit, _approximate(header))
    return attached


def _listed(ctx: Context, run: list[Item], header: list[Token], of: TroopFigure | None, unit: Token | None,
            approximate: bool) -> list[TroopFigure]:
    """A list's lines as figures: the unit, force and status of the figure they break down (if any; under
    a deployment header they are planned), each line's force or place as its label says."""
    here = ctx.mentions.place(t for t in header if is_place_role(t))
    # "Approximate deployment of the bloc's units in Chad:", "The troop deployment per country is as follows:":
    # a deployment broken down by contributor lists what each is to send, whatever a figure nearby reports
    if any(t.lemma_.lower() in ctx.words.deployment_nouns for t in header):
        status = "planned"
    else:
        status = of.status if of is not None else "actual"
    whole = ctx.mentions.actor(header) or (of.proposed if of is not None else None)
    labelled = {it.actor.force for it in run if it.actor is not None}
    # a header placed in one country lists who is there; one placed in a region that names one force ("US force
    # posture in Europe:") breaks that force down by the region's countries
    by_force = not any(it.unit_label for it in run) and (
        any(t.lemma_.lower() in ctx.words.list_contributor_words for t in header)
        or (here is not None and here.location in ctx.mentions.ontology.countries)
        or whole is None or whole.force is None or whole.force in labelled)
    figures = []
    for line in run:
        quantity = replace(line.quantity, qualifier="approximate") \
            if approximate and line.quantity.qualifier == "exact" else line.quantity
        if by_force:
            actor, source, place = line.actor, PHRASE, here
        else:
            actor, source, place = of.proposed if of is not None else whole, CONTEXT, line.place
        figures.append(TroopFigure(line.span, quantity, Personnel(None, line.span[-1]),
                                   of.unit if of is not None else unit.text, actor, source if actor else None,
                                   "level", status, place=place))
    return figures


def _header(ctx: Context, first: Item) -> list[Token]:
    """The tokens of the line above a list: its header (above a table's rule line, the header row)."""
    end = first.line_start - 1
    while end > 0:
        start = ctx.text.rfind("\n", 0, end) + 1
        line = ctx.text[start:end]
        if line.strip() and not _TABLE_RULE.fullmatch(line):
            return list(ctx.mentions.doc.char_span(start, end, alignment_mode="expand") or [])
        end = start - 1
    return []


def _flag(ctx: Context, label: str) -> Place | None:
    ontology = ctx.mentions.ontology
    country = next((country for word in label.split() if (country := ontology.flag(word))), None)
    return ontology.where(country) if country else None
