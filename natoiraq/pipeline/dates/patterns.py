"""Token patterns for date expressions, and the words that open a search window for them."""

from __future__ import annotations

from natoiraq.parsing.dates import MONTHS, ORDINALS, SEASONS, WEEKDAYS, named_days
from natoiraq.parsing.dates.times import DAY_PART_CODES, EVERY_WORDS, SET_UNITS, TIMES_WORDS

_FULL_MONTHS = [m.capitalize() for m, n in MONTHS.items() if len(m) > 3 or m == "may"]

#: An infobox label run into its value ("DateAugust 7, 2008"), as a page's table comes out as text: the
#: tokenizer splits it there (:func:`natoiraq.pipeline.loading.adapt_tokenizer`).
GLUED_DATE_LABEL = r"(?<=^Date)(?=" + "|".join(_FULL_MONTHS) + r"|\d)"

_ABBR_MONTHS = [m.capitalize() + suffix for m in MONTHS if len(m) <= 4 and m != "may" for suffix in ("", ".")]

WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS if len(w) > 4]

#: "Wed. morning": abbreviated weekdays, kept whole by the tokenizer (:func:`natoiraq.pipeline.loading.adapt_tokenizer`);
#: not "Sun.", the newspaper's name at the end of a sentence.
WEEKDAY_ABBREVIATIONS = [w.capitalize() + "." for w in WEEKDAYS if len(w) <= 5 and w != "sun"]

_UNITS = ["day", "week", "month", "year", "decade", "quarter", "century"]

_RELATIONS = ["this", "last", "next", "past", "coming", "previous", "following", "current"]

_ORDINAL_SUFFIX = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd", 31: "st"}

_DAY_WORDS = [f"{zero}{d}{suffix}" for d in range(1, 32) for zero in ("", "0")[:1 + (d < 10)]
              for suffix in ("", _ORDINAL_SUFFIX.get(d, "th"))]

_YEAR_WORDS = [str(y) for y in range(1800, 2100)]

# "mid-2024", "mid-1990s": the tokenizer keeps a year with its "mid-" (not split between a letter and a digit)
_MID_YEAR_WORDS = [f"mid-{year}{plural}" for year in _YEAR_WORDS for plural in ("", "s")[:1 + year.endswith("0")]]

_FY_WORDS = [f"fy{n:02d}" for n in range(100)] + [f"fy{y}" for y in _YEAR_WORDS]  # "FY13", "FY2013"

# "2020-08-23" as the tokenizer splits it ("2020", "-", "08", "-", "23"), a time maybe glued on.
_ISO_DAYS = ["dd", "ddXdd:dd", "ddXdd:dd:dd", "ddXdd:ddX", "ddXdd:dd:ddX"]

# "16/02/2021", "20.12.1995", "13/07/08": day, month and year in figures; "2021/02/16", year first.
_NUMERIC_DAYS = [f"{day}{sep}{month}{sep}{year}" for day in ("d", "dd") for month in ("d", "dd")
                 for sep in "/." for year in ("dd", "dddd")] + ["dddd/dd/dd", "dddd.dd.dd"]

# Set lookups and token shapes only: a REGEX predicate costs a Python call per token.
# A month in capitals ("31 DECEMBER 2013", as headings print it), only beside its day or year: a bare
# "MAY" in a headline is the verb.
MONTH = {"ORTH": {"IN": _FULL_MONTHS + _ABBR_MONTHS + [m.upper() for m in _FULL_MONTHS]}}

FULL_MONTH = {"ORTH": {"IN": _FULL_MONTHS}}

DAY = {"LOWER": {"IN": _DAY_WORDS}}

DAYS = {"SHAPE": {"IN": ["d\u2013d", "d\u2013dd", "dd\u2013dd"]}}  # "7–16": the tokenizer keeps a range with an en dash whole

YEAR = {"ORTH": {"IN": _YEAR_WORDS}}

COMMA = {"ORTH": ",", "OP": "?"}

OF = {"LOWER": "of", "OP": "?"}

REL = {"LOWER": {"IN": _RELATIONS}}

THIS_LAST_NEXT = {"LOWER": {"IN": ["this", "last", "next"]}}

HYPHEN = {"ORTH": {"IN": ["-", "\u2013"]}, "OP": "?"}

DASH = {"ORTH": {"IN": ["-", "\u2013"]}}

TO = {"LOWER": {"IN": ["to", "until", "through"]}}

COUNT = {"LIKE_NUM": True}

UNIT = {"LOWER": {"IN": _UNITS}}

