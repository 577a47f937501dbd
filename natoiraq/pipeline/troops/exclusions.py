"""What no troop figure is, though it counts people: money and shares ("$50 million", "40 percent"),
casualties, trainees and civilians (:func:`excluded`), and capacities, flows, shortfalls and
separatist armies (:func:`not_a_size`). :mod:`.counts` finds what a number counts; this turns away
what it finds but no force's size."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel


def is_money_or_share(ctx: Context, span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    texts = {t.lower_ for t in span} | {t.lower_ for t in (before, after) if t is not None}
    if texts & ctx.words.money_words or any(t.text.startswith(("$", "€", "£")) for t in span):
        return True
    return after is not None and after.lower_ in ("%", "percent", "per", "pc")


def excluded(ctx: Context, personnel: Personnel, number: Token) -> bool:
    noun = personnel.anchor
    if not_a_size(ctx, noun, number):
        return True
    allowed = ctx.words.allowed_modifiers.get(noun.lemma_.lower(), frozenset())  # UN "civilian police" count
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "oprd")]
    if any(c.lower_ in ctx.words.excluded_modifiers and c.lower_ not in allowed and not _compounded(c)
           for c in modifiers):
        return True  # "diplomatic staff", "left 24 soldiers dead"; not "desert-trained soldiers"
    if any(ch.isdigit() for c in noun.children if c.dep_ in ("compound", "nummod") and c.i != number.i
           and not c.like_num for ch in c.text):
        return True  # "24 F-16 fighters": a model number makes them aircraft
    if noun.dep_ in ("dobj", "nsubj") and any(c.dep_ in ("oprd", "acomp") and c.lemma_.lower() in ctx.words.casualty_lemmas
                                              for c in noun.head.children):
        return True  # "left 24 soldiers dead", "30 soldiers are dead"
    if _with_civilians(ctx, noun):
        return True
    if number.lower_ == "one" and number.i + 1 < len(number.doc) and number.doc[number.i + 1].lower_ == "of":
        return True  # "every last one of our soldiers"
    # "20 soldiers were killed", "killed 20 soldiers", "soldiers killed in the attack"
    for token in (noun, number):
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "conj") and head.lemma_.lower() in ctx.words.casualty_lemmas \
                and not _other_number_between(token, head):
            return True
        if any(c.lemma_.lower() in ctx.words.casualty_lemmas for c in token.children if c.dep_ in ("acl", "amod", "relcl")):
            return True
        # "graduated up to 50,000 Iraqi troops": people trained are an output, not a force.
        if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ctx.words.trained_lemmas:
            return True
        if token.dep_ == "pobj" and head.head.lemma_.lower() in ctx.words.trained_lemmas | ctx.words.casualty_lemmas:
            return True  # "the training of 500 officers", "the deaths of 20 soldiers"
    return noun.dep_ == "attr" and any(c.lemma_.lower() in ctx.words.casualty_lemmas for c in noun.head.children)


def not_a_size(ctx: Context, noun: Token, number: Token) -> bool:
    """Capacities, flows, shortfalls and separatist armies count personnel but size no force: "a base
    capable of hosting up to 10,000 troops", "room for 5,000", "5.3 million servicemen passed through",
    "8,500 troops short", "the separatist army numbers 20,000"."""
    words = ctx.words.not_a_size
    doc = noun.doc
    # "the separatist army numbers 20,000", "the breakaway republic's army of 15,000 men"
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holders.append(noun.head.head)
    if noun.dep_ in ("dobj", "attr"):
        holders += [c for c in noun.head.children if c.dep_ == "nsubj"]
    holders += [c for h in holders for c in h.children if c.dep_ == "poss"]
    if any(c.lower_ in words["separatist_words"] for h in holders for c in h.children
           if c.dep_ in ("amod", "compound")):
        return True
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is not None and after.lower_ in words["shortfall_words"]:
        return True  # "8,500 troops short of the minimum"
    for token in (noun, number):
        head = token.head
        if token.dep_ == "pobj" and head.head.lemma_.lower() in words["capacity_nouns"] | words["shortfall_words"]:
            return True  # "a capacity of 10,000 troops", "a shortfall of 2,000 soldiers"
        if token.dep_ == "dobj" and head.lemma_.lower() in words["capacity_verbs"] and (
                any(c.dep_ == "aux" and c.lower_ in words["capability_words"] for c in head.children)
                or any(a.lemma_.lower() in words["capability_words"] for a in list(head.ancestors)[:3])):
            return True  # "capable of hosting up to 10,000", "can accommodate 5,000"
    # the verbs the personnel are subject of: "servicemen passed", "sailors expected to visit"
    verbs = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [v for c in noun.children if c.dep_ == "acl" for v in (c, *(x for x in c.children if x.dep_ == "xcomp"))]
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma in words["visit_verbs"] or lemma in words["flow_verbs"] and any(
                c.dep_ in ("prep", "prt") and c.lower_ in words["flow_preps"] for c in verb.children):
            return True  # "5.3 million servicemen passed through the camp", "9,000 sailors expected to visit"
    return False


def _with_civilians(ctx: Context, noun: Token) -> bool:
    """A mixed civilian-plus-uniformed total is no force's size (conventions): "3,200 personnel, including
    observers, troops and civilians"; the UN's "civilian police" are police."""
    listed = [t for c in noun.children if c.lower_ == "including" for t in c.subtree]
    return any(t.lemma_.lower() == "civilian" and (t.pos_ == "NOUN" or t.head.lemma_.lower() not in ctx.words.allowed_modifiers)
               for t in listed)


def _compounded(modifier: Token) -> bool:
    """Is the modifier the end of a hyphenated compound ("desert-trained", "US-trained")? It then says what
    kind of soldiers they are, not that they are trainees, veterans or casualties."""
    doc = modifier.doc
    return modifier.i >= 2 and doc[modifier.i - 1].text == "-" and not doc[modifier.i - 2].whitespace_


def _other_number_between(token: Token, verb: Token) -> bool:
    """ "700 peacekeepers served ..., and 47 lost their lives": the casualty verb is the other number's."""
    low, high = sorted((token.i, verb.i))
    return any(t.like_num and t.pos_ == "NUM" and t.head.i != token.i for t in token.doc[low + 1: high])
