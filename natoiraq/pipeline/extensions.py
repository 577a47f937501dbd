"""The ``Doc`` and ``Span`` extensions natoiraq's components write, all under natoiraq's name.

Components store plain dicts (``doc._.natoiraq_dates``, ``doc._.natoiraq_troops``,
``doc._.natoiraq_reference``; ``doc._.natoiraq_unlisted_dates``, the dates the conventions leave out of the
facts, those that count from another date of the text and ranges of days, which still date a figure): they
survive ``Doc.to_bytes`` and so ``nlp.pipe(..., n_process=N)``. The entity component puts the canonical name on
``span._.natoiraq_canonical``. The public attribute is one namespace,
``doc._.natoiraq``, whose ``troops``, ``dates``, ``entities`` and
``reference_date`` give the same facts as dataclasses from :mod:`natoiraq.facts`.

Like negspacy, natoiraq never takes a generic name such as ``doc._.dates`` that
another library may own, and never silently reuses a name someone else registered.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span

from natoiraq.errors import NatoiraqError

NAMESPACE = "natoiraq"
#: Where the components store their output (the ``assigns`` of their factories).
STORED = ("natoiraq_dates", "natoiraq_unlisted_dates", "natoiraq_troops", "natoiraq_reference")
CANONICAL = "natoiraq_canonical"


class DocFacts:
    """``doc._.natoiraq``: the facts of one processed Doc, as dataclasses."""

    __slots__ = ("_doc",)

    def __init__(self, doc: Doc):
        self._doc = doc

    def _build(self, kind: str):
        from natoiraq import facts

        return facts.build(kind, self._doc)

    troops = property(lambda self: self._build("troops"))
    dates = property(lambda self: self._build("dates"))
    entities = property(lambda self: self._build("entities"))
    reference_date = property(lambda self: self._build("reference_date"))


def _facts(doc: Doc) -> DocFacts:
    return DocFacts(doc)


def register() -> None:
    """Register the extensions once; safe to call again; refuses a name another library holds."""
    for cls, name, options in [(Doc, n, {"default": None}) for n in STORED] + [
            (Span, CANONICAL, {"default": None}), (Doc, NAMESPACE, {"getter": _facts})]:
        if not cls.has_extension(name):
            cls.set_extension(name, **options)
        elif cls.get_extension(name)[2] is not None and _foreign(cls.get_extension(name)[2]):
            raise NatoiraqError(f"{cls.__name__}._.{name} is already registered by another library")


def _foreign(getter) -> bool:
    return (getter.__module__, getter.__qualname__) != (_facts.__module__, _facts.__qualname__)
