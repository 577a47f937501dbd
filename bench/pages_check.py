"""How well natoiraq reads the real saved pages and feeds in ../shared/dev/pages.

A script, not a test: a clone has no shared/ folder. For each page it holds what a
person read off the page by hand (the headline, the page's own publication day, the
authors, and a few words from the first and the last sentence of the article) and
reports, page by page, which of those natoiraq gets wrong; for each feed, how many
items it should read. Run it before and after a change to the readers:

    .venv/bin/python bench/pages_check.py [--troops] [PAGES_DIR]

``--troops`` also extracts, and requires that the pages about polo, pay or
software releases give no troop figure (slow: it loads the model).
"""

from __future__ import annotations

import argparse
import os
import sys
import unicodedata
from dataclasses import dataclass

_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: ../shared/dev/pages beside the main checkout, or beside the folder of worktrees.
CANDIDATES = [os.path.join(_ROOT, *[".."] * up, "shared", "dev", "pages") for up in (1, 2)]
#: A first fragment must lie this near the start of the body, a last one this near its end.
EDGE = 300


@dataclass(frozen=True)
class Truth:
    titles: tuple[str, ...]  # any of these is the headline
    date: str
    authors: tuple[str, ...]  # empty: the page names no person
    first: str
    last: str
    absent: tuple[str, ...] = ()  # page furniture that must not be in the text
    troops: bool = True  # False: a story with no troop figure in it


PAGES = {
    "AndyTheFactory--cnn_test_nlp.html": Truth(
        ("Gates on Tillerson and Russia: 'Being friendly doesn't make you friends'",), "2016-12-18",
        ("Eric Bradner",), "Robert Gates on Sunday defended", "false narrative"),
    "AndyTheFactory--wired_001.html": Truth(
        ("Intensified Israeli Surveillance Has Put the West Bank on Lockdown",), "2023-11-07",
        ("Tom Bennett",), "Ahmed Azza was given permission", "because it doesn't work"),
    "AndyTheFactory--yna_co_kr.html": Truth(
        ("N. Korea slams S. Korea for joint military drill, warns of consequences",), "2019-08-20",
        (), "official newspaper blasted South Korea", "exercise with Washington is over"),
    "adbar--reuters.com.parasite.html": Truth(
        ("'Parasite' scores historic upset at SAG awards, boosting Oscar chances",), "2020-01-19",
        ("Jill Serjeant",), "was the upset winner", "the most beautiful dream", troops=False),
    "adbar--theguardian.com.academics.html": Truth(
        ("Thousands of UK academics 'treated as second-class citizens'",), "2020-01-20",
        ("Richard Adams",), "Thousands of academic staff", "on the cards later this year", troops=False),
    "adbar--theintercept.com-Gaza.html": Truth(
        ("What It's Like to Give Birth in Gaza",), "2023-11-08",
        ("Ibtisam Mahdi", "Ruwaida Kamal Amer"), "The Israeli assault on the Gaza Strip", "imposed on us by wars"),
    "codelucas--ap_meta_refresh.html": Truth(
        ("Father of Orlando gunman known for rambling political videos",), "2016-06-13",
        ("Lynne O'Donnell",), "The father of the Orlando nightclub gunman", "contributed to this story",
        absent=("All rights reserved", "|"), troops=False),
    "codelucas--businessinsider.com1.html": Truth(
        ("Argentina's Huge Fighter Jet Purchase Could Raise Tensions With Britain",), "2014-12-29",
        ("David Cenciotti",), "The UK may be forced to review", "Fuerza Aérea Argentina",
        absent=("Copyright",)),
    "codelucas--businessweek.com1.html": Truth(
        ("Afghanistan's New Millionaires",), "2014-12-18",
        ("Mujib Mashal",), "Do you want to listen to Taliban cassette", "God will inflict on them"),
    "codelucas--reuters.com2.html": Truth(
        ("Indonesia expands search for missing AirAsia jet, U.S. sends warship",), "2014-12-30",
        ("Fergus Jensen",), "Countries around Asia on Tuesday", "Editing by Michael Perry",
        absent=("Trending On Reuters", "Full Article")),
    "codelucas--talkingpointsmemo.com1.html": Truth(
        ("The Small Miracle You Haven't Heard About Amid the Carnage in Syria",), "2015-01-14",
        ("Malcolm Harris",), "Islamic State forces surrounded", "Rojava shows us it's possible"),
    "codelucas--telegraph.co.uk1.html": Truth(
        ("AirAsia plane found in Java Sea: latest",), "2014-12-31",
        ("Harriet Alexander",), "Seven bodies from 162 on board", "Relatives of passengers on AirAsia"),
    "goose3--aolNews.html": Truth(
        ("The Few. The Proud. The Marines ... Getting a Makeover?", "The Few. The Proud. The New Marines?"),
        "2010-08-13", ("Andrea Stone",), "Defense Secretary Robert Gates has ordered a review",
        "transform it into something else"),
    "goose3--foxNews.html": Truth(
        ("Russia's Nuclear Help to Iran Stirs Questions About Its 'Improved' Relations With U.S.",), "2010-08-14",
        (), "Russia's announcement that it will help Iran", "contributed to this report"),
    "goose3--politico.html": Truth(
        ("2012 map takes unfamiliar shape",), "2010-10-09",
        ("Maggie Haberman", "Shira Toeplitz"), "If the newest Census Bureau estimates", "energizes our folks even more",
        absent=("Main Content", "Get reporter alerts"), troops=False),
}

