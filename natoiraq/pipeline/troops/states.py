"""The state a possessor or a speaker stands for: "his country", "we", "their own army", "the country's army",
"whose army"; a nationality adjective on people who speak for their state ("Lithuanian officials") names it.
:mod:`.owners` and :mod:`.whose` ask.
"""

from __future__ import annotations

from itertools import takewhile

from spacy.tokens import Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.pipeline.syntax import THIRD_POSSESSIVES, np_tokens, subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.nouns import is_force_noun, is_personnel
from natoiraq.pipeline.troops.figure import NO_ONE
from natoiraq.pipeline.troops.mentions import is_place_role
from natoiraq.pipeline.troops.records import record_speaker
from natoiraq.pipeline.troops.shared import WHOSE_PREPS, coordinated

#: What "his country" and "the country" may stand for, and the possessives that point to a person speaking.
_OWN_STATE = frozenset({"country", "nation", "government", "state"})
_PERSONAL_POSSESSIVES = frozenset({"his", "her"})
#: The speaker's own side: "we" and "our" in a clause someone reports are the speaker's state's.
_FIRST_PLURAL = frozenset({"we", "our"})
#: "their own", "its own" in a clause someone reports are the speaker's side's.
_OWN = "own"
#: A person acting: "he" and "she" are the speaker, else the person named last.
_THIRD_SINGULAR = frozenset({"he", "she"})
#: A speaker speaking of itself: "The British government says it has sent 300 more", "Uganda and Burundi said they
#: have committed 3,000".
_INSTITUTION = frozenset({"it", "they"})
#: How far back (tokens) "the ministry" may refer to the ministry named with its state.
_REFERRED_WINDOW = 200


def speakers_state(ctx: Context, subject: Token, verb: Token) -> Actor | None:
    """ "Ouattara, the president of Côte d'Ivoire, said his country would provide 850 soldiers", "'We have 900
    personnel there,' the British defence secretary said", "Austin said he would keep 2,500": the state of the
    person who reports the clause, as the words around the speaker's name give it; ``NO_ONE`` where two forces
    speak together."""
    if subject.lower_ not in _FIRST_PLURAL | _THIRD_SINGULAR | _INSTITUTION and not own_possessed(subject) and (
            subject.lemma_.lower() not in _OWN_STATE or not any(
            c.dep_ == "poss" and c.lower_ in _PERSONAL_POSSESSIVES for c in subject.children)):
        return None
    reporting = verb.head if verb.dep_ in ("ccomp", "parataxis") else None
    speaker = subject_of(reporting) if reporting is not None else None
    if speaker is not None and coordinated(ctx, [speaker]):
        return NO_ONE  # "Uganda and Burundi said they have committed 3,000": neither's alone
    found = ctx.mentions.actor(speaker.subtree) if speaker is not None else None
    if found is None and speaker is not None:  # "... ," the ministry said': the ministry named before with its state
        found = _named_before(ctx, speaker)
    if found is None and subject.lower_ in _THIRD_SINGULAR:  # "He announced ...": the person named last
        found = ctx.mentions.person_before(subject)
    if found is None and reporting is None and subject.lower_ in _FIRST_PLURAL:
        # a speaker's turn in a record ("Deputy Micheál Martin: Our personnel ..." in a Dáil debate), else a
        # release's "We have 870 servicemen" under "Statement by the Ministry of Georgia"
        found = record_speaker(ctx, subject) or _author(ctx)
    return found


def _author(ctx: Context) -> Actor | None:
    """Who speaks as "we" in a text no one is quoted in: the first actor a headline that calls the text a
    statement names, not as a place ("UK statement on Estonia", "Press release: Royal Netherlands Army")."""
    doc = ctx.mentions.doc
    headline = takewhile(lambda t: t.idx < ctx.headline_end, doc)
    if not any(t.lemma_.lower() in ctx.words.statement_nouns for t in headline):
        return None
    return next((m.actor for m in ctx.mentions.mentions if doc[m.start].idx < ctx.headline_end
                 and m.actor is not None and m.actor.force is not None and not is_place_role(doc[m.root])), None)


def _named_before(ctx: Context, noun: Token) -> Actor | None:
    """The actor a definite noun took where the article last named it with one: "the ministry" after "Niger's
    defence ministry said", "the spokesman" after "a Kenyan military spokesman"; not "the mission", which
    :func:`.organisations.described` reads as the mission named last."""
    if noun.lemma_.lower() in ctx.words.organisation_nouns \
            or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    lemma = noun.lemma_.lower()
    for earlier in reversed(noun.doc[max(0, noun.i - _REFERRED_WINDOW): noun.i]):
        if earlier.lemma_.lower() == lemma and earlier.pos_ in ("NOUN", "PROPN"):
            return ctx.mentions.actor(np_tokens(earlier, WHOSE_PREPS))
    return None


def own_possessed(noun: Token) -> bool:
    """ "their own army", "its own troops": the speaker's own, set against the forces named around them."""
    return any(c.dep_ == "amod" and c.lower_ == _OWN for c in noun.children) and any(
        c.dep_ == "poss" and c.lower_ in THIRD_POSSESSIVES for c in noun.children)


def possessing_state(ctx: Context, noun: Token) -> Actor | None:
    """The state a possessor that names none stands for: "Belarus, whose army numbers 45,000" (the noun the
    relative clause is about), "the country's army of 33,000", "soldiers of the country" (the country named
    last before it)."""
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None) or _of_state(noun)
    if possessor is None:
        return None
    if possessor.lower_ == "whose" and noun.head.dep_ == "relcl":
        return ctx.mentions.actor(np_tokens(noun.head.head, WHOSE_PREPS))
    if possessor.lemma_.lower() not in _OWN_STATE or not any(c.lower_ == "the" for c in possessor.children):
        return _named_before(ctx, possessor)  # "the junta's army" after "Niger's ruling junta"
    state = ctx.mentions.state_before(possessor, lambda t: _speaks(ctx, t))
    return Actor(state) if state is not None else None


def _speaks(ctx: Context, nationality: Token) -> bool:
    """Does a nationality adjective name its state, modifying people who speak or act for it ("Lithuanian
    officials"), not troops ("French troops stationed in Niger": "the country" is then Niger)?"""
    return nationality.dep_ == "amod" and not is_personnel(ctx, nationality.head) \
        and not is_force_noun(ctx, nationality.head)


def _of_state(noun: Token) -> Token | None:
    """The state an "of" phrase makes the noun's possessor: "1,000 soldiers of the country" are "the country's"."""
    return next((o for p in noun.children if p.dep_ == "prep" and p.lower_ == "of"
                 for o in p.children if o.dep_ == "pobj" and o.lemma_.lower() in _OWN_STATE), None)
