"""Borders as regions named by their countries: troops on "the Ukrainian border", "the border with Ukraine" or
"the Indian-Pakistani border" are on the "Ukraine border" or the "India-Pakistan border", in neither country.
:mod:`.placing` asks whether a phrase's object is a border.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import THIRD_POSSESSIVES
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
    # whose border "its" says, where the force is not sure ("Kenya's defence ministry said troops were sent to its
    # border")
    its = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in THIRD_POSSESSIVES), None)
    owner = ctx.mentions.actor_before(its) if its is not None and home is None else None
    state = home or (owner.force if owner is not None else None)
    # a name before the noun says whose border it is, however the parse missed it ("the Ukrainian border")
    if not sides and state is not None and not any(t.is_title for t in before):
        other = _other_side(ctx, noun, state)
        sides = [other] if other is not None else []
    if not 0 < len(sides) <= 2:
        return None
    return border_of(*sides)


def _other_side(ctx: Context, noun: Token, home: str) -> str | None:
    """The one neighbour of the force's state (GeoNames' land neighbours) that the sentence, else the line, names
    where its border's other side goes unnamed: India's troops "along its border after clashes with Chinese
    forces" are on the "China border"; None where none or several are named."""
    doc, neighbours = noun.doc, ctx.mentions.ontology.gazetteer.neighbours(home)
    line = ctx.paragraph(noun.idx)
    for within in (lambda t: noun.sent.start <= t.i < noun.sent.end, lambda t: ctx.paragraph(t.idx) == line):
        named = {country for m in ctx.mentions.mentions if within(doc[m.root])
                 and (country := m.place.location if m.place is not None else m.actor.force if m.actor else None)
                 in neighbours}
        if named:
            return named.pop() if len(named) == 1 else None
    return None
