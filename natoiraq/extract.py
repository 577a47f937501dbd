"""The library API: records in, facts out, streamed.

>>> from natoiraq.reading.inputs import Record
>>> from natoiraq.extract import extract_records
>>> facts = next(extract_records([Record(id="a", text="NATO has 500 trainers in Iraq.")]))
>>> facts.troops[0].low
500

The CLI, the evaluator and the Dask example all go through
:func:`extract_records`; :func:`extract_dicts` is the same over plain dicts for
engines that move JSON around.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from natoiraq.facts import DateFact, DocumentFacts, Entity, ReferenceDate, TroopFigure
from natoiraq.reading.inputs import Record, _record_from_json

#: Longest piece of text handed to spaCy at once. Larger articles are cut at
#: paragraph breaks (then sentence ends) and their facts re-based onto the whole text.
CHUNK_CHARS = 100_000
DEFAULT_BATCH = 32
#: Records per ``nlp.memory_zone()``: the vocabulary a run keeps is what this many articles add.
MEMORY_WINDOW = 512


@dataclass(frozen=True)
class _Piece:
    index: int  # the record's position in the stream
    offset: int  # where this piece starts in the record's text
    last: bool  # the record's final piece


def reference_for(record: Record, override: str | None = None) -> dict[str, str | None]:
    """The reference date, by precedence: option, the record's date, the file name; else left to inference."""
    if override:
        return {"value": override, "origin": "option"}
    if record.date:
        return {"value": record.date, "origin": "metadata"}
    if record.filename_date:
        return {"value": record.filename_date, "origin": "filename"}
    return {"value": None, "origin": None}


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, each at most ``limit`` characters, cut at breaks."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start: start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind(" "))
        cut = cut + 1 if cut > 0 else limit
        pieces.append((start, text[start: start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def extract_records(
    records: Iterable[Record],
    nlp=None,
    *,
    model: str | None = None,
    reference_date: str | None = None,
    batch_size: int = DEFAULT_BATCH,
    workers: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    cache=None,
    dask: str | None = None,
) -> Iterator[DocumentFacts]:
    """Facts for each record, in input order, holding at most a few batches in memory.

    ``nlp`` is loaded from ``model`` only when a record needs it: with a
    :class:`natoiraq.cache.FactCache` whose every entry hits, no model is loaded.
    With ``workers > 1`` each worker process runs the whole path, records in and
    facts out, so only texts and small fact objects cross process boundaries
    (spaCy's own ``n_process`` would ship every parsed Doc back to this one).
    With ``dask`` (a scheduler address) the workers are a Dask cluster's: see :mod:`natoiraq.scale`.
    """
    options = {"reference_date": reference_date, "batch_size": batch_size, "chunk_chars": chunk_chars}
    pipeline = _Lazy(nlp, model)
    new_pool = _pool_factory(pipeline, workers, options, dask)
    if cache is None:
        if new_pool:
            yield from _in_workers(records, new_pool)
        else:
            yield from _in_process(records, pipeline.get(), **options)
        return
    yield from _through_cache(records, pipeline, cache, workers, options, new_pool)


def _pool_factory(pipeline: "_Lazy", workers: int, options: dict, dask: str | None):
    """What makes the pool that extracts in parallel, or None to extract in this process."""
    if dask:
        from natoiraq.scale import DaskPool

        return lambda: DaskPool(dask, pipeline.model, options)
    if workers > 1:
        return lambda: _WorkerPool(pipeline.get(), workers, options)
    return None


class _Lazy:
    """The pipeline, loaded on first use."""

    def __init__(self, nlp, model: str | None):
        self.nlp, self.model = nlp, model

    def get(self):
        if self.nlp is None:
            from natoiraq.pipeline.loading import load

            self.nlp = load(self.model)
        return self.nlp


def _through_cache(records: Iterable[Record], pipeline: _Lazy, cache, workers: int,
                   options: dict, new_pool=None) -> Iterator[DocumentFacts]:
    """Look a window of records up at once, extract the misses, give everything back in order."""
    from itertools import islice

    remaining = iter(records)
    window = options["batch_size"] * max(workers, 1) * 4
    pool = None
    try:
        while chunk := list(islice(remaining, window)):
            keys = [cache.key(r, reference_for(r, options["reference_date"]), options["chunk_chars"]) for r in chunk]
            hits = cache.get_many(keys)
            misses = [r for r, k in zip(chunk, keys) if k not in hits]
            computed: Iterator[DocumentFacts] = iter(())
            if misses and new_pool:
                pool = pool or new_pool()  # one pool for the whole run
                window = max(window, 2 * pool.capacity)  # enough records to keep every worker busy
                computed = pool.run(misses)
            elif misses:
                computed = _in_process(misses, pipeline.get(), **options)
            for record, key in zip(chunk, keys):
                if key in hits:
                    yield cache.rebuild(record, hits[key])
                else:
                    facts = next(computed)
                    cache.put(key, facts)
                    yield facts
            cache.commit()
    finally:
        if pool is not None:
            pool.close()


def _in_process(records: Iterable[Record], nlp, *, window: int | None = None, **options) -> Iterator[DocumentFacts]:
    """Facts record by record, ``window`` records at a time inside ``nlp.memory_zone()``.

    A zone frees the strings and lexemes its texts added to the vocabulary, so a
    long run over ever-new words stays flat in memory. Nothing made in a zone
    outlives it: facts hold plain Python values only.
    """
    from itertools import islice

    remaining = iter(records)
    while chunk := list(islice(remaining, window or MEMORY_WINDOW)):
        with nlp.memory_zone():
            yield from _in_window(chunk, nlp, **options)


def _in_window(records: Iterable[Record], nlp, *, reference_date: str | None, batch_size: int,
               chunk_chars: int) -> Iterator[DocumentFacts]:
    pending: dict[int, tuple[Record, list]] = {}

    def docs() -> Iterator[tuple[Any, _Piece]]:
        for index, record in enumerate(records):
            pending[index] = (record, [])
            reference = reference_for(record, reference_date)
            pieces = split_text(record.text, chunk_chars)
            for n, (offset, piece) in enumerate(pieces):
                doc = nlp.make_doc(piece)
                doc._.natoiraq_reference = dict(reference)
                yield doc, _Piece(index, offset, n == len(pieces) - 1)

    for doc, piece in nlp.pipe(docs(), as_tuples=True, batch_size=batch_size):
        record, parts = pending[piece.index]
        parts.append((piece.offset, doc))
        if piece.last:
            del pending[piece.index]
            yield _facts(record, parts)


# Each worker process holds one pipeline, set by _start_worker.
_WORKER: dict[str, Any] = {}


def _start_worker(nlp_or_name, options: dict) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if isinstance(nlp_or_name, str):
        from natoiraq.pipeline.loading import load

        nlp_or_name = load(nlp_or_name)
    _WORKER.update(nlp=nlp_or_name, options=options)


def _work(batch: list[Record]) -> list[DocumentFacts]:
    return list(_in_process(batch, _WORKER["nlp"], **_WORKER["options"]))


class _WorkerPool:
    """Worker processes that each hold the pipeline; batches go out, facts come back in order."""

    def __init__(self, nlp, workers: int, options: dict):
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            context, shipped = multiprocessing.get_context("fork"), nlp  # workers share the loaded model
        else:  # no fork (Windows, macOS defaults): each worker loads the model package by name
            context, shipped = multiprocessing.get_context("spawn"), f"{nlp.lang}_{nlp.meta['name']}"
        self.workers = workers
        self.batch_size = options["batch_size"]
        self.capacity = 2 * workers * self.batch_size  # records in flight at most
        self.pool = context.Pool(workers, initializer=_start_worker, initargs=(shipped, options))

    def run(self, records: Iterable[Record]) -> Iterator[DocumentFacts]:
        from collections import deque
        from itertools import islice

        in_flight: deque = deque()
        remaining = iter(records)
        for batch in iter(lambda: list(islice(remaining, self.batch_size)), []):
            in_flight.append(self.pool.apply_async(_work, (batch,)))
            if len(in_flight) >= 2 * self.workers:  # bounded: memory stays flat on any corpus size
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def _in_workers(records: Iterable[Record], new_pool) -> Iterator[DocumentFacts]:
    pool = new_pool()
    try:
        yield from pool.run(records)
    finally:
        pool.close()


def extract_dicts(rows: Iterable[dict[str, Any]], nlp=None, **options) -> Iterator[dict[str, Any]]:
    """:func:`extract_records` over JSON Lines records as dicts, facts as dicts.

    A row that is not a valid record raises ``ValueError`` naming its id.
    """
    def records() -> Iterator[Record]:
        for number, row in enumerate(rows, start=1):
            record = _record_from_json(row, "<records>", str(row.get("id", number)) if isinstance(row, dict) else str(number), None)
            if isinstance(record, str):
                raise ValueError(f"record {number}: {record}")
            yield record

    for facts in extract_records(records(), nlp, **options):
        yield facts.to_dict()


def _facts(record: Record, parts: list[tuple[int, Any]]) -> DocumentFacts:
    entities, dates, troops = [], [], []
    reference = None
    for offset, doc in parts:
        entities += [_shift(e, offset) for e in doc._.entities]
        dates += [_shift(d, offset) for d in doc._.dates]
        troops += [_shift(t, offset) for t in doc._.troops]
        if reference is None or reference.value is None:
            reference = doc._.reference_date
    meta = dict(record.meta)
    if record.url:
        meta.setdefault("url", record.url)
    return DocumentFacts(
        id=record.id, source=record.source, title=record.title,
        reference_date=reference or ReferenceDate(None, None),
        entities=entities, dates=dates, troops=troops, meta=meta,
    )


def _shift(fact: Entity | DateFact | TroopFigure, offset: int):
    if offset:
        fact.start += offset
        fact.end += offset
    return fact
