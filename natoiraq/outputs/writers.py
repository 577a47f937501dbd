"""Writers: facts out as JSON Lines, a JSON array, or rich tables for a person.

``atomic_output`` gives every ``-o FILE`` the same promise: the file appears,
complete, only when the run succeeds; an existing file is replaced only then.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TextIO

from natoiraq.errors import NatoiraqError
from natoiraq.facts import DateFact, DocumentFacts, Entity, TroopFigure
from natoiraq.outputs import columns as columns_of
from natoiraq.reading.inputs import shown

FORMATS = ("table", "jsonl", "json", "csv")

#: The fact kinds of a CSV file: the "type" column, the DocumentFacts attribute, the fact class.
CSV_KINDS = (("entity", "entities", Entity), ("date", "dates", DateFact), ("troops", "troops", TroopFigure))
#: CSV columns: one row per fact, its kind in "type"; a column a fact lacks stays empty.
CSV_COLUMNS = ("type", "document", *dict.fromkeys(name for _, _, cls in CSV_KINDS for name in columns_of.names(cls)))
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A text cell a spreadsheet will not run as a formula ("=HYPERLINK(...)" becomes "'=HYPERLINK(...)")."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


class CsvWriter:
    """Facts as CSV rows, UTF-8 with a byte-order mark so that spreadsheets read the accents right."""

    def __init__(self, stream: IO[str], columns=CSV_COLUMNS):
        import csv

        stream.write("\ufeff")
        self.stream = stream
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow(columns)

    def write(self, facts: DocumentFacts) -> None:
        for kind, attribute, cls in CSV_KINDS:
            for fact in getattr(facts, attribute):
                row = {**columns_of.flat(vars(fact), cls), "type": kind, "document": facts.id}
                self.writer.writerow([spreadsheet_safe(row.get(c)) for c in CSV_COLUMNS])
        self.stream.flush()

    def write_row(self, row) -> None:
        self.writer.writerow([spreadsheet_safe(c) for c in row])

    def close(self) -> None:
        self.stream.flush()


@contextmanager
def signals_held() -> Iterator[None]:
    """Ctrl-C and SIGTERM wait until the block is done: a line is written whole or not at all
    (a signal inside a large write would otherwise lose the start of a line and keep its end)."""
    held = {signal.SIGINT, signal.SIGTERM}
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


class OutputError(NatoiraqError):
    """An output file that cannot be written: a missing or read-only folder, a full disk."""

    def __init__(self, path: str, exc: BaseException):
        reason = getattr(exc, "strerror", None) or str(exc)
        super().__init__(f"{shown(path)}: cannot write: {reason}")


def replaced_path(path: str) -> str | None:
    """The regular file an output to ``path`` replaces by a rename, or None to write in place.

    A link to a regular file is followed (the link stays, its target gets the facts);
    devices, pipes, ``/dev/stdout`` and ``/proc/self/fd/N`` are written in place:
    renaming onto them would replace them (as root, for the whole machine).
    """
    if not os.path.lexists(path):
        return path
    if os.path.islink(path):
        target = os.path.realpath(path)
        if any(p.startswith(("/dev/", "/proc/")) for p in (os.path.abspath(path), target)):
            return None
        return target if not os.path.exists(target) or os.path.isfile(target) else None
    return path if os.path.isfile(path) else None


@contextmanager
def atomic_output(path: str, encoding: str = "utf-8", newline: str | None = None) -> Iterator[TextIO]:
    """A text stream that becomes ``path`` on success; on any error, Ctrl-C or SIGTERM nothing is left
    behind and an existing file is kept. See :func:`replaced_path` for links, devices and pipes.
    A folder that is missing or read-only, or a full disk, is an :class:`OutputError`."""
    target = replaced_path(path)
    if target is None:
        try:
            stream = open(path, "w", encoding=encoding, newline=newline)
        except OSError as exc:
            raise OutputError(path, exc) from exc
        with stream:
            yield stream
        return
    fd, temporary = temporary_beside(target)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            try:
                stream.flush()
                os.fsync(stream.fileno())
            except OSError as exc:
                raise OutputError(path, exc) from exc
        os.replace(temporary, target)
    except BaseException:
        remove_quietly(temporary)
        raise


def remove_quietly(path: str) -> None:
    for leftover in (path, f"{path}-journal", f"{path}-wal", f"{path}-shm"):
        try:
            os.unlink(leftover)
        except OSError:
            pass


def temporary_beside(path: str) -> tuple[int, str]:
    """A temporary file in ``path``'s directory (so the final rename is atomic), with the
    permissions ``path`` will have: its current mode, or what the umask gives a new file
    (mkstemp's own 0600 would make every output private)."""
    directory = os.path.dirname(os.path.abspath(path))
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".part", dir=directory)
    except OSError as exc:
        raise OutputError(path, exc) from exc
    if os.path.exists(path):
        mode = os.stat(path).st_mode & 0o777
    else:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)
    return fd, temporary


