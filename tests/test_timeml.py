"""The TempEval-3 measure (natoiraq.scoring.timeml) and the written TimeML fixtures it scores."""

import pytest

from natoiraq.scoring.evaluate import evaluate
from natoiraq.scoring.gold import load_gold
from natoiraq.scoring.timeml import TimemlScores, add, has_kinds
from tests.conftest import GOLD


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
