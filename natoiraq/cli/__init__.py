"""The command line: a thin Click layer (:mod:`.commands`) over the runner and the library."""

from natoiraq.cli.commands import cli, main

__all__ = ["cli", "main"]
