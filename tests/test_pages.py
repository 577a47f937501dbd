"""Saved pages and feeds as real sites write them: the headline, the page's own date, the writers,
the article's text and nothing around it (issue 27). The pages under tests/pages/ are written for
these tests in the shapes of real ones; bench/pages_check.py measures the real ones."""

from pathlib import Path

import pytest

from natoiraq.reading.furniture import without_furniture
from natoiraq.reading.inputs import InputFailure, InputWarning, Record, read_inputs
from natoiraq.reading.language import english_only, language_of
from natoiraq.reading.pagemeta import headline, person_names, strip_site

PAGES = Path(__file__).resolve().parent / "pages"


def read(path):
    found = list(read_inputs([str(path)]))
    return [i for i in found if isinstance(i, Record)], [i for i in found if isinstance(i, InputFailure)]


def test_a_wire_page_laid_out_in_a_table_gives_its_headline_and_its_story_without_pipes_or_notice():
    (page,), failed = read(PAGES / "wire-table.html")
    assert failed == []
    assert page.title == "Pentagon to keep 2,500 troops in Iraq through year-end"  # not the <title>, the site's
    assert page.meta["author"] == "Maria Keller"  # "MARIA KELLER" in the byline
    assert page.text.startswith(page.title + "\n\nWASHINGTON (Wire) -- The Pentagon")
    assert page.text.endswith("expect most of them to follow it.")
    for furniture in ("|", "All rights reserved", "\u00a9", "News from", "Photo/Uncredited"):
        assert furniture not in page.text, furniture


def test_a_page_gives_its_headline_its_own_date_and_its_writers():
    (page,), _ = read(PAGES / "capitol-page.html")
    assert page.title == "Denmark adds 300 soldiers to NATO Iraq mission"  # without "- Anna Berg and Tom Reyes"
    assert page.date == "2021-03-08"  # og:article:published_time, not the revision date
    assert page.meta["author"] == "Anna Berg; Tom Reyes"  # not "January"
    assert page.text.count(page.title) == 1
    assert page.text.endswith("from the spring of that year.")
    for furniture in ("Get reporter alerts", "Trending", "40,000", "Full Article", "Hollis", "Copyright"):
        assert furniture not in page.text, furniture


def test_a_feed_item_with_a_headline_alone_is_an_item_at_its_own_address():
    items, failed = read(PAGES / "wire-flash.rss")
    assert failed == []
    assert [item.text for item in items[1:]] == ["Spain withdraws 150 soldiers from Iraq", "Ministers meet in Brussels"]
    # feedburner:origLink, not the redirect; a plain <link> where there is none
    assert [item.url for item in items] == ["https://defencewire.example/2022/04/20/italy-nato-iraq",
                                            "https://defencewire.example/2022/04/19/spain-iraq",
                                            "https://defencewire.example/2022/04/18/ministers"]


@pytest.mark.parametrize("title, names, expected", [
    ("Gates on Russia: 'Friends' | CNN Politics", ["CNN"], "Gates on Russia: 'Friends'"),
    ("AirAsia plane found in Java Sea: latest - Telegraph", ["Telegraph.co.uk"], "AirAsia plane found in Java Sea: latest"),
    ("Drill warns of consequences | Yonhap News Agency", ["Yonhap News Agency"], "Drill warns of consequences"),
    ("Search expands, U.S. sends warship - Reuters", ["U.S.", "in", "reuters", "com"], "Search expands, U.S. sends warship"),
    ("Map takes shape - Anna Berg and Tom Reyes - CAPITOL.com", ["CAPITOL", "Anna Berg", "Tom Reyes"], "Map takes shape"),
    ("Academics 'second-class' | Education | The Guardian", ["the Guardian"], "Academics 'second-class' | Education"),
    ("Troops leave Iraq - a timeline", ["Defence Wire"], "Troops leave Iraq - a timeline"),  # the headline's own dash
    ("Kurds hold Kobane", ["Kurds"], "Kurds hold Kobane"),
])
def test_the_site_suffix_leaves_the_title(title, names, expected):
    assert strip_site(title, names) == expected


