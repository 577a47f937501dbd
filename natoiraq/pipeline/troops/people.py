"""Whom the people an article names act for: the state or organisation it introduces them with ("French
President Emmanuel Macron", "Putin, Russia's president", "Britain's defence secretary, Ben Wallace": a state's
by an office, not "Russia expert Michael Kofman"), else
the one the tables know them for (forces.json "people": "Obama announced ..."). The surname alone acts for
it later too: the entity component gives it the full name, and a proper noun the model leaves untagged
("Abiy pledged ...") that is a word of the name is the person again. :mod:`.mentions` asks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.attrs import ENT_TYPE, ORTH, POS
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from natoiraq.knowledge.ontology import Actor, Ontology
from natoiraq.pipeline.syntax import np_tokens

#: The prepositions of a person's title that name whom they serve ("the president of Côte d'Ivoire").
_TITLE_PREPS = frozenset({"of"})


def acting(doc: Doc, persons: list[Span], ontology: Ontology,
           actor: Callable[[Iterable[Token]], Actor | None]) -> list[tuple[Span, Actor | None]]:
    """Each mention of a person, tagged or a later untagged word of the name, with whom they act for (None
    where neither the article nor the tables say); ``actor`` reads the actor that words name."""
    introduced: dict[str, Actor] = {}
    for person in persons:
        root = person.root
        words = [t for t in np_tokens(root, _TITLE_PREPS) if not person.start <= t.i < person.end]
        if root.dep_ == "appos":  # "Britain's defence secretary, Ben Wallace"
            words += [t for t in np_tokens(root.head, _TITLE_PREPS) if t.i not in {w.i for w in root.subtree}]
        found = actor(words)
        # a state's official speaks for it; its analysts and journalists do not ("Russia expert Michael Kofman")
        if found is not None and found.force not in ontology.militant_groups and (
                found.force not in ontology.countries
                or any(w.lower_ in ontology.offices or w.lower_ in ontology.service_words for w in words)):
            introduced.setdefault(_key(person), found)
    for person in persons:  # "Obama announced ...": whom the tables know them to act for, unless introduced
        known = ontology.person(_key(person)) or ontology.person(person.text)
        if known is not None:
            introduced.setdefault(_key(person), known)
    named = {word: found for key, found in introduced.items() for word in key.split()}
    return [(person, introduced.get(_key(person)) or named.get(person.text))
            for person in [*persons, *_untagged(doc, named)]]


def _untagged(doc: Doc, words: Iterable[str]) -> list[Span]:
    """The proper nouns the model left untagged that are one of ``words`` ("Abiy pledged ...")."""
    strings = doc.vocab.strings
    wanted = {strings[word] for word in words}
    if not wanted:
        return []
    # By array, as mentions reads proper names: a Token object for every word of the article costs more.
    rows = doc.to_array([POS, ENT_TYPE, ORTH]).tolist()
    return [Span(doc, i, i + 1) for i, (pos, ent_type, orth) in enumerate(rows)
            if pos == PROPN and not ent_type and orth in wanted]


def _key(person: Span) -> str:
    return person._.natoiraq_canonical or person.text
