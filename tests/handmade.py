"""Facts built by hand, for the output formats' tests: no model, every field chosen."""

from __future__ import annotations

from natoiraq.facts import DateFact, DocumentFacts, ReferenceDate, TroopFigure


def figure(low: int, force: str | None = "United States", location: str | None = "Iraq", when: str | None = None,
           source: str = "clause", *, high: int | None = None, kind: str = "level", status: str = "actual",
           qualifier: str = "exact", text: str | None = None, mission: str | None = None) -> TroopFigure:
    text = text or f"{low:,}"
    sentence = f"There were {text} troops."
    return TroopFigure(text, 11, 11 + len(text), low if high is None else None, low, high or low, qualifier, "troops",
                       force, kind, status, sentence, location=location, mission=mission,
                       force_source="phrase" if force else None,
                       as_of={"value": when, "source": source} if when else None)


def document(doc_id: str, reference: str | None, *troops: TroopFigure, url: str | None = None) -> DocumentFacts:
    meta = {"url": url} if url else {}
    return DocumentFacts(doc_id, f"{doc_id}.txt", f"Title of {doc_id}",
                         ReferenceDate(reference, "metadata" if reference else None),
                         dates=[DateFact("2007", 3, 7, "2007", "year", "date")], troops=list(troops), meta=meta)
