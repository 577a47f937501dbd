"""Reference dates and a one-article extractor shared by the date tables (tests/test_dates_*.py)."""

from datetime import date

from natoiraq import reference as references
from natoiraq.extract import extract_records
from natoiraq.reading.inputs import Record

TUE_2015_06_23 = date(2015, 6, 23)
SUN_2019_12_29 = date(2019, 12, 29)  # the last day of ISO week 2019-W52
WED_2020_01_01 = date(2020, 1, 1)
FRI_2021_12_31 = date(2021, 12, 31)
THU_2024_02_29 = date(2024, 2, 29)  # a leap day
SAT_2000_02_26 = date(2000, 2, 26)  # 2000: a leap year though divisible by 100


def found(nlp, text: str, reference: date | None) -> list[tuple[str, str | None, str]]:
    """(text, value, kind) of every date the pipeline finds in ``text``."""
    record = Record(id="t", text=text, date=reference.isoformat() if reference else None)
    facts = next(extract_records([record], nlp))
    return [(d.text, d.value, d.kind) for d in facts.dates]


def unlisted(nlp, text: str, reference: date) -> list[tuple[str, str | None]]:
    """(text, value) of the dates in ``text`` the conventions leave out of the facts, resolved all the same:
    those that count from another of its dates ("a year later"), ranges of days ("June 28-30")."""
    doc = nlp.make_doc(text)
    references.put(doc, reference)
    return [(d["text"], d["value"]) for d in nlp(doc)._.natoiraq_unlisted_dates]
