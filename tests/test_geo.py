"""The gazetteer: where a place name is, from pycountry, GeoNames and the project's own table. Table-driven."""

import sqlite3
import subprocess
import sys

import pytest

from natoiraq.knowledge import geonames
from natoiraq.knowledge.geo import Gazetteer, Place
from natoiraq.knowledge.lexicon import table
from natoiraq.knowledge.ontology import Ontology


@pytest.fixture(scope="module")
def gazetteer():
    return Ontology.from_tables(table("forces"), table("places"), table("aliases")).gazetteer


@pytest.mark.parametrize("name, place, location", [
    # cities from GeoNames, in their country, and their English exonyms
    ("Darwin", "Darwin", "Australia"),
    ("Honiara", "Honiara", "Solomon Islands"),
    ("Erbil", "Erbil", "Iraq"),
    ("Irbil", "Erbil", "Iraq"),
    ("Bombay", "Mumbai", "India"),
    ("Kismayo", "Kismayo", "Somalia"),
    ("Los Angeles", "Los Angeles", "United States"),
    # of two towns of one name, the larger ("Gao" in Mali, not Burkina Faso)
    ("Gao", "Gao", "Mali"),
    # ISO 3166 subdivisions, without their diacritics or their Arabic article, with or without their kind
    ("Okinawa", "Okinawa", "Japan"),
    ("Helmand province", "Helmand", "Afghanistan"),
    ("Anbar", "Anbar", "Iraq"),
    ("Cabo Delgado", "Cabo Delgado", "Mozambique"),
    ("Soum province", "Soum", "Burkina Faso"),  # a lower subdivision, with its kind written
    # US states
    ("Texas", "Texas", "United States"),
    # countries as the project names them, and ISO alpha-3 codes in capitals
    ("Russian Federation", "Russia", "Russia"),
    ("Democratic Republic of the Congo", "Democratic Republic of Congo", "Democratic Republic of Congo"),
    ("USA", "United States", "United States"),
    ("GBR", "United Kingdom", "United Kingdom"),
    # a territory stands for the state that holds it, and keeps its own name
    ("Guam", "Guam", "United States"),
    # the project's table: seas and regions as named, bases and places the packages lack
    ("the Gulf of Aden", "Gulf of Aden", "Gulf of Aden"),
    ("Caribbean", "Caribbean", "Caribbean"),
    ("the Mediterranean", "Mediterranean", "Mediterranean"),
    ("Red Sea", "Red Sea", "Red Sea"),  # the sea, not Sudan's state of that name
    ("Golan Heights", "Golan Heights", "Golan Heights"),
    ("Ladakh", "Ladakh", "Ladakh"),  # a region as named, not India's territory
    ("the Baltics", "Baltic states", "Baltic states"),
    ("eastern flank", "Eastern Europe", "Eastern Europe"),
    ("Camp Lemonnier", "Camp Lemonnier", "Djibouti"),
    ("Al Asad", "Al Asad", "Iraq"),
    ("Ramstein", "Ramstein", "Germany"),
    ("Darfur", "Darfur", "Sudan"),
    ("Nagorno-Karabakh", "Nagorno-Karabakh", "Azerbaijan"),
    ("Tapa", "Tapa", "Estonia"),  # Estonia's base, not India's town
    # a compass word before a known place
    ("northeastern Syria", "Syria", "Syria"),
    ("Syria's northeast", "Syria", "Syria"),  # or after a possessive
    # letters Unicode does not decompose are folded too; a city without its Arabic article
    ("Suwałki", "Suwalki", "Poland"),
    ("Suwalki", "Suwalki", "Poland"),
    ("Samawah", "Samawah", "Iraq"),
    ("Fallujah", "Fallujah", "Iraq"),
    # a smaller city's other spellings ("Avdiivka" of Avdiyivka), also of its name without an Arabic article
    ("Shatra", "Ash Shatrah", "Iraq"),
    ("Avdiivka", "Avdiyivka", "Ukraine"),
    ("Sloviansk", "Slovyansk", "Ukraine"),
    # a facility named by the known place it stands at
    ("Incirlik Air Base", "Incirlik", "Turkey"),
    ("Kandahar Airfield", "Kandahar", "Afghanistan"),
    ("Hmeimim air base", "Hmeimim", "Syria"),
    # the table's regions, seas and provinces the packages lack
    ("Tigray", "Tigray", "Ethiopia"),
    ("North Kivu", "North Kivu", "Democratic Republic of Congo"),
    ("the Aegean", "Aegean Sea", "Aegean Sea"),
    ("Arabian Gulf", "Persian Gulf", "Persian Gulf"),
    ("Galwan Valley", "Ladakh", "Ladakh"),
    # a region of one country counts for it, as a province does
    ("Iraqi Kurdistan", "Iraqi Kurdistan", "Iraq"),
    # a kind of place of a known place: the region if known, else the place it is of
    ("the Kurdistan Region of Iraq", "Kurdistan Region", "Iraq"),
    ("the border region of Chad", "Chad", "Chad"),
    # a town or province transliterated otherwise than the packages write it
    ("Kamishli", "Qamishli", "Syria"),
    ("Nassiriya", "Nasiriyah", "Iraq"),
    ("Salah al-Din", "Salah ad Din", "Iraq"),
    ("Paktia", "Paktiya", "Afghanistan"),
    # an Arabic article joined by a hyphen, in lower case
    ("al-Bab", "Al Bab", "Syria"),
    # a facility opened by its kind, at a known town
    ("Naval Station Rota", "Rota", "Spain"),
    ("Camp Zama", "Zama", "Japan"),
    ("Tapa Army Base", "Tapa", "Estonia"),
    ("Baghdad International Airport", "Baghdad", "Iraq"),
    ("Camp Film City", "Film City", "Kosovo"),  # a name ending as a kind of place ("city") may still be a camp
    # ISO 3166-2 names without their note or their local kind word
    ("Svalbard", "Svalbard", "Norway"),
    ("Dagestan", "Dagestan", "Russia"),
    ("Fujian", "Fujian", "China"),
    # a former country's name, for its successor (ISO 3166-3)
    ("Zaire", "Democratic Republic of Congo", "Democratic Republic of Congo"),
    ("Upper Volta", "Burkina Faso", "Burkina Faso"),
    # the table: bases the packages lack, and names they misplace
    ("Fort Hood", "Fort Hood", "United States"),
    ("Kunsan Air Base", "Kunsan", "South Korea"),  # not Kunshan in China
    ("Odessa", "Odessa", "Ukraine"),  # not Odessa, Texas
    ("Korea", "Korea", "South Korea"),  # alone, the South: "U.S. Forces Korea"
    # regions that stand as named: a compass word before a continent names no country ("America")
    ("South America", "South America", "South America"),
    ("Southeast Asia", "Southeast Asia", "Southeast Asia"),
    ("Gulf states", "Persian Gulf", "Persian Gulf"),
])
def test_place(gazetteer, name, place, location):
    found = gazetteer.place(name)
    assert (found.name, found.location) == (place, location)


