"""The reference date: the day an article was written, against which "on Tuesday" resolves.

One policy, decided here and nowhere else, by precedence:

1. the option (``--reference-date``, ``ExtractOptions(reference_date=...)``), origin ``option``;
2. the record's own date (a JSON Lines ``date``, a page's publication date), origin ``metadata``;
3. an ISO date in the file name (``2021-02-16-nato.txt``), origin ``filename``;
4. the text's dateline ("ADDIS ABABA, Nov 6 (AFP) -"), the day of writing, in the year its latest full
   date fixes, origin ``dateline`` (:func:`from_dateline`);
5. the text: its latest full date, origin ``inferred`` (:func:`inferred`, given the dates
   the date component found).

The value is one type from option to output, :class:`ReferenceDate`. On a Doc it is
stored as ``doc._.natoiraq_reference``, a plain dict like every stored extension (so a
Doc still survives ``Doc.to_bytes``); :func:`put` and :func:`of` are the only ways in and out.

A library user gives ``nlp(text)`` a reference date by putting it on the Doc first::

    >>> import datetime, natoiraq
    >>> from natoiraq import reference
    >>> nlp = natoiraq.load()
    >>> doc = nlp.make_doc("NATO ministers met on Tuesday.")
    >>> reference.put(doc, datetime.date(2021, 2, 18))
    >>> nlp(doc)._.natoiraq.dates[0].value
    '2021-02-16'

Without one the date component infers it from the text (steps 4 and 5); ``natoiraq.extract``
applies steps 1 to 3 to every record itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from natoiraq.parsing.dates import DateValue
    from natoiraq.reading.inputs import Record

#: Where a reference date came from, in order of precedence.
OPTION, METADATA, FILENAME, DATELINE, INFERRED = "option", "metadata", "filename", "dateline", "inferred"


@dataclass(frozen=True)
class ReferenceDate:
    """A reference date: ``value`` an ISO day (or None: there is none), ``origin`` where it came from."""

    value: str | None
    origin: str | None  # option | metadata | filename | dateline | inferred; None with no value

    @property
    def day(self) -> date | None:
        return date.fromisoformat(self.value) if self.value else None


NONE = ReferenceDate(None, None)


def iso(value: str | date | None) -> str | None:
    """A date as the ISO text a reference holds; a string is taken as written (the date component checks it)."""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def given(record: Record, option: str | date | None = None) -> ReferenceDate:
    """The reference date a record is given before its text is read: option, the record's date, the file name."""
    for value, origin in ((option, OPTION), (record.date, METADATA), (record.filename_date, FILENAME)):
        if value:
            return ReferenceDate(iso(value), origin)
    return NONE


def inferred(found: Iterable[tuple[str, DateValue | None]]) -> ReferenceDate | None:
    """The reference date the text gives (its latest full date, or a day a weekday pins), from the date
    expressions found in it and their values; None when none."""
    from natoiraq.parsing.dates import infer_reference

    found = list(found)
    day = infer_reference([value for _, value in found if value is not None],
                          texts=[text for text, value in found if value is not None and not value.value])
    return ReferenceDate(day.isoformat(), INFERRED) if day is not None else None


def from_dateline(dateline: str | None, latest: ReferenceDate | None) -> ReferenceDate | None:
    """The day of writing a dateline gives: its month and day in the year nearest the text's latest full
    date (``latest``, :func:`inferred`): "Nov 6" beside "October 30, 2004" is 2004-11-06. None without
    a dateline, or without a year the text fixes."""
    from natoiraq.parsing.dates import resolve_date

    if dateline is None or latest is None or latest.day is None:
        return None
    value = resolve_date(dateline, latest.day)
    if value is None or value.granularity != "day" or not value.value:
        return None
    return ReferenceDate(value.value, DATELINE)


def in_pieces(reference: ReferenceDate, texts: list[str],
              dates_in: Callable[[str], Iterable[tuple[str, DateValue | None]]] | None) -> ReferenceDate:
    """The reference date of a record cut into ``texts``, decided before any piece is parsed.

    A long text without a given one gets its latest full date over every piece
    (``dates_in`` finds a piece's dates with no parser), so two "Tuesday"s in one
    article never resolve against different inferred days. A record in one piece is
    left to the date component (:func:`settle`), which sees the model's entities too.
    """
    if reference.value is not None or len(texts) < 2 or dates_in is None:
        return reference
    return inferred(found for text in texts for found in dates_in(text)) or reference


def put(doc, reference: ReferenceDate | str | date) -> None:
    """Give ``doc`` its reference date before the pipeline runs (a bare date has origin ``option``)."""
    if not isinstance(reference, ReferenceDate):
        reference = ReferenceDate(iso(reference), OPTION)
    doc._.natoiraq_reference = {"value": reference.value, "origin": reference.origin}


def of(doc) -> ReferenceDate:
    """The reference date on ``doc``: what was put there, or what the date component settled; NONE before."""
    stored = doc._.natoiraq_reference
    return ReferenceDate(stored["value"], stored["origin"]) if stored else NONE


def settle(doc, found: Callable[[], Iterable[tuple[str, DateValue | None]]],
           dateline: Callable[[], str | None] = lambda: None) -> ReferenceDate:
    """The Doc's reference date, steps 4 and 5 applied where it has none (``found()``: the date expressions
    in its text with their values; ``dateline()``: the text of its dateline's date, or None);
    stored on the Doc, so every later component reads the same one."""
    reference = of(doc)
    if reference.value is None:
        latest = inferred(found())
        reference = from_dateline(dateline(), latest) or latest or reference
        put(doc, reference)
    return reference