UNITS = {"LOWER": {"IN": [u + "s" for u in _UNITS]}}

SEASON = {"LOWER": {"IN": list(SEASONS)}}

WEEKDAY = {"ORTH": {"IN": WEEKDAY_NAMES + WEEKDAY_ABBREVIATIONS}}

DAY_PARTS = frozenset({"morning", "afternoon", "evening", "night", "overnight"})

DAY_PART = {"LOWER": {"IN": list(DAY_PARTS)}}

DEIXIS = {"LOWER": {"IN": ["today", "tonight", "yesterday", "tomorrow"]}}

# "of 2019", "of last year", "of fiscal 2013", "of this fiscal year": which year a period is in.
IN_YEAR = [[OF, YEAR], [OF, THIS_LAST_NEXT, {"LOWER": {"IN": ["fiscal", "financial"]}, "OP": "?"}, {"LOWER": "year"}],
           [{"LOWER": "of"}, {"LOWER": {"IN": ["the", "that"]}}, {"LOWER": "year"}],  # "the second half of the year"; anaphoric: "the spring of that year"
           [OF, {"LOWER": {"IN": ["fiscal", "financial"]}}, YEAR]]

QUARTER = [{"LOWER": {"IN": ["first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th", "final", "last"]}},
           {"LOWER": "quarter"}]

HALF = [{"LOWER": {"IN": ["first", "second", "1st", "2nd", "latter", "last"]}}, {"LOWER": "half"}]

SOME_MONTHS = [{"LOWER": {"IN": ["first", "last", "final"]}}, {"LOWER": {"IN": ["three", "six", "3", "6"]}},
               {"LOWER": "months"}]

FISCAL = {"LOWER": {"IN": ["fiscal", "financial"]}}

YEARS = [YEAR, {"ORTH": {"IN": ["-", "\u2013", "/"]}}, {"SHAPE": {"IN": ["dd", "dddd"]}}]  # "2019-20", "2022 - 2023"
YEAR_PAIR_SHAPES = frozenset({"dddd/dd", "dddd/dddd", "dddd\u2013dd", "dddd\u2013dddd"})  # "2022/23", "2024–25": one token
YEAR_PAIR = {"SHAPE": {"IN": sorted(YEAR_PAIR_SHAPES)}}

# Words a set, a time or a stretch of clock time is made of.
_SET_WORDS = sorted({*SET_UNITS, *DAY_PART_CODES, *(w.lower() for w in WEEKDAY_NAMES), *SEASONS} - {"tonight"})
PER = {"LOWER": {"IN": ["a", "an", "per", "each", "every"]}}
CLOCK_AMPM = [{"SHAPE": {"IN": ["d", "dd", "d:dd", "dd:dd", "d.dd", "dd.dd"]}},
              {"LOWER": {"IN": ["am", "pm", "a.m.", "p.m.", "a.m", "p.m"]}}]
CLOCK = {"SHAPE": {"IN": ["d:dd", "dd:dd"]}}
ZONE = {"LOWER": {"IN": ["gmt", "utc", "bst", "cet", "est", "edt", "et"]}, "OP": "?"}
CLOCK_UNIT = {"LOWER": {"IN": ["hour", "minute"]}}  # not "second": "a second battalion"
CLOCK_UNITS = {"LOWER": {"IN": ["hours", "minutes", "seconds"]}}

