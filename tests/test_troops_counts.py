"""What a number counts, and what it is not: one row per rule."""

import pytest

#: (text, figure as written, the end of its unit; None for a noun left out)
FIGURES = [
    ("The UNIFIL strength has been expanded from 2,000 to 7,000.", "2,000", "strength"),
    ("Over 120 members of the Defence Forces left for Beirut.", "Over 120", "members"),
    ("An advance party of 31 left last week.", "31", "party"),
    ("It comprised 1,227 troops, 35 civilian police and 139 civilian staff.", "35", "police"),
    ("The ceiling includes 480 military observers.", "480", "observers"),
    ("The cut leaves the mission with about 1,000 personnel. Another 300 will leave in May.", "300", None),
    ("The force from about 5,200 to 3,000 troops in September.", "about 5,200", "troops"),
]

#: (text, number as written): numbers that are no troop figure
NOT_FIGURES = [
    ("An attack left 24 soldiers dead and five missing.", "24"),
    ("The Pentagon sent 24 F-16 fighters to Saudi Arabia.", "24"),
    ("We will bring every last one of our soldiers home.", "one"),
    ("Islamic State has some 10,000 fighters in prison camps.", "some 10,000"),
    ("The mission evacuated 360 out of 927 civilian personnel.", "360"),
    ("The number of Russia's battalion tactical groups rose from 60 to 83.", "60"),
    ("The mission has 43 corrections officers.", "43"),
]


@pytest.mark.parametrize("text, figure, unit", FIGURES, ids=lambda v: str(v)[:40])
def test_counted(troop_figures, text, figure, unit):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert (figures[figure].unit or "").endswith(unit or "")


@pytest.mark.parametrize("text, number", NOT_FIGURES, ids=lambda v: str(v)[:40])
def test_not_counted(troop_figures, text, number):
    assert number not in troop_figures(text)
