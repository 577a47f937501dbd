"""The page around an article that main-text extraction lets through, taken out of its paragraphs.

trafilatura keeps what sits inside the article's container: a skip link ("Main
Content"), a "Get reporter alerts" button, the writers' names under the story, a
"Trending On Reuters" sidebar after it, a copyright notice. Their names become
entities and their figures facts, so they are dropped here, by what they say.
"""

from __future__ import annotations

import re

#: Lines that are controls or labels, never article text (compared case-folded, whole).
FURNITURE_LINES = frozenset({
    "main content", "skip to main content", "skip to content", "get reporter alerts", "full article",
    "advertisement", "story continues below advertisement", "share this article", "read more", "-", "|",
})
#: A heading that starts a list of other stories: it and everything after it go, in the text's second half.
SIDEBAR_HEADINGS = re.compile(
    r"(trending on \w+|trending( now| stories)?|related (coverage|stories|articles|content)|most (popular|read)"
    r"|more from \w+( \w+)?|recommended( for you)?|you (may|might) also like|top news|latest news)", re.IGNORECASE)
#: A copyright notice: in one of the last paragraphs, it and what follows go.
COPYRIGHT = re.compile(r"©|\(c\) \d{4}|\bcopyright\b|\ball rights reserved\b", re.IGNORECASE)
#: A paragraph with a notice and no more words than this is a footer; a longer one is cut at the notice.
FOOTER_WORDS = 40
TAIL_PARAGRAPHS = 3
DATELINE_WORDS = 3
_SENTENCE_START = re.compile(r"(?<=[.!?\"”])\s+")
_TABLE_EDGE = re.compile(r"^\|\s*|\s*\|$")


def without_furniture(paragraphs: list[str], title: str | None, authors: list[str]) -> list[str]:
    """``paragraphs`` of a page's main text, less the page's furniture; the headline stays first."""
    kept = []
    for number, paragraph in enumerate(paragraphs):
        text = _TABLE_EDGE.sub("", paragraph).strip()  # a layout table's row, "| story |"
        folded = " ".join(text.split()).casefold()
        if not folded or folded in FURNITURE_LINES:
            continue
        if SIDEBAR_HEADINGS.fullmatch(folded) and number > len(paragraphs) / 2:
            break
        if number and title and folded == " ".join(title.split()).casefold():
            continue  # the headline again, under the skip link
        following = paragraphs[number + 1] if number + 1 < len(paragraphs) else ""
        if len(folded.split()) <= DATELINE_WORDS and following.casefold().startswith(folded):
            continue  # a dateline set apart, then repeated: "JAKARTA", "JAKARTA (Reuters) - ..."
        kept.append(text)
    while kept and kept[-1] in authors:  # the writers' names under the story
        kept.pop()
    return _without_copyright(kept)


def _without_copyright(paragraphs: list[str]) -> list[str]:
    for at in range(max(1, len(paragraphs) - TAIL_PARAGRAPHS), len(paragraphs)):
        found = COPYRIGHT.search(paragraphs[at])
        if not found:
            continue
        if len(paragraphs[at].split()) <= FOOTER_WORDS:
            return paragraphs[:at]
        starts = [m.end() for m in _SENTENCE_START.finditer(paragraphs[at], 0, found.start())]
        return paragraphs[:at] + ([paragraphs[at][:starts[-1]].rstrip()] if starts else [])
    return paragraphs
