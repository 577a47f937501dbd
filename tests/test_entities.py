"""Entity canonical names and labels, one row per rule of natoiraq/pipeline/entities.py and names.py."""

import pytest

from natoiraq.knowledge.geo import NameWords
from natoiraq.knowledge.lexicon import table

#: (text, entity as kept, canonical name)
ROWS = [
    # a possessive the model took into the name is not part of it: one name for every group by
    ("North Korea's leader inspected the troops.", "North Korea", "North Korea"),
    ("Officials briefed Joe Biden\u2019s national security adviser.", "Joe Biden", "Joe Biden"),
    ("The Taliban\u2019s fighters withdrew.", "Taliban", "Taliban"),
]


@pytest.mark.parametrize("text, entity, canonical", ROWS, ids=lambda v: str(v)[:40])
def test_canonical_name(nlp, text, entity, canonical):
    found = {e.text: e._.natoiraq_canonical for e in nlp(text).ents}
    assert found.get(entity) == canonical, found


#: (text, entity, its label): the model tags each place PERSON; people named like places stay PERSON.
LABELS = [
    # a place's opening or facility word
    ("Settlers clashed with residents of Tel Hashomer on Friday.", "Tel Hashomer", "GPE"),
    ("Marines trained at Ahmed Al Jaber Airbase last spring.", "Ahmed Al Jaber Airbase", "FAC"),
    # a place the gazetteer knows whole
    ("Convoys reached Kandahar and Lashkar Gah by noon.", "Lashkar Gah", "GPE"),
    # a person named as a country the tables know, where the words say person: a verb of speech, a title,
    # the full name before (people are folded to it)
    ("Chad said he had served two tours in Iraq.", "Chad", "PERSON"),
    ('"We were ready," Jordan told reporters.', "Jordan", "PERSON"),
    ("Mr. Jordan led the patrol.", "Jordan", "PERSON"),
    ("Michael Jordan visited the troops. Jordan signed autographs for an hour.", "Jordan", "PERSON"),
    # a person whose name GeoNames has as a town, where the words say person
    ("Austin said the Pentagon would send 2,000 more troops.", "Austin", "PERSON"),
    ("Austin visited the troops in Kuwait.", "Austin", "PERSON"),  # one word: only a tabled place counts
    ("The general thanked Sydney for her service.", "Sydney", "PERSON"),
    ("Jordan Peterson told the audience that the war would end soon.", "Jordan Peterson", "PERSON"),
    ("Sydney Powell spoke to reporters outside the court.", "Sydney Powell", "PERSON"),
    ("Victoria Nuland met Georgian officials in Tbilisi.", "Victoria Nuland", "PERSON"),
    ("Florence Parly said France would keep 3,000 soldiers in the Sahel.", "Florence Parly", "PERSON"),
]


@pytest.mark.parametrize("text, entity, label", LABELS, ids=lambda v: str(v)[:40])
def test_a_place_shaped_name_is_no_person(nlp, text, entity, label):
    found = {e.text: e.label_ for e in nlp(text).ents}
    assert found.get(entity) == label, found


@pytest.mark.parametrize("name, label", [
    ("Ben Gurion Airport", "FAC"), ("Al Udeid Air Base", "FAC"), ("the Allenby Bridge", "FAC"),
    ("Kerem Shalom crossing", "FAC"), ("Al-Shifa Hospital", "FAC"), ("Tel Rumeida", "GPE"), ("Camp Arifjan", "FAC"), ("Mount Hermon", "LOC"),
    # a word of the list alone, or inside a name, or a person's name
    ("Airport", None), ("Camp", None), ("the Base", None), ("Basel", None), ("Baseline Road", None),
    ("Jordan Peterson", None), ("Khan Younis", None), ("Tellier", None),
])
def test_name_words(name, label):
    assert NameWords.from_table(table("places")["name_words"]).label(name) == label


#: (text, the headline's entities): the model made one name of a title-case headline's words (in the
#: comment); the names the tables know stand instead, and a person's name with no common word stays.
HEADLINES = [
    # "Canadian Battlegroup Takes Command" ORG
    ("Canadian Battlegroup Takes Command in Latvia\n\nRIGA - Canada took command of the multinational battlegroup "
     "on Monday.", ["Canadian", "Latvia"]),
    # "Macron Declares Operation Serval Over" ORG
    ("Macron Declares Operation Serval Over as Troops Stay\n\nParis said its troops would stay in the region while "
     "the operation ends.", ["Operation Serval"]),
    # "Peacekeepers Arrive" PERSON
    ("Nigerian Peacekeepers Arrive In Monrovia Under UN Flag\n\nThe first peacekeepers landed on Saturday, a "
     "spokesman for the mission said.", ["Nigerian", "Monrovia", "UN"]),
    # "Royal Navy Frigate Docks" ORG
    ("Royal Navy Frigate Docks At Souda Bay For Repairs\n\nThe frigate will stay in port for repairs, the navy "
     "said.", ["Royal Navy"]),
    ("Defence Minister Anna Kowalczyk Visits Troops In Orzysz\n\nSoldiers at the base met the minister on Friday.",
     ["Anna Kowalczyk"]),
    # a name the tables know whole stays, common words and all; a date is no name
    ("Flights Resume At Queen Alia Airport After Two-Day Strike\n\nFlights resumed at the airport on Sunday after "
     "the strike ended.", ["Queen Alia Airport", "Two-Day"]),
]


@pytest.mark.parametrize("text, known", HEADLINES, ids=lambda v: str(v)[:40])
def test_a_title_case_headline_is_no_name(nlp, text, known):
    doc = nlp(text)
    assert [e.text for e in doc.ents if e.end_char <= text.index("\n")] == known

