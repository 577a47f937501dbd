"""The lemmatizer, remembered by array, gives every token exactly the lemma the model's own lemmatizer gives."""

import pytest
import spacy
from spacy.pipeline import Lemmatizer

from natoiraq.speedups import lemmas
from natoiraq.speedups.lemmas import LemmaCache, swap_in
from tests.conftest import stock_and_swapped, varied_texts


@pytest.fixture(scope="module")
def pipelines():
    return stock_and_swapped(swap_in)


def test_every_lemma_equals_the_stock_lemmatizers(pipelines):
    stock, fast = pipelines
    texts = varied_texts()
    tokens = 0
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts)):
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]
        tokens += len(got)
    # Run twice, the second time from a full memo: the memo gives what the rules gave.
    for expected, got in zip(stock.pipe(texts[:20]), fast.pipe(texts[:20])):
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]
    assert tokens > 20_000 and len(fast.get_pipe("lemmatizer").memo) > 1_000


def test_the_memo_is_bounded_and_starts_afresh(pipelines, monkeypatch):
    stock, fast = pipelines
    monkeypatch.setattr(lemmas, "MEMO_SIZE", 40)
    monkeypatch.setattr(fast.get_pipe("lemmatizer"), "memo", {})
    texts = varied_texts()[:30]
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts)):
        assert [t.lemma_ for t in expected] == [t.lemma_ for t in got]
    assert 0 < len(fast.get_pipe("lemmatizer").memo) <= 40


def test_a_lemmatizer_of_another_mode_is_asked_every_time(pipelines, monkeypatch):
    _, fast = pipelines
    wrapper = fast.get_pipe("lemmatizer")
    monkeypatch.setattr(wrapper, "memo", {})
    monkeypatch.setattr(lemmas, "PURE_MODES", frozenset())  # as for a mode spaCy does not know
    asked = []
    monkeypatch.setattr(wrapper.wrapped, "lemmatize", lambda token: asked.append(token.text) or [token.lower_])
    fast("Troops and troops.")
    assert asked.count("troops") == 1 and asked.count("Troops") == 1 and wrapper.memo == {}
    fast("Troops, troops and troops.")
    assert asked.count("troops") == 3  # within one doc too


def test_a_lemma_the_attribute_ruler_set_stands(pipelines):
    _, fast = pipelines
    doc = fast("They aren't leaving.")
    assert doc[2].lemma_ == "not"  # the ruler's: the rules alone give a particle its own text, "n't"


def test_the_lemmatizer_is_the_models_own(pipelines):
    stock, fast = pipelines
    wrapper = fast.get_pipe("lemmatizer")
    assert isinstance(wrapper, LemmaCache) and isinstance(wrapper.wrapped, Lemmatizer)
    assert type(wrapper.wrapped) is type(stock.get_pipe("lemmatizer"))  # English: its base-form rules
    assert wrapper.wrapped.lookups.tables == stock.get_pipe("lemmatizer").lookups.tables


def test_a_saved_pipeline_keeps_its_tables(pipelines, tmp_path):
    _, fast = pipelines
    fast.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.get_pipe("lemmatizer"), LemmaCache)
    assert [t.lemma_ for t in loaded("The trainers were leaving bases.")] == \
           [t.lemma_ for t in fast("The trainers were leaving bases.")]


def test_an_error_goes_to_the_pipelines_handler(pipelines, monkeypatch):
    _, fast = pipelines
    seen = []
    wrapper = fast.get_pipe("lemmatizer")
    monkeypatch.setattr(wrapper.wrapped, "lemmatize", lambda token: 1 / 0)
    wrapper.set_error_handler(lambda name, proc, docs, exc: seen.append((name, type(exc).__name__)))
    try:
        docs = list(fast.pipe(["Unheard-of words keep coming."]))
    finally:
        wrapper.set_error_handler(spacy.util.raise_error)
    assert seen == [("lemmatizer", "ZeroDivisionError")] and docs == []


def test_natoiraq_pipeline_uses_it(nlp):
    assert isinstance(nlp.get_pipe("lemmatizer"), LemmaCache)
    assert [t.lemma_ for t in nlp("The trainers were leaving.")][1:4] == ["trainer", "be", "leave"]
