"""Ordering ISO values of any granularity: the first day each one covers.

``first_day("2014-12")`` is 1 December 2014; weeks, quarters and halves, seasons
(ISO 8601-2: 21 spring … 24 winter), spans of years ("2019/2020"), decades
("199") and centuries ("19") are placed the same way,
so that a year, a month and a day can share one time axis.
"""

from __future__ import annotations

import re
from datetime import date

#: ISO 8601-2 season codes and the month each one starts in.
SEASON_MONTHS = {21: 3, 22: 6, 23: 9, 24: 12}


def first_day(value: str) -> date:
    """The first day an ISO value at any granularity covers; ValueError when it is not one (a
    duration, a vague span)."""
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        return date.fromisocalendar(int(m[1]), int(m[2]), 1)
    if m := re.fullmatch(r"(\d{4})-([QH])([1-4])", value):  # quarters, halves (TimeML's letters)
        return date(int(m[1]), (3 if m[2] == "Q" else 6) * (int(m[3]) - 1) + 1, 1)
    if m := re.fullmatch(r"(\d{4})-(2[1-4])", value):
        return date(int(m[1]), SEASON_MONTHS[int(m[2])], 1)
    if m := re.fullmatch(r"(\d{4})/\d{4}", value):  # a span of years, "2019/2020"
        return date(int(m[1]), 1, 1)
    if re.fullmatch(r"\d{3}", value):  # decade
        return date(int(value) * 10, 1, 1)
    if re.fullmatch(r"\d{2}", value):  # century
        return date(max(1, int(value) * 100), 1, 1)
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"not an ISO date value: {value!r}")
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> date:
    """The last day of a year, month or day value ("2020" → 2020-12-31); ValueError for other values."""
    if not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
        raise ValueError(f"not a year, month or day: {value!r}")
    start = first_day(value)
    if len(value) == 10:
        return start
    if len(value) == 4 or start.month == 12:
        return date(start.year, 12, 31)
    following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def bounds(value: str) -> tuple[date, date]:
    """The first and last day an ISO value at any granularity covers: "2019-21" (spring) is 1 March to
    31 May 2019, "201" 2010 to 2019; ValueError as for :func:`first_day`."""
    start = first_day(value)
    if re.fullmatch(r"\d{4}(-(0\d|1[0-2])(-\d{2})?)?", value):  # not a season: "2019-21" is spring
        return start, last_day(value)
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return start, date.fromordinal(start.toordinal() + 6)
    if m := re.fullmatch(r"\d{4}/(\d{4})", value):
        return start, date(int(m[1]), 12, 31)
    if re.fullmatch(r"\d{2,3}", value):
        return start, date(start.year + 10 ** (4 - len(value)) - 1, 12, 31)
    months = 6 if "-H" in value else 3  # a quarter or a season covers three months, a half six
    month = start.month - 1 + months  # the month after the period, counted from 0
    following = date(start.year + month // 12, month % 12 + 1, 1)
    return start, date.fromordinal(following.toordinal() - 1)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_SEASON_NAMES = {"21": "spring", "22": "summer", "23": "autumn", "24": "winter"}
_HALVES = {"1": "first half of", "2": "second half of"}


def _week(m: re.Match) -> str:
    day = date.fromisocalendar(int(m[1]), int(m[2]), 1)
    return f"week of {day.day} {_MONTHS[day.month - 1]} {day.year}"


#: Each ISO 8601-2 code a person would misread, and how people write it.
_READABLE = (
    (re.compile(r"(\d{4})-W(\d{2})"), _week),
    (re.compile(r"(\d{4})-Q([1-4])"), lambda m: f"Q{m[2]} {m[1]}"),
    (re.compile(r"(\d{4})-H([12])"), lambda m: f"{_HALVES[m[2]]} {m[1]}"),
    (re.compile(r"(\d{4})-(2[1-4])"), lambda m: f"{_SEASON_NAMES[m[2]]} {m[1]}"),
    (re.compile(r"(\d{4})/(\d{4})"), lambda m: f"{m[1]}–{m[2]}"),
    (re.compile(r"\d{2,3}"), lambda m: f"{m[0]}{'0' * (4 - len(m[0]))}s"),  # a decade, a century
)


def readable(value: str) -> str:
    """An ISO value as people write it: "2019-21" is "spring 2019", "2020-W06" "week of 3 Feb 2020",
    "2024-Q1" "Q1 2024", "201" "2010s", "19" "1900s", "2019/2020" "2019–2020". Days, months and years
    read as they are (and sort so); a value of no known shape is returned unchanged."""
    for pattern, written in _READABLE:
        if m := pattern.fullmatch(value):
            return written(m)
    return value


def iso_bounds(value: str | None) -> tuple[str | None, str | None]:
    """:func:`bounds` as ISO days, for machine outputs; (None, None) for a value that is not a period."""
    try:
        start, end = bounds(value) if value else (None, None)
    except ValueError:
        return None, None
    return (start.isoformat(), end.isoformat()) if start else (None, None)
