"""The ``Doc`` and ``Span`` extensions natoiraq's components write.

Components store plain dicts (``doc._.natoiraq_dates``): they survive
``Doc.to_bytes`` and so ``nlp.pipe(..., n_process=N)``. The public attributes
(``doc._.dates``, ``doc._.troops``, ``doc._.reference_date``) are getters that
give the same facts as dataclasses from :mod:`natoiraq.facts`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def _facts_getter(kind: str):
    def getter(doc: Doc):
        from natoiraq import facts

        return facts.build(kind, doc)

    return getter


def register() -> None:
    """Register the extensions once; safe to call again."""
    for name in ("natoiraq_dates", "natoiraq_troops", "natoiraq_reference"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    for public in ("dates", "troops", "reference_date", "entities"):
        if not Doc.has_extension(public):
            Doc.set_extension(public, getter=_facts_getter(public))
    if not Span.has_extension("canonical"):
        Span.set_extension("canonical", default=None)
