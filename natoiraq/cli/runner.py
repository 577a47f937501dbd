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
from natoiraq.facts import DocumentFacts, ReferenceDate
from natoiraq.pipeline.loading import DEFAULT_PARSE
from natoiraq.reading.inputs import InputFailure, InputWarning, Item, Record, read_inputs

PROGRESS_AFTER = 3  # documents before a progress bar is worth showing


@dataclass
class Report:
    """What happened to the inputs: failures named, successes counted."""

    documents: int = 0
    failures: list[InputFailure] = field(default_factory=list)
    warnings: list[InputWarning] = field(default_factory=list)
    duplicates: list[tuple[str, str, str]] = field(default_factory=list)  # (copy's id, original's id, exact|near)
    duplicates_kept: bool = False

    def records(self, items: Iterable[Item], echo) -> Iterator[Record]:
        """The good records; each failure or warning is reported the moment it is met."""
        for item in items:
            if isinstance(item, InputWarning):
                self.warn(item, echo)
            elif isinstance(item, InputFailure):
                self.fail(item, echo)
            else:
                yield item

    def warn(self, item: InputWarning, echo) -> None:
        self.warnings.append(item)
        echo(f"natoiraq: warning: {item}")

    def fail(self, item: InputFailure, echo) -> None:
        self.failures.append(item)
        echo(f"natoiraq: {item}")

    @property
    def exit_code(self) -> int:
        return 1 if self.failures else 0

    def close(self, echo, *, quiet: bool = False, output: str | None = None) -> None:
        """The closing summary line, when there is something to say."""
        if not quiet and (self.failures or self.warnings or self.duplicates or self.documents > PROGRESS_AFTER
                          or output):
            echo(f"natoiraq: {self.summary()}" + (f" to {output}" if output else ""))

    def summary(self) -> str:
        text = f"{self.documents} document{'s' if self.documents != 1 else ''} extracted"
        if self.failures:
            text += f", {len(self.failures)} input{'s' if len(self.failures) != 1 else ''} failed"
        if self.warnings:
            text += f", {len(self.warnings)} warning{'s' if len(self.warnings) != 1 else ''}"
        if self.duplicates:
            count = len(self.duplicates)
            text += f", {count} duplicate{'s' if count != 1 else ''} " + (
                "extracted too (--keep-duplicates)" if self.duplicates_kept
                else "not extracted again (duplicate_of names the original)")
        return text


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C would be so that the same clean-up runs."""


_TERMINATED = []


def trap_sigterm() -> None:
    import signal

    def terminate(signum, frame):
        _TERMINATED.append(signum)
        raise Terminated()

    signal.signal(signal.SIGTERM, terminate)


def terminated_exit(code):
    """The exit status: 143 (128 + SIGTERM) where a SIGTERM ended the run, else ``code``."""
    return 143 if _TERMINATED and code not in (0, None) else code


def silence_stdout() -> None:
    """After a broken pipe: later writes and the final flush go nowhere, instead of raising again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests' captured stdout)
        pass


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def iter_facts(paths: list[str], report: Report, *, nlp=None, model: str | None = None, parse: str = DEFAULT_PARSE,
               reference_date: str | None = None, workers: int = 1, batch_size: int = 32, stdin=None,
               echo=_stderr, progress: bool = False, use_cache: bool = True, pairs: bool = False,
               console=None, fields: dict[str, str] | None = None, include_text: bool = False,
               duplicates: str = "omit", dask: str | None = None) -> Iterator:
    """Facts for every readable input under ``paths``; failures go to ``report`` and ``echo``.

    ``progress`` draws a bar on ``console`` (by default one on stderr) when it is a terminal.

    With ``pairs``, (record, facts) pairs: for what needs the article's text too.
    The model is loaded by extraction, when a record first needs it; a missing
    model raises NatoiraqError then. A record whose extraction fails is reported
    (``PATH[:LINE]: extraction failed: REASON``) and the others go on. ``fields``: JSON Lines
    field names (see :func:`read_inputs`); ``include_text``: facts carry the document's text.
    A copy of an earlier article in the run is not extracted: with
    ``duplicates="omit"`` it is left out, with ``"mark"`` it is given as a
    document without facts whose ``duplicate_of`` names the original, with
    ``"keep"`` it is extracted in full and marked all the same. ``dask``: a scheduler address to
    extract on (see :mod:`natoiraq.scale`).
    """
    from natoiraq.extract import extract_outcomes
    from natoiraq.outputs.progress import progress_bar
    from natoiraq.pipeline.loading import model_name
    from natoiraq.reading.duplicates import Duplicates

    cache = None
    if use_cache:
        from natoiraq.cache import FactCache

        def warn(message: str) -> None:
            echo(f"natoiraq: warning: {message}")

        try:
            cache = FactCache(model_name(model), warn=warn)
        except (OSError, sqlite3.Error) as exc:  # a read-only home must not stop the analysis
            warn(f"cache unavailable ({exc}); running without it")
    seen = Duplicates()
    report.duplicates_kept = duplicates == "keep"
    # Records read and not yet given back, in input order, each with the id of the article it copies.
    in_flight: deque[tuple[Record, str | None]] = deque()

    def records() -> Iterator[Record]:
        for record in report.records(read_inputs(paths, stdin=stdin, fields=fields), echo):
            copy = seen.original(record.id, record.text)
            if copy:
                report.duplicates.append((record.id, *copy))
            in_flight.append((record, copy and copy[0]))
            if not copy or duplicates == "keep":
                yield record

    def finished(record: Record, facts: DocumentFacts, original: str | None):
        facts.duplicate_of = original
        if include_text:
            facts.text = record.text
        return (record, facts) if pairs else facts

    def copies_left_out() -> Iterator:
        """The copies ahead of the next extracted record in input order, which extraction skipped."""
        while in_flight and in_flight[0][1] and duplicates != "keep":
            record, original = in_flight.popleft()
            if duplicates == "mark":
                yield finished(record, _unextracted(record), original)

    try:
        with progress_bar(paths, console or _stderr_console(), progress, after=PROGRESS_AFTER) as bar:
            for outcome in extract_outcomes(records(), nlp, model=model, parse=parse, reference_date=reference_date,
                                            batch_size=batch_size, workers=workers, cache=cache, dask=dask):
                yield from copies_left_out()
                record, original = in_flight.popleft()  # outcome.record: outcomes come in input order
                where = record.source or record.id
                for note in outcome.notes:
                    report.warn(InputWarning(where, note, record.line), echo)
                if outcome.facts is None:
                    report.fail(InputFailure(where, f"extraction failed: {outcome.error}", record.line), echo)
                    continue
                report.documents += 1
                bar.advance(report.documents)
                yield finished(record, outcome.facts, original)
            yield from copies_left_out()
    finally:
        if cache is not None:
            cache.close()


