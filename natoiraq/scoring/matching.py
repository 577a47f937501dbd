"""Matching predicted facts to gold ones: by overlapping span, one to one."""

from __future__ import annotations

from collections.abc import Callable


def overlaps(a: dict, b: dict) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def same_bounds(gold: dict, predicted: dict) -> bool:
    """A troop figure's hit: the same (low, high), given overlapping spans."""
    return (gold["low"], gold["high"]) == (predicted["low"], predicted["high"])


def match(gold: list[dict], predicted: list[dict], same: Callable[[dict, dict], bool] = lambda g, p: True):
    """Pairs (gold, predicted) one-to-one by overlap and ``same``; then the unmatched of each."""
    used: set[int] = set()
    pairs, missed = [], []
    for g in gold:
        found = next((i for i, p in enumerate(predicted) if i not in used and overlaps(g, p) and same(g, p)), None)
        if found is None:
            missed.append(g)
        else:
            used.add(found)
            pairs.append((g, predicted[found]))
    false = [p for i, p in enumerate(predicted) if i not in used]
    return pairs, missed, false
