"""One ``extract`` run: inputs read, failures reported, facts written, a summary.

Separate from :mod:`natoiraq.cli` so that option parsing stays thin and this
orchestration is testable without Click.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass, field

from natoiraq.cli.exits import Exit, silence_stdout
from natoiraq.errors import NatoiraqError
from natoiraq.reading.inputs import InputFailure, InputWarning, Item, Record, read_inputs
from natoiraq.reading.language import english_only
from natoiraq.run.options import KEEP, ExtractOptions

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
        return Exit.FAILED if self.failures else Exit.OK

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


@contextmanager
def signals_deferred() -> Iterator[Callable[[], bool]]:
    """Ctrl-C and SIGTERM only noted inside the block, which polls the callable it is given
    (``query``'s SQLite progress handler; inside SQLite a raised KeyboardInterrupt would be lost),
    then handled as usual when it ends: 130 or 143, as anywhere else."""
    import signal

    pending: list[int] = []
    held = [signum for signum in (signal.SIGINT, signal.SIGTERM) if signal.getsignal(signum) != signal.SIG_IGN]
    previous = {signum: signal.signal(signum, lambda signum, frame: pending.append(signum)) for signum in held}
    try:
        yield lambda: bool(pending)
    finally:
        for signum in held:
            signal.signal(signum, previous[signum])
        for signum in pending[:1]:
            if callable(previous[signum]):
                previous[signum](signum, None)
            else:
                signal.raise_signal(signum)  # SIG_DFL ends the process as the signal would have


def terminated_exit(code):
    """The exit status: TERMINATED where a SIGTERM ended the run, else ``code``."""
    return Exit.TERMINATED if _TERMINATED and code not in (0, None) else code


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def iter_facts(paths: list[str], report: Report, options: ExtractOptions, *, nlp=None, stdin=None, echo=_stderr,
               progress: bool = False, pairs: bool = False, console=None) -> Iterator:
    """Facts for every readable input under ``paths``, extracted as ``options`` say; failures go to
    ``report`` and ``echo``. ``options.cache=True``: the cache in the user's cache directory.

    ``progress`` draws a bar on ``console`` (by default one on stderr) when it is a terminal.

    With ``pairs``, (record, facts) pairs: for what needs the article's text too.
    The model is loaded by extraction, when a record first needs it; a missing
    model raises NatoiraqError then. A record whose extraction fails is reported
    (``PATH[:LINE]: extraction failed: REASON``) and the others go on. A copy of an
    earlier article in the run is counted in ``report.duplicates`` and given as
    ``options.duplicates`` says (see :mod:`natoiraq.run.dedupe`).
    """
    from natoiraq.extract import extract_outcomes
    from natoiraq.outputs.progress import progress_bar

    def warn(message: str) -> None:
        echo(f"natoiraq: warning: {message}")

    report.duplicates_kept = options.duplicates == KEEP
    fields = dict(options.fields) if options.fields else None
    items = read_inputs(paths, stdin=stdin, fields=fields)
    with progress_bar(paths, console or _stderr_console(), progress, after=PROGRESS_AFTER) as bar:
        records = _counted(report.records(items if options.any_language else english_only(items), echo), bar.read)
        for outcome in extract_outcomes(records, nlp, options, warn=warn):
            record = outcome.record
            if outcome.copy_of:
                report.duplicates.append((record.id, *outcome.copy_of))
            if not outcome.extracted:
                if outcome.facts is not None:
                    yield (record, outcome.facts) if pairs else outcome.facts
                continue
            where = record.source or record.id
            for note in outcome.notes:
                report.warn(InputWarning(where, note, record.line), echo)
            if outcome.facts is None:
                report.fail(InputFailure(where, f"extraction failed: {outcome.error}", record.line), echo)
                continue
            report.documents += 1
            bar.advance(report.documents)
            yield (record, outcome.facts) if pairs else outcome.facts


def _counted(records: Iterable[Record], read: Callable[[int], None]) -> Iterator[Record]:
    """``records``, telling ``read`` how many have been read as each is."""
    for count, record in enumerate(records, 1):
        read(count)
        yield record


def run_extract(paths: list[str], options: ExtractOptions, *, fmt: str, output: str | None = None,
                quiet: bool = False, stdin=None, stdout=None, echo=_stderr, nlp=None, view=None, console=None,
                progress: bool | None = None) -> int:
    """Run ``natoiraq extract``; returns the exit status (:mod:`natoiraq.cli.exits`). ``nlp``: a pipeline
    already loaded.

    ``view`` is the table view (for ``fmt="table"``); ``console`` the one it and the progress bar
    share; ``progress`` defaults to ``not quiet``; ``options`` as :func:`iter_facts` takes them (the
    CLI lists copies here, ``duplicates="mark"``: the documents are the output)."""
    from natoiraq.cli.render import write_items
    from natoiraq.outputs.writers import OutputError, atomic_output

    def stream():
        return atomic_output(output, newline="" if fmt == "csv" else None) if output else nullcontext(stdout)

    def failed(facts, exc: Exception) -> None:  # facts a writer cannot encode fail that document alone
        report.documents -= 1
        report.fail(InputFailure(facts.source or facts.id, f"facts could not be written: {type(exc).__name__}: "
                                                           f"{exc}"), echo)

    stdout = stdout or sys.stdout
    report = Report()
    try:
        write_items(iter_facts(paths, report, options, nlp=nlp, stdin=stdin, echo=echo, console=console,
                               progress=not quiet if progress is None else progress),
                    fmt, stream, view=view, failed=failed, spreadsheet=bool(output))
    except NatoiraqError as exc:  # the model, needed by the first record or first after some cached ones
        echo(f"natoiraq: {exc}")
        return Exit.FAILED
    except KeyboardInterrupt:
        echo(f"natoiraq: interrupted after {report.documents} documents" + ("; no output file written" if output else "")
             if report.documents else "natoiraq: interrupted before the first document; nothing written")
        return Exit.INTERRUPTED
    except BrokenPipeError:
        silence_stdout()
        return Exit.OK  # `natoiraq extract ... | head`: the reader has what it wanted
    except OSError as exc:  # a full disk, a device that refuses
        echo(f"natoiraq: {OutputError(output or 'stdout', exc)}")
        return Exit.FAILED
    report.close(echo, quiet=quiet, output=output)
    return report.exit_code


def _stderr_console():
    from rich.console import Console

    return Console(stderr=True)
