"""Finding date expressions: Matcher spans in windows around trigger words, the present's single
words, the model's DATE entities; joined (a weekday with its date, a date with its clock time), trimmed,
and what only looks like a date turned away; and which of them is the text's dateline."""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from natoiraq.knowledge.lexicon import table
from natoiraq.parsing.dates import DATE, MONTHS, resolve_date
from natoiraq.parsing.dates.calendar import normalise
from natoiraq.parsing.dates.times import PAST, clock
from natoiraq.pipeline.dates.matching import DateMatcher
from natoiraq.pipeline.dates.patterns import (DAY_PARTS, PREFIXES, TRIGGERS, WEEKDAY_ABBREVIATIONS, WEEKDAY_NAMES,
                                              YEAR_PAIR_SHAPES)
from natoiraq.pipeline.doctext import text_of
from natoiraq.pipeline.syntax import PLACE_LABELS

_DATA = table("dates")

# A bare year after these is a number, not a date: "resolution 1546", "flight 2014".
_NUMBERED_NOUNS = frozenset(_DATA["numbered_nouns"])

# Nouns that, capitalised after a date, make it part of a place's name: "the 25 April Bridge", "9 July Avenue".
_NAMED_PLACES = frozenset(_DATA["named_places"])

# Plural nouns a year modifies as a date ("the 2020 elections"); before others it is a count ("2014 troops").
_YEAR_EVENTS = frozenset(_DATA["year_events"])

_PLACE_LABELS = PLACE_LABELS | {"NORP"}  # "Kosovo 1999", "the Kosovo 1999 mission"; a nationality too

_PREPOSITIONS = frozenset({"in", "at"})  # those a pattern opens with ("in the past", "at present")

_WINDOW_BEFORE, _WINDOW_AFTER = 5, 6  # the longest pattern around its trigger word

# Before a year they place it, whatever the parse: "in 2014 soldiers were sent", "by 2010 troops had left".
_YEAR_PREPOSITIONS = frozenset({"in", "since", "until", "till", "during", "by", "before", "after"})

_MORE = frozenset({"more", "additional", "extra", "further", "fewer"})  # "1990 more": a count

_COUNT_WORDS = frozenset({"a", "an", "several", "few", "half"})  # "over a year", "over several months"


def _trigger_windows(doc: Doc, lowers: list[str]) -> list[Span]:
    """Stretches of the text around words that can be part of a date: the Matcher then
    tests its patterns there only, not at every token of the article."""
    windows: list[list[int]] = []
    for i, low in enumerate(lowers):
        if low in TRIGGERS or (low[:1] in "0123456789'" and (
                "/" in low or ":" in low or "\u2013" in low or low.endswith("s") or low.count("-") == 2 or low.count(".") == 2)):
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
        for prefix in PREFIXES:
            begin = start - len(prefix)
            # "over" is "more than" before a count ("over two decades", "over a year"); before a date ("over
            # the past", "over Christmas", "over 2014") it is a preposition, and no date opens with one
            preposition = prefix == ("over",) and not (span.doc[start].like_num or lowers[start] in _COUNT_WORDS)
            if begin >= 0 and tuple(lowers[begin:start]) == prefix and not preposition:
                # after "the", only what ends in "of" goes on: "the end of the third quarter"
                start, extended = begin, prefix != ("the",) or lowers[begin - 1:begin] == ["of"]
                break
    return span.doc[start:span.end]

PRESENT_WORDS = frozenset({"now", "currently", "nowadays", "presently", "formerly"})


def _present(doc: Doc, lowers: list[str]) -> list[Span]:
    """ "now", "currently", "at present", "in the (near) past/future": common words, so looked up
    directly rather than opening a Matcher window around each."""
    spans = []
    for i, low in enumerate(lowers):
        if low in PRESENT_WORDS or (low == "present" and lowers[i - 1:i] == ["at"]):
            spans.append(doc[i:i + 1])
        elif low in ("past", "future") and i >= 2 and lowers[i - 2] in ("in", "the"):
            opening = 2 if lowers[i - 2:i] == ["in", "the"] else 3 if lowers[i - 3:i] == ["in", "the", "near"] else 0
            if opening:
                spans.append(doc[i - opening + 1:i + 1])  # "the past": no preposition
    return spans

