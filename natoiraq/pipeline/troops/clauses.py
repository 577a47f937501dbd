"""The clause readings that kind (:mod:`.change`), status (:mod:`.status`, :mod:`.plans`) and :mod:`.exclusions` share:
which verb a figure's subject or object really does ("are due to leave", "ordered 9,500 personnel to be
removed"), its relative clause, negation, tense and modality, and the whole of a part ("2,200 of 5,200")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import POSSESSIVE_PRONOUNS, governor, is_verb
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel
from natoiraq.pipeline.troops.words import TroopWords

#: The verb of a call-up that may go without its "up": "called 150,000 reservists to the colours".
_CALL = "call"
#: The verbs whose infinitive goes on with what is or has begun: "continues to deploy 11,000 personnel", "began to
#: withdraw 1,500 soldiers" plan nothing (as "has begun relocating 1,300" does not).
_ONGOING = frozenset({"continue", "begin", "start", "commence"})
#: Modals that, with a perfect, guess at what was done ("may have sent 12,000 troops"); "would have sent" may
#: be a plan that never was, "will have sent" one still to come.
_CONJECTURE = frozenset({"may", "might", "must"})
#: ...and those that, with "be" or "have", guess at what is ("there may be 2,000"); "could be" is the
#: conventions' "could", a plan.
_POSSIBLE = frozenset({"may", "might"})
#: What puts a state still to come: "by January", "within weeks", "soon".
_BY_THEN = frozenset({"by", "within", "until"})
_LATER = frozenset({"soon", "eventually", "later"})
#: Verbs that, negated, set a ceiling: "shall not exceed 5,000 troops".
_EXCEED = frozenset({"exceed", "surpass"})
#: Verbs whose infinitive says what will not be done, as "not" does: "refused to send 3,000 troops".
_REFUSING = frozenset({"refuse", "decline"})
#: What makes a figure's noun a whole that is there: "the 4,000 troops", "these".
_DEFINITE = frozenset({"the", "these", "those"})
#: What names where a change goes or how much it changes: "cut to 5,500", "cut by 1,000".
_TARGET_PREPS = frozenset({"to", "by"})
#: Entity labels of a number that dates rather than counts: "by 2014", "to 2016".
_TIME_ENTITIES = frozenset({"DATE", "TIME"})
#: What a call-up calls troops to (lemmas): "to the colours", "to arms", "to active duty".
_MUSTER_NOUNS = frozenset({"colour", "color", "arm", "duty"})


def phrasal(verb: Token, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Is the verb with one of its particles one of these phrasal verbs ("scale down", "call up")?"""
    lemma = verb.lemma_.lower()
    return any((lemma, c.lower_) in phrases for c in verb.children if c.dep_ in ("prt", "advmod", "prep"))


def content_verb(verb: Token) -> Token:
    """The verb that says what a subject does: "are due to leave" is leaving, "are scheduled to
    depart" departing, "is expected to return" returning."""
    for _ in range(3):
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and is_verb(c)), None)
        if nxt is None:
            adjective = next((c for c in verb.children if c.dep_ == "acomp"), None)
            nxt = next((c for c in adjective.children if c.dep_ == "xcomp" and is_verb(c)), None) if adjective else None
        if nxt is None:
            return verb
        verb = nxt
    return verb


def controlled(ctx: Context, verb: Token, anchor: Token) -> Token:
    """The infinitive an object is directed to ("ordered 9,500 personnel to be removed", "wants 3,000
    troops to leave"), else the verb itself ("helped 3,000 soldiers to reach the border" stays "helped")."""
    lemma = verb.lemma_.lower()
    # what a force is said or believed to do is its infinitive ("3,000 troops are understood to be preparing to
    # deploy"), as is what a plan verb wants or expects of it
    open_ended = lemma in ctx.words.plan_verbs or lemma in ctx.words.estimate_verbs and anchor.dep_ == "nsubjpass"
    if lemma not in ctx.words.directive_verbs and not open_ended:
        return verb
    # only a move or a plan ("ordered 1,500 troops to prepare for deployment"): in "authorized 3,000 troops to
    # give the military flexibility" the infinitive is a purpose; the parser may hang the infinitive as an advcl
    # ("Pentagon orders 1,500 troops to prepare"); what a plan verb wants or expects is whatever its infinitive
    # says ("expected 3,500 troops to arrive")
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp", "advcl") and c.i > anchor.i and is_verb(c)
                 and (open_ended or c.lemma_.lower() in ctx.words.directed_verbs)
                 and any(a.tag_ == "TO" for a in c.children)), verb)


