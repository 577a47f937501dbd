"""Which way a yearless or weekless date points (issue 25): one row per rule of
``natoiraq.pipeline.dates.direction.RULES``, each checked to fail with its rule taken out."""

from datetime import date

import pytest

from natoiraq.pipeline.dates import direction
from tests.dates_support import found

MAR_12_2015, JUN_12_2015, TUE_2015_03_10 = date(2015, 3, 12), date(2015, 6, 12), date(2015, 3, 10)
OCT_07_2015, MON_2015_03_09 = date(2015, 10, 7), date(2015, 3, 9)

# (rule, sentence, reference, date text, value with the rule)
ROWS = [
    ("since", "Two battalions patrol the border since Friday.", TUE_2015_03_10, "Friday", "2015-03-06"),
    ("goal", "The senator wanted the soldiers home by Jan. 31.", OCT_07_2015, "Jan. 31", "2016-01-31"),
    ("goal", "The government had set a May 1 deadline for the withdrawal.", MAR_12_2015, "May 1", "2015-05-01"),
    ("goal", '"We will have the base and all personnel moved no later than June 30," the colonel said.', MAR_12_2015,
     "June 30", "2015-06-30"),
    ("goal", "The council extended the mission's mandate until April 30.", MAR_12_2015, "April 30", "2015-04-30"),
    ("plan", "The remaining units are planned for Nov. 1.", MAR_12_2015, "Nov. 1", "2015-11-01"),
    ("plan", "A second rotation is scheduled for October.", MAR_12_2015, "October", "2015-10"),
    ("verb_before", "The minister said on Thursday troops will leave.", TUE_2015_03_10, "Thursday", "2015-03-05"),
    ("clause", "In October the first company arrived.", JUN_12_2015, "October", "2014-10"),
    ("clause", "The first troops are arriving in Estonia on Friday.", MON_2015_03_09, "Friday", "2015-03-13"),
    ("above", "The first troops started arriving on Thursday.", TUE_2015_03_10, "Thursday", "2015-03-05"),
    ("above", "The battalion began withdrawing in October.", JUN_12_2015, "October", "2014-10"),
    ("above", "Starting Monday, 500 soldiers will patrol the border.", TUE_2015_03_10, "Monday", "2015-03-16"),
    ("above", "Troops will patrol the border beginning Monday.", TUE_2015_03_10, "Monday", "2015-03-16"),
    ("above", "The attack on Thursday prompted the alliance to send more troops.", TUE_2015_03_10, "Thursday",
     "2015-03-05"),
    ("sequence", "The decision comes two weeks after the attack on Thursday.", TUE_2015_03_10, "Thursday",
     "2015-03-05"),  # past the date's own preposition
    ("sequence", "The alliance sent 300 more troops in the wake of Thursday's attack.", TUE_2015_03_10, "Thursday",
     "2015-03-05"),
]


def _value(nlp, sentence, reference, text):
    return next(v for t, v, _ in found(nlp, sentence, reference) if t == text)


@pytest.mark.parametrize("rule, sentence, reference, text, value", ROWS)
def test_each_direction_rule_places_its_date(nlp, rule, sentence, reference, text, value):
    assert _value(nlp, sentence, reference, text) == value


@pytest.mark.parametrize("rule, sentence, reference, text, value", ROWS)
def test_without_its_rule_the_date_points_elsewhere(nlp, monkeypatch, rule, sentence, reference, text, value):
    monkeypatch.setattr(direction, "RULES", {k: v for k, v in direction.RULES.items() if k != rule})
    assert _value(nlp, sentence, reference, text) != value


def test_an_old_plan_keeps_its_past(nlp):
    assert _value(nlp, "The vote was scheduled for October.", MAR_12_2015, "October") == "2014-10"


def test_a_participle_after_being_has_no_past(nlp):
    # "being withdrawn" is not "withdrawn": the nearest October, not last year's
    sentence = "Ministers discussed the troops being withdrawn in October."
    assert _value(nlp, sentence, JUN_12_2015, "October") == "2015-10"


def test_the_present_of_a_relation_does_not_look_ahead(nlp):
    # "follows" relates the news to an earlier event: the nearest May, not next year's as "meet in May" would be
    assert _value(nlp, "The deployment follows a visit by the minister in May.", JUN_12_2015, "May") == "2015-05"
