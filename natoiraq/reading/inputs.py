"""Reading inputs: files, directories and stdin become :class:`Record` s.

Every input is attempted. What cannot be read becomes an :class:`InputFailure`
naming the path (and line) and the reason, and reading goes on with the rest.

Decoding: UTF-8, with or without a BOM; UTF-16 with a BOM. Invalid UTF-8 is
decoded with U+FFFD replacement characters and a warning, so one bad byte
does not cost the analyst the whole article; offsets index the decoded text.
Line endings are kept as read (no newline translation), so offsets index the
text exactly as the file holds it.

Each format has its own reader module: web pages (:mod:`.html`), feeds
(:mod:`.feeds`), Markdown (:mod:`.markdown`); record metadata, dates included,
is read by :mod:`.metadata`. Here they are dispatched on by file suffix, or for
stdin by what the bytes look like.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from natoiraq.parsing.titles import choose_title

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
_BINARY_SAMPLE = 8192
#: Most bytes read from a pipe or device named on the command line.
STREAM_MAX_BYTES = 512 * 2**20
#: Deepest nesting kept in a record's extra fields; deeper ones are left out of ``meta`` with a warning.
META_MAX_DEPTH = 64


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


def read_inputs(paths: list[str], stdin: BinaryIO | None = None, fields: dict[str, str] | None = None) -> Iterator[Item]:
    """Records (and failures and warnings) from paths; ``-`` reads ``stdin``.

    ``fields`` maps record fields to other names in JSON Lines and front matter
    (``{"date": "first_seen"}``), before the usual aliases.
    """
    for path in paths:
        if path == "-":
            yield from _read_stream((stdin or sys.stdin.buffer), "-", fields)
        elif os.path.isdir(path):
            yield from _read_directory(path, fields)
        elif os.path.exists(path):
            yield from _guarded(_read_file(path, shown(path), fields), path)
        elif os.path.islink(path):
            yield InputFailure(path, "broken symbolic link")
        else:
            yield InputFailure(path, "no such file or directory")


def shown(path: str) -> str:
    """A path as it can be printed and written as UTF-8: bytes that are not UTF-8 as ``\\xNN``,
    control characters (a newline in a file name) as ``\\n`` or ``\\x1b``."""
    text = os.fsencode(path).decode("utf-8", "backslashreplace")
    return _CONTROL.sub(lambda m: _ESCAPES.get(m[0], f"\\x{ord(m[0]):02x}"), text)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _kind(mode: int) -> str | None:
    """What a path that is not a regular file is, or None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket")):
        if test(mode):
            return name
    return "not a regular file"


def _read_directory(root: str, fields: dict[str, str] | None) -> Iterator[Item]:
    found = False
    seen: set[str] = {os.path.realpath(root)}
    unreadable: list[OSError] = []
    for directory, subdirs, files in os.walk(root, followlinks=True, onerror=unreadable.append):
        while unreadable:
            error = unreadable.pop(0)
            yield InputFailure(error.filename or directory, f"{error.strerror or error}; directory skipped")
        kept = []
        for name in sorted(subdirs):
            full = os.path.join(directory, name)
            real = os.path.realpath(full)
            if real in seen:
                yield InputFailure(full, "symbolic link loop (directory already read); skipped")
                continue
            seen.add(real)
            kept.append(name)
        subdirs[:] = kept
        for name in sorted(files):
            if not name.lower().endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES):
                continue
            full = os.path.join(directory, name)
            found = True
            try:
                mode = os.stat(full).st_mode
            except OSError as exc:
                yield InputFailure(full, "broken symbolic link" if os.path.islink(full) else exc.strerror or str(exc))
                continue
            if _kind(mode):  # a FIFO would hang the run, /dev/zero fill the memory
                yield InputFailure(full, f"{_kind(mode)}, not a regular file; skipped")
                continue
            yield from _guarded(_read_file(full, shown(os.path.relpath(full, root)), fields), full)
    for error in unreadable:
        yield InputFailure(error.filename or root, f"{error.strerror or error}; directory skipped")
        found = True
    if not found:
        yield InputFailure(root, f"no articles found (looked for {', '.join(ARTICLE_SUFFIXES + JSONL_SUFFIXES)})")


