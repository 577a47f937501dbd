"""Figures listed one a line beside a troop figure: its breakdown by place; and fields that give one size."""

import pytest

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


def _facts(figures, *attributes):
    return {k: tuple(getattr(t, a) for a in attributes) for k, t in figures.items()}


# Header-led lists: no troop figure near, the line above says they are troops.
CONTRIBUTORS = """The regional bloc met in the capital on Monday.

Approximate deployment of the ECOWAS force in Chad:

- Niger - 300

- Benin ~ 150

Talks continue next week."""

COMPARISON = """Graph: UK troop numbers
US -120,000
UK - 6,500
Italy = 2,000
Sources: ministries"""

BY_PLACE = """American troops abroad, the largest garrisons:
Japan: 55,000
Germany: 35,000"""

IN_A_REGION = """US troops in Europe, the largest garrisons:
Germany: 35,000
Italy: 12,000"""

BY_COUNTRY = """The African Union troop deployment per member country is as follows:
1. South Africa= 1250
2. Malawi= 410"""

TABLE = """Country | Host | Troops (approx.)[2] |
---|---|---|
1,200[3] | ||
950 | ||
2,300 |"""


def test_a_contributor_list_under_a_deployment_header_names_each_force(troop_figures):
    assert _facts(troop_figures(CONTRIBUTORS), "force", "location", "qualifier") == {
        "300": ("Niger", "Chad", "approximate"), "~ 150": ("Benin", "Chad", "approximate")}


NEAR_AN_ACTUAL_FIGURE = """Angola sent 200 troops last week.

The final deployment per member country is as follows:

1. Zambia= 300

2. Malawi= 150"""


def test_a_deployment_list_is_what_each_is_to_send_and_a_troop_list_what_is_there(troop_figures):
    assert {t.status for t in troop_figures(CONTRIBUTORS).values()} == {"planned"}
    assert _facts(troop_figures(NEAR_AN_ACTUAL_FIGURE), "status") == {
        "200": ("actual",), "300": ("planned",), "150": ("planned",)}
    assert {t.status for t in troop_figures(BY_PLACE).values()} == {"actual"}


def test_a_list_that_repeats_the_headers_force_compares_forces(troop_figures):
    assert _facts(troop_figures(COMPARISON), "force", "kind") == {
        "120,000": ("United States", "level"), "6,500": ("United Kingdom", "level"), "2,000": ("Italy", "level")}


def test_a_list_under_one_force_breaks_it_down_by_place(troop_figures):
    assert _facts(troop_figures(BY_PLACE), "force", "location") == {
        "55,000": ("United States", "Japan"), "35,000": ("United States", "Germany")}


def test_a_list_under_one_force_in_a_region_breaks_it_down_by_the_regions_countries(troop_figures):
    assert _facts(troop_figures(IN_A_REGION), "force", "location") == {
        "35,000": ("United States", "Germany"), "12,000": ("United States", "Italy")}


def test_a_list_per_country_names_the_contributors(troop_figures):
    assert _facts(troop_figures(BY_COUNTRY), "force") == {"1250": ("South Africa",), "410": ("Malawi",)}


def test_a_flattened_table_under_a_troops_column_gives_its_rows(troop_figures):
    assert _facts(troop_figures(TABLE), "low", "qualifier") == {
        "1,200": (1200, "approximate"), "950": (950, "approximate"), "2,300": (2300, "approximate")}


EXPLAINER = """Where are British troops deployed?

Estonia: Roughly 900, mostly at Tapa.
Cyprus: About 2,200.
Iraq: Fewer than 100; most are trainers."""


def test_an_explainers_lines_may_go_on_after_their_number(troop_figures):
    assert _facts(troop_figures(EXPLAINER), "force", "location") == {
        "Roughly 900": ("United Kingdom", "Estonia"), "About 2,200": ("United Kingdom", "Cyprus"),
        "Fewer than 100": ("United Kingdom", "Iraq")}


