"""Entity canonicalisation: one name per actor.

NATO, Nato and "the alliance" become ``NATO``; ISIS, ISIL and Daesh
``Islamic State``; "Stoltenberg" the ``Jens Stoltenberg`` the article named.
The alias table (``data/aliases.json``) is matched with a PhraseMatcher; a
curated alias replaces the statistical entity it overlaps, and names the
model missed ("the alliance") become entities. The canonical name sits on
``span._.natoiraq_canonical``. Before that, a place the model tagged PERSON
takes a place's label and a title-case headline loses the names the model
made of its words (:mod:`.names`).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from natoiraq.pipeline import extensions
from natoiraq.pipeline.component import Component
from natoiraq.pipeline.names import NameShapes

extensions.register()

#: The possessive ending the model sometimes takes into a name, as its own token.
_POSSESSIVES = frozenset({"'s", "\u2019s", "'", "\u2019"})


@Language.factory(
    "natoiraq_entities",
    default_config={"aliases": None, "fold_people": True},
    requires=["doc.ents", "token.dep"],
    assigns=["doc.ents", "span._.natoiraq_canonical"],
)
def make_entities(nlp: Language, name: str, aliases: dict[str, Any] | None, fold_people: bool) -> "EntityCanonicaliser":
    return EntityCanonicaliser(nlp, name, aliases=aliases, fold_people=fold_people)


class EntityCanonicaliser(Component):
    """Give every entity a canonical name, adding the aliases the model missed."""

    #: the actors' names; the force ontology and the places, for what a name the model tagged is
    table_names = ("aliases", "forces", "places")

    def __init__(self, nlp: Language, name: str = "natoiraq_entities", *, aliases: dict[str, Any] | None = None,
                 fold_people: bool = True):
        self.fold_people = fold_people
        super().__init__(nlp, name, tables={"aliases": aliases} if aliases else None)

    @property
    def aliases(self) -> dict[str, Any]:
        return self.tables["aliases"]

    def configure(self, tables: dict[str, Any]) -> None:
        aliases = tables["aliases"]
        self._lower = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._cased = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._labels: dict[str, str] = {}
        for actor in aliases["actors"]:
            key = actor["canonical"]
            self._labels[key] = actor["label"]
            self._lower.add(key, [self.nlp.make_doc(a) for a in actor.get("aliases", [])])
            self._cased.add(key, [self.nlp.make_doc(a) for a in actor.get("cased", [])])
        self._gazetteer = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        self._gazetteer.add("GPE", [self.nlp.make_doc(c) for c in aliases.get("countries", [])])
        self._demonyms = {k.lower(): v for k, v in aliases.get("demonyms", {}).items()}
        self._seats = aliases.get("government_seats", {})
        self._titles = frozenset(aliases.get("titles", []))
        self._shapes = NameShapes(self.nlp.make_doc, tables, self._titles)

    def __call__(self, doc: Doc) -> Doc:
        ents = self._shapes(doc, [piece for ent in doc.ents for piece in _split_at_line_breaks(ent)])
        matches = []
        for matcher in (self._lower, self._cased):
            for key, start, end in matcher(doc):
                canonical = self.nlp.vocab.strings[key]
                span = Span(doc, start, end, label=self._labels[canonical])
                matches.append((span, canonical))
        aliased = {(s.start, s.end): c for s, c in matches}
        alias_spans = filter_spans([s for s, _ in matches])
        # A curated alias wins over the model's entity it overlaps, unless that
        # entity is a longer proper name ("NATO Training Mission-Iraq").
        kept = []
        for ent in ents:
            overlapping = [a for a in alias_spans if a.start < ent.end and ent.start < a.end]
            if overlapping and not any(_longer_name(ent, a) for a in overlapping):
                continue
            kept.append(ent)
        kept_alias = [a for a in alias_spans if not any(k.start < a.end and a.start < k.end for k in kept)]
        found = filter_spans(kept + kept_alias)
        # Countries the model missed ("BERLIN - Germany will send ...") fill the gaps only.
        gaps = [Span(doc, start, end, label="GPE") for _, start, end in self._gazetteer(doc)]
        found += [g for g in filter_spans(gaps) if not any(f.start < g.end and g.start < f.end for f in found)]
        doc.ents = sorted(found, key=lambda s: s.start)
        for ent in doc.ents:
            ent._.natoiraq_canonical = aliased.get((ent.start, ent.end)) or self._canonical(ent)
        _fold_acronyms(doc)
        if self.fold_people:
            self._fold_people(doc)
        return doc

    def _canonical(self, ent: Span) -> str:
        text = " ".join(ent.text.split()).strip("\"'\u201c\u201d\u2018\u2019")
        if ent.label_ == "NORP":
            singular = text.lower()[:-1] if text.lower().endswith("s") else text.lower()  # "Iraqis"
            for form in (text.lower(), singular):
                if form in self._demonyms:
                    return self._demonyms[form]
        if ent.label_ == "GPE" and text in self._seats and _acts(ent):
            return self._seats[text]  # "Washington wants" is the government
        if ent.label_ == "PERSON":
            words = text.split()
            while len(words) > 1 and words[0] in self._titles:
                words.pop(0)
            return " ".join(words)
        if ent.label_ in ("GPE", "LOC") and text.isupper() and len(text) > 4:
            text = text.title()  # the dateline's "BRUSSELS"
        return text[4:] if text.lower().startswith("the ") else text

    def _fold_people(self, doc: Doc) -> None:
        """ "Stoltenberg" and "Mr. Trump" fold to the full name the article uses, and one
        name keeps one label (a byline's "Adrian Croft" tagged ORG is the PERSON named later)."""
        full_names: dict[str, str] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent._.natoiraq_canonical.split()) > 1:
                full_names.setdefault(_surname(ent._.natoiraq_canonical), ent._.natoiraq_canonical)
        if not full_names:
            return
        relabelled = []
        for ent in doc.ents:
            name = ent._.natoiraq_canonical or ent.text
            surname = _surname(name)
            known = full_names.get(surname)
            if known is not None and (len(name.split()) == 1 or name == known):
                if ent.label_ != "PERSON":  # the model's "Lute" ORG once "Douglas Lute" is known
                    ent = Span(doc, ent.start, ent.end, label="PERSON")
                # Span extensions live in doc.user_data by character offsets, so
                # the value outlives this Span object.
                ent._.natoiraq_canonical = known
            relabelled.append(ent)
        doc.ents = relabelled


