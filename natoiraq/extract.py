"""The library API: records in, facts out, streamed.

>>> from natoiraq.reading.inputs import Record
>>> from natoiraq.extract import extract_records
>>> facts = next(extract_records([Record(id="a", text="NATO has 500 trainers in Iraq.")]))
>>> facts.troops[0].low
500

The CLI and the evaluator go through :func:`extract_outcomes` (one
:class:`Outcome` per record: its facts, or why it failed); :func:`extract_records`
gives the facts alone, and :func:`extract_dicts` the same over plain dicts for
engines that move JSON around (the Dask example).
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from natoiraq.facts import DateFact, DocumentFacts, Entity, ReferenceDate, TroopFigure
from natoiraq.limits import FIGURE_MAX, date_value_fits, figure_fits
from natoiraq.pipeline.loading import DEFAULT_PARSE
from natoiraq.reading.inputs import Record, _record_from_json

#: Longest piece of text handed to spaCy at once. Larger articles are cut at
#: paragraph breaks (then sentence ends) and their facts re-based onto the whole text.
CHUNK_CHARS = 100_000
DEFAULT_BATCH = 32
#: Records per ``nlp.memory_zone()``: the vocabulary a run keeps is what this many articles add.
MEMORY_WINDOW = 512


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


@dataclass
class Outcome:
    """What became of one record: its facts, or why it failed; ``notes`` name facts left out or changed."""

    record: Record
    facts: DocumentFacts | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)


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
    on_error: Callable[[Outcome], None] | None = None,
    dask: str | None = None,
) -> Iterator[DocumentFacts]:
    """Facts for each record, in input order, holding at most a few batches in memory.

    ``nlp`` is loaded from ``model`` only when a record needs it: with a
    :class:`natoiraq.cache.FactCache` whose every entry hits, no model is loaded.
    With ``workers > 1`` each worker process runs the whole path, records in and
    facts out, so only texts and small fact objects cross process boundaries
    (spaCy's own ``n_process`` would ship every parsed Doc back to this one).

    A record whose extraction raises is skipped and handed to ``on_error`` (an
    :class:`Outcome` with ``error`` set; by default a Python warning), so one bad
    record never costs the others. :func:`extract_outcomes` gives every record's outcome.

    With ``dask`` (a scheduler address) the workers are a Dask cluster's: see :mod:`natoiraq.scale`.
    """
    for outcome in extract_outcomes(records, nlp, model=model, reference_date=reference_date, batch_size=batch_size,
                                    workers=workers, chunk_chars=chunk_chars, cache=cache, dask=dask):
        if outcome.facts is not None:
            yield outcome.facts
        elif on_error is not None:
            on_error(outcome)
        else:
            warnings.warn(f"natoiraq: {outcome.record.id}: extraction failed: {outcome.error}", stacklevel=2)


def extract_outcomes(records: Iterable[Record], nlp=None, *, model: str | None = None, parse: str = DEFAULT_PARSE,
                     reference_date: str | None = None, batch_size: int = DEFAULT_BATCH, workers: int = 1,
                     chunk_chars: int = CHUNK_CHARS, cache=None, dask: str | None = None) -> Iterator[Outcome]:
    """One :class:`Outcome` per record, in input order: what :func:`extract_records` runs on.
    ``parse``: how much text the parser reads, where the pipeline is loaded here (see :func:`load`)."""
    options = {"reference_date": reference_date, "batch_size": batch_size, "chunk_chars": chunk_chars}
    pipeline = _Lazy(nlp, model, parse)
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

        return lambda: DaskPool(dask, pipeline.model, options, parse=pipeline.parse)
    if workers > 1:
        return lambda: _WorkerPool(pipeline.get(), workers, options)
    return None


class _Lazy:
    """The pipeline, loaded on first use."""

    def __init__(self, nlp, model: str | None, parse: str = DEFAULT_PARSE):
        self.nlp, self.model, self.parse = nlp, model, parse

    def get(self):
        if self.nlp is None:
            from natoiraq.pipeline.loading import load

            self.nlp = load(self.model, self.parse)
        return self.nlp


def _through_cache(records: Iterable[Record], pipeline: _Lazy, cache, workers: int,
                   options: dict, new_pool=None) -> Iterator[Outcome]:
    """Look a window of records up at once, extract the misses, give everything back in order.

    New entries are written after the window is complete, in one short transaction,
    so a second run sharing the cache waits for a commit, never for an extraction.
    """
    from itertools import islice

    remaining = iter(records)
    window = options["batch_size"] * max(workers, 1) * 4
    pool = None
    try:
        while chunk := list(islice(remaining, window)):
            keys = [cache.key(r, reference_for(r, options["reference_date"]), options["chunk_chars"]) for r in chunk]
            hits = cache.get_many(keys)
            served = [cache.rebuild(r, hits[k]) if k in hits else None for r, k in zip(chunk, keys)]
            misses = [r for r, cached in zip(chunk, served) if cached is None]
            computed: Iterator[Outcome] = iter(())
            if misses and new_pool:
                pool = pool or new_pool()  # one pool for the whole run
                window = max(window, 2 * pool.capacity)  # enough records to keep every worker busy
                computed = pool.run(misses)
            elif misses:
                computed = _in_process(misses, pipeline.get(), **options)
            fresh = []
            for key, cached in zip(keys, served):
                if cached is not None:
                    yield cached
                    continue
                outcome = next(computed)
                if outcome.facts is not None:
                    fresh.append((key, outcome))
                yield outcome
            cache.put_many(fresh)
    finally:
        if pool is not None:
            pool.close()


@dataclass(frozen=True)
class _Piece:
    record: int  # the record's position in this stream
    offset: int  # where this piece starts in the record's text
    text: str


@dataclass
class _Pending:
    """A record whose pieces are on their way through the pipeline."""

    record: Record
    reference: dict
    pieces: int = 0  # how many pieces it has
    done: int = 0  # pieces back from the pipeline
    document: DocumentFacts | None = None  # the facts of the pieces back so far
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def complete(self) -> bool:
        return self.error is not None or self.done == self.pieces


def _in_process(records: Iterable[Record], nlp, *, window: int | None = None, **options) -> Iterator[Outcome]:
    """Outcomes record by record, ``window`` records at a time inside ``nlp.memory_zone()``.

    A zone frees the strings and lexemes its texts added to the vocabulary, so a
    long run over ever-new words stays flat in memory. Nothing made in a zone
    outlives it: facts hold plain Python values only.
    """
    from itertools import islice

    remaining = iter(records)
    while chunk := list(islice(remaining, window or MEMORY_WINDOW)):
        with nlp.memory_zone():
            yield from _in_window(chunk, nlp, **options)


class WorkerZone:
    """One ``nlp.memory_zone()`` across the batches a worker process runs, renewed every
    ``MEMORY_WINDOW`` records, as :func:`_in_process` renews its own.

    A zone per batch would free, every 32 records, the lexemes and tokenizer entries
    the next batch makes again: a fifth more CPU in each worker. A zone is renewed
    only between batches, so a worker running batches in several threads never loses
    strings a batch still reads.
    """

    def __init__(self):
        import threading

        self._lock = threading.Lock()
        self._zone = None
        self._records = self._running = 0

    def run(self, records: list[Record], nlp, **options) -> list[Outcome]:
        with self._lock:
            if self._running == 0 and (self._zone is None or self._records >= MEMORY_WINDOW):
                self.close()
                self._zone, self._records = nlp.memory_zone(), 0
                self._zone.__enter__()
            self._records += len(records)
            self._running += 1
        try:
            return list(_in_window(records, nlp, **options))
        finally:
            with self._lock:
                self._running -= 1

    def close(self) -> None:
        if self._zone is not None:
            self._zone.__exit__(None, None, None)
            self._zone = None


def _in_window(records: Iterable[Record], nlp, *, reference_date: str | None, batch_size: int,
               chunk_chars: int) -> Iterator[Outcome]:
    """Records through the pipeline in batches of at most ``batch_size`` pieces and about
    ``chunk_chars`` characters: memory follows the batch, not the length of a text.

    A batch that raises is run again one piece at a time, so only a record whose own
    piece raises fails. Each piece's facts are taken off its Doc as soon as it is
    parsed; no record keeps its Docs.
    """
    pending: dict[int, _Pending] = {}
    batch: list[_Piece] = []
    size = 0
    for index, record in enumerate(records):
        state = pending[index] = _Pending(record, reference_for(record, reference_date))
        try:
            pieces = split_text(record.text, chunk_chars)
            state.pieces = len(pieces)
            state.reference = _record_reference(nlp, state.reference, pieces)
        except Exception as exc:  # noqa: BLE001  (a text the tokenizer cannot take fails alone)
            state.error, pieces = _reason(exc), []
        for offset, text in pieces:
            if batch and (len(batch) >= batch_size or size + len(text) > chunk_chars):
                _process(nlp, batch, pending)
                batch, size = [], 0
                yield from _finished(pending)
            batch.append(_Piece(index, offset, text))
            size += len(text)
        yield from _finished(pending)
    if batch:
        _process(nlp, batch, pending)
    yield from _finished(pending)


def _finished(pending: dict[int, _Pending]) -> Iterator[Outcome]:
    """The leading records that are complete, in order."""
    while pending:
        index = next(iter(pending))
        state = pending[index]
        if not state.complete:
            return
        del pending[index]
        if state.error is not None:
            yield Outcome(state.record, error=state.error)
        else:
            yield Outcome(state.record, _document(state), notes=state.notes)


def _process(nlp, batch: list[_Piece], pending: dict[int, _Pending]) -> None:
    """Parse a batch and move each piece's facts onto its record."""
    batch = [piece for piece in batch if pending[piece.record].error is None]
    docs = [_doc(nlp, piece, pending[piece.record].reference) for piece in batch]
    made = [i for i, doc in enumerate(docs) if not isinstance(doc, BaseException)]
    parsed = _parse(nlp, [docs[i] for i in made])
    if parsed is None:  # again one piece at a time, so that only the pieces that raise fail
        parsed = [_parse_one(nlp, _doc(nlp, batch[i], pending[batch[i].record].reference)) for i in made]
    for i, doc in zip(made, parsed):
        docs[i] = doc
    for piece, doc in zip(batch, docs):
        state = pending[piece.record]
        if state.error is not None:
            continue
        try:
            if isinstance(doc, BaseException):
                raise doc
            _take_facts(state, piece.offset, doc)
            state.done += 1
        except Exception as exc:  # noqa: BLE001
            state.error = _reason(exc)


def _doc(nlp, piece: _Piece, reference: dict):
    """The piece's unparsed Doc, or the exception the tokenizer raised (a lone surrogate, say)."""
    try:
        doc = nlp.make_doc(piece.text)
    except Exception as exc:  # noqa: BLE001
        return exc
    doc._.natoiraq_reference = dict(reference)
    return doc


def _parse(nlp, docs: list) -> list | None:
    """The batch's Docs, or None when any piece raised (or an error handler dropped one)."""
    if not docs:
        return []
    try:
        parsed = list(nlp.pipe(docs, batch_size=len(docs)))
    except Exception:  # noqa: BLE001  (which piece raised is found by _parse_one)
        return None
    return parsed if len(parsed) == len(docs) else None


def _parse_one(nlp, doc):
    """One Doc through every component, or the exception one of them raised."""
    if isinstance(doc, BaseException):
        return doc
    try:
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc
    except Exception as exc:  # noqa: BLE001
        return exc


def _reason(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _record_reference(nlp, reference: dict, pieces: list[tuple[int, str]]) -> dict:
    """The reference date for the whole record, decided before its text is cut into pieces.

    A long text without one gets its latest full date, found by the date component
    over every piece's tokens (a quick pass with no parser), so two "Tuesday"s in
    one article never resolve against different inferred days.
    """
    if reference["value"] is not None or len(pieces) < 2 or "natoiraq_dates" not in nlp.pipe_names:
        return reference
    finder = nlp.get_pipe("natoiraq_dates")
    inferred = []
    for _, text in pieces:
        doc = nlp.make_doc(text)
        doc._.natoiraq_reference = {"value": None, "origin": None}
        value = (finder(doc)._.natoiraq_reference or {}).get("value")
        if value:
            inferred.append(value)
    return {"value": max(inferred), "origin": "inferred"} if inferred else reference


def _take_facts(state: _Pending, offset: int, doc) -> None:
    """A parsed piece's facts, re-based onto the whole text, kept where every format can hold them."""
    if state.document is None:
        record = state.record
        state.document = DocumentFacts(id=record.id, source=record.source, title=record.title,
                                       reference_date=doc._.natoiraq.reference_date)
    document = state.document
    if document.reference_date.value is None:
        document.reference_date = doc._.natoiraq.reference_date
    document.entities += [_shift(e, offset) for e in doc._.natoiraq.entities]
    for fact in doc._.natoiraq.dates:
        if not date_value_fits(fact.value, fact.granularity, fact.kind):
            state.notes.append(f"date {fact.text!r} resolves to {fact.value!r}, outside years 0001-9999; "
                               "kept without a value")
            fact.value = None
        document.dates.append(_shift(fact, offset))
    for figure in doc._.natoiraq.troops:
        if figure_fits(figure.value, figure.low, figure.high):
            document.troops.append(_shift(figure, offset))
        else:
            state.notes.append(f"troop figure {figure.text!r} at {figure.start + offset} is larger than "
                               f"{FIGURE_MAX:,}; left out")


def _document(state: _Pending) -> DocumentFacts:
    """The record's facts under its own id, source, title and meta, with the meta's url."""
    record = state.record
    document = state.document or DocumentFacts(id=record.id, source=record.source, title=record.title,
                                               reference_date=ReferenceDate(**state.reference))
    meta = dict(record.meta)
    if record.url:
        meta.setdefault("url", record.url)
    document.meta = meta
    return document


# Each worker process holds one pipeline, set by _start_worker.
_WORKER: dict[str, Any] = {}


def _start_worker(nlp_or_name, options: dict) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler cleans up the parent, not a worker
    if isinstance(nlp_or_name, tuple):  # (model name, parse mode)
        from natoiraq.pipeline.loading import load

        nlp_or_name = load(*nlp_or_name)
    _WORKER.update(nlp=nlp_or_name, options=options, zone=WorkerZone())


def _work(batch: list[Record]) -> list[Outcome]:
    return _WORKER["zone"].run(batch, _WORKER["nlp"], **_WORKER["options"])


class _WorkerPool:
    """Worker processes that each hold the pipeline; batches go out, outcomes come back in order.

    A worker that dies (killed for memory, a crash in native code) takes its batch
    with it, and multiprocessing would wait for that batch for ever: the pool is
    watched, and when a worker is gone the batches in flight are run again one
    record at a time in a fresh pool, so only the record that kills a worker fails.
    """

    def __init__(self, nlp, workers: int, options: dict):
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            context, shipped = multiprocessing.get_context("fork"), nlp  # workers share the loaded model
        else:  # no fork (Windows, macOS defaults): each worker loads the model package by name
            context = multiprocessing.get_context("spawn")
            shipped = (f"{nlp.lang}_{nlp.meta['name']}", "candidates" if "natoiraq_candidates" in nlp.pipe_names
                       else "all")
        self.workers = workers
        self.batch_size = options["batch_size"]
        self.capacity = 2 * workers * self.batch_size  # records in flight at most
        self._start = lambda: context.Pool(workers, initializer=_start_worker, initargs=(shipped, options))
        self.pool = self._start()
        self._processes = list(self.pool._pool)  # noqa: SLF001  (no public way to see a worker die)

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
        from collections import deque
        from itertools import islice

        in_flight: deque = deque()
        remaining = iter(records)
        for batch in iter(lambda: list(islice(remaining, self.batch_size)), []):
            in_flight.append((batch, self.pool.apply_async(_work, (batch,))))
            if len(in_flight) >= 2 * self.workers:  # bounded: memory stays flat on any corpus size
                yield from self._collect(in_flight)
        while in_flight:
            yield from self._collect(in_flight)

    def _collect(self, in_flight) -> list[Outcome]:
        """The first batch's outcomes; if a worker died, every batch in flight, one record at a time."""
        batch, result = in_flight[0]
        while not result.ready():
            result.wait(0.5)
            if not result.ready() and self._worker_died():
                records = [record for batch, _ in in_flight for record in batch]
                in_flight.clear()
                return [self._alone(record) for record in records]
        in_flight.popleft()
        try:
            return result.get()
        except Exception as exc:  # noqa: BLE001  (e.g. facts that cannot be pickled)
            return [Outcome(record, error=f"worker failed: {_reason(exc)}") for record in batch]

    def _worker_died(self) -> bool:
        return any(process.exitcode is not None for process in self._processes)

    def _alone(self, record: Record) -> Outcome:
        if self._worker_died():
            self.close()
            self.pool = self._start()
            self._processes = list(self.pool._pool)  # noqa: SLF001
        result = self.pool.apply_async(_work, ([record],))
        while not result.ready():
            result.wait(0.5)
            if not result.ready() and self._worker_died():
                return Outcome(record, error="the worker process died (killed for memory, or a crash)")
        try:
            return result.get()[0]
        except Exception as exc:  # noqa: BLE001
            return Outcome(record, error=f"worker failed: {_reason(exc)}")

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def _collect(batch: list[Record], fetch) -> list[Outcome]:
    """A batch's outcomes from ``fetch()`` (a worker's or a Dask future's result); a batch whose results
    cannot come back fails as a whole, by name."""
    try:
        return fetch()
    except Exception as exc:  # noqa: BLE001  (e.g. facts that cannot be pickled)
        return [Outcome(record, error=f"worker failed: {_reason(exc)}") for record in batch]


def _in_workers(records: Iterable[Record], new_pool) -> Iterator[Outcome]:
    pool = new_pool()
    try:
        yield from pool.run(records)
    finally:
        pool.close()


def extract_dicts(rows: Iterable[dict[str, Any]], nlp=None, **options) -> Iterator[dict[str, Any]]:
    """:func:`extract_records` over JSON Lines records as dicts, facts as dicts.

    A row that is not a valid record raises ``ValueError`` naming its id; a record whose
    extraction fails is skipped as in :func:`extract_records` (``on_error=`` to collect it).
    """
    def records() -> Iterator[Record]:
        for number, row in enumerate(rows, start=1):
            record = _record_from_json(row, "<records>", str(row.get("id", number)) if isinstance(row, dict) else str(number), None)
            if isinstance(record, str):
                raise ValueError(f"record {number}: {record}")
            yield record

    for facts in extract_records(records(), nlp, **options):
        yield facts.to_dict()


def _shift(fact: Entity | DateFact | TroopFigure, offset: int):
    if offset:
        fact.start += offset
        fact.end += offset
    return fact
