"""TimeML's other kinds of time: the present, past and future as a whole (``PRESENT_REF``), the
time of a day ("8 PM" is ``T20:00``, "Friday afternoon" ``2013-03-22TAF``), and sets ("every
morning" is ``XXXX-XX-XXTMO``, "weekly" ``P1W``, "twice a week" ``P1W`` twice).

A time of day on a day is the day's value with ``T`` and the time; the day is resolved by the
caller (:mod:`.resolve`), so these grammars only take the clock and day-part words apart.
"""

from __future__ import annotations

import re

from natoiraq.parsing.dates.calendar import DAY_PARTS, DURATION, REFERENCE, SET, WEEKDAY_RE, WEEKDAYS, DateValue
from natoiraq.parsing.numbers import parse_number

PRESENT_REF, PAST_REF, FUTURE_REF = "PRESENT_REF", "PAST_REF", "FUTURE_REF"
#: Words for the time of writing as a whole: "currently 900 troops".
PRESENT = frozenset({"now", "currently", "present", "at present", "these days", "nowadays", "presently",
                     "at the moment", "right now", "at this time", "the present day", "present day"})
#: The past and the future as a whole, and the vague stretches that point there ("years ago").
PAST = frozenset({"the past", "past", "formerly", "recently", "previously", "once", "in the past", "at the time",
                  "in recent times"})
FUTURE = frozenset({"the future", "future", "the near future", "near future", "soon", "in the future",
                    "in the near future", "in the coming years"})
#: TimeML's parts of a day.
DAY_PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                  "tonight": "NI", "midday": "MI", "noon": "MI", "daytime": "DT"}
#: "daily", "weekly": a set of periods, each once.
EVERY_WORDS = {"hourly": "hour", "daily": "day", "nightly": "day", "weekly": "week", "monthly": "month",
               "quarterly": "quarter", "annually": "year", "yearly": "year"}
SET_UNITS = {"hour": "PT1H", "day": "P1D", "week": "P1W", "month": "P1M", "year": "P1Y", "quarter": "P3M",
             "season": "P3M", "decade": "P10Y"}
SEASON_CODES = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
TIMES_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_TIME_ZONES = r"(?: (?:gmt|utc|z|local time|local|et|est|edt|bst|cet|cest))?"


def reference(t: str) -> DateValue | None:
    """ "now", "currently": PRESENT_REF; "in the past", "formerly": PAST_REF; "the future": FUTURE_REF."""
    for words, value, grain in ((PRESENT, PRESENT_REF, "day"), (PAST, PAST_REF, "past"),
                                (FUTURE, FUTURE_REF, "future")):
        if t in words:
            return DateValue(value, grain, REFERENCE)
    return None


def clock(t: str) -> tuple[str, str] | None:
    """ "8 pm friday" -> ("20:00", "friday"); "15:00 gmt" -> ("15:00", ""); a part of a day ->
    ("AF", "friday") for "friday afternoon". None when ``t`` names no time of day."""
    m = re.fullmatch(r"(?P<before>.*?)(?:^| )(?:at )?(?P<h>\d{1,2})(?:[:.](?P<m>\d\d))? ?(?P<ampm>[ap])\.?m\.?"
                     rf"{_TIME_ZONES}(?: (?:on )?(?P<after>.+))?", t) or re.fullmatch(
        rf"(?P<before>.*?)(?:^| )(?:at )?(?P<h>[012]?\d)[:h](?P<m>[0-5]\d){_TIME_ZONES}(?: (?:on )?(?P<after>.+))?", t)
    if m:
        hour = int(m["h"]) % 12 + (12 if m.groupdict().get("ampm") == "p" else 0) if m.groupdict().get("ampm") \
            else int(m["h"])
        if hour > 23:
            return None
        # "friday july 4th 2025 - 09:45 utc": the day, without what divides it from the time
        return f"{hour:02d}:{m['m'] or '00'}", " ".join(p for p in (m["before"].rstrip(" -;|"), m["after"]) if p).strip()
    m = re.fullmatch(rf"{WEEKDAY_RE} (?P<part>{DAY_PARTS}) (?P<date>.+)", t)
    if m:  # "wed. evening jan. 10 2007": the part of the day the date names
        return DAY_PART_CODES[m["part"]], f"{m['weekday']} {m['date']}"
    m = re.fullmatch(r"(?P<day>)(?P<part>tonight|noon|midday)", t) or re.fullmatch(
        rf"(?P<day>.*?) ?(?:(?:in|on) the )?(?P<part>{DAY_PARTS})(?: of (?P<of>.+))?", t)
    if m and (m["day"] or m.groupdict().get("of") or m["part"] in ("tonight", "noon", "midday")):
        day = m.groupdict().get("of") or m["day"]
        if day == "last":  # "last night": yesterday's
            day = "yesterday"
        return DAY_PART_CODES[m["part"]], "today" if day in ("", "this") else day
    return None


