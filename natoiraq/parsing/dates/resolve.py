"""resolve_date: one expression, tried against each grammar in turn."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from natoiraq.parsing.dates.calendar import (DATE, DAY_RE, MONTH_RE, MONTHS, TIME, WEEKDAY_RE, WEEKDAYS, DateValue,
                                             calendar_day, granularity_of, normalise, week)
from natoiraq.parsing.dates.durations import duration_or_vague
from natoiraq.parsing.dates.iso import DAY_FIRST, absolute, explicit
from natoiraq.parsing.dates.relative import THE_NEXT, day_range, relative
from natoiraq.parsing.dates.times import clock, elapsed, every, reference, with_day
from natoiraq.parsing.dates.years import period

# Words that place an expression inside its period without changing its
# granularity: "the end of 2011" is 2011, "earlier this month" is this month.
_POSITION = re.compile(
    r"^(?:(?:at|by|in|on|since|until|till|before|after|during|from|through)\s+)?"
    r"(?:the\s+)?(?:(?:very\s+)?(?:early|earlier|mid|middle|late|later|end|start|beginning|close|turn|"
    r"course|rest|remainder)(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+)?)",
)


# Ages and adjectives of length: "a 22-year-old soldier", "a four-year-long mission".
_NOT_A_DATE = re.compile(r"(?:year|month|week|day|decade)s?[\s-](?:old|long)$")


@lru_cache(maxsize=20_000)  # a pure function of its arguments, asked the same questions all through a corpus
def resolve_date(text: str, reference: date | None = None, tense: str | None = None,
                 anchor: str | None = None, order: str = DAY_FIRST) -> DateValue | None:
    """What a date expression means, or None when it is not one; ``order``: how the document writes
    dates in figures (``iso.numeric_order``)."""
    result = _resolve(text, reference, tense, anchor, order)
    if result is not None and result.kind == "date" and result.value and granularity_of(result.value) is None:
        return DateValue(None, result.granularity)  # "next summer" of 9999: past the calendar's end
    return result


def _resolve(text: str, ref: date | None, tense: str | None, anchor: str | None, order: str) -> DateValue | None:
    t = normalise(text)
    if _NOT_A_DATE.search(t):
        return None
    said = re.sub(r"\s+", " ", text.lower()).strip(" .,;:")  # "at the moment", before its preposition goes
    if re.fullmatch(THE_NEXT, said):  # anaphoric, unlike "next week"
        t = "following " + said.split()[-1]
    t = re.sub(r"^the\s+", "", t)
    if (last := day_range(t)) is not None:
        return resolve_date(last, ref, tense, anchor, order)  # "June 28-30" holds until its last day
    # Modifiers that keep the granularity: "the end of 2011" -> 2011.
    positioned = _POSITION.sub("", t)
    if positioned != t and positioned:
        inner = resolve_date(positioned, ref, tense, anchor, order)
        if inner is not None and inner.kind == DATE:
            return inner
    try:
        return (reference(said) or reference(t) or every(t) or elapsed(t) or _time_of_day(t, ref, tense, anchor)
                or absolute(t) or _of_period(t, ref, tense) or _day_of_week(t, ref)
                or period(t, ref, tense) or relative(t, ref, tense, anchor) or duration_or_vague(t)
                or explicit(text, order))
    except OverflowError:  # "1000000 days ago": before year 1 or after 9999
        return None


def _time_of_day(t: str, ref: date | None, tense: str | None, anchor: str | None) -> DateValue | None:
    """ "8 pm", "15:00 gmt saturday", "friday afternoon", "last night": the day's value and the time
    (TimeML's ``2013-03-22TAF``, ``2013-03-22T20:00``). A bare clock time ("at 6.35 am", a live blog's
    "09:02") names no day: it is on the day the text is telling of, not always the reference's (``T20:00``)."""
    found = clock(t)
    if found is None:
        return None
    time, day_text = found
    if not day_text:
        return DateValue(with_day(None, time), "minute", TIME)
    day = resolve_date(day_text, ref, tense, anchor)
    if day is None or day.granularity != "day" or day.kind != DATE:
        return None  # "the following morning" is anaphoric: the relative grammar's
    grain = "minute" if ":" in time else "day"
    return DateValue(with_day(day.value, time) if day.value else None, grain, TIME)


def _of_period(t: str, ref: date | None, tense: str | None) -> DateValue | None:
    """ "the month of September", "the week of March 3": the named month, the week of the named day."""
    m = re.fullmatch(r"(?P<unit>month|week) of (?P<inner>.+)", t)
    inner = resolve_date(m["inner"], ref, tense) if m else None
    if inner is None:
        return None
    if m["unit"] == "month":
        return inner if inner.granularity == "month" else None
    if inner.granularity == "day":
        return DateValue(inner.value and week(date.fromisoformat(inner.value)), "week")
    return None


_DAY_OF_WEEK = re.compile(rf"{WEEKDAY_RE} (?:of )?(?P<week>(?:last|this|next) week)")


def _day_of_week(t: str, ref: date | None) -> DateValue | None:
    """ "Tuesday last week", "Friday next week", "Tuesday of last week": that weekday in the week "last week" or "next week" is."""
    m = _DAY_OF_WEEK.fullmatch(t)
    if m is None:
        return None
    week_value = resolve_date(m["week"], ref)
    if week_value is None or not week_value.value:
        return DateValue(None, "day")
    year, number = week_value.value.split("-W")
    return DateValue(date.fromisocalendar(int(year), int(number), WEEKDAYS[m["weekday"]] + 1).isoformat(), "day")


#: A weekday with its month and day and no year ("Saturday May 4", "Thursday, 2 May").
_PINNED = re.compile(rf"^(?:on\s+)?{WEEKDAY_RE},?\s+(?:{MONTH_RE}\s+{DAY_RE}|{DAY_RE.replace('day>', 'day2>')}\s+(?:of\s+)?"
                     rf"{MONTH_RE.replace('month>', 'month2>')})$")
#: How many years after the latest year a text names its weekday-dated day may fall.
_PIN_AHEAD = 6


def pinned(text: str, years: list[int]) -> date | None:
    """The day a weekday pins to a month and day ("Saturday May 4") in the first year, from the
    latest one the text names on, where that day is that weekday; None when nothing fits."""
    m = _PINNED.match(normalise(text))
    if m is None or not years:
        return None
    month = MONTHS[(m["month"] or m["month2"]).lower()]
    day = int(m["day"] or m["day2"])
    weekday = WEEKDAYS[m["weekday"].lower()]
    for year in range(max(years), max(years) + _PIN_AHEAD + 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            return None
        if candidate.weekday() == weekday:
            return candidate
    return None


def infer_reference(values: list[DateValue], today: date | None = None, texts: list[str] = ()) -> date | None:
    """The reference date an undated article most likely has: its latest full date, or a later day
    that a weekday pins ("Saturday May 4" after a "July 26, 2023" is 2024-05-04).

    Dates after ``today`` (when given) are plans, not the day of writing.
    """
    days = []
    for value in values:
        # a full date, or a time on one ("2004-10-06 14:08" on a byline)
        if value.kind in (DATE, TIME) and value.value and granularity_of(calendar_day(value.value)) == "day":
            day = date.fromisoformat(calendar_day(value.value))
            if today is None or day <= today:
                days.append(day)
    years = [int(v.value[:4]) for v in values if v.kind == "date" and v.value and v.value[:4].isdigit()]
    days += [d for text in texts if (d := pinned(text, years)) is not None and (today is None or d <= today)]
    return max(days) if days else None
