"""TimeML values as people write them, for the terminal and the report: "P3M" is "three months",
"PXM" "several months", "XXXX-XX-XXTMO" "every morning", "2013-03-22TAF" "Friday afternoon 2013-03-22"."""

from __future__ import annotations

import re
from datetime import date

from natoiraq.parsing.dates.calendar import DURATION, REFERENCE, SET, TIME

_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year", "DE": "decade", "CE": "century", "H": "hour",
          "S": "second"}
_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
_PARTS = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_FREQUENCIES = {"1X": "once", "2X": "twice", "3X": "three times"}


def _amount(number: str, unit: str) -> str:
    """ "3", "M" -> "three months"; "X", "M" -> "several months"; "1", "M" -> "a month"."""
    name = _UNITS[unit] if unit != "M" or number != "X" else "month"
    if number == "X":
        return f"several {name}s" if name != "century" else "several centuries"
    if number == "1":
        return f"an {name}" if name[0] in "h" else f"a {name}"
    spelt = _SMALL[int(number)] if number.isdigit() and int(number) < len(_SMALL) else number
    return f"{spelt} {name}s" if name != "century" else f"{spelt} centuries"


def _duration(value: str) -> str | None:
    m = re.fullmatch(r"PT?(\d+(?:\.\d+)?|X)(DE|CE|[DWMYHS])", value)
    if m:
        unit = "MI" if value.startswith("PT") and m[2] == "M" else m[2]
        return _amount(m[1], unit) if unit != "MI" else _amount(m[1], "M").replace("month", "minute")
    return None


def spoken(value: str | None, kind: str, frequency: str | None = None) -> str | None:
    """How a person writes a duration, set, time or reference; None for a calendar date (its value
    reads as it is) or a value of no known shape."""
    if value is None:
        return None
    if kind == REFERENCE:
        return _REFERENCES.get(value)
    if kind == DURATION:
        return _duration(value)
    if kind == SET:
        if m := re.fullmatch(r"XXXX-XX-XXT(\w\w)", value):
            return f"every {_PARTS[m[1]]}"
        if m := re.fullmatch(r"XXXX-(SP|SU|FA|WI)", value):
            return f"every {_SEASONS[m[1]]}"
        if m := re.fullmatch(r"XXXX-WXX-([1-7])", value):
            return f"every {_WEEKDAYS[int(m[1]) - 1]}"
        length = _duration(value)
        if length is None:
            return None
        each = re.sub(r"^an? ", "", length)
        return f"{_FREQUENCIES.get(frequency, frequency)} a {each}" if frequency else f"every {each}"
    if kind == TIME:
        day, _, time = value.partition("T")
        when = _PARTS.get(time, time)
        if not day:
            return when
        return f"{_WEEKDAYS[date.fromisoformat(day).weekday()]} {when} {day}"
    return None
