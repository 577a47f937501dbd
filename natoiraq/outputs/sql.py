"""The facts as SQL tables: ``documents``, ``entities``, ``dates``, ``troops``.

Used by ``natoiraq export`` (a SQLite file) and ``natoiraq query`` (in memory).
Offsets are ``char_start``/``char_end`` (``end`` is an SQL keyword); every fact
row points at ``documents.doc_id``; ``meta`` is JSON text (use ``json_extract``).
``documents.text`` is the text the offsets index (``substr(text, char_start + 1,
char_end - char_start)``), where the run kept it (``export`` always does);
``duplicate_of`` is the ``id`` of the earlier copy of a document kept with
``--keep-duplicates``.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable

from natoiraq.errors import NatoiraqError
from natoiraq.facts import DocumentFacts

SCHEMA = """
CREATE TABLE documents (
    doc_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT,
    title TEXT,
    reference_date TEXT,
    reference_origin TEXT,
    meta TEXT,
    text TEXT,
    duplicate_of TEXT
);
CREATE TABLE entities (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id),
    text TEXT NOT NULL, label TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    canonical TEXT NOT NULL
);
CREATE TABLE dates (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id),
    text TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    value TEXT, granularity TEXT NOT NULL, kind TEXT NOT NULL
);
CREATE TABLE troops (
    doc_id INTEGER NOT NULL REFERENCES documents(doc_id),
    text TEXT NOT NULL, char_start INTEGER NOT NULL, char_end INTEGER NOT NULL,
    value INTEGER, low INTEGER NOT NULL, high INTEGER NOT NULL, qualifier TEXT NOT NULL,
    unit TEXT, force TEXT, kind TEXT NOT NULL, status TEXT NOT NULL, sentence TEXT NOT NULL
);
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_reference_date ON documents(reference_date);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX entities_label ON entities(label);
CREATE INDEX dates_doc ON dates(doc_id);
CREATE INDEX dates_value ON dates(value);
CREATE INDEX troops_doc ON troops(doc_id);
CREATE INDEX troops_force ON troops(force);
CREATE INDEX troops_value ON troops(value);
CREATE INDEX troops_high ON troops(high);
"""

TABLES = ("documents", "entities", "dates", "troops")


class QueryError(NatoiraqError):
    pass


def create(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    connection.executescript(SCHEMA)


def insert(connection: sqlite3.Connection, facts: DocumentFacts) -> None:
    ref = facts.reference_date
    cursor = connection.execute(
        "INSERT INTO documents (id, source, title, reference_date, reference_origin, meta, text, duplicate_of) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (facts.id, facts.source, facts.title, ref.value, ref.origin, json.dumps(facts.meta, ensure_ascii=False),
         facts.text, facts.duplicate_of))
    doc_id = cursor.lastrowid
    connection.executemany(
        "INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
        [(doc_id, e.text, e.label, e.start, e.end, e.canonical) for e in facts.entities])
    connection.executemany(
        "INSERT INTO dates VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, d.text, d.start, d.end, d.value, d.granularity, d.kind) for d in facts.dates])
    connection.executemany(
        "INSERT INTO troops VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(doc_id, t.text, t.start, t.end, t.value, t.low, t.high, t.qualifier, t.unit, t.force, t.kind, t.status,
          t.sentence) for t in facts.troops])


def load(facts: Iterable[DocumentFacts], connection: sqlite3.Connection | None = None, on_document=None) -> sqlite3.Connection:
    """The facts in a database (in memory unless ``connection`` is given), in one transaction."""
    connection = connection or sqlite3.connect(":memory:")
    create(connection)
    with connection:
        for item in facts:
            insert(connection, item)
            if on_document is not None:
                on_document(item)
    return connection


def export(facts: Iterable[DocumentFacts], path: str, on_document=None) -> None:
    """Write a SQLite file: built in a temporary file beside ``path``, renamed into place on success."""
    from natoiraq.outputs.writers import temporary_beside

    fd, temporary = temporary_beside(path)
    os.close(fd)
    try:
        connection = sqlite3.connect(temporary)
        try:
            load(facts, connection, on_document)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise


def describe(connection: sqlite3.Connection) -> str:
    """ "documents(doc_id, id, ...)" for each table: what a person needs to fix a query."""
    lines = []
    for table in TABLES:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        lines.append(f"  {table}({', '.join(columns)})")
    return "\n".join(lines)


def run_query(connection: sqlite3.Connection, sql: str) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one query; a bad query is a QueryError that lists the tables."""
    try:
        cursor = connection.execute(sql)
    except (sqlite3.Error, sqlite3.Warning) as exc:
        raise QueryError(f"query failed: {exc}\nThe tables and their columns:\n{describe(connection)}") from exc
    columns = [d[0] for d in cursor.description or []]
    return columns, cursor.fetchall()
