"""Records through the pipeline: texts cut into pieces, pieces parsed in batches inside memory zones,
each piece's facts re-based onto its whole text as soon as it is parsed."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

from natoiraq import reference as references
from natoiraq.facts import DateFact, DocumentFacts, Entity, TroopFigure
from natoiraq.limits import FIGURE_MAX, date_value_fits, figure_fits
from natoiraq.reading.inputs import Record
from natoiraq.reference import ReferenceDate
from natoiraq.run.options import CHUNK_CHARS, ExtractOptions
from natoiraq.run.outcome import Outcome, reason

#: Records per ``nlp.memory_zone()``: the vocabulary a run keeps is what this many articles add.
MEMORY_WINDOW = 512


def split_text(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs covering ``text``, each at most ``limit`` characters, cut at breaks."""
    pieces = []
    start = 0
    while len(text) - start > limit:
        window = text[start: start + limit]
        cut = max(window.rfind("\n\n"), window.rfind("\n"))
        if cut < limit // 2:
            cut = max(window.rfind(". "), window.rfind(" "))
        cut = cut + 1 if cut > 0 else limit
        pieces.append((start, text[start: start + cut]))
        start += cut
    pieces.append((start, text[start:]))
    return pieces


def in_process(records: Iterable[Record], nlp, options: ExtractOptions, window: int | None = None) -> Iterator[Outcome]:
    """Outcomes record by record, ``window`` records at a time inside ``nlp.memory_zone()``.

    A zone frees the strings and lexemes its texts added to the vocabulary, so a
    long run over ever-new words stays flat in memory. Nothing made in a zone
    outlives it: facts hold plain Python values only.
    """
    remaining = iter(records)
    while chunk := list(islice(remaining, window or MEMORY_WINDOW)):
        with nlp.memory_zone():
            yield from in_window(chunk, nlp, options)


class WorkerZone:
    """One ``nlp.memory_zone()`` across the batches a worker process runs, renewed every
    ``MEMORY_WINDOW`` records, as :func:`in_process` renews its own.

    A zone per batch would free, every 32 records, the lexemes and tokenizer entries
    the next batch makes again: a fifth more CPU in each worker. A zone is renewed
    only between batches, so a worker running batches in several threads never loses
    strings a batch still reads.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._zone = None
        self._records = self._running = 0

    def run(self, records: list[Record], nlp, options: ExtractOptions) -> list[Outcome]:
        with self._lock:
            if self._running == 0 and (self._zone is None or self._records >= MEMORY_WINDOW):
                self.close()
                self._zone, self._records = nlp.memory_zone(), 0
                self._zone.__enter__()
            self._records += len(records)
            self._running += 1
        try:
            return list(in_window(records, nlp, options))
        finally:
            with self._lock:
                self._running -= 1

    def close(self) -> None:
        if self._zone is not None:
            self._zone.__exit__(None, None, None)
            self._zone = None


@dataclass(frozen=True)
class _Piece:
    record: int  # the record's position in this stream
    offset: int  # where this piece starts in the record's text
    text: str


@dataclass
class _Pending:
    """A record whose pieces are on their way through the pipeline."""

    record: Record
    reference: ReferenceDate
    pieces: int = 0  # how many pieces it has
    done: int = 0  # pieces back from the pipeline
    document: DocumentFacts | None = None  # the facts of the pieces back so far
    notes: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def complete(self) -> bool:
        return self.error is not None or self.done == self.pieces


def in_window(records: Iterable[Record], nlp, options: ExtractOptions) -> Iterator[Outcome]:
    """Records through the pipeline in batches of at most ``options.batch_size`` pieces and about
    ``options.chunk_chars`` characters: memory follows the batch, not the length of a text.

    A batch that raises is run again one piece at a time, so only a record whose own
    piece raises fails. Each piece's facts are taken off its Doc as soon as it is
    parsed; no record keeps its Docs.
    """
    pending: dict[int, _Pending] = {}
    batch: list[_Piece] = []
    size, limit = 0, options.chunk_chars
    dates_in = _dates_in(nlp)
    for index, record in enumerate(records):
        state = pending[index] = _Pending(record, references.given(record, options.reference_date))
        try:
            pieces = split_text(record.text, limit)
            state.pieces = len(pieces)
            state.reference = references.in_pieces(state.reference, [text for _, text in pieces], dates_in)
        except Exception as exc:  # noqa: BLE001  (a text the tokenizer cannot take fails alone)
            state.error, pieces = reason(exc), []
        for offset, text in pieces:
            if batch and (len(batch) >= options.batch_size or size + len(text) > limit):
                _process(nlp, batch, pending)
                batch, size = [], 0
                yield from _finished(pending)
            batch.append(_Piece(index, offset, text))
            size += len(text)
        yield from _finished(pending)
    if batch:
        _process(nlp, batch, pending)
    yield from _finished(pending)


def _dates_in(nlp):
    """What finds the dates in a piece of text without a parser, for the reference-date policy; None
    in a pipeline without natoiraq's date component."""
    if "natoiraq_dates" not in nlp.pipe_names:
        return None
    finder = nlp.get_pipe("natoiraq_dates")
    return lambda text: finder.dates_in(nlp.make_doc(text))


