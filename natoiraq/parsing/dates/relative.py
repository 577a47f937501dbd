"""Expressions that count from the day of writing ("last week", "Tuesday", "three years ago") or
from another date of the text ("a year earlier", "the following month")."""

from __future__ import annotations

import re
from datetime import date

from natoiraq.parsing.dates.calendar import (DAY_PARTS, DAY_RE, MONTH_RE, MONTHS, NUM_RE, SEASONS, UNIT_RE,
                                             REFERENCE, WEEKDAY_RE, WEEKDAYS, DateValue, day_value, from_anchor,
                                             month_value, normalise, relative_period, shifted, week,
                                             weekday_value)
from natoiraq.parsing.dates.durations import FEW, count
from natoiraq.parsing.dates.times import PAST_REF, PRESENT
from natoiraq.parsing.periods import SEASON_MONTHS

def deictic(text: str) -> bool:
    """Whether an expression counts from the day of writing ("Tuesday", "last week", "now"), not
    only from the year a text is about ("in June", "December 1", "the third quarter", "Saturday May 4":
    a weekday with its month and day names the day, whatever the week of writing)."""
    t = _DATED_WEEKDAY.sub("", normalise(text))
    return bool(_DEICTIC.search(t)) or t in PRESENT or re.sub(r"^the\s+", "", t) in PRESENT


# "28-30", "15 to 18", "between 10 and 12": what joins the first and last day of a range
_TO = r"(?: ?- ?| (?:to|until|through) )"
_DAY_RANGE = re.compile(rf"{MONTH_RE} {DAY_RE}{_TO}(?P<last>\d{{1,2}})(?:st|nd|rd|th)?(?P<year> \d{{4}})?|"
                        rf"(?:between (?=\d+ and ))?{DAY_RE.replace('day>', 'day2>')}(?:{_TO}| and )(?P<last2>\d{{1,2}})"
                        rf"(?:st|nd|rd|th)? (?:of )?{MONTH_RE.replace('month>', 'month2>')}(?P<year2> \d{{4}})?")


def day_range(text: str) -> str | None:
    """The last day of a range of days ("June 28-30" -> "june 30", "7-16 August 2008" -> "16 august 2008",
    "from 15 to 18 July", "between 10 and 12 May"),
    which the conventions leave out; None for any other expression."""
    m = _DAY_RANGE.fullmatch(normalise(text))
    if m is None:
        return None
    if m["month"]:
        return f"{m['month']} {m['last']}{m['year'] or ''}"
    return f"{m['last2']} {m['month2']}{m['year2'] or ''}"


def anaphoric(text: str) -> bool:
    """Whether an expression counts from another date of the text ("a year earlier", "the following month")."""
    return bool(_ANAPHORIC.search(normalise(text)) or re.fullmatch(THE_NEXT, text.lower().strip()))


#: "the next day", "The next year, more came": the one after the date the text tells of, unlike "next year"; or,
#: "over the next decade", a stretch from now: either way, not the calendar's next one.
THE_NEXT = r"the next (?:day|morning|evening|night|week|month|quarter|year|decade|" + "|".join(
    [*SEASONS, *(m for m in MONTHS if len(m) > 3 or m == "may")]) + ")"  # "the next summer", "the next March"
#: "a year earlier", "the following month", "that August", "later that year", "in the spring of that year"
_ANAPHORIC = re.compile(r"\b(?:earlier|later|before|after)$|\b(?:following|previous)\b|\b(?:that|same) \w+$|"
                        r"\bof that year$")
_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|now|currently|ago|hence|this|last|next|past|coming|current|"
    r"previous|following|earlier|later|recent|upcoming|present|the (?:year|month|week|day)$|"
    r"(?:year|month|week)(?:'s |-| )end|"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b")


