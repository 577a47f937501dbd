"""Facts for a command: natoiraq's saved JSON Lines read back, everything else extracted.

``natoiraq query facts.jsonl``, ``natoiraq timeline facts.db`` or ``natoiraq extract
seeds/ | natoiraq timeline`` costs no second extraction: a file (or stdin) whose
records are natoiraq's document objects (JSON Lines, a JSON array) or a database
``export`` wrote is read as facts; articles go through the model.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import click

from natoiraq.cli.runner import Report, iter_facts
from natoiraq.reading.saved import (is_database, is_saved_facts, looks_like_facts, read_database_file, read_facts,
                                    read_facts_file)
from natoiraq.run.options import KEEP, OMIT, ExtractOptions


def paths_or_stdin(paths) -> tuple[list[str], io.BytesIO | None]:
    """The PATH arguments, and piped stdin read ahead where there are none (exactly as ``-`` reads it)."""
    if paths:
        return list(paths), None
    if sys.stdin is None or sys.stdin.isatty():
        raise click.UsageError("give a PATH (a file, a folder, or - for stdin), or pipe articles in")
    data = sys.stdin.buffer.read()
    if not data.strip():
        raise click.UsageError("no PATH given and nothing on stdin")
    return ["-"], io.BytesIO(data)


# What becomes of a copy of an earlier article without --keep-duplicates: copies are listed (MARK) only
# where the documents themselves are the output (``extract``'s table, JSON Lines, JSON, CSV); everything
# built from the facts (a database, a report, a timeline, query rows, gold drafts) leaves them out (OMIT).
def extract_options_from(options: dict, copies: str = OMIT, include_text: bool = False) -> ExtractOptions:
    """The shared extraction options' values as one :class:`ExtractOptions`. ``copies``: what becomes
    of a copy of an earlier article without --keep-duplicates (see :mod:`natoiraq.run.dedupe`)."""
    options = dict(options)
    return ExtractOptions(cache=not options.pop("no_cache"), duplicates=KEEP if options.pop("keep_duplicates")
                          else copies, include_text=include_text, **options)


def documents(paths, report: Report, extraction: dict, out, pairs: bool = False, include_text: bool = False):
    """Documents for a command that builds on the facts: saved natoiraq output read back, articles
    extracted, copies left out; with ``pairs``, (record, facts) from extraction only, for what needs
    the article's text."""
    paths, stdin = paths_or_stdin(paths)
    options = extract_options_from(extraction, include_text=include_text)
    shared = dict(echo=out.echo, progress=out.progress, console=out.progress_console, stdin=stdin)
    if pairs:
        return iter_facts(paths, report, options, pairs=True, **shared)
    return facts_from(paths, report, options, **shared)


def facts_from(paths: list[str], report: Report, options: ExtractOptions, *, echo, stdin=None,
               **extraction) -> Iterator:
    """Every document under ``paths``: saved ones first, then the extracted ones in input order."""
    saved, articles, piped = [], [], None
    for path in paths:
        if path == "-":
            data = (stdin or sys.stdin.buffer).read()
            if looks_like_facts(data):
                saved.append(read_facts(data.splitlines(), "-"))
                continue
            piped = io.BytesIO(data)
            articles.append(path)
        elif is_saved_facts(path):
            saved.append(read_facts_file(path))
        elif is_database(path):
            saved.append(read_database_file(path))
        else:
            articles.append(path)
    for source in saved:
        for facts in report.records(source, echo):
            report.documents += 1
            yield facts
    if articles:
        yield from iter_facts(articles, report, options, stdin=piped, echo=echo, **extraction)


def split_query_arguments(args: tuple[str, ...]) -> tuple[list[str], str | None]:
    """``query``'s [PATH...] [SQL]: the last argument is the SQL unless it names an input or,
    having no space in it, reads as a mistyped path ("seedz/") rather than a statement."""
    import os

    if args and args[-1] != "-" and not os.path.exists(args[-1]) and len(args[-1].split()) > 1:
        return list(args[:-1]), args[-1]
    return list(args), None
