"""One row per rule: a short sentence and what the rule decides in it.

Each row is written so that disabling its rule changes the outcome
(``python tests/mutation.py RULE`` checks that); the comment names the rule.
Sentences are invented for the tests, not taken from articles.
"""

import pytest

#: (sentence, figure as written, attribute, value)
ATTRIBUTES = [
    # every way reporting writes a number: dots, lakhs, a scale letter, a comma typed with a space
    ("Israel has mobilised an additional 50.000 reservists.", "50.000", "low", 50000),
    ("India keeps 1.3 lakh soldiers in Ladakh.", "1.3 lakh", "low", 130000),
    ("The army has 12,50,000 soldiers on its rolls.", "12,50,000", "low", 1250000),
    ("The corps has 12.5K soldiers near the border.", "12.5K", "unit", "soldiers"),
    ("Washington sent 4, 500 troops to Kuwait.", "4, 500", "low", 4500),
    # a gapped clause keeps its own name and borrows the noun: each country its own figure
    ("Uganda will send 3,000 soldiers, Burundi 1,500 and Kenya 900.", "1,500", "force", "Burundi"),
    ("Uganda will send 3,000 soldiers, Burundi 1,500 and Kenya 900.", "900", "unit", "soldiers"),
    ("The main contributors sent 2,000 troops: Italy (963) and India (876).", "876", "force", "India"),
    # ... even where the entity model runs the name into the number ("Kenya 1,410" as one organisation)
    ("Rwanda will send 3,000 soldiers, Ghana 1,200, Kenya 1,410, and Chad 900.", "1,410", "force", "Kenya"),
    # what it counts: "a force of 1,000" counts the force
    ("Britain leads a force of 1,000 in Estonia.", "1,000", "unit", "force"),
    ("Ireland has a contingent of 300 in Lebanon.", "300", "unit", "contingent"),
    # what it counts: "deploy 2,000", the noun left out, still counts personnel
    ("The Pentagon will deploy 2,000 to Poland next month.", "2,000", "low", 2000),
    # what it counts: "X-strong" sizes the noun it modifies, not the first noun after it
    ("Britain sent a 5,000-strong peacekeeping force to Kosovo.", "5,000", "unit", "force"),
    ("The 800-strong Irish army contingent returned home.", "800", "unit", "contingent"),
    # force: "a mission in Mali, which has ...": the relative clause is about the mission, not Mali
    ("The UN has a peacekeeping mission in Mali, which has 13,000 troops.", "13,000", "force", "United Nations"),
    # what it counts: nouns that are personnel only with the right modifier (troops.json qualified_personnel)
    ("The U.S. has 2,500 service members in Iraq.", "2,500", "unit", "service members"),
    ("NATO has 300 support staff in Kabul.", "300", "unit", "support staff"),
    ("Germany sent 40 police officers to Mali.", "40", "unit", "police officers"),
    ("Bangladesh sent 200 formed police to Haiti.", "200", "unit", "police"),
    ("The UN deployed 300 international policemen in Kosovo.", "300", "unit", "policemen"),
    ("The U.S. has 2,000 special forces in Syria.", "2,000", "unit", "forces"),
    ("The Pentagon employs 5,000 private contractors in Iraq.", "5,000", "unit", "contractors"),
    ("The army mobilised 10,000 armed men.", "10,000", "unit", "men"),
    ("The U.S. sent 50 special operators to Syria.", "50", "unit", "operators"),
    ("NATO sent 200 military mentors to Afghanistan.", "200", "unit", "mentors"),
    ("Ukraine has 5,000 military recruits at the front.", "5,000", "unit", "recruits"),
    # qualifier: "or fewer" after the number (quantities.json qualifiers_after)
    ("NATO will keep 500 or fewer troops in Iraq.", "500 or fewer", "qualifier", "up_to"),
    # what it counts: "police" and "forces" are personnel when a nationality or country owns them
    ("Kenya will send 1,000 Kenyan police to Haiti.", "1,000", "unit", "police"),
    # kind: "another", "a further" before the number
    ("Britain will send another 1,000 troops to Estonia.", "1,000", "kind", "increase"),
    # what it counts: a bare number sizes a collective noun ("a 100,000 force")
    ("Russia massed a 100,000 force on the border.", "100,000", "unit", "force"),
    # what it counts: a force noun as the subject of a size verb
    ("The force will number 5,000.", "5,000", "unit", "force"),
    # qualifier: words after the number belong to the phrase ("or more", "-odd")
    ("NATO will deploy 3,000 or more troops to Romania.", "3,000 or more", "qualifier", "at_least"),
    ("Canada sent 300-odd soldiers to Latvia.", "300-odd", "qualifier", "approximate"),
    # kind: "by N" under the verb of change the phrase hangs from, past "the number of troops stationed"
    ("The president will cut the number of troops stationed in Germany by 9,500.", "9,500", "kind", "decrease"),
    ("The Pentagon will boost the number of soldiers based in Poland by 1,000.", "1,000", "kind", "increase"),
    # what it counts: "from X to Y" under a verb of change is a before and an after, not a range
    ("The alliance will increase its force from 500 to 700 troops.", "700", "low", 700),
    # kind: personnel that leave are a decrease
    ("About 1,000 U.S. troops will leave the country.", "About 1,000", "kind", "decrease"),
    # status: a verb of planning or wanting governs a planned figure
    ("The Pentagon wants 2,000 troops in Syria.", "2,000", "status", "planned"),
    ("Germany is considering 500 more troops for Lithuania.", "500", "status", "planned"),
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
    # people who are not (or no longer) a force: "former soldiers", "civilian personnel"
    ("The militia recruited 2,000 former soldiers.", "2,000"),
    ("The mission has 20 civilian personnel in Kabul.", "20"),
    # money: a sum of money is not the elided "troops" of the figure before it
    ("The United States has 2,500 troops in Iraq and about 900 in Syria, at a cost of $50 million.", "50 million"),
    # a share or rate ("per", "percent", "%") is not a count
    ("NATO has 4,000 troops in Kosovo, about 12 per battalion.", "about 12"),
    # an elided figure ("and about 900 in Syria") is never a number after a noun or "the"
    ("The U.S. has 2,500 troops in Iraq under Resolution 1546.", "1546"),
    ("The U.S. keeps 2,500 troops in Iraq, according to paragraph 12 of the agreement.", "12"),
    # ... nor "one of"
    ("NATO has 4,000 troops in Iraq, one of its largest missions.", "one"),
    # a date in figures or a year is never a count, though soldiers follow it
    ("VILNIUS, 2022-06-28 More German soldiers arrived in Lithuania.", "2022"),
    ("VILNIUS, 2022-06-28 More German soldiers arrived in Lithuania.", "28"),
    ("The 2,000 troops of the regiment returned home in about 1868.", "about 1868"),
]


@pytest.mark.parametrize("sentence, text, attribute, value", ATTRIBUTES, ids=lambda v: str(v)[:40])
def test_attribute(troop_figures, sentence, text, attribute, value):
    figures = troop_figures(sentence)
    assert text in figures, f"no figure {text!r} in {sorted(figures)}"
    assert getattr(figures[text], attribute) == value


@pytest.mark.parametrize("sentence, text", NOT_FIGURES, ids=lambda v: str(v)[:40])
def test_not_a_figure(troop_figures, sentence, text):
    assert text not in troop_figures(sentence)