def with_day(day_value: str | None, time: str) -> str:
    """ "2013-03-22" and "AF" -> "2013-03-22TAF"; no day: "T20:00"."""
    return f"{day_value or ''}T{time}"


def elapsed(t: str) -> DateValue | None:
    """A stretch of clock time: "an hour" PT1H, "90 minutes" PT90M, "3:07:35" PT3H7M35S, "hours" PTXH."""
    m = re.fullmatch(r"(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)", t)
    if m:
        return DateValue(f"PT{int(m['h'])}H{int(m['m'])}M{int(m['s'])}S", "second", DURATION)
    m = re.fullmatch(r"(?:(?:about|almost|nearly|more than|less than|over|some|just|(?:the )?(?:past|last|next))\s+)?"
                     r"(?P<num>an?|one|half an|[\w.-]+?)[\s-](?P<unit>hour|minute|second)s?", t)
    if m:
        amount = 0.5 if m["num"] == "half an" else 1 if m["num"] in ("a", "an", "one") else parse_number(m["num"])
        if amount is not None:
            text = str(int(amount)) if float(amount).is_integer() else str(amount)
            return DateValue(f"PT{text}{m['unit'][0].upper()}", m["unit"], DURATION)
    m = re.fullmatch(r"(?:(?:for|in|over) )?(?:several |a few |many |some |(?:the )?(?:past |last |next )?(?:few )?)?"
                     r"(?P<unit>hour|minute|second)s", t)
    if m:
        return DateValue(f"PTX{m['unit'][0].upper()}", m["unit"], DURATION)
    return None


def every(t: str) -> DateValue | None:
    """A set: "daily", "every morning", "each season", "every winter", "every Monday", "twice a week"."""
    if t in EVERY_WORDS:
        return DateValue(SET_UNITS[EVERY_WORDS[t]], EVERY_WORDS[t], SET)
    m = re.fullmatch(r"(?:every|each) (?P<what>\w+)", t)
    if m:
        what = m["what"]
        if what in SET_UNITS:
            return DateValue(SET_UNITS[what], what, SET)
        if what in DAY_PART_CODES:
            return DateValue(f"XXXX-XX-XXT{DAY_PART_CODES[what]}", "day", SET)
        if what in SEASON_CODES:
            return DateValue(f"XXXX-{SEASON_CODES[what]}", "season", SET)
        if what in WEEKDAYS:
            return DateValue(f"XXXX-WXX-{WEEKDAYS[what] + 1}", "day", SET)
    m = re.fullmatch(r"(?P<times>\w+)(?: times)? (?:a|an|per|each|every) (?P<unit>\w+)", t)
    if m and m["unit"] in SET_UNITS and (m["times"] in TIMES_WORDS or m.group(0).split()[1] == "times"):
        times = TIMES_WORDS.get(m["times"]) or parse_number(m["times"])
        if times:
            return DateValue(SET_UNITS[m["unit"]], m["unit"], SET, f"{int(times)}X")
    return None
