"""Who published an article: its outlet, so that a figure can be cited and independent sources counted.

In order of trust: what the page or feed says of itself (``site_name``, an ``outlet`` or ``publisher``
field of a JSON Lines record), a wire dateline at the head of the text ("BRUSSELS (Reuters) -"), and
last the URL's domain ("www.defensenews.com" is "defensenews.com").
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

#: Metadata fields that name the outlet, in order of preference.
OUTLET_FIELDS = ("outlet", "site_name", "publisher")
#: How much of the text a dateline may sit in (after a headline and a byline).
DATELINE_REACH = 400
# "BRUSSELS (Reuters) -", "KYIV, Ukraine (AP) —", "LONDON, Jan 5 (Reuters) -": a capitalised place,
# optionally a region or a date after commas, the agency in brackets, then a dash.
_DATELINE = re.compile(r"(?m)^[ \t]*[A-Z][A-Z .'-]{1,40}(?:,[ \t]*[A-Z][\w .']{0,30}){0,2}[ \t]*"
                       r"\(([A-Z][A-Za-z&.' ]{0,30}[A-Za-z.])\)[ \t]*[-–—]")


def dateline(text: str | None) -> str | None:
    """The agency of a wire dateline at the head of ``text``: "Reuters" for "BRUSSELS (Reuters) - ..."."""
    if not text:
        return None
    match = _DATELINE.search(text[:DATELINE_REACH])
    return match[1] if match else None


def domain(url: Any) -> str | None:
    """A web address's host without "www.": "defensenews.com"; None for anything but http(s)."""
    if not isinstance(url, str) or not url.startswith(("https://", "http://")):
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def outlet(meta: dict[str, Any], text: str | None = None) -> str | None:
    """The outlet of a document with this ``meta`` (and ``text``, for a dateline); None when nothing says."""
    for name in OUTLET_FIELDS:
        value = meta.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return dateline(text) or domain(meta.get("url"))
