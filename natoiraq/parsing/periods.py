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
