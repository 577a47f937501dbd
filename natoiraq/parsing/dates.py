"""Date expressions resolved to calendar values.

``resolve_date("last December", date(2015, 6, 23))`` gives
``DateValue("2014-12", "month", "date")``. Values are ISO 8601 at the
expression's own granularity: ``2015-05-26`` (day), ``2015-W26`` (week),
``2014-12`` (month), ``2020-Q1`` (quarter), ``2019-H1`` (half year),
``2019-21`` (season, ISO 8601-2: 21 spring … 24 winter), ``2011`` (year; a
fiscal year is the year it is named for), ``2019/2020`` (a span of years,
"2019-20"), ``199`` (decade), ``20`` (century: the 21st); durations are ISO 8601
durations (``P3Y``). Relative expressions need the article's reference date;
without one their value is None, never "today". "now" and "currently" are the
reference date itself.

``tense`` says which way a bare "Tuesday" or "in July" points: "past" (the
sentence reports), "future" (it announces), or None (nearest occurrence).
``anchor`` is the date the sentence is about ("in 2013 ... a year earlier"):
anaphoric expressions count from it, else from the reference date.
The resolver never raises: a value it cannot compute ("1000000 days ago") is None.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from natoiraq.lexicon import table
from natoiraq.parsing.numbers import parse_number
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
SEASONS = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
QUARTERS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
            "q1": 1, "q2": 2, "q3": 3, "q4": 4, "last": 4, "final": 4}
HALVES = {"first": 1, "second": 2, "1st": 1, "2nd": 2, "h1": 1, "h2": 2, "last": 2, "latter": 2}
#: Ordinal words of centuries and days ("the twentieth century", "the third of May").
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "twenty-first": 21, "twenty first": 21}
#: Words for the time of writing: "currently 900 troops" is dated by them.
PRESENT = frozenset({"now", "currently", "present", "at present", "these days", "nowadays", "presently",
                     "at the moment", "right now", "at this time", "today", "tonight", "this morning",
                     "this afternoon", "this evening", "the present day", "present day"})
#: Past and future references with no value: TimeML's PAST_REF and FUTURE_REF.
PAST_OR_FUTURE = frozenset({"the past", "past", "the future", "future", "formerly", "the near future",
                            "near future", "recently", "previously", "once", "soon", "in the past", "in the future"})
#: Parts of a day: "Sunday night" is Sunday.
DAY_PARTS = r"(?:morning|afternoon|evening|night|overnight)"
DURATION_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "M", "decade": "Y", "century": "Y"}
DURATION_FACTOR = {"quarter": 3, "decade": 10, "century": 100}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_WEEKDAY = r"(?P<weekday>" + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
# Which year a period is in: "2019", "last year", "fiscal 2013", "this fiscal year".
_YEAR_SPEC = (r"(?:(?P<yspec>(?:fiscal (?:year )?|fy ?)?(?:1[89]|20)\d\d(?: fiscal year)?)"
              r"|(?P<yrel>this|last|next|the current|current|the previous|previous|the past|the coming)"
              r" (?:fiscal |financial )?year)")
_UNIT = r"(?P<unit>day|week|month|year|decade|quarter|century)s?"
_NUM = r"(?P<num>[a-z0-9\-]+(?: [a-z]+)?)"

# Words that place an expression inside its period without changing its
# granularity: "the end of 2011" is 2011, "earlier this month" is this month.
_POSITION = re.compile(
    r"^(?:(?:at|by|in|on|since|until|till|before|after|during|from|through)\s+)?"
    r"(?:the\s+)?(?:(?:very\s+)?(?:early|earlier|mid|middle|late|later|end|start|beginning|close|turn|"
    r"course|rest|remainder)(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+)?)",
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
    year = _period_year(month, 12, ref, tense, relation)
    return None if year is None else f"{year}-{month:02d}"


def _period_year(index: int, per_year: int, ref: date | None, tense: str | None, relation: str | None) -> int | None:
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
    return _shifted(ref, "day", delta).value


def _relative_period(unit: str, relation: str, ref: date | None) -> DateValue:
    """ "this week", "last month", "next year"."""
    if ref is None:
        return DateValue(None, unit)
    step = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "following": 1}[relation]
    return _shifted(ref, unit, step)


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
    text = re.sub(r"[\s,()]+", " ", text).strip(" .;:")  # "last night (Monday)" -> "last night monday"
    return re.sub(r"^(?:on|in|at|by|since|until|till|from|during|as of|before|after|the)\s+", "", text)


# Ages and adjectives of length: "a 22-year-old soldier", "a four-year-long mission".
_NOT_A_DATE = re.compile(r"(?:year|month|week|day|decade)s?[\s-](?:old|long)$")


def resolve_date(text: str, reference: date | None = None, tense: str | None = None,
                 anchor: str | None = None) -> DateValue | None:
    """What a date expression means, or None when it is not one."""
    result = _resolve(text, reference, tense, anchor)
    if result is not None and result.kind == "date" and result.value and granularity_of(result.value) is None:
        return DateValue(None, result.granularity)  # "next summer" of 9999: past the calendar's end
    return result


def _resolve(text: str, reference: date | None, tense: str | None, anchor: str | None) -> DateValue | None:
    t = _normalise(text)
    if _NOT_A_DATE.search(t):
        return None
    said = re.sub(r"\s+", " ", text.lower()).strip(" .,;:")  # "at the moment", before its preposition goes
    if re.fullmatch(_THE_NEXT, said):  # anaphoric, unlike "next week"
        t = "following " + said.split()[-1]
    t = re.sub(r"^the\s+", "", t)
    # Modifiers that keep the granularity: "the end of 2011" -> 2011.
    positioned = _POSITION.sub("", t)
    if positioned != t and positioned:
        inner = resolve_date(positioned, reference, tense, anchor)
        if inner is not None and inner.kind == "date":
            return inner
    try:
        return (_present(said, reference) or _present(t, reference) or _absolute(t) or _period(t, reference, tense)
                or _relative(t, reference, tense, anchor) or _duration_or_vague(t) or _explicit(text, reference))
    except OverflowError:  # "1000000 days ago": before year 1 or after 9999
        return None


def deictic(text: str) -> bool:
    """Whether an expression counts from the day of writing ("Tuesday", "last week", "now"), not
    only from the year a text is about ("in June", "December 1", "the third quarter")."""
    t = _normalise(text)
    return bool(_DEICTIC.search(t)) or t in PRESENT or re.sub(r"^the\s+", "", t) in PRESENT


def anaphoric(text: str) -> bool:
    """Whether an expression counts from another date of the text ("a year earlier", "the following month")."""
    return bool(_ANAPHORIC.search(_normalise(text)) or re.fullmatch(_THE_NEXT, text.lower().strip()))


_THE_NEXT = r"the next (?:day|morning|evening|night)"
_ANAPHORIC = re.compile(r"\b(?:earlier|later|before|after)$|\b(?:following|previous)\b|^(?:that|same) \w+$")
_DEICTIC = re.compile(
    r"\b(?:today|tonight|yesterday|tomorrow|now|currently|ago|hence|this|last|next|past|coming|current|"
    r"previous|following|earlier|later|recent|upcoming|present|the (?:year|month|week|day)$|"
    + "|".join(sorted(WEEKDAYS, key=len, reverse=True)) + r")\b")


def _present(t: str, ref: date | None) -> DateValue | None:
    """ "now", "currently", "at present": the reference date. "in the past", "formerly": no value."""
    if t in PRESENT:
        return DateValue(ref.isoformat() if ref else None, "day")
    if t in PAST_OR_FUTURE:
        return DateValue(None, "future" if "future" in t or t == "soon" else "past", "vague")
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


_CENTURY = r"(?P<nth>\d{1,2})(?:st|nd|rd|th)|(?P<word>" + "|".join(sorted(ORDINALS, key=len, reverse=True)) + ")"


def _absolute(t: str) -> DateValue | None:
    m = re.fullmatch(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:t\d\d:\d\d(?::\d\d)?z?)?", t)  # ISO 8601
    if m:
        return _day_value(int(m["year"]), int(m["month"]), int(m["day"]))
    m = re.fullmatch(rf"(?:{_WEEKDAY} )?{_MONTH} {_DAY} (?:of )?{_YEAR}", t) or re.fullmatch(
        rf"(?:{_WEEKDAY} )?(?:the )?{_DAY} (?:of )?{_MONTH} (?:of )?{_YEAR}", t)
    if m:
        return _day_value(int(m["year"]), MONTHS[m["month"]], int(m["day"]))
    m = re.fullmatch(rf"{_MONTH} (?:of )?{_YEAR}", t)
    if m:
        return DateValue(f"{m['year']}-{MONTHS[m['month']]:02d}", "month")
    m = re.fullmatch(rf"(?:(?P<season>spring|summer|autumn|fall|winter) (?:of )?){_YEAR}", t)
    if m:
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
    m = re.fullmatch(rf"(?:(?:fiscal|financial) (?:year )?|fy ?|year )?{_YEAR}(?: (?:fiscal|financial) year)?", t)
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


def _day_value(year: int, month: int, day: int) -> DateValue | None:
    try:
        return DateValue(date(year, month, day).isoformat(), "day")
    except ValueError:
        return None


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


def _period(t: str, ref: date | None, tense: str | None) -> DateValue | None:
    """Quarters, halves and months of a year named or implied: "the third quarter", "the first
    half of 2019", "January this year", "March of last year", "the first three months of 2024"."""
    spec = rf"(?: (?:of )?{_YEAR_SPEC})"
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
    m = re.fullmatch(rf"{_MONTH}{spec}", t)
    if m:
        year = _spec_year(m, ref)[1]
        return DateValue(None if year is None else f"{year}-{MONTHS[m['month']]:02d}", "month")
    m = re.fullmatch(rf"(?P<season>spring|summer|autumn|fall|winter){spec}", t)
    if m:
        year = _spec_year(m, ref)[1]
        return DateValue(None if year is None else f"{year}-{SEASONS[m['season']]}", "season")
    m = re.fullmatch(r"month of (?P<month>.+)", t)  # "the month of September"
    if m:
        month = resolve_date(m["month"], ref, tense)
        return month if month is not None and month.granularity == "month" else None
    m = re.fullmatch(r"week of (?P<day>.+)", t)
    if m:
        day = resolve_date(m["day"], ref, tense)
        if day is not None and day.granularity == "day":
            return DateValue(day.value and _week(date.fromisoformat(day.value)), "week")
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
            year = _period_year(index, per_year, ref, tense, None)
    return DateValue(None if year is None else f"{year}-{letter}{index}", granularity)


