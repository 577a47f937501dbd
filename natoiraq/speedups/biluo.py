"""The model's entity recogniser, decoded by array: the same entities, a fraction of the cost.

spaCy's NER reads a doc one token at a time, choosing among its BILUO moves
(Begin, In, Last, Unit, Out, each with a label) by the scores its network
gives the state. The network's heavy part runs once per batch, as matrix
products; what is left is a loop in compiled code that, at every token of
every doc, asks each of its 74 moves whether it is valid. In spaCy's wheels
each of those questions takes and drops Python's GIL, so the loop spends
more time on the lock than on scoring (``perf`` puts a third of an NER run's
CPU samples in ``take_gil``, ``drop_gil`` and their mutexes), and the loop is
two thirds of the NER's time.

Every BILUO move consumes one token, so the docs of a batch advance in step:
at step ``t`` each unfinished doc reads its token ``t``. This component runs
that loop over the batch as arrays: the state's three features (the token,
the open entity's first word, the word before) index the hidden vectors the
network precomputed, summed in spaCy's order; maxout; the output layer
through the same BLIS routine spaCy calls; and each move's validity from a
table keyed by the state (no entity open, or one open with its label; the
token is the last; the next starts a sentence; the token is whitespace).
The scores are bit for bit those of spaCy's loop, so the entities are the
stock component's (tests/test_speedups_biluo.py compares every token of a corpus).
Over 300 articles the NER takes 0.66 s of CPU where spaCy's takes 1.42: the
network 0.48, the decoding 0.16 where spaCy's loop takes 0.9. A batch with
entity annotations set before the recogniser runs, a beam, or a network of another
shape goes to spaCy's own decoder.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from blis.py import gemm
from spacy import util
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE, IS_SPACE, SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.pipeline.factories import make_ner as make_stock_ner, register_factories
from spacy.tokens import Doc, Span
from thinc.api import NumpyOps

from natoiraq.speedups.wrapper import Wrapper

#: BILUO moves as spaCy's ``BiluoPushDown`` names them ("B-ORG", "O"); "M" (missing) is never valid.
BEGIN, IN, LAST, UNIT, OUT = MOVES = ("B", "I", "L", "U", "O")
#: The state features of spaCy's NER: the token, the open entity's first word, the word before.
N_FEATURES = 3
#: Entity annotations a doc can carry before the recogniser runs: they constrain spaCy's moves or
#: survive its writing (a type outside entities, a knowledge-base id), so spaCy's decoder takes such a batch.
PRESET = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
# What a state knows of its token, as bits of its key in the validity table.
LAST_TOKEN, BEFORE_SENTENCE, WHITESPACE = 1, 2, 4
N_FLAGS = 8


def valid_moves(moves: list[tuple[str, str]], open_label: str | None, flags: int) -> list[bool]:
    """Which of ``moves`` (move, label) spaCy's BILUO system allows in a state with no entity set
    beforehand: ``open_label`` is the label of the entity open, None where none is."""
    last, before_sentence, space = (bool(flags & bit) for bit in (LAST_TOKEN, BEFORE_SENTENCE, WHITESPACE))
    is_open = open_label is not None
    allowed = {
        BEGIN: lambda label: not is_open and not last and not before_sentence and not space,
        IN: lambda label: is_open and not last and not before_sentence and label == open_label,
        LAST: lambda label: is_open and label == open_label,
        UNIT: lambda label: not is_open and not space,
        OUT: lambda label: not is_open,
    }
    # A labelless B, I, L or U is the blocking move, valid only over preset entities.
    return [move in allowed and (move == OUT or label != "") and allowed[move](label) for move, label in moves]


@dataclass(frozen=True)
class Moves:
    """A recogniser's moves as arrays: each class's move and label, and what each state forbids."""

    labels: tuple[str, ...]
    move: numpy.ndarray  # index into MOVES of each class's move
    label: numpy.ndarray  # index into ``labels`` of each class's label, -1 for none
    penalty: numpy.ndarray  # [(1 + len(labels)) * N_FLAGS, classes]: 0 where valid, -inf where not;
    # row (open label + 1) * N_FLAGS + the token's flags

    @classmethod
    def of(cls, names: list[str]) -> "Moves":
        moves = [tuple(name.split("-", 1)) if "-" in name else (name, "") for name in names]
        labels = tuple(sorted({label for _, label in moves if label}))
        index = {label: i for i, label in enumerate(labels)}
        valid = numpy.array([valid_moves(moves, open_label, flags)
                             for open_label in (None, *labels) for flags in range(N_FLAGS)], dtype=bool)
        return cls(labels, numpy.array([MOVES.index(m) if m in MOVES else -1 for m, _ in moves]),
                   numpy.array([index.get(label, -1) for _, label in moves]),
                   numpy.where(valid, numpy.float32(0), numpy.float32(-numpy.inf)))

    @property
    def complete(self) -> bool:
        """Whether every state has a valid move (spaCy's loop would otherwise end the doc early)."""
        return bool((self.penalty == 0).any(axis=1).all())


def token_flags(docs: list[Doc]) -> numpy.ndarray:
    """Each token's bits of the validity key, for the docs' tokens end to end."""
    flags = []
    for doc in docs:
        space, sent_start = doc.to_array([IS_SPACE, SENT_START]).astype("int64").T
        bits = numpy.where(space != 0, WHITESPACE, 0)
        bits[:-1] |= numpy.where(sent_start[1:] == 1, BEFORE_SENTENCE, 0)
        bits[-1:] |= LAST_TOKEN
        flags.append(bits)
    return numpy.concatenate(flags).astype("intp")


def decode(cached: numpy.ndarray, bias: numpy.ndarray, weights: numpy.ndarray, output_bias: numpy.ndarray,
           unseen: list[int], moves: Moves, flags: numpy.ndarray, lengths: numpy.ndarray):
    """Greedy BILUO decoding of a batch, all docs in step; yields (doc index, start, end, label index).

    ``cached`` is the lower layer's output for the batch's tokens end to end after a padding row,
    shaped (tokens + 1, features, hidden, pieces); ``weights`` and ``output_bias`` the output layer's.
    A feature's row is its token's index + 1; row 0, the padding, stands for "no such token".
    """
    n_pieces = cached.shape[3]
    feature = [numpy.ascontiguousarray(cached[:, f].reshape(len(cached), -1)) for f in range(N_FEATURES)]
    bias = bias.reshape(-1)
    flags = numpy.concatenate([[0], flags])  # by row
    events = numpy.isin(moves.move, [MOVES.index(BEGIN), MOVES.index(LAST), MOVES.index(UNIT)])
    # Shortest first, as spaCy's pipe hands them over: the unfinished docs are a suffix in spaCy's order.
    order = numpy.argsort(lengths, kind="stable")
    remaining = lengths[order]
    row = (numpy.cumsum(lengths) - lengths)[order] + 1  # each doc's token t, as a row
    entity_row = numpy.zeros(len(order), dtype="intp")  # the open entity's first word, 0 for none
    is_open = numpy.zeros(len(order), dtype="intp")
    key = numpy.zeros(len(order), dtype="intp")  # (open label + 1) * N_FLAGS
    open_label = [-1] * len(order)
    done = 0  # docs finished: the first ``done`` in ``order``
    for t in range(int(remaining[-1]) if len(order) else 0):
        while remaining[done] <= t:
            done += 1
        token = row[done:]
        summed = feature[0][token] + feature[1][entity_row[done:]]  # spaCy's order of sums
        summed += feature[2][(token - 1) * is_open[done:]]
        summed += bias
        hidden = summed[:, ::n_pieces]  # maxout, piece by piece: a reduction over a short axis is slow
        for piece in range(1, n_pieces):
            hidden = numpy.maximum(hidden, summed[:, piece::n_pieces])
        scores = gemm(hidden, weights, trans2=True, beta=0.0)
        scores += output_bias
        if unseen:
            scores[:, unseen] = scores.min()
        scores += moves.penalty[key[done:] + flags[token]]
        best = scores.argmax(axis=1)
        for i in numpy.flatnonzero(events[best]).tolist():
            doc, move, label = done + i, MOVES[moves.move[best[i]]], int(moves.label[best[i]])
            if move == UNIT:
                yield int(order[doc]), t, t + 1, label
            elif move == BEGIN:
                entity_row[doc], is_open[doc], key[doc], open_label[doc] = token[i], 1, (label + 1) * N_FLAGS, label
            else:
                yield int(order[doc]), int(entity_row[doc] - row[doc]) + t, t + 1, open_label[doc]
                entity_row[doc], is_open[doc], key[doc], open_label[doc] = 0, 0, 0, -1
        row += 1


# The "ner" factory's own settings, spelled once by spaCy: the decoder is configured as the recogniser it wraps.
register_factories()
_NER = Language.get_factory_meta("ner")


@Language.factory("natoiraq_ner", assigns=_NER.assigns, default_config=_NER.default_config,
                  default_score_weights=_NER.default_score_weights)
def make_ner(nlp: Language, name: str, model, moves, update_with_oracle_cut_size: int, incorrect_spans_key,
             scorer) -> "ArrayDecoder":
    # spaCy's own recogniser, as the "ner" factory makes it; swap_in gives it the trained one.
    return ArrayDecoder(make_stock_ner(nlp, name, model=model, moves=moves, scorer=scorer,
                                       update_with_oracle_cut_size=update_with_oracle_cut_size,
                                       incorrect_spans_key=incorrect_spans_key))


def swap_in(nlp: Language, name: str = "ner") -> bool:
    """Decode the pipeline's entity recogniser by array; False where it has none of spaCy's greedy ones."""
    stock = nlp.get_pipe(name) if name in nlp.pipe_names else None
    config = dict(nlp.get_pipe_config(name)) if stock is not None else {}
    if type(stock) is not EntityRecognizer or config.pop("factory", None) != "ner":
        return False  # none, or a beam_ner: its moves are a beam's, not one greedy walk
    nlp.replace_pipe(name, "natoiraq_ner", config=config).wrapped = stock
    return True


class ArrayDecoder(Wrapper):
    """Runs an :class:`EntityRecognizer`'s network and decodes its moves over the batch by array."""

    def __init__(self, recognizer: EntityRecognizer):
        super().__init__(recognizer)
        self._moves: tuple[list[str], Moves] | None = None

    def __call__(self, doc: Doc) -> Doc | None:
        try:
            self.set_annotations([doc], self.predict([doc]))
            return doc
        except Exception as exc:  # noqa: BLE001  (as spaCy's own components: the handler decides)
            self.get_error_handler()(self.name, self, [doc], exc)
            return None

    def pipe(self, stream, *, batch_size: int = 256):
        """As spaCy's recogniser: each batch sorted by length and decoded in quarters."""
        handler = self.get_error_handler()
        for batch in util.minibatch(stream, size=batch_size):
            try:
                for part in util.minibatch(sorted(batch, key=len), size=max(batch_size // 4, 2)):
                    self.set_annotations(part, self.predict(part))
                yield from batch
            except Exception as exc:  # noqa: BLE001
                handler(self.name, self, batch, exc)

    def predict(self, docs: list[Doc]):
        """Each doc's entities as (start, end, label); spaCy's parse states where its decoder must run."""
        docs = [docs] if isinstance(docs, Doc) else docs
        moves = self.table()
        if moves is None or any(doc.to_array(PRESET).any() for doc in docs):
            return self.wrapped.predict(docs)
        lengths = numpy.array([len(doc) for doc in docs])
        entities = [[] for _ in docs]
        if not lengths.any():
            return entities
        tok2vec, lower, upper = self.wrapped.model.layers
        cached = lower.predict(tok2vec.predict(docs))
        unseen = sorted(self.wrapped.model.attrs["unseen_classes"])
        for doc, start, end, label in decode(cached, lower.get_param("b"), upper.get_param("W"),
                                             upper.get_param("b"), unseen, moves, token_flags(docs), lengths):
            entities[doc].append((start, end, moves.labels[label]))
        return entities

    def set_annotations(self, docs: list[Doc], predicted) -> None:
        if not predicted or not isinstance(predicted[0], list):  # spaCy's parse states
            self.wrapped.set_annotations(docs, predicted)
            return
        for doc, entities in zip(docs, predicted):
            # As spaCy's BiluoPushDown sets them: every token outside an entity becomes "O".
            doc.set_ents([Span(doc, start, end, label=label) for start, end, label in entities], default="outside")
            for hook in self.wrapped.postprocesses:
                hook(doc)

    def table(self) -> Moves | None:
        """The recogniser's moves as arrays, None where its decoder must run (a beam, another network)."""
        if not self._decodable():
            return None
        system = self.wrapped.moves
        names = [system.get_class_name(i) for i in range(system.n_moves)]
        if self._moves is None or self._moves[0] != names:
            moves = Moves.of(names)
            self._moves = (names, moves if moves.complete else None)
        return self._moves[1]

    def _decodable(self) -> bool:
        """Whether the network is the greedy, maxout, three-feature one :func:`decode` mirrors."""
        model = self.wrapped.model
        lower = model.get_ref("lower") if model.has_ref("lower") else None
        # Plain NumpyOps: spaCy's loop multiplies with model.ops.cblas(), which a subclass may redirect.
        return (self.wrapped.cfg.get("beam_width", 1) == 1 and bool(model.attrs.get("has_upper"))
                and lower is not None and lower.get_dim("nF") == N_FEATURES and (lower.maybe_get_dim("nP") or 1) >= 2
                and type(model.ops) is NumpyOps and type(lower.ops) is NumpyOps)
