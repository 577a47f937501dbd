"""Facts as flat rows, for the writers with a column per field (CSV, SQL).

The columns come from the dataclasses in :mod:`natoiraq.facts`, so that a new
field is spelled once. A nested ``{value, source}`` field (``as_of``) becomes
two columns: ``as_of`` (its value) and ``as_of_source``. A field holding a fact
class of its own (``attribution``) becomes one column per field of that class:
``attribution`` (its text), ``attribution_start``, ``attribution_end``,
``attribution_speaker``.
"""

from __future__ import annotations

import functools
import typing
from dataclasses import Field, fields, is_dataclass

SOURCE_SUFFIX = "_source"
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
            found += [field.name, field.name + SOURCE_SUFFIX] if _nested(field) else [field.name]
    return found


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
            types[field.name] = types[field.name + SOURCE_SUFFIX] = "TEXT"
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
            row[field.name], row[field.name + SOURCE_SUFFIX] = nested.get("value"), nested.get("source")
    return row