UNITS = """Figures for the forward presence:
BG \U0001F1F1\U0001F1F9: 1632
BG \U0001F1F5\U0001F1F1: 1033
2665 troops in 2 battlegroups"""


def test_a_label_that_names_a_unit_is_where_the_unit_is(troop_figures):
    figures = troop_figures(UNITS)
    assert {k: t.location for k, t in figures.items() if k != "2665"} == {"1632": "Lithuania", "1033": "Poland"}
    assert {t.force for t in figures.values()} & {"Lithuania", "Poland"} == set()


INFOBOX = """Belligerents
Australia
New Zealand
Strength
Australia: 2,500
New Zealand: 450
Casualties and losses
Australia: 12"""


def test_an_infobox_strength_field_gives_each_forces_size(troop_figures):
    assert _facts(troop_figures(INFOBOX), "force", "kind") == {
        "2,500": ("Australia", "level"), "450": ("New Zealand", "level")}


# An infobox's or fact sheet's field: a name that says personnel or strength, then one force's size.
FIELDS = [
    ("Multinational Brigade East\nFounded 2004\nStrength 2,150 (2024)\nGarrison Camp Victory", "2,150"),
    ("Training mission\nSize c. 900\nHeadquarters Bamako", "c. 900"),
    ("Operation Sentinel at a glance\nTroops deployed: 1,450\nAircraft: 9\nPatrols per week: 40", "1,450"),
    ("Key figures\nPersonnel\n2,780\nContributing countries\n14", "2,780"),
    ("| Operation | Sentinel |\n| Personnel | 1,450 |\n| Vehicles | 140 |", "1,450"),
    ("Tanks: 40 | Troops: 1,100 | Aircraft: 12", "1,100"),
    ("Troop strength (2024): 3,100\nTanks (2024): 40", "3,100"),
    ("Aircraft: 24; Troops: 1,200; Ships: 3", "1,200"),  # the field's own item of its line
    # dot leaders, a line a field or the sheet flattened into one line
    ("At a glance\nUniformed personnel ........ 3,450\nCivilian personnel ........ 900\nContributing countries .... 31",
     "3,450"),
    ("STAFF Uniformed personnel\u2026\u2026.\u2026 8,640 * Countries contributing uniformed personnel\u2026\u2026 37 "
     "Local civilian personnel\u2026. 1,210 *", "8,640"),
]


@pytest.mark.parametrize("text, figure", FIELDS, ids=lambda v: str(v)[:30])
def test_a_field_gives_a_forces_size(troop_figures, text, figure):
    assert list(troop_figures(text)) == [figure]


def test_a_field_of_casualties_trainees_or_capacity_is_no_size(troop_figures):
    assert troop_figures("Troops killed: 12\nSoldiers trained: 3,000\nBarracks capacity: 5,000") == {}


def test_a_name_under_a_figure_is_that_figures_not_the_next_numbers(troop_figures):
    assert list(troop_figures("Key facts\n2,600\ntroops deployed\n14\ncontributing countries")) == ["2,600"]


NAMES_ONLY = """Troop contributors:
Italy 1,109
United States 590
Hungary 410"""


def test_a_list_of_names_with_no_separator_is_a_list(troop_figures):
    assert _facts(troop_figures(NAMES_ONLY), "force") == {
        "1,109": ("Italy",), "590": ("United States",), "410": ("Hungary",)}


FLAGGED = """British troops overseas (approx.)
Cyprus \U0001F1E8\U0001F1FE 2,300
Estonia \U0001F1EA\U0001F1EA 900
Germany \U0001F1E9\U0001F1EA 185"""


def test_a_label_with_a_flag_and_no_separator_is_a_list(troop_figures):
    assert _facts(troop_figures(FLAGGED), "force", "location") == {
        "2,300": ("United Kingdom", "Cyprus"), "900": ("United Kingdom", "Estonia"),
        "185": ("United Kingdom", "Germany")}


