"""What a list's header or a field's name says of the numbers under it: which is the header (the line above a
list, above a table's rule line), whether it softens them ("approx."), what kind and status its words give them,
and whether it counts the harmed, the trained or room for troops rather than a force."""

from __future__ import annotations

import re

from spacy.tokens import Token

from natoiraq.parsing.quantities import split_qualifier
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.words import TroopWords

#: A table's rule line ("---|---|"), which stands between the header row and the rows.
_TABLE_RULE = re.compile(r"[\s|:\-]+")
#: A header's words, an abbreviation's full stop kept ("Troops (approx.)").
WORD = re.compile(r"[^\W\d_][\w.]*")


def header_above(ctx: Context, line_start: int) -> list[Token]:
    """The tokens of the line above a list: its header (above a table's rule line, the header row)."""
    end = line_start - 1
    while end > 0:
        start = ctx.text.rfind("\n", 0, end) + 1
        line = ctx.text[start:end]
        if line.strip() and not _TABLE_RULE.fullmatch(line):
            return list(ctx.mentions.doc.char_span(start, end, alignment_mode="expand") or [])
        end = start - 1
    return []


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
