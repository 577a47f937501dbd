"""Figures listed one a line beside a troop figure: its breakdown by place."""

TWEET = """New figures for the forward presence, by battlegroup:
BG \U0001F1F1\U0001F1F9: 1632
BG \U0001F1F5\U0001F1F1: 1033
BG \U0001F1F7\U0001F1F4: 1148
3813 NATO troops in 3 battlegroups"""

BOX = """Contributions to the mission
Germany: 850
France: 640
Fuel: 400 tonnes"""


def test_a_list_beside_a_troop_figure_is_its_breakdown_by_place(troop_figures):
    figures = troop_figures(TWEET)
    assert {k: (t.force, t.location, t.kind) for k, t in figures.items() if k != "3813"} == {
        "1632": ("NATO", "Lithuania", "level"), "1033": ("NATO", "Poland", "level"),
        "1148": ("NATO", "Romania", "level")}


def test_a_list_with_no_troop_figure_near_is_not_one(nlp):
    assert nlp(BOX)._.natoiraq.troops == []
