"""When a troop figure holds: its ``as_of`` date, ``{"value": ISO, "source": ...}``.

- ``clause``: the nearest date in the figure's own clause ("At the height of
  the war in 2007, there were about 170,000 troops" → 2007);
- ``target``: for a planned figure, the date the plan aims at ("bringing the
  total to about 1,600 by the summer"), or a date in its clause that has not
  passed by the article's date ("to 3,000 this month");
- ``reference``: else the article's reference date; None when it has none.

A date across a clause break belongs to another event ("the coalition was
formed in 2014 and includes countries that provide 11,000 personnel" is not a
2014 figure), and a date on a reporting verb ("officials said on Monday") is
when the news was told, not when the figure held.
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Span

from natoiraq.parsing.dates import DATE, REFERENCE, TIME, calendar_day
from natoiraq.parsing.dates.times import PRESENT_REF
from natoiraq.parsing.periods import first_day, last_day
from natoiraq.pipeline.doctext import text_of
from natoiraq.pipeline.troops.words import TroopWords

#: Words that start another clause: a date beyond one dates another event.
CLAUSE_BREAK = re.compile(r"\b(?:and|but|while|whereas|though|although)\b|;", re.IGNORECASE)
#: A verb that shares the clause of the verb it depends on: "voted on Sunday to expel the 5,200 troops".
SHARED_CLAUSE = ("xcomp", "ccomp")
#: Conjunctions of a time clause, which dates the clause it depends on: "... as the deadline expired on Wednesday".
TIME_MARKERS = frozenset({"as", "when", "after", "before", "once", "until", "till", "since"})
#: Where a figure's as_of comes from: a date in its clause, a plan's target date, else the reference date.
CLAUSE, TARGET, REFERENCE_DATE = "clause", "target", "reference"


def as_of(span: Span, planned: bool, dates: list[dict], reference: dict | None, words: TroopWords) -> dict | None:
    """The date the troop figure ``span`` holds at; ``planned``: is it a planned figure?

    ``dates`` are the document's date records (``doc._.natoiraq_dates``) and
    ``reference`` its reference date (``doc._.natoiraq_reference``).
    """
    doc = span.doc
    text = text_of(doc)
    sentence = span.sent if doc.has_annotation("SENT_START") else doc[:]
    ref_value = (reference or {}).get("value")
    candidates = []
    for record in dates:
        record = _on_calendar(record, ref_value)
        if record is None:
            continue
        if not (sentence.start_char <= record["start"] and record["end"] <= sentence.end_char):
            continue
        if _overlaps(record, span) or not _same_clause(text, record, span) or _reported(doc, record, words):
            continue
        target = planned and (_after_target_word(text, sentence.start_char, record, words)
                              or _not_past(record["value"], ref_value))
        # A plan's target date first, then the nearest date.
        candidates.append((not target, abs(record["start"] - span.start_char), record["start"], record, target))
    if candidates:
        *_, record, target = min(candidates, key=lambda c: c[:3])
        return {"value": record["value"], "source": TARGET if target else CLAUSE}
    if ref_value:
        return {"value": ref_value, "source": REFERENCE_DATE}
    return None


def _on_calendar(record: dict, ref_value: str | None) -> dict | None:
    """A date record as a calendar date: a time of day ("Friday afternoon") is its day, the present
    ("currently") the reference date; durations, sets, the past and future as a whole are none."""
    value, kind = record.get("value"), record.get("kind")
    if not value:
        return None
    if kind == TIME and "T" in value and value[0] != "T":
        return {**record, "value": calendar_day(value)}
    if kind == REFERENCE and value == PRESENT_REF and ref_value:
        return {**record, "value": ref_value}
    return record if kind == DATE else None


def _overlaps(record: dict, span: Span) -> bool:
    return record["start"] < span.end_char and span.start_char < record["end"]


def _same_clause(text: str, record: dict, span: Span) -> bool:
    """No clause break between them in the text, and, where there is a parse, one verb over both: "Turkey,
    which has deployed 15,000 soldiers, launched its offensive last week" dates the offensive, not the figure."""
    left, right = (record["end"], span.start_char) if record["end"] <= span.start_char else (span.end_char, record["start"])
    if CLAUSE_BREAK.search(text[left:right]):
        return False
    doc = span.doc
    dated = doc.char_span(record["start"], record["end"], alignment_mode="expand")
    if dated is None or not doc.has_annotation("DEP"):
        return True
    verb, date_verb = _clause_verb(span.root), _clause_verb(dated.root)
    verbs = {verb.i}
    while _shares_clause(verb):
        verb = _clause_verb(verb.head)
        verbs.add(verb.i)
    while date_verb.i not in verbs and date_verb.dep_ == "advcl" and date_verb.head.i != date_verb.i and any(
            c.dep_ == "mark" and c.lower_ in TIME_MARKERS for c in date_verb.children):
        date_verb = _clause_verb(date_verb.head)  # "massed on the border as the deadline expired on Wednesday"
    return date_verb.i in verbs


def _shares_clause(verb) -> bool:
    """ "voted on Sunday to expel the 5,200 troops": an infinitive or complement takes its governor's date."""
    if verb.head.i == verb.i:
        return False
    return verb.dep_ in SHARED_CLAUSE or (verb.dep_ == "advcl" and verb.tag_ == "VB"
                                          and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children))


def _clause_verb(token):
    """The verb heading the clause a token is in (the root, in a sentence without one)."""
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
        token = token.head
    return token


def _reported(doc, record: dict, words: TroopWords) -> bool:
    """ "said on Monday", "told reporters Tuesday": the date hangs on a reporting verb."""
    dated = doc.char_span(record["start"], record["end"], alignment_mode="expand")
    if dated is None or not doc.has_annotation("DEP"):
        return False
    head = dated.root
    if head.dep_ == "pobj":
        head = head.head  # the preposition: "on" in "said on Monday"
    return head.dep_ in ("prep", "npadvmod", "pobj", "nmod") and head.head.lemma_.lower() in words.reporting_verbs


def _after_target_word(text: str, sentence_start: int, record: dict, words: TroopWords) -> bool:
    before = text[sentence_start:record["start"]].split()
    return bool(before) and before[-1].lower() in words.target_words


def _not_past(value: str, reference: str | None) -> bool:
    """The period has not ended by the article's date: "this month" or "in March" in a plan is its target.
    A day must come after it: "agreed on Thursday to send 4,000" is when the plan was made."""
    if not reference:
        return False
    try:
        try:
            end = last_day(value)
        except ValueError:  # a week, quarter, season or decade: its start will do
            end = first_day(value)
        today = date.fromisoformat(reference)
        return end > today if len(value) == 10 else end >= today
    except ValueError:
        return False
