"""The commands that ask the facts questions: ``query`` (SQL), ``timeline`` (troop levels over time) and
``latest`` (how many now, who says so, do the sources agree). Each reads natoiraq's saved output back as
readily as it extracts articles."""

from __future__ import annotations

import json
import sys

import click

from natoiraq.cli.options import extraction_options, output_options, series_options
from natoiraq.outputs.sql import QUERY_TIMEOUT


@click.command()
@click.argument("args", nargs=-1, metavar="[PATH...] [SQL]")
@output_options("table", "jsonl", "json", "csv")
@click.option("--timeout", type=click.FloatRange(min=0), default=QUERY_TIMEOUT, show_default=True, metavar="SECONDS",
              help="Stop the query after this long (0: no limit); Ctrl-C stops it at any time.")
@extraction_options
def query(args, out, timeout, **extraction):
    """Ask the facts a question in SQL (SQLite), over the same tables as export.

    \b
    PATH is an exported .db file (queried as it is, read-only), natoiraq's
    own JSON Lines or JSON output (read back, not extracted again), or
    articles (extracted first). Without SQL, the tables and their columns are printed.

    \b
    Examples:
      natoiraq query
      natoiraq query seeds/ "select force, max(high) from troops group by force"
      natoiraq query facts.db "select canonical, count(*) n from entities group by canonical order by n desc limit 5"
      natoiraq extract corpus/ -o facts.jsonl; natoiraq query facts.jsonl "select text, force from troops" -f csv
    """
    from natoiraq.cli.runner import Report, signals_deferred
    from natoiraq.cli.sources import documents
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
        connection = sql.load(documents(paths, report, extraction, out))
    if statement is None:
        click.echo(f"The tables and their columns:\n{sql.describe(connection)}")
        sys.exit(report.exit_code)
    with signals_deferred() as stop:
        columns, rows = sql.run_query(connection, statement, timeout, stop)
    out.write_all((dict(zip(columns, row)) for row in rows), view=lambda console: RowsView(console, columns),
                  columns=columns, rows=lambda record: [[json.dumps(v) if isinstance(v, dict) else v
                                                         for v in record.values()]])  # a BLOB's marker
    sys.exit(report.exit_code)


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("table", "jsonl", "json", "csv", table="bars per force and location")
@series_options
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
    output (.jsonl, .json, .db): it is not extracted again.

    \b
    Examples:
      natoiraq timeline corpus/ --force US
      natoiraq timeline corpus/ --force Nato --location Iraq --since 2018 --status actual
      natoiraq timeline corpus/ | jq '.series[] | select(.location == "Syria")'
    """
    from natoiraq.cli.runner import Report
    from natoiraq.cli.sources import documents
    from natoiraq.outputs import timeline as tl

    report = Report()
    found = tl.build(documents(paths, report, extraction, out), forces=forces, locations=locations, status=status,
                     since=since, until=until)
    out.write_one(found, view=tl.TimelineView, columns=tl.CSV_COLUMNS, rows=tl.csv_rows)
    if out.fmt != "table" and not out.quiet:
        out.echo(found.footer())
    sys.exit(report.exit_code)


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("table", "jsonl", "json", "csv", table="one row per force and location")
@series_options
@extraction_options
def latest(paths, out, forces, locations, since, until, **extraction):
    """How many troops now, who says so, and whether the sources agree.

    \b
    One row per force and location: the latest actual level, the date it
    holds at, how old that is, and every article reporting it (outlet,
    title, URL, date); how many independent sources (outlets) report a
    level in the same period that agrees with it; the latest planned level
    or ceiling; the last change (▲/▼). A conflict is two actual levels of
    one series and period, from different articles, that their qualifiers
    cannot reconcile ("about 1,000" and "1,200" agree; 5,200 and 2,500 on
    one day do not): each is listed with both sources and sentences.
    PATH may be articles or natoiraq's own output (.jsonl, .json, .db).

    \b
    Examples:
      natoiraq latest corpus/ --force Germany --location Lithuania
      natoiraq extract corpus/ -o facts.jsonl; natoiraq latest facts.jsonl --since 2020
      natoiraq latest facts.db -f csv -o latest.csv
    """
    from natoiraq.cli.runner import Report
    from natoiraq.cli.sources import documents
    from natoiraq.outputs import latest as answers

    report = Report()
    found = answers.answers(documents(paths, report, extraction, out), forces=forces, locations=locations,
                            since=since, until=until)
    out.write_all(found.rows, view=answers.LatestView, columns=answers.CSV_COLUMNS, rows=answers.csv_rows)
    if not out.quiet and (out.fmt != "table" or not found.rows):
        out.echo(found.timeline.footer())
    sys.exit(report.exit_code)


COMMANDS = (query, timeline, latest)
