"""The model's lemmatizer, remembered by array: the same lemmas, a fraction of the cost.

spaCy's rule lemmatizer reaches its answer through a Token object and two
method calls for every token of every doc, and caches only some answers: a
singular noun, a base-form verb or a proper noun is worked out again each
time. Yet its answer depends on nothing but the word, its part of speech and
its morphology (and, in lookup mode, the word alone). This component reads
those three for the whole doc as one array, answers every key it has seen
from a memo of the lemmatizer's own answers, asks the lemmatizer about the
rest, and writes the lemmas back in one array. The memo is bounded and
starts afresh when full, so a long run over new names does not grow it. The
lemmatizer and its tables are the model's own, so the lemmas are the stock
component's (tests/test_speedups_lemmas.py compares every token of a corpus); a
lemmatizer in a mode of its own is asked about every token.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.errors import Errors
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

from natoiraq.speedups.wrapper import Wrapper


@Language.factory("natoiraq_lemmatizer", default_config={"mode": "rule", "overwrite": False})
def make_lemmatizer(nlp: Language, name: str, mode: str, overwrite: bool) -> "LemmaCache":
    # The language's own lemmatizer (English: its base-form rules), filled by swap_in or from_disk.
    return LemmaCache(nlp.create_pipe("lemmatizer", name=name, config={"mode": mode, "overwrite": overwrite}))


def swap_in(nlp: Language, name: str = "lemmatizer") -> bool:
    """Wrap the pipeline's lemmatizer in the memo; False where it has no spaCy lemmatizer."""
    stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
    if not isinstance(stock, Lemmatizer):
        return False
    nlp.replace_pipe(name, "natoiraq_lemmatizer", config={"mode": stock.mode, "overwrite": stock.overwrite})
    nlp.get_pipe(name).wrapped = stock
    return True


#: spaCy's lemmatizer modes whose answer is a function of (word, POS, morphology).
PURE_MODES = frozenset({"rule", "lookup"})
#: Keys the memo holds before it starts afresh: the common words of news and then some (about 4 MB).
MEMO_SIZE = 20_000


class LemmaCache(Wrapper):
    """Runs a :class:`Lemmatizer` over a doc's arrays, remembering its answers without a Token per word."""

    def __init__(self, lemmatizer: Lemmatizer):
        super().__init__(lemmatizer)
        self.memo: dict[tuple[int, int, int], str] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmatizer = self.wrapped
        if not lemmatizer._validated:
            lemmatizer._validate_tables(Errors.E1004)
        strings, memo, overwrite = doc.vocab.strings, self.memo, lemmatizer.overwrite
        pure = lemmatizer.mode in PURE_MODES
        lemmas = doc.to_array(LEMMA)
        for i, key in enumerate(map(tuple, doc.to_array([ORTH, POS, MORPH]).tolist())):
            if overwrite or not lemmas[i]:
                lemma = memo.get(key) if pure else None
                if lemma is None:
                    lemma = lemmatizer.lemmatize(doc[i])[0]
                    if pure:
                        if len(memo) >= MEMO_SIZE:
                            memo.clear()
                        memo[key] = lemma
                lemmas[i] = strings.add(lemma)
        doc.from_array([LEMMA], lemmas)
        return doc

    def pipe(self, stream, *, batch_size: int = 128):
        handler = self.get_error_handler()
        for doc in stream:
            try:
                yield self(doc)
            except Exception as exc:  # noqa: BLE001  (as spaCy's own lemmatizer: the handler decides)
                handler(self.name, self, [doc], exc)
