"""Sentence boundaries at line breaks.

Headlines, bylines and captions have no full stop; without this the parser
runs "Millennium Post\\n\\nNATO to consider..." into one sentence and the NER
into one entity. Set before the parser, which respects preset boundaries.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

_TERMINAL = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")


@Language.component("natoiraq_paragraphs")
def paragraphs(doc: Doc) -> Doc:
    for token in doc[:-1]:
        if "\n" not in token.text:
            continue
        following = doc[token.i + 1]
        # A blank line always ends a sentence; a single line break only where the
        # line looks finished, so hard-wrapped wire copy still parses whole.
        previous = doc[token.i - 1] if token.i else None
        if token.text.count("\n") > 1 or previous is None or previous.text.endswith(_TERMINAL) or (
            following.is_title or following.is_upper or following.is_digit
        ):
            following.is_sent_start = True
    return doc
