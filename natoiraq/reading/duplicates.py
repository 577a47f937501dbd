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
exactly (set intersections, microseconds each). Past that, the comparison
goes through datasketch's MinHash LSH, which finds the candidates without
comparing against every earlier text: constant time per article however large
the corpus. datasketch imports SciPy, about a second, so small runs such as
``natoiraq extract seeds/`` do not pay for it.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib

NEAR_THRESHOLD = 0.8
NEAR_MIN_WORDS = 50
SHINGLE_WORDS = 3
EXACT_UP_TO = 100
PERMUTATIONS = 128
_WORD = re.compile(r"\w+")


class Duplicates:
    """Remembers the texts seen in a run and tells, for each new one, which earlier text it copies."""

    def __init__(self, threshold: float = NEAR_THRESHOLD, exact_up_to: int = EXACT_UP_TO):
        self.threshold = threshold
        self.exact_up_to = exact_up_to
        self._exact: dict[bytes, str] = {}
        self._shingled: list[tuple[str, frozenset[int]]] = []  # the long texts, while there are few
        self._index = None  # the MinHash LSH, once there are many
        self._signed: list[tuple[str, object]] = []  # LSH key (position) -> (document id, its MinHash)
        self._template = None  # the MinHash whose permutations every signature shares

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
            for earlier, other in self._shingled:  # in input order: the first copy is the original
                if len(shingles & other) >= self.threshold * len(shingles | other):
                    return earlier, "near"
            self._shingled.append((doc_id, shingles))
            return None
        return self._through_index(doc_id, shingles)

    def _through_index(self, doc_id: str, shingles: frozenset[int]) -> tuple[str, str] | None:
        if self._index is None:
            from datasketch import MinHashLSH

            self._index = MinHashLSH(threshold=self.threshold, num_perm=PERMUTATIONS)
            for earlier, other in self._shingled:
                self._remember(earlier, self._signature(other))
            self._shingled = []
        signature = self._signature(shingles)
        matches = [key for key in self._index.query(signature)
                   if signature.jaccard(self._signed[key][1]) >= self.threshold]
        if matches:
            return self._signed[min(matches)][0], "near"
        self._remember(doc_id, signature)
        return None

    def _remember(self, doc_id: str, signature) -> None:
        self._index.insert(len(self._signed), signature)
        self._signed.append((doc_id, signature))

    def _signature(self, shingles: frozenset[int]):
        from datasketch import MinHash

        if self._template is None:
            # One set of permutations for every signature: made once, not per article (and not copied per object).
            self._template = MinHash(num_perm=PERMUTATIONS, hashfunc=_already_hashed)
        signature = MinHash(num_perm=PERMUTATIONS, hashfunc=_already_hashed,
                            permutations=self._template.permutations, scheme=self._template.scheme)
        signature.update_batch(shingles)
        return signature


def _already_hashed(value: int) -> int:
    """The shingles are CRC-32 values already (a third of the cost of datasketch's default SHA-1)."""
    return value
