"""Which way: a figure's kind (level, increase, decrease); :mod:`.status` says how sure, :mod:`.moves` which
moves take troops away, :mod:`.named` which changes the words around a figure name.

:func:`kind` and :func:`.status.status` read each figure's own words; :func:`settle` then gives a figure
that reports another again (a headline and its lede, "the 33,000 troops" after a withdrawal of
33,000) that figure's kind and status, and the items of a planned figure's list its status.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import change_verb, governor, is_verb, word_before
from natoiraq.pipeline.troops.clauses import (changed_to_target, content_verb, modal, musters, negated, phrasal,
                                             whole_of_part)
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel, TroopFigure
from natoiraq.pipeline.troops.moves import PARTITIVES, carrier, verb_decreases
from natoiraq.pipeline.troops.named import (DETERMINERS, clause_change, nominal_change, quoted_change, sized_change,
                                           with_change)
from natoiraq.pipeline.troops.nouns import force_of, is_force_noun, is_personnel
from natoiraq.pipeline.troops.words import TroopWords

#: Prepositions whose object is a size, not what the clause's verb moves: "cut from 3,000 to 2,500",
#: "against the 34,500 there".
_END_PREPS = frozenset({"to", "from", "at", "between", "of", "against"})
#: The verb of a group that comes after another: "and 2,000 more will follow".
_FOLLOW = "follow"
#: How the parse hangs a gapped clause's number on the verb it shares: "3,000 next year", "and 2,000 in 2006".
_GAPPED_DEPS = frozenset({"npadvmod", "conj", "appos"})


def kind(ctx: Context, span: Span, number: Token, personnel: Personnel) -> str:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ctx.words.increase_markers_after:
        # "450 more troops", "1,000 of the 4,000 extra troops"; but "23,000 more to be withdrawn" is more of
        # a withdrawal, and "20,000 further servicemen kept on standby" a further group
        if verb_decreases(ctx, span, personnel) or _followed(ctx, span, personnel) == "decrease":
            return "decrease"
        return "level" if _enumerates(ctx, span, personnel) else "increase"
    if whole_of_part(span, ctx.words):
        return "level"  # "pull out 2,200 of 5,200 troops": 5,200 is the force's size
    gapped = _gapped(ctx, number, personnel)
    if gapped is not None:
        return gapped.kind  # "5,000 troops will leave this year, 3,000 next year": the same change again
    apposed = _apposed(ctx, personnel)
    if apposed is not None and apposed.kind != "level":
        return apposed.kind  # "the 120 soldiers will leave in two stages: the first group, about 40 soldiers, ..."
    if after is not None and after.lower_ in ctx.words.decrease_markers_after:
        return "decrease"  # "2,500 fewer soldiers"
    nominal = nominal_change(ctx, number, personnel) or quoted_change(ctx, span) \
        or with_change(ctx, personnel.anchor)
    if nominal is not None:
        return nominal  # "the pullout of 150 peacekeepers", "a surge of 3,000"
    before = [t.lower_ for t in doc[max(0, span.start - 2): span.start]]
    if any(w in ctx.words.increase_markers_before for w in before) and "than" not in before:
        if verb_decreases(ctx, span, personnel) or _by_change(ctx, number, personnel) == "decrease":
            return "decrease"  # "bring a further 120 home", "shrink the force by a further 100"
        if _enumerates(ctx, span, personnel):
            return "level"  # "another 250 are flying sorties": a further group, not a change
        return "increase"  # "an additional 20 will deploy", "another 1,000"
    anchor = personnel.anchor
    group = carrier(ctx, anchor)
    holder = force_of(ctx, anchor) or group  # "an extra squadron of 120"
    # "a force of about 2,000 began withdrawing": the figure sizes its noun through "of"
    grouped = group.i != anchor.i or number.dep_ == "pobj" and number.head.lower_ == "of" \
        and number.head.head.i == anchor.i
    if grouped and verb_decreases(ctx, span, personnel):
        return "decrease"  # "a first batch of 150 soldiers withdrew": the "of" sizes what leaves
    if group.i != anchor.i and _added(ctx, governor(span, anchor, ctx.words.reporting_verbs), group, anchor):
        return "increase"  # "a total of 5,000 reservists were called up", "add a batch of 200 soldiers"
    # the words that mark an addition on either side of a number are its adjectives: "additional", "extra"
    adjectives = ctx.words.increase_markers_before & ctx.words.increase_markers_after
    # ...but an elided figure's noun is borrowed: "the extra troops will join them, bringing the total to 1,200"
    # sizes the total they lead to
    before = word_before(span)
    borrowed = number not in anchor.subtree and before is not None and before.lower_ in _END_PREPS
    if not borrowed and any(c.lower_ in adjectives for t in {anchor, holder} for c in t.children
                            if c.dep_ == "amod" and not span.start <= c.i < span.end):
        return "increase"  # "2,000 additional troops"; not the "more" of "to more than 2,000"
    if holder.i != anchor.i and any(c.dep_ == "det" and c.lower_ in ctx.words.increase_markers_before
                                    for c in holder.children):
        # "another batch of 200 soldiers arrived"; "another contingent of 300 is stationed there" is a further group
        verb = governor(span, holder, ctx.words.reporting_verbs)
        return "level" if verb is not None and verb.lemma_.lower() in ctx.words.state_verbs else "increase"
    sized = sized_change(ctx, number, personnel)
    if sized is not None:
        return sized  # "put the number to be withdrawn at 5,000": the size of a withdrawal, not of a force
    previous = word_before(span)
    if previous is not None and previous.lower_ in DETERMINERS and previous.i > 0:
        previous = doc[previous.i - 1]
    if previous is not None and previous.lower_ in _END_PREPS:
        return "level"  # "cut from 3,000 to 2,500": both are sizes; "to 25,000, against the 34,500 there"
    if changed_to_target(ctx, span, personnel):
        return "level"  # "the 7,100 troops would be cut to 5,500": the size it starts from
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in PARTITIVES:
        return "level"  # "withdrawing most of its 250 soldiers": 250 is the force's size
    by = _by_change(ctx, number, personnel)
    if by is not None:
        return by
    if _reinforced_with(ctx, number, personnel):
        return "increase"  # "reinforce its contingent with 500 troops", "beef up its presence with 1,000"
    if _reinforcing(ctx, span, personnel):
        return "increase"  # "500 Marines will reinforce the garrison", "sent 2,000 troops to bolster its forces"
    if negated(ctx, span, personnel):
        return "level"  # "India will not withdraw about 350,000 soldiers": they stay
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    named = clause_change(ctx, verb, anchor)
    if named is not None:
        return named  # "the withdrawal will see 1,000 troops exit", "launched a surge, sending in 2,300 troops"
    if verb_decreases(ctx, span, personnel):
        return "decrease"
    if verb is not None and _in_addition(verb):
        return "increase"  # "sent 1,000 more personnel in addition to the 11,000 already there"
    if _added(ctx, verb, anchor, anchor):
        return "increase"  # "add 1,000 troops", "1,000 will be added", "call up 300,000 reservists"
    return "level"


def settle(figures: list[TroopFigure], words: TroopWords) -> None:
    """Kind and status for figures that report another again (found by :mod:`.discourse`): a headline
    figure says what its lede says, and so does a definite mention of a change."""
    for figure in figures:
        source = figure.echo_of or figure.same_as
        if source is not None and (figure.echo_of is not None or (
                figure.definite and source.span.start < figure.span.start and source.kind != "level")):
            figure.kind, figure.status = source.kind, source.status
    _list_status(figures, words)


def _list_status(figures: list[TroopFigure], words: TroopWords) -> None:
    """Items of a figure's list share its status: "a ceiling of 11,650 personnel, including 480 observers
    and 2,080 police" are all planned."""
    by_anchor = {f.personnel.anchor.i: f for f in figures}
    for figure in figures:
        if whole_of_part(figure.span, words):
            continue  # "4,000 of the 19,000 marines": the whole is there, whatever happens to the part
        token = figure.personnel.anchor
        for _ in range(4):
            if token.dep_ not in ("conj", "appos", "pobj", "prep") or token.head.i == token.i:
                break
            token = token.head
            head = by_anchor.get(token.i)
            if head is not None and head is not figure:
                if head.status == "planned" and figure.kind == "level":
                    figure.status = "planned"
                break
    _list_ceiling(figures)


