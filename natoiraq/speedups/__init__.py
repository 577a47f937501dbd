"""Faster paths to the model's own analysis: the same tags, lemmas, parse and entities where they are read, less CPU.

Each module here stands in for a part of spaCy, reaching its internals (the
NER's moves and network, the attribute ruler's compiled rules, the
lemmatizer's tables, thinc's ops), and each has a test that compares its
output with stock spaCy's on a corpus (``tests/test_speedups_*.py``):

- :mod:`.biluo`: the entity recogniser's moves decoded by array;
- :mod:`.attributes`: the attribute ruler applied by table lookup;
- :mod:`.lemmas`: the lemmatizer's answers remembered by array;
- :mod:`.blas`: the model's matrix products on numpy's BLAS, in one thread;
- :mod:`.tokens`: the tokenizer's cache of common chunks kept across memory zones;
- :mod:`.candidates`: the tagger and parser run only on the sentences where a fact can be
  (``parse="candidates"``); the facts are those of the whole parse;
- :mod:`.wrapper`: what a faster path in front of a model component shares.

:func:`install` switches them on; pipeline assembly
(:func:`natoiraq.pipeline.loading.assemble`) is the one caller, so the rules
under :mod:`natoiraq.pipeline` never depend on a speed-up
(``tests/test_architecture.py`` holds both to that).
"""

from __future__ import annotations


def install(nlp, parse: str):
    """Put the faster paths in front of ``nlp``'s model components; with ``parse="candidates"`` run its
    tagger, parser and their helpers only on candidate sentences. ``nlp`` already has natoiraq's components."""
    from natoiraq.speedups import attributes, biluo, blas, candidates, lemmas, tokens

    attributes.swap_in(nlp)  # the model's own attribute rules, applied by table lookup: same tokens, less CPU
    lemmas.swap_in(nlp)  # the model's own lemmatizer's answers remembered by array: same lemmas, less CPU
    biluo.swap_in(nlp)  # the model's own entity recogniser, its moves decoded by array: same entities, less CPU
    blas.use_numpy_blas(nlp)  # the model's own weights, multiplied by numpy's BLAS in one thread: less CPU
    tokens.swap_in(nlp)  # the tokenizer's common chunks remembered across memory zones: same tokens, less CPU
    if parse == "candidates":
        stack = [name for name in candidates.PARSE_STACK if name in nlp.pipe_names]
        nlp.add_pipe("natoiraq_candidates", before="ner", config={"components": stack})
        for name in stack:
            nlp.disable_pipe(name)  # run by natoiraq_candidates, on candidate sentences
    return nlp
