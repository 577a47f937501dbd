"""The force ontology and the place gazetteer: pure lookups, table-driven."""

import pytest

from natoiraq.knowledge.lexicon import table
from natoiraq.knowledge.ontology import Actor, Ontology, normalise


@pytest.fixture(scope="module")
def ontology():
    return Ontology.from_tables(table("forces"), table("places"), table("aliases"))


@pytest.mark.parametrize("name, key", [
    ("the United Nations", "united nations"),
    ("NATO's", "nato"),
    ("  Operation\nBarkhane ", "operation barkhane"),
    ("“UNIFIL”", "unifil"),
])
def test_normalise(name, key):
    assert normalise(name) == key


@pytest.mark.parametrize("name, force, mission", [
    # missions and operations count for their parent and keep their own name
    ("UNIFIL", "United Nations", "UNIFIL"),
    ("the UN Mission in South Sudan", "United Nations", "UNMISS"),
    ("KFOR", "NATO", "KFOR"),
    ("Resolute Support", "NATO", "Resolute Support"),
    ("ATMIS", "African Union", "ATMIS"),
    ("Operation Inherent Resolve", "coalition", "Operation Inherent Resolve"),
    ("Operation Barkhane", "France", "Operation Barkhane"),
    ("EUFOR", "European Union", "EUFOR Althea"),
    # services, units and institutions count for their state
    ("Marine Corps", "United States", None),
    ("Bundeswehr", "Germany", None),
    ("PLA", "China", None),
    ("Royal Engineers", "United Kingdom", None),
    ("Kremlin", "Russia", None),
    # a country or nationality with service words: "Canadian Armed Forces", "the Rwandan government"
    ("Canadian Armed Forces", "Canada", None),
    ("the Rwandan government", "Rwanda", None),
    ("Australian Defence Force", "Australia", None),
    ("Ghanaian", "Ghana", None),
    ("Iraqis", "Iraq", None),
    # organs count for their organisation
    ("the UN Security Council", "United Nations", None),
    # a capital that acts is its government
    ("Nairobi", "Kenya", None),
])
def test_actor(ontology, name, force, mission):
    actor = ontology.actor(name)
    assert (actor.force, actor.mission) == (force, mission)


@pytest.mark.parametrize("name", ["Kyodo News Agency", "Council", "DR", "Associated Press", "Reuters"])
def test_names_that_are_no_actor(ontology, name):
    assert ontology.actor(name) is None


@pytest.mark.parametrize("name, place", [
    ("Okinawa", "Japan"),
    ("Okinawa Prefecture", "Japan"),
    ("northeastern Syria", "Syria"),
    ("the Baltics", "Baltic states"),
    ("eastern flank", "Eastern Europe"),
    ("the Golan", "Golan Heights"),
    ("DR Congo", "Democratic Republic of Congo"),
    ("Kabul", "Afghanistan"),
    ("Sahel", "Sahel"),
    ("Latvia", "Latvia"),
])
def test_place(ontology, name, place):
    assert ontology.place(name) == place


@pytest.mark.parametrize("name, named", [
    ("US", {"United States"}), ("the US", {"United States"}), ("us", set()),  # "US" is cased: "us" is a pronoun
    ("un", {"United Nations"}),  # forces.json names the UN in any case
    ("Washington", {"United States"}), ("Irbil", {"Iraq"}), ("Baltics", {"Baltic states"}), ("Atlantis", set()),
])
def test_an_analysts_name(ontology, name, named):
    assert ontology.named(name) == named


def test_flags_name_countries(ontology):
    assert ontology.flag("\U0001F1F1\U0001F1FB") == "Latvia"
    assert ontology.flag("BG") is None


def test_a_mission_has_its_theatre(ontology):
    assert ontology.theatre("MINUSMA") == "Mali"
    assert ontology.theatre(None) is None


def test_militant_groups_are_known(ontology):
    assert "Islamic State" in ontology.militant_groups


def test_the_ontology_reads_the_tables_it_is_given():
    forces = {"organisations": {"Northern Pact": ["NP"]}, "missions": {"NPM": {"parent": "Northern Pact",
                                                                                "aliases": ["NP Mission"]}},
              "services": {}, "service_words": [], "militant_groups": []}
    small = Ontology.from_tables(forces, {"regions": {}, "within": {}, "flags": {}}, {"countries": ["Freedonia"]})
    assert small.actor("NP Mission") == Actor("Northern Pact", "NPM")
    assert small.place("Freedonia") == "Freedonia"
    assert small.actor("UNIFIL") is None
