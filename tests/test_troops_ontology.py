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
    ("EUFOR", "European Union", "EUFOR Althea"),  # an ambiguous name outside any article: its first reading
    # UN, regional and national missions of 1948 to now, each for its parent
    ("UNAVEM II", "United Nations", "UNAVEM"),
    ("the UN Mission in Sierra Leone", "United Nations", "UNAMSIL"),
    ("UNOCI", "United Nations", "UNOCI"),
    ("UNPROFOR", "United Nations", "UNPROFOR"),
    ("AMIS", "African Union", "AMIS"),
    ("AUSSOM", "African Union", "AUSSOM"),
    ("AFISMA", "ECOWAS", "MISMA"),
    ("ECOMOG", "ECOWAS", "ECOMOG"),
    ("SAMIDRC", "SADC", "SAMIDRC"),
    ("EACRF", "East African Community", "EACRF"),
    ("Peninsula Shield Force", "GCC", "Peninsula Shield Force"),
    ("CIS peacekeepers", "Commonwealth of Independent States", "CIS peacekeeping force"),
    ("EUNAVFOR Atalanta", "European Union", "EUNAVFOR Atalanta"),
    ("SFOR", "NATO", "SFOR"),
    ("Forward Land Forces", "NATO", "enhanced Forward Presence"),
    ("Baltic Air Policing", "NATO", "Baltic Air Policing"),
    ("Operation Desert Storm", "United States", "Operation Desert Storm"),
    ("Operation Enduring Freedom", "United States", "Operation Enduring Freedom"),
    ("Operation Shader", "United Kingdom", "Operation Shader"),
    ("Operation Impact", "Canada", "Operation Impact"),
    ("Operation Linda Nchi", "Kenya", "Operation Linda Nchi"),
    ("Russian peacekeepers in Nagorno-Karabakh", "Russia", "Russian peacekeeping contingent in Nagorno-Karabakh"),
    ("Multinational Force and Observers", "Multinational Force and Observers", None),
    # Russia's Africa Corps (2024 on) is Russia's; Wagner stays Wagner (conventions)
    ("Africa Corps", "Russia", "Africa Corps"),
    ("Wagner", "Wagner Group", None),
    # services, units and institutions count for their state
    ("Marine Corps", "United States", None),
    ("Bundeswehr", "Germany", None),
    ("PLA", "China", None),
    ("Royal Engineers", "United Kingdom", None),
    ("Kremlin", "Russia", None),
    ("IRGC", "Iran", None),
    ("Quds Force", "Iran", None),
    ("Korean People's Army", "North Korea", None),
    ("ROK Army", "South Korea", None),
    ("NZDF", "New Zealand", None),
    ("Rosgvardia", "Russia", None),
    ("FARDC", "Democratic Republic of Congo", None),
    ("Red Army", "Soviet Union", None),
    ("Soviet", "Soviet Union", None),
    ("Angolan", "Angola", None),
    # a parliament, its chambers and the offices only it has stand for its state (forces.json "parliaments")
    ("Lok Sabha", "India", None),
    ("Dáil Éireann", "Ireland", None),
    ("Riksdag", "Sweden", None),
    ("House of Commons of Canada", "Canada", None),
    ("Secretary of State for Defence", "United Kingdom", None),
    # seats of government and ministries that news names for their state, in every region
    ("Blue House", "South Korea", None),
    ("South Block", "India", None),
    ("Aso Rock", "Nigeria", None),
    ("Casa Rosada", "Argentina", None),
    ("Bendlerblock", "Germany", None),
    # a state's paramilitaries and regional guards count for it (forces.json "_services_doc")
    ("Rapid Support Forces", "Sudan", None),
    ("Peshmerga", "Iraq", None),
    ("Hashd al-Shaabi", "Iraq", None),
    # a country or nationality with service words: "Canadian Armed Forces", "the Rwandan government"
    ("Canadian Armed Forces", "Canada", None),
    ("the Rwandan government", "Rwanda", None),
    ("Australian Defence Force", "Australia", None),
    ("Ghanaian", "Ghana", None),
    # ...with "royal", "people's", a service's branch, and the article and hyphen of a service's name
    ("Royal Canadian Air Force", "Canada", None),
    ("Royal Netherlands Army", "Netherlands", None),
    ("Uganda People's Defence Force", "Uganda", None),
    ("Russian Ground Forces", "Russia", None),
    ("Armed Forces of the Philippines", "Philippines", None),
    ("Japan Self-Defense Forces", "Japan", None),
    ("Hellenic Navy", "Greece", None),
    # ...a state named outright outranks an institution that stands for another ("Ministry of Defence": the UK's)
    ("Ministry of Defence of Ukraine", "Ukraine", None),
    ("the Marine Corps of Indonesia", "Indonesia", None),
    # short names of states that news uses alone
    ("Burma", "Myanmar", None),
    ("the U.A.E.", "United Arab Emirates", None),
    ("Republic of Korea", "South Korea", None),
    ("Iraqis", "Iraq", None),
    # organs count for their organisation
    ("the UN Security Council", "United Nations", None),
    # a capital that acts is its government; any state's capital, as GeoNames names it
    ("Nairobi", "Kenya", None),
    ("Yerevan", "Armenia", None),
    ("Abu Dhabi", "United Arab Emirates", None),
    ("Belgrade", "Serbia", None),
])
def test_actor(ontology, name, force, mission):
    actor = ontology.actor(name)
    assert (actor.force, actor.mission) == (force, mission)


