"""The library API: articles in, facts out, streamed.

>>> import natoiraq
>>> facts = next(natoiraq.extract(["NATO has 500 trainers in Iraq."]))
>>> facts.troops[0].low
500

``natoiraq.extract`` is this module, and calling it calls :func:`extract`. Every
setting is a field of :class:`ExtractOptions`, given as one value or as keywords::

    natoiraq.extract(records, options=ExtractOptions(workers=2, cache=True))
    natoiraq.extract(records, reference_date=datetime.date(2021, 2, 16), workers=2)

An article is a :class:`~natoiraq.reading.inputs.Record` (its id, text, and
optionally its date, title, url, meta) or a plain text. Its reference date, the
day "on Tuesday" counts from, is decided by :mod:`natoiraq.reference`: the option,
else the record's date (``Record(date=datetime.date(2021, 2, 16))`` or ISO text),
else a date in its file name, else its latest full date.

The CLI and the evaluator go through :func:`extract_outcomes` (one :class:`Outcome`
per record: its facts, or why it failed); :func:`extract` gives the facts alone;
:func:`extract_dicts` the same over plain dicts for engines that move JSON around,
and :func:`extract_partition` over partitions of JSON Lines text (Dask). How a run
goes (batches, worker processes, Dask, the cache) is :mod:`natoiraq.run`'s business.
"""

from __future__ import annotations

import sys
import types
import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Any

from natoiraq.facts import DocumentFacts
from natoiraq.reading.records import Record, record_from_json
from natoiraq.run.batches import split_text
from natoiraq.run.options import ExtractOptions
from natoiraq.run.outcome import Outcome

__all__ = ["ExtractOptions", "Outcome", "Record", "extract", "extract_dicts", "extract_outcomes",
           "extract_partition", "extract_records", "split_text"]


def extract(articles: Iterable[Record | str], nlp=None, options: ExtractOptions | None = None, *,
            on_error: Callable[[Outcome], None] | None = None, **settings) -> Iterator[DocumentFacts]:
    """Facts for each article, in input order, holding at most a few batches in memory.

    ``articles``: :class:`Record` objects, or texts (their ids "1", "2", ...).
    ``nlp``: a pipeline from :func:`natoiraq.load`; by default the one ``options.model``
    names, loaded only when a record needs it (with a cache whose every entry hits, none is).
    ``options``: an :class:`ExtractOptions`; ``settings``: any of its fields, over it.

    With ``workers > 1`` each worker process runs the whole path, records in and facts
    out, so only texts and small fact objects cross process boundaries (spaCy's own
    ``n_process`` would ship every parsed Doc back to this one); with ``dask`` the workers
    are a Dask cluster's (see :mod:`natoiraq.run.dask`).

    A record whose extraction raises is skipped and handed to ``on_error`` (an
    :class:`Outcome` with ``error`` set; by default a Python warning), so one bad record
    never costs the others. :func:`extract_outcomes` gives every record's outcome.
    """
    records = (a if isinstance(a, Record) else Record(id=str(n), text=a) for n, a in enumerate(articles, start=1))
    for outcome in extract_outcomes(records, nlp, options, **settings):
        if outcome.facts is not None:
            yield outcome.facts
        elif outcome.error is None:  # a copy left out (duplicates="omit")
            continue
        elif on_error is not None:
            on_error(outcome)
        else:
            warnings.warn(f"natoiraq: {outcome.record.id}: extraction failed: {outcome.error}", stacklevel=2)


#: :func:`extract`, by the name it had first.
extract_records = extract


def extract_outcomes(records: Iterable[Record], nlp=None, options: ExtractOptions | None = None, *,
                     warn: Callable[[str], None] | None = None, **settings) -> Iterator[Outcome]:
    """One :class:`Outcome` per record, in input order: what :func:`extract` runs on.

    ``warn``: where a default cache (``cache=True``) that cannot be opened or used says so
    (by default a Python warning); the run goes on without it.
    """
    from natoiraq.run.engine import outcomes

    yield from outcomes(records, nlp, replace(options or ExtractOptions(), **settings), warn)


def extract_dicts(rows: Iterable[dict[str, Any]], nlp=None, options: ExtractOptions | None = None, *,
                  on_error: Callable[[Outcome], None] | None = None, **settings) -> Iterator[dict[str, Any]]:
    """:func:`extract` over JSON Lines records as dicts, facts as dicts.

    A row's fields are read as in a JSON Lines file (``options.fields`` maps other names).
    A row that is not a valid record raises ``ValueError`` naming its id; a record whose
    extraction fails is skipped as in :func:`extract` (``on_error=`` to collect it).
    """
    options = replace(options or ExtractOptions(), **settings)
    fields = dict(options.fields) if options.fields else None

    def records() -> Iterator[Record]:
        for number, row in enumerate(rows, start=1):
            fallback = str(row.get("id", number)) if isinstance(row, dict) else str(number)
            record = record_from_json(row, "<records>", fallback, None, fields)
            if isinstance(record, str):
                raise ValueError(f"record {number}: {record}")
            yield record

    for facts in extract(records(), nlp, options, on_error=on_error):
        yield facts.to_dict()


def extract_partition(lines: Iterable[str], options: ExtractOptions | None = None, **settings) -> list[str]:
    """One partition of JSON Lines text in, one fact JSON string per record out (for Dask's
    ``map_partitions``; see ``examples/dask_extract.py``). The pipeline is loaded once per worker process."""
    import json

    from natoiraq.run.dask import pipeline

    options = replace(options or ExtractOptions(), **settings)
    rows = (json.loads(line) for line in lines if line.strip())
    return [json.dumps(facts, ensure_ascii=False)
            for facts in extract_dicts(rows, pipeline(options.model, options.parse), options)]


class _CallableModule(types.ModuleType):
    """``natoiraq.extract(...)``: the package's attribute is this module (Python sets it on import),
    so the module itself calls :func:`extract`."""

    def __call__(self, *args, **kwargs) -> Iterator[DocumentFacts]:
        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