def _guarded(items: Iterator[Item], path: str) -> Iterator[Item]:
    """A file's items; whatever its reading raises (a file too large for memory) fails that file alone."""
    try:
        yield from items
    except (OSError, MemoryError, ValueError, RecursionError) as exc:
        yield InputFailure(path, f"cannot be read: {getattr(exc, 'strerror', None) or type(exc).__name__}")


def _read_file(path: str, doc_id: str, fields: dict[str, str] | None) -> Iterator[Item]:
    try:
        handle = open(path, "rb")
        regular = _kind(os.fstat(handle.fileno()).st_mode) is None
    except OSError as exc:
        yield InputFailure(path, exc.strerror or str(exc))
        return
    suffix = os.path.splitext(path.lower())[1]
    with handle:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(handle, path, doc_id, fields)
            return
        try:
            # A pipe or device named on the command line is read, but only so far: /dev/zero never ends.
            data = handle.read() if regular else handle.read(STREAM_MAX_BYTES + 1)
        except OSError as exc:
            yield InputFailure(path, exc.strerror or str(exc))
            return
    if len(data) > STREAM_MAX_BYTES and not regular:
        yield InputFailure(path, f"more than {STREAM_MAX_BYTES // 2**20} MiB from a stream; skipped")
        return
    reader = _text_record
    if suffix in HTML_SUFFIXES:
        from natoiraq.reading.html import page_records as reader
    elif suffix in FEED_SUFFIXES:
        from natoiraq.reading.feeds import feed_records as reader
    elif suffix in MARKDOWN_SUFFIXES:
        from natoiraq.reading.markdown import markdown_records as reader
    yield from _with_warnings(reader(data, shown(path), doc_id, filename_date(path), fields), path)


def _read_stream(stream: BinaryIO, name: str, fields: dict[str, str] | None) -> Iterator[Item]:
    from natoiraq.reading.feeds import feed_records, looks_like_feed
    from natoiraq.reading.html import looks_like_html, page_records

    data = stream.read()
    first = data.lstrip()[:1]
    if first == b"{" and _first_line_is_json(data):
        yield from _read_jsonl(_Lines(data), name, "stdin", fields)
        return
    reader = _text_record
    markup = data.removeprefix(codecs.BOM_UTF8).lstrip()[:1] == b"<"
    if markup and looks_like_feed(data):
        reader = feed_records
    elif markup and looks_like_html(data[:65536].decode("utf-8", "replace")):
        reader = page_records
    yield from _with_warnings(reader(data, name, "stdin", None, fields), name)


def _with_warnings(items: Iterator[Item], path: str) -> Iterator[Item]:
    """A record's metadata problem becomes a warning naming the input, just before the record."""
    for item in items:
        if isinstance(item, Record) and item.warning:
            yield InputWarning(path, item.warning)
        yield item


class _Lines:
    """Bytes that read like a binary file, line by line."""

    def __init__(self, data: bytes):
        self._lines = data.splitlines(keepends=True)

    def __iter__(self):
        return iter(self._lines)


def _first_line_is_json(data: bytes) -> bool:
    for line in data.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False


