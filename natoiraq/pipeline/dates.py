"""Dates: every date expression in the article, resolved to a calendar value.

Candidates come from a token Matcher (month names, weekdays, "this week",
"three-year", quarters, fiscal years, named days from ``data/dates.json``), a
direct look-up of the present ("now", "currently"), and the model's DATE
entities; the Matcher's spans win where they overlap, so "Wednesday and
Thursday" gives two dates. Each candidate is resolved by
:func:`natoiraq.parsing.dates.resolve_date` against ``doc._.natoiraq_reference``,
the tense of its clause, the day a quote speaks from, and, for "a year earlier",
the date its sentence is about. An article without a reference date gets one
inferred from its latest full date; that places yearless dates ("in June") but
not the day of writing ("on Wednesday" stays null).
"""

from __future__ import annotations

from datetime import date

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from natoiraq.lexicon import table
from natoiraq.parsing.dates import (MONTHS, ORDINALS, SEASONS, WEEKDAYS, DateValue, anaphoric, deictic,
                                    infer_reference, named_days, resolve_date)
from natoiraq.pipeline import extensions
from natoiraq.pipeline.syntax import clause_tense, governing_verb, verb_tense

extensions.register()

_FULL_MONTHS = [m.capitalize() for m, n in MONTHS.items() if len(m) > 3 or m == "may"]
_ABBR_MONTHS = [m.capitalize() + suffix for m in MONTHS if len(m) <= 4 and m != "may" for suffix in ("", ".")]
_WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS if len(w) > 4]
_UNITS = ["day", "week", "month", "year", "decade", "quarter", "century"]
_RELATIONS = ["this", "last", "next", "past", "coming", "previous", "following", "current"]

_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_DAY_WORDS = [f"{zero}{d}{suffix}" for d in range(1, 32) for zero in ("", "0")[:1 + (d < 10)]
              for suffix in ("", _ORDINAL_SUFFIX.get(d, "th"))]
_YEAR_WORDS = [str(y) for y in range(1800, 2100)]
_FY_WORDS = [f"fy{n:02d}" for n in range(100)] + [f"fy{y}" for y in _YEAR_WORDS]  # "FY13", "FY2013"

# Set lookups and token shapes only: a REGEX predicate costs a Python call per token.
MONTH = {"ORTH": {"IN": _FULL_MONTHS + _ABBR_MONTHS}}
FULL_MONTH = {"ORTH": {"IN": _FULL_MONTHS}}
DAY = {"LOWER": {"IN": _DAY_WORDS}}
YEAR = {"ORTH": {"IN": _YEAR_WORDS}}
COMMA = {"ORTH": ",", "OP": "?"}
OF = {"LOWER": "of", "OP": "?"}
REL = {"LOWER": {"IN": _RELATIONS}}
THIS_LAST_NEXT = {"LOWER": {"IN": ["this", "last", "next"]}}
HYPHEN = {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"}
DASH = {"ORTH": {"IN": ["-", "\u2013"]}}
COUNT = {"LIKE_NUM": True}
UNIT = {"LOWER": {"IN": _UNITS}}
UNITS = {"LOWER": {"IN": [u + "s" for u in _UNITS]}}
SEASON = {"LOWER": {"IN": list(SEASONS)}}
WEEKDAY = {"ORTH": {"IN": _WEEKDAY_NAMES}}
_DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "overnight"})
DAY_PART = {"LOWER": {"IN": list(_DAY_PARTS)}}
DEIXIS = {"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow"]}}
# "of 2019", "of last year", "of fiscal 2013", "of this fiscal year": which year a period is in.
IN_YEAR = [[OF, YEAR], [OF, THIS_LAST_NEXT, {"LOWER": {"IN": ["fiscal", "financial"]}, "OP": "?"}, {"LOWER": "year"}],
           [OF, {"LOWER": {"IN": ["fiscal", "financial"]}}, YEAR]]
QUARTER = [{"LOWER": {"IN": ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "final", "last"]}},
           {"LOWER": "quarter"}]
