"""Dates that carry their own year: ISO 8601, "May 26, 2015", "fiscal 2013", "the 1990s", "16/02/2021"."""

from __future__ import annotations

import re
from collections.abc import Iterable

from natoiraq.parsing.dates.calendar import (DAY_RE, MONTH_RE, MONTHS, ORDINALS, SEASONS, WEEKDAY_RE, YEAR_RE,
                                             DateValue, day_value)

_EXPLICIT = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? of [a-z]+ \d{4}", re.IGNORECASE)

#: The orders a date in figures is read in: "05/06/2021" is 5 June day first, May 6 month first.
DAY_FIRST, MONTH_FIRST = "DMY", "MDY"
#: A date in figures with the year last ("13/05/2021", "5.13.21"), not a version number or a year-first date.
_NUMERIC = re.compile(r"(?<![\d/.])(\d{1,2})[/.](\d{1,2})[/.](?:\d{4}|\d\d)(?![\d/.])")


def numeric_order(texts: Iterable[str]) -> str:
    """The order a document writes its dates in figures: month first where one of them can only be read so
    ("05/13/2021") and none only day first ("13/05/2021"); else day first, the default."""
    proven = {MONTH_FIRST if int(second) > 12 else DAY_FIRST
              for text in texts for first, second in _NUMERIC.findall(text)
              if (int(first) > 12) != (int(second) > 12)}
    return MONTH_FIRST if proven == {MONTH_FIRST} else DAY_FIRST


def explicit(text: str, order: str = DAY_FIRST) -> DateValue | None:
    """Full dates in formats the grammar above does not spell out ("16/02/2021"), through dateparser;
    ``order`` is how the document writes dates in figures (:func:`numeric_order`).

    Only for expressions that carry their own year: dateparser's guesses about
    relative phrases are not the reporting conventions natoiraq follows.
    """
    if not _EXPLICIT.search(text):
        return None
    from dateparser.date import DateDataParser  # heavy: imported only when needed

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False, "DATE_ORDER": order}
    data = _date_parser(DateDataParser, settings).get_date_data(text)
    if data is None or data.date_obj is None:
        return None
    day = data.date_obj.date()
    if data.period == "month":
        return DateValue(f"{day.year}-{day.month:02d}", "month")
    if data.period == "year":
        return DateValue(str(day.year), "year")
    return DateValue(day.isoformat(), "day")


_PARSERS: dict = {}


def _date_parser(cls, settings):
    # English only: dateparser's language detection is slow and guesses wrong on short strings.
    order = settings["DATE_ORDER"]
    if order not in _PARSERS:
        _PARSERS[order] = cls(languages=["en"], settings=settings)
    return _PARSERS[order]


_CENTURY = r"(?P<nth>\d{1,2})(?:st|nd|rd|th)|(?P<word>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"


def absolute(t: str) -> DateValue | None:
    m = re.fullmatch(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:t\d\d:\d\d(?::\d\d)?z?)?", t)  # ISO 8601
    if m:
        return day_value(int(m["year"]), int(m["month"]), int(m["day"]))
    # "Saturday, May 4, 2019", "Wednesday - 16 October 2024"
    m = re.fullmatch(rf"(?:{WEEKDAY_RE} (?:- )?)?{MONTH_RE} {DAY_RE} (?:of )?{YEAR_RE}", t) or re.fullmatch(
        rf"(?:{WEEKDAY_RE} (?:- )?)?(?:the )?{DAY_RE} (?:of )?{MONTH_RE} (?:of )?{YEAR_RE}", t)
    if m:
        return day_value(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    m = re.fullmatch(rf"{MONTH_RE} (?:of )?{YEAR_RE}", t)
    if m:
        return DateValue(f"{m['year']}-{MONTHS[m['month']]:02d}", "month")
    # "winter 2022/23": a season that straddles two years is the first year's
    m = re.fullmatch(rf"(?:(?P<season>spring|summer|autumn|fall|winter) (?:of )?){YEAR_RE}(?:[-/](?P<next>\d\d(?:\d\d)?))?", t)
    if m and (not m["next"] or int(m["next"]) in (int(m["year"]) + 1, (int(m["year"]) + 1) % 100)):
        return DateValue(f"{m['year']}-{SEASONS[m['season']]}", "season")
    # "2019-20", "1962-63", "fiscal 2013-14": a span of years.
    m = re.fullmatch(r"(?:(?:fiscal|financial) (?:year )?|fy ?)?(?P<first>(?:1[89]|20)\d\d)[-/](?P<last>\d\d(?:\d\d)?)"
                     r"(?: (?:fiscal|financial) year| season)?", t)
    if m:
        first, last = int(m["first"]), int(m["last"])
        if last < 100:
            last += first // 100 * 100 + (100 if last < first % 100 else 0)
        return DateValue(f"{first}/{last}", "year") if first < last <= first + 10 else None
    # "2014", "fiscal 2013", "FY2013", "the year 2014", "the 2013 fiscal year"
    m = re.fullmatch(rf"(?:(?:fiscal|financial) (?:year )?|fy ?|year )?{YEAR_RE}(?: (?:fiscal|financial) year)?", t)
    if m:
        return DateValue(m["year"], "year")
    m = re.fullmatch(r"fy ?(?P<yy>\d\d)", t)
    if m:
        return DateValue(str(2000 + int(m["yy"])), "year")
    m = re.fullmatch(r"(?P<decade>(?:1[89]|20)\d)0'?s", t)
    if m:
        return DateValue(m["decade"], "decade")
    m = re.fullmatch(r"'?(?P<dd>\d)0'?s", t)  # "the '90s"
    if m:
        return DateValue(("19" if int(m["dd"]) >= 3 else "20") + m["dd"], "decade")
    m = re.fullmatch(rf"(?:{_CENTURY}) century", t)
    if m:
        nth = int(m["nth"]) if m["nth"] else ORDINALS[m["word"]]
        return DateValue(f"{nth - 1:02d}", "century") if 1 <= nth <= 21 else None
    return None
