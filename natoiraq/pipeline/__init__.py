"""natoiraq's spaCy components. Importing this package registers them.

Order in the pipeline (see :func:`natoiraq.model.load`):
``natoiraq_paragraphs`` before the parser, then after the model's NER
``natoiraq_entities`` → ``natoiraq_dates`` → ``natoiraq_troops``.
"""

from natoiraq.pipeline import dates, entities, extensions, paragraphs, troops

extensions.register()

COMPONENTS = ("natoiraq_entities", "natoiraq_dates", "natoiraq_troops")

__all__ = ["COMPONENTS", "dates", "entities", "paragraphs", "troops"]