def _unextracted(record: Record) -> DocumentFacts:
    """A copy's document object: who it is, no facts (those are its original's)."""
    return DocumentFacts(id=record.id, source=record.source, title=record.title,
                         reference_date=ReferenceDate(None, None),
                         meta={**record.meta, **({"url": record.url} if record.url else {})})


def run_extract(paths: list[str], *, fmt: str, output: str | None = None, model: str | None = None,
                parse: str = DEFAULT_PARSE,
                reference_date: str | None = None, workers: int = 1, batch_size: int = 32,
                quiet: bool = False, stdin=None, stdout=None, echo=_stderr, nlp=None, use_cache: bool = True,
                view=None, console=None, progress: bool | None = None, fields: dict[str, str] | None = None,
                include_text: bool = False, duplicates: str = "mark", dask: str | None = None) -> int:
    """Run ``natoiraq extract``; returns the exit status. ``nlp``: a pipeline already loaded.

    ``view`` is the table view (for ``fmt="table"``); ``console`` the one it and the progress bar
    share; ``progress`` defaults to ``not quiet``; ``fields``, ``include_text``, ``duplicates`` and
    ``dask`` as :func:`iter_facts` takes them, copies marked by default."""
    from natoiraq.outputs.writers import atomic_output, make_writer

    stdout = stdout or sys.stdout
    report = Report()
    try:
        facts = iter_facts(paths, report, nlp=nlp, model=model, parse=parse, reference_date=reference_date, workers=workers,
                           batch_size=batch_size, stdin=stdin, echo=echo, use_cache=use_cache, console=console,
                           progress=not quiet if progress is None else progress, fields=fields,
                           include_text=include_text, duplicates=duplicates, dask=dask)
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
            writer = make_writer(fmt, stream, view=view)
            for item in ([first] if first is not None else []):
                _write(writer, item, report, echo)
            for item in facts:
                _write(writer, item, report, echo)
            writer.close()
    except NatoiraqError as exc:  # the model, first needed after some cached documents
        echo(f"natoiraq: {exc}")
        return 1
    except KeyboardInterrupt:
        echo(f"natoiraq: interrupted after {report.documents} documents" + ("; no output file written" if output else ""))
        return 130
    except BrokenPipeError:
        silence_stdout()
        return 0  # `natoiraq extract ... | head`: the reader has what it wanted
    except OSError as exc:
        echo(f"natoiraq: {output or 'stdout'}: {exc.strerror or exc}")
        return 1
    report.close(echo, quiet=quiet, output=output)
    return report.exit_code


def _write(writer, facts, report: Report, echo) -> None:
    """One document out; facts a writer cannot encode fail that document alone (a disk error ends the run)."""
    try:
        writer.write(facts)
    except (ValueError, TypeError, RecursionError) as exc:
        report.documents -= 1
        report.fail(InputFailure(facts.source or facts.id, f"facts could not be written: {type(exc).__name__}: "
                                                           f"{exc}"), echo)


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
