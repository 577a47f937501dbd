"""JSON Lines: one record per line, each line read, and failed, on its own.

A line that is not a JSON object, or lacks a text, fails alone, naming its
line. Lone UTF-16 surrogates are replaced and extra fields nested deeper than
:data:`META_MAX_DEPTH` are left out, each with a warning, so every writer can
write what was read.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from natoiraq.reading.decoding import decode
from natoiraq.reading.records import InputFailure, InputWarning, Item, record_from_json, shown

#: Deepest nesting kept in a record's extra fields; deeper ones are left out of ``meta`` with a warning.
META_MAX_DEPTH = 64


def read_jsonl(lines, path: str, doc_id: str, file_date: str | None,
               fields: dict[str, str] | None = None) -> Iterator[Item]:
    """A record (after its warnings) or a failure per line of ``lines`` (binary lines); blank lines are
    skipped. Each record's id falls back to ``doc_id:line``."""
    any_line = False
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
        record = record_from_json(obj, path, f"{doc_id}:{number}", file_date, fields)
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


class Lines:
    """Bytes that read like a binary file, line by line."""

    def __init__(self, data: bytes):
        self._lines = data.splitlines(keepends=True)

    def __iter__(self):
        return iter(self._lines)


def first_line_is_json(data: bytes) -> bool:
    """Whether the first non-blank line of ``data`` is a JSON object (stdin as JSON Lines)."""
    for line in data.splitlines():
        if line.strip():
            try:
                return isinstance(json.loads(line), dict)
            except (ValueError, RecursionError):
                return False
    return False