def _list_ceiling(figures: list[TroopFigure]) -> None:
    """ "up to 19,815 military personnel, 760 observers and 391 police": "up to" governs every item of
    its list (the conventions), the items following it with only their nouns, commas and "and" between
    ("add up to 100,000 troops and 700 tanks to the 238,000 there" is no list)."""
    for before, figure in zip(figures, figures[1:]):
        between = figure.span.doc[before.span.end: figure.span.start]
        if before.quantity.qualifier == "up_to" and figure.quantity.qualifier == "exact" \
                and before.span.sent == figure.span.sent and any(t.text == "," or t.lower_ == "and" for t in between) \
                and not any(t.pos_ in ("VERB", "AUX", "ADP", "DET") or t.text in (";", ".") for t in between):
            figure.quantity = replace(figure.quantity, qualifier="up_to")
            figure.status = "planned"


def _gapped(ctx: Context, number: Token, personnel: Personnel) -> TroopFigure | None:
    """The figure an elided one repeats the change of, in a gapped clause with no verb of its own: "1,000
    troops will leave this year, 3,000 next year, 2,000 in 2006"; "the pullout will leave 534 troops, 341
    from the Philippines"."""
    if personnel.unit is not None or personnel.inherited_unit is None or not (
            number.dep_ in _GAPPED_DEPS or number.head.ent_type_ == "DATE"):
        return None
    earlier = [i for i in ctx.found if number.sent.start <= i < number.i]
    return ctx.found[max(earlier)] if earlier else None


