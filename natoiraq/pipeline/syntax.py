"""Small questions asked of a dependency parse: which verb governs a token,
who is its subject, is the clause past or future, which actor is named here.

Shared by the date and troop components.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

from spacy.tokens import Span, Token

from natoiraq.knowledge.geo import FACILITY_KINDS
from natoiraq.knowledge.lexicon import table

ACTOR_LABELS = frozenset({"ORG", "GPE", "NORP"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
RELATIVE_PRONOUNS = frozenset({"that", "which", "who", "whom"})
PERSONAL_PRONOUNS = frozenset({"they", "them", "it", "these", "those", "their", "its"})
POSSESSIVE_PRONOUNS = frozenset({"its", "their", "our", "his", "her"})
#: Those of them that stand for a state or an organisation named before ("its border", "their own army").
THIRD_POSSESSIVES = frozenset({"its", "their"})
#: Marks that open a list's line before its label ("• Poland: about 10,000 US troops", "- Mali: 2,400 soldiers").
BULLETS = frozenset({"•", "-", "*", "–", "—", "·", "▪"})
#: Adverbs that point back to a place the text named before ("has 2,000 troops there"): closed.
PLACE_ADVERBS = frozenset({"there", "here"})
#: Facilities and a mission's sectors a town's name names ("the Kidal camp", "the Gyumri base", "the Mopti
#: sector"), which hold or house troops: the gazetteer's one-word facility kinds, and a few more.
FACILITY_NOUNS = frozenset(k for k in FACILITY_KINDS if " " not in k) | {"bases", "camp", "sector"}
_PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "'m"})
_FUTURE_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "shall", "'ll", "must", "can", "wo", "ca"})
# Dependents that begin another clause: what they say is not about the head's NP.
_CLAUSE_DEPS = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "conj", "cc", "appos", "parataxis"})


def is_verb(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def names_a_facility(token: Token) -> bool:
    """Does this name say where a facility is ("the Kidal camp", "the Gyumri base"), whatever its phrase's role?"""
    return token.dep_ == "compound" and token.head.lemma_.lower() in FACILITY_NOUNS


def governing_verb(token: Token) -> tuple[Token | None, bool]:
    """The nearest verb above ``token``, and whether the path crossed a noun."""
    crossed_noun = False
    current = token
    while current.head.i != current.i:
        current = current.head
        if is_verb(current):
            return current, crossed_noun
        if current.pos_ in ("NOUN", "PROPN"):
            crossed_noun = True
    return (current if is_verb(current) else None), crossed_noun


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; a conjoined or controlled verb borrows its head's."""
    seen = 0
    while verb is not None and seen < 4:
        for child in verb.children:
            if child.dep_ in SUBJECT_DEPS and child.dep_ != "expl":
                return child
        # "Botswana has also in the last week sent 296 troops": with an adverbial between them the
        # parser may hang the subject on the auxiliary
        for aux in verb.children:
            if aux.dep_ in ("aux", "auxpass") and aux.i < verb.i:
                subject = next((c for c in aux.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subject is not None:
                    return subject
        if verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and any(c.tag_ == "TO" for c in verb.children)):
            # Object control: in "asked NATO to station 5,000 troops" NATO does the stationing
            # (the parser may hang "press the United States to transfer ..." as an advcl).
            controller = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
            if controller is not None:
                return controller
        if verb.dep_ in ("conj", "xcomp", "advcl", "acl") and verb.head.i != verb.i:
            verb, seen = verb.head, seen + 1
            continue
        return None
    return None


def being(verb: Token) -> bool:
    """Is this verb a participle after "being" ("the troops being withdrawn"), of no tense of its own?"""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ == "being" for c in verb.children)


def verb_tense(verb: Token) -> str | None:
    if being(verb):
        return None  # "the troops being withdrawn"
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    for aux in auxes:
        if aux.lower_ in _FUTURE_MODALS or aux.tag_ == "TO" or aux.lower_ == "going":
            return "future"
    for aux in auxes:
        if aux.tag_ in ("VBD",) or aux.lower_ in ("had", "was", "were", "did", "has", "have"):
            return "past"
    if verb.tag_ == "VBD" or (verb.tag_ == "VBN" and verb.dep_ not in ("amod", "acl")):
        return "past"
    if verb.tag_ in ("VBZ", "VBP") or (verb.tag_ == "VBG" and any(a.lower_ in _PRESENT_BE for a in auxes)):
        return "future"  # "ministers meet on Wednesday", "troops are arriving on Friday": the present of a schedule
    if verb.tag_ == "VB" and verb.head.i != verb.i and verb.dep_ in ("xcomp", "ccomp"):
        # "expects to deploy", "plans to send": a verb of intention puts its complement ahead.
        return "future" if verb.head.lemma_ in intention_verbs() else verb_tense(verb.head)
    return None


