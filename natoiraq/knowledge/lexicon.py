"""The linguistic tables in ``natoiraq/data``, loaded once and checked.

Knowledge about the language of news (aliases, trigger nouns, qualifiers) lives
in JSON so that an analyst can extend it without touching the code. Each table
``<name>.json`` has a schema ``<name>.schema.json`` beside it, in the subset of
JSON Schema that these tables need (``type``, ``properties``, ``required``,
``additionalProperties``, ``items``, ``minLength``, ``minItems``, and ``$ref`` to
``#/$defs/...``). Keys that start
with ``_`` are documentation and always allowed. A table that does not fit its
schema is refused with the file and the key at fault, as medspacy's rule loader
does: ``troops.json: plan_verbs[3]: expected string, got integer``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from natoiraq.errors import NatoiraqError

_TYPES = {"object": dict, "array": list, "string": str, "integer": int, "number": (int, float), "boolean": bool,
          "null": type(None)}
_NAMES = {dict: "object", list: "array", str: "string", int: "integer", float: "number", bool: "boolean",
          type(None): "null"}

#: Every key a table's code reads, by table: ``keys_read()`` answers "is every key used?".
_READ: dict[str, set[str]] = {}


class LexiconError(NatoiraqError):
    """A data table that does not fit its schema."""


class Table(dict):
    """A table as a dict that remembers which of its top-level keys the code asked for."""

    def __init__(self, name: str, data: dict[str, Any]):
        super().__init__(data)
        self.name = name
        _READ.setdefault(name, set())

    def __getitem__(self, key: str) -> Any:
        _READ.setdefault(self.name, set()).add(key)
        return super().__getitem__(key)

    def get(self, key: str, default: Any = None) -> Any:
        _READ.setdefault(self.name, set()).add(key)
        return super().get(key, default)


def _read(filename: str) -> Any:
    text = resources.files("natoiraq.data").joinpath(filename).read_text(encoding="utf-8")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise LexiconError(f"{filename}: line {exc.lineno}: not JSON: {exc.msg}") from exc


@lru_cache(maxsize=None)
def schema(name: str) -> dict[str, Any]:
    """The schema of ``natoiraq/data/<name>.json``."""
    return _read(f"{name}.schema.json")


@lru_cache(maxsize=None)
def table(name: str) -> Table:
    """The data file ``natoiraq/data/<name>.json``, checked against its schema."""
    return Table(name, validate(name, _read(f"{name}.json")))


def validate(name: str, data: Any) -> Any:
    """``data`` if it fits the schema of table ``name``; else :class:`LexiconError` naming file and key."""
    rules = schema(name)
    problem = _problem(data, rules, "", rules)
    if problem is not None:
        where, reason = problem
        raise LexiconError(f"{name}.json: {where or '(top level)'}: {reason}")
    return data


def keys_read() -> dict[str, set[str]]:
    """The top-level keys the code has read so far, per table (for the test that every key is used)."""
    return {name: set(keys) for name, keys in _READ.items()}


def _problem(value: Any, rule: dict[str, Any], where: str, root: dict[str, Any]) -> tuple[str, str] | None:
    """The first place where ``value`` breaks ``rule``, as (path, reason), or None."""
    if "$ref" in rule:
        rule = root["$defs"][rule["$ref"].removeprefix("#/$defs/")]
    wanted = rule.get("type")
    kinds = [wanted] if isinstance(wanted, str) else wanted or []
    if kinds and not any(isinstance(value, _TYPES[kind]) and not (
            isinstance(value, bool) and kind in ("integer", "number")) for kind in kinds):
        return where, f"expected {' or '.join(kinds)}, got {_NAMES.get(type(value), type(value).__name__)}"
    if isinstance(value, str) and len(value) < rule.get("minLength", 0):
        return where, "empty string"
    if isinstance(value, list):
        if len(value) < rule.get("minItems", 0):
            return where, f"expected at least {rule['minItems']} item(s)"
        for index, item in enumerate(value):
            found = _problem(item, rule.get("items", {}), f"{where}[{index}]", root)
            if found:
                return found
    if isinstance(value, dict):
        properties = rule.get("properties", {})
        for key in rule.get("required", []):
            if key not in value:
                return _join(where, key), "missing"
        for key, item in value.items():
            if key.startswith("_"):
                continue  # documentation
            if key in properties:
                sub = properties[key]
            elif isinstance(rule.get("additionalProperties"), dict):
                sub = rule["additionalProperties"]
            elif rule.get("additionalProperties") is False:
                return _join(where, key), f"unknown key (known: {', '.join(sorted(properties))})"
            else:
                continue
            found = _problem(item, sub, _join(where, key), root)
            if found:
                return found
    return None


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key