_WEEKDAY_WORDS = frozenset(w.lower() for w in WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS)

_DAYS_WITH_PARTS = _WEEKDAY_WORDS | {"today", "yesterday", "tomorrow"}

#: What may stand between a weekday and the date it names: "Monday, July 15", "Wednesday - 16 October 2024",
#: "Thursday (18 February 2021)".
_WEEKDAY_GAP = frozenset({",", "-", "\u2013", "\u2014", "("})

_DEICTIC_DAYS = frozenset({"today", "tonight", "yesterday", "tomorrow", "night", "morning", "afternoon", "evening"})


def _join(spans: list[Span]) -> list[Span]:
    """Parts the patterns leave apart, put together in a pass over the few spans found rather than
    in more patterns tried at every token: "Sunday night"; "last night (Monday)"; "Monday, July 15"."""
    spans = sorted(spans, key=lambda s: s.start)
    joined: list[Span] = []
    for span in spans:
        doc, end = span.doc, span.end
        last = span[-1].lower_
        if last in _DAYS_WITH_PARTS and end < len(doc) and doc[end].lower_ in DAY_PARTS:
            end += 1  # "Sunday night", "yesterday morning"
        if (doc[end - 1].lower_ in _DEICTIC_DAYS and end + 2 < len(doc) and doc[end].text == "("
                and doc[end + 1].lower_ in _WEEKDAY_WORDS and doc[end + 2].text == ")"):
            end += 3  # "today (Friday)": the weekday fixes the day a quote speaks from
        span = doc[span.start:end]
        previous = joined[-1] if joined else None
        if previous is not None and _date_and_clock(previous, span):
            joined[-1] = doc[previous.start:span.end]  # "2004-10-06 14:08", "05:40, 21 August 2008": one time
        elif (previous is not None and previous[0].lower_ in _WEEKDAY_WORDS and span.start - previous.end <= 1
                and all(t.lower_ in _WEEKDAY_WORDS or t.lower_ in DAY_PARTS for t in previous)  # "Wed. evening, Jan. 10"
                and all(t.text in _WEEKDAY_GAP for t in doc[previous.end:span.start])
                and (span[0].like_num or span[0].lower_.rstrip(".") in MONTHS)):  # not "Tuesday, a day after ..."
            bracketed = doc[span.start - 1].text == "(" and span.end < len(doc) and doc[span.end].text == ")"
            # "Monday, July 15", "Wednesday - 16 October 2024", "Thursday (18 February 2021)"
            joined[-1] = doc[previous.start:span.end + bracketed]
        elif previous is None or span.start >= previous.end:
            joined.append(span)
    return joined


#: What may stand between a date and its clock time on a dateline or byline: "June 16, 2009; 9:46 PM",
#: "Friday, July 4th 2025 - 09:45 UTC", "at 05:40, 21 August 2008".
_CLOCK_GAP = frozenset({",", ";", "-", "\u2013", "\u2014", "|", "at"})
#: A reference day for :func:`_is_day`, which asks only whether a text names a whole day: a relative date
#: ("yesterday") resolves against any day alike, so which one is given does not matter.
_ANY_DAY = date(2000, 1, 1)


def _is_clock(span: Span) -> bool:
    found = clock(normalise(span.text))
    return found is not None and not found[1] and any(t.like_num or ":" in t.text for t in span)


def _date_and_clock(first: Span, second: Span) -> bool:
    """Are two spans a date and its clock time, in either order, with no more than a comma, dash or "at"
    between them on one line?"""
    gap = first.doc[first.end:second.start]
    if len(gap) > 2 or any(t.lower_ not in _CLOCK_GAP for t in gap) or "\n" in text_of(first.doc)[first.end_char:second.start_char]:
        return False
    return (_is_day(first) and _is_clock(second)) or (_is_clock(first) and _is_day(second))


