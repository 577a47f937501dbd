"""natoiraq: who, when and how many, out of defence and security news.

>>> import natoiraq
>>> nlp = natoiraq.load()
>>> doc = nlp("NATO had roughly 500 trainers in Iraq.")
>>> doc._.natoiraq.troops[0].qualifier
'approximate'

``natoiraq.extract(articles)`` streams facts for many articles, with every
setting in one :class:`~natoiraq.run.options.ExtractOptions` (see
:mod:`natoiraq.extract`). ``nlp(text)`` resolves "on Tuesday" against a reference
date put on the Doc first (see :mod:`natoiraq.reference`). Heavy imports (spaCy,
the model) happen only when these are used, so ``natoiraq --help`` stays fast.
"""

from natoiraq.version import __version__


def load(model: str | None = None, parse: str = "candidates"):
    """The spaCy pipeline with natoiraq's components; see :func:`natoiraq.pipeline.loading.load`."""
    from natoiraq.pipeline.loading import load as _load

    return _load(model, parse)


def __getattr__(name: str):
    if name in ("extract", "extract_records", "ExtractOptions"):
        import natoiraq.extract as api  # the module is callable: natoiraq.extract(...) extracts

        return api if name == "extract" else getattr(api, name)
    raise AttributeError(f"module 'natoiraq' has no attribute {name!r}")


__all__ = ["ExtractOptions", "__version__", "extract", "extract_records", "load"]
