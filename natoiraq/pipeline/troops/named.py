"""Changes that words around a figure name, for :mod:`.change`: a change noun the figure is "of" or set aside
for ("the pullout of 150", "slated for withdrawal"), the subject of its clause ("the withdrawal will see 1,000
troops exit"), the change a "with" phrase is part of ("the transfer began, with the first batch involving 100"),
and the change a size noun's clause names ("put the number to be withdrawn at 5,000")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import is_verb, prep_objects
from natoiraq.pipeline.troops.clauses import hyphenated, phrasal
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.elided import HEADER_MARK
from natoiraq.pipeline.troops.figure import Personnel
from natoiraq.pipeline.troops.moves import takes_away
from natoiraq.pipeline.troops.nouns import COMPOSITION_VERBS

#: What may stand between a preposition and the size it takes: "against the 34,500", "to its 2,000".
DETERMINERS = frozenset({"the", "its", "their"})
#: How the parse hangs a report that follows the clause it reports ("..., the agency reported").
_PARENTHETICAL_DEPS = frozenset({"advcl", "parataxis", "conj"})
#: Verbs by which a group says what it is made of: "the first batch involving 100 personnel".
_GROUP_VERBS = COMPOSITION_VERBS | {"involve"}


def clause_change(ctx: Context, verb: Token | None, anchor: Token) -> str | None:
    """The change a clause's subject names, for the troops its verb moves: "the withdrawal will see 1,000
    troops exit", "the latest increase calls for sending 17,500", and a participle on a change its head
    makes ("launched a surge, sending in 2,300 troops"). Not what a change leaves or keeps ("the pullout
    will leave 534"), nor a figure that is the subject itself."""
    if verb is None or anchor.dep_ in ("nsubj", "nsubjpass") or verb.lemma_.lower() in ctx.words.steady_verbs:
        return None
    for _ in range(3):
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if verb.dep_ == "advcl" and verb.tag_ == "VBG":
            nouns += [c for c in verb.head.children if c.dep_ == "dobj"]
        elif verb.dep_ == "acl" and verb.tag_ == "VBG":
            nouns.append(verb.head)  # "launched a 'surge', sending in"
        named = _change_named(ctx, nouns)
        if named is not None:
            return named
        if nouns or verb.dep_ not in ("xcomp", "pcomp", "advcl", "conj"):
            return None
        # "calls for sending"; "the withdrawal is per a resolution and will see ..." shares its subject
        verb = verb.head.head if verb.head.pos_ == "ADP" else verb.head
    return None


def sized_change(ctx: Context, number: Token, personnel: Personnel) -> str | None:
    """The change a size noun's clause names, where the figure gives that size ("put the number to be withdrawn
    at 5,000", "the number of troops to be cut is 3,000", "the number of soldiers slated for withdrawal stands
    at 2,000"): the clause may hang on the size noun, on its "of" phrase, or (as the parse may have it) take
    the "at" phrase itself ("to be withdrawn at")."""
    for candidate in (number, personnel.anchor):
        if candidate.dep_ == "pobj" and candidate.head.lower_ == "at" or candidate.dep_ == "attr":
            verb = candidate.head.head if candidate.dep_ == "pobj" else candidate.head
            break
    else:
        return None
    holders = [verb, verb.head] if verb.dep_ == "advcl" else [verb]
    sizes = [c for h in holders for c in h.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i < number.i
             and c.lemma_.lower() in ctx.words.size_nouns]
    if not sizes:
        return None
    clauses = [verb] if verb.dep_ == "advcl" else []
    for size in sizes:
        nouns = [size, *prep_objects(size, "of")]
        clauses += [c for n in nouns for c in n.children if c.dep_ in ("acl", "relcl") and is_verb(c)]
    for clause in clauses:
        if takes_away(ctx, clause):
            return "decrease"
        if clause.lemma_.lower() in ctx.words.increase_verbs or phrasal(clause, ctx.words.increase_phrasal):
            return "increase"
        named = _change_named(ctx, [o for p in clause.children if p.dep_ == "prep" and p.lower_ == "for"
                                    for o in p.children])
        if named is not None:
            return named
    return None


def nominal_change(ctx: Context, number: Token, personnel: Personnel) -> str | None:
    """A change a noun names: the figure is its object ("the pullout of 150 peacekeepers"), the change
    itself ("400 reinforcements", "a 1,000-strong reinforcement", "Reinforcements: 400"), what its verb says it comes as ("a
    further 200 were flown in as reinforcements") or what it is set aside for ("slated for withdrawal")."""
    anchor = personnel.anchor
    nouns = [o for o in prep_objects(anchor.head, "as") if o.dep_ == "pobj"] \
        if anchor.dep_ in ("nsubj", "nsubjpass", "dobj") else []
    for candidate in (number, anchor):
        if candidate.dep_ == "pobj" and candidate.head.lower_ == "of":
            nouns.append(candidate.head.head)
        if candidate.dep_ == "appos" and any(t.is_punct and HEADER_MARK in t.text  # "):" may be one token
                                             for t in number.doc[candidate.head.i: candidate.i]):
            nouns.append(candidate.head)  # a field's name before its colon: "Reinforcements (2024): 400"
    if anchor.i > number.i:
        nouns.append(anchor)  # its own noun; not the subject of "the reinforcements bring the force to 8,000"
    # what the figure's noun is set aside for: "the 2,000 soldiers earmarked for the pullout", "800 troops are
    # slated for withdrawal"
    holders = [c for c in anchor.children if c.dep_ in ("acl", "amod")]
    if anchor.dep_ == "nsubjpass" and anchor.head.lower_ in ctx.words.plan_adjectives:
        holders.append(anchor.head)
    nouns += [o for c in holders for o in prep_objects(c, "for") if o.dep_ == "pobj"]
    return _change_named(ctx, nouns)


def _change_named(ctx: Context, nouns: list[Token]) -> str | None:
    """The change the first change noun of these names: "the pullout", "a surge"."""
    for noun in nouns:
        lemma = hyphenated(noun)
        if lemma in ctx.words.decrease_nouns:
            return "decrease"
        if lemma in ctx.words.increase_nouns:
            return "increase"
    return None


def quoted_change(ctx: Context, span: Span) -> str | None:
    """A change noun in quotes before "of" the figure, which the parse loses: "the so-called 'drawdown' of
    5,000 troops" (quoted words still count, conventions)."""
    doc, i = span.doc, span.start - 1
    while i > 0 and doc[i].lower_ in DETERMINERS:
        i -= 1
    if i < 2 or doc[i].lower_ != "of" or not doc[i - 1].is_quote:
        return None
    return _change_named(ctx, [doc[i - 2]])


def with_change(ctx: Context, anchor: Token) -> str | None:
    """A "with" phrase on a clause whose subject is a change is part of that change: "the transfer has begun,
    with the first batch involving 100 personnel", "the pullout began, with a first wave of 250 soldiers";
    not what the phrase says stays ("with 2,500 troops remaining"), nor what a change leaves ("the departure
    leaves the mission with 17,600 troops"). The parse may hang the phrase on a gerund ("with the first batch
    involving 100") or on a clause around the change's (see :func:`_reported_clause`)."""
    token = anchor
    for _ in range(4):
        if token.dep_ in ("acl", "pcomp") and token.lemma_.lower() not in _GROUP_VERBS:
            return None
        if token.dep_ not in ("pobj", "dobj", "acl", "pcomp", "prep") or token.head.i == token.i:
            return None
        token = token.head
        verb = token.head
        if token.dep_ == "prep" and token.lower_ == "with" and is_verb(verb):
            verb = _reported_clause(ctx, verb)
            if verb.lemma_.lower() in ctx.words.steady_verbs:
                return None
            return _change_named(ctx, [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")])
    return None


def _reported_clause(ctx: Context, verb: Token) -> Token:
    """The clause a report or comment is about, where the parse hangs a phrase of that clause on the report
    ("the transfer began, with the first batch of 100, the agency reported") or the comment ("began as agreed,
    with ..."): the report's clause, or the clause commented on; else the verb itself."""
    if verb.lemma_.lower() in ctx.words.reporting_verbs:
        if verb.dep_ in _PARENTHETICAL_DEPS:
            return verb.head
        return next((c for c in verb.children if c.dep_ == "ccomp" and is_verb(c)), verb)
    if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children):
        return verb.head
    return verb
