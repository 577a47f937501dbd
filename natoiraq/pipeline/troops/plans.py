"""What plans a figure: the clause that governs it (:mod:`.status` reads the rest). Modal and future
("will send", "to deploy"), conditions, the content of plans, promises and commitments, words of planning
("slated to leave"), readiness ("put on standby"), sending under way, what a plan is or does, and the change
or force a decision or plan governs ("approved the dispatch of 3,000", "authorised a force of 12,000"); not what
a force is believed to have ("is believed to have 30,000"), which is an estimate of what is."""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.pipeline.syntax import is_verb
from natoiraq.pipeline.troops.clauses import hyphenated, modal, musters, perfect, phrasal, progressive, simple_past
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.nouns import COMPOSITION_VERBS, is_force_noun

#: What puts a force in readiness: "on standby", "at readiness", "in reserve".
_READINESS_PREPS = frozenset({"on", "at", "in"})
#: The verb of having a force: "is believed to have 30,000 troops there", "has up to 150,000 troops massed".
HAVE = "have"
#: What a plan says it holds: "the accord provides for the withdrawal of 1,800", "features the deployment of".
_CONTENT_VERBS = COMPOSITION_VERBS | {"provide", "feature", "involve", "entail"}
#: "if 3,000 troops are sent", "unless 2,000 more arrive": a condition.
_CONDITIONS = frozenset({"if", "unless"})
#: "whether Seoul sends 500 troops": an open question.
_WHETHER = "whether"
#: "once the 1,200 troops arrive", "when the last 500 leave": a clause of time.
_TEMPORAL = frozenset({"once", "when", "until", "till", "after", "before"})
#: What dates a present to come: "arrive next week", "in the coming weeks", "tomorrow", "later this year".
_FUTURE = frozenset({"next", "coming", "upcoming", "tomorrow"})
_LATER = "later"
#: What a state lasts to, not when it begins: "are in Poland until next year".
_UNTIL = frozenset({"until", "till", "through", "throughout"})
#: What a force still weighed is under: "under consideration".
_UNDER = "under"
#: What sets an aside off: "(it has 7,000 now)".
_BRACKETS = frozenset({"(", ")"})


def is_planned(ctx: Context, verb: Token) -> bool:
    """Does the clause of this verb plan what it governs, in the verb or up the verbs it shares its modality
    with ("will send", "plans to deploy", "pledged", "if 3,000 troops are sent")?"""
    if estimated(ctx, verb):
        return False
    verb = _reported(ctx, verb)
    for _ in range(3):
        if verb.dep_ in ("acl", "ccomp", "relcl") and verb.head.pos_ == "NOUN" and not simple_past(verb) \
                and verb.head.lemma_.lower() in ctx.words.plan_nouns and not _relative_subject(verb):
            # "a request that all 20,000 peacekeepers depart", "a plan under which 9,500 would leave"; not what was
            # done under it ("the 2008 agreement, under which 5,000 troops withdrew"); what the plan itself does
            # ("the plan, which brought 30,000 in 2007") is for plan_subject
            return True
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.lemma_.lower() in ctx.words.plan_nouns:
            return True  # "talks about sending 400", "a proposal for deploying 2,000"
        if modal(verb):
            return True
        done = perfect(verb)
        if not done and verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _CONDITIONS
                                                       for c in verb.children):
            return True  # "if 3,000 troops are sent": a hypothesis, not a fact
        if not done and (_to_come(verb) or _futurate(ctx, verb)):
            return True
        if not done and _planned_content(ctx, verb):
            return True
        if _plan_word_to(ctx, verb) or any(c.dep_ == "acomp" and _plan_word_to(ctx, c) for c in verb.children):
            return True  # "are slated to leave", "are likely to stay": a word of planning, whatever its lemma
        if _is_to(verb):
            return True  # "80 observers were to arrive", "1,000 soldiers have yet to arrive": what is to be is a plan
        if verb.lemma_.lower() in ctx.words.promise_verbs:
            return True  # "pledged 7,600 troops": promised, not yet there
        if verb.lemma_.lower() in ctx.words.sending_verbs and progressive(verb):
            return True  # "he was dispatching some 1,700 troops": announced, under way
        if verb.lemma_.lower() in ctx.words.commitment_verbs:
            return not simple_past(verb)  # "have committed 3,000", but "authorized 3,000 more" in 2009
        if readied(ctx, verb) or _pending(ctx, verb):
            return True
        # a particle makes another verb: "was set up in 2017 with 1,200 troops" founds, "called up" musters
        if verb.lemma_.lower() in ctx.words.plan_verbs and verb.tag_ != "VBD" and not musters(ctx, verb) \
                and not any(c.dep_ == "prt" for c in verb.children) and not phrasal(verb, ctx.words.increase_phrasal) or any(
                c.lemma_.lower() in ctx.words.plan_verbs and c.dep_ == "acomp" for c in verb.children):
            return True
        holder = _composed(ctx, verb)
        if holder is not None:
            verb = holder  # "units totalling 4,000 soldiers will move": the units' clause says how sure
            continue
        # "will send 475 more, bringing the total to 1,600": the participle shares its head's modality; so do
        # a gerund under a preposition ("calls for sending 17,500") or as the subject ("keeping 30,000 troops
        # there would cost $10 billion") and a bare verb conjoined to its head with no auxiliary or subject of
        # its own ("will deploy 900 troops to Estonia and keep 600 in Cyprus").
        shares_head = verb.dep_ == "xcomp" or (verb.dep_ in ("advcl", "csubj") and verb.tag_ == "VBG") or (
            verb.dep_ == "conj" and verb.tag_ == "VB" and not any(
                c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children))
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and is_verb(verb.head.head) and not any(
                c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):  # not "with 40,000 troops defending"
            verb = verb.head
        elif not shares_head or verb.head.i == verb.i:
            return False
        participle = verb.dep_ == "advcl"
        verb = verb.head
        if participle and verb.dep_ == "advcl" and any(a.tag_ == "TO" for a in verb.children):
            verb = verb.head  # "has arrived to join the battlegroup, bringing it to 1,650": what the arrival brings
        if participle:
            verb = _reported(ctx, verb)
    return False


