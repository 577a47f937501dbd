"""The five seed articles end to end: the promised troop figures and nothing else,
every date resolved, actors folded to one name."""

from collections import Counter

import pytest

from natoiraq.extract import extract_records
from natoiraq.scoring.gold import load_gold
from natoiraq.reading.inputs import Record
from tests.conftest import GOLD, SEEDS


@pytest.fixture(scope="module")
def seeds(nlp, seed_references):
    records = [Record(id=p.name, text=p.read_text(encoding="utf-8"), date=seed_references[p.name])
               for p in sorted(SEEDS.glob("*.txt"))]
    return {facts.id: (record.text, facts) for record, facts in zip(records, extract_records(records, nlp))}


def test_troop_figures_are_exactly_the_promised_ones(seeds):
    got = Counter((t.low, t.high) for _, facts in seeds.values() for t in facts.troops)
    assert got == Counter({(20, 20): 1, (200, 200): 1, (450, 450): 1, (500, 500): 2, (3100, 3100): 1,
                           (11000, 11000): 1, (4000, 4000): 1, (4000, 5000): 1})


@pytest.mark.parametrize("article, text, force, kind, qualifier, status", [
    ("000", "450", "United States", "increase", "exact", "actual"),
    ("000", "3,100", "United States", "level", "exact", "actual"),
    ("001", "less than 20", "NATO", "level", "less_than", "actual"),
    ("002", "roughly 500", "NATO", "level", "approximate", "actual"),
    ("002", "roughly 11,000", "coalition", "level", "approximate", "actual"),
    ("003", "up to 200", "NATO", "level", "up_to", "planned"),
    ("004", "more than 4,000", "NATO", "level", "more_than", "planned"),
    ("004", "500", "NATO", "level", "exact", "actual"),
    ("004", "between 4,000 and 5,000", "NATO", "level", "exact", "planned"),
])
def test_each_figure_has_its_force_kind_and_status(seeds, article, text, force, kind, qualifier, status):
    facts = next(f for key, (_, f) in seeds.items() if key.startswith(article))
    figure = next(t for t in facts.troops if t.text == text)
    assert (figure.force, figure.kind, figure.qualifier, figure.status) == (force, kind, qualifier, status)
    assert figure.unit


def test_units_keep_coordinated_nouns(seeds):
    facts = next(f for key, (_, f) in seeds.items() if key.startswith("002"))
    assert facts.troops[0].unit == "trainers, advisers and support staff"


def test_every_date_in_the_seeds_resolves_as_annotated(seeds):
    for article in load_gold(GOLD / "seeds.jsonl"):
        _, facts = seeds[article.id]
        got = {(d.start, d.end): d.value for d in facts.dates}
        want = {(d["start"], d["end"]): d["value"] for d in article.facts["dates"]}
        assert got == want, article.id


def test_evidence_offsets_index_the_text(seeds):
    for text, facts in seeds.values():
        for fact in [*facts.entities, *facts.dates, *facts.troops]:
            assert text[fact.start:fact.end] == fact.text
        for figure in facts.troops:
            assert figure.text in figure.sentence and figure.sentence in text


def test_aliases_fold_to_one_actor(seeds):
    canon = {(e.text, e.canonical) for _, facts in seeds.values() for e in facts.entities}
    for written, canonical in [("Nato", "NATO"), ("the alliance", "NATO"), ("the Atlantic alliance", "NATO"),
                               ("the North Atlantic Treaty Organization", "NATO"), ("ISIS", "Islamic State"),
                               ("U.S.", "United States"), ("US", "United States"), ("the US", "United States"),
                               ("Washington", "United States"), ("the U.S.-led coalition", "coalition"),
                               ("ISF", "Iraqi Security Forces"), ("Lute", "Douglas Lute"),
                               ("NAC", "North Atlantic Council"), ("Holland", "Netherlands")]:
        assert (written, canonical) in canon, written


def test_non_troop_numbers_are_left_alone(seeds):
    texts = {t.text for _, facts in seeds.values() for t in facts.troops}
    for number in ("34", "50,000", "1546", "88", "five", "four", "2014"):
        assert not any(number == t or t.endswith(" " + number) for t in texts)
    dates = {d.text for _, facts in seeds.values() for d in facts.dates}
    assert "1546" not in dates and not any("Covid" in d for d in dates)
