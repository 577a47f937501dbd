"""natoiraq's own output read back: a SQLite file from ``export``, JSON Lines or JSON from ``extract``.

``natoiraq query facts.db`` and ``natoiraq query facts.jsonl`` answer from what
was saved instead of extracting again. A JSON Lines file is natoiraq's output
when its first record has the keys every document object has.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator

from natoiraq.facts import DocumentFacts, ReferenceDate
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
    """Whether ``path`` is natoiraq's JSON Lines, or the JSON array ``extract -f json`` writes."""
    if not os.path.isfile(path) or is_database(path):
        return False
    try:
        with open(path, "rb") as handle:
            first = handle.readline()
            return looks_like_facts(first) or (first.strip() == b"[" and looks_like_facts(handle.readline()
                                                                                          .rstrip().rstrip(b",")))
    except OSError:
        return False


def read_facts_file(path: str) -> Iterator[DocumentFacts | InputFailure]:
    with open(path, "rb") as handle:
        if handle.readline().strip() != b"[":
            handle.seek(0)
            yield from read_facts(handle, path)
            return
        handle.seek(0)
        try:
            records = json.load(handle)
        except ValueError as exc:
            yield InputFailure(path, f"not natoiraq's JSON: {exc}")
            return
    yield from read_facts((json.dumps(record) for record in records), path)


def read_facts(lines, path: str) -> Iterator[DocumentFacts | InputFailure]:
    """Documents from natoiraq's JSON Lines; a line that is not one is a failure naming it."""
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        try:
            yield DocumentFacts.from_dict(json.loads(raw))
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            yield InputFailure(path, f"not a natoiraq document: {exc}", number)


def read_database_file(path: str) -> Iterator[DocumentFacts | InputFailure]:
    """Documents from a database ``natoiraq export`` wrote, with their text where it was kept; a
    database of another shape is one failure naming it."""
    from natoiraq.outputs import columns
    from natoiraq.outputs.sql import FACT_TABLES, SQL_NAMES

    back = {column: name for name, column in SQL_NAMES.items()}
    connection = open_database(path)
    connection.row_factory = sqlite3.Row
    try:
        facts: dict[str, dict[int, list]] = {table: {} for table in FACT_TABLES}
        for table, cls in FACT_TABLES.items():
            for row in connection.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                record = {back.get(k, k): row[k] for k in row.keys()}
                facts[table].setdefault(row["doc_id"], []).append(cls(**columns.unflat(record, cls)))
        for row in connection.execute("SELECT * FROM documents ORDER BY doc_id"):
            yield DocumentFacts(
                id=row["id"], source=row["source"], title=row["title"],
                reference_date=ReferenceDate(row["reference_date"], row["reference_origin"]),
                meta=json.loads(row["meta"] or "{}"), text=row["text"], duplicate_of=row["duplicate_of"],
                **{table: found.get(row["doc_id"], []) for table, found in facts.items()})
    except (sqlite3.Error, ValueError, TypeError, KeyError, IndexError) as exc:
        yield InputFailure(path, f"not a database natoiraq exported: {exc}")
    finally:
        connection.close()


def _head(path: str, size: int) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError:
        return b""