def _is_day(span: Span) -> bool:
    """Does the span name a day ("June 16, 2009", "2004-10-06"; not "2014"), whatever the day of writing?"""
    value = resolve_date(span.text, _ANY_DAY)
    return value is not None and value.kind == DATE and value.granularity == "day"


def _trim_opening(span: Span) -> Span:
    """A date span does not open with a preposition ("at present" is "present"; "at the time" is one
    expression, the past), nor with the article of the noun a year or month modifies, or what comes before it
    ("the 1991 war" dates by "1991", "the July summit" by "July", "the end of the 2014 season" by "2014")."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if len(span) > 1 and span[0].lower_ in _PREPOSITIONS and span.text.lower() not in PAST:
        return span[1:]
    if following is not None and following.text == "," and "," in span.text and span.end + 1 < len(span.doc):
        following = span.doc[span.end + 1]  # "the Feb. 24, 2022, invasion": the year's comma closes the pair
    articles = [t.i for t in span if t.lower_ == "the"]
    if articles and following is not None and following.pos_ in ("NOUN", "PROPN"):
        rest = span.doc[articles[-1] + 1:span.end]
        if len(rest) and (rest[-1].like_num or rest[-1].shape_ in YEAR_PAIR_SHAPES
                          or (len(rest) == 1 and rest[0].lower_.rstrip(".") in MONTHS)):
            return rest
    return span


def _trim(ent: Span) -> Span | None:
    """Drop the line breaks and punctuation the model sometimes takes into a DATE."""
    tokens = [t for t in ent if not t.is_space]
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    if not tokens:
        return None
    return ent.doc[tokens[0].i: tokens[-1].i + 1]


def _years_apart(span: Span) -> bool:
    """Is the span a range of years ("the 1992-1995 war", "1950-53")? Left out like a range of days; a season
    or fiscal year that straddles two ("2019-20") is one period."""
    value = resolve_date(span.text) if any(mark in span.text for mark in ("-", "\u2013", "/")) else None
    if value is None or value.value is None or "/" not in value.value:
        return False
    first, last = value.value.split("/")
    return int(last) - int(first) > 1


#: Entities a year may end the name of: "Vision 2030" (an organisation's plan), "Horizon 2020" (a law's).
_NAME_LABELS = frozenset({"ORG", "LAW", "EVENT", "PRODUCT", "WORK_OF_ART"})


def _names_with(word: Token, year: Token) -> bool:
    """Is ``word`` a name that ``year`` right after it belongs to ("Zapad 2017", "Trident Juncture 2018"; "Vision
    2030", which the tagger may take for a common noun, where the model names both one entity)? Not a word
    of the calendar ("May 2017", "Christmas 2020", "FY 2013"), nor a place the year dates ("Kosovo 1999" in a
    list of deployments)."""
    named = word.pos_ == "PROPN" or (word.ent_type_ in _NAME_LABELS and year.ent_iob_ == "I")
    return (named and word.is_title and word.lower_.rstrip(".") not in TRIGGERS
            and word.ent_type_ not in _PLACE_LABELS)


def _plausible(span: Span) -> bool:
    """Reject numbers that only look like years or durations."""
    if span.text.count("\n"):
        return False
    year = [t for t in span if t.like_num and t.lower_ != "the"]
    # a number alone, not a date in figures ("16.02.2021 Troops left" on a byline)
    if len(year) == 1 and all(t.lower_ == "the" or t.like_num for t in span) and year[0].text.isdigit():
        token = year[0]
        previous = token.doc[token.i - 1] if token.i else None
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if previous is not None and (previous.lower_ in _NUMBERED_NOUNS or previous.text in ("$", "#", "No.")):
            return False
        if previous is not None and previous.text == "(" and token.i >= 3 and token.doc[token.i - 2].like_num \
                and token.doc[token.i - 3].lower_ in _NUMBERED_NOUNS:
            return False  # "resolution 976 (1995)": the year is part of the resolution's name
        if previous is not None and previous.text == ":" and (following is None or "\n" in following.text):
            return False  # "Latvia: 1887" on a line of its own: a figure in a list
        if previous is not None and _names_with(previous, token):
            return False  # "the Zapad 2017 exercise", "Vision 2030": the year is part of a name
        head = token.head
        placed = previous is not None and previous.lower_ in _YEAR_PREPOSITIONS
        if not placed and following is not None and following.lower_ in _MORE:
            return False  # "1990 more are expected": a count
        if not placed and (token.dep_ in ("nummod", "amod", "compound") and head.i == token.i + 1 or (
                token.dep_ == "nummod" and head.i > token.i)):
            # "a 2015 peace deal" is a date; "2014 troops" is a count
            return head.tag_ in ("NN", "NNP") or head.lower_ in _YEAR_EVENTS
    following = span.doc[span.end] if span.end < len(span.doc) else None
    if following is not None and following.is_title and following.lower_ in _NAMED_PLACES:
        return False  # "6th of October Bridge": a name
    if span[-1].lower_ in ("before", "after") and following is not None and (following.is_alpha or following.like_num):
        return False  # "the day after the attack" counts from an event, not a date
    if len(span) == 1 and span[0].tag_ == "MD":
        return False  # "Troops May Offer", "May I welcome": the verb
    # "Covid-19", "the three-year-old" and "a four-year-long mission" are not dates; "early September -
    # coinciding with" is: a dash between words with spaces around it.
    return not (following is not None and following.text == "-" and span.end + 1 < len(span.doc)
                and span.doc[span.end + 1].is_alpha and not span[-1].whitespace_ and not following.whitespace_)


def candidates(doc: Doc, matcher: DateMatcher, use_ner: bool) -> list[Span]:
    """The date expressions of a doc: Matcher spans in trigger windows, then the model's DATE entities."""
    lowers = [t.lower_ for t in doc]
    found = [(doc.vocab.strings[label], _extend(doc[window.start + start: window.start + end], lowers))
             for window in _trigger_windows(doc, lowers)
             for label, start, end in matcher(window, lowers)]  # offsets within the window
    found += [("PRESENT", span) for span in _present(doc, lowers)]
    kept = {(span.start, span.end) for span in filter_spans([span for _, span in found])}
    ranges = [span for _, span in found if _years_apart(span) and (span.start, span.end) in kept]
    matched = [_trim_opening(span) for _, span in found if not _years_apart(span) and (span.start, span.end) in kept]
    matched = _join(list({(s.start, s.end): s for s in matched if _plausible(s)}.values()))
    if use_ner:
        for ent in doc.ents:
            if ent.label_ == "DATE" and not any(m.start < ent.end and ent.start < m.end for m in matched + ranges):
                trimmed = _trim(ent)
                if trimmed is not None and _plausible(trimmed):
                    matched.append(trimmed)
    return sorted(matched, key=lambda s: s.start)


# A dateline: a place in capitals at the start of a line ("ADDIS ABABA,", "KABUL, Afghanistan,"), the date,
# then the agency in brackets or a dash ("Nov 6 (AFP) -", "June 16 -").
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\W*[A-Z][A-Z.'\- ]+(?:, [A-Z][\w.'\- ]+)?,\s*$")
_DATELINE_AFTER = re.compile(r"\s*(?:\(|--|[-\u2013\u2014])")


def dateline(spans: list[Span]) -> Span | None:
    """The first date span that is the dateline of its text, if any."""
    for span in spans:
        text = text_of(span.doc)
        line = text[text.rfind("\n", 0, span.start_char) + 1:span.start_char]
        if _DATELINE_BEFORE.search("\n" + line) and _DATELINE_AFTER.match(text, span.end_char):
            return span
    return None