class JsonLinesWriter:
    """One document object per line; each line is written whole, so an interrupted run ends at a line boundary."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, facts: DocumentFacts) -> None:
        line = json.dumps(facts.to_dict(), ensure_ascii=False) + "\n"
        with signals_held():
            self.stream.write(line)
            self.stream.flush()

    def close(self) -> None:
        pass


class JsonArrayWriter:
    """One JSON array, streamed element by element."""

    def __init__(self, stream: IO[str]):
        self.stream = stream
        self.count = 0

    def write(self, facts: DocumentFacts) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + json.dumps(facts.to_dict(), ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


#: How a qualifier reads before a figure's bounds: "~500", ">300,000".
QUALIFIER_MARKS = {"exact": "", "approximate": "~", "more_than": ">", "less_than": "<", "up_to": "≤",
                   "at_least": "≥"}


def bounds(figure) -> str:
    """ "4,000" or "4,000–5,000": a figure's (or a timeline point's) low and high."""
    return f"{figure.low:,}" if figure.low == figure.high else f"{figure.low:,}–{figure.high:,}"


def as_of_text(as_of: dict | None) -> str:
    """ "2007 (clause)", or "—" when the figure has no date."""
    return f"{as_of['value']} ({as_of['source']})" if as_of else "—"


class TableWriter:
    """Rich tables per article: troop figures, dates, and entities grouped by canonical name."""

    def __init__(self, console):
        self.console = console

    def write(self, facts: DocumentFacts) -> None:
        from rich.panel import Panel
        from rich.table import Table

        ref = facts.reference_date
        reference = f"{ref.value} ({ref.origin})" if ref.value else "none"
        self.console.print(Panel(f"[bold]{facts.title or facts.id}[/]\n[dim]{facts.id} · reference date {reference}[/]",
                                 expand=False))
        troops = Table(title="Troop figures", title_justify="left", show_lines=False)
        missions = any(t.mission for t in facts.troops)  # a column only where an article names one
        for column in ("figure", "bounds", "unit", "force", "location", *("mission",) * missions, "kind", "as of"):
            troops.add_column(column, overflow="fold", no_wrap=column == "bounds")
        for t in facts.troops:
            troops.add_row(t.text, QUALIFIER_MARKS[t.qualifier] + bounds(t), t.unit or "—", t.force or "—",
                           t.location or "—", *(t.mission or "—",) * missions, f"{t.kind}, {t.status}",
                           as_of_text(t.as_of))
        self.console.print(troops if facts.troops else "[dim]No troop figures.[/]")
        dates = Table(title="Dates", title_justify="left")
        for column in ("expression", "value", "granularity", "kind"):
            dates.add_column(column)
        for d in facts.dates:
            dates.add_row(d.text, d.value or "—", d.granularity, d.kind)
        self.console.print(dates if facts.dates else "[dim]No dates.[/]")
        grouped: dict[tuple[str, str], list[str]] = defaultdict(list)
        for e in facts.entities:
            grouped[(e.canonical, e.label)].append(e.text)
        entities = Table(title="Entities", title_justify="left")
        for column in ("canonical", "label", "mentions", "as written"):
            entities.add_column(column, overflow="fold")
        for (canonical, label), forms in sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            entities.add_row(canonical, label, str(len(forms)), ", ".join(sorted(set(forms))))
        self.console.print(entities if grouped else "[dim]No entities.[/]")
        self.console.print()

    def close(self) -> None:
        pass


def make_writer(fmt: str, stream: IO[str], console=None):
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "json":
        return JsonArrayWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream)
    if fmt == "table":
        if console is None:
            from rich.console import Console

            console = Console(file=stream)
        return TableWriter(console)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
