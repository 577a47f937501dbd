"""Quotations and their speakers, read from the words alone.

As CoreNLP's quote attribution does in its first sieves (and textacy's ``direct_quotations``
with the parse), a quote's speaker is found beside the quote: ``"...," he said``, ``"...,"
said Ben Wallace``, ``Stoltenberg told reporters: "..."``. These patterns read tokens and
entities only, never the parse, because a quote's speaker often sits in a sentence that
``--parse candidates`` leaves unparsed ("We have 250 troops there. We are staying," he said.),
so both parse modes give the same speaker.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

#: Quotation marks: curly ones say which way they face; a straight one opens when no quote is open.
OPENING, CLOSING, STRAIGHT = "“", "”", '"'
#: What ends the run of words that names a speaker or completes "he told reporters on Thursday".
_STOPS = frozenset({".", ",", ";", ":", "!", "?", "(", ")", "-", "–", "—", OPENING, CLOSING, STRAIGHT})
#: What ends a quote that a speaker follows ("...," he said); after a full stop a new sentence begins.
_HANDOVER = frozenset({",", "?", "!", "—", "–", "-", "..."})
#: How many words a speaker's name and title, or the words after the verb, may run to.
SPEAKER_WORDS = 8
TAIL_WORDS = 6


@dataclass(frozen=True)
class Quote:
    start: int  # the opening mark's offset
    end: int  # after the closing mark, or the paragraph's end where a quote runs on to the next paragraph


def quote_spans(text: str) -> list[Quote]:
    """The quotations in ``text``, paragraph by paragraph (a quote open at a paragraph's end
    closes there: the next paragraph reopens it, as newspapers write a long quote)."""
    found: list[Quote] = []
    position = 0
    for line in text.split("\n"):
        opened = None
        for i, char in enumerate(line):
            if char == OPENING or (char == STRAIGHT and opened is None):
                opened = position + i if opened is None else opened
            elif char in (CLOSING, STRAIGHT) and opened is not None:
                found.append(Quote(opened, position + i + 1))
                opened = None
        if opened is not None and line[opened - position + 1:].strip():
            found.append(Quote(opened, position + len(line.rstrip())))
        position += len(line) + 1
    return found


@dataclass(frozen=True)
class Said:
    """Where a source is written: its tokens [start, end), the words naming the speaker, and their
    main word where the parse gives it (else the words are a flat run, read without a parse)."""

    start: int
    end: int
    speaker: Span | None
    head: Token | None = None


def _run(doc: Doc, start: int, step: int, limit: int) -> list[int]:
    """Token indices from ``start`` one way up to a stop, a line break or ``limit`` words."""
    found = []
    i = start
    while 0 <= i < len(doc) and len(found) < limit and doc[i].text not in _STOPS and "\n" not in doc[i].text:
        found.append(i)
        i += step
    return found


def _verb_in(doc: Doc, run: list[int], forms: frozenset[str]) -> int | None:
    """The run's reporting verb: the last of its first group of verb forms ("reports said" -> said)."""
    for n, i in enumerate(run):
        if doc[i].lower_ in forms and (n + 1 == len(run) or doc[run[n + 1]].lower_ not in forms):
            return i
    return None


def after(doc: Doc, closing: int, forms: frozenset[str]) -> Said | None:
    """The source after a closing mark: ``," he told reporters``, ``," said Ben Wallace``,
    ``", the ministry said``."""
    first = closing + 1
    if first < len(doc) and doc[first].text == ",":
        first += 1  # British style: the comma outside the quote
    elif first >= len(doc) or (doc[closing - 1].text not in _HANDOVER and not doc[first].is_lower):
        return None  # '...ground." Russia said': the quote ended its sentence
    run = _run(doc, first, 1, SPEAKER_WORDS + TAIL_WORDS)
    verb = _verb_in(doc, run[:SPEAKER_WORDS + 1], forms)
    if verb is None:
        return None
    if verb == first:  # "said Defence Minister Ben Wallace"
        end = run[-1] + 1
        return Said(first, end, doc[first + 1:end] if end > first + 1 else None)
    return Said(first, run[-1] + 1, doc[first:verb])


def before(doc: Doc, opening: int, forms: frozenset[str]) -> Said | None:
    """The source before an opening mark: ``Stoltenberg told reporters: "``, ``He said, "``."""
    last = opening - 1
    if last >= 0 and doc[last].text in (":", ","):
        last -= 1
    elif last < 0 or doc[last].lower_ not in forms:
        return None  # 'the "500-strong" force': a quoted phrase, not a speaker's words
    run = sorted(_run(doc, last, -1, SPEAKER_WORDS + TAIL_WORDS))
    verb = _verb_in(doc, run, forms)
    if verb is None or verb == run[0]:
        return None
    return Said(run[0], run[-1] + 1, doc[run[0]:verb])
