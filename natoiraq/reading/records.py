"""What every reader makes: a :class:`Record` to extract from, or an :class:`InputFailure` (an
:class:`InputWarning` when it was read, but not cleanly) naming the input and the reason.

The readers (:mod:`.inputs` and its formats, :mod:`.saved`) import them from
here, and a library user builds a Record by hand. :func:`record_from_json`
makes one from a JSON object: a JSON Lines line, Markdown front matter, a
record handed to the API.
"""

from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from typing import Any

#: What a reader puts between the paragraphs of the text it makes: a blank line.
PARAGRAPH_BREAK = "\n\n"


@dataclass
class Record:
    """One article to extract from."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    date: str | None = None  # publication date, ISO 8601, from the record itself
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    filename_date: str | None = None  # an ISO date in the file name, the third choice of reference
    line: int | None = None  # the line of a JSON Lines file it came from, for messages
    warning: str | None = None  # read, but some metadata could not be (reported with the input's name)


@dataclass
class InputFailure:
    """An input that could not be read; ``line`` for JSON Lines."""

    path: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{shown(self.path)}:{self.line}" if self.line is not None else shown(self.path)
        return f"{where}: {self.reason}"


@dataclass
class InputWarning(InputFailure):
    """Read, but not cleanly (invalid UTF-8 replaced)."""


Item = Record | InputFailure


def shown(path: str) -> str:
    """A path as it can be printed and written as UTF-8: bytes that are not UTF-8 as ``\\xNN``,
    control characters (a newline in a file name) as ``\\n`` or ``\\x1b``, and a backslash as
    ``\\\\``, so that two names never look the same: Python's ``codecs.escape_decode`` gives the
    name's bytes back."""
    text = os.fsencode(path).replace(b"\\", b"\\\\").decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: _ESCAPES.get(m[0], f"\\x{ord(m[0]):02x}"), text)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def record_from_json(obj: Any, path: str, fallback_id: str, file_date: str | None,
                     fields: dict[str, str] | None = None) -> Record | str:
    """A Record, or the reason this JSON value is not one.

    Fields are found under their aliases (``pubDate`` for the date, ``headline``
    for the title; see :data:`natoiraq.reading.metadata.FIELD_ALIASES`). A date
    that cannot be read costs the record its date, not its facts: it is kept in
    ``meta`` and the record carries a warning.
    """
    from natoiraq.reading.metadata import DateError, pick, publication_date

    if not isinstance(obj, dict):
        return f"expected a JSON object per line, got {type(obj).__name__}"
    found = {name: pick(obj, name, fields) for name in ("id", "text", "date", "title", "url")}
    text_key, text = found["text"]
    if text_key is None:
        return f"record has no {(fields or {}).get('text', 'text')!r} field"
    if not isinstance(text, str):
        return f"'{text_key}' must be a string, got {type(text).__name__}"
    if not text.strip():
        return f"'{text_key}' is empty"
    for name in ("id", "title", "url"):
        key, value = found[name]
        # bool is an int to Python: a JSON true must not become the id "True"
        if key is not None and (not isinstance(value, (str, int)) or isinstance(value, bool)):
            return f"'{key}' must be a string, got {type(value).__name__}"
    used = {key for key, _ in found.values() if key is not None}
    date_key, published = found["date"]
    warning = None
    if date_key is not None:
        try:
            published = publication_date(published)
        except DateError as exc:
            warning, published = f"'{date_key}': {exc}; facts kept, reference date left to the text", None
            used.discard(date_key)

    def text_of(name: str) -> str | None:
        return None if found[name][0] is None else str(found[name][1])

    meta, not_json = _plain({k: v for k, v in obj.items() if k not in used})
    return Record(
        id=text_of("id") or fallback_id, text=text, source=shown(path), title=text_of("title"), date=published,
        url=text_of("url"), meta=meta, filename_date=file_date,
        warning="; ".join(note for note in (warning, not_json) if note) or None,
    )


def _plain(meta: dict[str, Any]) -> tuple[dict[str, Any], str | None]:
    """Meta as JSON holds it, and a warning where it could not hold it as read: front matter can hold
    YAML dates (written as text), and NaN, Infinity or 1e400 are no JSON (``jq`` and SQLite's
    ``json_valid`` refuse them), so they are kept as the text "NaN", "Infinity", "-Infinity"."""
    try:
        json.dumps(meta, allow_nan=False)
        return meta, None
    except (TypeError, ValueError):
        pass
    constants: list[str] = []

    def constant(name: str) -> str:
        constants.append(name)
        return name

    plain = json.loads(json.dumps(meta, default=str), parse_constant=constant)
    if not constants:
        return plain, None
    return plain, f"{', '.join(sorted(set(constants)))} in the record's fields is not JSON; kept as text"
