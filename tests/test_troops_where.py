"""Where the personnel are, or go; for a withdrawal, where they leave. One row per rule."""

import pytest

#: (text, figure as written, location)
ROWS = [
    # the figure's own phrase
    ("The United States keeps about 900 troops in Syria.", "about 900", "Syria"),
    ("There are 320 Irish peacekeepers serving in Liberia, and 200 in Kosovo.", "200", "Kosovo"),
    # the clause: a deployment's destination
    ("Britain will deploy 250 troops to Mali next year.", "250", "Mali"),
    # the clause: a withdrawal is located where the troops leave
    ("Washington will withdraw 2,000 troops from Syria by April.", "2,000", "Syria"),
    ("The Pentagon plans to relocate 1,000 troops from northeastern Syria to Iraq.", "1,000", "Syria"),
    # a departure with a destination is a deployment there
    ("Two hundred Kenyan police officers left Nairobi on Monday for Haiti.", "Two hundred", "Haiti"),
    # places in a country, regions and a country's own soil
    ("About 19,000 Marines are stationed on Okinawa.", "About 19,000", "Japan"),
    ("NATO has 40,000 troops on its eastern flank.", "40,000", "Eastern Europe"),
    ("Japan pays to host the 54,000 American troops stationed on its soil.", "54,000", "Japan"),
    # a nationality is whose, never where
    ("The ministry announced a German brigade of about 4,800 troops.", "about 4,800", None),
    # a mission's theatre when the text names no place
    ("UNIFIL has 10,000 peacekeepers drawn from 46 countries.", "10,000", "Lebanon"),
]

#: (text, figure, location): the paragraph or the article decides
DISCOURSE = [
    # "the region" refers back to the region named last as a place, "the country" to the country
    ("Britain keeps troops in the Sahel region. Its engineers arrived in Mali on Monday, and 100 more personnel "
     "will serve in the same region.", "100", "Sahel"),
    ("Germany sent a brigade to Lithuania last year. Some 1,000 German soldiers are already deployed in the "
     "country.", "Some 1,000", "Lithuania"),
    ("Irish peacekeepers arrive in Lebanon\n\nDUBLIN - A contingent of 340 Irish soldiers flew out on Monday "
     "after six months of training, the Defence Forces said in a statement.", "340", "Lebanon"),
]


@pytest.mark.parametrize("text, figure, location", ROWS + DISCOURSE, ids=lambda v: str(v)[:40])
def test_location(troop_figures, text, figure, location):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert figures[figure].location == location