#: The weekday before a month and day ("thursday may 2", "monday 30 january"), which only confirms the day.
_DATED_WEEKDAY = re.compile(rf"^{WEEKDAY_RE}(?: {DAY_PARTS})? (?={MONTH_RE} \d|\d{{1,2}}(?:st|nd|rd|th)? (?:of )?{MONTH_RE.replace('month>', 'month2>')})")

_RELATION = r"(?P<rel>this|last|next|past|coming|previous|following|current)"
_TODAY = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
          "yesterday": -1, "last night": -1, "tomorrow": 1}
_DEIXIS = (r"(?P<deixis>today|tonight|this morning|this afternoon|this evening|last night|"
           rf"yesterday|tomorrow)(?: {DAY_PARTS})?")
_ANAPHORIC_SHIFTS = ("earlier", "before", "later", "after")


def _season_step(code: int, ref: date, tense: str | None) -> int:
    """Which year's season "in the autumn" is, from the reference's year: told in the past, the last one
    begun ("arrived in the autumn" in February is the year before's); ahead, one not yet over ("will
    arrive in the spring" in October is next year's); else this year's."""
    start = SEASON_MONTHS[code]
    if tense == "past" and start > ref.month:
        return -1
    if tense == "future" and start + 2 < ref.month:  # a season lasts three months
        return 1
    return 0


def _last_season(code: int, ref: date) -> int:
    """Which year's season "last summer" is, from the reference's year: the last one over before the
    reference's month ("last summer" in November is this year's, in July last year's). A winter is its
    December's year's."""
    # months counted from year 0: a season lasts three, and a winter's last (14) is February of the year after
    start = SEASON_MONTHS[code]
    return next(step for step in (0, -1, -2) if (ref.year + step) * 12 + start + 2 < ref.year * 12 + ref.month)