HALF = [{"LOWER": {"IN": ["first", "second", "1st", "2nd", "latter", "last"]}}, {"LOWER": "half"}]
SOME_MONTHS = [{"LOWER": {"IN": ["first", "last", "final"]}}, {"LOWER": {"IN": ["three", "six", "3", "6"]}},
               {"LOWER": "months"}]
FISCAL = {"LOWER": {"IN": ["fiscal", "financial"]}}

#: Token patterns for date expressions; plain data, serialisable like SpanRuler patterns.
#: Words that only position or hedge an expression ("early", "the end of", "a few")
#: are taken in by ``_PREFIXES`` instead, so no pattern opens with an optional token.
PATTERNS: dict[str, list[list[dict]]] = {
    "DAY": [
        [MONTH, DAY, COMMA, YEAR], [DAY, OF, MONTH, COMMA, YEAR], [MONTH, DAY], [DAY, OF, MONTH],
        [{"SHAPE": "dddd-dd-dd"}], [{"SHAPE": {"IN": ["dd/dd/dddd", "d/dd/dddd", "dd/d/dddd", "d/d/dddd"]}}],
        [WEEKDAY], [THIS_LAST_NEXT, WEEKDAY], [DEIXIS], [{"LOWER": "this"}, DAY_PART],
        [{"LOWER": "last"}, {"LOWER": "night"}],
        [{"LOWER": "week"}, {"LOWER": "of"}, MONTH, DAY],
    ],
    "MONTH": [[MONTH, COMMA, YEAR], [MONTH, {"LOWER": "of"}, YEAR], [FULL_MONTH], [THIS_LAST_NEXT, FULL_MONTH],
              [{"LOWER": "month"}, {"LOWER": "of"}, MONTH],
              [FULL_MONTH, OF, THIS_LAST_NEXT, {"LOWER": "year"}]],  # "March of last year", "January this year"
    "PERIOD": [
        [REL, UNIT], [YEAR], [{"SHAPE": {"IN": ["dddds", "dddd's", "'dds", "dds"]}}],
        [YEAR, {"ORTH": {"IN": ["-", "\u2013", "/"]}}, {"SHAPE": {"IN": ["dd", "dddd"]}}],
        [SEASON, OF, YEAR], [THIS_LAST_NEXT, SEASON], [{"LOWER": {"IN": ["the", "in"]}}, SEASON],
        *[[SEASON, *spec] for spec in IN_YEAR],
        *[[*period, *spec] for period in (QUARTER, HALF, SOME_MONTHS) for spec in IN_YEAR], QUARTER, HALF,
        [FISCAL, YEAR], [FISCAL, {"LOWER": "year"}, YEAR], [REL, FISCAL, {"LOWER": "year"}],
        [{"LOWER": "fy"}, YEAR], [{"LOWER": {"IN": _FY_WORDS}}],
        [{"LOWER": {"IN": list(ORDINALS) + [f"{n}{s}" for n in range(1, 22) for s in ("st", "nd", "rd", "th")]}},
         {"LOWER": "century"}],  # "the twentieth century"
        [COUNT, UNITS, {"LOWER": {"IN": ["ago", "earlier", "later", "hence"]}}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, UNIT, {"LOWER": {"IN": ["ago", "earlier", "later", "hence"]}}],
        [COUNT, UNITS, {"LOWER": "from"}, {"LOWER": "now"}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, UNIT, {"LOWER": "from"}, {"LOWER": "now"}],
        [{"LOWER": "year"}, DASH, {"LOWER": {"IN": ["earlier", "ago", "end"]}}],  # "the year-earlier quarter"
        [{"LOWER": "weekend"}], [{"LOWER": {"IN": ["this", "last", "next", "past", "coming"]}}, {"LOWER": "weekend"}],
        [{"LOWER": "this"}, {"LOWER": "past"}, {"LOWER": "weekend"}],
        # anaphoric: "that year", "the same day", "the day before"
        [{"LOWER": {"IN": ["that", "same"]}}, UNIT], [{"LOWER": "the"}, UNIT, {"LOWER": {"IN": ["before", "after"]}}],
        [{"LOWER": {"IN": ["end", "start", "beginning", "middle", "close", "turn"]}}, {"LOWER": "of"}, {"LOWER": "the"}, UNIT],
    ],
    "PRESENT": [[{"LOWER": "these"}, {"LOWER": "days"}]],  # the single words: see _present
    # "June 28-30": a range of days, left out (and "June 28" with it).
    "RANGE": [[MONTH, DAY, DASH, DAY], [DAY, DASH, DAY, MONTH]],
    "DURATION": [
        [COUNT, HYPHEN, UNIT], [{"LOWER": {"IN": ["a", "an"]}}, UNIT], [COUNT, UNITS],
        [{"LOWER": {"IN": ["past", "last", "next", "coming"]}}, COUNT, UNITS],
    ],
    "VAGUE": [[{"LOWER": {"IN": ["recent", "coming", "upcoming"]}}, UNITS], [UNITS],
              [UNITS, {"LOWER": {"IN": ["ago", "earlier", "later"]}}]],  # "several years ago": see _PREFIXES
}

