"""The TempEval-3 measure (natoiraq.scoring.timeml) and the written TimeML fixtures it scores."""

import pytest

from natoiraq.facts import DateFact
from natoiraq.parsing.dates.spoken import spoken
from natoiraq.scoring.evaluate import evaluate
from natoiraq.scoring.gold import load_gold
from natoiraq.scoring.timeml import TimemlScores, add, has_kinds
from tests.conftest import GOLD
from tests.handmade import document
from tests.test_terminal import render


def _fact(start, end, value, kind="date"):
    return {"text": "x", "start": start, "end": end, "value": value, "kind": kind}


@pytest.mark.parametrize("gold, predicted, strict, relaxed, value", [
    ([_fact(0, 5, "2013")], [_fact(0, 5, "2013")], (1, 0, 0), (1, 0, 0), (1, 0, 0)),  # exact, right value
    ([_fact(0, 5, "2013")], [_fact(2, 5, "2013")], (0, 1, 1), (1, 0, 0), (1, 0, 0)),  # overlap: relaxed only
    ([_fact(0, 5, "P3M", "duration")], [_fact(0, 5, "PXM", "duration")], (1, 0, 0), (1, 0, 0), (0, 1, 1)),
    ([_fact(0, 5, "2013")], [], (0, 0, 1), (0, 0, 1), (0, 0, 1)),                      # missed
    ([], [_fact(0, 5, "2013")], (0, 1, 0), (0, 1, 0), (0, 1, 0)),                      # false
])
def test_te3_counts(gold, predicted, strict, relaxed, value):
    scores = TimemlScores()
    add(scores, gold, predicted)
    assert [(c.tp, c.fp, c.fn) for c in (scores.strict, scores.relaxed, scores.value)] == [strict, relaxed, value]


def test_only_gold_with_kinds_is_timeml():
    assert has_kinds([_fact(0, 5, "2013")])
    assert not has_kinds([{"text": "x", "start": 0, "end": 5, "value": "2013"}])


def test_the_timeml_fixtures_cover_every_kind_and_pass(nlp):
    articles = load_gold(GOLD / "timeml.jsonl")
    assert {d["kind"] for a in articles for d in a.facts["dates"]} == {"date", "duration", "set", "time", "reference"}
    te3 = evaluate(articles, nlp).timeml.as_dict()
    assert te3["relaxed_f"] == te3["value_f"] == 1.0
    assert set(te3["value_f_per_kind"].values()) == {1.0}


@pytest.mark.parametrize("value, kind, frequency, text", [
    ("P3M", "duration", None, "three months"), ("PXM", "duration", None, "several months"),
    ("PT1H", "duration", None, "an hour"), ("XXXX-XX-XXTMO", "set", None, "every morning"),
    ("P1D", "set", None, "every day"), ("P1W", "set", "2X", "twice a week"), ("XXXX-WI", "set", None, "every winter"),
    ("2013-03-22TAF", "time", None, "Friday afternoon 2013-03-22"), ("PRESENT_REF", "reference", None, "the present"),
    ("2013-03-22", "date", None, None),
])
def test_values_as_people_write_them(value, kind, frequency, text):
    assert spoken(value, kind, frequency) == text


def test_the_terminal_shows_durations_sets_and_times_as_written():
    facts = document("d1", "2013-03-22")
    facts.dates = [DateFact("for a quarter of a year", 0, 5, "P3M", "month", "duration"),
                   DateFact("each morning", 6, 10, "XXXX-XX-XXTMO", "day", "set"),
                   DateFact("that afternoon", 11, 15, "2013-03-22TAF", "day", "time")]
    shown = render([facts], width=200)
    assert "three months" in shown and "every morning" in shown and "Friday afternoon" in shown
