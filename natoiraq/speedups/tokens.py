"""The tokenizer's cache kept across memory zones: the same tokens, less CPU.

spaCy's tokenizer remembers how it split each chunk of text between spaces
("troops," into "troops" and ","), but inside a memory zone it remembers
nothing: what it kept could point at words the zone frees. natoiraq reads
every text inside a zone, so each chunk of each article was split afresh, its
prefixes, suffixes and infixes searched by regular expression every time:
about ten times the CPU of a remembered chunk, and more than a twentieth of a
whole extract.

This wrapper counts the chunks a zone's texts are made of. Once the zone is
closed, the chunks that came back in it are split again, outside any zone, so
that the tokenizer keeps them, but only those whose every piece, and each of
its word's attributes (lower case, shape, affixes), is a string the vocabulary
holds for good (the model's own words): nothing a zone freed is kept, and no
string enters the vocabulary. spaCy keeps a chunk only where no
special case took part in splitting it, so a kept chunk gives the tokens it
gave before (tests/test_speedups_tokens.py compares every token of a corpus).
"""

from __future__ import annotations

from collections import Counter
from contextlib import contextmanager

#: Times a chunk must come back in one zone to be kept: a name met once is no word worth keeping.
SEEN = 2
#: Chunks kept at most, over a process's life: the tokenizer's cache, and the lexemes made for it,
#: stay bounded whatever is read (a few MB at the most).
KEPT_MAX = 20_000


def swap_in(nlp) -> bool:
    """Count the chunks of the texts ``nlp`` tokenizes inside its memory zones, and keep the common
    ones in its tokenizer's cache as each zone closes; False where it has no memory zones to span."""
    if not hasattr(nlp, "memory_zone") or isinstance(nlp.tokenizer, ChunkKeeper):
        return False
    keeper = ChunkKeeper(nlp.tokenizer)
    zone = nlp.memory_zone
    nlp.tokenizer = keeper

    @contextmanager
    def memory_zone(mem=None):
        keeper.counts = Counter()
        try:
            with zone(mem) as pool:
                yield pool
            keeper.keep()  # outside the zone: what the tokenizer remembers now stays
        finally:
            keeper.counts = None

    nlp.memory_zone = memory_zone
    return True


class ChunkKeeper:
    """Stands for spaCy's tokenizer (``wrapped``); counts each text's chunks while a zone is open."""

    _OWN = frozenset({"wrapped", "counts", "verdicts", "kept"})

    def __init__(self, tokenizer):
        self.wrapped = tokenizer
        self.counts: Counter | None = None  # the open zone's chunks, None outside a zone
        self.verdicts: dict[str, bool] = {}  # chunk -> kept, or refused (a piece the vocabulary would gain)
        self.kept = 0

    def __call__(self, text: str):
        if self.counts is not None:
            self.counts.update(text.split())
        return self.wrapped(text)

    def pipe(self, texts, batch_size: int = 1000):
        for text in texts:
            yield self(text)

    def keep(self) -> int:
        """Split again, outside any zone, the closed zone's common chunks whose pieces and their
        attributes' strings the vocabulary holds for good: the tokenizer keeps those. How many."""
        verdicts, tokenizer = self.verdicts, self.wrapped
        chunks = [chunk for chunk, n in self.counts.items() if n >= SEEN and chunk not in verdicts]
        chunks = chunks[:KEPT_MAX - self.kept]
        if not chunks:
            return 0
        vocab = tokenizer.vocab
        with vocab.memory_zone():  # a trial: what it adds to the vocabulary goes with it
            strings_of = {chunk: [s for t in tokenizer(chunk) for s in (t.orth, t.lower, t.norm, t.shape, t.prefix,
                                                                        t.suffix)] for chunk in chunks}
        lasting, kept = vocab.strings, 0
        for chunk, strings in strings_of.items():
            verdicts[chunk] = all(s in lasting for s in strings)
            if verdicts[chunk]:
                tokenizer(chunk)
                kept += 1
        self.kept += kept
        if len(verdicts) > 2 * KEPT_MAX:  # the refused forgotten: the memo stays bounded
            self.verdicts = {chunk: True for chunk, verdict in verdicts.items() if verdict}
        return kept

    def __getattr__(self, name: str):
        if name.startswith("__") or name in self._OWN:  # unpickling, copying, or not yet built
            raise AttributeError(name)
        return getattr(self.wrapped, name)

    def __setattr__(self, name: str, value) -> None:
        if name in self._OWN:
            object.__setattr__(self, name, value)
        else:  # the tokenizer's own rules, set through the pipeline (infixes, special cases)
            setattr(self.wrapped, name, value)
