"""Scores: the extractor against gold annotations.

A troop figure is a hit when its span overlaps a gold figure's and its bounds
(low, high) are equal; qualifier, force, kind and status are then scored as
accuracies over the hits. A force or location is right under any name the tables give the same actor or
place ("Timor-Leste" for "East Timor", "CSTO" for "Collective Security Treaty Organization"): one gold
writing a country's other name is no error of the extractor's. Dates are hits by overlapping span, with value
accuracy over the hits, in two classes scored apart: calendar dates (``kind:
date``) and stretches of time (durations and vague expressions, "three years",
"recent weeks"). A gold file that annotates calendar dates only, as most do,
so never counts a duration as a false date; nor is a date the extractor found
but could not resolve (an undated article's "on Wednesday", value null) a
false one unless the gold gives it a value. Where the gold gives every date its TimeML ``kind``, all
of them are also scored as TempEval-3 does (:mod:`.timeml`: strict and relaxed span F1, value F1). Entities are hits by overlapping span and equal label,
scored per label, with canonical-name accuracy over the hits.

Attribution (who says so) is scored over the troop hits whose gold figure has the key
``attribution``: a found source is right when its span overlaps the gold's (precision counts the
sources found, recall the gold's); a null found for a null gold is right too, in ``attribution_acc``,
the share of hits with the right source or rightly none. Where the gold names the speaker, its
accuracy is over the right sources.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from natoiraq.facts import DocumentFacts
from natoiraq.outputs.timeline import canonical_names, tables_ontology
from natoiraq.parsing.dates import DATE, TIME, calendar_day, granularity_of
from natoiraq.scoring import timeml
from natoiraq.scoring.attribution import score_attribution
from natoiraq.scoring.gold import GoldArticle
from natoiraq.scoring.matching import match, same_bounds
from natoiraq.scoring.timeml import TimemlScores

#: Scored over the hits wherever the gold figure has the key ("location" absent means not annotated).
TROOP_ATTRIBUTES = ("qualifier", "force", "kind", "status", "location", "mission", "force_source")
#: The attributes whose values are names of actors and places, compared by what they name.
NAMED_ATTRIBUTES = frozenset({"force", "location"})


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.precision, 4), "r": round(self.recall, 4), "f": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.right += ok
        self.total += 1

    @property
    def value(self) -> float:
        return self.right / self.total if self.total else 0.0


@dataclass
class Error:
    """One miss, false hit or wrong attribute, with the sentence for a person to judge."""

    article: str
    kind: str  # troops | dates | entities
    error: str  # missed | false | wrong <attribute>
    text: str
    detail: str
    context: str


@dataclass
class Scores:
    troops: PRF = field(default_factory=PRF)
    troop_attributes: dict[str, Accuracy] = field(default_factory=lambda: {a: Accuracy() for a in TROOP_ATTRIBUTES})
    #: attribute -> (gold, predicted) -> count, over the hits: which force is taken for which
    confusion: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    dates: PRF = field(default_factory=PRF)
    date_values: Accuracy = field(default_factory=Accuracy)
    spans: PRF = field(default_factory=PRF)  # durations and vague expressions
    unresolved: int = 0  # dates found with a null value and not in the gold
    entities: dict[str, PRF] = field(default_factory=lambda: defaultdict(PRF))
    canonical: Accuracy = field(default_factory=Accuracy)
    timeml: TimemlScores | None = None  # where the gold gives every date its kind (TempEval-3's measure)
    attribution: PRF = field(default_factory=PRF)
    attribution_right: Accuracy = field(default_factory=Accuracy)  # right source or rightly none, per hit
    speakers: Accuracy = field(default_factory=Accuracy)  # over the right sources whose gold names the speaker
    articles: int = 0
    errors: list[Error] = field(default_factory=list)

    @property
    def entities_total(self) -> PRF:
        total = PRF()
        for prf in self.entities.values():
            total.tp, total.fp, total.fn = total.tp + prf.tp, total.fp + prf.fp, total.fn + prf.fn
        return total

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "troops": self.troops.as_dict(),
            "troop_attributes": {k: round(v.value, 4) for k, v in self.troop_attributes.items() if v.total},
            "dates": self.dates.as_dict(),
            "date_value_accuracy": round(self.date_values.value, 4),
            "durations_vague": self.spans.as_dict(),
            "dates_unresolved": self.unresolved,
            "entities": self.entities_total.as_dict(),
            "entities_per_label": {k: v.as_dict() for k, v in sorted(self.entities.items())},
            "canonical_accuracy": round(self.canonical.value, 4),
            **({"timeml": self.timeml.as_dict()} if self.timeml is not None else {}),
            **({"attribution": {**self.attribution.as_dict(), "accuracy": round(self.attribution_right.value, 4),
                                "speaker_accuracy": round(self.speakers.value, 4)}}
               if self.attribution_right.total else {}),
        }


def _sentence(text: str, fact: dict) -> str:
    """The line or sentence around a fact; one that opens the article keeps its first letter."""
    line_start = text.rfind("\n", 0, fact["start"]) + 1
    full_stop = text.rfind(". ", 0, fact["start"])
    start = max(line_start, full_stop + 2 if full_stop >= 0 else 0)
    ends = [i for i in (text.find("\n", fact["end"]), text.find(". ", fact["end"])) if i >= 0]
    return text[start: (min(ends) + 1) if ends else len(text)].strip()


def score(pairs: Iterable[tuple[GoldArticle, DocumentFacts]]) -> Scores:
    """Scores over (gold, predicted) pairs of the same articles."""
    scores = Scores()
    ontology = tables_ontology()
    names = lru_cache(maxsize=None)(lambda name: frozenset(canonical_names(name, ontology)))
    for gold, facts in pairs:
        scores.articles += 1
        predicted = facts.to_dict()
        note = _noter(scores, gold)

        if gold.facts.get("troops") is not None:
            matched, missed, false = match(gold.facts["troops"], predicted["troops"], same_bounds)
            count(scores.troops, matched, missed, false)
            for g, p in matched:
                for attribute in TROOP_ATTRIBUTES:
                    if attribute in g:
                        ok = same_answer(attribute, g[attribute], p.get(attribute), names)
                        scores.troop_attributes[attribute].add(ok)
                        if not ok:
                            scores.confusion[attribute][(g[attribute], p.get(attribute))] += 1
                            note("troops", f"wrong {attribute}", p, f"{p.get(attribute)!r}, gold {g[attribute]!r}")
            score_attribution(scores, matched, note)
            for g in missed:
                note("troops", "missed", g, f"{g['low']}–{g['high']}")
            for p in false:
                note("troops", "false", p, f"{p['low']}–{p['high']} {p['unit'] or ''}")
        if gold.facts.get("dates") is not None:
            _score_dates(scores, note, gold.facts["dates"], predicted["dates"])
            if timeml.has_kinds(gold.facts["dates"]):
                scores.timeml = scores.timeml or timeml.TimemlScores()
                timeml.add(scores.timeml, gold.facts["dates"], predicted["dates"])
        if gold.facts.get("entities") is not None:
            matched, missed, false = match(gold.facts["entities"], predicted["entities"],
                                           lambda g, p: g["label"] == p["label"])
            for g, p in matched:
                scores.entities[g["label"]].tp += 1
                ok = g.get("canonical", g["text"]) == p["canonical"]
                scores.canonical.add(ok)
                if not ok:
                    note("entities", "wrong canonical", p, f"{p['canonical']!r}, gold {g.get('canonical')!r}")
            for g in missed:
                scores.entities[g["label"]].fn += 1
                note("entities", "missed", g, g["label"])
            for p in false:
                scores.entities[p["label"]].fp += 1
                note("entities", "false", p, p["label"])
    return scores


def same_answer(attribute: str, gold: Any, predicted: Any, names: Callable[[str], frozenset[str]]) -> bool:
    """Is a figure's predicted attribute the gold's? Names of actors and places count by what they name."""
    if gold == predicted:
        return True
    return attribute in NAMED_ATTRIBUTES and gold is not None and predicted is not None \
        and names(gold) == names(predicted)


def is_calendar(value: str | None) -> bool:
    """A gold value that names a time on the calendar ("2015-06", "2015-06-21TNI"), not a duration
    ("P3Y"), a set ("XXXX-WI"), the present, past or future as a whole ("PRESENT_REF") or a vague span (null)."""
    return value is not None and granularity_of(calendar_day(value)) is not None


#: Kinds of predicted fact that name a time on the calendar: "Sunday night" is Sunday's.
CALENDAR_KINDS = (DATE, TIME)


def same_value(gold: str | None, predicted: str | None) -> bool:
    """A gold calendar value with no time of day (the real-article gold's) is the day of a predicted time."""
    if gold is None or predicted is None or "T" in gold:
        return gold == predicted
    return gold == calendar_day(predicted)


def match_calendar(gold: list[dict], predicted: list[dict]):
    """Calendar dates matched as :func:`match` does, then (matched, missed, false, unresolved): a date found
    with a null value that overlaps no gold date is unresolved, not false."""
    matched, missed, false = match([g for g in gold if is_calendar(g.get("value"))],
                                   [p for p in predicted if p["kind"] in CALENDAR_KINDS
                                    and (p["kind"] == DATE or is_calendar(p["value"]))])  # "13:00" is on no day
    return matched, missed, [p for p in false if p["value"] is not None], [p for p in false if p["value"] is None]


def _score_dates(scores: Scores, note, gold: list[dict], predicted: list[dict]) -> None:
    matched, missed, false, unresolved = match_calendar(gold, predicted)
    count(scores.dates, matched, missed, false)
    scores.unresolved += len(unresolved)
    for g, p in matched:
        ok = same_value(g.get("value"), p["value"])
        scores.date_values.add(ok)
        if not ok:
            note("dates", "wrong value", p, f"{p['value']!r}, gold {g.get('value')!r}")
    for g in missed:
        note("dates", "missed", g, str(g.get("value")))
    for p in false:
        note("dates", "false", p, str(p["value"]))
    matched, missed, false = match([g for g in gold if not is_calendar(g.get("value"))],
                                   [p for p in predicted if p["kind"] not in CALENDAR_KINDS
                                    or (p["kind"] == TIME and not is_calendar(p["value"]))])
    count(scores.spans, matched, missed, false)
    for g, p in matched:
        if g.get("value") != p["value"]:
            note("durations", "wrong value", p, f"{p['value']!r}, gold {g.get('value')!r}")
    for g in missed:
        note("durations", "missed", g, str(g.get("value")))


def _noter(scores: Scores, gold: GoldArticle):
    """Records one error of ``gold``'s article, with its sentence."""
    def note(kind: str, error: str, fact: dict, detail: str = "") -> None:
        scores.errors.append(Error(gold.id, kind, error, fact["text"], detail, _sentence(gold.text, fact)))

    return note


def count(prf: PRF, matched, missed, false) -> None:
    prf.tp += len(matched)
    prf.fn += len(missed)
    prf.fp += len(false)


def evaluate(articles: list[GoldArticle], nlp=None, **options) -> Scores:
    """Run the pipeline over gold articles (with their publication dates) and score it."""
    import warnings

    from natoiraq.extract import extract_outcomes
    from natoiraq.facts import DocumentFacts, ReferenceDate

    def predicted():
        """Facts per article, in order; one whose extraction failed scores as finding nothing."""
        for outcome in extract_outcomes((a.record() for a in articles), nlp, **options):
            if outcome.facts is None:
                warnings.warn(f"natoiraq: {outcome.record.id}: extraction failed: {outcome.error}", stacklevel=2)
            yield outcome.facts or DocumentFacts(outcome.record.id, None, None, ReferenceDate(None, None))

    return score(zip(articles, predicted()))
