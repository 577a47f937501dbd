"""The date patterns, matched only where they can match.

spaCy's Matcher tries every pattern at every token and calls a Python predicate for each
``{"IN": [...]}`` set it meets (about fifty for the date patterns), so a window token costs about
20 µs. Most patterns need a word from a small set ("quarter", a month name, a year): each
pattern is filed under the smallest such set of rare words it requires, one Matcher per set, and a window runs
only the Matchers whose words it holds. A pattern needing no listed word (a shape, a number) runs
everywhere. Every pattern is still tried wherever it could match, so the matches are the single
Matcher's; only their order differs, which :func:`.candidates.candidates` does not read.
"""

from __future__ import annotations

from spacy.matcher import Matcher
from spacy.tokens import Span
from spacy.vocab import Vocab


def required_words(pattern: list[dict], rare: frozenset[str]) -> frozenset[str] | None:
    """The smallest set of lower-case words one of the pattern's tokens must be, a set of ``rare`` words
    where it can (a set of one common word, "the", would let it run almost everywhere), or None where
    every token it requires is matched by something else (a shape, LIKE_NUM)."""
    best = None
    for spec in pattern:
        if spec.get("OP") is not None:
            continue  # "?": the token may be absent
        words = None
        for attr, value in spec.items():
            if attr in ("LOWER", "ORTH"):
                listed = value["IN"] if isinstance(value, dict) else [value]
                # a token's LOWER is its ORTH lower-cased, so an ORTH set bounds the lower-case word too
                words = frozenset(w.lower() for w in listed)
        if words is not None and (best is None or (words <= rare, -len(words)) > (best <= rare, -len(best))):
            best = words
    return best


class DateMatcher:
    """Matchers for labelled token patterns, each run only on windows that hold a word it requires."""

    def __init__(self, vocab: Vocab, rare: frozenset[str]):
        self.vocab = vocab
        self.rare = rare  # words seldom written but in dates: the window triggers
        self.groups: dict[frozenset[str] | None, Matcher] = {}

    def add(self, label: str, patterns: list[list[dict]]) -> None:
        for pattern in patterns:
            words = required_words(pattern, self.rare)
            if words not in self.groups:
                self.groups[words] = Matcher(self.vocab)
            self.groups[words].add(label, [pattern])

    def __call__(self, window: Span, lowers: list[str]) -> list[tuple[int, int, int]]:
        """Every (label id, start, end) match inside ``window``, offsets within it; ``lowers``: the doc's
        lower-case words."""
        present = set(lowers[window.start: window.end])
        return [match for words, matcher in self.groups.items()
                if words is None or not words.isdisjoint(present) for match in matcher(window)]
