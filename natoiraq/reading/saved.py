"""natoiraq's own output read back: a SQLite file from ``export``, JSON Lines from ``extract``.

``natoiraq query facts.db`` and ``natoiraq query facts.jsonl`` answer from what
was saved instead of extracting again. A JSON Lines file is natoiraq's output
when its first record has the keys every document object has.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator

from natoiraq.facts import DocumentFacts
from natoiraq.reading.records import InputFailure

SQLITE_MAGIC = b"SQLite format 3\x00"
FACT_KEYS = frozenset({"id", "reference_date", "entities", "dates", "troops"})


def is_database(path: str) -> bool:
    return _head(path, len(SQLITE_MAGIC)) == SQLITE_MAGIC


def open_database(path: str) -> sqlite3.Connection:
    """A read-only connection: a query can never change the saved facts."""
    from urllib.parse import quote

    return sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)


def looks_like_facts(data: bytes) -> bool:
    """Whether the first non-blank line is one of natoiraq's document objects."""
    for line in data.splitlines():
        if line.strip():
            try:
                record = json.loads(line)
            except ValueError:
                return False
            return isinstance(record, dict) and FACT_KEYS <= record.keys()
    return False


def is_saved_facts(path: str) -> bool:
    if not os.path.isfile(path) or is_database(path):
        return False
    try:
        with open(path, "rb") as handle:
            return looks_like_facts(handle.readline())
    except OSError:
        return False


def read_facts_file(path: str) -> Iterator[DocumentFacts | InputFailure]:
    with open(path, "rb") as handle:
        yield from read_facts(handle, path)


def read_facts(lines, path: str) -> Iterator[DocumentFacts | InputFailure]:
    """Documents from natoiraq's JSON Lines; a line that is not one is a failure naming it."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield DocumentFacts.from_dict(json.loads(raw))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            yield InputFailure(path, f"not a natoiraq document: {exc}", number)


def _head(path: str, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""
