"""The facts as SQL tables: ``documents``, ``entities``, ``dates``, ``troops``.

Used by ``natoiraq export`` (a SQLite file) and ``natoiraq query`` (in memory).
Offsets are ``char_start``/``char_end`` (``end`` is an SQL keyword); every fact
row points at ``documents.doc_id``; ``meta`` is JSON text (use ``json_extract``).
``documents.text`` is the text the offsets index (``substr(text, char_start + 1,
char_end - char_start)``), where the run kept it (``export`` always does);
``duplicate_of`` is the ``id`` of the earlier copy of a document kept with
``--keep-duplicates``; ``outlet`` and ``url`` name who published it and where. The view
``latest_levels`` gives each series' latest actual level with its sources.
"""

from __future__ import annotations

import base64
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterable

from natoiraq.errors import NatoiraqError
from natoiraq.facts import DateFact, DocumentFacts, Entity, TroopFigure
from natoiraq.outputs import columns as columns_of
from natoiraq.outputs.citations import citation

#: Fact tables and the dataclass each one's columns come from; offsets are renamed (``end`` is an SQL keyword).
FACT_TABLES = {"entities": Entity, "dates": DateFact, "troops": TroopFigure}
SQL_NAMES = {"start": "char_start", "end": "char_end"}

DOCUMENTS = """
CREATE TABLE documents (
    doc_id INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    source TEXT,
    title TEXT,
    outlet TEXT,
    url TEXT,
    reference_date TEXT,
    reference_origin TEXT,
    meta TEXT,
    text TEXT,
    duplicate_of TEXT
);
"""

INDEXES = """
CREATE INDEX documents_id ON documents(id);
CREATE INDEX documents_reference_date ON documents(reference_date);
CREATE INDEX entities_doc ON entities(doc_id);
CREATE INDEX entities_canonical ON entities(canonical);
CREATE INDEX entities_label ON entities(label);
CREATE INDEX dates_doc ON dates(doc_id);
CREATE INDEX dates_value ON dates(value);
CREATE INDEX troops_doc ON troops(doc_id);
CREATE INDEX troops_force ON troops(force);
CREATE INDEX troops_location ON troops(location);
CREATE INDEX troops_as_of ON troops(as_of);
CREATE INDEX troops_as_of_end ON troops(as_of_end);
CREATE INDEX troops_value ON troops(value);
CREATE INDEX troops_high ON troops(high);
"""


def _fact_table(table: str, cls) -> str:
    columns = [f"{SQL_NAMES.get(name, name)} {kind}" for name, kind in columns_of.sql_types(cls).items()]
    return (f"CREATE TABLE {table} (\n    doc_id INTEGER NOT NULL REFERENCES documents(doc_id),\n    "
            + ",\n    ".join(columns) + "\n);\n")


#: Per series (force, location), its latest actual level, one row per article reporting it: the same
#: latest level as ``natoiraq latest`` (the last day's largest), with the article's outlet, title, url and
#: date, and the level's age in days. Agreement and conflicts need the qualifiers' arithmetic: see ``latest``.
LATEST_LEVELS = """
CREATE VIEW latest_levels AS
WITH ranked AS (
    SELECT t.force, t.location, t.text, t.low, t.high, t.qualifier, t.as_of, t.as_of_start, t.as_of_end,
           t.sentence, t.attribution_speaker, d.id AS document, d.outlet, d.title, d.url,
           d.reference_date,
           rank() OVER (PARTITION BY t.force, t.location ORDER BY t.as_of_start DESC, t.high DESC) AS place
    FROM troops t JOIN documents d USING (doc_id)
    WHERE t.kind = 'level' AND t.status = 'actual' AND t.force IS NOT NULL AND t.as_of_start IS NOT NULL
)
SELECT force, location, low, high, qualifier, as_of, as_of_start, as_of_end,
       CAST(julianday('now') - julianday(as_of_end) AS INTEGER) AS age_days,
       document, outlet, title, url, reference_date, text, sentence, attribution_speaker
FROM ranked WHERE place = 1;
"""

SCHEMA = (DOCUMENTS + "".join(_fact_table(table, cls) for table, cls in FACT_TABLES.items()) + INDEXES
          + LATEST_LEVELS)

TABLES = ("documents", "entities", "dates", "troops", "latest_levels")


class QueryError(NatoiraqError):
    pass


class QueryStopped(QueryError):
    """A query stopped because its ``stop()`` said so."""


