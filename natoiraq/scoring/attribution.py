"""Scoring who says so: a figure's source against the gold's (see :mod:`natoiraq.scoring.evaluate`)."""

from __future__ import annotations

from natoiraq.scoring.matching import overlaps


def attribution_outcome(gold: dict | None, predicted: dict | None) -> tuple[int, int, int]:
    """(tp, fp, fn) of one figure's source: a found source is right when it overlaps the gold's."""
    if gold is None or predicted is None:
        return 0, int(predicted is not None), int(gold is not None)
    return (1, 0, 0) if overlaps(gold, predicted) else (0, 1, 1)


def score_attribution(scores, matched, note=None) -> None:
    """Add the attribution of each (gold, predicted) troop hit whose gold annotates it."""
    for g, p in matched:
        if "attribution" not in g:
            continue
        gold, found = g["attribution"], p.get("attribution")
        tp, fp, fn = attribution_outcome(gold, found)
        scores.attribution.tp, scores.attribution.fp, scores.attribution.fn = (
            scores.attribution.tp + tp, scores.attribution.fp + fp, scores.attribution.fn + fn)
        scores.attribution_right.add(not fp and not fn)
        if tp and "speaker" in gold:
            ok = gold["speaker"] == found["speaker"]
            scores.speakers.add(ok)
            if not ok and note is not None:
                note("attribution", "wrong speaker", found, f"{found['speaker']!r}, gold {gold['speaker']!r}")
        elif (fp or fn) and note is not None:
            shown = found or {**gold, "text": p["text"]}
            note("attribution", "wrong source", {**shown, "start": p["start"], "end": p["end"]},
                 f"{found['text'] if found else None!r}, gold {gold['text'] if gold else None!r}")
