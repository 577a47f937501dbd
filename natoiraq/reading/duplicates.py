"""The same article twice: saved twice, or one wire story syndicated by several sites.

Exact copies are found by their normalised text (Unicode NFKC, case folded,
punctuation and spacing ignored). Near copies, the same body under another
headline, byline or footer, are texts whose word 3-shingles overlap an earlier
text's with a Jaccard similarity of at least :data:`NEAR_THRESHOLD` (0.8).
Two reports of the same event written separately share far less than that;
a syndicated copy with its own headline and footer shares more. Texts shorter
than :data:`NEAR_MIN_WORDS` words are matched exactly only: in a two-line
brief a changed figure is a different fact, not furniture.

The first :data:`EXACT_UP_TO` long texts of a run are compared with each other
exactly (set intersections, microseconds each). Past that, the comparison goes
through a MinHash LSH index (:class:`NearIndex`), which finds the candidates
without comparing against every earlier text: constant time per article
however large the corpus, and a few hundred bytes of memory for each.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

import numpy as np

NEAR_THRESHOLD = 0.8
NEAR_MIN_WORDS = 50
SHINGLE_WORDS = 3
EXACT_UP_TO = 100
_WORD = re.compile(r"\w+")


class Duplicates:
    """Remembers the texts seen in a run and tells, for each new one, which earlier text it copies."""

    def __init__(self, threshold: float = NEAR_THRESHOLD, exact_up_to: int = EXACT_UP_TO):
        self.threshold = threshold
        self.exact_up_to = exact_up_to
        self._exact: dict[bytes, str] = {}
        self._shingled: list[tuple[str, frozenset[int]]] = []  # the long texts, while there are few
        self._index: NearIndex | None = None  # once there are many
        self._ids: list[str] = []  # the index's article numbers -> document ids

    def original(self, doc_id: str, text: str) -> tuple[str, str] | None:
        """(id of the earlier copy, "exact" or "near") for a copy; None, and ``text`` remembered, for a new text."""
        words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
        digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in self._exact:
            return self._exact[digest], "exact"
        self._exact[digest] = doc_id
        if len(words) < NEAR_MIN_WORDS:
            return None
        shingles = frozenset(zlib.crc32(" ".join(words[i: i + SHINGLE_WORDS]).encode("utf-8", "surrogatepass"))
                             for i in range(len(words) - SHINGLE_WORDS + 1))
        if self._index is None and len(self._shingled) < self.exact_up_to:
            size = len(shingles)
            for earlier, other in self._shingled:  # in input order: the first copy is the original
                # |A & B| <= min(|A|, |B|) and |A | B| >= max(|A|, |B|): sizes this far apart cannot reach the
                # threshold, and the union's size follows from the intersection's without building it.
                if min(size, len(other)) < self.threshold * max(size, len(other)):
                    continue
                shared = len(shingles & other)
                if shared >= self.threshold * (size + len(other) - shared):
                    return earlier, "near"
            self._shingled.append((doc_id, shingles))
            return None
        if self._index is None:
            self._index = NearIndex(self.threshold)
            for earlier, other in self._shingled:
                self._index.add(signature(other))
                self._ids.append(earlier)
            self._shingled = []
        sketch = signature(shingles)
        match = self._index.first_match(sketch)
        if match is not None:
            return self._ids[match], "near"
        self._index.add(sketch)
        self._ids.append(doc_id)
        return None


# --- MinHash ----------------------------------------------------------------------------------

#: Hash functions per signature: the estimate of a Jaccard similarity of 0.8 is off by 0.035 on average.
PERMUTATIONS = 128
#: datasketch's "affine32" scheme, so that a signature here is the one its MinHash gives
#: (``MinHash(num_perm=128, seed=1, hashfunc=lambda v: v)``, tested): a MurmurHash3
#: finaliser, then h -> a*h + b modulo 2**32 with odd a.
_SEED = 1
_FMIX32 = (np.uint32(16), np.uint32(0x85EBCA6B), np.uint32(13), np.uint32(0xC2B2AE35), np.uint32(16))
_random = np.random.RandomState(_SEED)
_A = _random.randint(0, 1 << 31, PERMUTATIONS, dtype=np.uint32) * np.uint32(2) + np.uint32(1)
_B = _random.randint(0, 1 << 32, PERMUTATIONS, dtype=np.uint32)
del _random


def fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's finaliser: a bijection on 32-bit values that spreads every input bit over the output."""
    s1, m1, s2, m2, s3 = _FMIX32
    values = values ^ (values >> s1)
    values = values * m1
    values = values ^ (values >> s2)
    values = values * m2
    return values ^ (values >> s3)


def signature(shingles: frozenset[int]) -> np.ndarray:
    """The MinHash of a set of 32-bit shingle hashes: for each of the permutations, the least image."""
    hashed = fmix32(np.fromiter(shingles, dtype=np.uint32, count=len(shingles)))
    return (hashed[:, None] * _A + _B).min(axis=0)


# --- the index --------------------------------------------------------------------------------

