"""Dates: every date expression in the article, resolved to a calendar value.

Candidates come from a token Matcher (month names, weekdays, "this week",
"three-year", quarters, fiscal years, named days from ``data/dates.json``), a
direct look-up of the present ("now", "currently"), and the model's DATE
entities; the Matcher's spans win where they overlap, so "Wednesday and
Thursday" gives two dates. Each candidate is resolved by
:func:`natoiraq.parsing.dates.resolve.resolve_date` against ``doc._.natoiraq_reference``,
the tense of its clause, the day a quote speaks from, and, for "a year earlier",
the date its sentence is about: such an anaphoric date is left out of the
article's dates (the conventions'), as is a range of days ("June 28-30", dated by its
last day), and kept in ``doc._.natoiraq_unlisted_dates`` for the troop component,
which dates figures by it. A date in figures is read in
the order the text's unambiguous ones prove ("05/13/2021" makes "05/06/2021"
May 6), else day first. An article without a reference date takes its
dateline's day ("KABUL, Nov 6 (AFP) -") in the year nearest its latest full date,
else that latest date itself: an inferred one places yearless dates ("in June")
but not the day of writing ("on Wednesday" stays null), unless the text writes
that latest day with its weekday ("Saturday May 4"), which fixes the week. A
yearless date before one of a named event's nouns is that event's day ("the
Sept. 11 attacks", ``data/dates.json``). A yearless date in a past narrative runs on from
the step before it in its sentence or the one before ("set up on 1 July 2013. By December
..." is December 2013, :func:`.speech.narrative`).

The steps, one module each: :mod:`.patterns` (the token patterns and the words
that open a search window), :mod:`.matching` (each pattern run only where its
words are), :mod:`.candidates` (finding and trimming spans, the dateline),
:mod:`.speech` (the day a quote speaks from, the date an anaphor counts from),
:mod:`.direction` (which way a date without its year or week points),
and this component, which resolves them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from spacy.language import Language
from spacy.tokens import Doc, Span

from natoiraq import reference as references
from natoiraq.parsing.dates import (DATE, WEEKDAYS, DateValue, anaphoric, calendar_day, day_range, deictic, named_days,
                                    resolve_date)
from natoiraq.parsing.dates.calendar import normalise
from natoiraq.parsing.dates.iso import DAY_FIRST, numeric_order
from natoiraq.parsing.dates.years import named_event
from natoiraq.parsing.periods import last_day
from natoiraq.pipeline import extensions
from natoiraq.pipeline.component import Component
from natoiraq.pipeline.dates.patterns import PATTERNS, TRIGGERS, YEAR
from natoiraq.pipeline.dates import speech
from natoiraq.pipeline.dates.candidates import candidates, dateline
from natoiraq.pipeline.dates.direction import PAST, announced, direction, range_start
from natoiraq.pipeline.dates.matching import DateMatcher
from natoiraq.pipeline.doctext import text_of

extensions.register()


@Language.factory(
    "natoiraq_dates",
    default_config={"use_ner": True, "scorer": {"@scorers": "natoiraq.dates_scorer.v1"}},
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.natoiraq_dates", "doc._.natoiraq_unlisted_dates", "doc._.natoiraq_reference"],
    default_score_weights={"dates_f": 1.0, "dates_p": 0.0, "dates_r": 0.0, "dates_value_acc": 0.0},
)
def make_dates(nlp: Language, name: str, use_ner: bool, scorer: Callable | None) -> "DateFinder":
    return DateFinder(nlp, name, use_ner=use_ner, scorer=scorer)


class DateFinder(Component):
    """Find date expressions and resolve them against the article's reference date."""

    def __init__(self, nlp: Language, name: str = "natoiraq_dates", *, use_ner: bool = True,
                 scorer: Callable | None = None):
        super().__init__(nlp, name, scorer=scorer)
        self.use_ner = use_ner
        self.matcher = DateMatcher(nlp.vocab, TRIGGERS)
        for label, patterns in PATTERNS.items():
            self.matcher.add(label, patterns)
        # "Election Day", "Christmas": named days, as the tokenizer splits them.
        self.matcher.add("NAMED", [[*({"LOWER": t.lower_} for t in nlp.make_doc(name)), *year]
                                   for name in named_days() for year in ([], [YEAR])])  # "Christmas Day 2020"

    def __call__(self, doc: Doc) -> Doc:
        spans = candidates(doc, self.matcher, self.use_ner)
        order = numeric_order(span.text for span in spans)  # "05/13/2021" elsewhere: "05/06/2021" is May 6
        # The reference date is the policy's (natoiraq.reference); this component only offers what it found.
        reference = references.settle(doc, lambda: [(span.text, _resolved(span.text, order=order)) for span in spans],
                                      lambda: (line := dateline(spans)) and line.text)
        ref = reference.day
        inferred = reference.origin == references.INFERRED
        # an undated text that writes its latest day with the weekday ("Saturday May 4") fixes the week it is
        # about: "on Sunday" is then the day after, though the day of writing stays unknown
        week = inferred and any(_names_its_weekday(span.text, ref) for span in spans)
        quotes = speech.quotes(doc)
        present = {span.sent.start for span in spans if deictic(span.text)}  # sentences back at the day of writing
        found: dict[int, tuple[Span, dict]] = {}  # span start -> (span, record)
        said: dict[int, date] = {}  # quote start -> the day it speaks from
        # Dates outside quotes first: "he said on Monday" tells the day a quote speaks from.
        for in_quote in (False, True):
            for span in spans:
                quote = next((q for q in quotes if q[0] <= span.start_char < q[1]), None)
                if (quote is not None) != in_quote:
                    continue
                if quote is not None and quote[0] not in said:
                    # the day it was said, else the day the text's news before it happened
                    day = speech.speech_day(doc, quote, found.values()) or speech.news_day(
                        [record for _, (_, record) in sorted(found.items()) if record["start"] < quote[0]], ref)
                    if day is not None:
                        said[quote[0]] = day
                here = said.get(quote[0], ref) if quote else ref
                tense = direction(span)
                if inferred and deictic(span.text) and not week:
                    here = None  # an undated text fixes the year it is about, not the day it was written
                elif week and deictic(span.text):
                    tense = "future" if announced(span) else None  # the latest day named need not be the last
                elif inferred:
                    # the inferred reference is the latest date the text gives: back from it, unless the text
                    # itself announces a later one ("the next would arrive by Feb. 15")
                    tense = "future" if announced(span) else "past"
                before = [record for start, (_, record) in sorted(found.items()) if start < span.start]
                anchor = speech.anchor(span, before) if anaphoric(span.text) else None
                resolved = _resolved(span.text, here, tense, anchor, order)
                if resolved is None:
                    continue
                if _yearless(span.text) and _narrated(span) and span.sent.start not in present \
                        and (told := speech.narrative(span, [found[start] for start in sorted(found) if start < span.start],
                                                      text_of(doc), None if inferred else ref)):
                    # a past narrative's "By December" is in the year its last dated event gives, not the year before
                    # the day of writing; never after that day (an inferred reference is only the latest day given)
                    narrated = _resolved(span.text, *told, order=order)
                    if narrated is not None and narrated.value and (ref is None or inferred or narrated.value <= ref.isoformat()):
                        resolved = narrated
                if resolved.kind == DATE and (noun := _noun_modified(span)) and (event := named_event(span.text, noun)):
                    resolved = DateValue(event, "day")  # "the Sept. 11 attacks": the event's day, not this year's
                found[span.start] = (span, _record(span, resolved))
                if quote and resolved.value and resolved.kind == DATE and "(" in span.text:
                    # "last night (Monday)" in a quote: the quote speaks from the day after Monday
                    shift = resolve_date(speech.deixis(span.text), date(2001, 1, 1))
                    if shift is not None and shift.value:
                        offset = date.fromisoformat(calendar_day(shift.value)) - date(2001, 1, 1)
                        said[quote[0]] = date.fromisoformat(resolved.value) - offset
        ordered = [found[start] for start in sorted(found)]
        for (first, opening), (second, closing) in zip(ordered, ordered[1:]):
            if range_start(first, second) and _weekday_after(opening, closing):
                opening["value"] = (date.fromisoformat(opening["value"]) - timedelta(weeks=1)).isoformat()
            elif range_start(first, second) and (value := _in_closing_year(opening, closing)):
                opening["value"] = value
        # The conventions leave out what counts from another date of the text ("a year later", "that August") and
        # ranges of days ("June 28-30"): kept apart, as they still date a figure in their clause and are no
        # troop figure themselves ("Five years later").
        doc._.natoiraq_dates = [record for span, record in ordered if not _unlisted(span.text)]
        doc._.natoiraq_unlisted_dates = [record for span, record in ordered if _unlisted(span.text)]
        return doc

    def dates_in(self, doc: Doc) -> list[tuple[str, DateValue | None]]:
        """The date expressions in ``doc`` with their values, each resolved on its own: what the
        reference-date policy infers a day from (``doc`` may be unparsed, as for a record cut in pieces)."""
        spans = candidates(doc, self.matcher, self.use_ner)
        order = numeric_order(span.text for span in spans)
        return [(span.text, _resolved(span.text, order=order)) for span in spans]


