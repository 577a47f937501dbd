"""What every command shares: the output options and one exit policy.

``output_options`` gives each command that prints results the same
``-f/--format``, ``-o/--output``, ``-q/--quiet`` and ``--color`` (as
sqlite-utils' ``output_options`` does); :class:`Output` turns them into a
writer with the same defaults everywhere: the command's table on a terminal,
JSON Lines when piped.

Exit status, for every command: 0 all good, 1 some input failed or a
NatoiraqError (one line on stderr), 2 usage error, 130 Ctrl-C. A reader that
closes the pipe early (``| head``) ends the run quietly with 0.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from contextlib import contextmanager

import click

from natoiraq.errors import NatoiraqError


def check_output_path(ctx, param, value):
    """``-o`` into a folder that does not exist is a usage error, caught before any work is done."""
    if value is None or value == "-":
        return value
    folder = os.path.dirname(os.path.abspath(value))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"the folder {os.path.dirname(value) or folder!r} does not exist")
    if os.path.isdir(value):
        raise click.BadParameter(f"{value!r} is a folder; give a file name")
    return value


def output_file_option(help_text: str, required: bool = False):
    return click.option("-o", "--output", required=required, metavar="FILE", callback=check_output_path,
                        help=help_text)


def output_options(*formats: str, table: str = "a table"):
    """-f/--format, -o/--output, -q/--quiet and --color, handed to the command as one ``out``: an :class:`Output`."""
    default = f"{table} on a terminal, JSON Lines when piped" if "table" in formats else "JSON Lines"

    def decorate(command):
        @functools.wraps(command)
        def with_output(*args, fmt, output, quiet, color, **kwargs):
            return command(*args, out=Output(formats, fmt, output, color, quiet), **kwargs)

        for option in reversed([
            click.option("-f", "--format", "fmt", type=click.Choice(formats), default=None,
                         help=f"Default: {default}, or what the -o file's extension says."),
            output_file_option("Write to FILE instead of stdout; the file appears only when the run completes."),
            click.option("-q", "--quiet", is_flag=True,
                         help="No progress bar or summary line; failures are still reported."),
            click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                         show_default=True, help="Styles in tables; NO_COLOR=1 also turns them off."),
        ]):
            with_output = option(with_output)
        return with_output

    return decorate


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
        from natoiraq.outputs.writers import atomic_output

        try:
            with atomic_output(self.path, newline="" if self.fmt == "csv" else None) as stream:
                yield stream
        except OSError as exc:  # a full disk, a device that refuses: name the file
            raise NatoiraqError(f"{self.path}: {exc.strerror or exc}") from exc

    def table(self, view):
        """``view(console)`` as a factory of views on a stream: stdout's console is the shared one."""
        from natoiraq.outputs.terminal import console_for

        return lambda stream: view(self.console if stream is sys.stdout and self.console
                                   else console_for(stream, self.color))

    def write_all(self, items, view=None, **csv) -> None:
        """Every item through this format's writer, into -o's file (atomically) or stdout."""
        from natoiraq.outputs.writers import make_writer

        with self.stream() as stream:
            writer = make_writer(self.fmt, stream, view=self.table(view) if view else None, **csv)
            for item in items:
                writer.write(item)
            writer.close()

    def write_one(self, item, view=None, **csv) -> None:
        """A command's one result (the scores, the timeline): ``json`` is that object, not an array of one."""
        if self.fmt == "json":
            self.fmt = "jsonl"
        self.write_all([item], view=view, **csv)

    def echo(self, message: str) -> None:
        click.echo(message, err=True)


class PolicyGroup(click.Group):
    """A Click group whose every command ends by the same exit policy."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nnatoiraq: interrupted", err=True)
            raise click.exceptions.Exit(130) from None
        except NatoiraqError as exc:
            click.echo(f"natoiraq: {exc}", err=True)
            raise click.exceptions.Exit(1) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                from natoiraq.cli.runner import silence_stdout

                silence_stdout()
                raise click.exceptions.Exit(0) from None
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"natoiraq: {where}{exc.strerror or exc}", err=True)
            raise click.exceptions.Exit(1) from None
