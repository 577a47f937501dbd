"""Facts for a command: natoiraq's saved JSON Lines read back, everything else extracted.

``natoiraq query facts.jsonl`` or ``natoiraq extract seeds/ | natoiraq timeline``
costs no second extraction: a file (or stdin) whose records are natoiraq's
document objects is read as facts; articles go through the model.
"""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

from natoiraq.cli.runner import Report, iter_facts
from natoiraq.reading.saved import is_saved_facts, looks_like_facts, read_facts, read_facts_file
from natoiraq.run.options import ExtractOptions


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
