"""A number with its bounds: "less than 20", "between 4,000 and 5,000",
"roughly 500", "two to three thousand", "1,000-plus".

``parse_quantity`` turns such a phrase into ``Quantity(low, high, qualifier)``.
The qualifier words are data (``data/quantities.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from natoiraq.lexicon import table
from natoiraq.parsing.numbers import SCALES, parse_number

_THOUSAND = 1_000


@dataclass(frozen=True)
class Quantity:
    low: int
    high: int
    qualifier: str = "exact"

    @property
    def value(self) -> int | None:
        """The single number, or None for a range."""
        return self.low if self.low == self.high else None


@lru_cache(maxsize=None)
def _phrases(key: str, edge: int) -> dict[str, tuple[tuple[str, str], ...]]:
    """(phrase, qualifier) pairs indexed by their first (edge 0) or last (edge -1) word,
    longest first so "just under" beats "under"; a lookup, not a scan, on the hot path."""
    index: dict[str, list[tuple[str, str]]] = {}
    for qualifier, phrases in table("quantities")[key].items():
        for phrase in phrases:
            phrase = phrase.lower()
            word = phrase.split()[edge].strip("-")
            index.setdefault(word, []).append((phrase, qualifier))
    return {w: tuple(sorted(pairs, key=lambda pair: -len(pair[0]))) for w, pairs in index.items()}


def qualifier_abbreviations() -> tuple[str, ...]:
    """The one-word qualifiers before a number that end in a full stop ("approx.", "ca."), as written and
    capitalised: the tokenizer keeps them whole."""
    words = [p for phrases in table("quantities")["qualifiers_before"].values() for p in phrases
             if p.endswith(".") and " " not in p]
    return tuple(dict.fromkeys(form for w in words for form in (w, w.capitalize())))


@lru_cache(maxsize=None)
def _order(key: str) -> dict[str, int]:
    """Each last word of :func:`_phrases` (edge -1), by its place in that index."""
    return {word: n for n, word in enumerate(_phrases(key, -1))}


@lru_cache(maxsize=4096)
def _ending_phrases(last: str) -> tuple[tuple[str, str], ...]:
    """The (phrase, qualifier) pairs after a number that ``last``, a phrase's last word, may end, longest
    first: looked up by its endings, in the table's order (a word's answer, remembered: the number scan
    asks it again for each width it tries)."""
    after, order = _phrases("qualifiers_after", -1), _order("qualifiers_after")
    suffixes = [after[word] for word in sorted({last[i:] for i in range(len(last) + 1)} & after.keys(), key=order.get)]
    return tuple(sorted((p for pairs in suffixes for p in pairs), key=lambda pair: -len(pair[0])))


def split_qualifier(text: str) -> tuple[str, str]:
    """("more than 4,000") -> ("more_than", "4,000"); a phrase without one is "exact"."""
    rest = " ".join(text.split())
    low = rest.lower()
    qualifier = "exact"
    first = low.split()[0] if low else ""
    by_first = _phrases("qualifiers_before", 0)
    for phrase, name in by_first.get(first, ()) + by_first.get(first[:1], ()):  # "about"; "~500"
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum() or not phrase[-1].isalnum()):
            qualifier, rest = name, rest[len(phrase):].strip()
            break
    low = rest.lower()
    words = low.split()
    for phrase, name in _ending_phrases(words[-1] if words else ""):
        if low.endswith(phrase) and len(low) > len(phrase):
            before = low[: -len(phrase)]
            if phrase[0].isalnum() and before[-1].isalnum():
                continue  # "plus" glued to a word is not the qualifier
            # A qualifier written before the number wins over one after it ("about 300-odd").
            qualifier = name if qualifier == "exact" else qualifier
            rest = rest[: -len(phrase)].strip(" -")
            break
    return qualifier, rest


@lru_cache(maxsize=None)
def range_joiners() -> frozenset[str]:
    """The words and dashes that join the two ends of a range: "to", "and", "-"."""
    return frozenset(table("quantities")["range_joiners"])


@lru_cache(maxsize=None)
def range_openers() -> tuple[str, ...]:
    """The words that open a range: "between", "from"."""
    return tuple(table("quantities")["range_openers"])


@lru_cache(maxsize=None)
def _range_patterns() -> tuple[re.Pattern, re.Pattern]:
    """(split, opener): a word joiner needs spaces around it ("4,000 to 5,000"), a dash does not."""
    words = sorted(re.escape(j) for j in range_joiners() if j.isalpha())
    marks = sorted(re.escape(j) for j in range_joiners() if not j.isalpha())
    split = re.compile(rf"\s+(?:{'|'.join(words)})\s+|\s*(?:{'|'.join(marks)})\s*")
    opener = re.compile(rf"^(?:{'|'.join(map(re.escape, range_openers()))})\s+", re.IGNORECASE)
    return split, opener


def _scale_of(text: str) -> int | None:
    last = text.split()[-1].lower() if text.split() else ""
    return SCALES.get(last)


def parse_range(text: str) -> tuple[int, int] | None:
    """ "4,000 to 5,000", "between 4,000 and 5,000", "4,000–5,000", "two to three thousand" -> (low, high)."""
    split, opener = _range_patterns()
    opened = opener.match(text)
    body = text[opened.end():] if opened else text
    for match in split.finditer(body):
        left, right = body[: match.start()].strip(), body[match.end():].strip()
        joiner = match.group().strip().lower()
        if joiner == "and" and not (opened and opened.group().strip().lower() == "between"):
            continue  # "X and Y" is a range only after "between"
        low, high = parse_number(left), parse_number(right)
        if low is None or high is None:
            continue
        scale = _scale_of(right)
        # "two to three thousand": the scale word serves both ends.
        if scale and _scale_of(left) is None and low * scale <= high:
            low *= scale
        # "12-15,000", "10-12k": so do the thousands of a grouped or suffixed end after bare digits
        elif left.isdigit() and not right.isdigit() and high % _THOUSAND == 0 and low < high // _THOUSAND:
            low *= _THOUSAND
        if low < high:
            return low, high
    return None


def parse_quantity(text: str) -> Quantity | None:
    """A number phrase as bounds and a qualifier, or None when it is not a number.

    >>> parse_quantity("between 4,000 and 5,000")
    Quantity(low=4000, high=5000, qualifier='exact')
    """
    qualifier, rest = split_qualifier(text)
    if not rest:
        return None
    single = parse_number(rest)
    if single is not None and not rest.lower().startswith(range_openers()):
        return Quantity(single, single, qualifier)
    bounds = parse_range(rest)
    if bounds is None:
        return None
    return Quantity(bounds[0], bounds[1], qualifier)