PIPED = """| Contributor | Troops |
|---|---|
| France | 650 |
| Spain | 640 |"""


def test_a_flattened_tables_rows_are_a_list(troop_figures):
    assert _facts(troop_figures(PIPED), "force") == {"650": ("France",), "640": ("Spain",)}


CELLS = """Contributors to the force
Country
Troops
Italy
1,109
Spain
640"""


def test_a_table_flattened_one_cell_a_line_is_a_list(troop_figures):
    assert _facts(troop_figures(CELLS), "force") == {"1,109": ("Italy",), "640": ("Spain",)}


BULLETS = """Troops by country
- Latvia 1,300 (2023)
- Estonia 900[4]"""


def test_list_items_may_have_bullets_and_notes(troop_figures):
    assert _facts(troop_figures(BULLETS), "force") == {"1,300": ("Latvia",), "900": ("Estonia",)}


# Several items on one line: each label is its own number's, whatever the parse joins it to or tags it as.
ONE_LINE = [
    ("Strength\nSaudi Arabia: 150,000; Egypt: 5,000; Bahrain: 300\nCasualties\nSaudi Arabia: 40",
     {"150,000": "Saudi Arabia", "5,000": "Egypt", "300": "Bahrain"}),
    ("Peacekeepers: Bangladesh: 1,600, Pakistan: 1,200, Nepal: 1,100",
     {"1,600": "Bangladesh", "1,200": "Pakistan", "1,100": "Nepal"}),
    # the line's header before its first item, with a year and a comma of its own
    ("Troop contributions: Kenya: 3,600 | Uganda: 6,200 | Burundi: 2,800",
     {"3,600": "Kenya", "6,200": "Uganda", "2,800": "Burundi"}),
    ("Troop contributors (2022): Rwanda 2,100; Pakistan 1,300; Egypt 1,000",
     {"2,100": "Rwanda", "1,300": "Pakistan", "1,000": "Egypt"}),
    ("US troops overseas, 2023: Japan: 53,000, Germany: 35,000, Italy: 12,000",
     {"53,000": "United States", "35,000": "United States", "12,000": "United States"}),
]


@pytest.mark.parametrize("text, forces", ONE_LINE, ids=lambda v: str(v)[:30])
def test_each_item_of_a_line_has_its_own_label(troop_figures, text, forces):
    assert _facts(troop_figures(text), "force") == {k: (v,) for k, v in forces.items()}


def test_a_line_of_places_under_one_force_places_each_item(troop_figures):
    # "Tajikistan" is tagged as a nationality: the gazetteer still knows the place
    figures = troop_figures("Russian troops abroad: Syria: 4,000; Armenia: 3,000; Tajikistan: 7,000")
    assert _facts(figures, "force", "location") == {
        "4,000": ("Russia", "Syria"), "3,000": ("Russia", "Armenia"), "7,000": ("Russia", "Tajikistan")}


def test_a_contributors_label_is_no_place_of_the_items_beside_it(troop_figures):
    figures = troop_figures("Strength\nSaudi Arabia: 150,000; Egypt: 5,000; Bahrain: 300")
    assert {t.location for t in figures.values()} == {None}


def test_a_town_of_the_headers_state_is_a_place_not_a_force(troop_figures):
    figures = troop_figures("US forces in the Pacific: Japan: 54,000; South Korea: 28,500; Guam: 6,000")
    assert _facts(figures, "force", "location")["54,000"] == ("United States", "Japan")


TABLES_WITH_YEARS = [
    "Country | Troops | Since\nKenya | 3,600 | 2011\nUganda | 6,200 | 2007",
    "Troop contributors\nKenya\t3,600\t2011\nUganda\t6,200\t2007",
]


@pytest.mark.parametrize("text", TABLES_WITH_YEARS, ids=["piped", "tabbed"])
def test_a_tables_year_column_is_no_part_of_the_figure(troop_figures, text):
    assert _facts(troop_figures(text), "force", "location") == {
        "3,600": ("Kenya", None), "6,200": ("Uganda", None)}


