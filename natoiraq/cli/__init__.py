"""The command line: a thin Click layer (:mod:`.app` and one module per group of commands) over the
runner and the library; shared option bundles (:mod:`.options`), one renderer (:mod:`.render`), one
exit-status table (:mod:`.exits`)."""

from natoiraq.cli.app import cli, main

__all__ = ["cli", "main"]
