"""Copies of an earlier article in the same run: found before extraction, then left out, marked or kept.

Wire services syndicate: one story arrives under several ids, and near copies
differ by a byline or a correction. :class:`Copies` finds them as records are read
(:class:`natoiraq.reading.duplicates.Duplicates`) and, with ``"omit"`` or ``"mark"``,
keeps them from the model; their outcomes are given back in input order all the same.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator

from natoiraq.facts import DocumentFacts
from natoiraq.reading.inputs import Record
from natoiraq.run.options import KEEP, MARK
from natoiraq.run.outcome import Outcome


class Copies:
    """One run's copies: :meth:`run` wraps extraction, so that ``policy`` decides what becomes of each.

    With ``"omit"`` a copy's outcome has no facts; with ``"mark"`` it is a document
    without facts whose ``duplicate_of`` names the original (neither is extracted);
    with ``"keep"`` it is extracted in full and marked all the same.
    """

    def __init__(self, policy: str):
        from natoiraq.reading.duplicates import Duplicates

        self.policy = policy
        self._seen = Duplicates()
        # Records read and not yet given back, in input order, each with what it copies.
        self._in_flight: deque[tuple[Record, tuple[str, str] | None]] = deque()

    def run(self, records: Iterable[Record],
            extract: Callable[[Iterable[Record]], Iterator[Outcome]]) -> Iterator[Outcome]:
        """Every record's outcome, in input order: ``extract`` over the records to extract, the copies placed."""
        for outcome in extract(self._to_extract(records)):
            yield from self._copies_left_out()
            record, copy = self._in_flight.popleft()  # outcome.record: outcomes come in input order
            outcome.copy_of = copy
            if copy and outcome.facts is not None:
                outcome.facts.duplicate_of = copy[0]
            yield outcome
        yield from self._copies_left_out()

    def _to_extract(self, records: Iterable[Record]) -> Iterator[Record]:
        for record in records:
            copy = self._seen.original(record.id, record.text)
            self._in_flight.append((record, copy))
            if not copy or self.policy == KEEP:
                yield record

    def _copies_left_out(self) -> Iterator[Outcome]:
        """The copies ahead of the next extracted record in input order, which extraction skipped."""
        while self._in_flight and self._in_flight[0][1] and self.policy != KEEP:
            record, copy = self._in_flight.popleft()
            facts = None
            if self.policy == MARK:  # who it is, no facts (those are its original's)
                facts = DocumentFacts.of_record(record)
                facts.duplicate_of = copy[0]
            yield Outcome(record, facts, copy_of=copy, extracted=False)