def test_one_forces_deployments_by_place_are_where_it_is(troop_figures):
    figures = troop_figures("Australian Defence Force deployments abroad\nMiddle East: 750\nSolomon Islands: 50")
    assert _facts(figures, "force", "status") == {"750": ("Australia", "actual"), "50": ("Australia", "actual")}


def test_a_national_contingent_under_a_mission_is_its_countrys(troop_figures):
    figures = troop_figures("Where Indian troops serve with the UN\nLebanon: 900\nSouth Sudan: 2,400")
    assert _facts(figures, "force", "location") == {"900": ("India", "Lebanon"), "2,400": ("India", "South Sudan")}


def test_a_missions_contributors_serve_in_its_theatre(troop_figures):
    text = ("The Security Council renewed the mandate on Tuesday.\n\n"
            "Troop contributors to MINUSCA (2022): Rwanda 2,100; Pakistan 1,300; Egypt 1,000")
    assert {t.location for t in troop_figures(text).values()} == {"Central African Republic"}


def test_a_states_own_troops_by_country_are_where_they_are(troop_figures):
    figures = troop_figures("British troops by country (2024)\nGermany \u2014 2,800\nCyprus \u2014 2,300")
    assert _facts(figures, "force", "location") == {
        "2,800": ("United Kingdom", "Germany"), "2,300": ("United Kingdom", "Cyprus")}


REST = [
    ("Contributing nations and troops\nItaly 1,170\nUnited States 585\nOther nations (19) 954", "954", None),
    ("US troops abroad\nJapan: 54,000\nGermany: 35,000\nOther countries: 20,000", "20,000", "United States"),
]


@pytest.mark.parametrize("text, figure, force", REST, ids=["contributors", "by-place"])
def test_the_rest_of_a_list_is_no_one_contributors_figure(troop_figures, text, figure, force):
    figures = troop_figures(text)
    assert figure in figures and figures[figure].force == force


HEADER_READINGS = [
    ("Multinational mission in Haiti, pledged personnel:\nKenya: 1,000 | Jamaica: 200 | Belize: 50", "level", "planned"),
    ("Additional troops pledged at the summit\nGermany: 500\nPoland: 300", "increase", "planned"),
    ("Troops withdrawn by country (2021)\nGermany \u2014 1,100\nItaly \u2014 800", "decrease", "actual"),
    # a header's agreement is what the contributions are under, not what they are
    ("Troop contributions under the 2008 agreement:\nUganda: 2,000\nBurundi: 1,500", "level", "actual"),
]


@pytest.mark.parametrize("text, kind, status", HEADER_READINGS, ids=lambda v: str(v)[:30])
def test_a_headers_words_on_its_personnel_give_the_lists_kind_and_status(troop_figures, text, kind, status):
    assert {(t.kind, t.status) for t in troop_figures(text).values()} == {(kind, status)}


def test_a_year_labels_when_a_level_held(troop_figures):
    figures = troop_figures("US troop levels in Afghanistan\n\n2009: 68,000\n2010: 100,000")
    assert _facts(figures, "force", "location") == {
        "68,000": ("United States", "Afghanistan"), "100,000": ("United States", "Afghanistan")}
    assert figures["68,000"].as_of["value"] == "2009"


NOT_A_FORCE = [
    "Coalition troops killed by country\nUS: 2,400\nUK: 450",
    "Troops killed: US: 2,400; UK: 450; Canada: 158",
    "Soldiers trained by country\nMali: 3,000\nNiger: 1,500",
    "The coalition had about 40,000 troops at its peak.\nCasualties by country\nUS: 2,400\nUK: 450",
]


@pytest.mark.parametrize("text", NOT_A_FORCE, ids=lambda v: v[:30])
def test_a_list_of_the_harmed_or_trained_is_no_troop_list(troop_figures, text):
    assert set(troop_figures(text)) <= {"about 40,000"}


