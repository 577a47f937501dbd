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
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import IO, TextIO

from natoiraq.facts import DocumentFacts

FORMATS = ("table", "jsonl", "json", "csv")
#: The files natoiraq writes, by extension; ``-o`` with any other extension is a usage error.
EXTENSIONS = {".jsonl": "jsonl", ".json": "json", ".csv": "csv", ".db": "db", ".html": "html"}


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

#: CSV columns: one row per fact, its kind in "type"; a column a fact lacks stays empty.
CSV_COLUMNS = ("type", "document", "text", "start", "end", "label", "canonical", "value", "granularity", "kind",
               "low", "high", "qualifier", "unit", "force", "status", "sentence")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(cell):
    """A text cell a spreadsheet will not run as a formula ("=HYPERLINK(...)" becomes "'=HYPERLINK(...)")."""
    if isinstance(cell, str) and cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def fact_rows(facts: DocumentFacts) -> Iterator[list]:
    """A document's CSV rows, one per fact, in :data:`CSV_COLUMNS` order."""
    data = facts.to_dict()
    for kind, rows in (("entity", data["entities"]), ("date", data["dates"]), ("troops", data["troops"])):
        for row in rows:
            row = {**row, "type": kind, "document": facts.id}
            yield [row.get(c) for c in CSV_COLUMNS]


class CsvWriter:
    """Rows as CSV, UTF-8 with a byte-order mark so that spreadsheets read the accents right."""

    def __init__(self, stream: IO[str], columns: Iterable[str] = CSV_COLUMNS,
                 rows: Callable[[object], Iterable] = fact_rows):
        import csv

        stream.write("\ufeff")
        self.stream = stream
        self.rows = rows
        self.writer = csv.writer(stream, lineterminator="\r\n")
        self.writer.writerow(columns)

    def write(self, item) -> None:
        for row in self.rows(item):
            self.writer.writerow([spreadsheet_safe(c) for c in row])
        self.stream.flush()

    def close(self) -> None:
        self.stream.flush()


@contextmanager
def atomic_output(path: str, encoding: str = "utf-8", newline: str | None = None) -> Iterator[TextIO]:
    """A text stream that becomes ``path`` on success; on any error or Ctrl-C nothing is left behind.

    Only regular files are replaced by renaming: ``-o /dev/null`` or a named pipe
    is written in place (renaming onto a device as root would replace the device).
    """
    if os.path.exists(path) and not os.path.isfile(path):
        with open(path, "w", encoding=encoding, newline=newline) as stream:
            yield stream
        return
    fd, temporary = temporary_beside(path)
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline=newline) as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def temporary_beside(path: str) -> tuple[int, str]:
    """A temporary file in ``path``'s directory (so the final rename is atomic), with the
    permissions ``path`` will have: its current mode, or what the umask gives a new file
    (mkstemp's own 0600 would make every output private)."""
    directory = os.path.dirname(os.path.abspath(path))
    fd, temporary = tempfile.mkstemp(prefix=f".{os.path.basename(path)}.", suffix=".part", dir=directory)
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
        self.stream.write(json.dumps(as_record(item), ensure_ascii=False) + "\n")
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
                columns: Iterable[str] = CSV_COLUMNS, rows: Callable[[object], Iterable] = fact_rows):
    """The writer for ``fmt``. ``view(stream)`` builds the command's table view (anything with
    ``write``/``close``; by default the per-article view); ``columns`` and ``rows`` turn an item
    into CSV rows (by default a document's facts)."""
    if fmt == "jsonl":
        return JsonLinesWriter(stream)
    if fmt == "json":
        return JsonArrayWriter(stream)
    if fmt == "csv":
        return CsvWriter(stream, columns, rows)
    if fmt == "table":
        if view is None:
            from natoiraq.outputs.terminal import DocumentView, console_for

            return DocumentView(console_for(stream))
        return view(stream)
    raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
