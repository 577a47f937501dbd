"""Dates: every date expression in the article, resolved to a calendar value.

Candidates come from a token Matcher (month names, weekdays, "this week",
"three-year", ...) and from the model's DATE entities; the Matcher's spans win
where they overlap, so "Wednesday and Thursday" gives two dates. Each
candidate is resolved by :func:`natoiraq.parsing.dates.resolve_date` against
``doc._.natoiraq_reference`` and the tense of its clause. An article without a
reference date gets one inferred from its latest full date.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from natoiraq.parsing.dates import MONTHS, SEASONS, WEEKDAYS, DateValue, infer_reference, resolve_date
from natoiraq.pipeline import extensions
from natoiraq.pipeline.component import Component
from natoiraq.pipeline.syntax import clause_tense, verb_tense

extensions.register()

_FULL_MONTHS = [m.capitalize() for m, n in MONTHS.items() if len(m) > 3 or m == "may"]
_ABBR_MONTHS = [m.capitalize() + suffix for m in MONTHS if len(m) <= 4 and m != "may" for suffix in ("", ".")]
_WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS if len(w) > 4]
_UNITS = ["day", "week", "month", "year", "decade", "quarter"]
_RELATIONS = ["this", "last", "next", "past", "coming", "previous", "following", "current"]

_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}
_DAY_WORDS = [str(d) for d in range(1, 32)] + [f"{d}{_ORDINAL_SUFFIX.get(d, 'th')}" for d in range(1, 32)]
_YEAR_WORDS = [str(y) for y in range(1800, 2100)]

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
COUNT = {"LIKE_NUM": True}
UNIT = {"LOWER": {"IN": _UNITS}}
UNITS = {"LOWER": {"IN": [u + "s" for u in _UNITS]}}
SEASON = {"LOWER": {"IN": list(SEASONS)}}

#: Token patterns for date expressions; plain data, serialisable like SpanRuler patterns.
#: Words that only position or hedge an expression ("early", "the end of", "a few")
#: are taken in by ``_PREFIXES`` instead, so no pattern opens with an optional token.
PATTERNS: dict[str, list[list[dict]]] = {
    "DAY": [
        [MONTH, DAY, COMMA, YEAR], [DAY, OF, MONTH, COMMA, YEAR], [MONTH, DAY], [DAY, OF, MONTH],
        [{"SHAPE": "dddd-dd-dd"}], [{"SHAPE": {"IN": ["dd/dd/dddd", "d/dd/dddd", "dd/d/dddd", "d/d/dddd"]}}],
        [{"ORTH": {"IN": _WEEKDAY_NAMES}}], [THIS_LAST_NEXT, {"ORTH": {"IN": _WEEKDAY_NAMES}}],
        [{"LOWER": {"IN": ["yesterday", "tomorrow"]}}],
    ],
    "MONTH": [[MONTH, COMMA, YEAR], [FULL_MONTH], [THIS_LAST_NEXT, FULL_MONTH]],
    "PERIOD": [
        [REL, UNIT], [YEAR], [{"SHAPE": {"IN": ["dddds", "dddd's"]}}],
        [SEASON, OF, YEAR], [THIS_LAST_NEXT, SEASON],
        [{"LOWER": {"IN": ["first", "second", "third", "fourth", "final"]}}, {"LOWER": "quarter"}, OF, YEAR],
        [COUNT, UNITS, {"LOWER": {"IN": ["ago", "earlier", "later"]}}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, UNIT, {"LOWER": {"IN": ["ago", "earlier", "later"]}}],
        [{"LOWER": {"IN": ["end", "start", "beginning", "middle", "close", "turn"]}}, {"LOWER": "of"}, {"LOWER": "the"}, UNIT],
    ],
    "DURATION": [
        [COUNT, HYPHEN, UNIT], [{"LOWER": {"IN": ["a", "an"]}}, UNIT], [COUNT, UNITS],
        [{"LOWER": {"IN": ["past", "last", "next", "coming"]}}, COUNT, UNITS],
    ],
    "VAGUE": [[{"LOWER": {"IN": ["recent", "coming", "upcoming"]}}, UNITS], [UNITS]],
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
# A bare year after these is a number, not a date: "resolution 1546", "flight 2014".
_NUMBERED_NOUNS = frozenset({"resolution", "article", "paragraph", "no", "no.", "number", "flight", "route", "page",
                             "section", "chapter", "model", "code", "room", "unit", "kilometres", "km", "miles"})


@Language.factory(
    "natoiraq_dates",
    default_config={"use_ner": True, "scorer": {"@scorers": "natoiraq.dates_scorer.v1"}},
    requires=["doc.ents", "token.dep", "token.tag"],
    assigns=["doc._.natoiraq_dates", "doc._.natoiraq_reference"],
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
        self.matcher = Matcher(nlp.vocab)
        for label, patterns in PATTERNS.items():
            self.matcher.add(label, patterns)

    def __call__(self, doc: Doc) -> Doc:
        spans = self._candidates(doc)
        reference = _reference(doc)
        if reference["value"] is None:
            absolute = [_resolved(span.text) for span in spans]
            inferred = infer_reference([v for v in absolute if v is not None])
            if inferred is not None:
                reference = {"value": inferred.isoformat(), "origin": "inferred"}
            doc._.natoiraq_reference = reference
        ref = date.fromisoformat(reference["value"]) if reference["value"] else None
        records = []
        for span in spans:
            resolved = _resolved(span.text, ref, _tense(span))
            if resolved is not None:
                records.append(_record(span, resolved))
        doc._.natoiraq_dates = records
        return doc

    def _candidates(self, doc: Doc) -> list[Span]:
        lowers = [t.lower_ for t in doc]
        matched = [_extend(span, lowers) for window in _trigger_windows(doc, lowers)
                   for span in self.matcher(window, as_spans=True)]
        matched = [s for s in filter_spans(matched) if _plausible(s)]
        if self.use_ner:
            for ent in doc.ents:
                if ent.label_ == "DATE" and not any(m.start < ent.end and ent.start < m.end for m in matched):
                    trimmed = _trim(ent)
                    if trimmed is not None and _plausible(trimmed):
                        matched.append(trimmed)
        return sorted(matched, key=lambda s: s.start)


def _resolved(text: str, ref: date | None = None, tense: str | None = None) -> DateValue | None:
    """resolve_date, with an expression beyond the calendar ("1000000 days ago") left unresolved."""
    try:
        return resolve_date(text, ref, tense)
    except (OverflowError, ValueError):
        return None


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


_TRIGGERS = frozenset([m.lower() for m in _FULL_MONTHS + _ABBR_MONTHS] + [w.lower() for w in _WEEKDAY_NAMES]
                      + _UNITS + [u + "s" for u in _UNITS] + list(SEASONS) + _YEAR_WORDS
                      + ["yesterday", "tomorrow"])
_WINDOW_BEFORE, _WINDOW_AFTER = 5, 6  # the longest pattern around its trigger word


def _trigger_windows(doc: Doc, lowers: list[str]) -> list[Span]:
    """Stretches of the text around words that can be part of a date: the Matcher then
    tests its patterns there only, not at every token of the article."""
    windows: list[list[int]] = []
    for i, low in enumerate(lowers):
        if low in _TRIGGERS or (low[:1].isdigit() and ("/" in low or low.endswith("s") or low.count("-") == 2)):
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
            if begin >= 0 and tuple(lowers[begin:start]) == prefix:
                start, extended = begin, prefix != ("the",)
                break
    return span.doc[start:span.end]


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
    if len(span) == 1 and span[0].like_num:
        token = span[0]
        previous = token.doc[token.i - 1] if token.i else None
        if previous is not None and (previous.lower_ in _NUMBERED_NOUNS or previous.text in ("$", "#", "No.")):
            return False
        if token.dep_ == "nummod" and token.head.lemma_ not in ("year", "summer", "spring", "autumn", "winter"):
            return False  # "2014 troops"
    following = span.doc[span.end] if span.end < len(span.doc) else None
    # "Covid-19" and "the three-year-old" are not dates.
    return not (following is not None and following.text == "-" and span.end + 1 < len(span.doc)
                and span.doc[span.end + 1].is_alpha and span.doc[span.end + 1].lower_ not in ("long",))


def _record(span: Span, value: DateValue) -> dict:
    return {"text": span.text, "start": span.start_char, "end": span.end_char, "value": value.value,
            "granularity": value.granularity, "kind": value.kind}
