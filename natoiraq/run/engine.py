"""Which way a run goes: in this process, in worker processes, on a Dask cluster; through the cache or
not; with copies of earlier articles left out, marked or kept. :func:`outcomes` puts the parts together."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace

from natoiraq.pipeline.loading import DEFAULT_PARSE
from natoiraq.reading.inputs import Record
from natoiraq.run.batches import in_process
from natoiraq.run.options import ExtractOptions
from natoiraq.run.outcome import Outcome


def outcomes(records: Iterable[Record], nlp, options: ExtractOptions,
             warn: Callable[[str], None] | None = None) -> Iterator[Outcome]:
    """One :class:`Outcome` per record, in input order. ``warn``: where the default cache
    (``options.cache=True``) says it cannot be used; by default a Python warning."""
    from natoiraq.run.cache import open_default

    opened = open_default(options.model, warn) if options.cache is True else None
    if isinstance(options.cache, bool):  # True: the default cache, opened here; False: none
        options = replace(options, cache=opened)
    try:
        if options.duplicates:
            from natoiraq.run.dedupe import Copies

            stream = Copies(options.duplicates).run(records, lambda kept: _extracted(kept, nlp, options))
        else:
            stream = _extracted(records, nlp, options)
        for outcome in stream:
            if options.include_text and outcome.facts is not None:
                outcome.facts.text = outcome.record.text
            yield outcome
    finally:
        if opened is not None:
            opened.close()


def _extracted(records: Iterable[Record], nlp, options: ExtractOptions) -> Iterator[Outcome]:
    pipeline = _Lazy(nlp, options.model, options.parse)
    new_pool = _pool_factory(pipeline, options)
    if options.cache is None:
        if new_pool:
            from natoiraq.run.pool import in_workers

            yield from in_workers(records, new_pool)
        else:
            yield from in_process(records, pipeline.get(), options)
        return
    from natoiraq.run.cache import through_cache

    yield from through_cache(records, options.cache, options, new_pool,
                             lambda misses: in_process(misses, pipeline.get(), options))


def _pool_factory(pipeline: _Lazy, options: ExtractOptions):
    """What makes the pool that extracts in parallel, or None to extract in this process."""
    if options.dask:
        from natoiraq.run.dask import DaskPool

        return lambda: DaskPool(options.dask, options)
    if options.workers > 1:
        from natoiraq.run.pool import WorkerPool

        return lambda: WorkerPool(pipeline.get(), options)
    return None


class _Lazy:
    """The pipeline, loaded on first use: a run whose every record the cache serves loads no model."""

    def __init__(self, nlp, model: str | None, parse: str = DEFAULT_PARSE):
        self.nlp, self.model, self.parse = nlp, model, parse

    def get(self):
        if self.nlp is None:
            from natoiraq.pipeline.loading import load

            self.nlp = load(self.model, self.parse)
        return self.nlp
