"""Extraction in memory zones: a run keeps no vocabulary from its texts, and gives the same facts."""

import json
import random
import string

from natoiraq.extract import _in_window, extract_records
from natoiraq.reading.inputs import Record
from tests.conftest import GOLD


def _records_with_new_words(n: int) -> list[Record]:
    rng = random.Random(3)
    articles = [json.loads(line) for line in (GOLD / "articles.jsonl").read_text().splitlines()]
    records = []
    for i in range(n):
        article = articles[i % len(articles)]
        coined = " ".join("".join(rng.choices(string.ascii_lowercase, k=9)).capitalize() for _ in range(5))
        records.append(Record(id=str(i), text=f"{article['text']}\n\n{coined} said 300 soldiers of the "
                                                f"{coined.split()[0]} Brigade left on Monday.", date=article["date"]))
    return records


def test_a_run_keeps_no_new_strings_and_the_facts_are_unchanged(nlp):
    records = _records_with_new_words(12)
    coined = records[0].text.split()[-12]
    options = {"reference_date": None, "batch_size": 4, "chunk_chars": 100_000}
    before = len(nlp.vocab.strings)
    zoned = [f.to_dict() for f in extract_records(records, nlp, batch_size=4)]
    assert coined not in nlp.vocab.strings
    assert len(nlp.vocab.strings) == before
    unzoned = [o.facts.to_dict() for o in _in_window(records, nlp, **options)]  # outcomes, every one a success
    assert coined in nlp.vocab.strings  # what the zones spared the vocabulary
    assert zoned == unzoned
    assert any(t["low"] == 300 for doc in zoned for t in doc["troops"])


def test_small_windows_give_the_same_facts_as_large(nlp):
    from natoiraq.extract import _in_process

    records = _records_with_new_words(9)
    options = {"reference_date": None, "batch_size": 4, "chunk_chars": 100_000}
    small = [o.facts.to_dict() for o in _in_process(records, nlp, window=2, **options)]
    large = [o.facts.to_dict() for o in _in_process(records, nlp, window=100, **options)]
    assert small == large and len(small) == 9