def _yearless(text: str) -> bool:
    """Does ``text`` name a month or a day of the year without its year ("By December", "on June 20")?"""
    own = _resolved(text)
    return own is not None and own.kind == DATE and own.value is None and own.granularity in ("month", "day") \
        and not deictic(text) and not anaphoric(text)


def _narrated(span: Span) -> bool:
    """Can the date be a step of a past narrative: not ahead of the day of writing (but a past plan's, "voted in
    May 2010 to cut 2,000 by June 30", is ahead of the plan only), not an event's name ("the May 9 parade")?"""
    way = direction(span)
    placed = span.start > 0 and span.doc[span.start - 1].pos_ == "ADP"  # "by August 100,000 troops": not a name
    named = not placed and _noun_modified(span) is not None
    return not named and ((way in (PAST, None) and not announced(span)) or speech.past_plan(span))


def _unlisted(text: str) -> bool:
    return anaphoric(text) or day_range(text) is not None


def _weekday_after(opening: dict, closing: dict) -> bool:
    """Is ``opening`` a bare weekday placed after the day ``closing`` gives (both dates of a day)?"""
    days = [r["value"] for r in (opening, closing) if r["kind"] == DATE and r["granularity"] == "day" and r["value"]]
    return len(days) == 2 and normalise(opening["text"]).rstrip(".") in WEEKDAYS and days[0] > days[1]


