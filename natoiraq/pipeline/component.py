"""spaCy's component contract, shared by natoiraq's components.

A natoiraq component is a :class:`spacy.pipeline.Pipe` whose knowledge is a
set of lexicon tables (``natoiraq/data/NAME.json``). From ``Pipe`` it gets
``pipe()``, which hands an exception to the handler set with
``nlp.set_error_handler`` instead of ending the run, and ``score()``, which
delegates to the component's registered ``scorer`` (named in the factory's config,
found through the ``spacy_scorers`` entry points). This base adds the tables:

- the factory's config may replace any of them (``tables={"aliases": {...}}``),
  and so may ``[initialize.components.NAME] tables`` through :meth:`initialize`;
- ``nlp.to_disk`` writes them beside the component's config and ``spacy.load``
  reads them back, so a saved pipeline behaves as it did when it was saved,
  whatever natoiraq data is installed where it is loaded;
- every table is checked against its schema (:func:`natoiraq.knowledge.lexicon.validate`).

A subclass names its tables in ``table_names``, builds what it needs from them
in :meth:`configure`, and implements ``__call__``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.pipeline import Pipe

from natoiraq.knowledge import lexicon


class Component(Pipe):
    """A rule-based component whose word lists are lexicon tables that travel with the pipeline."""

    #: The tables (``natoiraq/data/NAME.json``) this component reads.
    table_names: tuple[str, ...] = ()

    def __init__(self, nlp: Language, name: str, *, tables: Mapping[str, Any] | None = None,
                 scorer: Callable | None = None):
        self.nlp = nlp
        self.name = name
        self.scorer = scorer
        self.cfg: dict[str, Any] = {}  # Pipe.score passes these to the scorer
        self.set_tables(tables or {})

    def set_tables(self, tables: Mapping[str, Any]) -> None:
        """Use ``tables`` by name (each checked against its schema); the installed ones for the rest."""
        unknown = set(tables) - set(self.table_names)
        if unknown:
            raise lexicon.LexiconError(f"{self.name}: no table named {', '.join(sorted(unknown))}"
                                       f" (it reads {', '.join(self.table_names) or 'none'})")
        self.tables = {name: lexicon.validate(name, tables[name]) if name in tables else lexicon.table(name)
                       for name in self.table_names}
        self.configure(self.tables)

    def configure(self, tables: dict[str, Any]) -> None:
        """Build matchers and word sets from ``tables``; called whenever the tables change."""

    def __call__(self, doc):
        raise NotImplementedError

    def initialize(self, get_examples=None, *, nlp: Language | None = None,
                   tables: Mapping[str, Any] | None = None) -> None:
        """``[initialize.components.NAME] tables = {...}`` replaces tables when a pipeline is built."""
        if tables:
            self.set_tables({**self.tables, **tables})

    # Serialisation, as spaCy's own rulers do: the tables are the component's state.
    def to_bytes(self, *, exclude=()) -> bytes:
        return json.dumps(self.tables, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude=()) -> "Component":
        self.set_tables(json.loads(data.decode("utf-8")))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for name, data in self.tables.items():
            (path / f"{name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")

    def from_disk(self, path, *, exclude=()) -> "Component":
        saved = {name: Path(path) / f"{name}.json" for name in self.table_names}
        self.set_tables({name: json.loads(file.read_text(encoding="utf-8"))
                         for name, file in saved.items() if file.exists()})
        return self
