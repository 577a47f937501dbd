"""Stretches of time: "three years" is P3Y, "several months" PXM."""

from __future__ import annotations

import re

from natoiraq.parsing.dates.calendar import DURATION, NUM_RE, UNIT_RE, DateValue
from natoiraq.parsing.numbers import parse_number

DURATION_CODES = {"day": "D", "week": "W", "month": "M", "year": "Y", "quarter": "M", "decade": "Y", "century": "Y"}
DURATION_FACTOR = {"quarter": 3, "decade": 10, "century": 100}
#: TimeML's units for a vague number of them: "several decades" is PXDE.
VAGUE_CODES = {**DURATION_CODES, "decade": "DE", "century": "CE"}


def duration(count: float, unit: str) -> DateValue:
    amount = count * DURATION_FACTOR.get(unit, 1)
    amount_text = str(int(amount)) if float(amount).is_integer() else str(amount)
    return DateValue(f"P{amount_text}{DURATION_CODES[unit]}", unit, DURATION)


def vague(unit: str) -> DateValue:
    """ "several months", "recent weeks": a stretch of time of no said length, PXM, PXW."""
    return DateValue(f"PX{VAGUE_CODES[unit]}", unit, DURATION)


FEW = frozenset({"a few", "few", "several", "some", "many", "couple of", "a couple of", "couple"})


def count(text: str) -> float | None:
    text = text.strip().lower()
    if text in ("a", "an", "one"):
        return 1
    if text in FEW:
        return None
    if text in ("half a", "half an"):
        return 0.5
    return parse_number(text)


_VAGUE = re.compile(
    rf"^(?:(?:in|over|during|for)\s+)?(?:(?:just|only|barely|mere|some)\s+)?(?:the\s+)?(?:(?:recent|coming|past|last|next|previous|following|upcoming|few|"
    rf"several|many|some|a few|the next few|the past few|the last few|the coming few|next few|past few|last few)\s+)?"
    rf"(?:few\s+)?{UNIT_RE}$"
)


def duration_or_vague(t: str) -> DateValue | None:
    # "three-year", "a decade", "almost a year", "the past two years", "18 months"
    m = re.fullmatch(rf"(?:(?:almost|nearly|about|around|roughly|more than|over|less than|under|some|just|only|"
                     rf"the (?:past|last|next|coming|previous|first|following)|(?:past|last|next|coming))\s+)*"
                     rf"{NUM_RE}[\s-]{UNIT_RE}", t)
    if m:
        amount = count(m["num"])
        if amount is not None:
            return duration(amount, m["unit"])
        if m["num"] in FEW:
            return vague(m["unit"])  # "a few weeks", "several months"
    m = re.fullmatch(rf"(?:almost |nearly |about |over |more than |less than |just )?(?:a|an|one) {UNIT_RE}", t)
    if m:
        return duration(1, m["unit"])
    if re.fullmatch(r"(?:the\s+)?(?:past|last|coming|next)\s+(?P<unit>week|month|year|decade)", t):
        return duration(1, re.sub(r".*\s", "", t))
    m = _VAGUE.match(t)
    if m and (t.endswith("s") or re.search(r"\b(?:recent|coming|upcoming)\b", t)):
        return vague(m["unit"])
    return None
