"""natoiraq: who, when and how many, out of defence and security news.

>>> import natoiraq
>>> nlp = natoiraq.load()
>>> doc = nlp("NATO had roughly 500 trainers in Iraq.")
>>> doc._.troops[0].qualifier
'approximate'

Heavy imports (spaCy, the model) happen inside ``load``/``extract`` only, so
``natoiraq --help`` stays fast.
"""

__version__ = "0.1.0"


def load(model: str | None = None):
    """The spaCy pipeline with natoiraq's components; see :func:`natoiraq.model.load`."""
    from natoiraq.model import load as _load

    return _load(model)


def extract(records, nlp=None, **options):
    """Facts for each record; see :func:`natoiraq.extract.extract_records`."""
    from natoiraq.extract import extract_records

    return extract_records(records, nlp=nlp, **options)


__all__ = ["__version__", "extract", "load"]
