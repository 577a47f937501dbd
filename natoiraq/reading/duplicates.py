"""The same article twice: saved twice, or one wire story syndicated by several sites.

Exact copies are found by their normalised text (Unicode NFKC, case folded,
punctuation and spacing ignored). Near copies, the same body under another
headline, byline or footer, are found with datasketch's MinHash LSH over
word 3-shingles: a text is a near copy of an earlier one when their estimated
Jaccard similarity is at least :data:`NEAR_THRESHOLD` (0.8). Two reports of the
same event written separately share far less than that; a syndicated copy
with its own headline and footer shares more. Texts shorter than
:data:`NEAR_MIN_WORDS` words are matched exactly only: in a two-line brief a
changed figure is a different fact, not furniture.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

NEAR_THRESHOLD = 0.8
NEAR_MIN_WORDS = 50
SHINGLE_WORDS = 3
PERMUTATIONS = 128
_WORD = re.compile(r"\w+")


class Duplicates:
    """Remembers the texts seen in a run and tells, for each new one, which earlier text it copies."""

    def __init__(self, threshold: float = NEAR_THRESHOLD):
        self.threshold = threshold
        self._exact: dict[bytes, str] = {}
        self._signatures: dict[int, tuple[str, object]] = {}  # LSH key -> (document id, its MinHash)
        self._lsh = None

    def original(self, doc_id: str, text: str) -> tuple[str, str] | None:
        """(id of the earlier copy, "exact" or "near") for a copy; None, and ``text`` remembered, for a new text."""
        words = _WORD.findall(unicodedata.normalize("NFKC", text).casefold())
        digest = hashlib.blake2b(" ".join(words).encode("utf-8", "surrogatepass"), digest_size=16).digest()
        if digest in self._exact:
            return self._exact[digest], "exact"
        self._exact[digest] = doc_id
        if len(words) < NEAR_MIN_WORDS:
            return None
        signature = self._signature(words)
        best = None
        for key in self._index().query(signature):
            earlier, other = self._signatures[key]
            similarity = signature.jaccard(other)
            if similarity >= self.threshold and (best is None or key < best[0]):
                best = (key, earlier)  # the first of several copies is the original
        if best is not None:
            return best[1], "near"
        key = len(self._signatures)
        self._signatures[key] = (doc_id, signature)
        self._index().insert(key, signature)
        return None

    def _index(self):
        if self._lsh is None:
            from datasketch import MinHashLSH  # only runs with long texts need it

            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=PERMUTATIONS)
        return self._lsh

    @staticmethod
    def _signature(words: list[str]):
        from datasketch import MinHash

        signature = MinHash(num_perm=PERMUTATIONS)
        signature.update_batch([" ".join(words[i: i + SHINGLE_WORDS]).encode("utf-8", "surrogatepass")
                                for i in range(len(words) - SHINGLE_WORDS + 1)])
        return signature
