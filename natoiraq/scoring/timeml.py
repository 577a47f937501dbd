"""TempEval-3's measure of temporal expressions, for gold that gives every expression its ``kind``.

As TE3's scorer does: **strict** span F1 (the same characters), **relaxed** span F1 (overlapping
characters), and **value** F1, where a relaxed hit counts only with the gold's TimeML value
(precision over what was found, recall over the gold); per kind (date, duration, set, time,
reference) too, so a change that helps durations and hurts sets shows. Every kind is scored here,
unlike the calendar scores, which leave durations and the like apart.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from natoiraq.parsing.dates import KINDS


@dataclass
class Counts:
    """TP/FP/FN as TE3 counts them; F1 from precision and recall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def f1(self) -> float:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class TimemlScores:
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    kind_right: int = 0  # relaxed hits whose kind is the gold's
    per_kind: dict[str, Counts] = field(default_factory=lambda: defaultdict(Counts))  # value F1 per gold kind

    def as_dict(self) -> dict:
        hits = self.relaxed.tp
        return {"strict_f": round(self.strict.f1(), 4), "relaxed_f": round(self.relaxed.f1(), 4),
                "value_f": round(self.value.f1(), 4), "kind_accuracy": round(self.kind_right / hits, 4) if hits else 0.0,
                "value_f_per_kind": {k: round(c.f1(), 4) for k, c in sorted(self.per_kind.items())}}


def has_kinds(gold: list[dict] | None) -> bool:
    """Whether a gold file's dates are TimeML-style: each with its kind."""
    return bool(gold) and all(g.get("kind") in KINDS for g in gold)


def add(scores: TimemlScores, gold: list[dict], predicted: list[dict]) -> None:
    """Score one article's expressions: each gold one matched to the predicted one that overlaps it most."""
    used: set[int] = set()
    for g in gold:
        overlaps = [(min(g["end"], p["end"]) - max(g["start"], p["start"]), i) for i, p in enumerate(predicted)
                    if i not in used and p["start"] < g["end"] and g["start"] < p["end"]]
        per_kind = scores.per_kind[g["kind"]]
        if not overlaps:
            for counts in (scores.strict, scores.relaxed, scores.value, per_kind):
                counts.fn += 1
            continue
        index = max(overlaps)[1]
        used.add(index)
        p = predicted[index]
        scores.relaxed.tp += 1
        exact = (g["start"], g["end"]) == (p["start"], p["end"])
        scores.strict.tp += exact
        scores.strict.fn += not exact
        scores.strict.fp += not exact
        scores.kind_right += g["kind"] == p["kind"]
        right = g.get("value") == p["value"]
        for counts in (scores.value, per_kind):
            counts.tp += right
            counts.fn += not right
            counts.fp += not right
    for i, p in enumerate(predicted):
        if i not in used:
            for counts in (scores.strict, scores.relaxed, scores.value):
                counts.fp += 1
            scores.per_kind[p["kind"]].fp += 1
