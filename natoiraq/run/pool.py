"""Worker processes that each hold the pipeline, watched so that a worker's death costs one record."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from natoiraq.reading.inputs import Record
from natoiraq.run.batches import WorkerZone
from natoiraq.run.options import ExtractOptions
from natoiraq.run.outcome import Outcome, collect

# Each worker process holds one pipeline, set by _start_worker.
_WORKER: dict[str, Any] = {}


def _start_worker(nlp_or_name, options: ExtractOptions) -> None:
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler cleans up the parent, not a worker
    if isinstance(nlp_or_name, tuple):  # (model name, parse mode)
        from natoiraq.pipeline.loading import load

        nlp_or_name = load(*nlp_or_name)
    _WORKER.update(nlp=nlp_or_name, options=options, zone=WorkerZone())


def _work(batch: list[Record]) -> list[Outcome]:
    return _WORKER["zone"].run(batch, _WORKER["nlp"], _WORKER["options"])


class WorkerPool:
    """Worker processes that each hold the pipeline; batches go out, outcomes come back in order.

    A worker that dies (killed for memory, a crash in native code) takes its batch
    with it, and multiprocessing would wait for that batch for ever: the pool is
    watched, and when a worker is gone the batches in flight are run again one
    record at a time in a fresh pool, so only the record that kills a worker fails.
    """

    def __init__(self, nlp, options: ExtractOptions):
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            context, shipped = multiprocessing.get_context("fork"), nlp  # workers share the loaded model
        else:  # no fork (Windows, macOS defaults): each worker loads the model package by name
            context = multiprocessing.get_context("spawn")
            shipped = (f"{nlp.lang}_{nlp.meta['name']}", "candidates" if "natoiraq_candidates" in nlp.pipe_names
                       else "all")
        workers = self.workers = options.workers
        self.batch_size = options.batch_size
        self.capacity = 2 * workers * self.batch_size  # records in flight at most
        self._start = lambda: context.Pool(workers, initializer=_start_worker, initargs=(shipped, options.shipped()))
        self.pool = self._start()
        self._processes = list(self.pool._pool)  # noqa: SLF001  (no public way to see a worker die)

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
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
        return collect(batch, result.get)

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
        return collect([record], result.get)[0]

    def close(self) -> None:
        self.pool.terminate()
        self.pool.join()


def in_workers(records: Iterable[Record], new_pool) -> Iterator[Outcome]:
    """Every record's outcome from a pool made by ``new_pool()``, closed when the stream ends."""
    pool = new_pool()
    try:
        yield from pool.run(records)
    finally:
        pool.close()