#: Items in each feed: every one, those with a headline and no summary too.
FEEDS = {"bbc-world-2017.xml": 3, "cnn-2019.rss": 29, "reuters-world-2018.rss": 10}


def _norm(text: str) -> str:
    """Quotes and spaces as typed, case folded: the check is about words, not typography."""
    text = unicodedata.normalize("NFKC", text)
    for curly, plain in (("‘", "'"), ("’", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, plain)
    return " ".join(text.split()).casefold()


def page_problems(record, truth: Truth) -> list[str]:
    problems = []
    if _norm(record.title or "") not in {_norm(title) for title in truth.titles}:
        problems.append(f"title {record.title!r}")
    if record.date != truth.date:
        problems.append(f"date {record.date!r}")
    found = tuple(name.strip() for name in (record.meta.get("author") or "").split(";") if name.strip())
    if [_norm(name) for name in found] != [_norm(name) for name in truth.authors]:
        problems.append(f"author {'; '.join(found)!r}")
    body = _norm(record.text)
    title = _norm(record.title or "")
    if body.startswith(title):
        body = body[len(title):].lstrip()
    if _norm(truth.first) not in body[:EDGE]:
        problems.append(f"starts {body[:60]!r}")
    if _norm(truth.last) not in body[-EDGE:]:
        problems.append(f"ends {body[-60:]!r}")
    problems.extend(f"keeps {word!r}" for word in truth.absent if _norm(word) in body)
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", default=next((c for c in CANDIDATES if os.path.isdir(c)), CANDIDATES[0]))
    parser.add_argument("--troops", action="store_true", help="also extract, and check for troop figures")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        print(f"no folder {args.folder}: nothing to check", file=sys.stderr)
        return 0
    from natoiraq.reading.inputs import read_inputs
    from natoiraq.reading.records import InputFailure, Record

    right, records = 0, {}
    for name, truth in PAGES.items():
        items = list(read_inputs([os.path.join(args.folder, name)]))
        record = next((item for item in items if isinstance(item, Record)), None)
        problems = page_problems(record, truth) if record else [f"unread: {items}"]
        right += not problems
        records[name] = record
        print(f"{'ok  ' if not problems else 'BAD '} {name}" + "".join(f"\n       {p}" for p in problems))
    feeds_right = 0
    for name, expected in FEEDS.items():
        items = list(read_inputs([os.path.join(args.folder, name)]))
        count = sum(isinstance(item, Record) for item in items)
        failed = [item for item in items if isinstance(item, InputFailure)]
        # feedburner's redirect ("/~r/") in place of the article's own address (feedburner:origLink)
        redirects = sum(isinstance(item, Record) and "/~r/" in (item.url or "") for item in items)
        good = count == expected and not failed and not redirects
        feeds_right += good
        print(f"{'ok  ' if good else 'BAD '} {name}: {count} of {expected} items read, {len(failed)} failed, "
              f"{redirects} redirect links")
    troops_right = None
    if args.troops:
        import natoiraq

        quiet = [name for name, truth in PAGES.items() if not truth.troops and records[name]]
        facts = natoiraq.extract([records[name] for name in quiet])
        figures = {name: document.troops for name, document in zip(quiet, facts)}
        troops_right = sum(not found for found in figures.values())
        for name, found in figures.items():
            if found:
                print(f"BAD  {name}: troop figures {[troop.text for troop in found]}")
    print(f"pages right: {right} of {len(PAGES)}; feeds right: {feeds_right} of {len(FEEDS)}"
          + (f"; pages with no troop figure: {troops_right} of {len(figures)}" if troops_right is not None else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
