"""One row per rule: a short sentence and what the rule decides in it.

Each row is written so that disabling its rule changes the outcome
(``python tests/mutation.py RULE`` checks that); the comment names the rule.
Sentences are invented for the tests, not taken from articles.
"""

import pytest

#: (sentence, figure as written, attribute, value)
ATTRIBUTES = [
    # what it counts: "a force of 1,000" counts the force
    ("Britain leads a force of 1,000 in Estonia.", "1,000", "unit", "force"),
    ("Ireland has a contingent of 300 in Lebanon.", "300", "unit", "contingent"),
    # what it counts: "X-strong" sizes the noun it modifies, not the first noun after it
    ("Britain sent a 5,000-strong peacekeeping force to Kosovo.", "5,000", "unit", "force"),
    ("The 800-strong Irish army contingent returned home.", "800", "unit", "contingent"),
    # force: "a mission in Mali, which has ...": the relative clause is about the mission, not Mali
    ("The UN has a peacekeeping mission in Mali, which has 13,000 troops.", "13,000", "force", "United Nations"),
    # kind: "add" with the figure as its object is an increase
    ("The Pentagon will add 1,000 troops to the mission in Kuwait.", "1,000", "kind", "increase"),
    ("Britain added 500 soldiers to its force in Estonia last year.", "500", "kind", "increase"),
    # kind: "additional", "extra", ... modifying the personnel noun, away from the number
    ("The additional troops will number 3,000.", "3,000", "kind", "increase"),
    ("Additional troops numbering about 2,000 will arrive in June.", "about 2,000", "kind", "increase"),
    # status: a plan noun above the number ("the plan for", "options for") makes it planned
    ("The plan for 5,000 troops was approved by ministers.", "5,000", "status", "planned"),
    ("The target of 40,000 troops was met last year.", "40,000", "status", "planned"),
    ("The Pentagon outlined options for 10,000 troops in Syria.", "10,000", "status", "planned"),
]

#: (sentence, number as written): numbers that are no troop figure
NOT_FIGURES = [
    # money: a sum of money is not the elided "troops" of the figure before it
    ("The United States has 2,500 troops in Iraq and about 900 in Syria, at a cost of $50 million.", "50 million"),
    # a share or rate ("per", "percent", "%") is not a count
    ("NATO has 4,000 troops in Kosovo, about 12 per battalion.", "about 12"),
]


def _figures(nlp, sentence):
    return {t.text: t for t in nlp(sentence)._.natoiraq.troops}


@pytest.mark.parametrize("sentence, text, attribute, value", ATTRIBUTES, ids=lambda v: str(v)[:40])
def test_attribute(nlp, sentence, text, attribute, value):
    figures = _figures(nlp, sentence)
    assert text in figures, f"no figure {text!r} in {sorted(figures)}"
    assert getattr(figures[text], attribute) == value


@pytest.mark.parametrize("sentence, text", NOT_FIGURES, ids=lambda v: str(v)[:40])
def test_not_a_figure(nlp, sentence, text):
    figures = _figures(nlp, sentence)
    assert text not in figures
    assert figures, "the sentence's real figures must still be found"
