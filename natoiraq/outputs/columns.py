"""Facts as flat rows, for the writers with a column per field (CSV, SQL).

The columns come from the dataclasses in :mod:`natoiraq.facts`, so that a new
field is spelled once. A nested ``{value, source}`` field (``as_of``) becomes
four columns: ``as_of`` (its value), ``as_of_source``, and the first and last day the value covers,
``as_of_start`` and ``as_of_end`` (ISO days: ``order by as_of_end desc`` gives the latest). A field holding a fact
class of its own (``attribution``) becomes one column per field of that class:
``attribution`` (its text), ``attribution_start``, ``attribution_end``,
``attribution_speaker``.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import Field, fields, is_dataclass

from natoiraq.parsing.periods import iso_bounds

SOURCE_SUFFIX = "_source"
#: A nested date's first and last day (``as_of_start``, ``as_of_end``): what sorts, whatever its granularity.
BOUND_SUFFIXES = ("_start", "_end")
#: The field of a nested fact class that takes the column's own name.
PART_TEXT = "text"
_SQL_TYPES = {"int": "INTEGER", "float": "REAL"}


def _nested(field: Field) -> bool:
    return str(field.type).startswith("dict")


@functools.cache
def _parts(cls) -> dict[str, type]:
    """Field name -> the fact class it holds ("Attribution | None" -> Attribution), for such fields."""
    hints = typing.get_type_hints(cls)
    found = {name: next((arg for arg in typing.get_args(hint) or (hint,) if is_dataclass(arg)), None)
             for name, hint in hints.items()}
    return {name: part for name, part in found.items() if part is not None}


def _part_class(cls, field: Field):
    return _parts(cls).get(field.name)


def _part_columns(name: str, part) -> dict[str, str]:
    """Column name -> the nested class's field it holds."""
    return {name if f.name == PART_TEXT else f"{name}_{f.name}": f.name for f in fields(part)}


def names(cls) -> list[str]:
    """The flat column names of a fact class, in field order."""
    found = []
    for field in fields(cls):
        if (part := _part_class(cls, field)) is not None:
            found += list(_part_columns(field.name, part))
        else:
            found += _nested_columns(field.name) if _nested(field) else [field.name]
    return found


def _nested_columns(name: str) -> list[str]:
    return [name, name + SOURCE_SUFFIX, *(name + suffix for suffix in BOUND_SUFFIXES)]


def _sql_type(annotation: str) -> str:
    base = _SQL_TYPES.get(annotation.split("|")[0].strip(), "TEXT")
    return base if "None" in annotation else f"{base} NOT NULL"


def sql_types(cls) -> dict[str, str]:
    """Column name -> SQL type: INTEGER for ints, REAL for floats, TEXT otherwise; NOT NULL unless the field
    may be None (a nested fact class's columns all may be: the field is None when the fact has none)."""
    types = {}
    for field in fields(cls):
        if (part := _part_class(cls, field)) is not None:
            kinds = {f.name: _sql_type(str(f.type)).replace(" NOT NULL", "") for f in fields(part)}
            types.update({column: kinds[name] for column, name in _part_columns(field.name, part).items()})
        elif _nested(field):
            types.update(dict.fromkeys(_nested_columns(field.name), "TEXT"))
        else:
            types[field.name] = _sql_type(str(field.type))
    return types


def flat(record: dict, cls) -> dict:
    """A fact's dict (``vars(fact)``) with its nested fields split into their columns."""
    row = dict(record)
    for field in fields(cls):
        if field.name not in row:
            continue
        if (part := _part_class(cls, field)) is not None:
            value = row[field.name]
            value = vars(value) if is_dataclass(value) else value or {}
            row.update({column: value.get(name) for column, name in _part_columns(field.name, part).items()})
        elif _nested(field):
            nested = row[field.name] or {}
            value = nested.get("value")
            row.update(zip(_nested_columns(field.name), (value, nested.get("source"), *iso_bounds(value))))
    return row


def unflat(row: dict, cls) -> dict:
    """The inverse of :func:`flat`: a row's columns gathered back into the fact's fields (a nested
    field whose columns are all empty is None). Columns the class does not know are dropped."""
    record = {}
    for field in fields(cls):
        if (part := _part_class(cls, field)) is not None:
            values = {name: row.get(column) for column, name in _part_columns(field.name, part).items()}
            record[field.name] = part(**values) if any(v is not None for v in values.values()) else None
        elif _nested(field):
            value, source = row.get(field.name), row.get(field.name + SOURCE_SUFFIX)
            record[field.name] = {"value": value, "source": source} if value is not None else None
        elif field.name in row:
            record[field.name] = row[field.name]
    return record

