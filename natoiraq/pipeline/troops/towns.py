"""Which town a name in a place's phrase is where the text says what it is in: the state or region named beside
it ("Mount Pleasant in the Falklands", "Palma, Mozambique"), where the gazetteer knows a town of that name
elsewhere; and a town inside their own state that troops are sent to ("to Roraima state").
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import governing_verb
from natoiraq.pipeline.troops.context import Context

#: Prepositions by which a town's name says what it is in ("Mount Pleasant in the Falklands"): closed.
_CONTAINING_PREPS = frozenset({"in", "of"})


def as_placed(ctx: Context, name: Token, place: Place) -> Place:
    """The town ``name`` stands for, in the state or region its own phrase names where that is not the one the
    gazetteer puts a town of that name in ("at Mount Pleasant in the Falklands" is no town in the United
    States); a state's or region's name and a table's are as they stand."""
    if place.tabled or place.name == place.location:
        return place
    containers = [t for c in name.children if c.dep_ == "appos" or (c.dep_ == "prep" and c.lower_ in _CONTAINING_PREPS)
                  for t in (c, *c.children) if t.dep_ in ("appos", "pobj")]
    for container in containers:
        mention = ctx.mentions.by_token.get(container.i)
        held = mention.place if mention is not None else None
        if held is not None and held.name == held.location and held.location != place.location:
            return Place(place.name, held.location)  # the gazetteer's coordinates are the other town's
    return place



def sent_within(ctx: Context, prep: Token, place: Place) -> bool:
    """Is ``place`` a town or province that a verb of sending sends troops to, not the state itself ("Brazil sent
    200 soldiers to Roraima state" is in Brazil, though troops sent to their own state are not placed)?"""
    verb = governing_verb(prep)[0]
    return place.name != place.location and verb is not None and verb.lemma_.lower() in ctx.words.sending_verbs
