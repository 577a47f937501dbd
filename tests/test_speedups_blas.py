"""The model's matrix products on numpy's BLAS, in one thread: the model's own analysis, less CPU."""

import pytest
import spacy
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_info

from natoiraq.pipeline.loading import model_name
from natoiraq.speedups.blas import THREADS, use_numpy_blas
from tests.conftest import written_articles


def _analysis(doc):
    return ([(t.tag_, t.dep_, t.head.i, t.lemma_) for t in doc], [(e.start, e.end, e.label_) for e in doc.ents])


@pytest.fixture(scope="module")
def pipelines():
    stock, moved = spacy.load(model_name()), spacy.load(model_name())
    assert use_numpy_blas(moved) > 50
    return stock, moved


def test_every_layer_multiplies_with_numpy(pipelines):
    _, moved = pipelines
    layers = [layer for _, proc in moved.components if isinstance(getattr(proc, "model", None), Model)
              for layer in proc.model.walk()]
    assert layers and all(isinstance(layer.ops, NumpyOps) and not layer.ops.use_blis for layer in layers)


def test_numpys_blas_runs_one_thread():
    use_numpy_blas(spacy.blank("en"))
    blas = [lib for lib in threadpool_info() if lib["user_api"] == "blas"]
    assert blas and all(lib["num_threads"] == THREADS for lib in blas)


def test_the_analysis_is_the_stock_models(pipelines):
    """Tags, parse, lemmas and entities of every written article are those BLIS gives."""
    stock, moved = pipelines
    texts = written_articles()
    differ = [a.text[:60] for a, b in zip(stock.pipe(texts), moved.pipe(texts)) if _analysis(a) != _analysis(b)]
    assert len(texts) > 100 and differ == []


def test_natoiraq_pipeline_uses_it(nlp):
    assert not nlp.get_pipe("ner").model.ops.use_blis
