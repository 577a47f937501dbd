"""The calendar the resolver counts on: names of months, weekdays and seasons, the value a
resolved expression gets (:class:`DateValue`), and stepping a date by days, weeks, months or years."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from natoiraq.parsing.periods import first_day

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
    "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3, "fri": 4, "sat": 5, "sun": 6,
}
SUNDAY = WEEKDAYS["sunday"]
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "q1": 1, "q2": 2, "q3": 3, "q4": 4, "last": 4, "final": 4}
HALVES = {"first": 1, "second": 2, "1st": 1, "2nd": 2, "h1": 1, "h2": 2, "last": 2, "latter": 2}
#: Ordinal words of centuries and days ("the twentieth century", "the third of May").
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty first": 21}
#: Parts of a day: "Sunday night" is Sunday.
DAY_PARTS = r"(?:morning|afternoon|evening|night|overnight)"

MONTH_RE = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
WEEKDAY_RE = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
DAY_RE = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
YEAR_RE = r"(?P<year>(?:1[89]|20)\d\d)"
# Which year a period is in: "2019", "last year", "fiscal 2013", "this fiscal year".
YEAR_SPEC_RE = (r"(?:(?P<yspec>(?:fiscal (?:year )?|fy ?)?(?:1[89]|20)\d\d(?: fiscal year)?)"
                r"|(?P<yrel>this|last|next|the current|current|the previous|previous|the past|the coming|the)"
                r" (?:fiscal |financial )?year)")
UNIT_RE = r"(?P<unit>day|week|month|year|decade|quarter|century)s?"
NUM_RE = r"(?P<num>[a-z0-9\-]+(?: [a-z]+)?)"


#: What a date expression is, in TimeML's terms: a place on the calendar, a stretch of time, a
#: recurring time, a time of day, or the present, past or future as a whole.
DATE, DURATION, SET, TIME, REFERENCE = "date", "duration", "set", "time", "reference"
KINDS = (DATE, DURATION, SET, TIME, REFERENCE)


@dataclass(frozen=True)
class DateValue:
    value: str | None
    granularity: str
    kind: str = DATE  # one of KINDS
    frequency: str | None = None  # a set's: "2X" for "twice a week"


def calendar_day(value: str) -> str:
    """The calendar part of a value: "2013-03-22TAF" -> "2013-03-22"; a date's value is itself."""
    return value.split("T")[0]


def week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def month_value(month: int, ref: date | None, tense: str | None, relation: str | None) -> str | None:
    """A month named without a year, placed by "last/next/this" or by tense."""
    year = period_year(month, 12, ref, tense, relation)
    return None if year is None else f"{year}-{month:02d}"


def period_year(index: int, per_year: int, ref: date | None, tense: str | None, relation: str | None) -> int | None:
    """The year of the ``index``-th of ``per_year`` periods (a month, a quarter, a half) named without one."""
    if ref is None:
        return None
    candidates = [ref.year - 1, ref.year, ref.year + 1]
    here = ref.year * per_year + (ref.month - 1) * per_year // 12 + 1
    offsets = {y: y * per_year + index - here for y in candidates}
    if relation == "this":
        year = ref.year
    elif relation == "last":
        year = max(y for y in candidates if offsets[y] < 0)
    elif relation == "next":
        year = min(y for y in candidates if offsets[y] > 0)
    elif tense == "past":
        year = max(y for y in candidates if offsets[y] <= 0)
    elif tense == "future":
        year = min(y for y in candidates if offsets[y] >= 0)
    else:
        year = min(candidates, key=lambda y: (abs(offsets[y]), y != ref.year))  # a tie: this year's
    return year if 1 <= year <= 9999 else None


def weekday_value(weekday: int, ref: date | None, tense: str | None, relation: str | None) -> str | None:
    """A weekday: "said on Tuesday" is the last one, "meet on Wednesday" the coming one."""
    if ref is None:
        return None
    ahead = (weekday - ref.weekday()) % 7  # 0..6 days forward
    behind = (ref.weekday() - weekday) % 7  # 0..6 days back
    if relation == "last":
        delta = -(behind or 7)
    elif relation == "next":
        delta = ahead or 7
    elif relation == "this":
        delta = weekday - ref.weekday()
    elif tense == "past":
        delta = -behind
    elif tense == "future":
        delta = ahead
    else:
        delta = ahead if ahead <= 3 else -behind
    return shifted(ref, "day", delta).value


def relative_period(unit: str, relation: str, ref: date | None) -> DateValue:
    """ "this week", "last month", "next year"."""
    if ref is None:
        return DateValue(None, unit)
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[relation]
    if unit == "week" and step == -1 and ref.weekday() == SUNDAY:
        step = 0  # a Sunday paper's "last week" is the working week just ended, in the Sunday's ISO week
    return shifted(ref, unit, step)


def day_value(year: int, month: int, day: int) -> DateValue | None:
    try:
        return DateValue(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


GRAIN = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4, "decade": 5,
          "century": 6}


def from_anchor(anchor: str | None, ref: date | None, unit: str, amount: int) -> DateValue:
    """``amount`` units from the date the sentence is about, else from the reference date."""
    grain = granularity_of(anchor) if anchor else None
    if grain is None:
        return DateValue(None, unit) if ref is None else shifted(ref, unit, amount)
    if GRAIN[unit] < GRAIN[grain]:
        return DateValue(None, unit)  # "two weeks later" than "2013": which week is not said
    return shifted(first_day(anchor), unit, amount)


def granularity_of(value: str) -> str | None:
    """The granularity of a calendar value ("2015-W26" -> "week"); None for durations and unknown forms."""
    for pattern, grain in _VALUE_FORMS:
        if re.fullmatch(pattern, value):
            return grain
    return None


_VALUE_FORMS = [(r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-W\d{2}", "week"), (r"\d{4}-(?:0[1-9]|1[0-2])", "month"),
                (r"\d{4}-Q[1-4]", "quarter"), (r"\d{4}-H[12]", "half"), (r"\d{4}-2[1-4]", "season"),
                (r"\d{4}(?:/\d{4})?", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century")]


def shifted(ref: date, unit: str, amount: int) -> DateValue:
    """``amount`` units from ``ref``, at the unit's granularity; no value past the calendar's ends."""
    try:
        if unit == "day":
            return DateValue((ref + timedelta(days=amount)).isoformat(), "day")
        if unit == "week":
            return DateValue(week(ref + timedelta(weeks=amount)), "week")
        if unit in ("month", "quarter"):
            year, month = shift_month(ref.year, ref.month, amount * (3 if unit == "quarter" else 1))
            value = f"{year}-Q{(month - 1) // 3 + 1}" if unit == "quarter" else f"{year}-{month:02d}"
        elif unit == "decade":
            year, value = ref.year + 10 * amount, str(ref.year // 10 + amount)
        elif unit == "century":
            year, value = ref.year + 100 * amount, f"{ref.year // 100 + amount:02d}"
        else:
            year, value = ref.year + amount, str(ref.year + amount)
    except (OverflowError, ValueError):  # "1000000 days ago"
        return DateValue(None, unit)
    return DateValue(value if 1 <= year <= 9999 else None, unit)


def normalise(text: str) -> str:
    """Lower case, one space, no opening preposition: "On  Tuesday," -> "tuesday"."""
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[\s,()]+", " ", text).strip(" .;:")  # "last night (Monday)" -> "last night monday"
    return re.sub(r"^(?:on|in|at|by|since|until|till|from|during|as of|before|after|the)\s+", "", text)