# Words a date expression may open with: "the end of 2011", "almost a year", "mid-2016".
_PREFIXES = [
    ("the", "end", "of"), ("the", "start", "of"), ("the", "beginning", "of"), ("the", "middle", "of"),
    ("the", "turn", "of"), ("the", "close", "of"), ("end", "of"), ("the",), ("almost",), ("nearly",),
    ("more", "than"), ("less", "than"), ("about",), ("over",), ("the", "past"), ("the", "last"),
    ("the", "next"), ("the", "coming"), ("late",), ("early",), ("earlier",), ("later",), ("mid", "-"), ("mid",),
    ("middle",), ("a", "few"), ("the", "past", "few"), ("past", "few"), ("last", "few"), ("next", "few"), ("few",),
    ("several",),
]
_DATA = table("dates")
# A bare year after these is a number, not a date: "resolution 1546", "flight 2014".
_NUMBERED_NOUNS = frozenset(_DATA["numbered_nouns"])
# Plural nouns a year modifies as a date ("the 2020 elections"); before others it is a count ("2014 troops").
_YEAR_EVENTS = frozenset(_DATA["year_events"])
_PREPOSITIONS = frozenset({"in", "at"})  # those a pattern opens with ("in the past", "at present")


@Language.factory("natoiraq_dates", default_config={"use_ner": True})
def make_dates(nlp: Language, name: str, use_ner: bool) -> "DateFinder":
    return DateFinder(nlp, name, use_ner=use_ner)


