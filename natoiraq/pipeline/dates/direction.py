"""Which way a date without a year or week points: back ("said on Thursday"), forward ("planned
for Nov. 1"), or to the nearest occurrence (None). The resolver then places "October" or
"Thursday" in the past or the coming year or week (:mod:`natoiraq.parsing.dates.calendar`).

The rules, tried in order; the first that answers decides (``RULES``, one test row each):

- ``since``: what a date after "since" opens runs up to now, so the date is past: "since April";
- ``goal``: a deadline or a new end points to its nearest occurrence, whatever the tense of the verb that
  set it: "no later than July 10", "wanted the troops home by Jan. 31", "had set a March 15 deadline",
  "extended the mandate until March 31" (a date after "by" or "until", or on a noun, that a verb of
  planning, demanding or extending governs);
- ``plan``: a word of planning or expectation right before the date or its preposition puts
  it ahead: "planned for Nov. 1", "scheduled for Monday", "due on Friday", "expected by March"
  (unless its own auxiliary is past: "was planned for May" tells of an old plan);
- ``verb_before``: the verb right before the date or its preposition rules, whatever the
  parser attached the date to: "said on Thursday" back, "the troops sent Monday" back;
- ``clause``: the tense of the date's clause (spaCy's ``Tense=Past`` through the tag);
- ``above``: a gerund or participle that completes a verb takes that verb's tense ("started arriving
  on Tuesday" points back), as does "starting" or "beginning" ("Starting Monday, troops will ..."), and a
  date on the subject or object of a past verb is past ("the attack on Tuesday prompted ...");
- ``sequence``: what "after", "following" or "in the wake of" governs is past unless its clause is ahead:
  "in the wake of Sunday's attack".

"last", "next" and "this" are the resolver's own (they beat the tense there), and an article's
narrative reaches the resolver through these tenses: "the first company arrived in October" in
a March article is last October.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from natoiraq.knowledge.lexicon import table
from natoiraq.pipeline.syntax import being, governing_verb, intention_verbs, verb_tense

PAST, FUTURE = "past", "future"
#: A rule's answer that the date points to its nearest occurrence: no later rule is asked.
NEAREST = "nearest"
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


#: Verbs whose present relates the news to another event: "the move follows a visit in May".
_RELATION_VERBS = frozenset(table("dates")["relation_verbs"])


def _tense(verb: Token) -> str | None:
    """The verb's tense, save that the present of a relation ("follows") is not, as "ministers meet in May" is,
    the present of a schedule."""
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_ in _RELATION_VERBS:
        return None
    return verb_tense(verb)


#: Prepositions that make a date a deadline or an end: "home by Jan. 31", "extended until March 15".
_DEADLINE_PREPS = frozenset({"by", "until", "till", "through", "to"})
#: Verbs that move an end date, whose new end lies ahead of the act: "extended the mandate until March 31".
_EXTENSION_VERBS = frozenset(table("dates")["extension_verbs"])
#: Words before a date that make it a deadline on their own: "no later than July 10", "not later than".
_NO_LATER_THAN = frozenset({("no", "later", "than"), ("not", "later", "than")})


def since(span: Span) -> str | None:
    return PAST if span.start and span.doc[span.start - 1].lower_ == "since" else None


def goal(span: Span) -> str | None:
    doc = span.doc
    before = [t.lower_ for t in doc[max(0, span.start - 3):span.start]]
    if tuple(before) in _NO_LATER_THAN:
        return NEAREST
    on_noun = span.root.dep_ in ("nmod", "compound") and span.root.head.i >= span.end
    if not on_noun and (span.start == 0 or doc[span.start - 1].lower_ not in _DEADLINE_PREPS):
        return None
    verb, _ = governing_verb(span.root)
    aims = verb is not None and (verb.lemma_ in intention_verbs() or verb.lemma_ in _EXTENSION_VERBS)
    return NEAREST if aims else None


def plan(span: Span) -> str | None:
    word = _word_before(span)
    if word is None or word.lower_ not in PLAN_WORDS:
        return None
    if word.pos_ == "NOUN" and span.doc[span.start - 1].lower_ != "for":
        return None  # "backed the plan (on) Friday": the date is the backing's; "a plan for May" is the plan's
    auxiliaries = [c for c in word.children if c.dep_ in ("aux", "auxpass")]
    before = span.doc[word.i - 1] if word.i else None
    if any(a.lower_ in _PAST_AUXILIARIES for a in auxiliaries) or (before is not None and before.lower_ in _PAST_AUXILIARIES):
        return None  # "was planned for May": the verb's own tense says
    return FUTURE


def verb_before(span: Span) -> str | None:
    word = _word_before(span)
    if word is None or not word.tag_.startswith("VB") or (word.i == span.start - 1 and word.dep_ == "amod"):
        return None
    # "said on Friday", "announced Tuesday"; "the troops sent Monday" reports a past event, "the troops
    # being withdrawn at the end of the summer" not
    return _tense(word) or (PAST if word.tag_ == "VBN" and not being(word) else None)


def clause(span: Span) -> str | None:
    # a date attached to a noun ("a meeting on Wednesday") carries no tense of its own: the nearest one
    verb, crossed_noun = governing_verb(span.root)
    return None if verb is None or crossed_noun else _tense(verb)


#: How a noun that carries the date may hang on the verb whose past it takes: "the attack on Tuesday
#: prompted" (a subject) or "confirmed the arrival on Monday" (an object); not "told reporters before a
#: meeting on Wednesday", where the meeting may still be ahead.
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})


#: Participles that open a clause's time as a preposition would: "Starting Monday, 500 troops will patrol".
_OPENINGS = frozenset({"start", "begin"})


def above(span: Span) -> str | None:
    verb, crossed_noun = governing_verb(span.root)
    if verb is None:
        return None
    if crossed_noun:
        noun = next(t for t in span.root.ancestors if t.head.i == verb.i)
        return PAST if noun.dep_ in _ARGUMENT_DEPS and _tense(verb) == PAST else None
    while (verb.dep_ == "xcomp" and verb.tag_ in ("VBG", "VBN") or verb.dep_ in ("prep", "advcl") and verb.lemma_ in _OPENINGS) \
            and verb.head.i != verb.i:
        verb = verb.head  # "started arriving on Tuesday", "began withdrawing in May", "Starting Monday, troops will"
        if (tense := _tense(verb)) is not None:
            return tense
    return None


#: Words that put what they govern before their clause: "after Tuesday's vote", "following Sunday's attack",
#: "in the wake of", "in the aftermath of".
_AFTER_WORDS = frozenset({"after", "following", "since"})
_AFTERMATH_NOUNS = frozenset({"wake", "aftermath"})


def sequence(span: Span) -> str | None:
    """A date (or the event it dates) after "after", "following" or "in the wake of" is past, unless its
    clause is still ahead ("will leave after Tuesday's vote")."""
    for token in span.root.ancestors:
        if token.i == span.root.head.i == span.start - 1 and token.lower_ not in _AFTER_WORDS:
            continue  # the date's own preposition: "after the attack on Thursday"
        if token.dep_ == "prep" or token.lower_ in _AFTER_WORDS:
            after = token.lower_ in _AFTER_WORDS or (token.lower_ == "of" and token.head.lower_ in _AFTERMATH_NOUNS)
            if not after:
                return None
            verb, _ = governing_verb(token)
            return None if verb is not None and _tense(verb) == FUTURE else PAST
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


RULES: dict[str, Callable[[Span], str | None]] = {"since": since, "goal": goal, "plan": plan, "verb_before": verb_before, "clause": clause,
                                                  "above": above, "sequence": sequence}


def direction(span: Span) -> str | None:
    """ "past", "future" or None for a date span, by the first rule of ``RULES`` that answers."""
    for rule in RULES.values():
        found = rule(span)
        if found is not None:
            return None if found == NEAREST else found
    return None


#: Words between the ends of a range of days: "from Saturday until Wednesday", "Monday to Friday".
RANGE_WORDS = frozenset({"until", "till", "to", "through", "-", "\u2013"})


def range_start(first: Span, second: Span) -> bool:
    """Does ``first`` open a range that ``second`` closes ("from Saturday until Wednesday", "between 14 March
    and 2 April")? The range runs forward, so a weekday that opens it is on or before the day that closes it."""
    between = first.doc[first.end:second.start]
    if len(between) != 1:
        return False
    word = between[0].lower_
    return word in RANGE_WORDS or word == "and" and first.start > 0 and first.doc[first.start - 1].lower_ == "between"


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
