"""Reading articles as analysts keep them: web pages, feeds, Markdown, scrapers' JSON Lines.

The pages, feeds and notes under tests/saved/ are written for these tests in
the shapes real sites use: navigation, cookie banners, related-story sidebars
with their own troop figures, comments, JSON-LD and Open Graph metadata.
No model is needed here; tests/test_saved.py runs the extractor over them.
"""

import codecs
import io
import json
import shutil
from pathlib import Path

import pytest

from natoiraq.reading.duplicates import EXACT_UP_TO, NEAR_THRESHOLD, Duplicates
from natoiraq.reading.inputs import InputFailure, InputWarning, Record, read_inputs
from natoiraq.reading.markdown import read_markdown
from natoiraq.reading.metadata import DateError, parse_field_mapping, publication_date
from tests.conftest import GOLD, SEEDS

SAVED = Path(__file__).resolve().parent / "saved"


def items(*paths, stdin=None, fields=None):
    return list(read_inputs([str(p) for p in paths], stdin=stdin, fields=fields))


def records(found):
    return [i for i in found if isinstance(i, Record)]


def failures(found):
    return [str(i) for i in found if isinstance(i, InputFailure) and not isinstance(i, InputWarning)]


def warnings(found):
    return [str(i) for i in found if isinstance(i, InputWarning)]


def one(path, **kwargs):
    (record,) = records(items(path, **kwargs))
    return record


# --- publication dates as scrapers write them -------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("2021-02-16", "2021-02-16"),
    ("2021-02-16T14:32:00Z", "2021-02-16"),
    ("2021-02-16T23:30:00-05:00", "2021-02-16"),  # the writer's day, not UTC's (2021-02-17)
    ("2021-02-16 14:32:00", "2021-02-16"),
    ("2021-02-16T14:32:00.123456789Z", "2021-02-16"),
    ("Tue, 16 Feb 2021 14:32:00 GMT", "2021-02-16"),
    ("Thu, 18 Feb 2021 23:30:00 -0500", "2021-02-18"),
    ("16 Feb 2021 14:32:00 +0100", "2021-02-16"),
    (1613486000, "2021-02-16"),
    ("1613486000", "2021-02-16"),
    (1613486000123, "2021-02-16"),  # milliseconds
    ("16 Feb 2021", "2021-02-16"),
    ("February 16, 2021", "2021-02-16"),
    ("Feb. 16, 2021", "2021-02-16"),
    ("Tuesday, 16th February 2021", "2021-02-16"),
    ("16/02/2021", "2021-02-16"),  # only one reading is a real day
    ("02/16/2021", "2021-02-16"),
    ("04/04/2021", "2021-04-04"),  # both readings are the same day
])
def test_publication_dates_in_the_forms_scrapers_write(value, expected):
    assert publication_date(value) == expected


def test_an_ambiguous_day_month_date_is_refused_saying_so():
    with pytest.raises(DateError, match="ambiguous") as error:
        publication_date("03/04/2021")
    assert "day-first and month-first" in str(error.value)


@pytest.mark.parametrize("value", ["yesterday", "2021", "February 2021", "2021-02-30", "February 30, 2021",
                                   "n/a", "", 12, True, None, ["2021-02-16"]])
def test_what_is_not_a_day_is_refused(value):
    with pytest.raises(DateError):
        publication_date(value)


# --- JSON Lines records with scrapers' field names ---------------------------------------------

@pytest.mark.parametrize("key", ["date", "published", "pubDate", "publication_date", "datePublished",
                                 "published_at"])
def test_the_publication_date_is_found_under_its_usual_names(tmp_path, key):
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"text": "NATO has 500 trainers in Iraq.", key: "Tue, 16 Feb 2021 14:32:00 GMT"}))
    record = one(path)
    assert record.date == "2021-02-16" and key not in record.meta


def test_headline_and_link_are_the_title_and_url(tmp_path):
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"text": "NATO has 500 trainers.", "headline": "H", "link": "https://x.example/a",
                                "section": "world"}))
    record = one(path)
    assert (record.title, record.url, record.meta) == ("H", "https://x.example/a", {"section": "world"})


