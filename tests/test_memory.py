"""Extraction in memory zones: a run keeps no vocabulary from its texts, and gives the same facts."""

import json
import random
import string

from natoiraq.extract import ExtractOptions, extract_records
from natoiraq.run.batches import in_process, in_window
from natoiraq.reading.inputs import Record
from tests.conftest import GOLD


def _records_with_new_words(n: int, seed: int = 3) -> list[Record]:
    rng = random.Random(seed)
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
    options = ExtractOptions(batch_size=4)
    before = len(nlp.vocab.strings)
    zoned = [f.to_dict() for f in extract_records(records, nlp, batch_size=4)]
    assert coined not in nlp.vocab.strings
    assert len(nlp.vocab.strings) == before
    unzoned = [o.facts.to_dict() for o in in_window(records, nlp, options)]  # outcomes, every one a success
    assert coined in nlp.vocab.strings  # what the zones spared the vocabulary
    assert zoned == unzoned
    assert any(t["low"] == 300 for doc in zoned for t in doc["troops"])


def test_small_windows_give_the_same_facts_as_large(nlp):
    records = _records_with_new_words(9)
    options = ExtractOptions(batch_size=4)
    small = [o.facts.to_dict() for o in in_process(records, nlp, options, window=2)]
    large = [o.facts.to_dict() for o in in_process(records, nlp, options, window=100)]
    assert small == large and len(small) == 9


def test_a_workers_zone_spans_batches_and_is_renewed_between_them(nlp, monkeypatch):
    """A worker keeps one zone across its batches (a zone a batch remakes every word), and frees what a
    window of records added only once no batch is running."""
    from natoiraq.run import batches
    from natoiraq.run.batches import WorkerZone

    monkeypatch.setattr(batches, "MEMORY_WINDOW", 4)
    records = _records_with_new_words(8, seed=8)  # words no other test has left in the vocabulary
    coined = [r.text.split()[-12] for r in records]
    options = ExtractOptions(batch_size=4)
    zone = WorkerZone()
    first = zone.run(records[:2], nlp, options)
    second = zone.run(records[2:4], nlp, options)
    assert coined[0] in nlp.vocab.strings  # kept for the next batch: the zone is still open
    inner, kept, real = [], [], batches.in_window

    def with_another_batch_alongside(batch, nlp, o):  # as a second thread would run one
        monkeypatch.setattr(batches, "in_window", real)
        mine = list(real(batch[:1], nlp, o))
        inner.extend(zone.run(batch[1:], nlp, o))  # the window is full, but this batch is running
        kept.append(coined[4] in nlp.vocab.strings)
        return mine

    monkeypatch.setattr(batches, "in_window", with_another_batch_alongside)
    zone.run(records[4:8], nlp, options)  # the window is full: renewed before this batch ...
    assert coined[0] not in nlp.vocab.strings
    assert len(inner) == 3 and kept == [True]  # ... and not while it runs
    zone.close()
    assert coined[4] not in nlp.vocab.strings
    expected = [o.facts.to_dict() for o in in_process(records[:4], nlp, options)]
    assert [o.facts.to_dict() for o in first + second] == expected
