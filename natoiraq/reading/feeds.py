"""RSS and Atom feeds: each item is an article.

feedparser reads every RSS and Atom dialect and the broken ones sites serve.
An item's text is its full content where the feed carries it (``content:encoded``,
Atom ``<content>``), else its summary; either is HTML and goes through the same
main-text extraction as a saved page. The text reported is the item's title,
a blank line, then that text; an item with a title and no text (or a summary
that is only an image) is its title alone. Its address is feedburner's
``origLink`` where the feed has one, not the redirect in ``<link>``. The publication date is the item's own
``pubDate``/``published`` (or ``updated``), read as written so that the day is
the writer's, not UTC's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from natoiraq.reading.decoding import decoded
from natoiraq.reading.html import PARAGRAPH_BREAK, read_page
from natoiraq.reading.metadata import DateError, publication_date
from natoiraq.reading.records import InputFailure, InputWarning, Item, Record, shown

_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]")


@dataclass
class Entry:
    number: int  # 1-based position in the feed
    text: str | None  # None: the item has neither a title nor content nor summary
    title: str | None = None
    date: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


class NotAFeed(ValueError):
    """The bytes are not a feed; the message says why."""


def read_feed(data: bytes) -> Iterator[Entry]:
    """The items of the feed in ``data``; NotAFeed when it is none."""
    import feedparser  # only feeds need it

    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        if parsed.get("version"):
            raise NotAFeed("feed has no items")
        raise NotAFeed(f"not an RSS or Atom feed ({problem})" if problem else "not an RSS or Atom feed")
    site = (parsed.feed.get("title") or "").strip()
    for number, entry in enumerate(parsed.entries, start=1):
        title = " ".join((entry.get("title") or "").split()) or None
        meta = {"site_name": site} if site else {}
        if entry.get("author"):
            meta["author"] = entry["author"]
        contents = entry.get("content") or []
        body = contents[0].get("value") if contents else entry.get("summary")
        if not contents:
            meta["feed_text"] = "summary"
        page = read_page(body, fragment=True) if body and body.strip() else None
        text = title  # a headline alone is an item still: a wire's one-line flash, a feed of titles
        if page is not None:
            text = page.text if not title or page.text.startswith(title) else title + PARAGRAPH_BREAK + page.text
        # feedburner's <link> is its redirect; origLink is the article's own address
        url = entry.get("feedburner_origlink") or entry.get("link")
        yield Entry(number, text, title=title, date=_item_date(entry), url=url, meta=meta)


def _item_date(entry) -> str | None:
    for written, parsed in (("published", "published_parsed"), ("updated", "updated_parsed")):
        if entry.get(written):
            try:
                return publication_date(entry[written])
            except DateError:
                pass
        if entry.get(parsed):  # feedparser's reading of a form we do not know, in UTC; year 1 refused as ours is
            try:
                return publication_date("{:04d}-{:02d}-{:02d}".format(*entry[parsed][:3]))
            except DateError:
                pass
    return None


def looks_like_feed(data: bytes) -> bool:
    """Whether stdin holds an RSS or Atom feed."""
    return bool(_FEED_ROOT.search(data[:2048]))


def feed_records(data: bytes, path: str, doc_id: str, file_date: str | None, fields=None) -> Iterator[Item]:
    """A record per item of a feed file, a failure per item without text (the reader for .rss, .atom, .xml)."""
    for item in decoded(data, path):  # a feed declares its own encoding; this only finds empty and binary files
        if isinstance(item, InputFailure) and not isinstance(item, InputWarning):
            yield item
            return
    try:
        for entry in read_feed(data):
            if entry.text is None:
                yield InputFailure(path, f"item {entry.number} has no title, content or summary")
                continue
            yield Record(id=f"{doc_id}:{entry.number}", text=entry.text, source=shown(path), title=entry.title,
                         date=entry.date, url=entry.url, meta=entry.meta)
    except NotAFeed as exc:
        yield InputFailure(path, str(exc))
