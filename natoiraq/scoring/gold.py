"""Gold annotations: hand-checked facts to score the extractor against.

One article per JSON Lines line::

    {"id": "wire-02", "date": "2021-07-26",
     "text": "..."            # or "path": "../../seeds/000.txt", relative to the gold file
     "troops":   [{"text": "about 900", "low": 900, "high": 900, "qualifier": "approximate",
                   "force": "United States", "kind": "level", "status": "actual"}],
     "dates":    [{"text": "Monday", "value": "2021-07-26"}],
     "entities": [{"text": "NATO", "label": "ORG", "canonical": "NATO"}]}

A span is located by ``start``/``end`` or, for people writing by hand, by its
``text`` and ``occurrence`` (1 = first, the default). A troop figure's
``attribution`` (who says so) is null where the text asserts the figure, else
its source as written, ``"officials said"``, or ``{"text": ..., "speaker": ...}``
to score the speaker too; its text is found where it is nearest the figure. A key that is absent
means "not annotated": an article without "entities" is left out of the
entity scores, while ``"entities": []`` says it has none.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from natoiraq.errors import NatoiraqError
from natoiraq.facts import DocumentFacts
from natoiraq.reading.inputs import Record, parse_iso_date

FACT_KINDS = ("troops", "dates", "entities")


class GoldError(NatoiraqError):
    pass


@dataclass
class GoldArticle:
    id: str
    text: str
    date: str | None
    facts: dict[str, list[dict[str, Any]] | None] = field(default_factory=dict)
    source: str | None = None

    def record(self) -> Record:
        return Record(id=self.id, text=self.text, source=self.source, date=self.date)


def locate(text: str, fact: dict[str, Any], where: str) -> dict[str, Any]:
    """The fact with ``start``/``end`` filled in and checked against the text."""
    fact = dict(fact)
    span = fact.get("text")
    if "start" in fact and "end" in fact:
        if span is not None and text[fact["start"]: fact["end"]] != span:
            raise GoldError(f"{where}: text[{fact['start']}:{fact['end']}] is "
                            f"{text[fact['start']:fact['end']]!r}, not {span!r}")
    else:
        if not span:
            raise GoldError(f"{where}: a fact needs 'text' or 'start'/'end'")
        occurrence = int(fact.pop("occurrence", 1))
        index = -1
        for _ in range(occurrence):
            index = text.find(span, index + 1)
            if index < 0:
                raise GoldError(f"{where}: {span!r} (occurrence {occurrence}) is not in the text")
        fact["start"], fact["end"] = index, index + len(span)
    fact.pop("occurrence", None)
    return fact


def locate_near(text: str, source: str | dict[str, Any], anchor: int, where: str) -> dict[str, Any]:
    """A figure's source (its text, or a dict with ``text`` and maybe ``speaker``) with the ``start``/``end``
    of its occurrence nearest ``anchor``, the figure's offset."""
    source = {"text": source} if isinstance(source, str) else dict(source)
    if "start" in source:
        return locate(text, source, where)
    span = source.get("text")
    if not span:
        raise GoldError(f"{where}: an attribution needs 'text'")
    found = [i for i in range(len(text)) if text.startswith(span, i)]
    if not found:
        raise GoldError(f"{where}: {span!r} is not in the text")
    start = min(found, key=lambda i: abs(i - anchor))
    return {**source, "start": start, "end": start + len(span)}


def load_gold(path: str | Path) -> list[GoldArticle]:
    """Articles from a gold JSON Lines file; a bad line is a GoldError naming it."""
    path = Path(path)
    articles = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise GoldError(f"{path}: {exc.strerror or exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            obj = json.loads(line)
        except ValueError as exc:
            raise GoldError(f"{where}: malformed JSON: {exc}") from exc
        if "text" in obj:
            text, source = obj["text"], str(path)
        elif "path" in obj:
            source_path = path.parent / obj["path"]
            try:
                text = source_path.read_bytes().decode("utf-8")
            except OSError as exc:
                raise GoldError(f"{where}: {obj['path']}: {exc.strerror or exc}") from exc
            source = obj["path"]
        else:
            raise GoldError(f"{where}: needs 'text' or 'path'")
        date = parse_iso_date(obj.get("date")) if obj.get("date") else None
        facts = {kind: [locate(text, f, f"{where} {kind}") for f in obj[kind]] if kind in obj else None
                 for kind in FACT_KINDS}
        for figure in facts["troops"] or ():
            if figure.get("attribution") is not None:
                figure["attribution"] = locate_near(text, figure["attribution"], figure["start"], f"{where} attribution")
        articles.append(GoldArticle(id=str(obj.get("id", f"{path.name}:{number}")), text=text, date=date,
                                    facts=facts, source=source))
    return articles


_DRAFT_FIELDS = {
    "troops": ("text", "start", "end", "low", "high", "qualifier", "force", "kind", "status"),
    "dates": ("text", "start", "end", "value"),
    "entities": ("text", "start", "end", "label", "canonical"),
}


def draft(facts: DocumentFacts, text: str, path: str | None = None) -> dict[str, Any]:
    """A gold line drafted from the extractor's output, for a person to correct."""
    data = facts.to_dict()
    line: dict[str, Any] = {"id": facts.id, "date": facts.reference_date.value}
    line.update({"path": path} if path else {"text": text})
    for kind, keys in _DRAFT_FIELDS.items():
        line[kind] = [{k: fact[k] for k in keys} for fact in data[kind]]
    return line
