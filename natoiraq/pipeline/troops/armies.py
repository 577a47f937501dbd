"""Whether a figure is the size of a state's whole armed forces ("Chad's army of 30,000", "Qatar's armed forces
number around 12,000", "Estonia's defence forces, some 7,100 strong", "the Bundeswehr, which has 181,000", "the
army's strength stands at 6,500") or reservists it calls up ("20,000 reservists have been called up"). A state's
army, and its call-up, stands in that state: where its words name no other place, :mod:`.where` places it there,
not in the article's theatre nor its neighbours'.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.pipeline.syntax import PLACE_ADVERBS, governing_verb, subject_of
from natoiraq.pipeline.troops.clauses import musters
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import TroopFigure
from natoiraq.pipeline.troops.mentions import PLACE_PREPS, PREP_DEPS

#: Nouns that name a state's whole armed forces by themselves: closed.
_ARMY_NOUNS = frozenset({"army", "military"})
#: Words that make "forces" a state's whole armed forces ("armed forces", "defence forces"): closed.
_WHOLE_FORCES_WORDS = frozenset({"armed", "defence", "defense", "self-defence", "self-defense"})
_FORCES_NOUNS = frozenset({"force", "forces"})
#: Verbs that give a subject's size ("the armed forces number 15,500", "the army has 24,000 men"): closed.
_SIZE_VERBS = frozenset({"number", "total", "have", "be", "stand", "estimate", "count", "comprise"})


def whole_army(ctx: Context, figure: TroopFigure, sure: bool) -> bool:
    """Does the figure count its state's whole armed forces: its noun is the army ("Chad's army of 30,000"), what
    an army is "of" ("an army of 24,000 men"), or what a size verb gives an army ("the armed forces number 15,500",
    "the army, estimated at 30,000 soldiers"), not troops it describes as sent or based anywhere; or reservists the
    state calls up ("mobilised 5,600 reservists")? Where the force is not ``sure`` (read from the discourse), only
    an army whose words name that state ("Japan's Self-Defense Forces, which number 240,000")."""
    anchor = figure.personnel.anchor
    # troops an army sends or bases anywhere are not its size; "which number about 240,000" gives it
    if figure.force not in ctx.mentions.ontology.countries or any(
            c.dep_ in ("acl", "relcl") and c.lemma_.lower() not in _SIZE_VERBS for c in anchor.children):
        return False
    if anchor.lemma_.lower() in ctx.words.reserve_nouns and _calls_up(ctx, governing_verb(anchor)[0]):
        return sure
    holders = [anchor]
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of":
        holders.append(anchor.head.head)
    # the verb that gives the size, the nearest above the figure: the parse may take "number" for a noun
    above = list(anchor.ancestors)
    verb = governing_verb(anchor)[0]
    path = above[:above.index(verb) + 1] if verb is not None else above
    verb = next((t for t in path if t.lemma_.lower() in _SIZE_VERBS), verb or anchor)
    # an army that "has 150,000 troops on the border" or "there" has them somewhere, not as its size
    if verb.lemma_.lower() in _SIZE_VERBS and not any(
            (c.dep_ == "advmod" and c.lower_ in PLACE_ADVERBS) or (c.dep_ in PREP_DEPS and c.lower_ in PLACE_PREPS
                                                                   and anchor not in c.subtree)
            for c in (*verb.children, *anchor.children)):
        holders.append(subject_of(verb))
        if verb.pos_ == "NOUN":  # "Chad's army numbers 30,000" parsed as the noun "army numbers"
            holders.extend(c for c in verb.children if c.dep_ == "compound")
        if verb.dep_ in ("acl", "relcl"):  # "the army, estimated at 30,000", "the forces, which number 240,000"
            holders.append(verb.head)
    # a size names its army: "the Defence Forces' strength is about 7,500", "the strength of the army stands at"
    holders.extend(c for t in holders if t is not None and t.lemma_.lower() in ctx.words.size_nouns
                   for c in (*t.children, *(o for p in t.children if p.lower_ == "of" for o in p.children))
                   if c.dep_ in ("poss", "pobj"))
    # a name of its own says whose it is ("the Bundeswehr")
    return any(_is_army(t) and (sure or _owned_by(ctx, t, figure.force)) or _names_an_army(ctx, t, figure.force)
               for t in holders if t is not None)


def _owned_by(ctx: Context, army: Token, state: str | None) -> bool:
    """Do the army's own words name its state ("Japan's Self-Defense Forces", "the Chadian army")?"""
    return any((actor := ctx.mentions.ontology.actor(t.text)) is not None and actor.force == state
               for t in army.children if t.dep_ in ("poss", "amod", "compound"))


def _calls_up(ctx: Context, verb: Token | None) -> bool:
    """Does the verb call reservists up ("mobilised", "called up", "called to the colours")?"""
    return verb is not None and (verb.lemma_.lower() in ctx.words.callup_verbs or musters(ctx, verb) or (
        verb.lemma_.lower() == "call" and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)))


def _names_an_army(ctx: Context, token: Token, state: str | None) -> bool:
    """Is this the one-word name of the state's whole armed forces ("the Bundeswehr, which has 181,000")?"""
    ontology = ctx.mentions.ontology
    return token.text in ontology.armed_forces and (actor := ontology.actor(token.text)) is not None \
        and actor.force == state


def _is_army(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return lemma in _ARMY_NOUNS or (lemma in _FORCES_NOUNS and any(
        c.lower_ in _WHOLE_FORCES_WORDS for c in token.children if c.dep_ in ("amod", "compound")))
