"""The gold set, the scorer, and the accuracy floor a change must not fall below."""

import json

import pytest

from natoiraq.scoring.evaluate import PRF, evaluate, same_answer, score
from natoiraq.facts import DocumentFacts, ReferenceDate, TroopFigure
from natoiraq.scoring.gold import GoldArticle, GoldError, load_gold, locate
from natoiraq.outputs.timeline import canonical_names, tables_ontology
from tests.conftest import GOLD

# The floor sits at what the extractor reaches (see docs/accuracy.md), less a little for noise
# in the statistical model between spaCy patch releases. attribution.jsonl (issues 11
# and 12) is scored per article in test_articles.py, its known misses marked xfail,
# until the extractor reaches the floor on it too. holdout3, holdout5 and holdout6.jsonl are blind sets, scored in
# docs/accuracy.md and never floored: a floor on them would invite tuning to them. holdout4.jsonl was blind
# until the fourth round read its errors; it stays unfloored, its scores in docs/accuracy.md.
UNFLOORED = ("attribution.jsonl", "holdout3.jsonl", "holdout4.jsonl", "holdout5.jsonl", "holdout6.jsonl")
FLOORED = sorted(p for p in GOLD.glob("*.jsonl") if p.name not in UNFLOORED)
FLOOR = {"troops_f": 0.97, "force": 0.93, "kind": 0.95, "qualifier": 0.98, "status": 0.95,
         "dates_f": 0.97, "date_values": 0.97, "entities_f": 0.94, "canonical": 0.95}


@pytest.fixture(scope="module")
def scores(nlp):
    articles = [a for path in FLOORED for a in load_gold(path)]
    return evaluate(articles, nlp)


def test_gold_set_is_large_enough():
    articles = [a for path in sorted(GOLD.glob("*.jsonl")) for a in load_gold(path)]
    assert len(articles) >= 30
    assert sum(len(a.facts["troops"] or []) for a in articles) >= 80  # a file may annotate dates only
    assert all(a.facts["entities"] for a in load_gold(GOLD / "seeds.jsonl"))


def test_scores_stay_above_the_floor(scores):
    measured = {
        "troops_f": scores.troops.f1, "dates_f": scores.dates.f1, "date_values": scores.date_values.value,
        "entities_f": scores.entities_total.f1, "canonical": scores.canonical.value,
        **{name: acc.value for name, acc in scores.troop_attributes.items() if acc.total},
    }
    below = {k: round(v, 4) for k, v in measured.items() if v < FLOOR.get(k, 0)}
    assert not below, f"below the floor: {below}; run `natoiraq evaluate fixtures/gold/*.jsonl -v`"


def _figure(start, end, low, high=None, **attrs):
    base = dict(text="x" * (end - start), start=start, end=end, value=low, low=low, high=high or low,
                qualifier="exact", unit="troops", force=None, kind="level", status="actual", sentence="")
    return TroopFigure(**{**base, **attrs})


def test_score_counts_hits_misses_and_false_hits():
    gold = GoldArticle("a", "x" * 100, None, {"troops": [
        {"text": "x" * 3, "start": 0, "end": 3, "low": 450, "high": 450, "force": "NATO", "kind": "level"},
        {"text": "x" * 3, "start": 10, "end": 13, "low": 20, "high": 20},
    ], "dates": None, "entities": None})
    predicted = DocumentFacts("a", None, None, ReferenceDate(None, None), troops=[
        _figure(1, 3, 450, force="NATO", kind="increase"),   # overlaps, same bounds: a hit, wrong kind
        _figure(10, 13, 21),                                  # overlaps, other bounds: false and missed
        _figure(50, 52, 7),                                   # nowhere in the gold: false
    ])
    scores = score([(gold, predicted)])
    assert (scores.troops.tp, scores.troops.fp, scores.troops.fn) == (1, 2, 1)
    assert scores.troop_attributes["force"].value == 1.0
    assert scores.troop_attributes["kind"].value == 0.0
    assert {e.error for e in scores.errors} == {"wrong kind", "missed", "false"}


@pytest.mark.parametrize("attribute, gold, predicted, right", [
    ("location", "Timor-Leste", "East Timor", True),       # a country's other name
    ("location", "Côte d'Ivoire", "Ivory Coast", True),
    ("force", "Collective Security Treaty Organization", "CSTO", True),
    ("force", "UN", "United Nations", True),
    ("location", "Lebanon", "Israel", False),
    ("location", "Baltic states", "Estonia", False),       # a region is not one of its countries
    ("location", "Lebanon", None, False),
    ("kind", "level", "increase", False),
    ("status", "Planned", "planned", False),               # only names are read as names
])
def test_names_of_one_actor_or_place_are_one_answer(attribute, gold, predicted, right):
    ontology = tables_ontology()
    assert same_answer(attribute, gold, predicted, lambda n: frozenset(canonical_names(n, ontology))) is right


def test_prf_arithmetic():
    prf = PRF(tp=3, fp=1, fn=2)
    assert (prf.precision, prf.recall) == (0.75, 0.6)
    assert prf.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert PRF().f1 == 0.0


def test_locate_finds_the_nth_occurrence_and_checks_offsets():
    text = "500 troops and 500 more"
    assert locate(text, {"text": "500", "occurrence": 2}, "t")["start"] == 15
    with pytest.raises(GoldError, match="not in the text"):
        locate(text, {"text": "600"}, "t")
    with pytest.raises(GoldError, match="not '500'|is 'tro'"):
        locate(text, {"text": "500", "start": 4, "end": 7}, "t")


def test_load_gold_names_the_bad_line(tmp_path):
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"id": "ok", "text": "NATO has 500 troops.", "troops": []}) + "\n{broken\n")
    with pytest.raises(GoldError, match=r"gold.jsonl:2: malformed JSON"):
        load_gold(path)


def test_dates_score_calendar_dates_apart_from_durations_and_unresolved_ones():
    from natoiraq.facts import DateFact

    gold = GoldArticle("a", "x" * 100, None, {"troops": None, "entities": None, "dates": [
        {"text": "x", "start": 0, "end": 5, "value": "2024-Q1"},
        {"text": "x", "start": 20, "end": 25, "value": "2015-06-23"},
    ]})
    predicted = DocumentFacts("a", None, None, ReferenceDate(None, None), dates=[
        DateFact("x", 0, 3, "P3M", "month", "duration"),      # inside a gold date, but a duration: not its hit
        DateFact("x", 3, 5, "2024-Q1", "quarter", "date"),    # the hit
        DateFact("x", 20, 25, None, "day", "date"),           # a hit with a null value: wrong value
        DateFact("x", 40, 47, None, "day", "date"),           # unresolved, not in the gold: not false
        DateFact("x", 50, 55, "2011", "year", "date"),        # false
        DateFact("x", 60, 65, None, "year", "vague"),         # a stretch of time the gold leaves out
        DateFact("x", 70, 75, "T13:00", "minute", "time"),    # a clock time on no day: no calendar date
        DateFact("x", 80, 85, "2015-06-23TNI", "day", "time"),  # a time on a day: a calendar date, false here
    ])
    scores = score([(gold, predicted)])
    assert (scores.dates.tp, scores.dates.fp, scores.dates.fn) == (2, 2, 0)
    assert (scores.date_values.right, scores.date_values.total) == (1, 2)
    assert scores.unresolved == 1
    assert (scores.spans.tp, scores.spans.fp) == (0, 3)
