"""natoiraq on a Dask cluster: the same facts as ``natoiraq extract``, from many machines.

``natoiraq extract archive/ --dask tcp://scheduler:8786 -o facts.jsonl`` reads
the inputs and writes the output here, exactly as without ``--dask``; only the
extraction runs on the cluster's workers. Records go out in small batches, at
most two per worker thread in flight, so a worker that finishes early is given
the next batch (balanced whatever the sizes), and facts come back in input
order. Each worker process loads the model once and keeps it (:func:`pipeline`).

What a cluster needs: natoiraq and its model installed on every worker (the
same versions as here), and the workers able to reach this machine's client
connection. Inputs and outputs stay on this machine; only texts and facts
cross the network.

For engines that already hold the data in a Dask bag or dataframe,
:func:`natoiraq.extract.extract_partition` is the function to map over partitions
of JSON Lines (see ``examples/dask_extract.py``); it loads the pipeline once per
worker process through :func:`pipeline` here.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from functools import lru_cache
from itertools import islice

from natoiraq.errors import NatoiraqError
from natoiraq.pipeline.loading import DEFAULT_PARSE
from natoiraq.reading.inputs import Record
from natoiraq.run.batches import WorkerZone
from natoiraq.run.options import ExtractOptions
from natoiraq.run.outcome import Outcome, collect

#: Seconds to wait for the scheduler to answer before giving up with a clear error.
CONNECT_TIMEOUT = 30
#: Batches in flight per worker thread: one running, one waiting, so no thread idles between batches.
IN_FLIGHT_PER_THREAD = 2


@lru_cache(maxsize=1)
def pipeline(model: str | None, parse: str = DEFAULT_PARSE):
    """This process's pipeline, loaded on first use and kept: once per worker, not per task."""
    from natoiraq.pipeline.loading import load

    return load(model, parse)


@lru_cache(maxsize=1)
def _zone() -> WorkerZone:
    """This process's memory zone, across the batches it runs."""
    return WorkerZone()


def warm(model: str | None, parse: str = DEFAULT_PARSE) -> str:
    """Load the pipeline now (run on every worker before the first batch); the model's name."""
    return pipeline(model, parse).meta["name"]


def extract_batch(records: list[Record], options: ExtractOptions) -> list[Outcome]:
    """One batch of records in, their outcomes (facts, or why a record failed) out, on whichever worker runs it."""
    return _zone().run(records, pipeline(options.model, options.parse), options)


class DaskPool:
    """Batches of records out to a Dask cluster's workers, outcomes back in order (as
    :class:`~natoiraq.run.pool.WorkerPool`)."""

    def __init__(self, address: str, options: ExtractOptions):
        try:
            from distributed import Client
        except ImportError as exc:
            raise NatoiraqError("--dask needs Dask's distributed scheduler: pip install 'dask[distributed]'") from exc
        from natoiraq.pipeline.loading import model_name

        # The model resolved here, so every worker runs the same model as the cache expects.
        self.options = replace(options.shipped(), model=model_name(options.model))
        _check_address(address)
        try:
            self.client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise NatoiraqError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
        try:
            # every worker loads the model once, before any batch is timed
            self.client.run(warm, self.options.model, self.options.parse)
        except Exception as exc:
            self.client.close()
            raise NatoiraqError(f"Dask workers at {address} cannot load the model '{self.options.model}': {exc}") from exc
        threads = sum(self.client.nthreads().values())
        self.slots = max(1, threads) * IN_FLIGHT_PER_THREAD
        self.capacity = self.slots * options.batch_size  # records in flight at most

    def run(self, records: Iterable[Record]) -> Iterator[Outcome]:
        in_flight: deque = deque()
        remaining = iter(records)
        size = self.options.batch_size
        for batch in iter(lambda: list(islice(remaining, size)), []):
            future = self.client.submit(extract_batch, batch, self.options, pure=False)
            in_flight.append((batch, future.result))
            if len(in_flight) >= self.slots:  # bounded: memory here stays flat on any corpus size
                yield from collect(*in_flight.popleft())
        while in_flight:
            yield from collect(*in_flight.popleft())

    def close(self) -> None:
        self.client.close()


def _check_address(address: str) -> None:
    """A clear error for an address that is not one, before a Client half-starts on it."""
    from distributed.comm.addressing import parse_address, parse_host_port

    try:
        scheme, location = parse_address(address)
        if scheme in ("tcp", "tls"):
            parse_host_port(location)
    except ValueError as exc:
        raise NatoiraqError(f"--dask {address!r} is not a scheduler address like tcp://host:8786 ({exc})") from exc