@pytest.mark.parametrize("name", [
    "darwin",  # the packages' names count only as written with a capital
    "March", "Mission", "Police",  # towns in GeoNames, words first in news
    "GAO",  # a short word in capitals is an acronym (the Government Accountability Office), not Gao in Mali
    "Ho",  # two letters place nothing (a town in Ghana)
    "AND",  # a code that is a word is no country code (Andorra)
    "Soum",  # a lower subdivision counts only with its kind written ("Soum province")
    "Punjab",  # India's or Pakistan's: a subdivision two countries share places nothing
    "Freedonia",
    "Fort Base",  # a facility word after no known place
    "Hamas",  # another name of a smaller city (Hamm), not a spelling of it
    "the East", "White House",  # a region of Cameroon, Casablanca's name in English: words first in news
    "Ryder",  # a spelling key this short ("rider") names a person before Ridder in Kazakhstan
    "Camp Norway",  # through a facility's opening a country counts for nothing
    "FOB Naples",  # a forward operating base is named after a place elsewhere
    "Robertson Barracks",  # barracks are named after people, not the town they stand in
])
def test_no_place(gazetteer, name):
    assert gazetteer.place(name) is None


def test_coordinates(gazetteer):
    darwin = gazetteer.place("Darwin")
    assert darwin.lat == pytest.approx(-12.46, abs=0.05) and darwin.lon == pytest.approx(130.84, abs=0.05)
    aden = gazetteer.place("Gulf of Aden")  # the table's own
    assert aden.lat == pytest.approx(12.5, abs=1) and aden.lon == pytest.approx(48, abs=1)
    kabul = gazetteer.place("Kabul")  # a seat the table names takes the city's coordinates
    assert (kabul.location, round(kabul.lat), round(kabul.lon)) == ("Afghanistan", 35, 69)
    assert gazetteer.place("Iraq").lat is None  # no centre for a country