#: LSH bands of rows: two texts are compared when all the rows of one band agree. With 16 bands of 8,
#: a copy at the threshold (0.8) is a candidate with probability 0.95, one at 0.85 with 0.994; texts
#: sharing half their shingles are compared 6 times in 100 and then told apart by their signatures.
BANDS, ROWS = 16, 8
#: Each signature value is kept as its low 8 bits for the comparison (b-bit minwise hashing, Li and
#: König 2010): two different minima then agree by chance once in 256, which the estimate takes out.
KEPT_BITS = np.uint8
_CHANCE = 1 / 256
#: The most articles one band's key holds (its bucket). Texts that share most of their words without
#: being copies (a template filled in, a story updated all day) would otherwise pile up in the same
#: buckets and make each article cost as much as all the earlier ones: the usual cap on an LSH bucket.
#: The first ones are kept, so an original, which comes before its copies, stays findable.
BUCKET_CAP = 16
#: Fill of the table before it doubles: linear probing stays at a few probes a lookup up to here.
_MAX_LOAD = 0.75
_BLOCK = 4096  # signatures per array: the store grows without copying what it has
_band_random = np.random.RandomState(_SEED + 1)
_BAND_WEIGHTS = _band_random.randint(0, 1 << 63, (BANDS, ROWS), dtype=np.uint64) | np.uint64(1)
del _band_random


class NearIndex:
    """MinHash LSH in a few arrays, about 350 bytes an article.

    A dict of sets per band, as general-purpose LSH libraries keep, costs about
    4 KB an article: that is what a run over an archive would spend its memory
    on. Here each band of a signature becomes a 32-bit key in one open-addressing
    table (key, article number), and each signature value is kept as its low 8 bits.
    A key that matches by chance costs one comparison of signatures, never a
    wrong answer.
    """

    def __init__(self, threshold: float = NEAR_THRESHOLD, capacity: int = 1 << 12):
        """``capacity``: the table's first size, a power of two (slots are found by masking)."""
        self.threshold = threshold
        self._keys = np.zeros(capacity, dtype=np.uint32)
        self._articles = np.zeros(capacity, dtype=np.uint32)  # article number + 1; 0 is an empty slot
        self._filled = 0
        self._signatures: list[np.ndarray] = []
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def first_match(self, sketch: np.ndarray) -> int | None:
        """The earliest article whose signature estimates a similarity of at least the threshold."""
        kept = sketch.astype(KEPT_BITS)
        # Agreement m of b-bit values estimates J + (1 - J) * chance, so J >= t where m >= t + (1 - t) * chance.
        needed = (self.threshold + (1 - self.threshold) * _CHANCE) * PERMUTATIONS
        for article in sorted(self._candidates(_band_keys(sketch))):
            stored = self._signatures[article // _BLOCK][article % _BLOCK]
            if np.count_nonzero(stored == kept) >= needed:
                return article
        return None

    def add(self, sketch: np.ndarray) -> int:
        """Remember a signature; its article number (0, 1, ... in order of adding)."""
        article = self._count
        if article % _BLOCK == 0:
            self._signatures.append(np.empty((_BLOCK, PERMUTATIONS), dtype=KEPT_BITS))
        self._signatures[-1][article % _BLOCK] = sketch.astype(KEPT_BITS)
        if self._filled + BANDS > _MAX_LOAD * len(self._keys):
            self._grow()
        for key in _band_keys(sketch).tolist():
            self._put(key, article + 1)
        self._count += 1
        return article

    def _candidates(self, keys: np.ndarray) -> set[int]:
        found = set()
        mask = len(self._keys) - 1
        for key in keys.tolist():
            slot = key & mask
            while self._articles[slot]:  # linear probing: a key's entries sit together before an empty slot
                if self._keys[slot] == key:
                    found.add(int(self._articles[slot]) - 1)
                slot = (slot + 1) & mask
        return found

    def _put(self, key: int, value: int) -> None:
        mask = len(self._keys) - 1
        slot = key & mask
        held = 0
        while self._articles[slot]:
            held += self._keys[slot] == key
            if held >= BUCKET_CAP:
                return
            slot = (slot + 1) & mask
        self._keys[slot], self._articles[slot] = key, value
        self._filled += 1

    def _grow(self) -> None:
        filled = self._articles > 0
        keys, articles = self._keys[filled], self._articles[filled]
        self._keys = np.zeros(2 * len(self._keys), dtype=np.uint32)
        self._articles = np.zeros_like(self._keys)
        self._filled = 0
        for key, value in zip(keys.tolist(), articles.tolist()):
            self._put(key, value)


def _band_keys(sketch: np.ndarray) -> np.ndarray:
    """One 32-bit key per band: a weighted sum of its rows (weights differ by band), mixed."""
    rows = sketch[: BANDS * ROWS].reshape(BANDS, ROWS).astype(np.uint64)
    mixed = (rows * _BAND_WEIGHTS).sum(axis=1)  # wraps modulo 2**64, as intended
    return fmix32((mixed ^ (mixed >> np.uint64(32))).astype(np.uint32))