def _named_day(t: str, ref: date | None, tense: str | None) -> DateValue | None:
    """ "Christmas", "Election Day 2020": days named in ``data/dates.json``."""
    m = re.fullmatch(rf"(?P<name>.+?)(?: (?:of )?{_YEAR})?", t)
    rule = named_days().get(m["name"]) if m else None
    if rule is None:
        return None
    month = int(rule[-5:-3])
    year = int(m["year"]) if m["year"] else _period_year(month, 12, ref, tense, None)
    if year is None:
        return DateValue(None, "day")
    day = date(year, month, int(rule[-2:]))
    if ">=" in rule:  # "tuesday>=11-02": the first Tuesday on or after November 2
        day += timedelta(days=(WEEKDAYS[rule.split(">=")[0]] - day.weekday()) % 7)
    return DateValue(day.isoformat(), "day")


def named_days() -> dict[str, str]:
    """Named days: "MM-DD", or "weekday>=MM-DD" for the first such weekday on or after that day."""
    return table("dates")["named_days"]


_RELATION = r"(?P<rel>this|last|next|past|coming|previous|following|current)"
_TODAY = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
          "yesterday": -1, "last night": -1, "tomorrow": 1}
_DEIXIS = (r"(?P<deixis>today|tonight|this morning|this afternoon|this evening|last night|"
           rf"yesterday|tomorrow)(?: {DAY_PARTS})?")
