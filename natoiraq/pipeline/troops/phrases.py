"""Finding number phrases: "450", "more than 4,000", "between 4,000 and 5,000", "a dozen".

Reads only token texts (and, where a parse exists, the verb a "from" hangs on),
so it runs on ``spacy.blank("en")`` too. Bounds and qualifiers come from the pure
:func:`~natoiraq.parsing.quantities.parse_quantity`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from natoiraq.parsing.dates import MONTHS
from natoiraq.parsing.numbers import HALF, SCALES, SUFFIX_SCALES, TENS, UNITS, is_number_word, parse_digits
from natoiraq.parsing.quantities import parse_quantity, split_qualifier
from natoiraq.pipeline.doctext import text_of

_MAX_NUMBER_TOKENS = 9
_MAX_QUALIFIER_TOKENS = 4
_BY, _TO = "by", "to"
RANGE_JOINERS = frozenset({"to", "and", "or", "-", "\u2013", "\u2014", "through"})
#: Signs of an approximate number glued before its digits ("~33K", "≈12.5K").
_APPROXIMATE_SIGNS = "~≈"


def _is_value(text: str, low: str) -> bool:
    if low in UNITS or low in TENS:
        return True
    if not any(ch.isdigit() for ch in text):
        return False  # most tokens: no parsing at all
    return parse_digits(text) is not None or parse_quantity(text) is not None


def _scale_word_after(words: "_Text", i: int) -> bool:
    """Does a number begin at an article before its scale word ("a thousand", "a dozen"), or at the "half" before
    one ("half a million")?"""
    if words.lower[i] == HALF:
        i += 1
    return i + 1 < len(words.lower) and words.lower[i] in ("a", "an") and words.lower[i + 1] in (*SCALES, "dozen")


def _joinable(text: str, low: str) -> bool:
    return low in RANGE_JOINERS or low == "dozen" or is_number_word(text)


def _next_part(words: "_Text", end: int, first: int) -> int:
    """Past the token(s) at ``end`` that continue the number begun at ``first``, or ``end`` where it
    stops. Beside joinable words: a scale letter glued on ("12.5K"), and a thousands group the
    tokenizer split off at a no-break space or a comma typed with a space ("3\u00a0000", "4, 500")."""
    text, low = words.text[end], words.lower[end]
    day = first > 0 and words.lower[first - 1].rstrip(".") in MONTHS  # "May 5 300", "May 5, 300": a day, then a count
    if not words.space[end] and _joinable(text, low) and not (day and parse_digits(text) is not None):
        return end + 1
    if _scaled(words, end):
        return end + 1  # "12.5K", "~33K"
    # the number this group continues: after a joiner, the range's second end ("between 2 500 and 3 000")
    group = end - 1
    while group > first and parse_digits(words.between(group - 1, end)) is not None:
        group -= 1
    if not day and parse_digits(words.between(group, end)) is not None:
        for stop in (end + 1, end + 2):
            if stop <= len(words.text) and not words.space[stop - 1] \
                    and parse_digits(words.between(group, stop)) is not None:
                return stop
    return end


def _scaled(words: "_Text", end: int) -> bool:
    """Is the token at ``end`` a scale letter glued to the digits before it ("12.5K", "~5.5K")?"""
    return words.lower[end] in SUFFIX_SCALES and words.idx[end] == words.idx[end - 1] + len(words.text[end - 1]) \
        and parse_digits(words.text[end - 1].lstrip(_APPROXIMATE_SIGNS)) is not None


class _Text:
    """The doc's words as strings, read once: the number scan touches every token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.full = text_of(doc)
        self.text, self.lower, self.idx, self.space, self.sent_start = [], [], [], [], []
        for t in doc:  # one pass: every Token spaCy hands out is a new Python object
            self.text.append(t.text)
            self.lower.append(t.lower_)
            self.idx.append(t.idx)
            self.space.append(t.is_space)
            self.sent_start.append(bool(t.is_sent_start))

    def between(self, start: int, end: int) -> str:
        """The text of tokens ``start``..``end`` as written (what ``doc[start:end].text`` gives)."""
        return self.full[self.idx[start]: self.idx[end - 1] + len(self.text[end - 1])]