def test_flags_and_codes(gazetteer):
    assert gazetteer.flag("\U0001F1F1\U0001F1FB") == "Latvia"
    assert gazetteer.flag("\U0001F1E8\U0001F1FF") == "Czech Republic"  # as the project names it
    assert gazetteer.country("NL") == "Netherlands"  # GeoNames writes "The Netherlands"
    assert gazetteer.country("ZZ") is None


def test_the_tables_win_and_are_read_as_given():
    small = Gazetteer({"regions": {"Northern Reach": ["the Reach"]}, "within": {"Freedonia": ["Fort Marx"]},
                       "coordinates": {"Fort Marx": [1.5, 2.5]}, "not_places": ["Darwin"]},
                      {"freedonia": "Freedonia"})
    assert small.place("the reach") == Place("Northern Reach", "Northern Reach", tabled=True)
    assert small.place("Fort Marx") == Place("Fort Marx", "Freedonia", 1.5, 2.5, tabled=True)
    assert small.place("Darwin") is None  # a name the table says is no place
    assert small.place("Honiara").location == "Solomon Islands"


def test_index_is_cached_and_a_broken_cache_is_rebuilt(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = geonames._cache_file()
    assert path.parent == tmp_path / "natoiraq"
    path.parent.mkdir(parents=True)
    path.write_text("not a database")
    darwin = "SELECT packed FROM names WHERE key = 'darwin'"
    packed = geonames._connect().execute(darwin).fetchone()[0]
    assert packed.split("|")[:2] == ["Darwin", "AU"]
    assert sqlite3.connect(path).execute(darwin).fetchone()[0] == packed  # rewritten whole
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".geo-")]  # no temporary left
    with pytest.raises(sqlite3.OperationalError):  # and read, never written, by those who use it
        geonames._connect().execute("DELETE FROM names")


def test_an_unwritable_cache_leaves_the_index_in_memory(tmp_path, monkeypatch):
    (tmp_path / "natoiraq").write_text("a file where the cache directory should be")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert geonames._connect().execute("SELECT name FROM countries WHERE code = 'AU'").fetchone() == ("Australia",)


def test_the_index_loads_lazily_and_fast(tmp_path):
    """Importing the pipeline reads no gazetteer; once the cache is built, a process's first lookup opens it
    and reads one row (the budget is 50 ms on a quiet machine; shared test machines are slower)."""
    code = ("import time; from natoiraq.knowledge import geonames; import natoiraq.pipeline.troops.component;"
            "assert geonames._open is None; geonames.entry('darwin');"
            "geonames._open = None; geonames.entry.cache_clear();"
            "t = time.perf_counter(); geonames.entry('honiara'); print(time.perf_counter() - t)")
    env = {"XDG_CACHE_HOME": str(tmp_path), "PATH": ""}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
    assert float(out.stdout) < 0.5


@pytest.mark.parametrize("countries, region", [
    ({"Mali", "Niger", "Chad"}, "Sahel"),
    ({"Estonia", "Latvia"}, "Baltic states"),  # the smallest region that holds them, not all of Eastern Europe
    ({"Estonia", "Poland"}, "Eastern Europe"),
    ({"Iraq", "Syria"}, None),  # no region the tables know holds both
])
def test_the_region_that_holds_countries(gazetteer, countries, region):
    found = gazetteer.region_of(countries)
    assert (found.location if found else None) == region