_ANAPHORIC_SHIFTS = ("earlier", "before", "later", "after")


def _relative(t: str, ref: date | None, tense: str | None, anchor: str | None) -> DateValue | None:
    m = re.fullmatch(_DEIXIS, t)
    if m:
        if ref is None:
            return DateValue(None, "day")
        return _shifted(ref, "day", _TODAY[m["deixis"]])
    # "today (Friday)", "last night (Monday)": the weekday says which day, on or before the one meant.
    m = re.fullmatch(rf"{_DEIXIS} {_WEEKDAY}", t)
    if m:
        if ref is None:
            return DateValue(None, "day")
        meant = _shifted(ref, "day", _TODAY[m["deixis"]])
        if meant.value is None:
            return meant
        day = date.fromisoformat(meant.value)
        return _shifted(day, "day", -((day.weekday() - WEEKDAYS[m["weekday"]]) % 7))
    if t in ("year", "month", "week", "quarter", "decade", "century", "year-end", "year end"):
        return _relative_period(t.split("-")[0].split()[0], "this", ref)  # "the end of the year", "by year-end"
    if t in ("year-earlier", "year-ago", "year earlier", "year ago"):  # "the year-earlier quarter"
        return _from_anchor(anchor, ref, "year", -1) if t.endswith("earlier") else _relative_period("year", "last", ref)
    m = re.fullmatch(r"(?:(?P<rel>this|last|next|past|coming|this past) )?weekend", t)
    if m:  # "over the weekend": the week of its Saturday
        relation = {"this past": "last", "past": "last", "coming": "next"}.get(m["rel"], m["rel"])
        saturday = _weekday_value(5, ref, tense, relation)
        return DateValue(saturday and _week(date.fromisoformat(saturday)), "week")
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{_WEEKDAY}(?: {DAY_PARTS})?", t) or \
        re.fullmatch(rf"{DAY_PARTS} of {_WEEKDAY}", t)
    if m:
        return DateValue(_weekday_value(WEEKDAYS[m["weekday"]], ref, tense, m.groupdict().get("rel")), "day")
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?(?:{_WEEKDAY} )?{_MONTH} {_DAY}(?: {DAY_PARTS})?", t) \
        or re.fullmatch(rf"(?:(?P<rel>this|last|next) )?(?:{_WEEKDAY} )?{_DAY} (?:of )?{_MONTH}", t)
    if m:
        month_value = _month_value(MONTHS[m["month"]], ref, tense, m["rel"])
        if month_value is None:
            return DateValue(None, "day")
        year, month = map(int, month_value.split("-"))
        return _day_value(year, month, int(m["day"])) or DateValue(None, "day")  # February 29 of 2022
    m = re.fullmatch(rf"(?:(?P<rel>this|last|next|past|coming) )?{_MONTH}", t)
    if m:
        return DateValue(_month_value(MONTHS[m["month"]], ref, tense, m["rel"]), "month")
    m = re.fullmatch(r"(?:(?P<rel>this|last|next|past|coming) )?(?P<season>spring|summer|autumn|fall|winter)", t)
    if m:
        if ref is None:
            return DateValue(None, "season")
        step = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(m["rel"] or "", 0)
        return DateValue(f"{ref.year + step}-{SEASONS[m['season']]}", "season")
    m = re.fullmatch(r"(?:that|same) (?P<unit>day|week|month|year)", t)
    if m:  # "that year", "the same day": the date the sentence is about, or none
        return _from_anchor(anchor, None, m["unit"], 0)
    m = re.fullmatch(r"(?P<unit>day|week|month|year) (?P<dir>before|after)", t)
    if m:  # "the day before"
        return _from_anchor(anchor, ref, m["unit"], -1 if m["dir"] == "before" else 1)
    m = re.fullmatch(r"following (?P<part>morning|evening|night)", t)
    if m:
        return _from_anchor(anchor, ref, "day", 1)
    m = re.fullmatch(rf"(?:{_RELATION}|(?P<rel2>this|last|next|current|previous) fiscal) {_UNIT}", t)
    if m and not t.endswith("s"):
        relation = m["rel"] or m["rel2"]
        if relation in ("previous", "following"):  # "the following year": after the date the sentence is about
            return _from_anchor(anchor, ref, m["unit"], 1 if relation == "following" else -1)
        if relation in ("past", "coming") and m["unit"] != "day":
            return None  # "the past year" is a stretch of time, handled as a duration
        return _relative_period(m["unit"], relation, ref)
    m = re.fullmatch(rf"(?:{_NUM} )?{_UNIT}s (?P<dir>ago|earlier|later)", t)
    if m and (m["num"] is None or m["num"] in _FEW):
        return DateValue(None, m["unit"], "vague")  # "several years ago", "years later"
    m = re.fullmatch(rf"{_NUM} {_UNIT} (?P<dir>ago|earlier|before|later|after|from now|hence)", t)
    if m:
        count = _count(m["num"])
        if count is None or not float(count).is_integer():
            return None
        sign = -1 if m["dir"] in ("ago", "earlier", "before") else 1
        if m["dir"] in _ANAPHORIC_SHIFTS:  # "a year earlier": than the date the sentence is about
            return _from_anchor(anchor, ref, m["unit"], sign * int(count))
        if ref is None:
            return DateValue(None, m["unit"])
        return _shifted(ref, m["unit"], sign * int(count))
    return None