def create(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA foreign_keys = ON")
    connection.executescript(SCHEMA)


def insert(connection: sqlite3.Connection, facts: DocumentFacts) -> None:
    cited = citation(facts)
    cursor = connection.execute(
        "INSERT INTO documents (id, source, title, outlet, url, reference_date, reference_origin, meta, text, "
        "duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (facts.id, facts.source, facts.title, cited["outlet"], cited["url"], cited["reference_date"],
         facts.reference_date.origin, json.dumps(facts.meta, ensure_ascii=False), facts.text, facts.duplicate_of))
    doc_id = cursor.lastrowid
    for table, cls in FACT_TABLES.items():
        names = columns_of.names(cls)
        marks = ", ".join("?" * (len(names) + 1))
        rows = [(doc_id, *(row[name] for name in names))
                for row in (columns_of.flat(vars(fact), cls) for fact in getattr(facts, table))]
        connection.executemany(f"INSERT INTO {table} VALUES ({marks})", rows)


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
    """Write a SQLite file: built in a temporary file beside ``path``, renamed into place on success
    (through a link, onto its target). A path that cannot be written is an OutputError."""
    from natoiraq.outputs.writers import OutputError, remove_quietly, replaced_path, temporary_beside

    target = replaced_path(path)
    if target is None:
        raise OutputError(path, OSError("not a regular file; a database needs one"))
    fd, temporary = temporary_beside(target)
    os.close(fd)
    try:
        try:
            connection = sqlite3.connect(temporary)
            try:
                load(facts, connection, on_document)
            finally:
                connection.close()
            os.replace(temporary, target)
        except (sqlite3.Error, OSError) as exc:  # a full disk
            raise OutputError(path, exc) from exc
    except BaseException:
        remove_quietly(temporary)
        raise


def describe(connection: sqlite3.Connection) -> str:
    """ "documents(doc_id, id, ...)" for each table: what a person needs to fix a query."""
    lines = []
    for table in TABLES:
        columns = [row[1] for row in connection.execute(f"PRAGMA table_info({table})")]
        lines.append(f"  {table}({', '.join(columns)})")
    return "\n".join(lines)


#: What a query may do: read the tables, call functions, recurse, and ask about the schema.
_QUERY_ACTIONS = {sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_RECURSIVE}
_QUERY_PRAGMAS = {"table_info", "table_xinfo", "index_list", "index_info", "foreign_key_list"}


def _read_only(action: int, first, second, database, trigger) -> int:
    """SQLite authorizer for ``query``: no ATTACH or VACUUM INTO (they create files), no writes."""
    if action in _QUERY_ACTIONS or (action == sqlite3.SQLITE_PRAGMA and first in _QUERY_PRAGMAS):
        return sqlite3.SQLITE_OK
    return sqlite3.SQLITE_DENY


#: Seconds a query may run, by default (``query --timeout``): a ``with recursive`` with no end never
#: returns, and SQLite runs it without a pause in which Ctrl-C could stop it.
QUERY_TIMEOUT = 60
#: SQLite instructions between two checks of the clock and of ``stop``.
_CHECK_EVERY = 10_000
#: How a BLOB is written in JSON, as sqlite-utils writes it: no output format holds bytes.
BLOB_MARKER = "$base64"


def run_query(connection: sqlite3.Connection, sql: str, timeout: float = QUERY_TIMEOUT,
              stop: Callable[[], bool] = lambda: False) -> tuple[list[str], list[tuple]]:
    """(column names, rows) of one read-only query; a bad or refused query is a QueryError listing the tables.

    The query is stopped after ``timeout`` seconds (0: never), a QueryError naming the limit, or as soon
    as ``stop()`` is true, a QueryStopped (the CLI's Ctrl-C and SIGTERM). A BLOB comes back as
    ``{"$base64": true, "encoded": "..."}``."""
    deadline = time.monotonic() + timeout if timeout else float("inf")
    connection.set_authorizer(_read_only)
    connection.set_progress_handler(lambda: stop() or time.monotonic() > deadline, _CHECK_EVERY)
    try:
        cursor = connection.execute(sql)
        columns = [d[0] for d in cursor.description or []]
        rows = cursor.fetchall()
    except (sqlite3.Error, sqlite3.Warning) as exc:
        if stop():
            raise QueryStopped("query stopped") from exc
        if time.monotonic() > deadline:
            raise QueryError(f"query stopped after {timeout:g} s (--timeout {timeout:g}; --timeout 0 for no "
                             "limit)") from exc
        hint = " (queries may only read: no ATTACH, VACUUM, PRAGMA settings or writes)" \
            if "authoriz" in str(exc) else ""
        raise QueryError(f"query failed: {exc}{hint}\nThe tables and their columns:\n{describe(connection)}") from exc
    finally:
        connection.set_authorizer(None)
        connection.set_progress_handler(None, 0)
    return columns, [tuple(_blob(value) for value in row) for row in rows]


def _blob(value):
    if isinstance(value, bytes):
        return {BLOB_MARKER: True, "encoded": base64.b64encode(value).decode("ascii")}
    return value
