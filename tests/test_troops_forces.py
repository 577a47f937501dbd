"""Whose troops, by the force tables (data/forces.json, aliases.json): missions, services, militants
and ambiguous acronyms read through the whole pipeline.

Each row is a short text written for this test; without its table entry the row fails.
"""

import pytest

#: (text, figure as written, force, mission, location where a mission's theatre gives it);
#: force "absent": no troop figure at all
ROWS = [
    # missions of the UN, regional organisations and states count for their parent, in their theatre
    ("UNMIL has about 15,000 peacekeepers on the ground, a spokesman said.", "about 15,000",
     "United Nations", "UNMIL", "Liberia"),
    ("AMIS will grow to 7,700 troops by the end of the year.", "7,700", "African Union", "AMIS", "Sudan"),
    ("ECOMOG deployed 12,000 soldiers in the capital last month.", "12,000", "ECOWAS", "ECOMOG", None),
    ("SAMIM has 2,000 troops in Cabo Delgado.", "2,000", "SADC", "SAMIM", None),
    ("Chadian troops will not officially join the International Support Mission for Mali, which will consist of more "
     "than 3,000 soldiers pledged by West African nations.", "more than 3,000", "ECOWAS", "MISMA", "Mali"),
    ("IFOR numbered 60,000 troops at its peak.", "60,000", "NATO", "IFOR", "Bosnia and Herzegovina"),
    ("The Peninsula Shield Force sent 1,000 soldiers into Bahrain on Monday.", "1,000", "GCC",
     "Peninsula Shield Force", None),
    ("Operation Shader has 1,000 personnel in the region.", "1,000", "United Kingdom", "Operation Shader", "Iraq"),
    # an acronym the entity model runs into its bracketed expansion is still the mission
    ("BAIDOA, Somalia – The third ATMIS (African Union Transition Mission in Somalia) troop drawdown this year is "
     "underway in the Horn of Africa country.\nThe Somali government said the drawdown will see four thousand "
     "troops withdrawn by June.", "four thousand", "African Union", "ATMIS", None),
    # a national contingent of a mission is its country's, serving with the mission (conventions)
    ("UNIFIL's Irish contingent of 340 will rotate in May.", "340", "Ireland", "UNIFIL", None),
    ("MONUSCO peacekeepers from India, numbering 2,600, guard Goma.", "2,600", "India", "MONUSCO", None),
    ("Of KFOR's 4,500 troops, Italy provides 800.", "800", "Italy", "KFOR", None),
    ("Italy provides 800 of KFOR's 4,500 troops.", "4,500", "NATO", "KFOR", None),
    # ...but a country that modifies the organisation's name says whose allies they are
    ("US allies in Afghanistan have offered some 5,000 troops, NATO said.", "some 5,000", "NATO", None, None),
    # Russia's Africa Corps is Russia's (conventions)
    ("Africa Corps has about 2,000 personnel in Mali, analysts say.", "about 2,000", "Russia", "Africa Corps", None),
    # a private military company's nationals are the company's where the article names it (conventions), not where
    # it names a formation of their state too
    ("Mali to welcome Russian trainers\n\nMali is close to a deal with the Wagner group. About 1,000 Russian "
     "instructors will train its army, Reuters reports.", "About 1,000", "Wagner Group", None, None),
    ("Russia takes over from Wagner\n\nThe Africa Corps has replaced Wagner in Mali. About 1,000 Russian instructors "
     "will train its army, Reuters reports.", "About 1,000", "Russia", None, None),
    # the short names of states, and the gazetteer's own names for them, act for the state
    ("The UAE keeps 1,500 soldiers in Eritrea.", "1,500", "United Arab Emirates", None, None),
    ("Burma moved 20,000 troops into the north.", "20,000", "Myanmar", None, None),
    ("Côte d'Ivoire will contribute 650 troops to the force.", "650", "Ivory Coast", None, None),
    ("Viet Nam has sent 200 peacekeepers to Abyei.", "200", "Vietnam", None, None),
    ("Tbilisi will send 900 soldiers to Afghanistan.", "900", "Georgia", None, None),
    # services and armed forces count for their state
    ("The Royal Australian Navy sent 400 sailors to the Gulf.", "400", "Australia", None, None),
    ("The Vietnam People's Army has 450,000 soldiers.", "450,000", "Vietnam", None, None),
    ("Some 300 Gurkhas will guard the summit.", "Some 300", "United Kingdom", None, None),
    ("The Hellenic Army keeps 1,000 soldiers on Evros.", "1,000", "Greece", None, None),
    ("The IRGC has sent 2,000 personnel to Syria, officials said.", "2,000", "Iran", None, None),
    ("The KPA keeps 10,000 soldiers near the border.", "10,000", "North Korea", None, None),
    ("FARDC deployed 5,000 soldiers to Ituri on Tuesday.", "5,000", "Democratic Republic of Congo", None, None),
    ("The RSF sent 10,000 troops to Yemen in 2016.", "10,000", "Sudan", None, None),
    ("The Soviet Union has 570,000 troops in Eastern Europe.", "570,000", "Soviet Union", None, None),
    ("About 800 Angolan soldiers crossed the border on Friday.", "About 800", "Angola", None, None),
    ("About 300 Kazakhstani peacekeepers serve in the Golan.", "About 300", "Kazakhstan", None, None),
    # a personnel noun that is itself a service's name counts for its state; the common noun does not
    ("SEOUL — It's 4,000 Marines, not 3,000, leaving for Hawaii.", "4,000", "United States", None, None),
    ("Britain sends task force\n\nA British task force has arrived in Freetown. The 500 marines will back up the UN "
     "mission there.", "500", "United Kingdom", None, None),
    # an acronym is read in its article: Japan's Self-Defense Forces, the Syrian Democratic Forces
    ("Japan hosts the drills\n\nTOKYO - The SDF will deploy 500 troops to Okinawa for the drills, the ministry "
     "said.", "500", "Japan", None, None),
    ("Kurdish-led force guards camps\n\nQAMISHLI, Syria - The SDF said 2,000 troops would guard the camp near "
     "Raqqa.", "2,000", "absent", None, None),  # the Syrian Democratic Forces: a de facto army (conventions)
    ("Australia sends help\n\nCANBERRA - The ADF will send 200 personnel to Darwin, the minister said.", "200",
     "Australia", None, None),
    # ...and the Allied Democratic Forces of eastern Congo are militants, as de facto armies are no force
    ("Rebels strike in Congo\n\nBENI, Congo - The ADF has about 1,500 troops in North Kivu, the Congolese army "
     "said.", "about 1,500", "absent", None, None),
    ("Transnistria's army numbers some 7,500 troops.", "some 7,500", "absent", None, None),
    ("The Tigray Defense Forces claim 200,000 troops.", "200,000", "absent", None, None),
    ("Hayat Tahrir al-Sham has some 15,000 troops in Idlib.", "some 15,000", "absent", None, None),
    # ...and so are non-state forces a state backs or fights beside
    ("Ankara sent 3,000 soldiers across the border, backed by about 8,000 Free Syrian Army fighters.",
     "about 8,000", "absent", None, None),
    ("Hezbollah has some 20,000 fighters in southern Lebanon, Israeli officials say.", "some 20,000", "absent",
     None, None),
    ("The Houthis massed 5,000 troops near Marib on Sunday.", "5,000", "absent", None, None),
    ("Fewer than 900 YPG militiamen held the town.", "Fewer than 900", "absent", None, None),
    # a parliament that sends troops sends its own state's
    ("The Riksdag voted to send 550 soldiers to Latvia.", "550", "Sweden", None, None),
    # a seat of government written with its accents stands for its state
    ("The Élysée announced the withdrawal of 1,500 troops from Niger.", "1,500", "France", None, None),
]


@pytest.mark.parametrize("text, figure, force, mission, location", ROWS, ids=lambda v: str(v)[:40])
def test_the_tables_name_whose(troop_figures, text, figure, force, mission, location):
    got = troop_figures(text).get(figure)
    found = None if got is None else (got.force, got.mission, got.location if location else None)
    assert found == (None if force == "absent" else (force, mission, location))
