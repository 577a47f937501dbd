"""Article metadata as scrapers and sites write it: publication dates and field names.

A publication date becomes the reference date, so a wrong one silently shifts
every "last December" in the article. Forms that name one day are read:
ISO 8601 (with or without time and zone), RFC 2822 as in feeds and e-mail,
Unix timestamps, and written dates ("16 Feb 2021", "February 16, 2021").
A numeric date that reads as a real day both day-first and month-first
("03/04/2021") is refused, with a message that says so, rather than guessed.
The date kept is the calendar day where the article was written: a time zone
is not converted to UTC, because "on Thursday" means the writer's Thursday.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime
from typing import Any

#: Names scrapers give each record field, in order of preference; ``--field`` adds to the front.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "id": ("id",),
    "text": ("text",),
    "date": ("date", "published", "pubDate", "publication_date", "datePublished", "published_at"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
}

# Timestamps outside these years are more likely counts or ids than publication times.
_EPOCH_YEARS = (1990, 2100)
_MILLISECONDS = 10**11  # a Unix time above this (year 5138 in seconds) is in milliseconds
# A publication year outside these is a typo or an attack, never a day a reader means ("0001" is not 2001).
_PUBLISHED_YEARS = (1600, 2200)
# RFC 2822's year: digits after the month's name, not a time ("14:32") or a zone ("+0000").
_RFC_YEAR = re.compile(r"[A-Za-z]{3}\.?\s+(\d+)(?![\d:])")
_NUMERIC = re.compile(r"(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")
_DIGITS = re.compile(r"\d{9,13}(?:\.\d+)?")
_YEAR = re.compile(r"(?<!\d)(?:1[89]|2\d)\d\d(?!\d)")
_MONTH_WORD = re.compile(r"[A-Za-z]{3,}")
# dateparser reads written forms; these settings make it refuse anything short of a full day.
_WRITTEN = {"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"], "RETURN_AS_TIMEZONE_AWARE": False}


class DateError(ValueError):
    """A value that is not a publication date; the message says why."""


def publication_date(value: Any) -> str:
    """The ISO day ("2021-02-16") a metadata value names; DateError saying why when it names none."""
    if isinstance(value, date):  # YAML front matter reads "2021-02-16" as a date already
        return _plausible((value.date() if isinstance(value, datetime) else value).isoformat(), value)
    if isinstance(value, bool) or value is None:
        raise DateError(f"not a date: {value!r}")
    if isinstance(value, (int, float)):
        return _from_timestamp(value)
    if not isinstance(value, str):
        raise DateError(f"not a date: a {type(value).__name__}")
    text = value.strip()
    if _DIGITS.fullmatch(text):
        return _from_timestamp(float(text))
    for reader in (_iso, _rfc2822, _numeric, _written):
        found = reader(text)
        if found:
            return _plausible(found, value)
    raise DateError(f"not a date natoiraq can read: {value!r} (use ISO 8601, e.g. 2021-02-16)")


def _plausible(day: str, value: Any) -> str:
    if not _PUBLISHED_YEARS[0] <= int(day[:4]) < _PUBLISHED_YEARS[1]:
        raise DateError(f"{str(value)!r} is in the year {int(day[:4])}, not a publication date")
    return day


def _from_timestamp(seconds: float) -> str:
    if seconds > _MILLISECONDS:
        seconds /= 1000
    try:
        moment = datetime.fromtimestamp(seconds, tz=timezone.utc)
    except (OverflowError, OSError, ValueError):
        raise DateError(f"not a Unix time: {seconds!r}") from None
    if not _EPOCH_YEARS[0] <= moment.year < _EPOCH_YEARS[1]:
        raise DateError(f"Unix time {seconds:.0f} is in {moment.year}, not a publication date")
    return moment.date().isoformat()


def _iso(text: str) -> str | None:
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    try:  # a form fromisoformat lacks, such as nanoseconds: the day is what matters
        return date.fromisoformat(text[:10]).isoformat() if len(text) > 10 and text[10] in "T " else None
    except ValueError:
        return None


def _rfc2822(text: str) -> str | None:
    if "," not in text and not text[:1].isdigit():
        return None
    try:
        found = parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):  # OverflowError: a year of eleven digits
        return None
    written = _RFC_YEAR.search(text)
    if written and len(written[1]) > 2 and int(written[1]) != found.year:  # email.utils makes 0001 into 2001
        raise DateError(f"{text!r} is in the year {written[1]}, not a publication date")
    return found.isoformat()


def _numeric(text: str) -> str | None:
    """16/02/2021 (day first, as it must be) or 02/16/2021; 03/04/2021 is refused as ambiguous."""
    match = _NUMERIC.fullmatch(text.split(" ")[0].split("T")[0])
    if not match:
        return None
    first, second, year = int(match.group(1)), int(match.group(3)), int(match.group(4))
    readings = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            pass
    if len(readings) > 1:
        raise DateError(f"ambiguous date {text!r}: day-first and month-first give different days; "
                        "write it as ISO 8601 (YYYY-MM-DD) or with the month's name")
    if not readings:
        raise DateError(f"not a date: {text!r}")
    return readings.pop().isoformat()


def _written(text: str) -> str | None:
    """ "16 Feb 2021", "February 16, 2021": a month's name and a year are required (not "yesterday")."""
    if not (_YEAR.search(text) and _MONTH_WORD.search(text)):
        return None
    import dateparser  # costly to import; only written dates need it

    found = dateparser.parse(text, languages=["en"], settings=_WRITTEN)
    return found.date().isoformat() if found else None


def pick(record: dict[str, Any], name: str, mapping: dict[str, str] | None = None) -> tuple[str | None, Any]:
    """(the key used, its value) for record field ``name``: a ``--field`` mapping first, then the aliases."""
    names = ((mapping or {}).get(name),) + FIELD_ALIASES[name]
    for key in names:
        if key is not None and record.get(key) is not None:
            return key, record[key]
    return None, None


def parse_field_mapping(pairs: list[str] | tuple[str, ...]) -> dict[str, str]:
    """ "date=first_seen" options as {"date": "first_seen"}; ValueError naming the bad one."""
    mapping = {}
    for pair in pairs:
        name, sep, key = pair.partition("=")
        name, key = name.strip(), key.strip()
        if not sep or not key or name not in FIELD_ALIASES:
            raise ValueError(f"{pair!r}: expected NAME=FIELD with NAME one of {', '.join(FIELD_ALIASES)}")
        mapping[name] = key
    return mapping