def test_a_headline_marked_up_or_the_h1_a_title_starts_with_is_the_headline():
    assert headline("News from The Wire Service", ["Pentagon to keep troops"], [], []) == "Pentagon to keep troops"
    assert headline("Map takes shape - Anna Berg", [], ["Map takes shape"], []) == "Map takes shape"
    assert headline("Map takes shape | CNN", [""], [], ["CNN"]) == "Map takes shape"


@pytest.mark.parametrize("byline, expected", [
    ("By Fergus Jensen", ["Fergus Jensen"]),
    ("Malcolm Harris; January", ["Malcolm Harris"]),
    ("Account You're logged", []),
    ("Andrea Stone Senior Washington Correspondent", ["Andrea Stone"]),
    ("David Cenciotti, The Aviationist", ["David Cenciotti"]),
    ("Maggie Haberman and Shira Toeplitz", ["Maggie Haberman", "Shira Toeplitz"]),
    ("LYNNE O'DONNELL", ["Lynne O'Donnell"]),
    ("Ursula von der Leyen", ["Ursula von der Leyen"]),
    ("Reuters Staff", []),
    ("Associated Press", []),
    (None, []),
])
def test_an_author_is_a_persons_name_or_nothing(byline, expected):
    assert person_names(byline) == expected


def test_page_furniture_leaves_the_article():
    article = ["Headline", "Main Content", "Headline", "JAKARTA", "JAKARTA (Wire) - Ships searched the sea.",
               "The search goes on.", "Get reporter alerts", "-", "Anna Berg"]
    assert without_furniture(article, "Headline", ["Anna Berg"]) == [
        "Headline", "JAKARTA (Wire) - Ships searched the sea.", "The search goes on."]
    sidebar = ["Headline", "One.", "Two.", "Three.", "Trending On Wire", "Banking", "A sidebar story. Full Article"]
    assert without_furniture(sidebar, "Headline", []) == ["Headline", "One.", "Two.", "Three."]
    early = ["Headline", "Related coverage", "One.", "Two.", "Three.", "Four."]  # a heading early on is not the end
    assert without_furniture(early, "Headline", []) == ["Headline", "Related coverage", "One.", "Two.", "Three.", "Four."]
    long_notice = "Words " * 50 + "went on. \u00a9 2016 The Wire. All rights reserved."
    assert without_furniture(["Headline", "One.", long_notice], "Headline", []) == [
        "Headline", "One.", "Words " * 49 + "Words went on."]
    assert without_furniture(["Headline", "One.", "Two.", "First at Capitol. Copyright 2015."], "Headline", []) == [
        "Headline", "One.", "Two."]


GERMAN = ("Die Bundeswehr hat am Dienstag weitere 150 Soldaten in den Irak verlegt, teilte das "
          "Verteidigungsministerium in Berlin mit. Die Soldaten sollen die irakischen Streitkräfte ausbilden.")


@pytest.mark.parametrize("text, expected", [
    (GERMAN, "de"),
    ("Le Danemark enverra 300 soldats supplémentaires en Irak l'année prochaine, a annoncé lundi le ministère "
     "de la Défense à Copenhague, ce qui portera sa contribution à environ 600 personnes.", "fr"),
    ("Denmark will send 300 more soldiers to NATO Mission Iraq next year, the defence ministry in Copenhagen "
     "said on Monday, bringing its contribution to about 600 personnel.", "en"),
    ("Bundeswehr verlegt Soldaten", "en"),  # a headline alone is too short to judge
])
def test_the_language_of_an_article(text, expected):
    assert language_of(text) == expected


def test_an_article_not_in_english_is_named_and_left_out_unless_any_language(tmp_path):
    (tmp_path / "bundeswehr.txt").write_text(GERMAN, encoding="utf-8")
    (tmp_path / "nato.txt").write_text("NATO has 500 trainers in Iraq, the alliance said on Monday.", encoding="utf-8")
    items = list(english_only(read_inputs([str(tmp_path)])))
    assert [item.id for item in items if isinstance(item, Record)] == ["nato.txt"]
    (warning,) = [item for item in items if isinstance(item, InputWarning)]
    assert "bundeswehr.txt" in str(warning) and "not English" in str(warning) and "--any-language" in str(warning)