#: ...but not a capital that names a bigger city first ("Victoria", British Columbia), nor a territory's ("Hamilton")
@pytest.mark.parametrize("name", ["Kyodo News Agency", "Council", "DR", "Associated Press", "Reuters", "Victoria",
                                  "Hamilton"])
def test_names_that_are_no_actor(ontology, name):
    assert ontology.actor(name) is None


#: people news names alone act for their state or organisation, by full name or by a surname no one else shares
@pytest.mark.parametrize("name, force", [("Barack Obama", "United States"), ("Obama", "United States"),
                                         ("Jens Stoltenberg", "NATO"), ("Johnson", None), ("Austin", None)])
def test_people(ontology, name, force):
    actor = ontology.person(name)
    assert (actor.force if actor else None) == force


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


@pytest.mark.parametrize("name", [
    "HTS", "AQIM", "Ansar Dine", "M23", "al-Nusra Front", "Allied Democratic Forces",
    # armies of separatist or de facto states are no troop figures either (conventions)
    "Transnistrian", "Abkhazia", "South Ossetia", "DPR", "Luhansk People's Republic", "Republika Srpska",
])
def test_militants_and_de_facto_armies_are_no_force(ontology, name):
    assert ontology.actor(name).force in ontology.militant_groups


@pytest.mark.parametrize("name, named, force", [
    # an acronym several actors share is read by the countries the article names
    ("SDF", ["TOKYO", "Okinawa"], "Japan"),
    ("SDF", ["Japanese"], "Japan"),
    ("SDF", ["Raqqa", "Syria"], "Syrian Democratic Forces"),
    ("SDF", ["Japan", "Syria", "Syrian", "Iraq"], "Syrian Democratic Forces"),  # the most named wins
    ("SDF", [], "Syrian Democratic Forces"),  # none named: the first reading
    ("ADF", ["Canberra"], "Australia"),
    ("ADF", ["Beni", "DR Congo", "Uganda"], "Allied Democratic Forces"),
    ("SNA", ["Mogadishu", "Somalia"], "Somalia"),
    ("SAF", ["Khartoum", "Sudan"], "Sudan"),
    ("BDF", ["Belmopan", "Guatemala"], "Belize"),  # four states' Defence Force
    ("BDF", ["Manama"], "Bahrain"),
    ("BDF", [], "Botswana"),
    ("the ADF's", ["Australian"], "Australia"),
    ("SDF troops", ["Japan"], "Japan"),  # with service words
])
def test_an_ambiguous_name_is_read_in_its_article(ontology, name, named, force):
    assert ontology.in_context(named).actor(name).force == force


@pytest.mark.parametrize("named, location", [
    (["Congo", "Kinshasa"], "Democratic Republic of Congo"),
    (["Congo"], "Democratic Republic of Congo"),  # news's Congo, by default
    (["Congo", "Brazzaville"], "Congo"),  # unless the article names the other one's places
])
def test_a_short_country_name_two_states_share_is_read_in_its_article(ontology, named, location):
    assert ontology.in_context(named).place("Congo") == location


def test_an_ambiguous_mission_takes_its_theatre_from_the_article(ontology):
    assert ontology.in_context(["Chad", "Abeche"]).actor("EUFOR").mission == "EUFOR Tchad/RCA"
    assert ontology.in_context(["Sarajevo", "Bosnia and Herzegovina"]).actor("EUFOR").mission == "EUFOR Althea"
    # "ISF": Iraq's security forces, or in a Gaza story the multinational stabilization force
    assert ontology.in_context(["Mosul", "Iraq"]).actor("ISF").force == "Iraq"
    assert ontology.in_context(["Gaza", "Israel"]).actor("ISF").mission == "International Stabilization Force"


def test_the_ontology_reads_the_tables_it_is_given():
    forces = {"organisations": {"Northern Pact": ["NP"]}, "missions": {"NPM": {"parent": "Northern Pact",
                                                                                "aliases": ["NP Mission"]}},
              "services": {}, "service_words": [], "militant_groups": {}, "ambiguous": {}}
    small = Ontology.from_tables(forces, {"regions": {}, "within": {}, "flags": {}}, {"countries": ["Freedonia"]})
    assert small.actor("NP Mission") == Actor("Northern Pact", "NPM")
    assert small.place("Freedonia") == "Freedonia"
    assert small.actor("UNIFIL") is None
