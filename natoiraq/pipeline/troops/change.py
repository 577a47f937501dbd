"""Which way and how sure: a figure's kind (level, increase, decrease) and status (actual, planned)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import change_verb, governor, is_verb, word_before
from natoiraq.pipeline.troops.context import Context, Personnel

_PARTITIVES = frozenset({"most", "some", "all", "half", "part", "many", "majority", "bulk", "rest", "remainder", "few"})


def kind(ctx: Context, span: Span, number: Token, personnel: Personnel) -> str:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ctx.words.increase_markers_after:
        return "increase"  # "450 more troops"
    before = [t.lower_ for t in doc[max(0, span.start - 2): span.start]]
    if any(w in ctx.words.increase_markers_before for w in before) and "than" not in before:
        return "increase"  # "an additional 20", "another 1,000"
    if any(c.lower_ in ("additional", "extra", "more", "further") for c in personnel.anchor.children if c.dep_ == "amod"):
        return "increase"
    previous = word_before(span)
    if previous is not None and previous.lower_ in ("to", "from", "at", "between", "of"):
        return "level"  # "cut from 3,000 to 2,500": both are sizes
    anchor = personnel.anchor
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in _PARTITIVES:
        return "level"  # "withdrawing most of its 250 soldiers": 250 is the force's size
    for candidate in (number, personnel.anchor):
        # "boost by 500", "reinforced by 50 instructors"
        if candidate.dep_ in ("pobj", "agent") and candidate.head.lower_ == "by":
            change = change_verb(candidate.head, ctx.words.level_verbs)
            verb = change.lemma_.lower() if change is not None else ""
            if verb in ctx.words.decrease_verbs:
                return "decrease"
            if verb in ctx.words.increase_verbs:
                return "increase"
        if candidate.dep_ == "pobj" and candidate.head.head.lemma_.lower() in ("withdrawal", "drawdown", "pullout", "reduction"):
            return "decrease"
    verb = governor(span, personnel.anchor)
    if verb is not None and anchor.dep_ == "nsubj" and verb.i > number.i:
        if verb.lemma_.lower() in ctx.words.departure_verbs:
            return "decrease"  # "about 1,000 U.S. troops will leave the country"
    elif verb is not None:
        lemma = verb.lemma_.lower()
        if lemma in ctx.words.decrease_verbs or any((lemma, c.lower_) in ctx.words.decrease_phrasal for c in verb.children):
            return "decrease"  # "withdraw 2,000 troops", "bring home 100 of its trainers"
        if lemma == "add" and anchor.dep_ == "dobj" and anchor.head.i == verb.i:
            return "increase"
    return "level"


def status(ctx: Context, span: Span, number: Token, personnel: Personnel, kind: str) -> str:
    """ "could go up to 200" is planned; "from 500" in a planned change is today's level;
    "the 5,200 troops", "its 2,000-strong air group" state the size of a force that exists
    (but "would withdraw the remaining 2,500" is a planned change)."""
    previous = word_before(span)
    if previous is not None and previous.lower_ == "from":
        return "actual"
    anchor = personnel.anchor
    # Only the number's own phrase: in "cap the U.S. presence at 25,000" the definite
    # phrase is the force, not the figure.
    own_phrase = number.head.i == anchor.i or (number.i < anchor.i and number in anchor.subtree)
    determiners = [c for c in anchor.children if c.dep_ in ("det", "poss") and c.i < number.i] if own_phrase else []
    if kind == "level" and any(d.lower_ in ("the", "its", "their", "his", "her", "our", "these", "those")
                               or d.dep_ == "poss" for d in determiners):
        return "actual"
    current = number
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "NOUN" and current.lemma_.lower() in ctx.words.plan_nouns:
            return "planned"
        if is_verb(current):
            break
    verb = governor(span, anchor)
    return "planned" if verb is not None and _is_planned(ctx, verb) else "actual"


def _is_planned(ctx: Context, verb: Token) -> bool:
    for _ in range(3):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "MD" or a.tag_ == "TO" or a.lower_ == "going" for a in auxes):
            return True
        if verb.lemma_.lower() in ctx.words.plan_verbs and verb.tag_ != "VBD" or any(
                c.lemma_.lower() in ctx.words.plan_verbs and c.dep_ == "acomp" for c in verb.children):
            return True
        # "will send 475 more, bringing the total to 1,600": the participle shares its head's modality.
        shares_head = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        if not shares_head or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False
