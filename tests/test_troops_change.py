"""Which way and how sure: kind and status, one row per rule."""

import pytest

#: (text, figure as written, kind, status)
ROWS = [
    # partitive: the part is the change, the whole a level that exists
    ("The U.S. will pull out 2,200 of 5,200 troops from Iraq.", "2,200", "decrease", "planned"),
    ("The U.S. will pull out 2,200 of 5,200 troops from Iraq.", "5,200", "level", "actual"),
    # a reporting verb before the figure is not its verb
    ("The minister said at least 1,000 of the 1,550 troops would be withdrawn.", "at least 1,000", "decrease",
     "planned"),
    # nominal changes
    ("The ministry ordered the pull-out of 150 soldiers from the Golan.", "150", "decrease", "actual"),
    ("Officials proposed a reduction of 2,000 peacekeepers.", "2,000", "decrease", "actual"),
    # "more" after a withdrawal is more of the withdrawal
    ("He will remove 10,000 troops this year, with 23,000 more to be withdrawn later.", "23,000", "decrease",
     "planned"),
    # "fewer"
    ("There will be 2,500 fewer soldiers in the Sahel by December.", "2,500", "decrease", "planned"),
    # relocation with an origin is a decrease; a build-up with only a destination is a level
    ("The Pentagon moved 1,000 troops out of Syria last month.", "1,000", "decrease", "actual"),
    ("Russia has moved 30,000 troops to its western border.", "30,000", "level", "actual"),
    # a departure with a destination is a deployment's size
    ("Two hundred police officers left Nairobi for Haiti on Monday.", "Two hundred", "level", "actual"),
    # "another" with a verb of being somewhere enumerates a further group
    ("Some 600 French airmen are based in Jordan, and another 300 are stationed in the Emirates.", "300",
     "level", "actual"),
    ("An additional 20 advisers will deploy next month.", "20", "increase", "planned"),
    # ceilings are planned
    ("The resolution keeps a troop ceiling of 17,000 troops.", "17,000", "level", "planned"),
    ("The force may grow to up to 4,000 troops.", "up to 4,000", "level", "planned"),
    # a subject with a bare article takes its clause's status; an X-strong unit exists
    ("The 150 Irish troops will form a unit with Finnish soldiers.", "150", "level", "planned"),
    ("The 800-strong British battlegroup will be joined by tanks.", "800", "level", "actual"),
]


@pytest.mark.parametrize("text, figure, kind, status", ROWS, ids=lambda v: str(v)[:40])
def test_kind_and_status(troop_figures, text, figure, kind, status):
    figures = troop_figures(text)
    assert figure in figures, sorted(figures)
    assert (figures[figure].kind, figures[figure].status) == (kind, status)


def test_items_of_a_planned_figures_list_are_planned(nlp):
    text = ("The council set an authorised ceiling of 11,650 military personnel, including 480 military "
            "observers and 2,080 police personnel.")
    figures = {t.text: t.status for t in nlp(text)._.natoiraq.troops}
    assert figures == {"11,650": "planned", "480": "planned", "2,080": "planned"}


def test_a_headline_figure_takes_its_ledes_kind_and_status(nlp):
    text = ("300 more troops for Estonia\n\nA further 300 British troops will be sent to Estonia next "
            "month.")
    figures = [(t.text, t.kind, t.status, t.location) for t in nlp(text)._.natoiraq.troops]
    assert figures[0] == ("300", "increase", "planned", "Estonia")
