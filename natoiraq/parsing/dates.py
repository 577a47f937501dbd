"""Date expressions resolved to calendar values.

``resolve_date("last December", date(2015, 6, 23))`` gives
``DateValue("2014-12", "month", "date")``. Values are ISO 8601 at the
expression's own granularity: ``2015-05-26`` (day), ``2015-W26`` (week),
``2014-12`` (month), ``2020-Q1`` (quarter), ``2019-21`` (season, ISO 8601-2:
21 spring … 24 winter), ``2011`` (year), ``199`` (decade); durations are ISO 8601
durations (``P3Y``). Relative expressions need the article's reference date;
without one their value is None, never "today".

``tense`` says which way a bare "Tuesday" or "in July" points: "past" (the
sentence reports), "future" (it announces), or None (nearest occurrence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from natoiraq.parsing.numbers import parse_number

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
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "q1": 1, "q2": 2, "q3": 3, "q4": 4, "last": 4, "final": 4}
UNITS = {"day": "day", "week": "week", "month": "month", "year": "year", "decade": "decade", "quarter": "quarter"}
DURATION_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "M", "decade": "Y"}
DURATION_FACTOR = {"quarter": 3, "decade": 10}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
_UNIT = r"(?P<unit>day|week|month|year|decade|quarter)s?"
_NUM = r"(?P<num>[a-z0-9\-]+(?: [a-z]+)?)"

# Words that place an expression inside its period without changing its
# granularity: "the end of 2011" is 2011, "earlier this month" is this month.
_POSITION = re.compile(
    r"^(?:(?:at|by|in|on|since|until|till|before|after|during|from|through)\s+)?"
    r"(?:the\s+)?(?:(?:very\s+)?(?:early|earlier|mid|middle|late|later|end|start|beginning|close|turn|first half|"
    r"second half|course|rest|remainder)(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+)?)",
)


@dataclass(frozen=True)
class DateValue:
    value: str | None
    granularity: str
    kind: str = "date"  # date | duration | vague


def _week(day: date) -> str:
    iso = day.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def _month_value(month: int, ref: date | None, tense: str | None, relation: str | None) -> str | None:
    """A month named without a year, placed by "last/next/this" or by tense."""
    if ref is None:
        return None
    candidates = [ref.year - 1, ref.year, ref.year + 1]
    here = ref.year * 12 + ref.month
    offsets = {y: y * 12 + month - here for y in candidates}
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
        year = min(candidates, key=lambda y: (abs(offsets[y]), offsets[y] > 0))
    return f"{year}-{month:02d}"


def _weekday_value(weekday: int, ref: date | None, tense: str | None, relation: str | None) -> str | None:
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
    return (ref + timedelta(days=delta)).isoformat()


def _relative_period(unit: str, relation: str, ref: date | None) -> DateValue:
    """ "this week", "last month", "next year"."""
    if ref is None:
        return DateValue(None, unit)
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[relation]
    if unit == "day":
        return DateValue((ref + timedelta(days=step)).isoformat(), "day")
    if unit == "week":
        return DateValue(_week(ref + timedelta(weeks=step)), "week")
    if unit == "month":
        year, month = _shift_month(ref.year, ref.month, step)
        return DateValue(f"{year}-{month:02d}", "month")
    if unit == "quarter":
        year, month = _shift_month(ref.year, ref.month, 3 * step)
        return DateValue(f"{year}-Q{(month - 1) // 3 + 1}", "quarter")
    if unit == "decade":
        return DateValue(str(ref.year // 10 + step), "decade")
    return DateValue(str(ref.year + step), "year")


def _duration(count: float, unit: str) -> DateValue:
    amount = count * DURATION_FACTOR.get(unit, 1)
    amount_text = str(int(amount)) if float(amount).is_integer() else str(amount)
    return DateValue(f"P{amount_text}{DURATION_CODES[unit]}", unit, "duration")


_FEW = frozenset({"a few", "few", "several", "some", "many", "couple of", "a couple of", "couple"})


def _count(text: str) -> float | None:
    text = text.strip().lower()
    if text in ("a", "an", "one"):
        return 1
    if text in _FEW:
        return None
    if text in ("half a", "half an"):
        return 0.5
    return parse_number(text)


def _normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2013", "-").replace("\u2014", "-")
    text = re.sub(r"[\s,]+", " ", text).strip(" .;:()")
    return re.sub(r"^(?:on|in|at|by|since|until|till|from|during|as of|before|after|the)\s+", "", text)


def resolve_date(text: str, reference: date | None = None, tense: str | None = None) -> DateValue | None:
    """What a date expression means, or None when it is not one."""
    t = _normalise(text)
    t = re.sub(r"^the\s+", "", t)
    # Modifiers that keep the granularity: "the end of 2011" -> 2011.
    positioned = _POSITION.sub("", t)
    if positioned != t and positioned:
        inner = resolve_date(positioned, reference, tense)
        if inner is not None and inner.kind == "date":
            return inner
    try:
        return _absolute(t) or _relative(t, reference, tense) or _duration_or_vague(t) or _explicit(text, reference)
    except OverflowError:  # "1000000 days ago": before year 1 or after 9999
        return None


_EXPLICIT = re.compile(r"\d{1,4}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)? of [a-z]+ \d{4}", re.IGNORECASE)


def _explicit(text: str, reference: date | None) -> DateValue | None:
    """Full dates in formats the grammar above does not spell out ("16/02/2021"), through dateparser.

    Only for expressions that carry their own year: dateparser's guesses about
    relative phrases are not the reporting conventions natoiraq follows.
    """
    if not _EXPLICIT.search(text):
        return None
    from dateparser.date import DateDataParser  # heavy: imported only when needed

    settings = {"PREFER_DAY_OF_MONTH": "first", "RETURN_TIME_AS_PERIOD": False, "DATE_ORDER": "DMY"}
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
    if "en" not in _PARSERS:
        _PARSERS["en"] = cls(languages=["en"], settings=settings)
    return _PARSERS["en"]


def _absolute(t: str) -> DateValue | None:
    m = re.fullmatch(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})", t)
    if m:
        return _day_value(int(m["year"]), int(m["month"]), int(m["day"]))
    m = re.fullmatch(rf"(?:{_WEEKDAY} )?{_MONTH} {_DAY} {_YEAR}", t) or re.fullmatch(
        rf"(?:{_WEEKDAY} )?{_DAY} (?:of )?{_MONTH} {_YEAR}", t)
    if m:
        return _day_value(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    m = re.fullmatch(rf"{_MONTH} (?:of )?{_YEAR}", t)
    if m:
        return DateValue(f"{m['year']}-{MONTHS[m['month']]:02d}", "month")
    m = re.fullmatch(rf"(?:(?P<season>spring|summer|autumn|fall|winter) (?:of )?){_YEAR}", t)
    if m:
        return DateValue(f"{m['year']}-{SEASONS[m['season']]}", "season")
    m = re.fullmatch(rf"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th|last|final) quarter (?:of )?{_YEAR}", t) or \
        re.fullmatch(rf"(?P<q>q[1-4]) {_YEAR}", t)
    if m:
        return DateValue(f"{m['year']}-Q{QUARTERS[m['q']]}", "quarter")
    m = re.fullmatch(r"(?:fiscal |fy ?)?(?P<year>(?:1[89]|20)\d\d)", t)
    if m:
        return DateValue(m["year"], "year")
    m = re.fullmatch(r"(?P<decade>(?:1[89]|20)\d)0'?s", t)
    if m:
        return DateValue(m["decade"], "decade")
    return None


def _day_value(year: int, month: int, day: int) -> DateValue | None:
    try:
        return DateValue(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


_RELATION = r"(?P<rel>this|last|next|past|coming|previous|following|current)"


def _relative(t: str, ref: date | None, tense: str | None) -> DateValue | None:
    if t in ("today", "yesterday", "tomorrow", "tonight", "this morning", "this afternoon", "this evening"):
        if ref is None:
            return DateValue(None, "day")
        delta = {"yesterday": -1, "tomorrow": 1}.get(t, 0)
        return DateValue((ref + timedelta(days=delta)).isoformat(), "day")
    if t in ("year", "month", "week", "quarter", "decade") or t in ("the year", "the month", "the week"):
        return _relative_period(t.split()[-1], "this", ref)  # "the end of the year"
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{_WEEKDAY}(?: (?:morning|afternoon|evening|night))?", t)
    if m:
        return DateValue(_weekday_value(WEEKDAYS[m["weekday"]], ref, tense, m["rel"]), "day")
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{_MONTH} {_DAY}", t) or \
        re.fullmatch(rf"(?:(?P<rel>this|last|next) )?{_DAY} (?:of )?{_MONTH}", t)
    if m:
        month_value = _month_value(MONTHS[m["month"]], ref, tense, m["rel"])
        if month_value is None:
            return DateValue(None, "day")
        year, month = map(int, month_value.split("-"))
        return _day_value(year, month, int(m["day"]))
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{_MONTH}", t)
    if m:
        return DateValue(_month_value(MONTHS[m["month"]], ref, tense, m["rel"]), "month")
    m = re.fullmatch(r"(?:(?P<rel>this|last|next|past|coming) )?(?P<season>spring|summer|autumn|fall|winter)", t)
    if m:
        if ref is None:
            return DateValue(None, "season")
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m["rel"] or "", 0)
        return DateValue(f"{ref.year + step}-{SEASONS[m['season']]}", "season")
    m = re.fullmatch(rf"{_RELATION} {_UNIT}", t)
    if m and not t.endswith("s"):
        if m["rel"] in ("past", "coming", "previous", "following") and m["unit"] != "day":
            return None  # "the past year" is a stretch of time, handled as a duration
        return _relative_period(m["unit"], m["rel"], ref)
    m = re.fullmatch(rf"{_NUM} {_UNIT} (?P<dir>ago|earlier|before|later|from now|hence)", t)
    if m:
        count = _count(m["num"])
        if count is None or not float(count).is_integer():
            return None
        if ref is None:
            return DateValue(None, m["unit"])
        sign = -1 if m["dir"] in ("ago", "earlier", "before") else 1
        return _shifted(ref, m["unit"], sign * int(count))
    return None


def _shifted(ref: date, unit: str, amount: int) -> DateValue:
    if unit == "day":
        return DateValue((ref + timedelta(days=amount)).isoformat(), "day")
    if unit == "week":
        return DateValue(_week(ref + timedelta(weeks=amount)), "week")
    if unit in ("month", "quarter"):
        year, month = _shift_month(ref.year, ref.month, amount * (3 if unit == "quarter" else 1))
        if unit == "quarter":
            return DateValue(f"{year}-Q{(month - 1) // 3 + 1}", "quarter")
        return DateValue(f"{year}-{month:02d}", "month")
    if unit == "decade":
        return DateValue(str(ref.year // 10 + amount), "decade")
    return DateValue(str(ref.year + amount), "year")


_VAGUE = re.compile(
    rf"^(?:(?:in|over|during|for)\s+)?(?:(?:just|only|barely|mere|some)\s+)?(?:the\s+)?(?:(?:recent|coming|past|last|next|previous|following|upcoming|few|"
    rf"several|many|some|a few|the next few|the past few|the last few|the coming few|next few|past few|last few)\s+)?"
    rf"(?:few\s+)?{_UNIT}$"
)


def _duration_or_vague(t: str) -> DateValue | None:
    # "three-year", "a decade", "almost a year", "the past two years", "18 months"
    m = re.fullmatch(rf"(?:(?:almost|nearly|about|around|roughly|more than|over|less than|under|some|just|only|"
                     rf"the (?:past|last|next|coming|previous|first|following)|(?:past|last|next|coming))\s+)*"
                     rf"{_NUM}[\s-]{_UNIT}(?:[\s-]long|[\s-]old)?", t)
    if m:
        count = _count(m["num"])
        if count is not None:
            return _duration(count, m["unit"])
        if m["num"] in _FEW:
            return DateValue(None, m["unit"], "vague")  # "a few weeks", "several months"
    m = re.fullmatch(rf"(?:almost |nearly |about |over |more than |less than |just )?(?:a|an|one) {_UNIT}", t)
    if m:
        return _duration(1, m["unit"])
    if re.fullmatch(r"(?:the\s+)?(?:past|last|coming|next)\s+(?P<unit>week|month|year|decade)", t):
        return _duration(1, re.sub(r".*\s", "", t))
    m = _VAGUE.match(t)
    if m and (t.endswith("s") or re.search(r"\b(?:recent|coming|upcoming)\b", t)):
        return DateValue(None, m["unit"], "vague")
    return None


def infer_reference(values: list[DateValue], today: date | None = None) -> date | None:
    """The reference date an undated article most likely has: its latest full date.

    Dates after ``today`` (when given) are plans, not the day of writing.
    """
    days = []
    for value in values:
        if value.granularity == "day" and value.kind == "date" and value.value:
            day = date.fromisoformat(value.value)
            if today is None or day <= today:
                days.append(day)
    return max(days) if days else None
