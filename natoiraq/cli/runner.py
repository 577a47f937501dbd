"""One ``extract`` run: inputs read, failures reported, facts written, a summary.

Separate from :mod:`natoiraq.cli` so that option parsing stays thin and this
orchestration is testable without Click.
"""

from __future__ import annotations

import sqlite3
import sys
from collections import deque
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field

from natoiraq.errors import NatoiraqError
from natoiraq.reading.inputs import InputFailure, InputWarning, Item, Record, read_inputs

PROGRESS_AFTER = 3  # documents before a progress bar is worth showing


@dataclass
class Report:
    """What happened to the inputs: failures named, successes counted."""

    documents: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)

    def records(self, items: Iterable[Item], echo) -> Iterator[Record]:
        """The good records; each failure or warning is reported the moment it is met."""
        for item in items:
            if isinstance(item, InputWarning):
                self.warnings.append(item)
                echo(f"natoiraq: warning: {item}")
            elif isinstance(item, InputFailure):
                self.failures.append(item)
                echo(f"natoiraq: {item}")
            else:
                yield item

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    def close(self, echo, *, quiet: bool = False, output: str | None = None) -> None:
        """The closing summary line, when there is something to say."""
        if not quiet and (self.failures or self.warnings or self.documents > PROGRESS_AFTER or output):
            echo(f"natoiraq: {self.summary()}" + (f" to {output}" if output else ""))

    def summary(self) -> str:
        text = f"{self.documents} document{'s' if self.documents != 1 else ''} extracted"
        if self.failures:
            text += f", {len(self.failures)} input{'s' if len(self.failures) != 1 else ''} failed"
        if self.warnings:
            text += f", {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        return text


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def iter_facts(paths: list[str], report: Report, *, nlp=None, model: str | None = None,
               reference_date: str | None = None, workers: int = 1, batch_size: int = 32, stdin=None,
               echo=_stderr, progress: bool = False, use_cache: bool = True, pairs: bool = False,
               dask: str | None = None) -> Iterator:
    """Facts for every readable input under ``paths``; failures go to ``report`` and ``echo``.

    With ``pairs``, (record, facts) pairs: for what needs the article's text too.
    The model is loaded by extraction, when a record first needs it; a missing
    model raises NatoiraqError then.
    """
    from natoiraq.extract import extract_records
    from natoiraq.pipeline.loading import model_name

    cache = None
    if use_cache:
        from natoiraq.cache import FactCache

        try:
            cache = FactCache(model_name(model))
        except (OSError, sqlite3.Error) as exc:  # a read-only home must not stop the analysis
            echo(f"natoiraq: warning: cache unavailable ({exc}); running without it")
    in_flight: deque[Record] = deque()  # records handed to extraction, not yet back as facts

    def records() -> Iterator[Record]:
        for record in report.records(read_inputs(paths, stdin=stdin), echo):
            in_flight.append(record)
            yield record

    try:
        with _Progress(enabled=progress and sys.stderr.isatty()) as bar:
            for facts in extract_records(records(), nlp, model=model, reference_date=reference_date,
                                         batch_size=batch_size, workers=workers, cache=cache, dask=dask):
                report.documents += 1
                bar.advance(report.documents)
                record = in_flight.popleft()
                yield (record, facts) if pairs else facts
    finally:
        if cache is not None:
            cache.close()


def run_extract(paths: list[str], *, fmt: str, output: str | None = None, model: str | None = None,
                reference_date: str | None = None, workers: int = 1, batch_size: int = 32,
                quiet: bool = False, stdin=None, stdout=None, echo=_stderr, nlp=None, use_cache: bool = True,
                dask: str | None = None) -> int:
    """Run ``natoiraq extract``; returns the exit status. ``nlp``: a pipeline already loaded."""
    from natoiraq.outputs.writers import atomic_output, make_writer

    stdout = stdout or sys.stdout
    report = Report()
    try:
        facts = iter_facts(paths, report, nlp=nlp, model=model, reference_date=reference_date, workers=workers,
                           batch_size=batch_size, stdin=stdin, echo=echo, progress=not quiet, use_cache=use_cache,
                           dask=dask)
        first = next(facts, None)  # the model loads here: its error comes before any output file exists
    except NatoiraqError as exc:
        echo(f"natoiraq: {exc}")
        return 1
    except KeyboardInterrupt:
        echo("natoiraq: interrupted before the first document; nothing written")
        return 130
    try:
        with ExitStack() as stack:
            stream = stack.enter_context(atomic_output(output, newline="" if fmt == "csv" else None)) \
                if output else stdout
            writer = make_writer(fmt, stream)
            for item in ([first] if first is not None else []):
                writer.write(item)
            for item in facts:
                writer.write(item)
            writer.close()
    except NatoiraqError as exc:  # the model, first needed after some cached documents
        echo(f"natoiraq: {exc}")
        return 1
    except KeyboardInterrupt:
        echo(f"natoiraq: interrupted after {report.documents} documents" + ("; no output file written" if output else ""))
        return 130
    except BrokenPipeError:
        return 0  # `natoiraq extract ... | head`: the reader has what it wanted
    except OSError as exc:
        echo(f"natoiraq: {output or 'stdout'}: {exc.strerror or exc}")
        return 1
    report.close(echo, quiet=quiet, output=output)
    return report.exit_code


class _Progress:
    """A progress line on stderr, shown only once a run is more than a few documents long."""

    def __init__(self, enabled: bool):
        self.enabled = enabled
        self._progress = None
        self._task = None

    def __enter__(self) -> "_Progress":
        return self

    def advance(self, done: int) -> None:
        if not self.enabled or done <= PROGRESS_AFTER:
            return
        if self._progress is None:
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn

            self._progress = Progress(SpinnerColumn(), "[progress.description]{task.description}", BarColumn(),
                                      MofNCompleteColumn(), TimeElapsedColumn(),
                                      console=Console(stderr=True), transient=True)
            self._progress.start()
            self._task = self._progress.add_task("extracting", total=None)
        self._progress.update(self._task, completed=done)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()