class DateFinder:
    """Find date expressions and resolve them against the article's reference date."""

    def __init__(self, nlp: Language, name: str = "natoiraq_dates", *, use_ner: bool = True):
        self.name = name
        self.use_ner = use_ner
        self.matcher = Matcher(nlp.vocab)
        for label, patterns in PATTERNS.items():
            self.matcher.add(label, patterns)
        # "Election Day", "Christmas": named days, as the tokenizer splits them.
        self.matcher.add("NAMED", [[{"LOWER": t.lower_} for t in nlp.make_doc(name)] for name in named_days()])

    def __call__(self, doc: Doc) -> Doc:
        spans = self._candidates(doc)
        reference = _reference(doc)
        if reference["value"] is None:
            absolute = [resolve_date(span.text) for span in spans]
            inferred = infer_reference([v for v in absolute if v is not None])
            if inferred is not None:
                reference = {"value": inferred.isoformat(), "origin": "inferred"}
            doc._.natoiraq_reference = reference
        ref = date.fromisoformat(reference["value"]) if reference["value"] else None
        inferred = reference["origin"] == "inferred"
        quotes = _quotes(doc)
        found: dict[int, tuple[Span, dict]] = {}  # span start -> (span, record)
        said: dict[int, date] = {}  # quote start -> the day it speaks from
        # Dates outside quotes first: "he said on Monday" tells the day a quote speaks from.
        for in_quote in (False, True):
            for span in spans:
                quote = next((q for q in quotes if q[0] <= span.start_char < q[1]), None)
                if (quote is not None) != in_quote:
                    continue
                if quote is not None and quote[0] not in said:
                    speech = _speech_day(doc, quote, found.values())
                    if speech is not None:
                        said[quote[0]] = speech
                here = said.get(quote[0], ref) if quote else ref
                tense = _tense(span)
                if inferred and deictic(span.text):
                    here = None  # an undated text fixes the year it is about, not the day it was written
                elif inferred:
                    tense = "past"  # the inferred reference is the latest date the text gives
                before = [record for start, (_, record) in sorted(found.items()) if start < span.start]
                anchor = _anchor(span, before) if anaphoric(span.text) else None
                resolved = resolve_date(span.text, here, tense, anchor)
                if resolved is None:
                    continue
                found[span.start] = (span, _record(span, resolved))
                if quote and resolved.value and "(" in span.text:
                    # "last night (Monday)" in a quote: the quote speaks from the day after Monday
                    shift = resolve_date(_deixis(span.text), date(2001, 1, 1))
                    if shift is not None and shift.value:
                        offset = date.fromisoformat(shift.value) - date(2001, 1, 1)
                        said[quote[0]] = date.fromisoformat(resolved.value) - offset
        records = [record for _, (_, record) in sorted(found.items())]
        doc._.natoiraq_dates = records
        return doc

    def _candidates(self, doc: Doc) -> list[Span]:
        lowers = [t.lower_ for t in doc]
        found = [(doc.vocab.strings[label], _extend(doc[window.start + start: window.start + end], lowers))
                 for window in _trigger_windows(doc, lowers)
                 for label, start, end in self.matcher(window)]  # offsets within the window
        found += [("PRESENT", span) for span in _present(doc, lowers)]
        kept = {(span.start, span.end) for span in filter_spans([span for _, span in found])}
        ranges = [span for label, span in found if label == "RANGE" and (span.start, span.end) in kept]
        matched = [_trim_opening(span) for label, span in found
                   if label != "RANGE" and (span.start, span.end) in kept]
        matched = _join(list({(s.start, s.end): s for s in matched if _plausible(s)}.values()))
        if self.use_ner:
            for ent in doc.ents:
                if ent.label_ == "DATE" and not any(m.start < ent.end and ent.start < m.end for m in matched + ranges):
                    trimmed = _trim(ent)
                    if trimmed is not None and _plausible(trimmed):
                        matched.append(trimmed)
        return sorted(matched, key=lambda s: s.start)

    # Serialisation: the patterns are code-defined data, so nothing to store.
    def to_bytes(self, *, exclude=()) -> bytes:
        return b""

    def from_bytes(self, data: bytes, *, exclude=()) -> "DateFinder":
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        return None

    def from_disk(self, path, *, exclude=()) -> "DateFinder":
        return self


_PLACING_PREPS = frozenset({"on", "in", "at", "by", "since", "until", "before", "after", "during", "from"})


def _tense(span: Span) -> str | None:
    """ "said on Wednesday he would ...": the verb right before the date's preposition
    rules, whatever the parser attached it to; otherwise the tense of its clause."""
    doc = span.doc
    index = span.start - 1
    if index >= 0 and doc[index].lower_ in _PLACING_PREPS:
        index -= 1
    if index >= 0 and doc[index].tag_.startswith("VB") and index != span.start - 1:
        return verb_tense(doc[index])
    return clause_tense(span.root)


_QUOTE_MARKS = {"\u201c": "\u201d\u201c", '"': '"'}  # a closing quote is sometimes typed as an opening one