@lru_cache(maxsize=None)
def intention_verbs() -> frozenset[str]:
    """Verbs of planning, wanting and demanding ("plan", "want", "set"): what they aim at lies ahead."""
    return frozenset(table("troops")["plan_verbs"])


def np_tokens(head: Token, preps: frozenset[str] | None = None) -> Iterator[Token]:
    """The noun phrase under ``head``, without the clauses hung on it.

    With ``preps``, only prepositional phrases opened by those words are kept:
    "troops of the coalition" names whose, "troops near Ukraine's borders" where.
    """
    yield head
    for child in head.children:
        if child.dep_ in _CLAUSE_DEPS:
            continue
        if preps is not None and child.dep_ == "prep" and child.lower_ not in preps:
            continue
        yield from np_tokens(child, preps)


def word_before(span_or_token: Span | Token) -> Token | None:
    """The word just before a phrase or token ("from", "to", a verb)."""
    start = span_or_token.start if isinstance(span_or_token, Span) else span_or_token.i
    return span_or_token.doc[start - 1] if start else None


def governor(span: Span, anchor: Token, reporting: frozenset[str] = frozenset()) -> Token | None:
    """The verb a figure belongs to. English puts it right before the object ("will
    withdraw about 1,000 troops"); where the parse hangs the phrase elsewhere, trust the order,
    unless that verb only reports ("said at least 1,000 ... would be withdrawn")."""
    before = word_before(span)
    if before is not None and before.tag_.startswith("VB") and before.dep_ not in ("amod", "aux", "auxpass") \
            and before.lemma_.lower() not in reporting:
        return before
    verb, _ = governing_verb(anchor)
    return verb


def change_verb(token: Token, verbs: frozenset[str]) -> Token | None:
    """The verb of change a size phrase belongs to: "cut the number of troops stationed in
    Germany by 9,500" hangs "by" on "stationed"; the change is "cut"."""
    current = token
    for _ in range(6):  # by -> stationed -> troops -> of -> number -> cut
        current = current.head
        if is_verb(current) and current.lemma_.lower() in verbs:
            return current
        if current.head.i == current.i:
            break
    verb, _ = governing_verb(token)
    return verb


def prep_objects(token: Token, prep: str) -> list[Token]:
    """What the word's ``prep`` phrases govern: ``prep_objects(number, "of")`` is "troops" in "the number of
    troops"."""
    return [o for c in token.children if c.dep_ == "prep" and c.lower_ == prep for o in c.children]


def noun_after(token: Token) -> Token | None:
    """The noun an "X-strong" modifies."""
    if token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return token.head
    for candidate in token.doc[token.i + 1: token.i + 5]:
        if candidate.pos_ == "NOUN":
            return candidate
    return None


def arguments(verb: Token) -> Iterator[Token]:
    """The subject and object of a verb, borrowing a controlling verb's subject; a participle's
    subject is the noun it modifies ("a regional force numbering about 3,000"), also through the verb it
    controls ("the standby force, expected to number 5,000")."""
    participle = verb
    while participle.dep_ == "xcomp" and participle.head.i != participle.i:
        participle = participle.head
    if participle.dep_ == "acl" and participle.head.pos_ in ("NOUN", "PROPN"):
        yield participle.head
    subject = subject_of(verb)
    if subject is not None:
        yield subject
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            yield child


LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "inside", "throughout", "on"})


def relative_clause(pronoun: Token) -> Token | None:
    """The verb of the relative clause a relative pronoun opens, also through a verb of saying in it ("the
    Wagner Group, which they estimate has 1,000 personnel")."""
    verb = pronoun.head
    if verb.dep_ == "ccomp" and verb.head.dep_ == "relcl":
        verb = verb.head
    return verb if verb.dep_ == "relcl" else None


def relative_head(pronoun: Token) -> Token:
    """The noun a relative clause describes; "the mission in Mali, which has ..." is about the mission."""
    holder = (relative_clause(pronoun) or pronoun.head).head
    if holder.ent_type_ in ("GPE", "LOC") and holder.dep_ == "pobj" and holder.head.lower_ in LOCATIVE_PREPS:
        return holder.head.head
    return holder


def names_beside(entity: Span, found: Span) -> list[Span]:
    """The proper-noun runs of ``entity`` on either side of ``found``, under the entity's label."""
    doc = entity.doc
    left = []
    for start, end in ((entity.start, found.start), (found.end, entity.end)):
        while start < end and doc[start].pos_ != "PROPN":
            start += 1
        while end > start and doc[end - 1].pos_ != "PROPN":
            end -= 1
        if start < end:
            left.append(Span(doc, start, end, label=entity.label_))
    return left
