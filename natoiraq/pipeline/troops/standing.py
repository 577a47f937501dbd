"""Whether a figure's own phrase says it is there or still to come: "the 136 observers already on the ground",
"the 400 troops sent last month", "the 300 marines due next week", "the promised 1,000 troops have arrived"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import governor, is_verb
from natoiraq.pipeline.troops.clauses import perfect, simple_past
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel
from natoiraq.pipeline.troops.moves import carrier
from natoiraq.pipeline.troops.plans import is_planned

#: "the first of 160 due on the island": a figure that is due is expected.
_DUE = "due"
#: What dates a participle before now: "sent last month", "two years ago", "earlier this year".
_PAST_MARKERS = frozenset({"last", "ago", "earlier", "previously"})


def carried_out(ctx: Context, anchor: Token, plans: list[Token]) -> bool:
    """Has the force a participle says was promised done something since: the subject of a verb in the simple past
    or the perfect that plans nothing ("the 2,000 troops promised in May arrived in September", "the promised
    1,000 troops have arrived")? Not where the participle names what is still to come ("troops scheduled to
    deploy received their orders"). The force may be the group the figure is of ("the first rotation of 300
    soldiers, which will replace the Dutch unit, landed")."""
    anchor = carrier(ctx, anchor)
    verb = anchor.head
    if anchor.dep_ not in ("nsubj", "nsubjpass") or not is_verb(verb) or any(c.dep_ == "neg" for c in verb.children):
        return False  # "the promised 1,000 troops never arrived"
    # what only approves the plan ("the pledged 800 were approved") has not carried it out
    return (simple_past(verb) or perfect(verb)) and not is_planned(ctx, verb) \
        and verb.lemma_.lower() not in ctx.words.reporting_verbs | ctx.words.authorising_verbs \
        and not any(c.dep_ == "xcomp" for p in plans for c in p.children)


def dated_past(participle: Token) -> bool:
    """Is a past participle on the figure's noun dated before now ("sent last month", "deployed two years ago",
    "dispatched earlier this year")? Undated, "the troops deployed under the plan" may still be to come."""
    return participle.tag_ == "VBN" and any(t.lower_ in _PAST_MARKERS for c in participle.children
                                            if c.dep_ in ("npadvmod", "advmod", "prep") for t in c.subtree)


def due(number: Token) -> bool:
    """Is the figure's phrase, up to its verb, said to be due ("the 300 marines due next week", "the first of
    160 due on the island")? What is due is expected, whatever the clause around it has done."""
    current = number
    while not is_verb(current):
        if any(c.dep_ == "amod" and c.lower_ == _DUE for c in current.children):
            return True
        if current.head.i == current.i:
            break
        current = current.head
    return False


def settled(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Does the figure's own clause say it is already there ("11,000 troops already deployed")?"""
    anchor = personnel.anchor
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    near = [c for head in {anchor, span.root} for c in head.children]  # "the 9,000 already deployed": the number's own
    near += [c for n in near if n.dep_ in ("acl", "amod", "prep", "advmod") for c in n.children]  # "currently there"
    if verb is not None and anchor.head.i == verb.i:  # the figure's own clause, not one it hangs from
        # up to another object: what follows it may be that object's ("will join the 900 already in Estonia")
        end = min((c.i for c in verb.children if c.dep_ == "dobj" and c.i != anchor.i), default=len(span.doc))
        near += [c for c in verb.children if c.i < end] + [c for n in verb.children if n.dep_ == "prep" and n.i < end
                                                           for c in n.children]
    return any(t.dep_ == "advmod" and t.lower_ in ctx.words.settled_words for t in near)


def part_relative(part: Token) -> Token | None:
    """The relative clause the parse hangs on a part but that follows its whole ("the first 300 of the 2,000
    troops Chad promised", "the first of 1,000 it has pledged"): it says what the whole is, not the part."""
    of = next((c for c in part.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    return None if of is None else next((c for c in part.children if c.dep_ == "relcl" and c.i > of.i and is_verb(c)),
                                        None)
