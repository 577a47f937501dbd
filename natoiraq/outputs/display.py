"""How a figure reads to a person, the same in the terminal view, the HTML report and the timeline."""

from __future__ import annotations

from natoiraq.parsing.periods import readable

#: How a qualifier reads before a figure's bounds: "~500", ">300,000".
QUALIFIER_MARKS = {"exact": "", "approximate": "~", "more_than": ">", "less_than": "<", "up_to": "≤",
                   "at_least": "≥"}


def bounds(figure, sign: str = "") -> str:
    """ "~4,000", "3,000–5,000", ">300,000": a figure's (or a timeline point's) qualifier, low and high;
    a change's ``sign`` goes after the qualifier ("~+600": about 600 more)."""
    number = f"{figure.low:,}" if figure.low == figure.high else f"{figure.low:,}–{figure.high:,}"
    return QUALIFIER_MARKS.get(figure.qualifier, "") + sign + number


def as_of_text(as_of: dict | None) -> str:
    """ "2007 (clause)", "spring 2019 (clause)" (never the bare code "2019-21"); "—" when the figure has no date."""
    return f"{readable(as_of['value'])} ({as_of['source']})" if as_of else "—"
