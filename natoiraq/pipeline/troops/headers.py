"""What a list's header or a field's name says of the numbers under it: which is the header (the line above a
list, above a table's rule line), whether it softens them ("approx."), what kind and status its words give them,
and whether it counts the harmed, the trained or room for troops rather than a force."""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Span, Token

from natoiraq.knowledge.geo import Place
from natoiraq.knowledge.ontology import Actor
from natoiraq.parsing.quantities import split_qualifier
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.nouns import is_personnel
from natoiraq.pipeline.troops.words import TroopWords

#: A table's rule line ("---|---|"), which stands between the header row and the rows.
_TABLE_RULE = re.compile(r"[\s|:\-]+")
#: A table's header row: names of columns, no numbers ("Country | Personnel", "Operation\tLocation\tNumber").
_HEADER_ROW = re.compile(r"[^\d\n|\t]+(?:[|\t][^\d\n|\t]*)+")
#: The marks that end a line's label ("Syria:", "Cyprus \u2013") and how long a label is at most.
_MARKS = re.escape(":-\u2013\u2014=")
_MAX_LABEL = 40
#: A header's words, an abbreviation's full stop kept ("Troops (approx.)").
WORD = re.compile(r"[^\W\d_][\w.]*")


def header_above(ctx: Context, line_start: int) -> list[Token]:
    """The tokens of the line above a list: its header (above a table's rule line, the header row, and above a
    header row the table's title, not a sentence: "Deployed US military personnel by country" over "Country |
    Personnel")."""
    above = _lines_above(ctx.text, line_start)
    start, end = next(above, (0, 0))
    if _HEADER_ROW.fullmatch(ctx.text[start:end].strip()):
        title = next(above, None)
        start = title[0] if title is not None and not ctx.text[title[0]: title[1]].rstrip().endswith(".") else start
    return list(ctx.mentions.doc.char_span(start, end, alignment_mode="expand") or []) if end else []


def labelled_force(ctx: Context, span: Span, proposed: Actor | None) -> tuple[Actor, Place] | None:
    """The force a header names over lines that each open with a place's label, and the line's place, for a figure
    whose own words name no force, or take its line's label for it ("Where are Russian troops deployed abroad?" over "Syria:
    Around 4,000 troops at Hmeimim", "British forces abroad" over "Cyprus \u2013 2,260 personnel"): the header
    answers whose, the label where."""
    place = _label_place(ctx, ctx.text.rfind("\n", 0, span.start_char) + 1, span.start_char)
    if place is None or proposed is not None and proposed.force != place.location:
        return None
    above = (line for line in _lines_above(ctx.text, ctx.text.rfind("\n", 0, span.start_char) + 1)
             if _label_place(ctx, *line) is None)  # the header, above the list's other lines
    start, end = next(above, (0, 0))
    if ctx.text[start:end].rstrip().endswith("."):
        return None  # a paragraph of prose before a label's line is no header ("Kharkiv: 300 soldiers ...")
    header = list(ctx.mentions.doc.char_span(start, end, alignment_mode="expand") or [])
    unit = next((t for t in header if is_personnel(ctx, t, compound=True)), None)
    own = ctx.mentions.actor(t for t in header if unit is not None and t.head.i == unit.i and t.i < unit.i)
    countries = ctx.mentions.ontology.countries
    return (own, place) if own is not None and own.force in countries and own.force != place.location else None


def _label_place(ctx: Context, start: int, end: int) -> Place | None:
    """The place a line's label names at its head, before its mark ("Syria:", "Cyprus \u2013", "\u2022 Iraq:")."""
    head = re.match(rf"\W*([^\W\d][^\n{_MARKS}]{{0,{_MAX_LABEL}}}?)\s*[{_MARKS}]", ctx.text[start:end])
    return ctx.mentions.ontology.where(head.group(1)) if head else None


def _lines_above(text: str, line_start: int) -> Iterator[tuple[int, int]]:
    """The lines above ``line_start`` that hold words, nearest first: blank lines and a table's rules left out."""
    end = line_start - 1
    while end > 0:
        start = text.rfind("\n", 0, end) + 1
        if text[start:end].strip() and not _TABLE_RULE.fullmatch(text[start:end]):
            yield start, end
        end = start - 1


def reading(words: TroopWords, name: list[Token], unit: Token) -> tuple[str, str]:
    """The kind and status a field's name, or a list's header, gives its numbers, as a clause would: "Troop
    ceiling", "Planned strength", "Troops pledged" plan them; "Reinforcements", "Additional troops" add to a force,
    "Troops withdrawn" (a verb after the noun; not "Reduced strength", a size) take from it."""
    said = {t.lemma_.lower() for t in name} | {t.lower_ for t in name}
    status = "planned" if said & (words.plan_nouns | words.plan_adjectives) else "actual"
    if said & (words.increase_nouns | words.increase_markers_before):
        return "increase", status
    taken = any(t.i > unit.i and t.lemma_.lower() in words.decrease_verbs for t in name)
    return ("decrease" if taken or said & words.decrease_nouns else "level"), status


def counts_other(words: TroopWords, name: list[Token]) -> bool:
    """Does a field's name or a list's header count the harmed, the trained, or room for troops, not a force
    ("Troops killed: 12", "Soldiers trained by country", "Barracks capacity")?"""
    unwanted = words.casualty_lemmas | words.trained_lemmas | words.excluded_modifiers | \
        words.not_a_size["capacity_nouns"] | words.not_a_size["shortfall_words"]
    return any(t.lemma_.lower() in unwanted or t.lower_ in unwanted for t in name)


def approximate(header: list[Token]) -> bool:
    """Does a header soften its figures ("Troops (approx.)")?"""
    return any(split_qualifier(f"{word} 1")[0] == "approximate"
               for word in WORD.findall(" ".join(t.lower_ for t in header)))
