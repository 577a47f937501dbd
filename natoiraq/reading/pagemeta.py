"""What a saved page says about its own article: the headline, the day it was published, who wrote it.

trafilatura's metadata is a good start and wrong in ways an analyst sees at once:
the ``<title>`` keeps the site's suffix ("… | CNN Politics", "- Reuters"), a wire
page's ``<title>`` is the site's ("News from The Associated Press") while the
headline is marked up in the page, htmldate can prefer a revision date to the
page's own ``article:published_time``, and an "author" can be a login widget
("Account You're logged"), a month or a job title. These functions correct that
from the page's markup; each is pure and table-tested.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

from natoiraq.reading.metadata import DateError, publication_date

#: Between a headline and the site's name in a ``<title>``.
TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|»)\s+")
#: A headline marked up as one (schema.org, hNews) is the headline, whatever ``<title>`` says.
HEADLINE_PATH = ('//*[not(self::meta)][@itemprop="headline"]'
                 ' | //*[contains(concat(" ", normalize-space(@class), " "), " entry-title ")]')
#: The page's own publication time, in the order trusted; revision and modification dates are not here.
PUBLISHED_META = ("article:published_time", "og:article:published_time", "datePublished", "DC.date.issued",
                  "dc.date", "pub_date", "publish_date", "date")
#: Words that end a byline's name and start the writer's job ("Andrea Stone Senior Washington Correspondent").
JOB_WORDS = frozenset({"senior", "chief", "correspondent", "reporter", "editor", "writer", "staff", "contributor",
                       "columnist", "producer", "analyst", "bureau", "special", "contributing", "is"})
#: Lower-case words inside a person's name ("Ursula von der Leyen").
NAME_PARTICLES = frozenset({"de", "der", "den", "van", "von", "da", "del", "della", "di", "du", "la", "le", "bin",
                            "ibn", "al", "el", "ben", "bint", "y"})
#: Capitalised words that are never part of a person's name in a byline.
NOT_NAMES = frozenset({"the", "account", "you're", "you", "logged", "login", "sign", "by", "and", "associated",
                       "press", "reuters", "agency", "staff", "news", "media", "group", "inc", "ltd", "online",
                       "january", "february", "march", "april", "may", "june", "july", "august", "september",
                       "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
                       "saturday", "sunday", "updated", "published", "share", "follow", "email"})
_BYLINE_SPLIT = re.compile(r"\s*(?:;|,|\band\b|&)\s*")
_COMPACT = re.compile(r"[\W_]+")


def headline(title: str | None, marked: list[str], headings: list[str], names: list[str]) -> str | None:
    """The article's headline from the page's ``title`` (trafilatura's pick: ``og:title`` or ``<title>``),
    the headlines ``marked`` up in the page, its ``<h1>`` ``headings``, and the ``names`` a site suffix can
    hold (the site's name, its domain's words, the authors)."""
    marked = [" ".join(text.split()) for text in marked if len(text.split()) > 1]
    if marked:
        return marked[0]
    if not title:
        return None
    for heading in headings:  # "2012 map takes unfamiliar shape - Maggie Haberman and ..." with that <h1>
        heading = " ".join(heading.split())
        if heading and title != heading and any(title[:m.start()] == heading for m in TITLE_SEPARATORS.finditer(title)):
            return heading
    return strip_site(title, names)


def strip_site(title: str, names: list[str]) -> str:
    """``title`` without trailing parts that name the site or the writers ("… | CNN Politics")."""
    keys = [_compact(name) for name in names if len(_compact(name)) >= 3]
    while True:
        cuts = list(TITLE_SEPARATORS.finditer(title))
        if not cuts:
            return title
        tail = title[cuts[-1].end():]
        if len(tail.split()) > 6 or not _names_site(tail, keys):
            return title
        title = title[:cuts[-1].start()]


def _names_site(tail: str, keys: list[str]) -> bool:
    parts = [_compact(part) for part in _BYLINE_SPLIT.split(tail) if part.strip()]
    whole = _compact(tail)
    return len(whole) >= 3 and (any(whole.startswith(key) or key.startswith(whole) for key in keys)
                                or bool(parts) and all(part in keys for part in parts))


def _compact(text: str) -> str:
    return _COMPACT.sub("", text).casefold()


def site_names(site: str | None, url: str | None, authors: list[str]) -> list[str]:
    """What a title's suffix may name: the site, its domain's words ("reuters" of in.reuters.com), the writers."""
    host = urlsplit(url).hostname or "" if url else ""
    return [name for name in (site, *host.split("."), *authors) if name and name != "www"]


def person_names(byline: str | None) -> list[str]:
    """The people a byline or author field names: "By Fergus Jensen" -> ["Fergus Jensen"]; a login
    widget, a month, a publication ("The Aviationist") or a company name alone -> nothing."""
    names = []
    for part in _BYLINE_SPLIT.split(byline or ""):
        words = part.split()
        if words and words[0].casefold() == "by":
            words = words[1:]
        for at, word in enumerate(words):  # the job title after the name
            if at >= 2 and word.casefold() in JOB_WORDS:
                words = words[:at]
                break
        name = " ".join(words)
        if name.isupper():  # "LYNNE O'DONNELL" in a wire byline
            name = name.title()
        if _person_shaped(name.split()) and name not in names:
            names.append(name)
    return names


def _person_shaped(words: list[str]) -> bool:
    if not 2 <= len(words) <= 5 or any(char.isdigit() for word in words for char in word):
        return False
    for word in words:
        if word.casefold() in NOT_NAMES:
            return False
        if not word[0].isupper() and word not in NAME_PARTICLES:
            return False
    return True


def published_day(tree) -> str | None:
    """The page's own publication day from its markup (meta tags, ``itemprop``, JSON-LD), or None."""
    values = []
    for key in PUBLISHED_META:
        values += tree.xpath(f'//meta[@property="{key}" or @name="{key}" or @itemprop="{key}"]/@content')
    values += tree.xpath('//*[@itemprop="datePublished"]/@datetime | //*[@itemprop="datePublished"]/@content')
    for script in tree.xpath('//script[@type="application/ld+json"]/text()'):
        values += _json_ld_published(script)
    for value in values:
        try:
            return publication_date(value)
        except DateError:
            continue
    return None


def _json_ld_published(script: str) -> list[str]:
    try:
        data = json.loads(script)
    except ValueError:
        return []
    found, stack = [], [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            if isinstance(item.get("datePublished"), str):
                found.append(item["datePublished"])
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return found


def meta_authors(tree) -> list[str]:
    """``article:author`` names (not the profile URLs some sites put there): the article's writers,
    where ``<meta name="author">`` can be the publisher ("Condé Nast")."""
    values = tree.xpath('//meta[@property="article:author" or @name="article:author"]/@content')
    return [name for value in values if "/" not in value for name in person_names(value)]
