"""Figures no one force owns: names of two forces coordinated in the figure's phrase or clause, a subject
that gives the figure to each of several ("each has"), a total whose breakdown names two. :mod:`.whose`
asks; the conventions give such a figure force null.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.pipeline.syntax import np_tokens, subject_of
from natoiraq.pipeline.troops.context import Context

#: Prepositions whose object says whose personnel they are, not where they are.
WHOSE_PREPS = frozenset({"of", "from"})
#: Words that give a clause's figure to each of several forces in turn ("each has", "each country has").
_DISTRIBUTIVE = frozenset({"each"})
#: The word that pairs coordinated counts with coordinated owners in order, whatever they count.
_RESPECTIVELY = "respectively"


def coordinated(ctx: Context, tokens: list[Token]) -> bool:
    """Do coordinated names of two forces stand in this phrase ("Russian and Uzbek", "the US and France")?"""
    for token in tokens:
        # "Burundi, Uganda to send 3,000 more troops": a headline lists names as appositions
        listed = (*token.conjuncts, *(c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"))
        forces = {actor.force for t in (token, *listed) if (actor := ctx.mentions.actor([t])) is not None}
        if len(forces) > 1:
            return True
    return False


def distributive(subject: Token) -> bool:
    """Is the subject "each" or "each country": the figure is every one of them's, no one force's?"""
    return subject.lower_ in _DISTRIBUTIVE or any(
        c.dep_ == "det" and c.lower_ in _DISTRIBUTIVE for c in subject.children)


def broken_down(ctx: Context, noun: Token) -> bool:
    """Does a breakdown in apposition give the total to two forces ("12,700 servicemen (about 7,200 from Belarus,
    some 5,500 from Russia)")? The parse hangs the first part's "from" on the total's noun."""
    parts = [c for c in noun.children if c.dep_ == "appos" and c.like_num]
    if not parts:
        return False
    origins = [p for holder in (noun, *parts) for p in holder.children if p.dep_ == "prep" and p.lower_ in WHOSE_PREPS]
    return len({a.force for p in origins if (a := ctx.mentions.actor(np_tokens(p))) is not None}) > 1


def respective(ctx: Context, number: Token) -> Actor | None:
    """The force of one of coordinated numbers whose clause coordinates as many forces, matched in order:
    "Kenya and Burundi, contributing 1,410 and 1,020 troops (respectively)" gives the 1,020 to Burundi, and
    "Britain and France will send 500 and 700 soldiers" the 700 to France."""
    items = _coordinated_items(number)
    item = number
    if len(items) < 2 or any(not t.like_num for t in items):  # "1,410 and 1,020 troops": noun phrases coordinated
        item = number.head if number.dep_ == "nummod" else number
        items = _coordinated_items(item)
    nouns = {t.lemma_.lower() for t in items if not t.like_num}
    if len(items) < 2 or not all(t.like_num or any(c.dep_ == "nummod" for c in t.children) for t in items) or (
            len(nouns) > 1 and not any(w.lower_ == _RESPECTIVELY for w in number.sent)):
        return None  # "6,000 troops and 40 aircraft" are not one count each, unless "respectively" says so
    argument = items[0].head if items[0].dep_ == "nummod" else items[0]
    verb = argument.head
    holder = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" else subject_of(verb)
    if holder is None or holder.i == argument.i:
        return None
    names = sorted((holder, *holder.conjuncts), key=lambda t: t.i)
    actors = [ctx.mentions.actor([t]) for t in names]
    if len(actors) != len(items) or None in actors or len({a.force for a in actors}) != len(actors):
        return None
    return actors[items.index(item)]


def _coordinated_items(item: Token) -> list[Token]:
    """The items of the coordination ``item`` stands in, in order (``item`` alone where there is none)."""
    first = item
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return sorted((first, *first.conjuncts), key=lambda t: t.i)
