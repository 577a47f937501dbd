"""How sure: a figure's status, actual or planned ("will send", "pledged", "a planned total of 1,703",
"the 136 observers already on the ground", "up to 13,730" as a ceiling)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import POSSESSIVE_PRONOUNS, governor, is_verb, prep_objects, word_before
from natoiraq.pipeline.troops.clauses import (changed_to_target, controlled, modal, musters, negated, perfect,
                                             phrasal, progressive, relative_clause, simple_past, sized, whole_of_part)
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel
from natoiraq.pipeline.troops.nouns import COMPOSITION_VERBS, force_of
from natoiraq.pipeline.troops.standing import carried_out, dated_past, due, part_relative, settled
from natoiraq.pipeline.troops.plans import (HAVE, authorised_force, decided_change, estimated, is_planned,
                                            on_standby, plan_noun, plan_subject, readied)


#: "asked for 40,000 more troops": what is asked for.
_FOR = "for"
#: "with 40,000 troops defending the city": an absolute phrase with its own predicate.
_WITH = "with"
#: On the way: "are on their way to Poland", "headed to the Middle East" (a participle that reads as the
#: progressive).
_ON, _WAY, _HEADED = "on", "way", "headed"
#: What an operation is made of: "Operation Serval involved up to 4,000 soldiers".
_INVOLVE = "involve"
#: Tags of a finite verb or its auxiliary (a modal, where it only guesses: "there may be up to 2,000").
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
#: What keeps a force where it is: "will keep its 540 soldiers in Latvia".
_KEEPING = frozenset({"keep", "maintain", "retain"})


def status(ctx: Context, span: Span, number: Token, personnel: Personnel, kind: str, qualifier: str) -> str:
    """ "could go up to 200" is planned; "from 500" in a planned change is today's level;
    "the 5,200 troops", "its 2,000-strong air group" state the size of a force that exists
    (but "would withdraw the remaining 2,500" is a planned change)."""
    previous = word_before(span)
    # "The mission has 700 personnel. It will grow by 300": a noun a pronoun stands for, in the sentence before,
    # is not the figure's clause
    anchor = personnel.anchor if personnel.anchor.i >= span.sent.start else number
    own_phrase = number.head.i == anchor.i or (number.i < anchor.i and number in anchor.subtree)
    # "instead of the planned 3,000": the number may be its own phrase's head
    plans = [c for c in anchor.children if c.dep_ == "amod" and c.lower_ in ctx.words.plan_adjectives
             or c.dep_ == "acl" and c.lemma_.lower() in ctx.words.planning_verbs]
    if (own_phrase or number.i == anchor.i) and plans:
        # "the planned 4,000 troops", "of the 8,000 troops promised": a definite plan is a plan, until its troops
        # are said to have done something since ("the 2,000 promised in May arrived"); but an authorisation may
        # be history ("the first of 1,500 advisers authorized by Obama began arriving")
        return "actual" if carried_out(ctx, anchor, plans) else "planned"
    if any(c.dep_ == "acl" and (_en_route(ctx, c) or readied(ctx, c)) for c in anchor.children) \
            or any(on_standby(ctx, t) for t in {number, anchor}):
        # "the 8,600 Marines moving to Guam": on the way, not there yet; "troops placed on alert", "with 500 more
        # on standby"
        return "planned"
    part = whole_of_part(span, ctx.words)
    if part and kind == "increase" and _part_sent(ctx, span):
        return "planned"  # "has deployed 800 of the 2,000 extra troops": the reinforcement is not all there yet
    of = _of_before(span)
    if of is not None and (whole := part_relative(of.head)) is not None and is_planned(ctx, whole):
        return "planned"  # "the first of 1,000 officers it has pledged": what is pledged is the whole
    if (previous is not None and previous.lower_ == "from") or part:
        return "actual"
    if (kind == "level" and settled(ctx, span, personnel)) or changed_to_target(ctx, span, personnel):
        return "actual"  # "the 136 observers already on the ground"; "the 7,100 troops would be cut to 5,500"
    forces = [f for t in (number, personnel.anchor) if (f := force_of(ctx, t)) is not None]
    if kind == "level" and any(f.dep_ == "pobj" and f.head.head.lemma_.lower() in ctx.words.decrease_nouns
                               for f in forces):
        return "actual"  # "demanded the departure of a U.S. force of about 5,200": the force that is there
    if kind == "level" and any(c.dep_ == "poss" for f in forces for c in f.children):
        return "actual"  # "add 400 troops to its contingent of 2,800 soldiers": the force that is there
    if qualifier == "up_to" and not _states_what_is(ctx, span, personnel):
        return "planned"  # "up to 13,730", "not exceeding 4,000": an authorised ceiling
    if previous is not None and previous.lower_ in ("to", "at") and is_verb(previous.head) and (
            previous.head.lemma_.lower() in ctx.words.ceiling_verbs or any(
            c.dep_ in ("dobj", "nsubjpass") and plan_noun(ctx, c) for c in previous.head.children)):
        # "raises the limit to 850", "set the ceiling at 17,000", "caps the force at 800", "the ceiling was raised to",
        # "its authorised strength was raised to 22,126"
        return "planned"
    if due(number):
        return "planned"  # "the first of 160 due on the island": expected, not yet there
    # "the 378-strong contingent, which is due to..."; the parse may hang the clause on the number ("a force of
    # 30,000 to 40,000 that could remain")
    relative = None if sized(span) else relative_clause(anchor) or relative_clause(number)
    if relative is not None and relative == part_relative(number):
        relative = None  # "the first 300 of the 2,000 troops Chad promised landed": the promise is the whole's
    if relative is not None and is_planned(ctx, relative) and not carried_out(ctx, anchor, [relative]):
        # "the 150 troops they plan to deploy"; but not those that have done something since ("the 800 soldiers,
        # who will rotate out in May, arrived last year"), as a promised force that has arrived
        return "planned"
    if kind == "level" and any(c.dep_ == "acl" and dated_past(c) for c in anchor.children):
        return "actual"  # "the 400 troops sent last month (will be joined by 300 more)": done before now
    if relative is not None and (simple_past(relative) or kind == "level" and perfect(relative)):
        # "the 2,000 who left in May", "the 50,000 each side has massed (will stay)"; "the 600 who remain" takes
        # its sentence's status, and so does a change ("will withdraw the 3,000 it has deployed")
        return "actual"
    # Only the number's own phrase: in "cap the U.S. presence at 25,000" the definite
    # phrase is the force, not the figure.
    determiners = [c for c in anchor.children if c.dep_ in ("det", "poss") and c.i < number.i] if own_phrase else []
    # ...but a subject takes its clause's status, with an article or an owner: "The 150 troops will form a
    # unit", "Britain's 900 troops will remain there" (the clause that governs the figure, conventions); and so
    # does what a force is kept at ("will keep its 540 soldiers in Latvia", as "its 540 will remain")
    subject = anchor.dep_ in ("nsubj", "nsubjpass") and (not sized(span) or _goes(ctx, anchor)) \
        or anchor.dep_ == "dobj" and anchor.head.lemma_.lower() in _KEEPING
    if kind == "level" and not subject and any(d.dep_ == "poss" or d.lower_ in POSSESSIVE_PRONOUNS
                                               or d.lower_ in ("the", "these", "those") for d in determiners):
        return "actual"
    current = number
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "NOUN" and plan_noun(ctx, current):
            # "plans for 500 troops", "a planned total of 1,703", "Target strength: 20,000" (not "call-up")
            return "planned"
        if current.pos_ == "NOUN" and decided_change(ctx, current):
            return "planned"  # "approved the dispatch of 3,000 troops"
        if current.pos_ == "NOUN" and current.i != number.head.i and authorised_force(ctx, current):
            return "planned"  # "the Security Council authorised a force of 12,000": a ceiling, in any tense
        if is_verb(current):
            break
    if negated(ctx, span, personnel):
        # "will not withdraw 350,000 soldiers"; but a plan nearer the figure wins ("has not sent the 600 it
        # promised", "his promise of 10,000 more was never kept")
        return "actual"
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is not None and (anchor.dep_ in ("dobj", "nsubjpass") and anchor.head.i == verb.i or anchor.dep_ in (
            "nsubj", "nsubjpass") and anchor.head.head.i == verb.i and anchor.head.dep_ in ("ccomp", "xcomp")):
        # "ordered 9,500 personnel to be removed", "allowing 600 to be sent", "3,000 have been ordered to deploy"
        verb = controlled(ctx, verb, anchor)
    if verb is not None and _asked_for(ctx, verb, anchor):
        return "planned"
    if verb is not None and (anchor.dep_ in ("dobj", "pobj") or number.dep_ == "pobj" and number.head.head.i == verb.i) \
            and progressive(verb) and (verb.lemma_.lower() in ctx.words.changing_verbs
                                       or phrasal(verb, ctx.words.increase_phrasal | ctx.words.decrease_phrasal)):
        # "is withdrawing 1,000 troops", "was increasing troops by 21,500", "is calling up 300,000 reservists", "the
        # army is being reduced to 72,500": under way, as "is sending"
        return "planned"
    if verb is not None and anchor.dep_ == "nsubj" and anchor.head.i == verb.i \
            and verb.lemma_.lower() in ctx.words.plan_verbs:
        return "planned" if modal(verb) else "actual"  # "the 2,000 troops expect to be home": who plans is there
    if verb is not None and plan_subject(ctx, verb) and (any(t.head.i == verb.i or (
            t.head.dep_ == "prep" and t.head.head.i == verb.i) for t in (number, anchor)) or any(
            f.dep_ == "attr" and f.head.i == verb.i for f in forces)):
        # "the target is 300,000 troops", "the plan involves 3,000", "the goal is a force of 20,000"; not
        # "follows the deployment of"
        return "planned"
    if verb is not None and _sized_to_be(verb, (number, anchor)):
        return "planned"  # "the number of troops to be deployed is 850"
    if verb is not None and _subject_part(anchor, verb) and _en_route(ctx, verb):
        # "2,000 troops are heading to the region", "are on their way to Poland", "the carrier, with a crew of
        # 3,000 on board, is on its way"
        return "planned"
    return "planned" if verb is not None and is_planned(ctx, _absolute(anchor) or verb) else "actual"



def _goes(ctx: Context, anchor: Token) -> bool:
    """Does an X-strong force itself go or get ready ("the 3,000-strong force will deploy to Haiti", "the
    5,000-strong brigade will be ready by 2027")? Then its clause says when it is there; what others do to it
    ("will be joined by tanks", "will be reduced") leaves the force that exists."""
    verb = anchor.head
    lemma = verb.lemma_.lower()
    ready = lemma == "be" and any(c.dep_ == "acomp" and c.lemma_.lower() in ctx.words.readiness_adjectives
                                  for c in verb.children)
    return anchor.dep_ == "nsubj" and (lemma in ctx.words.travel_verbs | ctx.words.deploy_verbs or ready)


def _subject_part(anchor: Token, verb: Token) -> bool:
    """Is the figure the verb's subject, or in a phrase of it that the subject carries ("the carrier, with a
    crew of 3,000 on board", "a convoy of 300 troops"), where what the subject does, they do?"""
    token = anchor
    while token.dep_ in ("pobj", "prep", "appos") and token.head.i != token.i:
        token = token.head
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.i == verb.i


def _sized_to_be(verb: Token, figure: tuple[Token, ...]) -> bool:
    """Is the figure the size of something yet to be, an infinitive on the noun it sizes or on that noun's "of":
    what "be" states of its subject ("the number of troops to be deployed is 850", "the force to be sent is
    2,000"), or what a verb puts its object "at" ("put the number of troops to be withdrawn at 4,000")?"""
    at = [t.head.head for t in figure if t.dep_ == "pobj" and t.head.lower_ == "at"]
    if verb.lemma_ == "be" and any(t.dep_ == "attr" and t.head.i == verb.i for t in figure):
        role = "nsubj"
    elif any(a.i == verb.i for a in at):
        role = "dobj"
    else:  # the parse may hang "to be withdrawn at 4,000" off "put" as a clause of its own
        return any(a.dep_ == "advcl" and a.head.i == verb.i and modal(a) for a in at) \
            and any(c.dep_ == "dobj" for c in verb.children)
    nouns = [c for c in verb.children if c.dep_ == role]
    nouns += [o for n in nouns for o in prep_objects(n, "of")]
    return any(c.dep_ in ("acl", "relcl") and modal(c) for n in nouns for c in n.children)


def _en_route(ctx: Context, verb: Token) -> bool:
    """Is a force under way to somewhere: a verb of moving or coming back, in the progressive or as a
    participle on the force's noun, toward a destination ("are heading to the region", "Marines moving to
    Guam", "troops headed to the Middle East"), or "on the/its way"? Not "are returning home": coming back
    is what happens now (the conventions' gold), and moving about goes nowhere."""
    if verb.lemma_.lower() == "be":
        return any(c.dep_ == "prep" and c.lower_ == _ON and any(o.lemma_.lower() == _WAY for o in c.children)
                   for c in verb.children)
    under_way = progressive(verb) or (verb.dep_ == "acl" and verb.tag_ == "VBG") or verb.lower_ == _HEADED
    return verb.lemma_.lower() in ctx.words.travel_verbs and under_way and any(
        c.dep_ == "prep" and c.lower_ in ctx.words.destination_preps and not any(o.like_num for o in c.children)
        for c in verb.children)  # a place, not a target: "bringing the total to 440" goes nowhere


def _asked_for(ctx: Context, verb: Token, anchor: Token) -> bool:
    """Is the figure what a plan verb asks for, expects or considers, or what a decision announces
    ("requested 2,000 troops", "asked for 40,000 more", "2,000 were requested", "announced 2,000 peacekeepers
    for Karabakh")? Not there yet, in any tense; but a particle makes another verb ("called up 150,000
    reservists"), and a decision allots a force somewhere: without a destination it may only confirm one
    that is there ("confirmed 2,000 troops in the region")."""
    lemma = verb.lemma_.lower()
    if lemma not in ctx.words.asking_verbs or any(c.dep_ == "prt" for c in verb.children) or musters(ctx, verb):
        return False
    holder = anchor.head.head if anchor.dep_ == "pobj" and anchor.head.lower_ == _FOR else anchor.head
    if holder.i != verb.i or not (anchor.dep_ in ("dobj", "nsubjpass") or anchor.head.dep_ == "prep"):
        return False
    return lemma in ctx.words.plan_verbs or any(c.dep_ == "prep" and c.lower_ in ctx.words.destination_preps
                                                for t in (anchor, verb) for c in t.children)


def _absolute(anchor: Token) -> Token | None:
    """The participle of a "with" absolute ("asked for help, with 40,000 troops defending the city"): the
    figure's own predicate, not the verb the phrase hangs on."""
    noun = anchor.head if anchor.dep_ == "nummod" else anchor  # "with 500 more to follow": the figure is "more"'s
    if noun.dep_ != "pobj" or noun.head.lower_ != _WITH:
        return None
    # the parse may hang the infinitive as a relative clause
    return next((c for c in noun.children if c.dep_ in ("acl", "relcl") and is_verb(c)), None)


def _of_before(span: Span) -> Token | None:
    """The "of" before a whole: "800 of the 2,000 extra troops"."""
    return next((t for t in reversed(span.doc[max(0, span.start - 4): span.start]) if t.lower_ == "of"), None)


def _part_sent(ctx: Context, span: Span) -> bool:
    """Is the part of "800 of the 2,000 extra troops" what a verb of sending has sent?"""
    part = _of_before(span)
    return part is not None and is_verb(part.head.head) and part.head.head.lemma_.lower() in ctx.words.sending_verbs


def _states_what_is(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Does an indicative clause report the figure as a fact: "up to 12,700 servicemen take part in the
    drills", "the force was up to 80,000 men strong", "Russia has up to 150,000 troops massed"? Then "up to" is
    an estimate, not a ceiling: the figure is its clause's subject, the size a form of "be" states or what a
    force has, keeps or is made of, in a finite verb with no modal, "to", plan or authorisation."""
    anchor = personnel.anchor
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is None:
        return False
    lemma = verb.lemma_.lower()
    # the parse may read the "up" of "maintains up to 900 troops" as the verb's particle
    held = (anchor.dep_ == "dobj" and anchor.head.i == verb.i or anchor.dep_ == "pobj" and anchor.head.head.dep_ == "prt"
            and anchor.head.head.head.i == verb.i) and (lemma == HAVE or lemma in ctx.words.state_verbs
                                                        or lemma in COMPOSITION_VERBS or lemma == _INVOLVE
                                                        or lemma in ctx.words.deploy_verbs and _done(verb))
    if not (anchor.dep_ in ("nsubj", "nsubjpass") and anchor.head.i == verb.i or held or lemma == "be"):
        return False
    finite = [verb] + [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    # the tagger may read a main verb's past as a participle ("Operation Serval (2013-2014) involved up to 4,000")
    past = verb.tag_ == "VBN" and verb.dep_ == "ROOT" and len(finite) == 1
    # what a force is believed to have, or may have sent, is as much an estimate ("is estimated to have up to
    # 1,000", "may have sent up to 12,000", a modal that only guesses); "no more than 1,000 troops are allowed":
    # what a verb lets or orders is a ceiling, in any tense
    return (estimated(ctx, verb) or (past or perfect(verb) or any(t.tag_ in _FINITE for t in finite))
            and not modal(verb) and not is_planned(ctx, verb)) \
        and lemma not in ctx.words.authorising_verbs and lemma not in ctx.words.directive_verbs


def _done(verb: Token) -> bool:
    """Has the verb happened: a simple past or a perfect ("has massed up to 100,000 troops", "sent up to 3,000
    in January")? What was sent or massed is there, so "up to" estimates it; "sends up to 3,000" may announce."""
    return verb.tag_ == "VBD" or perfect(verb)


