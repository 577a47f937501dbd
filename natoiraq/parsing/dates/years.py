"""Parts of a year, named with their year or placed by it: "the third quarter of 2019", "the first
half", "January this year", "Christmas", "Election Day 2020"."""

from __future__ import annotations

import re
from datetime import date, timedelta

from natoiraq.lexicon import table
from natoiraq.parsing.dates.calendar import (DAY_RE, HALVES, MONTH_RE, MONTHS, QUARTERS, SEASONS, WEEKDAYS, YEAR_RE,
                                             YEAR_SPEC_RE, DateValue, normalise, period_year)

_QUARTER = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|final) quarter|(?P<qq>q[1-4])"
_HALF = r"(?P<h>first|second|1st|2nd|last|latter) half|(?P<hh>h[12])"


def _spec_year(m: re.Match, ref: date | None) -> tuple[bool, int | None]:
    """(whether the match names its year, that year): "2019", "fiscal 2013", "last year"."""
    if m["yspec"]:
        return True, int(re.search(r"\d{4}", m["yspec"])[0])
    if m["yrel"]:
        step = {"last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1}.get(m["yrel"].split()[-1], 0)
        return True, ref.year + step if ref else None
    return False, None


def period(t: str, ref: date | None, tense: str | None) -> DateValue | None:
    """Quarters, halves and months of a year named or implied: "the third quarter", "the first
    half of 2019", "January this year", "March of last year", "the first three months of 2024"."""
    spec = rf"(?: (?:of )?{YEAR_SPEC_RE})"
    m = re.fullmatch(rf"(?:{_QUARTER}){spec}?", t) or re.fullmatch(r"(?P<first>\d{4}) (?P<qq>q[1-4])", t)
    if m and not _previous(m, "q"):
        return _in_year(m, ref, tense, QUARTERS[m.groupdict().get("q") or m["qq"]], 4, "quarter", "Q")
    m = re.fullmatch(rf"(?:{_HALF}){spec}?", t) or re.fullmatch(r"(?P<first>\d{4}) (?P<hh>h[12])", t)
    if m and not _previous(m, "h"):
        return _in_year(m, ref, tense, HALVES[m.groupdict().get("h") or m["hh"]], 2, "half", "H")
    m = re.fullmatch(rf"(?P<end>first|last|final) (?P<n>three|3|six|6) months{spec}", t)
    if m:
        per_year = 4 if m["n"] in ("three", "3") else 2
        index = 1 if m["end"] == "first" else per_year
        return _in_year(m, ref, tense, index, per_year, *(("quarter", "Q") if per_year == 4 else ("half", "H")))
    m = re.fullmatch(rf"{MONTH_RE}{spec}", t)
    if m:
        year = _spec_year(m, ref)[1]
        return DateValue(None if year is None else f"{year}-{MONTHS[m['month']]:02d}", "month")
    m = re.fullmatch(rf"(?P<season>spring|summer|autumn|fall|winter){spec}", t)
    if m:
        year = _spec_year(m, ref)[1]
        return DateValue(None if year is None else f"{year}-{SEASONS[m['season']]}", "season")
    return _named_day(t, ref, tense)


def _previous(m: re.Match, group: str) -> bool:
    """ "last quarter" with no year is the one before this one, left to the relative grammar."""
    found = m.groupdict()
    return found.get(group) == "last" and not found.get("yspec") and not found.get("yrel")


def _in_year(m: re.Match, ref: date | None, tense: str | None, index: int, per_year: int,
             granularity: str, letter: str) -> DateValue:
    if m.groupdict().get("first"):
        year = int(m["first"])
    else:
        named, year = _spec_year(m, ref)
        if not named:
            year = period_year(index, per_year, ref, tense, None)
    return DateValue(None if year is None else f"{year}-{letter}{index}", granularity)


def _named_day(t: str, ref: date | None, tense: str | None) -> DateValue | None:
    """ "Christmas", "Election Day 2020": days named in ``data/dates.json``."""
    m = re.fullmatch(rf"(?P<name>.+?)(?: (?:of )?{YEAR_RE})?", t)
    rule = named_days().get(m["name"]) if m else None
    if rule is None:
        return None
    month = int(rule[-5:-3])
    year = int(m["year"]) if m["year"] else period_year(month, 12, ref, tense, None)
    if year is None:
        return DateValue(None, "day")
    day = date(year, month, int(rule[-2:]))
    if ">=" in rule:  # "tuesday>=11-02": the first Tuesday on or after November 2
        day += timedelta(days=(WEEKDAYS[rule.split(">=")[0]] - day.weekday()) % 7)
    return DateValue(day.isoformat(), "day")


_NAMED_EVENTS = table("dates")["named_events"]


def named_event(text: str, noun: str) -> str | None:
    """The day of the event a yearless date names where it modifies ``noun``, one of the event's nouns in
    ``data/dates.json`` ("Sept. 11" and "hijackers": 2001-09-11); None otherwise ("the September 11 vote")."""
    m = re.fullmatch(rf"{MONTH_RE} {DAY_RE}", normalise(text))
    event = _NAMED_EVENTS.get(f"{MONTHS[m['month']]:02d}-{int(m['day']):02d}") if m else None
    return event["day"] if event is not None and noun.lower() in event["nouns"] else None


def named_days() -> dict[str, str]:
    """Named days: "MM-DD", or "weekday>=MM-DD" for the first such weekday on or after that day."""
    return table("dates")["named_days"]
