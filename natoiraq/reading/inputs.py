"""Reading inputs: files, directories and stdin become :class:`Record` s.

Every input is attempted. What cannot be read becomes an :class:`InputFailure`
naming the path (and line) and the reason, and reading goes on with the rest.
Line endings are kept as read (no newline translation), so offsets index the
text exactly as the file holds it.

Each format has its own reader module: plain text (here), JSON Lines
(:mod:`.jsonl`), web pages (:mod:`.html`), feeds (:mod:`.feeds`), Markdown
(:mod:`.markdown`); all decode bytes as :mod:`.decoding` does and make the
records and failures of :mod:`.records`; record metadata, dates included, is
read by :mod:`.metadata`. Here they are dispatched on by file suffix, or for
stdin by what the bytes look like.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from natoiraq.parsing.titles import choose_title
from natoiraq.reading.decoding import decoded
from natoiraq.reading.jsonl import Lines, first_line_is_json, read_jsonl
from natoiraq.reading.records import InputFailure, InputWarning, Item, Record, shown

TEXT_SUFFIXES = (".txt",)
MARKDOWN_SUFFIXES = (".md", ".markdown")
HTML_SUFFIXES = (".html", ".htm")
FEED_SUFFIXES = (".rss", ".atom", ".xml")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + MARKDOWN_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)-(\d\d)-(\d\d)(?!\d)")
#: Most bytes read from a pipe or device named on the command line.
STREAM_MAX_BYTES = 512 * 2**20


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
            yield from read_jsonl(handle, path, doc_id, filename_date(path), fields)
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
    # Each reader is given the path as it is and shows it once (a shown name shown again would double its \\)
    yield from _with_warnings(reader(data, path, doc_id, filename_date(path), fields), path)


def _read_stream(stream: BinaryIO, name: str, fields: dict[str, str] | None) -> Iterator[Item]:
    from natoiraq.reading.feeds import feed_records, looks_like_feed
    from natoiraq.reading.html import looks_like_html, page_records

    data = stream.read()
    first = data.lstrip()[:1]
    if first == b"{" and first_line_is_json(data):
        yield from read_jsonl(Lines(data), name, "stdin", None, fields)
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


def _text_record(data: bytes, path: str, doc_id: str, file_date: str | None, fields=None) -> Iterator[Item]:
    for item in decoded(data, path):
        yield item if not isinstance(item, str) else Record(
            id=doc_id, text=item, source=shown(path), title=choose_title(item), filename_date=file_date)


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