def _finished(pending: dict[int, _Pending]) -> Iterator[Outcome]:
    """The leading records that are complete, in order."""
    while pending:
        index = next(iter(pending))
        state = pending[index]
        if not state.complete:
            return
        del pending[index]
        if state.error is not None:
            yield Outcome(state.record, error=state.error)
        else:
            document = state.document or DocumentFacts.of_record(state.record, state.reference)
            yield Outcome(state.record, document, notes=state.notes)


def _process(nlp, batch: list[_Piece], pending: dict[int, _Pending]) -> None:
    """Parse a batch and move each piece's facts onto its record."""
    batch = [piece for piece in batch if pending[piece.record].error is None]
    docs = [_doc(nlp, piece, pending[piece.record].reference) for piece in batch]
    made = [i for i, doc in enumerate(docs) if not isinstance(doc, BaseException)]
    parsed = _parse(nlp, [docs[i] for i in made])
    if parsed is None:  # again one piece at a time, so that only the pieces that raise fail
        parsed = [_parse_one(nlp, _doc(nlp, batch[i], pending[batch[i].record].reference)) for i in made]
    for i, doc in zip(made, parsed):
        docs[i] = doc
    for piece, doc in zip(batch, docs):
        state = pending[piece.record]
        if state.error is not None:
            continue
        try:
            if isinstance(doc, BaseException):
                raise doc
            _take_facts(state, piece.offset, doc)
            state.done += 1
        except Exception as exc:  # noqa: BLE001
            state.error = reason(exc)


def _doc(nlp, piece: _Piece, reference: ReferenceDate):
    """The piece's unparsed Doc, or the exception the tokenizer raised (a lone surrogate, say)."""
    try:
        doc = nlp.make_doc(piece.text)
    except Exception as exc:  # noqa: BLE001
        return exc
    references.put(doc, reference)
    return doc


def _parse(nlp, docs: list) -> list | None:
    """The batch's Docs, or None when any piece raised (or an error handler dropped one)."""
    if not docs:
        return []
    try:
        parsed = list(nlp.pipe(docs, batch_size=len(docs)))
    except Exception:  # noqa: BLE001  (which piece raised is found by _parse_one)
        return None
    return parsed if len(parsed) == len(docs) else None


def _parse_one(nlp, doc):
    """One Doc through every component, or the exception one of them raised."""
    if isinstance(doc, BaseException):
        return doc
    try:
        for _, component in nlp.pipeline:
            doc = component(doc)
        return doc
    except Exception as exc:  # noqa: BLE001
        return exc


def _take_facts(state: _Pending, offset: int, doc) -> None:
    """A parsed piece's facts, re-based onto the whole text, kept where every format can hold them."""
    facts = doc._.natoiraq
    if state.document is None:
        state.document = DocumentFacts.of_record(state.record, facts.reference_date)
    document = state.document
    if document.reference_date.value is None:
        document.reference_date = facts.reference_date
    document.entities += [_shift(e, offset) for e in facts.entities]
    for fact in facts.dates:
        if not date_value_fits(fact.value, fact.granularity, fact.kind):
            state.notes.append(f"date {fact.text!r} resolves to {fact.value!r}, outside years 0001-9999; "
                               "kept without a value")
            fact.value = None
        document.dates.append(_shift(fact, offset))
    for figure in facts.troops:
        if figure_fits(figure.value, figure.low, figure.high):
            document.troops.append(_shift(figure, offset))
        else:
            state.notes.append(f"troop figure {figure.text!r} at {figure.start + offset} is larger than "
                               f"{FIGURE_MAX:,}; left out")


def _shift(fact: Entity | DateFact | TroopFigure, offset: int):
    if offset:
        fact.start += offset
        fact.end += offset
    return fact
