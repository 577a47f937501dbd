"""natoiraq: who, when and how many, out of defence and security news.

>>> import natoiraq
>>> nlp = natoiraq.load()
>>> doc = nlp("NATO had roughly 500 trainers in Iraq.")
>>> doc._.natoiraq.troops[0].qualifier
'approximate'

``natoiraq.extract_records(records)`` streams facts for many articles (see
:mod:`natoiraq.extract`). Heavy imports (spaCy, the model) happen only when
these are used, so ``natoiraq --help`` stays fast.
"""

__version__ = "0.1.0"


def load(model: str | None = None, parse: str = "candidates"):
    """The spaCy pipeline with natoiraq's components; see :func:`natoiraq.pipeline.loading.load`."""
    from natoiraq.pipeline.loading import load as _load

    return _load(model, parse)


def __getattr__(name: str):
    if name == "extract_records":
        from natoiraq.extract import extract_records

        return extract_records
    raise AttributeError(f"module 'natoiraq' has no attribute {name!r}")


__all__ = ["__version__", "extract_records", "load"]