def test_a_name_alone_before_a_figure_opens_its_infobox_line(troop_figures):
    text = "Belligerents\nRussia\nGeorgia\nStrength\nRussia Est. at least 20,000 regulars in Georgia\nGeorgia 30,000 regulars"
    assert _facts(troop_figures(text), "force") == {"at least 20,000": ("Russia",), "30,000": ("Georgia",)}


TITLED_TABLE = """Table 2: Deployed US military personnel by country, September 2023
Country\tPersonnel
Japan\t53,246
Germany\t35,195"""

# a written answer's table: the title names whose personnel; an operation's name in a row is no comparison with them
WRITTEN_ANSWER = """The number of UK Armed Forces personnel deployed on operations is shown in the following table:
Operation | Location | Number
Op CABRIT | Estonia | 900
Op TOSCA | Cyprus | 250"""


@pytest.mark.parametrize("text", [TITLED_TABLE, WRITTEN_ANSWER], ids=["titled", "written-answer"])
def test_a_tables_title_above_its_header_row_names_whose_rows_they_are(troop_figures, text):
    figures = troop_figures(text)
    assert len(figures) == 2 and len({t.force for t in figures.values()}) == 1
    assert {t.location for t in figures.values()} in ({"Japan", "Germany"}, {"Estonia", "Cyprus"})


def test_a_bulleted_label_places_its_lines_figure(troop_figures):
    text = "US force posture in Europe\n\u2022 Poland: about 10,000 US troops\n\u2022 Romania: 1,700 US troops"
    assert _facts(troop_figures(text), "force", "location") == {
        "about 10,000": ("United States", "Poland"), "1,700": ("United States", "Romania")}


def test_a_tables_next_column_is_no_figure_of_the_rows_name(troop_figures):
    text = "Coalition contributions\nCountry\tTroops\tAircraft\nDenmark\t120\t7\nBelgium\t90\t6"
    assert _facts(troop_figures(text), "force") == {"120": ("Denmark",), "90": ("Belgium",)}


def test_a_piped_tables_next_column_is_no_figure_either(troop_figures):
    text = "| Country | Troops | Aircraft |\n|---|---|---|\n| Denmark | 120 | 7 |\n| Belgium | 90 | 6 |"
    assert _facts(troop_figures(text), "force") == {"120": ("Denmark",), "90": ("Belgium",)}


EXPLAINED = [
    ("Where are Russian troops deployed abroad?\n\nSyria: Around 4,000 troops at Hmeimim and Tartus.\n\n"
     "Tajikistan: Some 7,000 soldiers of the 201st base.",
     {"Around 4,000": ("Russia", "Syria"), "Some 7,000": ("Russia", "Tajikistan")}),
    ("British forces abroad: the numbers\n\nCyprus \u2013 2,260 personnel at the Sovereign Base Areas\n\n"
     "Falklands \u2013 about 1,200 personnel",
     {"2,260": ("United Kingdom", "Cyprus"), "about 1,200": ("United Kingdom", "Falkland Islands")}),
]


@pytest.mark.parametrize("text, facts", EXPLAINED, ids=["question", "dashes"])
def test_a_header_over_labelled_lines_says_whose_and_each_label_where(troop_figures, text, facts):
    assert _facts(troop_figures(text), "force", "location") == facts


def test_a_paragraph_of_prose_is_no_header_of_the_labelled_line_below(troop_figures):
    text = "Officials said Russian troops had left.\n\nGeorgia: About 3,000 Georgian soldiers remain at home."
    assert _facts(troop_figures(text), "force") == {"About 3,000": ("Georgia",)}


def test_a_states_label_is_its_place_whatever_role_the_model_gave_it(troop_figures):
    text = "Chinese peacekeepers by mission (2023):\n\nLebanon (UNIFIL): 410\nMali (MINUSMA): 400"
    assert _facts(troop_figures(text), "force", "location") == {"410": ("China", "Lebanon"), "400": ("China", "Mali")}
