"""Figures an organisation holds rather than a state: the troops of a multinational force, and the mission or
organisation a definite description ("the mission", "the force") refers back to. :mod:`.whose` and
:mod:`.discourse` ask.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.pipeline.syntax import RELATIVE_PRONOUNS, relative_head, subject_of
from natoiraq.pipeline.troops.context import Context

#: Adjectives of a force many states field together, or a region's many states ("a European force").
_MULTINATIONAL = frozenset({"international", "multinational", "multi-national", "foreign", "allied", "coalition",
                            "european", "regional", "western", "arab", "nordic"})
#: Nouns for states that "from" several of makes a force many states' ("from 14 countries").
_STATES = frozenset({"country", "nation", "state"})


def multinational(noun: Token) -> bool:
    """ "international troops", "a multinational force": many states' troops, whose force is an organisation."""
    return any(c.dep_ == "amod" and c.lower_ in _MULTINATIONAL for c in noun.children)


def many_states(noun: Token) -> bool:
    """Troops a multinational force is or has: "international troops", "a multinational force of 5,000
    soldiers", "The multinational brigade now has 3,500 troops", "a multinational force that will number
    2,500", "20,000 troops from 14 countries"; an
    organisation's, never one country's."""
    if multinational(noun) or _from_states(noun):
        return True
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        return multinational(noun.head.head)
    subject = subject_of(noun.head) if noun.dep_ in ("dobj", "attr") else None
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS:  # "a multinational force that will number 2,500"
        subject = relative_head(subject)
    return subject is not None and multinational(subject)


def _from_states(noun: Token) -> bool:
    """ "troops from 14 countries", "soldiers from several nations": from many states, no one's."""
    return any(p.dep_ == "prep" and p.lower_ == "from" and any(
        o.dep_ == "pobj" and o.tag_ == "NNS" and o.lemma_.lower() in _STATES for o in p.children)
        for p in noun.children)


def described(ctx: Context, noun: Token) -> Actor | None:
    """A definite description of a mission or organisation named before: "the mission", "the force",
    "the bloc" are the nearest named mission (else organisation fielding missions, else organisation) before them."""
    if noun.lemma_.lower() not in ctx.words.organisation_nouns:
        return None
    if not any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "this", "its", "their") for c in noun.children):
        return None
    # a state the tagger took for an organisation ("left Mali") is no mission's or organisation's name
    earlier = [m for m in ctx.mentions.mentions if m.start < noun.i and m.actor is not None and m.actor.force
               and (m.actor.mission or m.actor.force not in ctx.mentions.ontology.countries)]
    # then an organisation that fields missions, over a company or group named since ("Wagner mercenaries")
    fielding = ctx.mentions.ontology.fielding
    tiers = (lambda m: m.actor.mission, lambda m: m.rank == 0 and m.actor.force in fielding, lambda m: m.rank == 0)
    for wanted in tiers:
        chosen = [m for m in earlier if wanted(m)]
        if chosen:
            return chosen[-1].actor
    return None