#: Token patterns for date expressions; plain data, serialisable like SpanRuler patterns.
#: Words that only position or hedge an expression ("early", "the end of", "a few")
#: are taken in by ``PREFIXES`` instead, so no pattern opens with an optional token.
PATTERNS: dict[str, list[list[dict]]] = {
    "DAY": [
        [MONTH, DAY, COMMA, YEAR], [DAY, OF, MONTH, COMMA, YEAR], [MONTH, DAY], [DAY, OF, MONTH],
        [{"SHAPE": "dddd-dd-dd"}], [YEAR, DASH, {"SHAPE": "dd"}, DASH, {"SHAPE": {"IN": _ISO_DAYS}}],
        [{"SHAPE": {"IN": _NUMERIC_DAYS}}],
        [WEEKDAY, OF, THIS_LAST_NEXT, {"LOWER": "week"}],  # "Tuesday last week", "Tuesday of last week"
        [WEEKDAY], [THIS_LAST_NEXT, WEEKDAY], [{"LOWER": "this"}, {"LOWER": "past"}, WEEKDAY], [DEIXIS], [{"LOWER": "this"}, DAY_PART],
        [{"LOWER": "last"}, {"LOWER": "night"}],
        [{"LOWER": "week"}, {"LOWER": "of"}, MONTH, DAY],
    ],
    "MONTH": [[MONTH, COMMA, YEAR], [MONTH, {"LOWER": "of"}, YEAR], [FULL_MONTH], [THIS_LAST_NEXT, FULL_MONTH],
              [{"LOWER": "month"}, {"LOWER": "of"}, MONTH],
              [FULL_MONTH, OF, THIS_LAST_NEXT, {"LOWER": "year"}],  # "March of last year", "January this year"
              # anaphoric: "that August", "October of that year"
              [{"LOWER": "that"}, FULL_MONTH], [FULL_MONTH, {"LOWER": "of"}, {"LOWER": "that"}, {"LOWER": "year"}],
              [{"LOWER": {"IN": ["following", "previous"]}}, FULL_MONTH]],  # "the following March"
    "PERIOD": [
        [REL, UNIT], [YEAR], [{"SHAPE": {"IN": ["ddddx", "dddd'x", "'ddx"]}}],  # "1980s", "1990's", "'90s"
        [{"LOWER": {"IN": _MID_YEAR_WORDS}}],
        YEARS, [YEAR_PAIR],
        [THIS_LAST_NEXT, SEASON], [{"LOWER": {"IN": ["the", "in"]}}, SEASON],
        [{"LOWER": {"IN": ["that", "following", "previous"]}}, SEASON],  # anaphoric: "that spring", "the following summer"
        # "spring 2002", "in spring 2002": longer than "in spring", so the year is kept
        *[[*opening, SEASON, *spec] for opening in ([], [{"LOWER": {"IN": ["the", "in"]}}]) for spec in IN_YEAR],
        *[[*period, *spec] for period in (QUARTER, HALF, SOME_MONTHS) for spec in IN_YEAR], QUARTER, HALF,
        [FISCAL, YEAR], [FISCAL, {"LOWER": "year"}, YEAR], [REL, FISCAL, {"LOWER": "year"}], [YEAR, FISCAL, {"LOWER": "year"}],
        # a fiscal year or season that straddles two: "the financial year 2022-23", "winter 2022/23"
        *[pattern for years in (YEARS, [YEAR_PAIR]) for pattern in (
            [FISCAL, *years], [FISCAL, {"LOWER": "year"}, *years], [{"LOWER": "fy"}, *years], [*years, FISCAL, {"LOWER": "year"}],
            *[[*opening, SEASON, OF, *years] for opening in ([], [{"LOWER": {"IN": ["the", "in"]}}])])],
        [{"LOWER": "fy"}, YEAR], [{"LOWER": {"IN": _FY_WORDS}}],
        [{"LOWER": {"IN": list(ORDINALS) + [f"{n}{s}" for n in range(1, 22) for s in ("st", "nd", "rd", "th")]}},
         {"LOWER": "century"}],  # "the twentieth century"
        [COUNT, UNITS, {"LOWER": {"IN": ["ago", "earlier", "later", "hence"]}}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, UNIT, {"LOWER": {"IN": ["ago", "earlier", "later", "hence"]}}],
        [COUNT, UNITS, {"LOWER": "from"}, {"LOWER": "now"}],
        [{"LOWER": {"IN": ["a", "an", "one"]}}, UNIT, {"LOWER": "from"}, {"LOWER": "now"}],
        [{"LOWER": "year"}, DASH, {"LOWER": {"IN": ["earlier", "ago", "end"]}}],  # "the year-earlier quarter"
        [{"LOWER": {"IN": ["year", "month"]}}, {"LOWER": {"IN": ["'s", "\u2019s"]}}, {"LOWER": "end"}],  # "by year's end"
        [{"LOWER": "weekend"}], [{"LOWER": {"IN": ["this", "last", "next", "past", "coming"]}}, {"LOWER": "weekend"}],
        [{"LOWER": "this"}, {"LOWER": "past"}, {"LOWER": {"IN": ["weekend", "week"]}}],  # "this past week": last week's
        # anaphoric: "that year", "the same day", "the day before"
        [{"LOWER": {"IN": ["that", "same"]}}, UNIT], [{"LOWER": "the"}, UNIT, {"LOWER": {"IN": ["before", "after"]}}],
        [{"LOWER": {"IN": ["end", "start", "beginning", "middle", "close", "turn"]}}, {"LOWER": "of"}, {"LOWER": "the"}, UNIT],
    ],
    "PRESENT": [[{"LOWER": "these"}, {"LOWER": "days"}],  # the single words: see _present
                [{"LOWER": "at"}, {"LOWER": "the"}, {"LOWER": "time"}]],
    # "every morning", "each season", "daily", "twice a week", "three times a year"
    "SET": [[{"LOWER": {"IN": ["every", "each"]}}, {"LOWER": {"IN": _SET_WORDS}}], [{"LOWER": {"IN": list(EVERY_WORDS)}}],
            [{"LOWER": {"IN": list(TIMES_WORDS)}}, PER, {"LOWER": {"IN": list(SET_UNITS)}}],
            [COUNT, {"LOWER": "times"}, PER, {"LOWER": {"IN": list(SET_UNITS)}}]],
    # "8 PM", "8:30 a.m.", "15:00 GMT Saturday", "Friday at 8 p.m.", "noon"
    "TIME": [[*clock, ZONE, *day] for clock in (CLOCK_AMPM, [CLOCK]) for day in ([], [WEEKDAY], [{"LOWER": "on"}, WEEKDAY])]
            + [[WEEKDAY, {"LOWER": "at"}, *clock, ZONE] for clock in (CLOCK_AMPM, [CLOCK])]
            + [[{"LOWER": {"IN": ["noon", "midday"]}}]],
    # "an hour", "90 minutes", "3:07:35", "hours"
    "HOURS": [[{"LOWER": {"IN": ["a", "an", "one"]}}, CLOCK_UNIT], [COUNT, HYPHEN, CLOCK_UNIT], [COUNT, CLOCK_UNITS],
              [{"LOWER": "half"}, {"LOWER": "an"}, {"LOWER": "hour"}], [CLOCK_UNITS], [{"SHAPE": {"IN": ["d:dd:dd", "dd:dd:dd"]}}]],
    # "June 28-30", "7–16 August 2008": a range of days, left out (and "June 28", "August 2008" with it).
    # "from 15 to 18 July", "between 10 and 12 May" too.
    "RANGE": [[*days, *year] for days in ([MONTH, DAY, DASH, DAY], [DAY, DASH, DAY, MONTH], [MONTH, DAYS], [DAYS, MONTH],
                                          [MONTH, DAY, TO, DAY], [DAY, TO, DAY, OF, MONTH],
                                          [{"LOWER": "between"}, DAY, {"LOWER": "and"}, DAY, OF, MONTH])
              for year in ([], [COMMA, YEAR])],
    "DURATION": [
        [COUNT, HYPHEN, UNIT], [{"LOWER": {"IN": ["a", "an"]}}, UNIT], [COUNT, UNITS],
        [{"LOWER": {"IN": ["past", "last", "next", "coming"]}}, COUNT, UNITS],
    ],
    "VAGUE": [[{"LOWER": {"IN": ["recent", "coming", "upcoming"]}}, UNITS], [UNITS],
              [UNITS, {"LOWER": {"IN": ["ago", "earlier", "later"]}}]],  # "several years ago": see PREFIXES
}

