"""The title of a plain-text article: the first line near the top that reads as a headline.

Saved web pages often open with the site's banner ("Iraq News - Local News -
Baghdadpost", "Millennium Post") and a byline before or after the headline.
Among the first few lines above the body, the title is the first that reads as
a headline: at least four words, no closing full stop, not a byline, not a
row of short banner segments joined by " - " or " | ". When none does, the first short line
is kept, as before; an article that opens with its body has no title.
"""

from __future__ import annotations

import re

TITLE_MAX = 160  # longer than this, a line is body text, not a heading
LOOK_AHEAD = 5  # non-blank lines searched for a headline
HEADLINE_WORDS = 4  # fewer than this is a name (a site, a section), not a headline
BANNER_SEGMENT_WORDS = 3  # a banner is a row of segments this short
_SEPARATORS = re.compile(r"\s+[-|–—:•·]\s+|\s*\|\s*")
_BYLINE = re.compile(r"^(by|from|posted by|written by)\s", re.IGNORECASE)
#: Words a title-case headline leaves in lower case ("Troops on the Move"), name particles among them.
MINOR_WORDS = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at", "to", "for", "by",
                         "with", "from", "as", "vs", "via", "per", "into", "onto", "over", "up", "off", "out",
                         "al", "el", "bin", "de", "la", "le", "du", "da", "van", "von", "der"})
_WORD = re.compile(r"[^\W\d_][\w'’.]*")  # a hyphen parts words: "al-Anbar"


def is_banner(line: str) -> bool:
    """ "Iraq News - Local News - Baghdadpost": every segment a name of a few words."""
    parts = [part for part in _SEPARATORS.split(line) if part.strip()]
    return len(parts) >= 2 and all(len(part.split()) <= BANNER_SEGMENT_WORDS for part in parts)


def reads_as_headline(line: str) -> bool:
    """Four words or more, no full stop at the end (that is a sentence), no banner, no byline."""
    return (len(line.split()) >= HEADLINE_WORDS and len(line) <= TITLE_MAX and not line.endswith(".")
            and not is_banner(line) and not _BYLINE.match(line))


def is_title_case(line: str) -> bool:
    """A headline in title case ("Allies Weigh Larger Force For Training Mission"): every word capitalised
    but the minor ones, not a line in capitals, not a byline or a banner. Statistical NER reads a run of
    its capitalised words as one name."""
    words = [word for word in _WORD.findall(line) if word.lower() not in MINOR_WORDS]
    return (reads_as_headline(line.strip()) and bool(words) and all(word[0].isupper() for word in words)
            and not all(word.isupper() for word in words))


def choose_title(text: str) -> str | None:
    """The headline among the first lines of ``text``; else its first line when that is short."""
    lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if len(line) > TITLE_MAX or len(lines) == LOOK_AHEAD:  # the body has begun
            break
        lines.append(line)
    headline = next((line for line in lines if reads_as_headline(line)), None)
    if headline:
        return headline
    first = next((raw.strip() for raw in text.splitlines() if raw.strip()), "")
    return first if first and len(first) <= TITLE_MAX else None