def test_field_mapping_names_any_other_field(tmp_path):
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"body": "NATO has 500 trainers.", "first_seen": "2021-02-16", "date": "2020-01-01",
                                "uid": 7}))
    fields = parse_field_mapping(["text=body", "date=first_seen", "id=uid"])
    record = one(path, fields=fields)
    assert (record.id, record.text, record.date) == ("7", "NATO has 500 trainers.", "2021-02-16")
    assert record.meta == {"date": "2020-01-01"}  # the field not used is carried through
    assert failures(items(path)) == [f"{path}:1: record has no 'text' field"]


@pytest.mark.parametrize("pair", ["date", "when=first_seen", "date="])
def test_a_bad_field_mapping_is_refused(pair):
    with pytest.raises(ValueError, match="NAME=FIELD"):
        parse_field_mapping([pair])


def test_a_date_that_cannot_be_read_keeps_the_facts_with_a_warning(tmp_path):
    path = tmp_path / "scraped.jsonl"
    path.write_text(json.dumps({"text": "NATO has 500 trainers.", "pubDate": "03/04/2021"}) + "\n"
                    + json.dumps({"text": "Denmark sends 100.", "date": "soon"}) + "\n")
    found = items(path)
    assert [(r.date, r.meta) for r in records(found)] == [(None, {"pubDate": "03/04/2021"}), (None, {"date": "soon"})]
    first, second = warnings(found)
    assert first.startswith(f"{path}:1: 'pubDate': ambiguous date") and second.startswith(f"{path}:2: 'date'")
    assert failures(found) == []


# --- saved web pages ---------------------------------------------------------------------------

def test_a_saved_page_gives_the_article_only_with_its_metadata():
    page = one(SAVED / "nato-mission-iraq.html")
    assert page.title == "NATO to expand Iraq training mission to 4,000 personnel"
    assert page.date == "2021-02-18"  # article:published_time, not the modified time
    assert page.url == "https://defencewire.example/2021/02/18/nato-iraq-mission-expands"
    assert page.meta == {"site_name": "Defence Wire", "author": "Maria Keller"}
    assert page.text.startswith(page.title + "\n\nBRUSSELS")
    assert "about 2,500 troops in Iraq" in page.text
    for furniture in ("cookie", "Subscribe", "Related stories", "Baltic drills", "1,200 soldiers", "10,000",
                      "Hawkeye42", "All rights reserved", "Helvetica", "dataLayer", "Share on", "<", ">"):
        assert furniture not in page.text, furniture


def test_og_url_and_json_ld_date_serve_when_there_is_no_canonical_link():
    page = one(SAVED / "denmark-command.htm")
    assert (page.title, page.date, page.url) == ("Denmark takes command of NATO Mission Iraq", "2021-05-25",
                                                 "https://ndr.example/denmark-command")
    assert page.meta["author"] == "Lars Holm"
    assert "600" not in page.text and "842" not in page.text and "Merriweather" not in page.text


def test_a_page_without_a_date_in_its_markup_has_none(tmp_path):
    path = tmp_path / "undated.html"
    body = "".join(f"<p>Paragraph {n}: NATO ministers discussed the mission in Iraq at length today.</p>"
                   for n in range(6))
    path.write_text(f"<html><head><title>Talks</title></head><body><article>{body}</article>"
                    "<footer>&copy; 2019 Example</footer></body></html>")
    assert one(path).date is None  # not guessed from the copyright line


def test_a_page_in_its_own_declared_charset_is_read_without_replacement(tmp_path):
    body = "".join(f"<p>Paragraph {n}: the mission\u2019s trainers \u2013 about 500 of them \u2013 work with Iraqi "
                   "officers in Baghdad every day.</p>" for n in range(5))
    path = tmp_path / "legacy.html"
    path.write_bytes(f'<html><head><meta charset="windows-1252"><title>Caf\u00e9</title></head><body><article>'
                     f"<h1>Caf\u00e9 talks on NATO</h1>{body}</article></body></html>".encode("cp1252"))
    found = items(path)
    (page,) = records(found)
    assert warnings(found) == [] and "\ufffd" not in page.text
    assert page.title == "Caf\u00e9 talks on NATO" and "mission\u2019s trainers \u2013 about 500" in page.text


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8])
def test_html_on_stdin_is_read_as_a_page(bom):
    record = one("-", stdin=io.BytesIO(bom + (SAVED / "nato-mission-iraq.html").read_bytes()))
    assert record.id == "stdin" and record.date == "2021-02-18" and "cookie" not in record.text


