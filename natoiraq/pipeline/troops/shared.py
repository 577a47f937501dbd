"""Figures no one force owns: names of two forces coordinated in the figure's phrase or clause, a subject
that gives the figure to each of several ("each has"), a total whose breakdown names two, the participants of
a joint exercise. :mod:`.whose` asks; the conventions give such a figure force null.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.pipeline.syntax import np_tokens
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import EACH, SHARED

#: Prepositions whose object says whose personnel they are, not where they are.
WHOSE_PREPS = frozenset({"of", "from"})
#: Words that give a clause's figure to each of several forces in turn ("each has", "each country has").
_DISTRIBUTIVE = frozenset({"each"})
#: Words that make a clause's figure the pooled total of its plural subject ("together have", "a combined 4,000").
_POOLING = frozenset({"together", "collectively", "jointly", "combined"})
#: Plural nouns for several states or their forces, whose pooled total is no one force's.
_SEVERAL = frozenset({"country", "nation", "state", "member", "ally", "partner", "army", "military", "government"})
#: "both countries", "the two allies": words that count a plural subject as the few forces just named.
_FEW = frozenset({"both", "two", "three"})
#: "between them": the preposition and the pronouns that pool a figure.
_BETWEEN, _THEM = "between", frozenset({"them", "themselves"})
#: "take part": the verb and the object that make it a participation verb.
_TAKE_PART = ("take", "part")


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


def pooled(subject: Token, verb: Token, noun: Token) -> str | None:
    """How the figure is the total of several forces its subject names, if it is: pooled (``EACH``, no one's, not
    even a mission's: "European armies, which together have about 1.5 million troops", "Taken together, the
    members have ...", "Denmark and Estonia have 750 between them"), or counted as several (``SHARED``: "The two
    allies now have 3,400 personnel", "Both countries will send 2,000", a mission's where the article is one's)."""
    if subject.lemma_.lower() not in _SEVERAL and not subject.conjuncts:
        return None  # "The eight battlegroups together count 10,000": one force's units
    marks = [c for c in (*verb.children, *noun.children) if c.dep_ in ("advmod", "amod", "prep")]
    marks += [g for c in verb.children if c.dep_ == "advcl" for g in c.children if g.dep_ == "advmod"]
    if any(m.lower_ in _POOLING or m.lower_ == _BETWEEN and any(o.lower_ in _THEM for o in m.children) for m in marks):
        return EACH
    # "the two allies" refers back to forces just named; "34 countries that provide 11,000" are an organisation's
    several = subject.tag_ == "NNS" and any(c.lower_ in _FEW for c in subject.children)
    return SHARED if several else None


def participates(ctx: Context, noun: Token) -> bool:
    """Does the figure count the participants of an exercise ("the drills involve 13,000 troops", "8,900 troops
    joined the annual exercise", "100,000 troops would take part")?"""
    return _exercise(ctx, noun) is not None or _taking_part(ctx, noun)


def joint_exercise(ctx: Context, noun: Token) -> bool:
    """Does the figure count the participants of an exercise several states hold together ("the joint drills,
    involving about 13,000 troops", "20,000 troops take part in the multinational exercise")? Its clause's
    exercise, else any the article calls joint."""
    words = ctx.words
    exercise = _exercise(ctx, noun)
    named = [exercise] if exercise is not None else [t for t in noun.doc if t.lemma_.lower() in words.exercise_nouns] \
        if _taking_part(ctx, noun) else []
    return any(c.dep_ in ("amod", "compound") and c.lower_ in words.joint_words for t in named for c in t.children)


def _exercise(ctx: Context, noun: Token) -> Token | None:
    """The exercise whose participants the figure counts, as its clause names it: the object of the verb the
    figure's noun is the subject of, or the subject (or noun) of the verb that has it as its object."""
    words, verb = ctx.words, noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and (verb.lemma_.lower() in words.participation_verbs or _taking_part(ctx, noun)):
        objects = [c for c in verb.children if c.dep_ == "dobj"] + [
            o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    elif noun.dep_ == "dobj" and verb.lemma_.lower() in words.participation_verbs:
        objects = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    else:
        return None
    return next((o for o in objects if o.lemma_.lower() in words.exercise_nouns), None)


def _taking_part(ctx: Context, noun: Token) -> bool:
    """ "100,000 troops would participate", "2,500 would be involved in total", "20,000 take part": participants,
    whatever they take part in (a participation verb with no object of its own)."""
    verb = noun.head
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if verb.lemma_.lower() == _TAKE_PART[0]:
        return any(c.lower_ == _TAKE_PART[1] for c in verb.children)
    return verb.lemma_.lower() in ctx.words.participation_verbs and not any(c.dep_ == "dobj" for c in verb.children)