def _futurate(ctx: Context, verb: Token) -> bool:
    """Does a present stand for a time to come that its clause names ("2,000 troops arrive next week", "are
    leaving in the coming weeks", "leave later this year")? Not what a force is or keeps until then ("are in
    Poland until next year"): the state is now."""
    present = verb.tag_ in ("VBP", "VBZ") or progressive(verb) and any(
        a.dep_ == "aux" and a.tag_ in ("VBP", "VBZ") for a in verb.children)
    if not present or verb.lemma_.lower() in ctx.words.state_verbs or verb.lemma_.lower() == HAVE:
        return False
    return any(t.ent_type_ == "DATE" and (t.lower_ in _FUTURE or t.lower_ == _LATER and t.nbor(1).lower_ == "this")
               for c in verb.children if c.dep_ in ("npadvmod", "prep", "advmod") and c.lower_ not in _UNTIL
               for t in c.subtree if t.i + 1 < len(t.doc))


def _to_come(verb: Token) -> bool:
    """Does the clause's present stand for what is to come: an open question ("whether Seoul sends 500 troops
    depends on parliament"), or a clause of time on a future ("once the 1,200 troops arrive, the brigade will be
    complete"; not "after the 1,200 troops arrived, the brigade was complete")?"""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}  # the parse may make "when" an advmod
    return _WHETHER in marks or bool(marks & _TEMPORAL) and verb.dep_ == "advcl" and verb.tag_ in ("VBP", "VBZ") \
        and modal(verb.head)


def readied(ctx: Context, verb: Token) -> bool:
    """Does the verb put what it governs in readiness: "have been put on standby", "are on standby" (the parse may
    hang "standby" on the verb), "troops placed on heightened alert"; not "during an alert", nor "are in Estonia,
    with a further 2,000 on standby" (the standby is the other group's)?"""
    if on_standby(ctx, verb):
        return True
    return any(c.lemma_.lower() in ctx.words.readiness_nouns for c in verb.children
               if c.dep_ in ("prep", "prt", "advmod", "attr")) and any(c.lower_ in _READINESS_PREPS for c in verb.children)


