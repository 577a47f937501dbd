"""Figures no one force owns: names of two forces coordinated in the figure's phrase or clause, a subject
that gives the figure to each of several ("each has"), a total whose breakdown names two. :mod:`.whose`
asks; the conventions give such a figure force null.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.pipeline.syntax import np_tokens
from natoiraq.pipeline.troops.context import Context

#: Prepositions whose object says whose personnel they are, not where they are.
WHOSE_PREPS = frozenset({"of", "from"})
#: Words that give a clause's figure to each of several forces in turn ("each has", "each country has").
_DISTRIBUTIVE = frozenset({"each"})


def coordinated(ctx: Context, tokens: list[Token]) -> bool:
    """Do coordinated names of two forces stand in this phrase ("Russian and Uzbek", "the US and France")?"""
    for token in tokens:
        # "Burundi, Uganda to send 3,000 more troops": a headline lists names as appositions, or hangs the first
        # on the verb beside its subject ("India, China begin pulling back troops"); but a name past a semicolon
        # starts a clause of its own, its verb left out ("Germany has 1,100 soldiers; France, 5,100")
        listed = (*token.conjuncts, *(c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"
                                      and not any(t.text == ";" for t in token.doc[token.i: c.i])),
                  *(c for c in token.head.children if token.dep_ == "nsubj" and c.dep_ in ("npadvmod", "dep", "advcl")
                    and c.i + 2 == token.i and c.nbor().text == ","))
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