_GRAIN = {"day": 0, "week": 1, "month": 2, "quarter": 3, "half": 3, "season": 3, "year": 4, "decade": 5,
          "century": 6}


def _from_anchor(anchor: str | None, ref: date | None, unit: str, amount: int) -> DateValue:
    """``amount`` units from the date the sentence is about, else from the reference date."""
    grain = granularity_of(anchor) if anchor else None
    if grain is None:
        return DateValue(None, unit) if ref is None else _shifted(ref, unit, amount)
    if _GRAIN[unit] < _GRAIN[grain]:
        return DateValue(None, unit)  # "two weeks later" than "2013": which week is not said
    return _shifted(first_day(anchor), unit, amount)


def granularity_of(value: str) -> str | None:
    """The granularity of a calendar value ("2015-W26" -> "week"); None for durations and unknown forms."""
    for pattern, grain in _VALUE_FORMS:
        if re.fullmatch(pattern, value):
            return grain
    return None


_VALUE_FORMS = [(r"\d{4}-\d{2}-\d{2}", "day"), (r"\d{4}-W\d{2}", "week"), (r"\d{4}-(?:0[1-9]|1[0-2])", "month"),
                (r"\d{4}-Q[1-4]", "quarter"), (r"\d{4}-H[12]", "half"), (r"\d{4}-2[1-4]", "season"),
                (r"\d{4}(?:/\d{4})?", "year"), (r"\d{3}", "decade"), (r"\d{2}", "century")]


