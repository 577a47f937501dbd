"""The attribute ruler as a lookup gives every token exactly what the model's own ruler gives."""

import pytest

from natoiraq.speedups.attributes import AttributeLookup, swap_in
from tests.conftest import COLLOQUIAL, stock_and_swapped, varied_texts


@pytest.fixture(scope="module")
def pipelines():
    return stock_and_swapped(swap_in)


def test_every_token_attribute_equals_the_stock_rulers(pipelines):
    stock, fast = pipelines
    texts = varied_texts()
    tokens = 0
    for expected, got in zip(stock.pipe(texts), fast.pipe(texts)):
        assert len(expected) == len(got)
        for a, b in zip(expected, got):
            assert (a.pos_, a.tag_, str(a.morph), a.lemma_, a.dep_) == (b.pos_, b.tag_, str(b.morph), b.lemma_,
                                                                      b.dep_), (a.text, a.sent.text)
        tokens += len(got)
    assert tokens > 20_000  # a corpus large enough to meet most of the rules


def test_most_rules_are_table_lookups_and_the_rest_are_met(pipelines):
    stock, fast = pipelines
    lookup = fast.get_pipe("attribute_ruler")
    assert isinstance(lookup, AttributeLookup)
    ruler = stock.get_pipe("attribute_ruler")
    assert len(lookup.fallback) < len(ruler.patterns) / 4
    with fast.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        doc = fast(COLLOQUIAL)
    assert lookup.fallback(doc)  # the corpus reaches the Matcher's rules too


def test_natoiraq_pipeline_uses_the_lookup(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), AttributeLookup)
    assert nlp("NATO's troops aren't leaving.")[3].lemma_ == "be"


def test_the_matcher_runs_only_the_patterns_a_doc_can_match(pipelines):
    _, fast = pipelines
    lookup = fast.get_pipe("attribute_ruler")
    with fast.select_pipes(disable=["attribute_ruler", "lemmatizer"]):
        plain, there, colloquial = fast.pipe(["NATO has 500 trainers in Iraq.",
                                              "There are 500 troops in Iraq and there is more to come.", COLLOQUIAL])
    assert lookup._fallback(plain) is None  # no word of it passes any pattern's screen: no Matcher at all
    assert len(lookup._fallback(there)) < len(lookup.fallback)
    for doc in (there, colloquial):
        assert sorted(lookup._fallback(doc)(doc, allow_missing=True)) == sorted(lookup.fallback(doc, allow_missing=True))
