"""The tokenizer with common chunks kept across memory zones gives every token the stock tokenizer gives,
and keeps no string the vocabulary did not hold."""

import pytest

from natoiraq.speedups.tokens import ChunkKeeper, swap_in
from tests.conftest import stock_and_swapped, varied_texts


@pytest.fixture(scope="module")
def pipelines():
    return stock_and_swapped(swap_in)


def _tokens(doc):
    return [(t.text, t.idx, t.whitespace_, t.lower_, t.norm_, t.shape_, t.prefix_, t.suffix_, t.is_stop,
             t.like_num) for t in doc]


def test_every_token_equals_the_stock_tokenizers_once_chunks_are_kept(pipelines):
    stock, fast = pipelines
    texts = varied_texts()
    strings = len(fast.vocab.strings)
    with fast.memory_zone():  # the first half's common chunks are kept when the zone closes
        for text in texts[: len(texts) // 2]:
            fast.make_doc(text)
    assert fast.tokenizer.kept > 500
    assert len(fast.vocab.strings) == strings  # kept from the model's own strings only
    with fast.memory_zone():
        got = [_tokens(fast.make_doc(text)) for text in texts]
    assert got == [_tokens(stock.make_doc(text)) for text in texts]


def test_only_chunks_met_again_and_made_of_lasting_strings_are_kept(pipelines):
    _, fast = pipelines
    keeper = fast.tokenizer
    assert isinstance(keeper, ChunkKeeper)
    with fast.memory_zone():
        fast.make_doc("soldiers;; soldiers;; Zorblaxian;; Zorblaxian;; troops;;")
    assert keeper.verdicts["soldiers;;"] is True
    assert keeper.verdicts["Zorblaxian;;"] is False  # a new word: keeping it would keep its string
    assert "troops;;" not in keeper.verdicts  # met once
    assert "Zorblaxian" not in fast.vocab.strings


def test_the_tokenizers_rules_are_still_its_own(pipelines):
    _, fast = pipelines
    fast.tokenizer.add_special_case("Wed.", [{"ORTH": "Wed."}])
    assert [t.text for t in fast("Wed. 5")] == ["Wed.", "5"]
    assert fast.tokenizer.rules["Wed."] == [{"ORTH": "Wed."}]