def number_spans(doc: Doc):
    """Each number phrase with its qualifier: (span, Quantity), left to right, not overlapping.

    "from X to Y" ("increase from 500 to 700") is two numbers, a before and an
    after, not a range.
    """
    words = _Text(doc)
    n = len(doc)
    i = 0
    while i < n:
        low = words.lower[i]
        # "~5.5" alone is no count, but "~5.5K" is
        if not (_is_value(words.text[i], low) or _scale_word_after(words, i) or i + 1 < n and _scaled(words, i + 1)):
            i += 1
            continue
        opener = words.lower[i - 1] if i else ""
        if opener == "[" and i + 1 < n and words.lower[i + 1] == "]":
            i += 1
            continue  # "killed[7]", "Dec. 27.[3]": a reference mark, not a quantity
        # "from (about) 5,200 to 3,000" is a before and an after, never one range.
        split_change = "from" in words.lower[max(0, i - 3): i]
        # ... and so is "grow by 200 to 1,400": a change and the size it leads to ("by 200-300" stays a range)
        split_by = _BY in words.lower[max(0, i - 3): i]
        end = i + 1
        while end < n and end - i < _MAX_NUMBER_TOKENS:
            if (split_change and words.lower[end] in RANGE_JOINERS or split_by and words.lower[end] == _TO) \
                    and not (end + 1 < n and words.lower[end + 1] in SCALES):  # "from 2.3-million"
                break
            part = _next_part(words, end, i)
            if part == end:
                break
            end = part
        # "between 4,000 and 5,000" parses only with its opener.
        start = i - 1 if opener == "between" else i
        best = None
        for stop in range(end, i, -1):
            if words.lower[stop - 1] in RANGE_JOINERS:
                continue  # a phrase never ends on "to" or a dash
            quantity = parse_quantity(words.between(start, stop))
            if quantity is None and start != i:
                quantity = parse_quantity(words.between(i, stop))
            if quantity is not None:
                best = (stop, quantity)
                break
        if best is None:
            i += 1
            continue
        stop, quantity = best
        first, last = _with_qualifiers(words, i, stop)
        span = doc[first:last]
        if (first, last) != (i, stop):
            quantity = parse_quantity(span.text) or quantity
        yield span, quantity
        i = stop


def _with_qualifiers(words: _Text, start: int, stop: int) -> tuple[int, int]:
    """Widen the number to the words that bound it: "more than", "between", "or more"."""
    number_text = words.between(start, stop)
    for width in range(_MAX_QUALIFIER_TOKENS, 0, -1):
        first = start - width
        if first < 0 or any(words.space[first:stop]) or any(words.sent_start[first + 1: stop]):
            continue
        qualifier, rest = split_qualifier(words.between(first, stop))
        if (qualifier != "exact" and rest == number_text) or (
                width == 1 and words.lower[first] == "between" and " and " in number_text):
            start = first
            break
    for width in (2, 1):
        if stop + width > len(words.text) or any(words.space[stop: stop + width]):
            continue
        candidate = words.between(start, stop + width)
        qualifier, rest = split_qualifier(candidate)
        if qualifier != "exact" and rest.endswith(number_text) and candidate != rest:
            stop = stop + width
            break
    return start, stop


def number_head(span: Span) -> Token:
    """The token of a number phrase that the parse hangs the rest of the sentence on."""
    # a scale letter glued on counts as its word does: "3.5K more soldiers" hangs on the "K"
    numbers = [t for t in span if t.like_num or parse_digits(t.text) is not None or t.lower_ in SCALES
               or t.lower_ in SUFFIX_SCALES and t.i > span.start]
    if not numbers:
        return span[-1]
    # In "between 4,000 and 5,000" the first number carries the relation; in
    # "three thousand two hundred" the last one does.
    for token in numbers:
        if token.head.i < span.start or token.head.i >= span.end:
            return token
    return numbers[-1]