def _quotes(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the quotations in the text, within a paragraph."""
    found, text, index = [], doc.text, 0
    while True:
        opens = [(text.find(mark, index), mark) for mark in _QUOTE_MARKS if text.find(mark, index) >= 0]
        if not opens:
            return found
        start, mark = min(opens)
        ends = [i for i in (text.find(close, start + 1) for close in _QUOTE_MARKS[mark]) if i >= 0]
        end = min(ends, default=-1)
        if end < 0:
            return found
        if "\n\n" not in text[start:end]:
            found.append((start, end))
        index = end + 1


_SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "add", "confirm", "declare", "write", "report",
                           "insist", "warn", "explain", "stress"})


def _speech_day(doc: Doc, quote: tuple[int, int], found) -> date | None:
    """The day a quote was spoken, from a day-date on its speech verb in the sentence around it:
    '"We leave tomorrow," he said on Monday.'"""
    first, last = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand"), None
    if quote[1] < len(doc.text):
        last = doc.char_span(quote[1], quote[1] + 1, alignment_mode="expand")
    sentences = [s.sent for s in (first, last) if s is not None and len(s)]
    if not sentences:
        return None
    start, end = min(s.start_char for s in sentences), max(s.end_char for s in sentences)
    for span, record in found:
        if not (start <= record["start"] < end) or record["granularity"] != "day" or not record["value"]:
            continue
        verb = governing_verb(span.root)[0]
        if verb is not None and verb.lemma_ in _SPEECH_VERBS:
            return date.fromisoformat(record["value"])
    return None


def _deixis(text: str) -> str:
    """ "last night (Monday)" -> "last night"."""
    return text.split("(")[0].strip()


def _anchor(span: Span, records: list[dict]) -> str | None:
    """The date the sentence is about, for "a year earlier": the last calendar date before the span
    in its sentence, else in the sentence before, that does not itself count from another."""
    sentence = span.sent
    previous = span.doc[sentence.start - 1].sent if sentence.start > 0 else None
    for start in (sentence.start_char, previous.start_char if previous is not None else None):
        if start is None:
            continue
        dates = [r for r in records if start <= r["start"] < span.start_char and r["kind"] == "date" and r["value"]
                 and not anaphoric(r["text"])]
        if dates:
            return dates[-1]["value"]
    return None


_TRIGGERS = frozenset([m.lower() for m in _FULL_MONTHS + _ABBR_MONTHS] + [w.lower() for w in _WEEKDAY_NAMES]
                      + _UNITS + [u + "s" for u in _UNITS] + list(SEASONS) + _YEAR_WORDS
                      + ["yesterday", "tomorrow", "today", "tonight", "half", "morning", "afternoon", "weekend",
                         "evening", "night", "overnight",
                         "fiscal", "financial", "fy"] + _FY_WORDS
                      + [name.split()[-1] for name in named_days()])  # "day", "eve"
_WINDOW_BEFORE, _WINDOW_AFTER = 5, 6  # the longest pattern around its trigger word


def _trigger_windows(doc: Doc, lowers: list[str]) -> list[Span]:
    """Stretches of the text around words that can be part of a date: the Matcher then
    tests its patterns there only, not at every token of the article."""
    windows: list[list[int]] = []
    for i, low in enumerate(lowers):
        if low in _TRIGGERS or (low[:1] in "0123456789'" and ("/" in low or low.endswith("s") or low.count("-") == 2)):
            start, end = max(0, i - _WINDOW_BEFORE), min(len(lowers), i + _WINDOW_AFTER)
            if windows and start <= windows[-1][1]:
                windows[-1][1] = end
            else:
                windows.append([start, end])
    return [doc[start:end] for start, end in windows]


def _extend(span: Span, lowers: list[str]) -> Span:
    """Take in the words that open the expression ("the end of", "almost", "mid-")."""
    start = span.start
    extended = True
    while extended:
        extended = False
        for prefix in _PREFIXES:
            begin = start - len(prefix)
            over_the = prefix == ("over",) and lowers[start] == "the"  # "over the past": a preposition
            if begin >= 0 and tuple(lowers[begin:start]) == prefix and not over_the:
                start, extended = begin, prefix != ("the",)
                break
    return span.doc[start:span.end]


_PRESENT_WORDS = frozenset({"now", "currently", "nowadays", "presently", "formerly"})


def _present(doc: Doc, lowers: list[str]) -> list[Span]:
    """ "now", "currently", "at present", "in the (near) past/future": common words, so looked up
    directly rather than opening a Matcher window around each."""
    spans = []
    for i, low in enumerate(lowers):
        if low in _PRESENT_WORDS or (low == "present" and lowers[i - 1:i] == ["at"]):
            spans.append(doc[i:i + 1])
        elif low in ("past", "future") and i >= 2 and lowers[i - 2] in ("in", "the"):
            opening = 2 if lowers[i - 2:i] == ["in", "the"] else 3 if lowers[i - 3:i] == ["in", "the", "near"] else 0
            if opening:
                spans.append(doc[i - opening + 1:i + 1])  # "the past": no preposition
    return spans


_WEEKDAY_WORDS = frozenset(w.lower() for w in _WEEKDAY_NAMES)
_DAYS_WITH_PARTS = _WEEKDAY_WORDS | {"today", "yesterday", "tomorrow"}
_DEICTIC_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"})


def _join(spans: list[Span]) -> list[Span]:
    """Parts the patterns leave apart, put together in a pass over the few spans found rather than
    in more patterns tried at every token: "Sunday night"; "last night (Monday)"; "Monday, July 15"."""
    spans = sorted(spans, key=lambda s: s.start)
    joined: list[Span] = []
    for span in spans:
        doc, end = span.doc, span.end
        last = span[-1].lower_
        if last in _DAYS_WITH_PARTS and end < len(doc) and doc[end].lower_ in _DAY_PARTS:
            end += 1  # "Sunday night", "yesterday morning"
        if (doc[end - 1].lower_ in _DEICTIC_DAYS and end + 2 < len(doc) and doc[end].text == "("
                and doc[end + 1].lower_ in _WEEKDAY_WORDS and doc[end + 2].text == ")"):
            end += 3  # "today (Friday)": the weekday fixes the day a quote speaks from
        span = doc[span.start:end]
        previous = joined[-1] if joined else None
        if (previous is not None and previous[-1].lower_ in _WEEKDAY_WORDS and span.start - previous.end <= 1
                and all(t.text == "," for t in doc[previous.end:span.start]) and span[0].lower_ not in _WEEKDAY_WORDS):
            joined[-1] = doc[previous.start:span.end]  # "Monday, July 15", "Wednesday, September 9, 2020"
        elif previous is None or span.start >= previous.end:
            joined.append(span)
    return joined


def _trim_opening(span: Span) -> Span:
    """A date span does not open with a preposition ("at present" is "present"), nor with the
    article of the noun a year modifies ("the 1991 war" dates by "1991")."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if len(span) > 1 and (span[0].lower_ in _PREPOSITIONS or (
            span[0].lower_ == "the" and span[-1].like_num and following is not None and following.pos_ == "NOUN")):
        return span[1:]
    return span


