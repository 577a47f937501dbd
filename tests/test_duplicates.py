"""The near-duplicate index: datasketch's MinHash, banded into a table of a few hundred bytes an article.

The behaviour on articles (a syndicated copy is found, the gold corpus has no
false copies) is in tests/test_formats.py; these tests hold the index to its
own promises: the reference signatures, the threshold, memory, growth.
"""

import tracemalloc
import zlib

import numpy as np
import pytest
from datasketch import MinHash

from natoiraq.reading.duplicates import NEAR_THRESHOLD, PERMUTATIONS, Duplicates, NearIndex, signature


def shingles(words: list[str]) -> frozenset[int]:
    return frozenset(zlib.crc32(word.encode()) for word in words)


def pair(similarity: float, trial: int, size: int = 400) -> tuple[frozenset[int], frozenset[int]]:
    """Two shingle sets of ``size`` each whose Jaccard similarity is ``similarity``."""
    shared = round(2 * similarity * size / (1 + similarity))
    common = [f"{trial}-{n}" for n in range(shared)]
    return (shingles(common + [f"{trial}-a{n}" for n in range(size - shared)]),
            shingles(common + [f"{trial}-b{n}" for n in range(size - shared)]))


@pytest.mark.parametrize("words", [
    ["nato"],
    [f"w{n}" for n in range(3)],
    [f"trainers in iraq {n}" for n in range(500)],
    [str(n) for n in range(5000)],
])
def test_a_signature_is_datasketchs_minhash_of_the_same_shingles(words):
    reference = MinHash(num_perm=PERMUTATIONS, hashfunc=lambda value: value)
    reference.update_batch(shingles(words))
    assert np.array_equal(signature(shingles(words)), reference.hashvalues)


def found(similarity: float, trials: int = 100) -> float:
    hits = 0
    for trial in range(trials):
        earlier, later = pair(similarity, trial)
        index = NearIndex()
        index.add(signature(earlier))
        hits += index.first_match(signature(later)) == 0
    return hits / trials


@pytest.mark.parametrize("similarity, least, most", [
    (0.95, 1.0, 1.0),   # a copy with a new headline and footer
    (0.9, 0.98, 1.0),
    (0.7, 0.0, 0.02),   # a rewrite of the same wire story: another article
    (0.5, 0.0, 0.0),
])
def test_copies_above_the_threshold_are_found_and_texts_below_it_are_not(similarity, least, most):
    assert NEAR_THRESHOLD == 0.8
    assert least <= found(similarity) <= most


def test_the_earliest_of_several_matching_articles_is_the_original():
    earlier, later = pair(0.95, 0)
    index = NearIndex()
    unrelated = [index.add(signature(pair(0.5, trial)[0])) for trial in range(1, 4)]
    first, second = index.add(signature(earlier)), index.add(signature(earlier))
    assert (unrelated, first, second) == ([0, 1, 2], 3, 4)
    assert index.first_match(signature(later)) == 3


def test_the_table_grows_without_forgetting_an_article():
    index = NearIndex(capacity=16)
    sketches = [signature(shingles([f"{article}-{n}" for n in range(60)])) for article in range(300)]
    for sketch in sketches:
        index.add(sketch)
    assert len(index) == 300
    assert [index.first_match(sketch) for sketch in sketches] == list(range(300))


def test_an_archive_costs_a_few_hundred_bytes_an_article():
    """A dict of sets per band, as datasketch's MinHashLSH keeps, costs about 4 KB an article."""
    articles = 20_000
    sketches = [signature(shingles([f"{article}-{n}" for n in range(60)])) for article in range(articles)]
    tracemalloc.start()
    try:
        index = NearIndex()
        for sketch in sketches:
            index.add(sketch)
        held, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert len(index) == articles
    assert held / articles < 500, held / articles


def test_a_large_run_finds_a_copy_from_long_before():
    """Past the exact comparisons, the index answers for every article it was given, the first included."""
    texts = [" ".join(f"w{n}x{i}" for i in range(80)) for n in range(300)]
    seen = Duplicates(exact_up_to=10)
    assert all(seen.original(str(n), text) is None for n, text in enumerate(texts))
    assert seen.original("copy of 0", "Reuters " + texts[0] + " all rights reserved") == ("0", "near")
    assert seen.original("copy of 299", texts[299].replace("w299x40", "changed")) == ("299", "near")


def test_the_chance_agreement_of_8_bit_values_is_taken_out_of_the_estimate():
    """Half the values agree: an estimate of 0.498 once the 1-in-256 chance matches are taken out, not 0.5."""
    earlier = np.arange(1, PERMUTATIONS + 1, dtype=np.uint32) * np.uint32(1_000_003)
    later = earlier.copy()
    later[PERMUTATIONS // 2:] += np.uint32(1)  # the last 64 values differ, their low 8 bits too; the first bands agree
    index = NearIndex(threshold=0.5)
    index.add(earlier)
    assert index.first_match(later) is None
    lower = NearIndex(threshold=0.49)
    lower.add(earlier)
    assert lower.first_match(later) == 0
