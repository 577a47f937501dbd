"""natoiraq's spaCy components, and :mod:`.loading`, which assembles them with a model.

The components register through the ``spacy_factories`` entry points, so this
package imports nothing heavy: ``natoiraq.pipeline.loading`` stays cheap to import
for a run whose facts all come from the cache.

Order in the pipeline (see :func:`natoiraq.pipeline.loading.assemble`):
``natoiraq_paragraphs`` before the parser, then after the model's NER
``natoiraq_entities`` → ``natoiraq_dates`` → ``natoiraq_troops``. The faster
paths to the model's own analysis (:mod:`natoiraq.speedups`, among them
``parse="candidates"``, the default) are switched on by ``assemble`` alone: no
rule here imports them.
"""
