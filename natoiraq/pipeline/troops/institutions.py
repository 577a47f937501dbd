"""A state's institution that the article names with another state: "Kenya's Ministry of Defence", "the Ministry of
Defence of Kenya" are Kenya's, though the tables give the bare name, as British news writes it, to Britain.
:mod:`.mentions` asks.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.ontology import Actor, Ontology


def qualified(ontology: Ontology, root: Token, actor: Actor | None) -> Actor | None:
    """The state that possesses the institution ``root`` names or follows its "of", where ``actor``, the
    institution's own state, is another; else ``actor``."""
    if actor is None or actor.force not in ontology.countries:
        return actor
    qualifiers = [c for c in root.children if c.dep_ == "poss"] + [
        o for p in root.children if p.dep_ == "prep" and p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    for qualifier in qualifiers:
        state = ontology.actor(root.doc[qualifier.left_edge.i: qualifier.right_edge.i + 1].text)
        if state is not None and state.force in ontology.countries:
            return state
    return actor
