"""The ontology's names found in a doc: places and organisations the statistical NER did not tag."""

from __future__ import annotations

from collections.abc import Callable

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from natoiraq.knowledge.ontology import Ontology


class Gazetteer:
    """Finds the ontology's places and organisations the statistical NER did not tag ("the Sahel",
    "Okinawa", "EUFOR Althea"). Acronyms match as written ("CAR", "AU"), other names in any case."""

    def __init__(self, make_doc: Callable[[str], Doc], ontology: Ontology):
        vocab = make_doc("").vocab
        self.any_case = PhraseMatcher(vocab, attr="LOWER")
        self.as_written = PhraseMatcher(vocab, attr="ORTH")
        for label, names in (("LOC", ontology.place_names), ("ORG", ontology.actor_names)):
            for name in names:
                (self.as_written if _is_acronym(name) else self.any_case).add(label, [make_doc(name)])
        # Nationalities as written: "Ghanaian peacekeepers", not "french fries".
        self.as_written.add("NORP", [make_doc(name) for name in ontology.demonym_names])

    def __call__(self, doc: Doc) -> list[Span]:
        found = [Span(doc, s, e, label=doc.vocab.strings[key]) for matcher in (self.any_case, self.as_written)
                 for key, s, e in matcher(doc)]
        # The name without its article, so that its root is the name ("the Sahel region" -> "Sahel region").
        return [Span(doc, s.start + 1, s.end, label=s.label) if len(s) > 1 and s[0].lower_ == "the" else s
                for s in filter_spans(found)]


#: The (ontology, gazetteer) built from each set of tables: the entity and troop components read the same
#: tables, and building twice costs start-up (~20 ms, in every worker). Holding the tables keeps their ids.
_BUILT: dict[tuple[int, ...], tuple[tuple, Ontology, Gazetteer]] = {}


def knowledge(make_doc: Callable[[str], Doc], tables: dict) -> tuple[Ontology, Gazetteer]:
    """The ontology of ``tables`` (forces, places, aliases) and its gazetteer, built once per tables and vocab."""
    parts = (tables["forces"], tables["places"], tables["aliases"])
    vocab = make_doc("").vocab
    key = (id(vocab), *map(id, parts))
    if key not in _BUILT:
        ontology = Ontology.from_tables(*parts)
        _BUILT[key] = ((vocab, *parts), ontology, Gazetteer(make_doc, ontology))
    _, ontology, gazetteer = _BUILT[key]
    return ontology, gazetteer


def _is_acronym(name: str) -> bool:
    return not any(c.islower() for c in name) and len(name) <= 6
