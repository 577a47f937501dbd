"""The entity recogniser decoded by array gives every token exactly the entity the model's own decoder gives."""

import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Span

from natoiraq.pipeline.loading import model_name
from natoiraq.speedups import biluo
from natoiraq.speedups.biluo import (BEFORE_SENTENCE, LAST_TOKEN, WHITESPACE, ArrayDecoder, Moves, swap_in,
                                     token_flags, valid_moves)
from tests.conftest import varied_texts

ENTITY_ATTRS = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
MOVES = [("B", "ORG"), ("I", "ORG"), ("L", "ORG"), ("U", "ORG"), ("B", "GPE"), ("I", "GPE"), ("L", "GPE"),
         ("U", "GPE"), ("U", ""), ("O", ""), ("M", "")]


def allowed(open_label, flags):
    return {f"{move}-{label}" if label or move == "U" else move
            for (move, label), ok in zip(MOVES, valid_moves(MOVES, open_label, flags)) if ok}


@pytest.mark.parametrize("open_label, flags, expected", [
    # No entity open: begin one, take a word as one, or leave it out.
    (None, 0, {"B-ORG", "U-ORG", "B-GPE", "U-GPE", "O"}),
    # The last token cannot begin an entity.
    (None, LAST_TOKEN, {"U-ORG", "U-GPE", "O"}),
    # Nor can the token before a sentence starts.
    (None, BEFORE_SENTENCE, {"U-ORG", "U-GPE", "O"}),
    # Whitespace is neither the first word nor a whole entity.
    (None, WHITESPACE, {"O"}),
    # An entity open: go on with its label or close it; never begin, take a unit, or leave out.
    ("ORG", 0, {"I-ORG", "L-ORG"}),
    # Whitespace can be inside an entity.
    ("ORG", WHITESPACE, {"I-ORG", "L-ORG"}),
    # The last token, or the one before a sentence, closes it.
    ("GPE", LAST_TOKEN, {"L-GPE"}),
    ("GPE", BEFORE_SENTENCE | WHITESPACE, {"L-GPE"}),
])
def test_which_moves_a_state_allows(open_label, flags, expected):
    assert allowed(open_label, flags) == expected


def test_the_tables_index_moves_and_labels():
    moves = Moves.of(["B-ORG", "I-ORG", "L-ORG", "U-ORG", "U-", "O"])
    assert moves.labels == ("ORG",) and moves.label.tolist() == [0, 0, 0, 0, -1, -1]
    assert moves.penalty.shape == (2 * biluo.N_FLAGS, 6) and moves.complete
    # Row (open label + 1) * N_FLAGS + flags: with ORG open, I-ORG and L-ORG.
    assert (moves.penalty[biluo.N_FLAGS] == 0).tolist() == [False, True, True, False, False, False]
    # A system with no Out move has states with no valid move: spaCy's own decoder runs.
    assert not Moves.of(["B-ORG", "I-ORG", "L-ORG", "U-ORG"]).complete


def test_token_flags():
    nlp = spacy.blank("en")
    doc = nlp.make_doc("NATO  left. Iraq")  # "NATO", " ", "left", ".", "Iraq"
    for i, token in enumerate(doc):
        token.is_sent_start = i in (0, 4)
    assert token_flags([doc, nlp.make_doc("Mosul")]).tolist() == [0, WHITESPACE, 0, BEFORE_SENTENCE, LAST_TOKEN,
                                                                  LAST_TOKEN]


@pytest.fixture(scope="module")
def pipelines():
    stock, fast = (spacy.load(model_name(), exclude=["senter"]) for _ in range(2))
    assert swap_in(fast)
    return stock, fast


def _same_entities(stock, fast, texts, batch_size=32):
    differ, entities = [], 0
    for expected, got in zip(stock.pipe(texts, batch_size=batch_size), fast.pipe(texts, batch_size=batch_size)):
        entities += len(got.ents)
        if (expected.to_array(ENTITY_ATTRS) != got.to_array(ENTITY_ATTRS)).any():
            differ.append(got.text[:60])
    return differ, entities


def test_every_entity_equals_the_stock_recognisers(pipelines):
    """Every token's entity tag, type and id, over 40,000 tokens of articles as written, lower-cased,
    upper-cased and recombined, in batches of several sizes."""
    stock, fast = pipelines
    texts = varied_texts()
    differ, entities = _same_entities(stock, fast, texts)
    assert differ == [] and entities > 3_000
    assert _same_entities(stock, fast, texts[:40], batch_size=5)[0] == []
    assert fast.get_pipe("ner").table() is not None  # the array decoder ran, not the fallback


def test_unseen_classes_score_as_spacys_loop_scores_them(pipelines, monkeypatch):
    """A class the model never saw in training is given the lowest score in the batch."""
    stock, fast = pipelines
    moves = stock.get_pipe("ner").moves
    unseen = {i for i in range(moves.n_moves) if moves.get_class_name(i).endswith(("-ORG", "-DATE"))}
    for nlp in pipelines:
        monkeypatch.setitem(nlp.get_pipe("ner").model.attrs, "unseen_classes", set(unseen))
    texts = varied_texts()[:30]
    assert _same_entities(stock, fast, texts)[0] == []
    assert not any(e.label_ in ("ORG", "DATE") for doc in fast.pipe(texts) for e in doc.ents)


