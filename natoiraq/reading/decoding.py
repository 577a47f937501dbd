"""Bytes to text, as every reader decodes them.

UTF-8, with or without a BOM; UTF-16 with a BOM, or without one where NUL bytes
sit in every other place. Invalid UTF-8 is decoded with U+FFFD replacement
characters and a warning, so one bad byte does not cost the analyst the whole
article; offsets index the decoded text.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator

from natoiraq.reading.records import InputFailure, InputWarning, Item

_BINARY_SAMPLE = 8192


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
