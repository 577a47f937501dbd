"""The ``natoiraq_troops`` component: troop figures, the size of a force or a change to one.

Where a troop figure is born, step by step (one module each):

1. :mod:`.phrases` finds each number phrase with its qualifier ("more than 4,000");
2. :mod:`.counts` decides what the number counts, and turns away what is no troop figure;
3. :mod:`.whose` finds whose personnel they are (the force);
4. :mod:`.change` reads which way (level, increase, decrease) and how sure (actual, planned).

The vocabulary is in ``data/troops.json`` (:mod:`.words`).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from natoiraq.parsing.quantities import Quantity
from natoiraq.pipeline import extensions
from natoiraq.pipeline.syntax import ActorIndex, governor
from natoiraq.pipeline.troops import change, counts, whose
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.phrases import number_head, number_spans
from natoiraq.pipeline.troops.words import TroopWords

extensions.register()


@Language.factory("natoiraq_troops", default_config={"lexicon": "troops"})
def make_troops(nlp: Language, name: str, lexicon: str) -> "TroopFigureFinder":
    return TroopFigureFinder(nlp, name, lexicon=lexicon)


class TroopFigureFinder:
    """Find troop figures and store them on ``doc._.natoiraq_troops``."""

    def __init__(self, nlp: Language, name: str = "natoiraq_troops", *, lexicon: str = "troops"):
        self.name = name
        self.lexicon = lexicon
        self.words = TroopWords.load(lexicon)

    def __call__(self, doc: Doc) -> Doc:
        ctx = Context(self.words, ActorIndex(doc, self.words.forces))
        dates = [(d["start"], d["end"]) for d in doc._.natoiraq_dates or []]
        records = []
        for span, quantity in number_spans(doc, self.words.level_verbs):
            if any(start < span.end_char and span.start_char < end for start, end in dates):
                continue  # "2014", "three-year": the date component has them
            record = _figure(ctx, span, quantity)
            if record is not None:
                records.append(record)
                ctx.found[number_head(span).i] = record
        doc._.natoiraq_troops = records
        return doc


def _figure(ctx: Context, span: Span, quantity: Quantity) -> dict | None:
    if counts.is_money_or_share(ctx, span):
        return None
    number = number_head(span)
    personnel = counts.personnel(ctx, span, number)
    if personnel is None or counts.excluded(ctx, personnel, number):
        return None
    force = personnel.inherited_force or whose.force(ctx, personnel, governor(span, personnel.anchor))
    kind = change.kind(ctx, span, number, personnel)
    status = change.status(ctx, span, number, personnel, kind)
    unit_text = personnel.unit.text if personnel.unit is not None else personnel.inherited_unit
    return {
        "text": span.text, "start": span.start_char, "end": span.end_char,
        "value": quantity.value, "low": quantity.low, "high": quantity.high, "qualifier": quantity.qualifier,
        "unit": unit_text, "force": force, "kind": kind, "status": status,
        "sentence": span.sent.text.strip(),
    }