def decode(data: bytes) -> tuple[str | None, str | None]:
    """(text, problem): text is None when the bytes are not text at all."""
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError:
            return None, "not valid UTF-16 despite its byte-order mark"
    if b"\x00" in data[:_BINARY_SAMPLE]:
        encoding = _utf16_without_bom(data[:_BINARY_SAMPLE])
        if encoding:
            try:
                return data.decode(encoding), None
            except UnicodeDecodeError:
                pass
        return None, "binary file, not text (NUL bytes)"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        if text.count("\ufffd") > max(16, len(text) // 10):
            return None, "binary file, not UTF-8 text"
        return text, f"invalid UTF-8 at byte {exc.start}; undecodable bytes replaced with U+FFFD"


def _utf16_without_bom(sample: bytes) -> str | None:
    """ "utf-16-le" or "-be" when NUL bytes sit in every other place, as in mostly-Latin UTF-16 text."""
    even, odd = sample[0::2], sample[1::2]
    if len(sample) < 2 or len(sample) % 2 and len(sample) < _BINARY_SAMPLE:
        return None
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and others.count(0) == 0:
            return encoding
    return None


def decoded(data: bytes, path: str) -> Iterator[Item | str]:
    """Failures and warnings about ``data``, then its text if it has any."""
    text, problem = decode(data)
    if text is None:
        yield InputFailure(path, problem or "unreadable")
        return
    if problem:
        yield InputWarning(path, problem)
    if not text.strip():
        yield InputFailure(path, "empty file" if not text else "file holds only whitespace")
        return
    yield text


def _text_record(data: bytes, path: str, doc_id: str, file_date: str | None, fields=None) -> Iterator[Item]:
    for item in decoded(data, path):
        yield item if not isinstance(item, str) else Record(
            id=doc_id, text=item, source=shown(path), title=choose_title(item), filename_date=file_date)


def _read_jsonl(lines, path: str, doc_id: str, fields: dict[str, str] | None = None) -> Iterator[Item]:
    any_line = False
    file_date = filename_date(path) if path != "-" else None
    for number, raw in enumerate(lines, start=1):
        text, problem = decode(raw)
        if text is None:
            yield InputFailure(path, problem or "unreadable line", number)
            continue
        if not text.strip():
            continue
        any_line = True
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputFailure(path, f"malformed JSON: {exc.msg} (column {exc.colno})", number)
            continue
        except ValueError as exc:  # an integer of more than 4300 digits
            yield InputFailure(path, f"malformed JSON: {exc}", number)
            continue
        except RecursionError:
            yield InputFailure(path, "malformed JSON: nested too deeply to read", number)
            continue
        obj, notes = _scrubbed(obj)
        record = _record_from_json(obj, path, f"{doc_id}:{number}", file_date, fields)
        if isinstance(record, str):
            yield InputFailure(path, record, number)
        else:
            record.line = number
            for note in [problem, *notes, record.warning]:
                if note:
                    yield InputWarning(path, note, number)
            yield record
    if not any_line:
        yield InputFailure(path, "empty file")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _scrubbed(obj: Any) -> tuple[Any, list[str]]:
    """A JSON record every writer can write: lone surrogates ("\\ud800") become U+FFFD (offsets
    keep their meaning: one character for one), extra fields nested deeper than META_MAX_DEPTH are left out."""
    if not isinstance(obj, dict):
        return obj, []
    notes: list[str] = []
    replaced = False

    def clean(value: Any, depth: int) -> Any:
        nonlocal replaced
        if depth > META_MAX_DEPTH:
            raise RecursionError
        if isinstance(value, str):
            if _SURROGATE.search(value):
                replaced = True
                return _SURROGATE.sub("\ufffd", value)
            return value
        if isinstance(value, list):
            return [clean(v, depth + 1) for v in value]
        if isinstance(value, dict):
            return {clean(k, depth + 1): clean(v, depth + 1) for k, v in value.items()}
        return value

    kept = {}
    for key, value in obj.items():
        try:
            kept[clean(key, 0)] = clean(value, 0)
        except RecursionError:
            notes.append(f"field {shown(str(key))!r} is nested more than {META_MAX_DEPTH} levels deep; left out")
    if replaced:
        notes.append("lone UTF-16 surrogates (\\ud800-\\udfff) replaced with U+FFFD")
    return kept, notes


def _record_from_json(obj: Any, path: str, fallback_id: str, file_date: str | None,
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

    return Record(
        id=text_of("id") or fallback_id, text=text, source=shown(path), title=text_of("title"), date=published,
        url=text_of("url"), meta=_plain({k: v for k, v in obj.items() if k not in used}), filename_date=file_date,
        warning=warning,
    )


def _plain(meta: dict[str, Any]) -> dict[str, Any]:
    """Meta as JSON holds it (front matter can hold YAML dates)."""
    try:
        json.dumps(meta)
        return meta
    except TypeError:
        return json.loads(json.dumps(meta, default=str))


def parse_iso_date(value: Any) -> str | None:
    """ "2021-02-16" or "2021-02-16T09:30:00Z" -> "2021-02-16"; anything else None."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value.strip()[:10]).isoformat()
    except ValueError:
        return None


def filename_date(path: str) -> str | None:
    """The ISO date a file name carries ("2021-02-16-nato.txt"), if it is a real date."""
    match = _FILENAME_DATE.search(Path(path).name)
    return parse_iso_date(match.group(0)) if match else None
