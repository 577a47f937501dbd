"""natoiraq's scores in spaCy's terms: scorers for ``nlp.evaluate`` and ``spacy evaluate``.

Registered as ``natoiraq.troops_scorer.v1`` and ``natoiraq.dates_scorer.v1``
(the components' ``scorer`` setting). Each :class:`spacy.training.Example`
carries the gold facts on its reference doc in the extension the component
fills on the predicted one (``doc._.natoiraq_troops``, ``doc._.natoiraq_dates``:
dicts with character ``start``/``end``); a reference doc whose extension is
None is not annotated and is left out. The matching is
:mod:`natoiraq.scoring.evaluate`'s, so these scores equal ``natoiraq evaluate``'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.training import Example
from spacy.util import registry

from natoiraq.scoring.attribution import score_attribution
from natoiraq.scoring.evaluate import PRF, TROOP_ATTRIBUTES, Accuracy, Scores, count, match_calendar, same_value
from natoiraq.scoring.matching import match, same_bounds
from natoiraq.scoring.gold import GoldArticle


def score_troops(examples: Iterable[Example], **_: Any) -> dict[str, float | None]:
    """troops_p/_r/_f, and the accuracy of each attribute over the hits (troops_force_acc, ...)."""
    prf, accuracy = PRF(), {a: Accuracy() for a in TROOP_ATTRIBUTES}
    for example in examples:
        gold = example.reference._.natoiraq_troops
        if gold is None:
            continue
        matched, missed, false = match(gold, example.predicted._.natoiraq_troops or [], same_bounds)
        count(prf, matched, missed, false)
        for g, p in matched:
            for attribute in TROOP_ATTRIBUTES:
                if attribute in g:
                    accuracy[attribute].add(g[attribute] == p[attribute])
    return {**_prf("troops", prf), **{f"troops_{a}_acc": _value(accuracy[a]) for a in TROOP_ATTRIBUTES}}


def score_dates(examples: Iterable[Example], **_: Any) -> dict[str, float | None]:
    """dates_p/_r/_f (overlapping spans of calendar dates), and dates_value_acc over the hits."""
    prf, values = PRF(), Accuracy()
    for example in examples:
        gold = example.reference._.natoiraq_dates
        if gold is None:
            continue
        matched, missed, false, _ = match_calendar(gold, example.predicted._.natoiraq_dates or [])
        count(prf, matched, missed, false)
        for g, p in matched:
            values.add(same_value(g.get("value"), p["value"]))
    return {**_prf("dates", prf), "dates_value_acc": _value(values)}


def score_attributions(examples: Iterable[Example], **_: Any) -> dict[str, float | None]:
    """attribution_p/_r/_f over the troop hits whose gold figure annotates its source, and attribution_acc."""
    scores = Scores()
    for example in examples:
        gold = example.reference._.natoiraq_troops
        if gold is not None:
            matched, _, _ = match(gold, example.predicted._.natoiraq_troops or [], same_bounds)
            score_attribution(scores, matched)
    return {**_prf("attribution", scores.attribution), "attribution_acc": _value(scores.attribution_right)}


@registry.scorers("natoiraq.attribution_scorer.v1")
def make_attribution_scorer():
    return score_attributions


@registry.scorers("natoiraq.troops_scorer.v1")
def make_troops_scorer():
    return score_troops


@registry.scorers("natoiraq.dates_scorer.v1")
def make_dates_scorer():
    return score_dates


def gold_examples(articles: Iterable[GoldArticle], nlp) -> list[Example]:
    """Examples for ``nlp.evaluate``: the predicted doc knows the article's reference date,
    the reference doc carries its gold facts."""
    from natoiraq import reference as references

    examples = []
    for article in articles:
        predicted, reference = nlp.make_doc(article.text), nlp.make_doc(article.text)
        references.put(predicted, references.given(article.record()))
        reference._.natoiraq_troops = article.facts.get("troops")
        reference._.natoiraq_dates = article.facts.get("dates")
        examples.append(Example(predicted, reference))
    return examples


def _prf(prefix: str, prf: PRF) -> dict[str, float | None]:
    if not prf.tp + prf.fp + prf.fn:
        return {f"{prefix}_p": None, f"{prefix}_r": None, f"{prefix}_f": None}
    return {f"{prefix}_p": prf.precision, f"{prefix}_r": prf.recall, f"{prefix}_f": prf.f1}


def _value(accuracy: Accuracy) -> float | None:
    return accuracy.value if accuracy.total else None
