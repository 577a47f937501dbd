"""Results cached per (text, reference date, natoiraq's code, model), so a second run over a corpus is instant.

The cache is one SQLite file in the user's cache directory
(``$XDG_CACHE_HOME/natoiraq``, else ``~/.cache/natoiraq``). Its key hashes the
article's text and reference date, the model's name and version, and a
fingerprint of natoiraq's own source and data files: a code or word-list change
invalidates it even when the version number does not move.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Any

from natoiraq import __version__
from natoiraq.facts import DateFact, DocumentFacts, Entity, ReferenceDate, TroopFigure
from natoiraq.reading.inputs import Record

FILE_NAME = "facts-v1.sqlite"


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "natoiraq"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """natoiraq's version and a hash of its source and data files."""
    digest = hashlib.sha256(__version__.encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.suffix in (".py", ".json") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def model_identity(name: str) -> str:
    try:
        return f"{name}=={metadata.version(name.replace('_', '-'))}"
    except metadata.PackageNotFoundError:
        return name  # a model loaded from a path


class FactCache:
    """A key-value store of extracted facts, safe to share between runs (one writer at a time)."""

    def __init__(self, model: str, directory: Path | None = None):
        self.directory = directory or cache_dir()
        self.directory.mkdir(parents=True, exist_ok=True)
        self.path = self.directory / FILE_NAME
        self.connection = sqlite3.connect(self.path, timeout=30)
        self.connection.execute("CREATE TABLE IF NOT EXISTS facts (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
        self._salt = f"{code_fingerprint()}|{model_identity(model)}"
        self.hits = self.misses = 0

    def key(self, record: Record, reference: dict[str, Any], chunk_chars: int) -> str:
        material = json.dumps([self._salt, reference, chunk_chars, record.text], ensure_ascii=False)
        return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()

    def get_many(self, keys: list[str]) -> dict[str, str]:
        found: dict[str, str] = {}
        for start in range(0, len(keys), 500):  # SQLite's limit on bound parameters
            part = keys[start: start + 500]
            marks = ",".join("?" * len(part))
            found.update(self.connection.execute(f"SELECT key, value FROM facts WHERE key IN ({marks})", part))
        self.hits += len(found)
        self.misses += len(keys) - len(found)
        return found

    def put(self, key: str, facts: DocumentFacts) -> None:
        data = facts.to_dict()
        value = json.dumps({k: data[k] for k in ("reference_date", "entities", "dates", "troops")}, ensure_ascii=False)
        self.connection.execute("INSERT OR REPLACE INTO facts VALUES (?, ?)", (key, value))

    def commit(self) -> None:
        self.connection.commit()

    @staticmethod
    def rebuild(record: Record, value: str) -> DocumentFacts:
        """The cached facts under this record's own id, source, title and meta."""
        data = json.loads(value)
        meta = dict(record.meta)
        if record.url:
            meta.setdefault("url", record.url)
        return DocumentFacts(
            id=record.id, source=record.source, title=record.title,
            reference_date=ReferenceDate(**data["reference_date"]),
            entities=[Entity(**e) for e in data["entities"]], dates=[DateFact(**d) for d in data["dates"]],
            troops=[TroopFigure(**t) for t in data["troops"]], meta=meta,
        )

    def close(self) -> None:
        self.connection.commit()
        self.connection.close()


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
    with sqlite3.connect(path) as connection:
        entries = connection.execute("SELECT count(*) FROM facts").fetchone()[0]
    return {"path": str(path), "entries": entries, "bytes": path.stat().st_size}