# Words a date expression may open with: "the end of 2011", "almost a year", "mid-2016".
PREFIXES = [
    ("the", "end", "of"), ("the", "start", "of"), ("the", "beginning", "of"), ("the", "middle", "of"),
    ("the", "turn", "of"), ("the", "close", "of"), ("end", "of"), ("the",), ("almost",), ("nearly",),
    ("more", "than"), ("less", "than"), ("about",), ("over",), ("the", "past"), ("the", "last"),
    ("the", "next"), ("the", "coming"), ("late",), ("early",), ("earlier",), ("later",), ("mid", "-"), ("mid",),
    ("middle",), ("a", "few"), ("the", "past", "few"), ("past", "few"), ("last", "few"), ("next", "few"), ("few",),
    ("several",),
]

TRIGGERS = frozenset([m.lower() for m in _FULL_MONTHS + _ABBR_MONTHS] + [w.lower() for w in WEEKDAY_NAMES]
                      + [w.lower() for w in WEEKDAY_ABBREVIATIONS] + _UNITS + [u + "s" for u in _UNITS] + list(SEASONS) + _YEAR_WORDS
                      + ["yesterday", "tomorrow", "today", "tonight", "half", "morning", "afternoon", "weekend",
                         "every", "each", "times", "time", "once", "twice", "thrice", "noon", "midday", "am", "pm",
                         "a.m.", "p.m.", "a.m", "p.m", "gmt", "utc", "hour", "hours", "minute", "minutes", "second",
                         "seconds"] + list(EVERY_WORDS) + [
                         "evening", "night", "overnight",
                         "fiscal", "financial", "fy"] + _FY_WORDS + _MID_YEAR_WORDS
                      + [name.split()[-1] for name in named_days()])  # "day", "eve"
