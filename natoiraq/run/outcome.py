"""What became of one record: its facts, or why it failed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from natoiraq.facts import DocumentFacts
from natoiraq.reading.inputs import Record


@dataclass
class Outcome:
    """What became of one record: its facts, or why it failed; ``notes`` name facts left out or changed.

    A copy of an earlier record in the run (see :mod:`natoiraq.run.dedupe`) has ``copy_of``, the
    original's id and how it matched ("exact" or "near"), and ``extracted`` False unless copies are kept:
    then ``facts`` is None (left out) or a document without facts whose ``duplicate_of`` names the original.
    """

    record: Record
    facts: DocumentFacts | None = None
    error: str | None = None
    notes: list[str] = field(default_factory=list)
    copy_of: tuple[str, str] | None = None
    extracted: bool = True


def reason(exc: BaseException) -> str:
    """An exception as a one-line reason: its type and the first line of its message."""
    text = str(exc).splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def collect(batch: list[Record], fetch: Callable[[], list[Outcome]]) -> list[Outcome]:
    """A batch's outcomes from ``fetch()`` (a worker's or a Dask future's result); a batch whose results
    cannot come back fails as a whole, by name."""
    try:
        return fetch()
    except Exception as exc:  # noqa: BLE001  (e.g. facts that cannot be pickled)
        return [Outcome(record, error=f"worker failed: {reason(exc)}") for record in batch]
