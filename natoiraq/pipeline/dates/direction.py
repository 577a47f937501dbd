"""Which way a date without a year or week points: back ("said on Thursday"), forward ("planned
for Nov. 1"), or to the nearest occurrence (None). The resolver then places "October" or
"Thursday" in the past or the coming year or week (:mod:`natoiraq.parsing.dates.calendar`).

The rules, tried in order; the first that answers decides (``RULES``, one test row each):

- ``plan``: a word of planning or expectation right before the date or its preposition puts
  it ahead: "planned for Nov. 1", "scheduled for Monday", "due on Friday", "expected by March"
  (unless its own auxiliary is past: "was planned for May" tells of an old plan);
- ``verb_before``: the verb right before the date or its preposition rules, whatever the
  parser attached the date to: "said on Thursday" back, "the troops sent Monday" back;
- ``clause``: the tense of the date's clause (spaCy's ``Tense=Past`` through the tag).

"last", "next" and "this" are the resolver's own (they beat the tense there), and an article's
narrative reaches the resolver through these tenses: "the first company arrived in October" in
a March article is last October.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import clause_tense, verb_tense

PAST, FUTURE = "past", "future"
#: Prepositions that place a date: "said on Friday", "planned for Nov. 1".
PLACING_PREPS = frozenset({"on", "in", "at", "by", "since", "until", "before", "after", "during", "from", "for"})
#: Words of planning: a date hung on one is the plan's, still ahead.
PLAN_WORDS = frozenset({"plan", "planned", "scheduled", "schedule", "due", "set", "slated", "expected", "intended",
                        "targeted", "earmarked", "penciled", "pencilled", "timed"})
_PAST_AUXILIARIES = frozenset({"was", "were", "had"})


def _word_before(span: Span) -> Token | None:
    """The word before the date, over one placing preposition."""
    doc, index = span.doc, span.start - 1
    if index >= 0 and doc[index].lower_ in PLACING_PREPS:
        index -= 1
    return doc[index] if index >= 0 else None


def plan(span: Span) -> str | None:
    word = _word_before(span)
    if word is None or word.lower_ not in PLAN_WORDS:
        return None
    auxiliaries = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
    before = span.doc[word.i - 1] if word.i else None
    if any(a.lower_ in _PAST_AUXILIARIES for a in auxiliaries) or (before is not None and before.lower_ in _PAST_AUXILIARIES):
        return None  # "was planned for May": the verb's own tense says
    return FUTURE


def verb_before(span: Span) -> str | None:
    word = _word_before(span)
    if word is None or not word.tag_.startswith("VB") or (word.i == span.start - 1 and word.dep_ == "amod"):
        return None
    # "said on Friday", "announced Tuesday"; "the troops sent Monday" reports a past event
    return verb_tense(word) or (PAST if word.tag_ == "VBN" else None)


def clause(span: Span) -> str | None:
    return clause_tense(span.root)


RULES: dict[str, Callable[[Span], str | None]] = {"plan": plan, "verb_before": verb_before, "clause": clause}


def direction(span: Span) -> str | None:
    """ "past", "future" or None for a date span, by the first rule of ``RULES`` that answers."""
    for rule in RULES.values():
        found = rule(span)
        if found is not None:
            return found
    return None


#: Words between the ends of a range of days: "from Saturday until Wednesday", "Monday to Friday".
RANGE_WORDS = frozenset({"until", "till", "to", "through", "-", "\u2013"})


def range_start(first: Span, second: Span) -> bool:
    """Does ``first`` open a range that ``second`` closes ("from Saturday until Wednesday")? The range runs
    forward, so a weekday that opens it is on or before the day that closes it."""
    between = first.doc[first.end:second.start]
    return len(between) == 1 and between[0].lower_ in RANGE_WORDS


def announced(span: Span) -> bool:
    """Does the text itself put the date ahead, with a plan word or a modal ("planned for Nov. 1", "would
    arrive by Feb. 15"), not just an infinitive ("asked the UN to leave in June")? Against an inferred
    reference, the latest date the text gives, only that points forward."""
    if plan(span) == FUTURE:
        return True
    word = _word_before(span)
    verb = word if word is not None and word.tag_.startswith("VB") else span.root.head
    return any(c.dep_ in ("aux", "auxpass") and c.tag_ == "MD" and c.lower_ not in ("could", "might", "may")
               for c in verb.children)
