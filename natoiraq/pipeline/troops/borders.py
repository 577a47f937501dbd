"""Borders as regions named by their countries: troops on "the Ukrainian border", "the border with Ukraine" or
"the Indian-Pakistani border" are on the "Ukraine border" or the "India-Pakistan border", in neither country.
:mod:`.placing` asks whether a phrase's object is a border.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.mentions import PREP_DEPS

#: Nouns for the line between two countries: closed.
BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
#: Nouns of the land along a border that a border word and its other side make the border ("the border region
#: with Ethiopia"): closed.
_BORDER_LANDS = frozenset({"region", "area", "zone"})


def border_of(*countries: str) -> Place:
    """The border of these countries as a region: the "Ukraine border", the "India-Pakistan border"."""
    name = "-".join(countries) + " border"
    return Place(name, name)


def border_place(ctx: Context, noun: Token, home: str | None) -> Place | None:
    """The border a noun names by its countries, as a region: "Ukraine's border", "the Ukrainian border" and "the
    border with Ukraine" are the "Ukraine border" (troops on it are not in Ukraine), "the Indian-Pakistani
    border" the "India-Pakistan border"; None for a border of no country named ("its border"). A force's own
    border is named by the other side, however the text writes it: US troops on "the US-Mexico border" are
    on the "Mexico border", as on "the border with Mexico"."""
    # "the border region with Ethiopia" is the border too; "the Belgorod border region" is in Russia
    if noun.lemma_.lower() not in BORDER_NOUNS and not (noun.lemma_.lower() in _BORDER_LANDS and any(
            c.dep_ in ("compound", "amod") and c.lemma_.lower() in BORDER_NOUNS for c in noun.children) and any(
            c.dep_ == "prep" and c.lower_ in ("with", "between") for c in noun.children)):
        return None
    # its other side, in a phrase on the noun or, as parses go, right after it on its head ("guard the frontier
    # with Belarus"), or on the verb its phrase hangs on ("deployed along the border with Somalia")
    heads = (noun.head, noun.head.head) if noun.head.dep_ in PREP_DEPS else (noun.head,)
    sides_phrases = [*noun.children, *(c for h in heads for c in h.children if c.i == noun.right_edge.i + 1)]
    phrases = [c for c in sides_phrases if c.dep_ == "prep" and c.lower_ in ("with", "between", "of")]
    before = [t for t in noun.subtree if t.i < noun.i]
    named = before + [t for c in phrases for t in c.subtree]
    sides: list[str] = []
    ontology = ctx.mentions.ontology
    for token in named:
        mention = ctx.mentions.by_token.get(token.i)
        if mention is not None and mention.place is not None:
            country = mention.place.location
        elif mention is not None or token.ent_type_ == "NORP":  # each nationality of "the Indian-Pakistani border"
            actor = ontology.actor(token.text)
            country = actor.force if actor is not None else None
        else:
            continue
        if country in ontology.countries and country not in sides:
            sides.append(country)
    if len(sides) == 2 and home in sides:
        sides.remove(home)
    elif len(sides) == 2 and all(c.lower_ == "with" for c in phrases) and not any(
            t.i in ctx.mentions.by_token or t.ent_type_ == "NORP" for t in before):
        return None  # "near the borders with Jordan and Iraq": a third country's, unnamed
    if not 0 < len(sides) <= 2:
        return None
    return border_of(*sides)
