"""Reading inputs: files, directories and stdin become :class:`Record` s.

Every input is attempted. What cannot be read becomes an :class:`InputFailure`
naming the path (and line) and the reason, and reading goes on with the rest.

Decoding: UTF-8, with or without a BOM; UTF-16 with a BOM. Invalid UTF-8 is
decoded with U+FFFD replacement characters and a warning, so one bad byte
does not cost the analyst the whole article; offsets index the decoded text.
Line endings are kept as read (no newline translation), so offsets index the
text exactly as the file holds it.
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

ARTICLE_SUFFIXES = (".txt", ".md")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
RECORD_FIELDS = ("id", "text", "date", "title", "url")
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


def read_inputs(paths: list[str], stdin: BinaryIO | None = None) -> Iterator[Item]:
    """Records (and failures and warnings) from paths; ``-`` reads ``stdin``."""
    for path in paths:
        if path == "-":
            yield from _read_stream((stdin or sys.stdin.buffer), "-")
        elif os.path.isdir(path):
            yield from _read_directory(path)
        elif os.path.exists(path):
            yield from _read_file(path, shown(path))
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


def _read_directory(root: str) -> Iterator[Item]:
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
            yield from _read_file(full, shown(os.path.relpath(full, root)))
    for error in unreadable:
        yield InputFailure(error.filename or root, f"{error.strerror or error}; directory skipped")
        found = True
    if not found:
        yield InputFailure(root, f"no articles found (looked for {', '.join(ARTICLE_SUFFIXES + JSONL_SUFFIXES)})")


def _read_file(path: str, doc_id: str) -> Iterator[Item]:
    try:
        handle = open(path, "rb")
        regular = _kind(os.fstat(handle.fileno()).st_mode) is None
    except OSError as exc:
        yield InputFailure(path, exc.strerror or str(exc))
        return
    with handle:
        if path.lower().endswith(JSONL_SUFFIXES):
            yield from _read_jsonl(handle, path, doc_id)
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
    yield from _text_record(data, path, doc_id, filename_date(path))


def _read_stream(stream: BinaryIO, name: str) -> Iterator[Item]:
    data = stream.read()
    first = data.lstrip()[:1]
    if first == b"{" and _first_line_is_json(data):
        yield from _read_jsonl(_Lines(data), name, "stdin")
    else:
        yield from _text_record(data, name, "stdin", None)


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


def _text_record(data: bytes, path: str, doc_id: str, file_date: str | None) -> Iterator[Item]:
    text, problem = decode(data)
    if text is None:
        yield InputFailure(path, problem or "unreadable")
        return
    if problem:
        yield InputWarning(path, problem)
    if not text.strip():
        yield InputFailure(path, "empty file" if not text else "file holds only whitespace")
        return
    yield Record(id=doc_id, text=text, source=shown(path), title=choose_title(text), filename_date=file_date)


def _read_jsonl(lines, path: str, doc_id: str) -> Iterator[Item]:
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
        record = _record_from_json(obj, path, f"{doc_id}:{number}", file_date)
        if isinstance(record, str):
            yield InputFailure(path, record, number)
        else:
            record.line = number
            for note in [problem] + notes if problem else notes:
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


def _record_from_json(obj: Any, path: str, fallback_id: str, file_date: str | None) -> Record | str:
    """A Record, or the reason this JSON value is not one."""
    if not isinstance(obj, dict):
        return f"expected a JSON object per line, got {type(obj).__name__}"
    if "text" not in obj:
        return "record has no 'text' field"
    if not isinstance(obj["text"], str):
        return f"'text' must be a string, got {type(obj['text']).__name__}"
    if not obj["text"].strip():
        return "'text' is empty"
    published = obj.get("date")
    if published is not None:
        published = parse_iso_date(published)
        if published is None:
            return f"'date' is not an ISO 8601 date: {obj['date']!r}"
    for key in ("id", "title", "url"):
        # bool is an int to Python: a JSON true must not become the id "True"
        if obj.get(key) is not None and (not isinstance(obj[key], (str, int)) or isinstance(obj[key], bool)):
            return f"'{key}' must be a string, got {type(obj[key]).__name__}"
    def text_of(key: str) -> str | None:
        return None if obj.get(key) is None else str(obj[key])

    return Record(
        id=text_of("id") or fallback_id, text=obj["text"], source=shown(path), title=text_of("title"),
        date=published, url=text_of("url"),
        meta={k: v for k, v in obj.items() if k not in RECORD_FIELDS}, filename_date=file_date,
    )


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
