"""Facts as flat rows, for the writers with a column per field (CSV, SQL).

The columns come from the dataclasses in :mod:`natoiraq.facts`, so that a new
field is spelled once. A nested ``{value, source}`` field (``as_of``) becomes
two columns: ``as_of`` (its value) and ``as_of_source``.
"""

from __future__ import annotations

from dataclasses import Field, fields

SOURCE_SUFFIX = "_source"


def _nested(field: Field) -> bool:
    return str(field.type).startswith("dict")


def names(cls) -> list[str]:
    """The flat column names of a fact class, in field order."""
    found = []
    for field in fields(cls):
        found += [field.name, field.name + SOURCE_SUFFIX] if _nested(field) else [field.name]
    return found


def sql_types(cls) -> dict[str, str]:
    """Column name -> SQL type: INTEGER for ints, TEXT otherwise; NOT NULL unless the field may be None."""
    types = {}
    for field in fields(cls):
        if _nested(field):
            types[field.name] = types[field.name + SOURCE_SUFFIX] = "TEXT"
            continue
        annotation = str(field.type)
        base = "INTEGER" if annotation.split("|")[0].strip() == "int" else "TEXT"
        types[field.name] = base if "None" in annotation else f"{base} NOT NULL"
    return types


def flat(record: dict, cls) -> dict:
    """A fact's dict (``vars(fact)``) with its nested fields split into their columns."""
    row = dict(record)
    for field in fields(cls):
        if _nested(field) and field.name in row:
            nested = row[field.name] or {}
            row[field.name], row[field.name + SOURCE_SUFFIX] = nested.get("value"), nested.get("source")
    return row
