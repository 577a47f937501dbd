"""Numbers as news writes them: "3,100", "30 000", "50.000", "46,35,000", "1.5 million",
"1.3 lakh", "5k", "three thousand two hundred", "twenty-five", "a dozen".

Pure functions over short strings; the pipeline finds the tokens, this decides
what they are worth.
"""

from __future__ import annotations

import math
import re
from functools import lru_cache

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
# "lakh" and "crore": South Asian English ("1.3 lakh troops" is 130,000).
SCALES = {"hundred": 100, "thousand": 1_000, "lakh": 100_000, "million": 1_000_000, "crore": 10_000_000,
          "billion": 1_000_000_000}
DOZEN = 12
#: "half a million", "half a dozen": a half of the scale after it, only as a number's first word.
HALF = "half"
SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

#: Every word that can be part of a spelled-out number.
NUMBER_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"dozen", "a", "an", "and", HALF}

# Thousands grouped by commas ("3,100"; "4, 500" as typed), by spaces of any width ("30 000",
# "30\u00a0000"), by dots ("50.000", as much of Europe writes them), in lakhs ("46,35,000"), or
# not at all; an optional decimal part. A leading zero ("03", "007") makes a code or a date, not a count.
_SPACE = "[ \u00a0\u2009\u202f]"
_GROUPED = (rf"[1-9]\d{{0,2}}(?:,{_SPACE}?\d{{3}})+|[1-9]\d{{0,2}}(?:{_SPACE}\d{{3}})+"
            r"|[1-9]\d?(?:,\d\d)+,\d{3}|(?:0|[1-9]\d*)")
_DIGITS = re.compile(rf"^(?:{_GROUPED})(?:\.\d+)?$")
_DOTTED = re.compile(r"^[1-9]\d{0,2}(?:\.\d{3})+$")
_DIGITS_WITH_SUFFIX = re.compile(r"^((?:0|[1-9]\d*)(?:\.\d+)?)\s*(k|m|mn|bn)$", re.IGNORECASE)


# Remembered: the number scan asks again of a token each time a phrase may end there (two calls in three repeat one).
@lru_cache(maxsize=4096)
def parse_digits(text: str, dotted_thousands: bool = True) -> float | None:
    """ "3,100" -> 3100, "30 000" -> 30000, "50.000" -> 50000, "1.5" -> 1.5, "5k" -> 5000; else None.

    ``dotted_thousands=False`` reads "1.250" as a decimal, as before a scale word ("1.250 million").
    """
    text = text.strip()
    if dotted_thousands and _DOTTED.match(text):
        return float(text.replace(".", ""))
    if _DIGITS.match(text):
        return float(re.sub(rf"[,{_SPACE[1:-1]}]", "", text))
    suffixed = _DIGITS_WITH_SUFFIX.match(text)
    if suffixed:
        return float(suffixed.group(1)) * SUFFIX_SCALES[suffixed.group(2).lower()]
    return None


def parse_words(text: str) -> float | None:
    """ "three thousand two hundred" -> 3200, "twenty-five" -> 25, "a dozen" -> 12, "half a million" -> 500000;
    else None.

    Digits may stand before a scale word ("1.5 million", "5 thousand").
    """
    text = text.strip().lower()
    if text[:1] in "-\u2010\u2011" or text[-1:] in "-\u2010\u2011":
        return None
    words = [w for w in re.split(r"[\s\-\u2010\u2011]+", text) if w]
    if not words or words[-1] in ("a", "an", "and"):
        return None
    total = 0.0
    current = 0.0
    seen_value = False
    last = None  # what the previous word was: "unit", "tens", "scale"; "three three" is no number
    # "half a million": "half" stands for the "a" after it
    halved = words[0] == HALF and len(words) > 2 and words[1] in ("a", "an")
    if halved:
        words = words[1:]
    for i, word in enumerate(words):
        if word in ("a", "an"):
            # "a thousand", "a dozen" — only as the first word of a number.
            if i != 0 or words[1] not in SCALES and words[1] != "dozen":
                return None
            current, seen_value = 0.5 if halved else 1, True
        elif word == "and":
            # "three hundred and fifty": "and" joins only after a scale word.
            if i == 0 or words[i - 1] not in SCALES:
                return None
        elif word in UNITS:
            if last == "unit":
                return None
            current += UNITS[word]
            seen_value, last = True, "unit"
            continue
        elif word in TENS:
            if last in ("unit", "tens"):
                return None
            current += TENS[word]
            seen_value, last = True, "tens"
            continue
        elif word == "dozen":
            current = (current or 1) * DOZEN
            seen_value = True
        elif word in SCALES:
            if not seen_value:
                return None
            scale = SCALES[word]
            if scale == 100:
                current = (current or 1) * 100
            elif last == "scale" and not current:
                total *= scale  # "a thousand million", "a billion billion": scales multiply
            else:
                total += (current or 1) * scale
                current = 0
        else:
            digits = parse_digits(word, dotted_thousands=not (i + 1 < len(words) and words[i + 1] in SCALES))
            if digits is None or seen_value:
                return None
            current, seen_value = digits, True
        last = "scale" if word in SCALES else None
    return total + current if seen_value else None


def parse_number(text: str) -> int | None:
    """The whole number a phrase stands for, or None when it is not one.

    >>> parse_number("1.5 million")
    1500000
    """
    value = parse_digits(text)
    if value is None:
        value = parse_words(text)
    if value is None or not math.isfinite(value) or value < 0:  # 400 nines is a float infinity
        return None
    rounded = round(value)
    # "1.5" troops is not a figure; "1.5 million" is.
    return rounded if abs(rounded - value) < 1e-6 else None


def is_number_word(word: str) -> bool:
    """Could this token be part of a number ("3,100", "thousand", "5k", "twenty")?"""
    low = word.lower()
    return low in NUMBER_WORDS or parse_digits(word) is not None


def looks_like_year(text: str) -> bool:
    """ "1868", "2023": four bare digits in the range of years news writes about (not "1,868")."""
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2099
