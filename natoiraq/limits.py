"""What every output format can hold, stated once.

A troop figure's bounds are whole numbers from 0 to 2**63 - 1 (SQLite's
INTEGER, and exact in JSON readers that use 64-bit integers); a larger one is
dropped with a warning. A date value is an ISO 8601 value whose year has four
digits, 0001 to 9999 (Python's ``date`` and every writer), or a decade's or
century's leading digits ("199", "19"); an expression
resolving outside that ("5000 years ago") keeps its text and offsets but gets no
value. A duration is ``P`` + a whole or decimal number (or ``X``, a vague one) + ``D``/``W``/``M``/``Y``
(``DE``/``CE`` vague decades, centuries), or ``PT`` + hours, minutes and seconds; a time is a day's
value (or none) + ``T`` + a clock time or a TimeML part of a day; a set a duration or an
``XXXX``-masked value; a reference ``PRESENT_REF``, ``PAST_REF`` or ``FUTURE_REF``.
"""

from __future__ import annotations

import re
from datetime import date

FIGURE_MAX = 2**63 - 1

_YEAR = r"(?!0000)\d{4}"
#: The shape of a date value at each granularity (see :mod:`natoiraq.parsing.dates.calendar`).
DATE_SHAPES = {
    "day": re.compile(rf"{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"),
    "week": re.compile(rf"{_YEAR}-W(?:0[1-9]|[1-4]\d|5[0-3])"),
    "month": re.compile(rf"{_YEAR}-(?:0[1-9]|1[0-2])"),
    "quarter": re.compile(rf"{_YEAR}-Q[1-4]"),
    "half": re.compile(rf"{_YEAR}-H[12]"),
    "season": re.compile(rf"{_YEAR}-2[1-4]"),
    "year": re.compile(rf"{_YEAR}(?:/{_YEAR})?"),  # a span of years: "2019/2020"
    "decade": re.compile(r"(?!000)\d{3}"),
    "century": re.compile(r"\d{2}"),
}
#: Granularities a later version may add: a value that opens with a year is accepted.
_OTHER = re.compile(rf"{_YEAR}(?:[-T][0-9A-Za-z:.-]*)?")
_DURATION = re.compile(r"P(?:(?:\d{1,18}(?:\.\d{1,18})?|X)(?:[DWMY]|DE|CE)|T(?:X[HMS]|(?:\d{1,18}(?:\.\d{1,18})?[HMS]){1,3}))")
_TIME = re.compile(rf"(?:{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))?T(?:[01]\d|2[0-3]):[0-5]\d|"
                   rf"(?:{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))?T(?:MO|MI|AF|EV|NI|DT)")
_SET = re.compile(r"XXXX-(?:XX-XXT(?:MO|MI|AF|EV|NI|DT)|SP|SU|FA|WI|WXX-[1-7])")
_REFERENCES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})


def figure_fits(*numbers: int | None) -> bool:
    """Whether every bound is a whole number SQLite and JSON readers hold exactly."""
    return all(n is None or (isinstance(n, int) and 0 <= n <= FIGURE_MAX) for n in numbers)


def date_value_fits(value: str | None, granularity: str, kind: str) -> bool:
    """Whether a resolved date value is one the calendar, the timeline and every writer can hold."""
    if value is None:
        return True
    if not isinstance(value, str):
        return False
    if kind == "duration":
        return bool(_DURATION.fullmatch(value))
    if kind == "set":
        return bool(_DURATION.fullmatch(value) or _SET.fullmatch(value))
    if kind == "time":
        return bool(_TIME.fullmatch(value))  # "2013-02-30TAF" keeps its shape check only
    if kind == "reference":
        return value in _REFERENCES
    if not DATE_SHAPES.get(granularity, _OTHER).fullmatch(value):
        return False
    if granularity == "day":  # "2015-02-30" has the shape but is no day
        try:
            date.fromisoformat(value)
        except ValueError:
            return False
    return True
