"""Facts built by hand, for the output formats' tests: no model, every field chosen."""

from __future__ import annotations

from dataclasses import replace

from natoiraq.facts import Attribution, DateFact, DocumentFacts, ReferenceDate, TroopFigure


def figure(low: int, force: str | None = "United States", location: str | None = "Iraq", when: str | None = None,
           source: str = "clause", *, high: int | None = None, kind: str = "level", status: str = "actual",
           qualifier: str = "exact", text: str | None = None, mission: str | None = None,
           says: Attribution | None = None) -> TroopFigure:
    text = text or f"{low:,}"
    sentence = f"There were {text} troops."
    return TroopFigure(text, 11, 11 + len(text), low if high is None else None, low, high or low, qualifier, "troops",
                       force, kind, status, sentence, location=location, mission=mission,
                       force_source="phrase" if force else None,
                       as_of={"value": when, "source": source} if when else None, attribution=says)


def document(doc_id: str, reference: str | None, *troops: TroopFigure, url: str | None = None) -> DocumentFacts:
    meta = {"url": url} if url else {}
    return DocumentFacts(doc_id, f"{doc_id}.txt", f"Title of {doc_id}",
                         ReferenceDate(reference, "metadata" if reference else None),
                         dates=[DateFact("2007", 3, 7, "2007", "year", "date")], troops=list(troops), meta=meta)


def article(facts: DocumentFacts) -> tuple[str, DocumentFacts]:
    """(text, facts) for the report: each figure's sentence on a line, a copy of the facts with offsets to match."""
    lines, troops, position = [], [], 0
    for t in facts.troops:
        start = position + t.sentence.index(t.text)
        troops.append(replace(t, start=start, end=start + len(t.text)))
        lines.append(t.sentence)
        position += len(t.sentence) + 1
    return "\n".join(lines), replace(facts, troops=troops, dates=[])


#: Three United States theatres (Iraq on a log scale: 250,000 down to 1,000), NATO's actual and planned
#: levels, changes, the same figure from two wires of one day, and figures that cannot be placed.
CORPUS = [
    document("invasion", "2003-03-20", figure(250000, when="2003-03-19", qualifier="more_than")),
    document("iraq-end", "2011-12-15", figure(170000, when="2007", qualifier="approximate"),
             figure(4000, when="2011-12-15", source="reference")),
    document("syria", "2019-10-14", figure(1000, location="Syria", when="2019-10-14", source="reference"),
             figure(1000, location="Syria", when="2019-10-14", source="reference", kind="decrease", status="planned"),
             figure(150, location="Syria", when="2019-12", source="target", status="planned")),
    document("afghan", "2017-08-22", figure(8400, location="Afghanistan", when="2017-08-22", source="reference"),
             figure(4000, location="Afghanistan", when="2017-08-22", kind="increase", status="planned")),
    document("wire-a", "2021-07-26", figure(2500, when="2021-07-26", source="reference"), url="https://example.org/a"),
    document("wire-b", "2021-07-26", figure(2500, when="2021-07-26", source="reference", qualifier="approximate")),
    document("wire-c", "2021-07-27", figure(2500, when="2021-07-27", source="reference")),
    document("iraq-low", "2024-01-15", figure(1000, when="2024-01-15", source="reference")),
    document("nato", "2018-07-12", figure(500, force="NATO", when="2018-07-12", source="reference"),
             figure(4000, force="NATO", when="2021", source="target", status="planned")),
    document("no-force", "2020-01-01", figure(20, force=None), url="javascript:alert(1)"),
    document("undated", None, figure(300, location="Iraq")),
    document("not-dated", "2020-01-01", figure(600, location=None)),
]