def test_edge_docs(pipelines):
    stock, fast = pipelines
    texts = ["", " ", "NATO", "NATO.", "\n\n", "Iraq  \n NATO", "U.S. troops arrived."]
    assert _same_entities(stock, fast, texts)[0] == []
    assert _same_entities(stock, fast, texts, batch_size=1)[0] == []


def test_preset_entities_go_to_spacys_decoder(pipelines, monkeypatch):
    """An entity set before the recogniser (a ruler, a user) constrains the moves: spaCy's decoder runs."""
    stock, fast = pipelines
    wrapper = fast.get_pipe("ner")
    decoded = []
    monkeypatch.setattr(biluo, "decode", lambda *args: decoded.append(1) or iter(()))
    text = "The mission in Iraq is led by Denmark, Jens Stoltenberg said."
    with fast.select_pipes(disable=["ner"]), stock.select_pipes(disable=["ner"]):
        docs = [fast(text), stock(text)]
    for doc in docs:
        doc.ents = [Span(doc, 3, 4, label="LOC")]
    got, expected = wrapper(docs[0]), stock.get_pipe("ner")(docs[1])
    assert decoded == [] and got[3].ent_type_ == "LOC"
    assert (got.to_array(ENTITY_ATTRS) == expected.to_array(ENTITY_ATTRS)).all()


@pytest.mark.parametrize("preset", ["kb id", "type outside an entity"])
def test_other_preset_annotations_go_to_spacys_decoder(pipelines, preset):
    """spaCy keeps a knowledge-base id or a type set before it runs; the array decoder would not."""
    stock, fast = pipelines
    text = "The mission in Iraq is led by Denmark, Jens Stoltenberg said."
    with fast.select_pipes(disable=["ner"]), stock.select_pipes(disable=["ner"]):
        docs = [fast(text), stock(text)]
    for doc in docs:
        if preset == "kb id":
            doc[9].ent_kb_id_ = "Q57"
        else:
            doc[1].ent_type_ = "ORG"
    got, expected = fast.get_pipe("ner")(docs[0]), stock.get_pipe("ner")(docs[1])
    assert (got.to_array(ENTITY_ATTRS) == expected.to_array(ENTITY_ATTRS)).all()
    assert got[9].ent_kb_id_ == "Q57" if preset == "kb id" else got[1].ent_type_ == "ORG"


def test_a_saved_pipeline_keeps_its_weights(pipelines, tmp_path):
    _, fast = pipelines
    fast.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    assert isinstance(loaded.get_pipe("ner"), ArrayDecoder)
    text = "NATO Secretary General Jens Stoltenberg visited Baghdad on Monday."
    assert [(e.text, e.label_) for e in loaded(text).ents] == [(e.text, e.label_) for e in fast(text).ents]


def test_it_scores_as_the_recogniser(pipelines):
    from spacy.training import Example

    _, fast = pipelines
    doc = fast("NATO trainers are in Iraq.")
    scores = fast.evaluate([Example(fast.make_doc(doc.text), doc)])
    assert scores["ents_f"] == 1.0


def test_an_error_goes_to_the_pipelines_handler(pipelines, monkeypatch):
    _, fast = pipelines
    seen = []
    wrapper = fast.get_pipe("ner")
    monkeypatch.setattr(biluo, "decode", lambda *args: 1 / 0)
    wrapper.set_error_handler(lambda name, proc, docs, exc: seen.append((name, len(docs), type(exc).__name__)))
    try:
        docs = list(fast.pipe(["NATO is in Iraq.", "Denmark leads it."]))
        one = wrapper(fast.make_doc("Iraq."))
    finally:
        wrapper.set_error_handler(spacy.util.raise_error)
    assert seen == [("ner", 2, "ZeroDivisionError"), ("ner", 1, "ZeroDivisionError")] and docs == []
    assert one is None  # as spaCy's own components: the pipeline then says which one gave no doc


def test_only_a_greedy_recogniser_is_swapped():
    nlp = spacy.blank("en")
    assert not swap_in(nlp)
    nlp.add_pipe("beam_ner", name="ner")  # a beam's moves are not one walk
    assert not swap_in(nlp) and type(nlp.get_pipe("ner")) is EntityRecognizer


def test_what_the_wrapper_lacks_is_the_recognisers(pipelines):
    from spacy.training import Example

    _, fast = pipelines
    wrapper = fast.get_pipe("ner")
    assert wrapper.moves is wrapper.wrapped.moves and "GPE" in wrapper.labels and wrapper.is_trainable
    nlp = spacy.load(model_name(), exclude=["senter"])
    assert swap_in(nlp)
    before = nlp.get_pipe("ner").model.get_ref("upper").get_param("W").copy()
    doc = nlp.make_doc("Canada leads the mission.")
    losses = nlp.update([Example.from_dict(doc, {"entities": [(0, 6, "GPE")]})], sgd=nlp.resume_training())
    assert "ner" in losses and (nlp.get_pipe("ner").model.get_ref("upper").get_param("W") != before).any()


def test_natoiraq_pipeline_uses_it(nlp):
    wrapper = nlp.get_pipe("ner")
    assert isinstance(wrapper, ArrayDecoder) and type(wrapper.wrapped) is EntityRecognizer
    assert [e.label_ for e in nlp("NATO has 500 trainers in Iraq.").ents] == ["ORG", "CARDINAL", "GPE"]
