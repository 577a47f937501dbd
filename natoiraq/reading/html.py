"""Saved web pages: the article's own text and metadata, without the page around it.

trafilatura finds the main text (navigation, cookie banners, related-story
sidebars, comments and footers left out): a sidebar headline's troop figure
is not the article's. Its metadata gives the title, canonical URL (or
``og:url``), site name and author, corrected by :mod:`.pagemeta` (the headline
without the site's suffix, the writers as people's names); the publication date
is the page's own (``article:published_time``, ``datePublished``), else
htmldate's reading of the markup (``<time>``, the URL), never a guess from the
text, because that date becomes the reference date. What trafilatura lets
through of the page around the article is dropped by :mod:`.furniture`.

The text natoiraq reports for a page, and which its offsets index, is the
headline and then the body's paragraphs, separated by blank lines.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from natoiraq.parsing.titles import choose_title
from natoiraq.reading.decoding import decoded
from natoiraq.reading.furniture import without_furniture
from natoiraq.reading.pagemeta import (HEADLINE_PATH, headline, meta_authors, person_names, published_day,
                                       site_names)
from natoiraq.reading.records import PARAGRAPH_BREAK, InputFailure, InputWarning, Item, Record, shown

#: htmldate settings: the original publication date, from markup only.
DATE_SEARCH = {"original_date": True, "extensive_search": False}
#: Words in one table cell beyond which the table lays out a page rather than holding data.
LAYOUT_CELL_WORDS = 150
#: Fewer words than this besides the headline is a menu or an index page ("Home"), not an article.
MIN_PAGE_WORDS = 10
#: Markup a browser never shows: ``<template>`` holds text for scripts to use, not the article.
UNSHOWN = "//template"


@dataclass
class Page:
    text: str
    title: str | None = None
    date: str | None = None
    url: str | None = None
    meta: dict[str, str] = field(default_factory=dict)


def read_page(html: str | bytes, url: str | None = None, fragment: bool = False) -> Page | None:
    """The article in ``html``; None when the page holds no article text.

    A ``fragment`` (a feed item's content) too short for trafilatura to call an
    article is taken whole, as text.
    """
    import trafilatura  # heavy; only pages need it
    from trafilatura.utils import load_html

    _quiet_libraries()

    if fragment:
        html = f"<html><body>{html}</body></html>"
    tree = load_html(html)
    if tree is None:
        return None
    marked = [element.text_content() for element in tree.xpath(HEADLINE_PATH)]
    headings = [element.text_content() for element in tree.xpath("//h1")]
    own_day, writers = published_day(tree), meta_authors(tree)
    _unwrap_layout_tables(tree)
    document = trafilatura.bare_extraction(
        # favor_precision: a sidebar line lost costs less than a sidebar figure taken for the article's
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
        date_extraction_params=DATE_SEARCH, prune_xpath=UNSHOWN,
    )
    body = document.text if document is not None else None
    if (not body or not body.strip()) and fragment:
        body = trafilatura.html2txt(html)
    if not body or not body.strip():
        return None
    authors = writers or person_names(document.author if document is not None else None)
    title = None
    # A fragment's "title" would be trafilatura's guess from its first lines; a feed item has its own.
    if document is not None and not fragment:
        names = site_names(document.sitename, document.url or url, authors + [document.author or ""])
        title = headline(_clean(document.title), marked, headings, names)
    paragraphs = without_furniture([line.strip() for line in body.splitlines() if line.strip()], title, authors)
    if not paragraphs:
        return None
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    if not fragment and sum(len(p.split()) for p in paragraphs[1 if title else 0:]) < MIN_PAGE_WORDS:
        return None
    meta = {}
    if document is not None:
        meta = {key: value for key, value in (("site_name", _clean(document.sitename)), ("author", "; ".join(authors)))
                if value}
    return Page(text=PARAGRAPH_BREAK.join(paragraphs), title=title or None,
                date=own_day or (document.date if document is not None else None),
                url=(document.url if document is not None else None) or url, meta=meta)


def _unwrap_layout_tables(tree) -> None:
    """A table one of whose cells holds a story is the page's layout, not data: its cells become blocks,
    so that the story is read as paragraphs rather than as "| story |" rows."""
    for table in tree.xpath("//table"):
        cells = table.xpath(".//td | .//th")
        if any(len(cell.text_content().split()) >= LAYOUT_CELL_WORDS for cell in cells):
            for element in [table, *table.xpath(".//tbody | .//thead | .//tfoot | .//tr"), *cells]:
                element.tag = "div"


def _quiet_libraries() -> None:
    """trafilatura and htmldate log what they discard as warnings; natoiraq reports its own, one line per input."""
    import logging

    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) if value else None


def looks_like_html(text: str) -> bool:
    """Whether stdin holds a web page rather than plain text."""
    head = text.lstrip("\ufeff \t\r\n")[:1024].lower()
    return head.startswith(("<!doctype html", "<html")) or (head.startswith("<") and "<body" in text[:65536].lower())


def page_records(data: bytes, path: str, doc_id: str, file_date: str | None, fields=None) -> Iterator[Item]:
    """The article of a saved page, or why there is none (the reader :mod:`.inputs` calls for .html)."""
    not_utf8 = False
    for item in decoded(data, path):
        if isinstance(item, InputWarning):
            not_utf8 = True  # no warning: trafilatura reads the page's own charset declaration
            continue
        if not isinstance(item, str):
            yield item
            continue
        if not item.lstrip().startswith("<"):
            yield InputFailure(path, "not an HTML page (it does not start with a tag)")
            return
        page = read_page(data if not_utf8 else item)
        if page is None:
            yield InputFailure(path, "no article text found in the page")
            return
        yield Record(id=doc_id, text=page.text, source=shown(path), title=page.title or choose_title(page.text),
                     date=page.date, url=page.url, meta=page.meta, filename_date=file_date)
