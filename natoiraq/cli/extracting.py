"""The commands that write every fact: ``extract`` (to the terminal or any format), ``export`` (SQLite)
and ``report`` (HTML). ``extract -o x.db`` and ``-o x.html`` are ``export`` and ``report``."""

from __future__ import annotations

import sys

import click

from natoiraq.cli.options import QUIET_OPTION, extraction_options, output_file_option, output_options


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("table", "jsonl", "json", "csv", "html", "db", "geojson", table="the facts per article")
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
    formula-safe; a BOM for spreadsheets, none on stdout) .db (SQLite, as
    export) .html (as report) .geojson (one Feature per troop figure whose
    place has coordinates). An article not in English is named in a
    warning and left out; --any-language extracts it.

    \b
    Examples:
      natoiraq extract seeds/
      natoiraq extract seeds/ --show troops --summary
      natoiraq extract corpus/ -o facts.jsonl --workers 2
      cat articles.jsonl | natoiraq extract | jq '.troops[] | {text, force}'
      natoiraq extract saved-pages/ feeds/defence.rss --include-text
      cat scraped.jsonl | natoiraq extract --field date=first_seen
      natoiraq extract archive/ --dask tcp://scheduler:8786 -o facts.jsonl
      natoiraq extract corpus/ -o facts.geojson
    """
    from natoiraq.cli.runner import run_extract
    from natoiraq.cli.sources import extract_options_from, paths_or_stdin
    from natoiraq.run.options import MARK
    from natoiraq.outputs.terminal import DocumentView, parse_show

    try:
        sections = parse_show(show)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--show") from exc
    if summary and out.fmt != "table":  # never silently write something else than what was asked
        raise click.UsageError(f"--summary is the table's one line per article; with -f {out.fmt} there is no "
                               "table: add -f table (to a pipe or -o file too), or leave --summary out")
    extraction = dict(extraction, dask=dask)  # for every output, -o .db and .html included
    if out.fmt == "db":
        sys.exit(_database(paths, out, extraction))
    if out.fmt == "html":
        sys.exit(_html(paths, out, extraction, title="natoiraq report"))
    view = out.table(lambda console: DocumentView(console, sections, summary))
    paths, stdin = paths_or_stdin(paths)
    sys.exit(run_extract(paths, extract_options_from(extraction, copies=MARK, include_text=include_text),
                         fmt=out.fmt, output=out.path, quiet=out.quiet, progress=out.progress,
                         console=out.progress_console, view=view, stdin=stdin))


def _database(paths, out, extraction) -> int:
    from natoiraq.cli.runner import Report
    from natoiraq.cli.sources import documents
    from natoiraq.outputs import datasette, sql

    report = Report()
    sql.export(documents(paths, report, extraction, out, include_text=True), out.path)  # the text the offsets index
    datasette.write_metadata(out.path)
    report.close(out.echo, quiet=out.quiet, output=out.path)
    return report.exit_code


def _html(paths, out, extraction, title: str) -> int:
    from natoiraq.cli.runner import Report
    from natoiraq.cli.sources import documents
    from natoiraq.outputs.html import render

    report = Report()
    found = documents(paths, report, extraction, out, include_text=True)  # saved facts keep their text, if any
    with out.stream() as stream:  # opened first: an unwritable folder fails before the work
        stream.write(render(((facts.text, facts) for facts in found), title=title))
    report.close(out.echo, quiet=out.quiet, output=out.path)
    return report.exit_code


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_file_option("The SQLite file (.db) to write; replaced only when the export succeeds.", required=True)
@extraction_options
@QUIET_OPTION
def export(paths, output, quiet, **extraction):
    """Write the facts to a SQLite database.

    \b
    Tables: documents, entities, dates, troops (each fact row has doc_id,
    a foreign key to documents). Offsets are char_start/char_end; a
    document's extra fields are JSON in documents.meta, its outlet and url
    in columns. The view latest_levels gives each force's latest actual
    level in each place with the articles reporting it. Indexed on the
    columns analysts filter on: canonical names, force, values, dates.
    PATH may also be natoiraq's own output (.jsonl, .json, .db): it is not
    extracted again. Beside FILE.db, FILE.metadata.json describes it for
    datasette (not installed with natoiraq): a browsing UI at once.

    \b
    Example:
      natoiraq export corpus/ -o facts.db
      natoiraq query facts.db "select force, max(high) from troops group by force"
      datasette facts.db -m facts.metadata.json
    """
    from natoiraq.cli.render import Output

    sys.exit(_database(paths, Output(("db",), None, output, quiet=quiet), extraction))


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_file_option("The HTML file to write; it appears only when the report is complete.", required=True)
@click.option("--title", default="natoiraq report", show_default=True, help="The page's heading.")
@extraction_options
@QUIET_OPTION
def report(paths, output, title, quiet, **extraction):
    """Write one self-contained HTML report to show a colleague.

    \b
    What `natoiraq latest` prints: the latest actual level of each force
    in each place, who reports it, how many sources agree and where they
    conflict; a world map of those levels (Natural Earth's countries);
    the timeline as one small chart per force and location,
    values written on it; then
    every article with its entities, dates and troop figures highlighted
    and a table of its figures. No scripts and nothing fetched: it opens
    offline, mails as one file, and fits a phone screen.
    PATH may be natoiraq's own output (.jsonl, .json, .db): not extracted
    again; the articles' text shows where it was saved with them.
    (`natoiraq extract PATH -o report.html` writes the same.)

    \b
    Example:
      natoiraq report seeds/ -o report.html
    """
    from natoiraq.cli.render import Output

    sys.exit(_html(paths, Output(("html",), None, output, quiet=quiet), extraction, title))


COMMANDS = (extract, export, report)