def _fold_acronyms(doc: Doc) -> None:
    """ "the North Atlantic Council (NAC)": the acronym, here and later, is that name."""
    ents = list(doc.ents)
    expansions: dict[str, str] = {}
    for before, after in zip(ents, ents[1:]):
        if (after.start == before.end + 1 and after.end < len(doc) and doc[before.end].text == "("
                and doc[after.end].text == ")" and after.text.replace("-", "").isupper()):
            expansions[after.text] = before._.natoiraq_canonical
    if expansions:
        for ent in ents:
            if ent.text in expansions:
                ent._.natoiraq_canonical = expansions[ent.text]


def _surname(name: str) -> str:
    return name.split()[-1].split("-")[-1].lower()


def _longer_name(ent: Span, alias: Span) -> bool:
    """The model's entity extends the alias with more of a proper name."""
    if ent.start >= alias.start and ent.end <= alias.end:
        return False
    extra = [t for t in ent if t.i < alias.start or t.i >= alias.end]
    return all(_name_word(t) or t.text in "-()" for t in extra) and len(ent) > len(alias)


def _name_word(token: Token) -> bool:
    """A proper noun or number; where the tagger did not run (``--parse candidates`` tags only the
    sentences where a fact can be), a capitalised word or number."""
    if token.pos:
        return token.pos_ in ("PROPN", "NUM")
    return token.is_title or token.is_upper or token.like_num


def _acts(ent: Span) -> bool:
    """Is this place the subject or possessor of something, as a government would be?"""
    return ent.root.dep_ in ("nsubj", "nsubjpass", "poss", "agent") or (
        ent.root.dep_ == "pobj" and ent.root.head.lower_ == "by"
    )


def _split_at_line_breaks(ent: Span) -> list[Span]:
    """The model runs entities across headline breaks ("Millennium Post\\n\\nNATO") and
    datelines ("BRUSSELS - NATO"); split them where a sentence starts."""
    pieces, start = [], ent.start
    for token in ent:
        if "\n" in token.text or token.text in ("-", "\u2013", "\u2014") and token.i + 1 < ent.end \
                and ent.doc[token.i + 1].is_sent_start:
            if token.i > start:
                pieces.append(Span(ent.doc, start, token.i, label=ent.label))
            start = token.i + 1
    if start < ent.end:
        pieces.append(Span(ent.doc, start, ent.end, label=ent.label))
    return [trimmed for p in pieces if (trimmed := _trim_punctuation(p)) is not None]


def _trim_punctuation(span: Span) -> Span | None:
    """ "BRUSSELS -" and '"Pentagon' lose the punctuation the model took in, and "North Korea's" its
    possessive: one name, whatever case it stands in."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].tag_ == "POS"
                           or doc[end - 1].lower_ in _POSSESSIVES):
        end -= 1
    return Span(doc, start, end, label=span.label) if end > start else None
