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
    # hosting is a size unless the text says it is a capacity; a breakaway place is only a place
    ("Japan hosts 54,000 U.S. troops.", "54,000", "troops"),
    ("Russia keeps 1,500 troops in the breakaway region.", "1,500", "troops"),
    # a "from" the parse hangs on a noun in between still sizes the change further up
    ("Ghana has increased the number of its troops supporting the national army against insurgents "
     "from 300 to 1,100 in recent weeks.", "300", "troops"),
    # people of any kind, in a clause that speaks of a force
    ("Some 4,000 Belarusians are stationed along the frontier.", "Some 4,000", "Belarusians"),
    ("Troops on the ground now include 310 Ghanaians and 150 Kenyans.", "150", "Kenyans"),
    ("Up to 900 people deployed to the islands last month.", "Up to 900", "people"),
    ("Officials counted some 2,000 people deployed to the border.", "some 2,000", "people"),
    ("The rapid reaction force of 5,000 people is ready.", "5,000", "people"),
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
    # capacities, flows and visits, shortfalls, separatist armies (conventions)
    ("The new base is capable of hosting up to 12,000 troops.", "up to 12,000"),
    ("The barracks can accommodate 4,000 soldiers.", "4,000"),
    ("The airfield has room for 3,000 troops.", "3,000"),
    ("About 20,000 troops rotate through the base every year.", "About 20,000"),
    ("That excludes some 7,000 sailors expected to visit the port each year.", "some 7,000"),
    ("The surge falls at least 6,500 troops short of what the generals asked for.", "at least 6,500"),
    ("The army faces a shortfall of 2,000 soldiers.", "2,000"),
    ("The separatist army numbers 20,000 soldiers.", "20,000"),
    ("The breakaway republic's army of 15,000 men guards the line.", "15,000"),
    # people of any kind, where nothing says they are a force's
    ("Some 40,000 Syrians fled across the border.", "Some 40,000"),
    ("About 3,000 Americans live in the city.", "About 3,000"),
    ("The government will send 300 people to help with the harvest.", "300"),
    ("There are 500 people in the camp.", "500"),
]

#: (text, figure as written, force): a nationality in the plural is its country's personnel
NATIONALS = [
    ("Some 4,000 Belarusians are stationed along the frontier.", "Some 4,000", "Belarus"),
    ("Troops on the ground now include 310 Ghanaians and 150 Kenyans.", "310", "Ghana"),
    ("Troops on the ground now include 310 Ghanaians and 150 Kenyans.", "150", "Kenya"),
]


@pytest.mark.parametrize("text, figure, unit", FIGURES, ids=lambda v: str(v)[:40])
def test_counted(troop_figures, text, figure, unit):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert (figures[figure].unit or "").endswith(unit or "")


@pytest.mark.parametrize("text, number", NOT_FIGURES, ids=lambda v: str(v)[:40])
def test_not_counted(troop_figures, text, number):
    assert number not in troop_figures(text)


@pytest.mark.parametrize("text, figure, force", NATIONALS, ids=lambda v: str(v)[:40])
def test_nationals_are_their_countrys(troop_figures, text, figure, force):
    assert troop_figures(text)[figure].force == force
