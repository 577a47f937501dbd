"""Writers: facts out as JSON Lines, a JSON array, or rich tables for a person.

``atomic_output`` gives every ``-o FILE`` the same promise: the file appears,
complete, only when the run succeeds; an existing file is replaced only then.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import IO, TextIO

from natoiraq.facts import DocumentFacts

FORMATS = ("table", "jsonl", "json", "csv")

#: CSV columns: one row per fact, its kind in "type"; a column a fact lacks stays empty.
CSV_COLUMNS = ("type", "document", "text", "start", "end", "label", "canonical", "value", "granularity", "kind",
               "low", "high", "qualifier", "unit", "force", "status", "sentence")
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
        data = facts.to_dict()
        for kind, rows in (("entity", data["entities"]), ("date", data["dates"]), ("troops", data["troops"])):
            for row in rows:
                row = {**row, "type": kind, "document": facts.id}
                self.writer.writerow([spreadsheet_safe(row.get(c)) for c in CSV_COLUMNS])
        self.stream.flush()

    def write_row(self, row) -> None:
        self.writer.writerow([spreadsheet_safe(c) for c in row])

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


class JsonLinesWriter:
    """One document object per line; each line is written whole, so an interrupted run ends at a line boundary."""

    def __init__(self, stream: IO[str]):
        self.stream = stream

    def write(self, facts: DocumentFacts) -> None:
        self.stream.write(json.dumps(facts.to_dict(), ensure_ascii=False) + "\n")
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


class TableWriter:
    """Rich tables per article: troop figures, dates, and entities grouped by canonical name."""

    def __init__(self, console):
        self.console = console

    def write(self, facts: DocumentFacts) -> None:
        from rich.panel import Panel
        from rich.table import Table

        ref = facts.reference_date
        reference = f"{ref.value} ({ref.origin})" if ref.value else "none"
        if facts.duplicate_of and not (facts.troops or facts.dates or facts.entities):
            self.console.print(Panel(f"[bold]{facts.title or facts.id}[/]\n[dim]{facts.id} · a copy of "
                                     f"{facts.duplicate_of}: its facts are listed there[/]", expand=False))
            self.console.print()
            return
        self.console.print(Panel(f"[bold]{facts.title or facts.id}[/]\n[dim]{facts.id} · reference date {reference}[/]",
                                 expand=False))
        troops = Table(title="Troop figures", title_justify="left", show_lines=False)
        for column in ("figure", "bounds", "qualifier", "unit", "force", "kind", "status"):
            troops.add_column(column, overflow="fold")
        for t in facts.troops:
            bounds = f"{t.low:,}" if t.low == t.high else f"{t.low:,}–{t.high:,}"
            troops.add_row(t.text, bounds, t.qualifier, t.unit or "—", t.force or "—", t.kind, t.status)
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
