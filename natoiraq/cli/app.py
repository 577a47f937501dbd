"""The ``natoiraq`` command group: the commands, one module per group of them, under one exit policy.

:mod:`.extracting` (extract, export, report), :mod:`.analysis` (query,
timeline, latest), :mod:`.gold` (evaluate, annotate), :mod:`.caching` (cache). The
exit status is :data:`natoiraq.cli.exits.EXIT_STATUS`, for every command.
"""

from __future__ import annotations

import sys

import click

from natoiraq.version import __version__
from natoiraq.cli import analysis, caching, extracting, gold
from natoiraq.cli.exits import PolicyGroup, help_lines

EPILOG = "\b\nExit status, the same for every command:\n" + "\n".join(f"  {line}" for line in help_lines())


@click.group(cls=PolicyGroup, context_settings={"help_option_names": ["-h", "--help"]}, epilog=EPILOG)
@click.version_option(__version__, "-V", "--version", prog_name="natoiraq")
def cli():
    """Who, when and how many: facts out of defence and security news.

    \b
    Start here:
      natoiraq extract seeds/                 the facts per article, for a person
      natoiraq extract seeds/ | jq .troops    JSON Lines when piped
    \b
    Shell completion (see docs/cli.md): eval "$(_NATOIRAQ_COMPLETE=bash_source natoiraq)"
    """


for _module in (extracting, analysis, gold, caching):
    for _command in _module.COMMANDS:
        cli.add_command(_command)


def main() -> None:
    from natoiraq.cli.runner import terminated_exit, trap_sigterm

    trap_sigterm()  # SIGTERM cleans up as Ctrl-C does: no .part files, no orphaned workers
    try:
        cli(prog_name="natoiraq")
    except SystemExit as exc:
        sys.exit(terminated_exit(exc.code))


if __name__ == "__main__":  # pragma: no cover
    main()