def on_standby(ctx: Context, token: Token) -> bool:
    """Has the token a phrase of readiness of its own: "put on standby", "(with) 500 more on standby", "at
    readiness"?"""
    return any(c.dep_ == "prep" and c.lower_ in _READINESS_PREPS and any(
        o.lemma_.lower() in ctx.words.readiness_nouns for o in c.children) for c in token.children)


def _pending(ctx: Context, verb: Token) -> bool:
    """Is what the verb's clause governs still weighed ("a deployment of 1,000 troops is under consideration",
    "sending 500 more was under discussion")? Not decided, in any tense."""
    return any(c.dep_ == "prep" and c.lower_ == _UNDER and any(o.lemma_.lower() in ctx.words.pending_nouns
                                                                 for o in c.children) for c in verb.children)


def _is_to(verb: Token) -> bool:
    """ "were to arrive", "have yet to arrive", "have to leave": "be" or an objectless present "have" with an
    infinitive (not "has 5,000 troops to protect the city", nor "had to be evacuated": done)."""
    lemma = verb.lemma_.lower()
    if lemma != "be" and (lemma != HAVE or verb.tag_ == "VBD" or any(c.dep_ == "dobj" for c in verb.children)):
        return False
    return any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children) for c in verb.children)


def _composed(ctx: Context, verb: Token) -> Token | None:
    """The verb of the clause whose noun a participle of composition sizes ("infantry and armour units
    totalling 4,000 soldiers will move", "a brigade numbering 2,000 arrived"), through a list's items, or
    whose ship or convoy carries the figure ("will be joined by a ship carrying 150 sailors")."""
    lemma = verb.lemma_.lower()
    if verb.dep_ != "acl" or verb.tag_ != "VBG" or lemma not in COMPOSITION_VERBS | ctx.words.carrying_verbs:
        return None
    noun = verb.head
    while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "agent":
        noun = noun.head  # "will be joined by a ship carrying 150 sailors": the verb the phrase hangs on
    return noun.head if is_verb(noun.head) and noun.head.i != noun.i else None


def _reported(ctx: Context, verb: Token) -> Token:
    """The clause a verb of reporting reports, where the parse hangs a figure's participle on the reporting verb
    ("will be reinforced by 50, the ministry said, bringing the total to 350"): the head of a parenthetical
    "the army said", or the clause before "the ministry said"; else the verb itself. It shares that clause's
    modality."""
    if verb.lemma_.lower() not in ctx.words.reporting_verbs:
        return verb
    if verb.dep_ == "parataxis":
        return verb.head
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), verb)


def estimated(ctx: Context, verb: Token) -> bool:
    """Is the verb what a force is believed or said to have or keep, in an infinitive under a passive ("Russia
    is believed to have 30,000 troops there", "is assessed to keep some 30,000")? An estimate of what is, not
    a plan ("is expected to keep", "is believed to send" are plans)."""
    head, lemma = verb.head, verb.lemma_.lower()
    # the parse may hang the infinitive as an advcl ("is assessed to keep")
    return verb.dep_ in ("xcomp", "advcl") and (lemma == HAVE or lemma in ctx.words.state_verbs) \
        and any(a.tag_ == "TO" for a in verb.children) and head.lemma_.lower() in ctx.words.estimate_verbs \
        and any(c.dep_ == "auxpass" for c in head.children)


def _relative_subject(verb: Token) -> bool:
    """Is the subject of this clause its relative pronoun: "which brought 30,000" (the noun does it)?"""
    return verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")
                                        for c in verb.children)


def plan_subject(ctx: Context, verb: Token) -> bool:
    """Is the clause's subject a plan ("the plan involves 3,000 troops", "the planned force level is 900")? What
    a plan is stays planned in any tense; what it does, only until it is done ("the 2007 plan brought 30,000")."""
    subjects = ("nsubj",)
    clause = verb
    if verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        clause, subjects = verb.head, ("nsubj", "nsubjpass")  # "was unveiled on Monday and features 3,000"
    subject = next((c for c in clause.children if c.dep_ in subjects), None)
    if subject is not None and _relative_subject(clause):
        # "the new strategy, which was unveiled on Monday and features 30,000 more troops": the strategy
        subject = clause.head
    if subject is None or not (subject.lemma_.lower() in ctx.words.plan_nouns or any(
            c.dep_ == "amod" and c.lower_ in ctx.words.plan_adjectives and c.i < subject.i for c in subject.subtree)):
        return False
    return verb.lemma_.lower() == "be" or not simple_past(verb)