# --- feeds -------------------------------------------------------------------------------------

def test_each_feed_item_is_an_article_with_its_full_content():
    first, second = records(items(SAVED / "defence-news.rss"))
    assert first.id == f"{SAVED}/defence-news.rss:1" and second.id == f"{SAVED}/defence-news.rss:2"
    assert first.title == "Germany to send 1,000 more soldiers to Lithuania"
    assert first.url == "https://defencewire.example/2022/06/07/germany-lithuania-brigade"
    assert first.date == "2022-06-07"
    assert second.date == "2018-12-19"  # 23:10 in Washington, already the 20th in UTC
    assert first.text.startswith(first.title + "\n\nVILNIUS")
    assert "3,000 to 5,000 troops" in first.text  # the full content, not the one-line description
    assert "300,000" not in first.text and "<p>" not in first.text  # the related link inside the content
    assert first.meta == {"site_name": "Defence Wire", "author": "Anna Berg"}


def test_a_feed_with_summaries_only_gives_the_summaries():
    first, second = records(items(SAVED / "briefs.atom"))
    assert first.text == ("Canada pauses training mission in Iraq\n\nCanada has paused its mission training Iraqi "
                          "forces, moving some of its 500 personnel to Kuwait.")
    assert first.date == "2019-10-14" and second.date == "2020-11-25"  # published, not updated
    assert first.meta["feed_text"] == "summary"


def test_a_feed_on_stdin_is_read_as_a_feed():
    found = records(items("-", stdin=io.BytesIO((SAVED / "briefs.atom").read_bytes())))
    assert [r.id for r in found] == ["stdin:1", "stdin:2"]


# --- Markdown ----------------------------------------------------------------------------------

def test_front_matter_is_metadata_and_markup_is_not_text():
    note = one(SAVED / "mission-notes.md")
    assert (note.title, note.date, note.url) == ("Notes: NATO Mission Iraq grows", "2021-02-18",
                                                 "https://notes.example/nmi-grows")
    assert note.meta == {"source": "analyst notebook"}
    assert note.text.startswith("NATO Mission Iraq grows\n\nThe mission will grow from 500 to about 4,000 personnel")
    assert "about 2,500 troops of the U.S." in note.text
    for markup in ("---", "**", "](", "https://", "#", "trainer.jpg", "title:"):
        assert markup not in note.text, markup


@pytest.mark.parametrize("source, expected", [
    ("from **500** to about **4,000**", "from 500 to about 4,000"),
    ("sent [about 2,500 troops](https://x.example) to Iraq", "sent about 2,500 troops to Iraq"),
    ("## 300 *more* soldiers\n\nText.", "300 more soldiers\n\nText."),
    ("- 200 trainers\n- 50 <b>advisers</b>", "200 trainers\n\n50 advisers"),
    ("| Force | Troops |\n|---|---|\n| US | 2,500 |", "Force\tTroops\n\nUS\t2,500"),
    ("No front matter: just text.", "No front matter: just text."),
    ('<div class="clip">\n<p>NATO sent <b>500</b> trainers.</p>\n</div>\n\n<!-- 300 -->\n\nAfter.',
     "NATO sent 500 trainers.\n\nAfter."),
])
def test_markdown_reads_as_its_plain_text(source, expected):
    assert read_markdown(source).text == expected


def test_bad_front_matter_is_a_warning_and_the_text_is_kept(tmp_path):
    path = tmp_path / "note.md"
    path.write_text("---\ntitle: [unclosed\n---\nNATO has 500 trainers in Iraq.\n")
    found = items(path)
    assert [r.text for r in records(found)] == ["NATO has 500 trainers in Iraq."]
    assert warnings(found) == [f"{path}: front matter is not valid YAML (line 2); read as text without metadata"]


# --- a folder as an analyst keeps one ----------------------------------------------------------