def _reference(doc: Doc) -> dict:
    reference = doc._.natoiraq_reference
    return reference if reference else {"value": None, "origin": None}


def _trim(ent: Span) -> Span | None:
    """Drop the line breaks and punctuation the model sometimes takes into a DATE."""
    tokens = [t for t in ent if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    return ent.doc[tokens[0].i: tokens[-1].i + 1]


def _plausible(span: Span) -> bool:
    """Reject numbers that only look like years or durations."""
    if span.text.count("\n"):
        return False
    year = [t for t in span if t.like_num and t.lower_ != "the"]
    if len(year) == 1 and all(t.lower_ == "the" or t.like_num for t in span):
        token = year[0]
        previous = token.doc[token.i - 1] if token.i else None
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if previous is not None and (previous.lower_ in _NUMBERED_NOUNS or previous.text in ("$", "#", "No.")):
            return False
        if previous is not None and previous.text == ":" and (following is None or "\n" in following.text):
            return False  # "Latvia: 1887" on a line of its own: a figure in a list
        head = token.head
        # "in 2014 soldiers were sent" places the year, whatever the parse says it modifies
        placed = previous is not None and previous.lower_ in ("in", "since", "until", "during")
        if not placed and (token.dep_ in ("nummod", "amod", "compound") and head.i == token.i + 1 or (
                token.dep_ == "nummod" and head.i > token.i)):
            # "a 2015 peace deal" is a date; "2014 troops" is a count
            return head.tag_ in ("NN", "NNP") or head.lower_ in _YEAR_EVENTS
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if span[-1].lower_ in ("before", "after") and following is not None and (following.is_alpha or following.like_num):
        return False  # "the day after the attack" counts from an event, not a date
    # "Covid-19", "the three-year-old" and "a four-year-long mission" are not dates.
    return not (following is not None and following.text == "-" and span.end + 1 < len(span.doc)
                and span.doc[span.end + 1].is_alpha)


def _record(span: Span, value: DateValue) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "value": value.value,
            "granularity": value.granularity, "kind": value.kind}