def _in_closing_year(opening: dict, closing: dict) -> str | None:
    """The value of a yearless day or month that opens a range whose closing date writes its year ("25 October
    - 7 November 2018", "from August 7 to August 16, 2008"): its last occurrence by the close, not the
    reference's year."""
    if opening["kind"] != DATE or opening["granularity"] not in ("day", "month") or closing["kind"] != DATE:
        return None
    own, written = _resolved(opening["text"]), _resolved(closing["text"])
    if own is None or own.value is not None or written is None or not written.value or written.granularity not in ("day", "month"):
        return None  # the opening writes its year, or the close does not
    value = _resolved(opening["text"], last_day(written.value), "past")
    return value.value if value is not None and value.granularity == opening["granularity"] else None


def _noun_modified(span: Span) -> str | None:
    """The noun after the date that it modifies ("the Sept. 11 hijackers"), if it does not place a clause."""
    head = span.root.head
    modifies = span.root.dep_ in ("nmod", "compound", "amod") and head.i >= span.end and head.pos_ in ("NOUN", "PROPN")
    return head.text if modifies else None


def _names_its_weekday(text: str, day: date) -> bool:
    """Is ``text`` the day ``day`` written with its weekday ("Saturday May 4", "Wednesday, January 10, 2007")?"""
    words = normalise(text).split()
    if not words or words[0].rstrip(".") not in WEEKDAYS or deictic(text):
        return False
    value = _resolved(text, day)
    return value is not None and value.value is not None and calendar_day(value.value) == day.isoformat()


def _resolved(text: str, ref: date | None = None, tense: str | None = None,
              anchor: str | None = None, order: str = DAY_FIRST) -> DateValue | None:
    """resolve_date, with an expression beyond the calendar ("1000000 days ago") left unresolved."""
    try:
        return resolve_date(text, ref, tense, anchor, order)
    except (OverflowError, ValueError):
        return None


def _record(span: Span, value: DateValue) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "value": value.value,
            "granularity": value.granularity, "kind": value.kind, "frequency": value.frequency}