def plan_noun(ctx: Context, noun: Token) -> bool:
    """Is the noun a plan, or qualified as one: "plans for 500 troops", "a planned total of 1,703", "Target
    strength: 20,000" (a compound, not "call-up"), "its authorised strength was raised to 22,126"?"""
    return noun.lemma_.lower() in ctx.words.plan_nouns or any(
        c.dep_ == "amod" and c.lower_ in ctx.words.plan_adjectives
        or c.dep_ == "compound" and c.whitespace_ and c.lemma_.lower() in ctx.words.plan_nouns for c in noun.children)


def _plan_word_to(ctx: Context, word: Token) -> bool:
    """A participle or adjective of planning with an infinitive or a change it is for ("slated to leave", "likely
    to stay", "are slated for withdrawal", "scheduled for deployment")."""
    return word.tag_ in ("VBN", "JJ") and word.lower_ in ctx.words.plan_adjectives and any(
        c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)
        or c.dep_ == "prep" and c.lower_ == "for" and any(hyphenated(o) in ctx.words.change_nouns for o in c.children)
        for c in word.children)


def _planned_content(ctx: Context, verb: Token) -> bool:
    """Is the verb what a plan, promise or commitment is about, in any tense of that verb: a "that" clause
    ("recommends that NATO deploy 30,000", "demanded that 5,000 troops leave") or a gerund ("approved sending
    500", "considered dispatching 200")? Not "confirmed that 300 had arrived": only plan and promise verbs
    take a clause."""
    head = verb.head.lemma_.lower()
    if verb.dep_ == "ccomp" and not simple_past(verb) and not _aside(verb):
        return head in ctx.words.planning_verbs
    return verb.dep_ == "xcomp" and verb.tag_ == "VBG" and head in ctx.words.pledging_verbs


def _aside(verb: Token) -> bool:
    """Is the verb in brackets ("Estonia plans a division of 10,000 troops (it has 7,000 now)")? An aside
    states what is, whatever clause the parse hangs it on."""
    before = [t.text for t in verb.doc[verb.sent.start: verb.i] if t.text in _BRACKETS]
    after = [t.text for t in verb.doc[verb.i + 1: verb.sent.end] if t.text in _BRACKETS]
    return bool(before) and before[-1] == "(" and bool(after) and after[0] == ")"


def authorised_force(ctx: Context, noun: Token) -> bool:
    """Is this force noun, which the figure sizes, what an authorisation sets up or a plan asks for ("authorised a
    force of 12,000", "a mission of 5,000 was approved", "envisaged a presence of 5,000", "pledged a force of
    800")? The force it authorises is a ceiling, and the force a plan or promise wants is still to come, in any
    tense; unlike troops it authorised and sent ("authorized 3,000 troops for the surge" in 2009 is history)."""
    return is_force_noun(ctx, noun) and noun.dep_ in ("dobj", "nsubjpass") and is_verb(noun.head) \
        and noun.head.lemma_.lower() in ctx.words.pledging_verbs


def decided_change(ctx: Context, noun: Token) -> bool:
    """Is this noun a change or deployment that a decision governs ("announced the deployment of
    29,000", "approved the dispatch of 3,000", "a plan to withdraw"), or that a plan provides for ("the deal
    provides for the withdrawal of 2,000", "the roadmap includes the deployment of 1,500")?"""
    if hyphenated(noun) not in ctx.words.change_nouns:
        return False
    verb = noun.head
    holder = verb.head if noun.dep_ == "pobj" and verb.dep_ == "prep" else verb
    if noun.dep_ in ("dobj", "pobj") and is_verb(holder) and plan_subject(ctx, holder) and (
            holder.lemma_.lower() in _CONTENT_VERBS or holder.lemma_.lower() in ctx.words.plan_verbs):
        return True  # not "the plan follows the deployment of 3,000": what came before it
    return noun.dep_ in ("dobj", "nsubjpass") and is_verb(verb) and (verb.lemma_.lower() in ctx.words.deciding_verbs
        or noun.dep_ == "dobj" and progressive(verb))  # "is making a further deployment of 120"
