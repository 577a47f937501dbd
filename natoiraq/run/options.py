"""Every setting of an extraction run, in one value: :class:`ExtractOptions`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

from natoiraq.pipeline.loading import DEFAULT_PARSE

if TYPE_CHECKING:
    from natoiraq.run.cache import FactCache

#: Longest piece of text handed to spaCy at once. Larger articles are cut at
#: paragraph breaks (then sentence ends) and their facts re-based onto the whole text.
CHUNK_CHARS = 100_000
DEFAULT_BATCH = 32
#: What becomes of a copy of an earlier article in the run (see :mod:`natoiraq.run.dedupe`).
OMIT, MARK, KEEP = "omit", "mark", "keep"


@dataclass(frozen=True)
class ExtractOptions:
    """How records are extracted; every field has the library's default.

    ``model``: a spaCy model package or path (default: see :func:`natoiraq.load`), loaded only
    when a record needs it. ``parse``: how much text the parser reads, "candidates" or "all".
    ``reference_date``: the day every article was written (a ``datetime.date`` or ISO text),
    over each record's own date (see :mod:`natoiraq.reference`). ``batch_size``: pieces per
    ``nlp.pipe`` batch. ``workers``: processes running the model. ``chunk_chars``: the longest
    piece of text parsed at once. ``cache``: a :class:`~natoiraq.run.cache.FactCache`, or True
    for the default one in the user's cache directory. ``dask``: a Dask scheduler address
    to extract on (see :mod:`natoiraq.run.dask`). ``fields``: JSON field names for record
    fields (``{"date": "first_seen"}``) where records are read from JSON. ``duplicates``:
    None to extract every record; else a copy of an earlier record in the run is left out
    ("omit"), given without facts ("mark") or extracted all the same ("keep"), its
    ``duplicate_of`` naming the original. ``include_text``: facts carry the text their offsets index.
    ``any_language``: the command line's readers hand on articles that are not in English too
    (by default each is named in a warning and left out; see :mod:`natoiraq.reading.language`).
    """

    model: str | None = None
    parse: str = DEFAULT_PARSE
    reference_date: str | date | None = None
    batch_size: int = DEFAULT_BATCH
    workers: int = 1
    chunk_chars: int = CHUNK_CHARS
    cache: FactCache | bool | None = None
    dask: str | None = None
    fields: Mapping[str, str] | None = None
    duplicates: str | None = None
    include_text: bool = False
    any_language: bool = False

    def __post_init__(self) -> None:
        if self.duplicates not in (None, OMIT, MARK, KEEP):
            raise ValueError(f"duplicates={self.duplicates!r}: expected None, {OMIT!r}, {MARK!r} or {KEEP!r}")

    def shipped(self) -> ExtractOptions:
        """These options as worker processes and Dask workers get them: the cache stays with this run."""
        return replace(self, cache=None)
