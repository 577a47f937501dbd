"""What a name the model tagged is, where its shape or a table says so: places tagged PERSON, headlines tagged
as names.

The small English model reads capitalised words as a person's name ("Tel Rumeida", "Ben Gurion Airport")
and a title-case headline as one long name ("Allies Weigh Larger Force For Training Mission" an ORG).
A place-shaped name takes a place's label (:class:`~natoiraq.knowledge.geo.NameWords`, or the gazetteer
knows the whole name as a place and nothing around it says person); in a title-case line
(:func:`~natoiraq.parsing.titles.is_title_case`) a model's name that holds a common word ("Weigh",
"Force", "Has") is no name unless the tables know all of it, and the names they know inside it stand instead.
Only the words count, never the parse, so ``--parse candidates`` gives the same entities.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Doc, Span, Token

from natoiraq.knowledge.gazetteer import knowledge
from natoiraq.knowledge.geo import NameWords
from natoiraq.parsing.titles import is_title_case
from natoiraq.pipeline.doctext import text_of

#: A name's leading article is no word of the name ("The Washington Times").
_ARTICLES = frozenset({"the", "a", "an"})
#: What the model tags that is no name but a value: a headline's "Two-Day" or "500" is no name to doubt.
_VALUES = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


class NameShapes:
    """The two rules, over one article's entities; built once from the tables."""

    def __init__(self, make_doc: Callable[[str], Doc], tables: dict, titles: frozenset[str]):
        self.ontology, self.known_names = knowledge(make_doc, tables)
        self.words = NameWords.from_table(tables["places"]["name_words"])
        self.titles = titles
        self.spoke = frozenset(tables["aliases"].get("spoke", ()))  # "Austin said": the man

    def __call__(self, doc: Doc, ents: list[Span]) -> list[Span]:
        ents = [self._unpersoned(ent) for ent in ents]
        headline = _Lines(text_of(doc))
        suspect = [e for e in ents if e.label_ not in _VALUES and headline(e.start_char) and not self._known(e.text)]
        if not suspect:
            return ents
        lower = frozenset(t.lower_ for t in doc if t.is_lower)
        dropped = {(e.start, e.end) for e in suspect if _holds_common(e, lower)}
        inside = [g for g in self.known_names(doc) if any(s <= g.start and g.end <= e for s, e in dropped)]
        return sorted([e for e in ents if (e.start, e.end) not in dropped] + inside, key=lambda s: s.start)

    def _unpersoned(self, ent: Span) -> Span:
        """A PERSON whose name is a place's, by its words or by the gazetteer, with the place's label."""
        if ent.label_ != "PERSON":
            return ent
        label = self.words.label(ent.text) or self._place_label(ent)
        return Span(ent.doc, ent.start, ent.end, label=label) if label else ent

    def _place_label(self, ent: Span) -> str | None:
        """GPE or LOC for a name the gazetteer knows whole, unless its words say person: a title before it
        ("Mr. Jordan"), a verb of speech after it ("Jordan said"); a full name it ends ("Michael Jordan")
        makes it PERSON again when people are folded. One word counts only where the project's tables name
        it: GeoNames' towns are people's names too."""
        doc = ent.doc
        if (ent.start > 0 and doc[ent.start - 1].text in self.titles) or (
                ent.end < len(doc) and doc[ent.end].lower_ in self.spoke):
            return None
        place = self.ontology.where(ent.text)
        if place is None or (len(ent) == 1 and not place.tabled):
            return None
        return "GPE" if place.location in self.ontology.countries else "LOC"

    def _known(self, name: str) -> bool:
        return bool(self.words.label(name) or self.ontology.actor(name) or self.ontology.where(name))


class _Lines:
    """Is the line a character offset stands in a title-case headline? Each line is read once."""

    def __init__(self, text: str):
        self.text = text
        self.breaks = [m.start() for m in re.finditer("\n", text)]
        self.answers: dict[int, bool] = {}

    def __call__(self, offset: int) -> bool:
        i = bisect_left(self.breaks, offset)
        if i not in self.answers:
            start = self.breaks[i - 1] + 1 if i else 0
            end = self.breaks[i] if i < len(self.breaks) else len(self.text)
            self.answers[i] = is_title_case(self.text[start:end])
        return self.answers[i]


def _holds_common(ent: Span, lower: frozenset[str]) -> bool:
    """Does a name hold a word that is no name: a stop word, or one the article writes in ``lower`` case?"""
    return any(_common(token, lower) for token in ent if not (token.i == ent.start and token.lower_ in _ARTICLES))


def _common(token: Token, lower: frozenset[str]) -> bool:
    word = token.lower_
    return word in STOP_WORDS or word in lower or word.removesuffix("s") in lower or word + "s" in lower
