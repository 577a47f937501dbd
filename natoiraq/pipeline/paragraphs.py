"""Sentence boundaries at line breaks and after datelines; where the lede starts.

Headlines, bylines and captions have no full stop; without this the parser
runs "Millennium Post\\n\\nNATO to consider..." into one sentence and the NER
into one entity. A dateline ("BRUSSELS (Reuters) - NATO is ...") is not part of
the sentence it opens: left in, it becomes the subject. Set before the parser,
which respects preset boundaries.

:func:`lede_start` tells the headline and furniture above the lede from the
article: the troop steps read the headline apart, and the candidate parse
(:mod:`natoiraq.speedups.candidates`) parses everything up to the lede's end.
"""

from __future__ import annotations

import re

from spacy.attrs import ORTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from natoiraq.pipeline.component import Component

_TERMINAL = (".", "!", "?", ":", '"', "\u201d", "'", "\u2019", ")")
_DASHES = ("-", "--", "\u2013", "\u2014")
_DATELINE_TOKENS = 10  # "WASHINGTON, Feb 16 (Reuters) -" at most
_BYLINE = "by"  # a byline's first word
_LEDE_MIN_WORDS = 8
_SENTENCE_ENDS = frozenset('.!?"”’\'')
#: Words a finished line never ends in: a hard-wrapped line that ends in one goes on in the next, whatever
#: that starts with ("troops in\nDjibouti", "and a further 150 in\nPoland"): closed.
_UNFINISHED = frozenset({"in", "on", "at", "to", "into", "from", "of", "with", "along", "across", "near", "by", "for",
                         "the", "a", "an", "its", "their", "and", "or", "some", "about", "around"})
#: The heading of an official release's footer, at the head of a line: what follows is boilerplate about the
#: issuer and whom to call ("Media enquiries", "Notes to editors", "About the Ministry of Defence", "ENDS"), no part
#: of the article; "About" only as a capitalised heading ("About the mission" may head an explainer's section).
#: Closed.
_FOOTER = re.compile(r"^[ \t]*(?:(?:media|press) (?:contacts?|enquiries|inquiries|office)|contacts?"
                     r"|notes? to editors|-?ends-?|#{3}|inquiries|(?-i:About (?:the [A-Z][^\n.]*|us))"
                     r"|for (?:more|further) information\b.*|issued by\b.*)[ \t]*(?::.*)?$",
                     re.IGNORECASE | re.MULTILINE)
#: The most tokens a sentence runs without a full stop or a line break. News sentences stay far below
#: it; a text with no breaks at all ("500 troops" four thousand times, a scraped table) is cut here,
#: so that a figure's sentence, and the work on it, has a bound and a record's cost grows with its length.
MAX_SENTENCE_TOKENS = 150


@Language.factory("natoiraq_paragraphs", requires=[], assigns=["token.is_sent_start"])
def paragraphs(nlp: Language, name: str) -> "ParagraphBreaker":
    """The factory (named so for the spacy_factories entry point)."""
    return ParagraphBreaker(nlp, name)


class ParagraphBreaker(Component):
    """Preset sentence starts at paragraph breaks and datelines; it reads no tables."""

    def __call__(self, doc: Doc) -> Doc:
        _mark_dateline(doc, 0)
        strings = doc.vocab.strings
        texts = [strings[orth] for orth in doc.to_array([ORTH]).ravel().tolist()]  # by array: no Token per word
        for i in range(len(doc) - 1):
            if "\n" not in texts[i]:
                continue
            _mark_dateline(doc, i + 1)
            following = doc[i + 1]
            # A blank line always ends a sentence; a single line break only where the
            # line looks finished, so hard-wrapped wire copy still parses whole.
            if texts[i].count("\n") > 1 or i == 0 or texts[i - 1].endswith(_TERMINAL) or (
                (following.is_title or following.is_upper or following.is_digit)
                and texts[i - 1].lower() not in _UNFINISHED
            ):
                following.is_sent_start = True
        _cut_endless_sentences(doc, texts)
        return doc


def _cut_endless_sentences(doc: Doc, texts: list[str]) -> None:
    """A sentence start after MAX_SENTENCE_TOKENS tokens with no full stop, line break or preset start
    (``texts``: the doc's words)."""
    run = 0
    for i, start in enumerate(doc.to_array([SENT_START]).ravel().tolist()):
        run = 0 if start == 1 else run + 1  # 1 a start, -1 none, 0 not known
        if run >= MAX_SENTENCE_TOKENS:
            doc[i].is_sent_start = True
            run = 0
        elif texts[i] in _SENTENCE_ENDS or "\n" in texts[i]:
            run = -1  # the next token may start a sentence: count from it


def is_dateline(sentence: Span) -> bool:
    """Is this sentence a dateline ("TOKYO -", "WASHINGTON, Feb 16 (Reuters) -") that :class:`ParagraphBreaker`
    cut off? Its place says where the reporter was, not whose troops or where they are."""
    return len(sentence) <= _DATELINE_TOKENS and sentence[-1].text in _DASHES and (
        sentence[0].is_upper or len(sentence) > 2 and sentence[0].is_title and _year(sentence[-2]))


def is_furniture(sentence: Span) -> bool:
    """Is this sentence a dateline ("BRUSSELS (Reuters) -") or a byline ("By Jane Doe in Kabul")? A place it
    names says where the reporter is."""
    return is_dateline(sentence) or sentence[0].lower_ == _BYLINE


def _mark_dateline(doc: Doc, start: int) -> None:
    """Start a sentence after "CITY (Agency) -" at the head of a paragraph."""
    if start >= len(doc) or not (doc[start].is_upper and len(doc[start]) >= 3 or doc[start].is_title):
        return
    for token in doc[start + 1: start + _DATELINE_TOKENS]:
        if "\n" in token.text:
            return
        if token.text in _DASHES and token.i + 1 < len(doc) and token.whitespace_:
            previous = doc[token.i - 1]
            # an official release's "Brussels, 12 March 2024 -" ends its dateline in a year
            # a wire's "DOHA, Qatar -" ends in the country its city is in, after a comma
            if _year(previous) if not doc[start].is_upper else (
                    previous.is_upper or previous.text == ")" or previous.like_num
                    or previous.is_title and doc[token.i - 2].text == ","):
                doc[token.i + 1].is_sent_start = True
                # The parser likes to cut off a capitalised first word ("NATO | defence
                # ministers agreed"): a one-word sentence after a dateline is never meant.
                if token.i + 2 < len(doc) and not doc[token.i + 2].is_punct and "\n" not in doc[token.i + 1].text_with_ws:
                    doc[token.i + 2].is_sent_start = False
            return


def _year(token: Token) -> bool:
    """Is this a year ("2024"), as an official release's dateline ends?"""
    return len(token.text) == 4 and token.text.isdigit() and token.text[:2] in ("19", "20")


def lede_start(text: str) -> int:
    """Where the lede starts: lines before it (headline, standfirst, captions, byline) are the
    article's furniture. The lede is the first line that reads as prose: long, and ending a sentence."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if len(line.split()) >= _LEDE_MIN_WORDS and line[-1] in _SENTENCE_ENDS:
            return start
        start = end + 1
    return 0


def footer_start(text: str, lede: int) -> int:
    """Where an official release's footer starts after its lede at ``lede`` (:data:`_FOOTER`): its names and
    numbers are the issuer's boilerplate, no figure's place or force; the text's end where it has none."""
    found = _FOOTER.search(text, lede)
    return found.start() if found is not None else len(text)