def _followed(ctx: Context, span: Span, personnel: Personnel) -> str | None:
    """The kind of the change a figure "will follow", the one reported before it in its sentence: "5,000 troops
    have been withdrawn so far, and 2,000 more will follow" are more of the withdrawal."""
    verb = governor(span, personnel.anchor, ctx.words.reporting_verbs)
    earlier = [i for i in ctx.found if span.sent.start <= i < span.start]
    if verb is None or verb.lemma_.lower() != _FOLLOW or not earlier:
        return None
    return ctx.found[max(earlier)].kind


def _apposed(ctx: Context, personnel: Personnel) -> TroopFigure | None:
    """The figure an appositive breaks down: "the 120 soldiers will leave in two stages: the first group, about
    40 soldiers, ..." is part of the change. The appositive may hang on the figure's noun, on a group's in
    apposition to it, or (as the parse may have it after a colon) on the verb whose subject the figure is. Not
    the next item of a list ("3,000 extra troops and the 10,000 already there"): each has its own words."""
    anchors = {f.personnel.anchor.i: f for f in ctx.found.values()}
    token = personnel.anchor
    for _ in range(3):
        if token.dep_ not in ("appos", "conj") or token.head.i == token.i \
                or (token.dep_ == "conj" and token.head.i in anchors):
            return None
        token = token.head
        wholes = [token] + ([c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")] if is_verb(token) else [])
        whole = next((anchors[w.i] for w in wholes if w.i in anchors), None)
        if whole is not None:
            return whole
    return None


def _added(ctx: Context, verb: Token | None, moved: Token, anchor: Token) -> bool:
    """Is what the verb moves (the figure's noun, or the group it is "of") added by it: "add 1,000 troops", "1,000
    will be added", "call up 300,000 reservists", "called 150,000 men to the colours"?"""
    return verb is not None and moved.head.i == verb.i and moved.dep_ in ("dobj", "nsubjpass") and (
        verb.lemma_.lower() in ctx.words.addition_verbs or phrasal(verb, ctx.words.increase_phrasal)
        or (verb.lemma_.lower() in ctx.words.callup_verbs and anchor.lemma_.lower() in ctx.words.reserve_nouns)
        or musters(ctx, verb))


def _reinforcing(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Does the figure itself reinforce a force or a place, as the subject of a verb of increase or as what a verb
    sends to do so ("500 Marines will reinforce the garrison", "1,500 soldiers will be sent to reinforce the
    garrison", "sent 2,000 troops to bolster its forces in Syria")? Not "to bolster security": what grows must
    be a force."""
    anchor = personnel.anchor
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is None or anchor.head.i != verb.i or anchor.dep_ not in ("nsubj", "nsubjpass", "dobj"):
        return False
    purposes = [c for c in verb.children if c.dep_ in ("advcl", "xcomp") and any(a.tag_ == "TO" for a in c.children)]
    doers = ([verb] if anchor.dep_ == "nsubj" else []) + (purposes if verb.lemma_.lower() in ctx.words.sending_verbs else [])
    return any((v.lemma_.lower() in ctx.words.increase_verbs or phrasal(v, ctx.words.increase_phrasal)) and any(
        c.dep_ == "dobj" and (is_force_noun(ctx, c) or is_personnel(ctx, c) or ctx.mentions.place([c]) is not None)
        for c in v.children) for v in doers)


def _reinforced_with(ctx: Context, number: Token, personnel: Personnel) -> bool:
    """ "reinforce the contingent with 500 troops", "beef up its presence with 1,000 soldiers": what a verb of
    increase adds its force with is the addition; not the size it leads to, per unit ("scaled up to brigade
    level, with 3,000 troops each") or as a target ("boost the mission to 4,000 with ...")."""
    if any(t.lower_ == "each" for t in personnel.anchor.subtree):
        return False
    for candidate in (number, personnel.anchor):
        if candidate.dep_ == "pobj" and candidate.head.lower_ == "with" and is_verb(verb := candidate.head.head) \
                and (verb.lemma_.lower() in ctx.words.increase_verbs or phrasal(verb, ctx.words.increase_phrasal)) \
                and not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
            return True
    return False


def _in_addition(verb: Token) -> bool:
    """ "sent 1,000 personnel in addition to the 11,000 there": the figure adds to a force; not the sentence
    adverb "In addition, 350 marines are deploying", which adds a fact, not troops."""
    return any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lower_ == "addition" and any(
        p.dep_ == "prep" and p.lower_ == "to" for p in o.children) for o in c.children) for c in verb.children)


def _enumerates(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Is "another"/"a further" N (or "N further") a further group in a list of where a force is ("are
    there", "serve at the headquarters", "kept on standby", "partner nations a further 1,800"), rather than
    a change?"""
    words = {t.lower_ for t in span.doc[max(0, span.start - 2): span.end + 1]}
    if not words & {"another", "further"}:
        return False
    verb = governor(span, personnel.anchor, ctx.words.reporting_verbs)
    if verb is None:
        return True  # elided: "and partner nations a further 1,800"
    if personnel.anchor.dep_ in ("nsubj", "nsubjpass") and personnel.anchor.head.i == verb.i:
        verb = content_verb(verb)  # "a further 150 are due to arrive": they arrive, not "are"
    lemma, tense_future = verb.lemma_.lower(), modal(verb)
    # "another 300 are deployed in the Emirates": a present passive says where they are, as "are based" does
    present_passive = not tense_future and lemma in ctx.words.deploy_verbs and any(
        c.dep_ == "auxpass" and c.tag_ in ("VBP", "VBZ") for c in verb.children)
    return present_passive or (lemma in ctx.words.state_verbs and not (tense_future and lemma == "be"))


def _by_change(ctx: Context, number: Token, personnel: Personnel) -> str | None:
    """ "boost by 500", "reinforced by 50 instructors", "shrink the force by 3,000"; "fell by 3,000 to 8,600",
    which the parse reads as one range under "by"."""
    ends = [number.head] if number.dep_ == "quantmod" and number.head.like_num else []
    for candidate in (number, personnel.anchor, *ends):
        if candidate.dep_ in ("pobj", "agent") and candidate.head.lower_ == "by":
            change = change_verb(candidate.head, ctx.words.level_verbs)
            verb = change.lemma_.lower() if change is not None else ""
            if verb in ctx.words.lowering_verbs \
                    or (change is not None and phrasal(change, ctx.words.decrease_phrasal)):
                return "decrease"  # "shrink the force by 3,000", "scale down its numbers by 3,000", "fell by 900"
            if verb in ctx.words.raising_verbs:
                return "increase"  # "boost by 500", "the contribution rises by 200 soldiers"
    return None