def relative(t: str, ref: date | None, tense: str | None, anchor: str | None) -> DateValue | None:
    t = re.sub(rf"^this past (?=week$|{WEEKDAY_RE}$)", "last ", t)  # "this past Sunday" is the last one
    m = re.fullmatch(_DEIXIS, t)
    if m:
        if ref is None:
            return DateValue(None, "day")
        return shifted(ref, "day", _TODAY[m["deixis"]])
    # "today (Friday)", "last night (Monday)": the weekday says which day, on or before the one meant.
    m = re.fullmatch(rf"{_DEIXIS} {WEEKDAY_RE}", t)
    if m:
        if ref is None:
            return DateValue(None, "day")
        meant = shifted(ref, "day", _TODAY[m["deixis"]])
        if meant.value is None:
            return meant
        day = date.fromisoformat(meant.value)
        return shifted(day, "day", -((day.weekday() - WEEKDAYS[m["weekday"]]) % 7))
    m = re.fullmatch(r"(?P<unit>year|month|week|quarter|decade|century)(?:(?:'s |-| )end)?", t)
    if m:  # "the end of the year", "by year-end", "by year's end"
        return relative_period(m["unit"], "this", ref)
    if t in ("year-earlier", "year-ago", "year earlier", "year ago"):  # "the year-earlier quarter"
        return from_anchor(anchor, ref, "year", -1) if t.endswith("earlier") else relative_period("year", "last", ref)
    m = re.fullmatch(r"(?:(?P<rel>this|last|next|past|coming|this past) )?weekend", t)
    if m:  # "over the weekend": the week of its Saturday
        relation = {"this past": "last", "past": "last", "coming": "next"}.get(m["rel"], m["rel"])
        saturday = weekday_value(5, ref, tense, relation)
        return DateValue(saturday and week(date.fromisoformat(saturday)), "week")
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{WEEKDAY_RE}(?: {DAY_PARTS})?", t) or \
        re.fullmatch(rf"{DAY_PARTS} of {WEEKDAY_RE}", t)
    if m:
        return DateValue(weekday_value(WEEKDAYS[m["weekday"]], ref, tense, m.groupdict().get("rel")), "day")
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?(?:{WEEKDAY_RE} )?{MONTH_RE} {DAY_RE}(?: {DAY_PARTS})?", t) \
        or re.fullmatch(rf"(?:(?P<rel>this|last|next) )?(?:{WEEKDAY_RE} )?{DAY_RE} (?:of )?{MONTH_RE}", t)
    if m:
        placed = month_value(MONTHS[m["month"]], ref, tense, m["rel"])
        if placed is None:
            return DateValue(None, "day")
        year, month = map(int, placed.split("-"))
        return day_value(year, month, int(m["day"])) or DateValue(None, "day")  # February 29 of 2022
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{MONTH_RE}", t)
    if m:
        return DateValue(month_value(MONTHS[m["month"]], ref, tense, m["rel"]), "month")
    m = re.fullmatch(r"(?:(?P<rel>this|last|next|past|coming) )?(?P<season>spring|summer|autumn|fall|winter)", t)
    if m:
        if ref is None:
            return DateValue(None, "season")
        code = SEASONS[m["season"]]
        step = {"next": 1, "coming": 1, "this": 0}.get(m["rel"] or "")
        if step is None:
            step = _season_step(code, ref, tense) if m["rel"] is None else _last_season(code, ref)
        return DateValue(f"{ref.year + step}-{code}", "season")
    m = re.fullmatch(r"(?:that|same) (?P<unit>day|week|month|year)", t)
    if m:  # "that year", "the same day": the date the sentence is about, or none
        return from_anchor(anchor, None, m["unit"], 0)
    m = re.fullmatch(rf"that {MONTH_RE}|{MONTH_RE.replace('month>', 'month2>')} of that year", t)
    if m:  # "that August", "October of that year": the month of the year the sentence is about, or none
        year = from_anchor(anchor, None, "year", 0).value
        return DateValue(year and f"{year}-{MONTHS[m['month'] or m['month2']]:02d}", "month")
    m = re.fullmatch(r"(?P<unit>day|week|month|year) (?P<dir>before|after)", t)
    if m:  # "the day before"
        return from_anchor(anchor, ref, m["unit"], -1 if m["dir"] == "before" else 1)
    m = re.fullmatch(r"following (?P<part>morning|evening|night)", t)
    if m:
        return from_anchor(anchor, ref, "day", 1)
    m = re.fullmatch(rf"(?:{_RELATION}|(?P<rel2>this|last|next|current|previous) fiscal) {UNIT_RE}", t)
    if m and not t.endswith("s"):
        relation = m["rel"] or m["rel2"]
        if relation in ("previous", "following"):  # "the following year": after the date the sentence is about
            return from_anchor(anchor, ref, m["unit"], 1 if relation == "following" else -1)
        if relation in ("past", "coming") and m["unit"] != "day":
            return None  # "the past year" is a stretch of time, handled as a duration
        return relative_period(m["unit"], relation, ref)
    m = re.fullmatch(rf"(?:{NUM_RE} )?{UNIT_RE}s (?P<dir>ago|earlier|later)", t)
    if m and (m["num"] is None or m["num"] in FEW):
        # "several years ago" points into the past; "years later" counts from a date the text gives
        return DateValue(PAST_REF if m["dir"] == "ago" else None, m["unit"], REFERENCE)
    m = re.fullmatch(rf"{NUM_RE} {UNIT_RE} (?P<dir>ago|earlier|before|later|after|from now|hence)", t)
    if m:
        amount = count(m["num"])
        if amount is None or not float(amount).is_integer():
            return None
        sign = -1 if m["dir"] in ("ago", "earlier", "before") else 1
        if m["dir"] in _ANAPHORIC_SHIFTS:  # "a year earlier": than the date the sentence is about
            return from_anchor(anchor, ref, m["unit"], sign * int(amount))
        if ref is None:
            return DateValue(None, m["unit"])
        return shifted(ref, m["unit"], sign * int(amount))
    return None
