"""The exit status of every ``natoiraq`` command: one table, read by the code, the help and the docs.

:class:`PolicyGroup` ends every command by it; ``natoiraq --help`` and
``docs/cli.md`` print :data:`EXIT_STATUS` as it is here, so the three cannot drift.
"""

from __future__ import annotations

import errno
import sys
from enum import IntEnum

import click

from natoiraq.errors import NatoiraqError


class Exit(IntEnum):
    OK = 0
    FAILED = 1
    USAGE = 2
    INTERRUPTED = 130  # 128 + SIGINT
    TERMINATED = 143  # 128 + SIGTERM


#: What each status means, in the order the help lists them.
EXIT_STATUS: tuple[tuple[Exit, str], ...] = (
    (Exit.OK, "every input succeeded (a reader that closes the pipe early, as `| head` does, is no failure)"),
    (Exit.FAILED, "some input failed, each named on stderr and the rest still processed; or the output "
                  "could not be written; or an error such as a missing model or a bad query (one line)"),
    (Exit.USAGE, "usage error: a bad option, an -o extension natoiraq does not write, -o into a folder that "
                 "does not exist; all caught before any work"),
    (Exit.INTERRUPTED, "interrupted (Ctrl-C); no partial output file is left"),
    (Exit.TERMINATED, "terminated (SIGTERM); cleaned up as for Ctrl-C"),
)


def help_lines(width: int = 76) -> list[str]:
    """The table as the help and the docs print it: ``STATUS  meaning``, the meaning wrapped under itself."""
    import textwrap

    return [line for status, meaning in EXIT_STATUS
            for line in textwrap.wrap(meaning, width, initial_indent=f"{int(status):>3}  ", subsequent_indent=" " * 5)]


class PolicyGroup(click.Group):
    """A Click group whose every command ends by the same exit policy."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            click.echo("\nnatoiraq: interrupted", err=True)
            raise click.exceptions.Exit(Exit.INTERRUPTED) from None
        except NatoiraqError as exc:
            click.echo(f"natoiraq: {exc}", err=True)
            raise click.exceptions.Exit(Exit.FAILED) from None
        except OSError as exc:
            if exc.errno == errno.EPIPE:
                silence_stdout()
                raise click.exceptions.Exit(Exit.OK) from None
            where = f"{exc.filename}: " if exc.filename else ""
            click.echo(f"natoiraq: {where}{exc.strerror or exc}", err=True)
            raise click.exceptions.Exit(Exit.FAILED) from None


def silence_stdout() -> None:
    """After a broken pipe: later writes and the final flush go nowhere, instead of raising again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real file descriptor (tests' captured stdout)
        pass