def _shifted(ref: date, unit: str, amount: int) -> DateValue:
    """``amount`` units from ``ref``, at the unit's granularity; no value past the calendar's ends."""
    try:
        if unit == "day":
            return DateValue((ref + timedelta(days=amount)).isoformat(), "day")
        if unit == "week":
            return DateValue(_week(ref + timedelta(weeks=amount)), "week")
        if unit in ("month", "quarter"):
            year, month = _shift_month(ref.year, ref.month, amount * (3 if unit == "quarter" else 1))
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


_VAGUE = re.compile(
    rf"^(?:(?:in|over|during|for)\s+)?(?:(?:just|only|barely|mere|some)\s+)?(?:the\s+)?(?:(?:recent|coming|past|last|next|previous|following|upcoming|few|"
    rf"several|many|some|a few|the next few|the past few|the last few|the coming few|next few|past few|last few)\s+)?"
    rf"(?:few\s+)?{_UNIT}$"
)


def _duration_or_vague(t: str) -> DateValue | None:
    # "three-year", "a decade", "almost a year", "the past two years", "18 months"
    m = re.fullmatch(rf"(?:(?:almost|nearly|about|around|roughly|more than|over|less than|under|some|just|only|"
                     rf"the (?:past|last|next|coming|previous|first|following)|(?:past|last|next|coming))\s+)*"
                     rf"{_NUM}[\s-]{_UNIT}", t)
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
