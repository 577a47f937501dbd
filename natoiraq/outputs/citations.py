"""Who reports a figure: its article's outlet, title, web address and date, on every fact row (CSV, SQL)
and behind each point of a timeline."""

from __future__ import annotations

from dataclasses import dataclass

from natoiraq.facts import DocumentFacts, TroopFigure
from natoiraq.reading.outlets import outlet


#: What every fact row says of its article, so that a figure can be cited from a spreadsheet.
CITATION_COLUMNS = ("outlet", "title", "url", "reference_date")


def citation(facts) -> dict:
    """A document's :data:`CITATION_COLUMNS`: its outlet (:func:`natoiraq.reading.outlets.outlet`), title,
    web address and reference date."""
    url = facts.meta.get("url")
    return {"outlet": outlet(facts.meta), "title": facts.title, "url": url if isinstance(url, str) else None,
            "reference_date": facts.reference_date.value}


@dataclass
class Source:
    """An article reporting a figure: what a citation needs."""

    document: str
    text: str
    sentence: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    date: str | None = None  # the article's reference date
    speaker: str | None = None  # who the sentence says gave the figure (its attribution)

    @classmethod
    def of(cls, figure: TroopFigure, facts: DocumentFacts) -> "Source":
        article = citation(facts)
        return cls(facts.id, figure.text, figure.sentence, article["url"], article["outlet"], article["title"],
                   article["reference_date"], figure.attribution.speaker if figure.attribution else None)


def cited(source: Source) -> str:
    """ "Reuters (wire-02)": who published an article, and which it is."""
    return f"{source.outlet} ({source.document})" if source.outlet else source.document
