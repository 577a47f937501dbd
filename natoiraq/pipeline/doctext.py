"""A doc's text, built once.

spaCy keeps no copy of a doc's text: every ``Doc.text`` joins its tokens again, some 40 µs for a
news article, and the candidate parser, the date, troop and attribution components read it
several times each. A doc's text never changes (retokenizing keeps it), so the first reading is
kept for as long as the doc lives, outside the doc, so that nothing travels with it.
"""

from __future__ import annotations

from weakref import WeakKeyDictionary

from spacy.tokens import Doc

_TEXTS: WeakKeyDictionary[Doc, str] = WeakKeyDictionary()


def text_of(doc: Doc) -> str:
    """``doc.text``, joined from its tokens the first time only."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text
