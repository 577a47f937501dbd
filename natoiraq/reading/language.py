"""The language an article is written in: the model reads English, and reads nothing else well.

A German page put through the English model gives no facts and no hint why; an
article that is plainly not English is named in a warning and left out, unless
the run asks for every language. English is recognised first by its function
words, which costs nothing; only a text that fails that test loads py3langid
(a naive Bayes classifier over byte n-grams, its model inside the wheel).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from natoiraq.reading.records import InputWarning, Item, Record

ENGLISH = "en"
#: English's commonest words that no other language written in Latin letters uses much ("in", "a" and "is"
#: are German, Italian, Dutch words too): in English news a sixth of the words, in others nearly none.
ENGLISH_WORDS = frozenset({"the", "of", "and", "to", "was", "that", "for", "with", "said", "by", "from", "has",
                           "have", "were", "their", "it", "are", "which", "this", "would"})
ENGLISH_SHARE = 0.08
#: Fewer words than this are too few to judge (a headline alone): such a text is taken as English.
MIN_WORDS = 12
#: How sure the classifier must be before an article is left out.
MIN_CONFIDENCE = 0.9
_WORD = re.compile(r"[^\W\d_]+")


def language_of(text: str) -> str:
    """The ISO 639-1 code of ``text``'s language; ``"en"`` where it is English or too short to tell."""
    words = _WORD.findall(text[:5000].casefold())
    if len(words) < MIN_WORDS or sum(word in ENGLISH_WORDS for word in words) >= ENGLISH_SHARE * len(words):
        return ENGLISH
    code, confidence = _identifier().classify(text[:5000])
    return code if confidence >= MIN_CONFIDENCE else ENGLISH


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def english_only(items: Iterator[Item]) -> Iterator[Item]:
    """``items`` with each article not in English replaced by a warning that names it."""
    for item in items:
        if isinstance(item, Record) and (code := language_of(item.text)) != ENGLISH:
            where = item.source or item.id
            yield InputWarning(where, f"not English (reads as {code!r}): not extracted; --any-language extracts it",
                               item.line)
            continue
        yield item
