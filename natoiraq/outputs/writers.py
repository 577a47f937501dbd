"""Writers: what a command found, out as JSON Lines, a JSON array, CSV, or the terminal view.

Every command hands its items (documents, query rows, timeline points, scores,
gold drafts) to :func:`make_writer`, so a format means the same everywhere: a
``jsonl`` line is the item's JSON object, ``json`` the array of those objects,
``table`` the command's own view for a person (``natoiraq.outputs.terminal``).

``atomic_output`` gives every ``-o FILE`` the same promise: the file appears,
complete, only when the run succeeds; an existing file is replaced only then.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TextIO

from natoiraq.errors import NatoiraqError
from natoiraq.facts import DateFact, DocumentFacts, Entity, TroopFigure
from natoiraq.outputs import columns as columns_of
from natoiraq.outputs.citations import CITATION_COLUMNS, citation
from natoiraq.reading.inputs import shown

FORMATS = ("table", "jsonl", "json", "csv")
#: The files natoiraq writes, by extension; ``-o`` with any other extension is a usage error.
EXTENSIONS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".db": "db", ".html": "html", ".geojson": "geojson"}


class FormatError(ValueError):
    """An output name or format this command cannot write."""


def choose_format(fmt: str | None, output: str | None, formats: tuple[str, ...], *, terminal: bool) -> str:
    """The format a command writes: ``-f`` when given; else the ``-o`` file's extension; else
    ``table`` on a terminal and JSON Lines when piped (a file without extension is JSON Lines too)."""
    if fmt:
        return fmt
    piped = "jsonl" if "jsonl" in formats else formats[0]
    if output:
        extension = os.path.splitext(output)[1].lower()
        if not extension:
            return piped
        if extension not in EXTENSIONS:
            raise FormatError(f"{output}: natoiraq writes {', '.join(EXTENSIONS)}, not {extension}")
        if EXTENSIONS[extension] not in formats:
            written = [ext for ext, name in EXTENSIONS.items() if name in formats]
            raise FormatError(f"{output}: this command writes {', '.join(written)}, not {extension}")
        return EXTENSIONS[extension]
    return "table" if terminal and "table" in formats else piped


#: The fact kinds of a CSV file: the "type" column, the DocumentFacts attribute, the fact class.
CSV_KINDS = (("entity", "entities", Entity), ("date", "dates", DateFact), ("troops", "troops", TroopFigure))
#: CSV columns: one row per fact, its kind in "type"; a column a fact lacks stays empty.
CSV_COLUMNS = ("type", "document", *CITATION_COLUMNS,
               *dict.fromkeys(name for _, _, cls in CSV_KINDS for name in columns_of.names(cls)))
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A text cell a spreadsheet will not run as a formula ("=HYPERLINK(...)" becomes "'=HYPERLINK(...)")."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def fact_rows(facts: DocumentFacts) -> Iterator[list]:
    """A document's CSV rows, one per fact, in :data:`CSV_COLUMNS` order, each citing its article."""
    cited = citation(facts)
    for kind, attribute, cls in CSV_KINDS:
        for fact in getattr(facts, attribute):
            row = {**columns_of.flat(vars(fact), cls), "type": kind, "document": facts.id, **cited}
            yield [row.get(c) for c in CSV_COLUMNS]


class CsvWriter:
    """Rows as CSV. For a ``spreadsheet`` (a .csv file written with -o) UTF-8 with a byte-order mark,
    so that spreadsheets read the accents right, and CRLF as RFC 4180 has it; on stdout plain UTF-8
    with "\\n", as grep, awk and csv.DictReader on stdin want (and sqlite-utils and csvkit write)."""

    def __init__(self, stream: IO[str], columns: Iterable[str] = CSV_COLUMNS,
                 rows: Callable[[object], Iterable] = fact_rows, spreadsheet: bool = False):
        import csv

        if spreadsheet:
            stream.write("\ufeff")
        self.stream = stream
        self.rows = rows
        self.writer = csv.writer(stream, lineterminator="\r\n" if spreadsheet else "\n")
        self.writer.writerow(columns)

    def write(self, item) -> None:
        for row in self.rows(item):
            self.writer.writerow([spreadsheet_safe(c) for c in row])
        self.stream.flush()

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


def as_record(item) -> dict:
    """The JSON object of one item: a document, a timeline point, the scores, or a plain dict."""
    import dataclasses

    if hasattr(item, "to_dict"):
        return item.to_dict()
    if hasattr(item, "as_dict"):
        return item.as_dict()
    if dataclasses.is_dataclass(item):
        return dataclasses.asdict(item)
    return dict(item)


class JsonLinesWriter:
    """One object per line; each line is written whole, so an interrupted run ends at a line boundary."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, item) -> None:
        line = json.dumps(as_record(item), ensure_ascii=False) + "\n"
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

    def write(self, item) -> None:
        self.stream.write(("[\n" if self.count == 0 else ",\n") + json.dumps(as_record(item), ensure_ascii=False))
        self.count += 1

    def close(self) -> None:
        self.stream.write("[]\n" if self.count == 0 else "\n]\n")
        self.stream.flush()


def make_writer(fmt: str, stream: IO[str], *, view: Callable[[IO[str]], object] | None = None,
                columns: Iterable[str] = CSV_COLUMNS, rows: Callable[[object], Iterable] = fact_rows,
                spreadsheet: bool = False):
    """The writer for ``fmt``. ``view(stream)`` builds the command's table view (anything with
    ``write``/``close``; by default the per-article view); ``columns`` and ``rows`` turn an item
    into CSV rows (by default a document's facts); ``spreadsheet``: CSV for a file (see :class:`CsvWriter`)."""
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "json":
        return JsonArrayWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, columns, rows, spreadsheet)
    if fmt == "geojson":
        from natoiraq.outputs.geojson import GeoJsonWriter

        return GeoJsonWriter(stream)
    if fmt == "table":
        if view is None:
            from natoiraq.outputs.terminal import DocumentView, console_for

            return DocumentView(console_for(stream))
        return view(stream)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
