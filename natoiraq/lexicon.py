"""The data tables' loader, where :mod:`natoiraq.parsing` imports it; it lives in
:mod:`natoiraq.knowledge.lexicon` (new code imports it from there)."""

from natoiraq.knowledge.lexicon import LexiconError, Table, keys_read, schema, table, validate

__all__ = ["LexiconError", "Table", "keys_read", "schema", "table", "validate"]
