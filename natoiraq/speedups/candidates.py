"""Parsing only where a fact can be: the model's tagger, parser and lemmatizer on candidate sentences.

NER reads every sentence (entities are facts everywhere), but the rest of the
model's work, its shared tok2vec, tagger, parser, attribute ruler and
lemmatizer, is read only around troop figures and dates. This component
finds the sentences where one can be (a digit, a number word, a date word),
adds what the discourse step reads (the sentence before each, and everything
up to the end of the lede), and runs those components on just that text.

- **Sentences first.** The paragraph rules' boundaries stand; spaCy's
  rule-based ``Sentencizer`` splits the rest at full stops. Within a stretch
  that is parsed, the parser decides the boundaries again, as it does in the
  full pipeline.
- **The same context.** Each stretch of consecutive candidate sentences is
  parsed with ``CONTEXT`` tokens of the text on either side, which is as far
  as the model's convolutions look, so the words of a stretch get the vectors
  they get in the whole text. The context tokens' own analysis is dropped.
- **One Doc.** Tags, lemmas, morphology and the dependency tree are written
  back into the whole ``Doc`` by array; tokens outside the stretches keep no
  analysis and the Sentencizer's boundaries.

``bench/bench.py`` prints what it saves and tests/test_speedups_candidates.py checks
that troop figures and dates are those of the full pipeline.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, HEAD, LEMMA, LOWER, MORPH, ORTH, POS, SENT_START, TAG
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc
from spacy.util import minibatch

from natoiraq.parsing.numbers import SCALES, TENS, UNITS
from natoiraq.pipeline.component import Component
from natoiraq.pipeline.dates.candidates import PRESENT_WORDS
from natoiraq.pipeline.dates.patterns import TRIGGERS
from natoiraq.pipeline.doctext import text_of
from natoiraq.pipeline.paragraphs import lede_start

#: The model's components that only candidate sentences need, in pipeline order.
PARSE_STACK = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer")
#: Where candidate sentences hold this share of a doc's tokens, the whole doc is parsed as it is: cutting
#: it into stretches and writing them back costs more than the little text it would skip.
WHOLE_SHARE = 0.8
#: Tokens of context on each side of a parsed stretch: the reach of the model's
#: convolutions (window 1, depth 4), so a stretch's vectors are the whole text's.
CONTEXT = 4
_ANALYSIS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
#: Words that can open a troop figure or a date, beside any token with a digit.
_WORDS = frozenset(UNITS) | frozenset(TENS) | frozenset(SCALES) | {"dozen"} | TRIGGERS | PRESENT_WORDS \
    | {"past", "future", "present"}


def is_trigger(text: str, lower: str, names: frozenset[str] = frozenset()) -> bool:
    """Can a fact start at this token? A digit, a number or date word, or one of ``names``
    (a pure function of its text)."""
    return lower in _WORDS or text in names or any(ch.isdigit() for ch in text)


#: Words whose answer :func:`candidate_spans` remembers, for each set of names, before it starts afresh.
MEMO_WORDS = 50_000
_ANSWERS: dict[frozenset[str], dict[int, bool]] = {}  # names -> a word's ORTH -> is it a trigger


def candidate_spans(doc: Doc, names: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """Token ranges to parse: runs of sentences with a trigger, each with the sentence before it,
    and every sentence up to the end of the lede (the discourse step's topic vote reads them)."""
    sentences = [(s.start, s.end) for s in doc.sents]
    text = text_of(doc)
    lede = text.find("\n", lede_start(text))
    lede_end = len(text) if lede < 0 else lede
    answers = _ANSWERS.setdefault(names, {})
    if len(answers) > MEMO_WORDS:
        answers.clear()
    strings, flags = doc.vocab.strings, []
    # By array, each word's answer remembered: a Token object for every word of every article costs more.
    for orth, lower in doc.to_array([ORTH, LOWER]).tolist():
        flag = answers.get(orth)
        if flag is None:
            flag = answers[orth] = is_trigger(strings[orth], strings[lower], names)
        flags.append(flag)
    hit = [any(flags[start:end]) for start, end in sentences]
    keep = [h or (i + 1 < len(hit) and hit[i + 1]) or doc[start].idx < lede_end
            for i, ((start, _), h) in enumerate(zip(sentences, hit))]
    spans: list[tuple[int, int]] = []
    for (start, end), kept in zip(sentences, keep):
        if not kept:
            continue
        if spans and spans[-1][1] == start:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


@Language.factory(
    "natoiraq_candidates",
    requires=[],
    assigns=["token.tag", "token.pos", "token.morph", "token.lemma", "token.dep", "token.head",
             "token.is_sent_start"],
    default_config={"components": list(PARSE_STACK), "whole_share": WHOLE_SHARE},
)
def make_candidates(nlp: Language, name: str, components: list[str], whole_share: float) -> "CandidateParser":
    return CandidateParser(nlp, name, components=components, whole_share=whole_share)


class CandidateParser(Component):
    """Runs the named (disabled) components of its pipeline on candidate sentences only."""

    #: The capitals that stand for a government when they act ("Washington said"): the entity
    #: canonicaliser reads the parse around them, so their sentences are parsed too.
    table_names = ("aliases",)

    def __init__(self, nlp: Language, name: str, *, components: Iterable[str], whole_share: float = WHOLE_SHARE):
        super().__init__(nlp, name)
        self.components = [c for c in components if c in nlp.component_names]
        self.whole_share = whole_share
        self.sentencizer = Sentencizer()

    def configure(self, tables: dict) -> None:
        # A seat's last word: "Hague", not the "The" that opens every other sentence.
        self.names = frozenset(seat.split()[-1] for seat in tables["aliases"].get("government_seats", {}))

    @property
    def stack(self):
        return [(name, self.nlp.get_pipe(name)) for name in self.components]

    def __call__(self, doc: Doc) -> Doc:
        self._parse([doc])
        return doc

    def pipe(self, stream: Iterable[Doc], *, batch_size: int = 128) -> Iterator[Doc]:
        handler = self.get_error_handler()
        for docs in minibatch(stream, size=batch_size):
            try:
                self._parse(docs)
                yield from docs
            except Exception as exc:  # noqa: BLE001  (as spaCy's own components: the handler decides, the batch is dropped)
                handler(self.name, self, docs, exc)

    def _parse(self, docs: list[Doc]) -> None:
        whole, jobs = [], []
        for doc in docs:
            preset = doc.to_array([SENT_START])  # the paragraph rules' boundaries
            self.sentencizer(doc)
            spans = candidate_spans(doc, self.names)
            if sum(end - start for start, end in spans) >= self.whole_share * len(doc):
                doc.from_array([SENT_START], preset)  # the parser decides, as in the full pipeline
                whole.append(doc)
                continue
            for start, end in spans:
                jobs.append((doc, start, end, *self._stretch(doc, preset, start, end)))
        pieces = whole + [job[-1] for job in jobs]
        for _, proc in self.stack:
            pieces = list(proc.pipe(pieces, batch_size=max(1, len(pieces))) if hasattr(proc, "pipe")
                          else map(proc, pieces))
        by_doc: dict[int, list] = {}
        for job, piece in zip(jobs, pieces[len(whole):]):
            by_doc.setdefault(id(job[0]), []).append((*job[:4], piece))
        for runs in by_doc.values():
            _write_back(runs)

    @staticmethod
    def _stretch(doc: Doc, preset, start: int, end: int) -> tuple[int, Doc]:
        """The stretch with its context, as a Doc of its own whose only boundaries are the preset
        ones and the stretch's own edges."""
        first, last = max(0, start - CONTEXT), min(len(doc), end + CONTEXT)
        piece = doc[first:last].as_doc()
        starts = preset[first:last].copy()
        starts[0] = 1
        starts[start - first] = 1
        if end < last:
            starts[end - first] = 1
        piece.from_array([SENT_START], starts)
        return first, piece


def _write_back(runs: list[tuple[Doc, int, int, int, Doc]]) -> None:
    """Copy each parsed stretch's analysis into its Doc (all of a Doc's stretches in one array write)."""
    doc = runs[0][0]
    analysis = doc.to_array(_ANALYSIS)
    starts = doc.to_array([SENT_START])
    for _, start, end, first, piece in runs:
        span = slice(start - first, end - first)
        analysis[start:end] = piece.to_array(_ANALYSIS)[span]
        starts[start:end] = piece.to_array([SENT_START])[span]
    doc.from_array(_ANALYSIS, analysis)
    doc.from_array([SENT_START], starts)