def test_a_mixed_folder_gives_one_record_per_article_and_names_every_unreadable_file(tmp_path):
    saved = tmp_path / "saved"
    shutil.copytree(SAVED, saved)
    (saved / "logo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (saved / "empty.rss").write_bytes(b"")
    (saved / "settings.xml").write_text('<?xml version="1.0"?><settings><theme>dark</theme></settings>')
    (saved / "menu.html").write_text("<html><body><nav><ul><li><a href='/'>Home</a></li></ul></nav></body></html>")
    (saved / "notes.md").write_text("---\ntitle: only metadata\n---\n")
    (saved / "broken.jsonl").write_text('{"text": "NATO has 500 trainers."}\n{"title": "no text"}\n')
    (saved / "readme.pdf").write_bytes(b"%PDF-1.4")  # not an article format: not looked at
    found = items(saved)
    ids = sorted(r.id for r in records(found))
    assert ids == sorted([
        "nato-mission-iraq.html", "syndicated-copy.html", "denmark-command.htm",
        "defence-news.rss:1", "defence-news.rss:2", "briefs.atom:1", "briefs.atom:2",
        "mission-notes.md", "wire-2016.txt", "scraped.jsonl:1", "scraped.jsonl:2", "broken.jsonl:1",
    ])
    reasons = {line.split(": ", 1)[0].removeprefix(f"{saved}/"): line.split(": ", 1)[1] for line in failures(found)}
    assert set(reasons) == {"logo.html", "empty.rss", "settings.xml", "menu.html", "notes.md", "broken.jsonl:2"}
    assert "binary" in reasons["logo.html"] and reasons["empty.rss"] == "empty file"
    assert reasons["menu.html"] == "no article text found in the page"
    assert "not an RSS or Atom feed" in reasons["settings.xml"]
    assert reasons["notes.md"] == "no text besides front matter and markup"
    assert reasons["broken.jsonl:2"] == "record has no 'text' field"


# --- duplicates --------------------------------------------------------------------------------

def test_an_exact_copy_is_found_through_case_spacing_and_punctuation():
    seen = Duplicates()
    assert seen.original("a", "NATO has 500 trainers in Iraq.") is None
    assert seen.original("b", "  nato has 500 trainers\n in Iraq ") == ("a", "exact")
    assert seen.original("c", "NATO has 600 trainers in Iraq.") is None  # another figure: another article


# Compared exactly (a small run), and through the MinHash LSH index from the first text (a large one).
BOTH_WAYS = pytest.mark.parametrize("exact_up_to", [EXACT_UP_TO, 0])


@BOTH_WAYS
def test_a_syndicated_copy_with_its_own_headline_and_footer_is_a_near_copy(exact_up_to):
    original, copy, other = (one(SAVED / name).text for name in (
        "nato-mission-iraq.html", "syndicated-copy.html", "denmark-command.htm"))
    seen = Duplicates(exact_up_to=exact_up_to)
    assert seen.original("original", original) is None
    assert seen.original("other", other) is None  # the same mission, another article
    assert seen.original("copy", copy) == ("original", "near")
    assert seen.original("copy again", copy) == ("copy", "exact")
    assert NEAR_THRESHOLD == 0.8  # docs/cli.md documents it


def test_the_index_takes_over_from_exact_comparison_without_forgetting():
    texts = [" ".join(f"w{n}x{i}" for i in range(60)) for n in range(4)]
    seen = Duplicates(exact_up_to=2)
    assert [seen.original(str(n), text) for n, text in enumerate(texts)] == [None] * 4
    assert seen.original("copy", texts[0] + " footer") == ("0", "near")  # remembered before the switch
    assert seen.original("copy3", "header " + texts[3]) == ("3", "near")


@BOTH_WAYS
def test_no_two_articles_of_the_gold_corpus_and_seeds_are_taken_for_copies(exact_up_to):
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    for path in sorted(GOLD.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
            record = json.loads(line)
            if "text" in record:
                texts.append((f"{path.name}:{number}", record["text"]))
    distinct = {" ".join(text.split()) for _, text in texts}
    seen = Duplicates(exact_up_to=exact_up_to)
    copies = [(name, seen.original(name, text)) for name, text in texts]
    found = [(name, copy) for name, copy in copies if copy]
    # the gold files repeat some articles word for word; those are the only copies there may be
    assert len(found) == len(texts) - len(distinct), found
    assert all(how == "exact" for _, (_, how) in found)