def musters(ctx: Context, verb: Token) -> bool:
    """Is a "call" a call-up without its "up", reservists its object ("called 150,000 reservists", "150,000
    reservists were called") or the colours its end ("called 150,000 men to the colours")? A call-up adds to
    a force, and is done once called; "called for 40,000 troops" is a request."""
    return verb.lemma_.lower() == _CALL and any(
        c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in ctx.words.reserve_nouns
        or c.dep_ == "prep" and c.lower_ == "to" and any(o.lemma_.lower() in _MUSTER_NOUNS for o in c.children)
        for c in verb.children)


def changed_to_target(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Is the figure the force a change starts from, its subject or object, where the change names a target or an
    amount ("the 7,100 troops would be cut to 5,500", "will cut its 3,000 troops in Iraq to 2,000", "shrink the
    2,500-strong contingent by 1,000"), or makes a whole smaller ("will halve its 4,000 troops")? Not "withdraw
    2,000 troops by 2014": a date is no amount."""
    anchor = personnel.anchor
    if anchor.dep_ in ("nsubj", "nsubjpass"):
        verb = content_verb(anchor.head)
    elif anchor.dep_ == "dobj":
        verb = anchor.head
    else:
        return False
    lemma = verb.lemma_.lower()
    if lemma not in ctx.words.decrease_verbs and lemma not in ctx.words.increase_verbs \
            and not phrasal(verb, ctx.words.decrease_phrasal | ctx.words.increase_phrasal):
        return False
    preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS]
    if any(c.left_edge.i <= span.start <= c.right_edge.i for c in preps):
        # the figure is the amount or the target itself: "shrank by 400 to 1,600" (which the parse may read as one
        # range), "will reduce the force by 2,000, to 6,000"
        return False
    return any(_bare_amount(span, o) for c in preps for o in c.children if o.dep_ == "pobj") or (
        lemma in ctx.words.shrinking_verbs and (sized(span) or any(
            c.dep_ == "poss" or c.lower_ in _DEFINITE for c in anchor.children))
        and not (anchor.dep_ == "nsubj" and any(c.dep_ == "dobj" for c in verb.children)))  # what is made smaller


def _bare_amount(span: Span, noun: Token) -> bool:
    """Is a preposition's object a bare number other than the figure, not a date nor a force with its own
    determiner: "to 5,500", "to about 2,500 troops", "by 1,000"; not "by 2014", nor "add 400 troops to its
    contingent of 2,800", where "to" names who receives them, nor the figure itself ("cuts Europe force by
    12,000": the parse may make the force the figure's noun)?"""
    numbers = [noun] if noun.like_num else [c for c in noun.children if c.dep_ == "nummod" and c.like_num]
    return any(n.ent_type_ not in _TIME_ENTITIES and not span.start <= n.i < span.end for n in numbers) \
        and not any(c.dep_ in ("det", "poss") for c in noun.children)


def shared_subject(verb: Token) -> list[Token]:
    """The verbs conjoined to this one that share its subject, having none of their own: "handed over the base
    and left Helmand", "will complete their tour and return home"."""
    return [c for c in verb.children if c.dep_ == "conj" and is_verb(c)
            and not any(s.dep_ in ("nsubj", "nsubjpass") for s in c.children)]


def relative_clause(anchor: Token) -> Token | None:
    """The verb of a relative clause on the figure ("the two thousand who left", "the 150 troops
    they plan to deploy"): it says what these troops do, more nearly than the sentence's verb."""
    return next((c for c in anchor.children if c.dep_ == "relcl" and is_verb(c)), None)


def sized(span: Span) -> bool:
    """ "the 800-strong battlegroup": the size of a force that exists."""
    return any(t.lower_ == "strong" for t in span.doc[span.end: span.end + 2])


def negated(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """ "will not withdraw 350,000 soldiers", "refused to withdraw its 35,000 troops"; not the "not" of the
    figure's own "not exceeding 4,000", nor that of a ceiling ("may not exceed 400 personnel": what the figure
    is, is a cap)."""
    verb = governor(span, personnel.anchor, ctx.words.reporting_verbs)
    if verb is not None and verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _REFUSING:
        return True
    return verb is not None and verb.lemma_.lower() not in _EXCEED and any(
        c.dep_ == "neg" and not span.start <= c.i < span.end for c in verb.children)


def perfect(verb: Token) -> bool:
    """ "has sent", "have been deployed", "to have left": done by now."""
    return any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in verb.children)


def modal(verb: Token) -> bool:
    """ "will send", "could leave", "to deploy", "is going to"; not "is believed to have sent" nor "may have
    sent": done, only less sure; nor "continues to deploy": what goes on is there."""
    ongoing = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _ONGOING
    return any(a.tag_ == "MD" and not _guess(verb, a)
               or (a.tag_ == "TO" and not perfect(verb) and not ongoing) or a.lower_ == "going"
               for a in verb.children if a.dep_ in ("aux", "auxpass"))


def _guess(verb: Token, aux: Token) -> bool:
    """Does the modal guess at what was done or is ("may have sent 12,000", "there may be 2,000 of them", "may have
    1,000 troops there") rather than say what will be? Not where the clause names a time to come ("may have
    175,000 troops there by January")."""
    if perfect(verb):
        return aux.lower_ in _CONJECTURE
    return aux.lower_ in _POSSIBLE and verb.lemma_.lower() in ("be", "have") and not any(
        c.dep_ == "prep" and c.lower_ in _BY_THEN or c.lower_ in _LATER for c in verb.children)


def progressive(verb: Token) -> bool:
    """ "is sending", "was dispatching", "are being sent": under way, not done ("has been sending" reports what
    was done)."""
    under_way = verb.tag_ == "VBG" or verb.tag_ == "VBN" and any(
        a.dep_ == "auxpass" and a.tag_ == "VBG" for a in verb.children)
    return under_way and any(a.dep_ == "aux" and a.lemma_ == "be" for a in verb.children) and not perfect(verb)


def simple_past(verb: Token) -> bool:
    """ "authorized", "were committed": a past event, not a standing commitment ("has committed")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:
        return verb.tag_ == "VBD"
    return all(a.tag_ == "VBD" and a.lemma_.lower() == "be" for a in auxes)


def whole_of_part(span: Span, words: TroopWords) -> bool:
    """Is this number the whole in "X of (the) Y troops" ("2,200 of 5,200", "1,000 of the 1,550")?"""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and (doc[i].lower_ == "the" or doc[i].lower_ in POSSESSIVE_PRONOUNS):
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    i -= 1
    if doc[i].lower_ == "out" and i > 0:
        i -= 1
    if doc[i].lemma_.lower() in words.personnel_nouns and any(c.dep_ == "nummod" and c.like_num for c in doc[i].children):
        return True  # "4,000 soldiers of the 19,000 marines", not "four battalions of 1,000 troops"
    return doc[i].pos_ == "NUM" or any(ch.isdigit() for ch in doc[i].text)  # not "the first of 1,500"


def hyphenated(token: Token) -> str:
    """A noun with the words hyphenated to it, as one lemma: "pull-out", "build-up"."""
    doc, start = token.doc, token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        start -= 2
    return doc[start: token.i + 1].text.lower() if start < token.i else token.lemma_.lower()
