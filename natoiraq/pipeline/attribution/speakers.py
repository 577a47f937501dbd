"""The speaker a source names: a canonical actor, a role as written, or no one.

"Stoltenberg" is ``Jens Stoltenberg`` and "the alliance" ``NATO`` (the entity component's
canonical names); "U.S. officials", "four diplomats" and "a senior Kenyan police officer" are
roles, kept as written without a leading "the"; "he" is the person last named before it;
"a statement from the Pentagon" is the Pentagon's; "it was reported" names no one.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.extensions import CANONICAL

#: Labels of the entities that can speak.
SPEAKING = frozenset({"PERSON", "ORG", "GPE", "NORP"})
#: Pronouns whose speaker is the entity of this label last named before them.
PRONOUNS = {"he": "PERSON", "she": "PERSON", "it": "ORG"}
#: Pronouns and expletives that name no speaker ("we have 500", "it is estimated").
NO_ONE = frozenset({"i", "we", "you", "they", "there", "this", "that", "which", "who"})
#: Prepositions that give a document's author ("a statement from the ministry").
_AUTHOR_PREPS = frozenset({"from", "by", "of"})


def _canonical(entity: Span) -> str:
    return getattr(entity._, CANONICAL) or entity.text


def _entity_at(token: Token) -> Span | None:
    return next((e for e in token.doc.ents if e.start <= token.i < e.end and e.label_ in SPEAKING), None)


def _last_named(token: Token, label: str) -> str | None:
    named = [e for e in token.doc.ents if e.end <= token.i and e.label_ == label]
    return _canonical(named[-1]) if named else None


def _role(words: Span) -> str | None:
    text = words.text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return text or None


def name(words: Span, head: Token, source_nouns: frozenset[str], parsed: bool = True) -> str | None:
    """Who ``words`` (a subject, an agent, the object of "according to") name, ``head`` its main word.

    Without a parse (``parsed=False``, a quote's speaker in an unparsed sentence) the words are a
    flat run: a person or actor named anywhere in them is the speaker ("Defence Minister Ben Wallace")."""
    lower = head.lower_
    if lower in PRONOUNS:
        return _last_named(head, PRONOUNS[lower])
    if lower in NO_ONE:
        return None
    entity = _entity_at(head)
    if entity is None and not parsed:
        entity = next((e for e in words.ents if e.label_ == "PERSON"), None) or (
            words.ents[0] if len(words.ents) == 1 and words.ents[0].end == words.end else None)
    if entity is not None:
        return _canonical(entity)
    if lower in source_nouns:  # a document speaks for its author
        for child in head.children if parsed else ():
            author = next((c for c in child.children if c.dep_ == "pobj"), None) \
                if child.dep_ == "prep" and child.lower_ in _AUTHOR_PREPS else child if child.dep_ == "poss" else None
            if author is not None:
                return name(Span(words.doc, author.left_edge.i, author.i + 1), author, source_nouns)
        authors = [e for e in words.ents if e.label_ in SPEAKING]
        return _canonical(authors[0]) if authors else None
    return _role(words.doc[words.start:head.i + 1])
