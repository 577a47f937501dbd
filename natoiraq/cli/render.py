"""The one way every command writes: :class:`Output` (the format chosen once, one console) and
:func:`write_items` (the loop every writer goes through, ``extract``'s included).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, contextmanager
from itertools import chain
from typing import IO

import click


def write_items(items: Iterable, fmt: str, stream: Callable[[], AbstractContextManager[IO[str]]], *, view=None,
                failed: Callable[[object, Exception], None] | None = None, **csv) -> None:
    """Every item through ``fmt``'s writer into ``stream()``, opened only once the first item exists,
    so that a model that cannot load fails before any output file does. With ``failed``, an item the
    writer cannot encode is handed to it and the others go on (a disk error still ends the run)."""
    from natoiraq.outputs.writers import make_writer

    items = iter(items)
    first = next(items, None)
    with stream() as out:
        writer = make_writer(fmt, out, view=view, **csv)
        for item in chain(() if first is None else (first,), items):
            if failed is None:
                writer.write(item)
                continue
            try:
                writer.write(item)
            except (ValueError, TypeError, RecursionError) as exc:
                failed(item, exc)
        writer.close()


class Output:
    """Where and how a command writes: the format chosen once, one console for progress and tables."""

    def __init__(self, formats: tuple[str, ...], fmt: str | None, output: str | None, color: str = "auto",
                 quiet: bool = False):
        from natoiraq.outputs.terminal import console_for
        from natoiraq.outputs.writers import FormatError, choose_format

        try:
            self.fmt = choose_format(fmt, output, formats, terminal=sys.stdout.isatty())
        except FormatError as exc:
            raise click.UsageError(str(exc)) from exc
        if self.fmt == "db" and not output:
            raise click.UsageError("a database is a file: give -o FILE.db")
        self.path = output
        self.quiet = quiet
        self.color = color
        to_stdout = not output
        self.console = console_for(sys.stdout, color) if self.fmt == "table" and to_stdout else None
        # One console for the bar and the tables, so that rich clears the bar before each table. Other
        # formats on the terminal get no bar (it would tear their lines); piped, or with -o, it is on stderr.
        self.progress_console = self.console if to_stdout and sys.stdout.isatty() else console_for(sys.stderr, color)
        self.progress = not quiet and self.progress_console is not None

    @contextmanager
    def stream(self):
        """The stream to write: -o's file, which appears only if the block succeeds; else stdout."""
        if not self.path:
            yield sys.stdout
            return
        from natoiraq.outputs.writers import OutputError, atomic_output

        try:
            with atomic_output(self.path, newline="" if self.fmt == "csv" else None) as stream:
                yield stream
        except OSError as exc:  # a full disk, a device that refuses: name the file
            raise OutputError(self.path, exc) from exc

    def table(self, view):
        """``view(console)`` as a factory of views on a stream: stdout's console is the shared one."""
        from natoiraq.outputs.terminal import console_for

        return lambda stream: view(self.console if stream is sys.stdout and self.console
                                   else console_for(stream, self.color))

    def write_all(self, items, view=None, **csv) -> None:
        """Every item through this format's writer, into -o's file (atomically) or stdout."""
        write_items(items, self.fmt, self.stream, view=self.table(view) if view else None,
                    spreadsheet=bool(self.path), **csv)

    def write_one(self, item, view=None, **csv) -> None:
        """A command's one result (the scores, the timeline): ``json`` is that object, not an array of one."""
        if self.fmt == "json":
            self.fmt = "jsonl"
        self.write_all([item], view=view, **csv)

    def echo(self, message: str) -> None:
        click.echo(message, err=True)
