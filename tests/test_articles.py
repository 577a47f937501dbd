"""Thirty-one short wire-style articles written for the extractor's tests
(fixtures/gold/articles.jsonl): word numbers, '1.5 million', '30 000', 'X-strong',
'a 200-soldier contingent', '5k', ranges, ellipsis, withdrawals, reinforcements,
and casualty and money figures that must not count. Each is checked whole."""

import pytest

from natoiraq.scoring.evaluate import score
from natoiraq.extract import extract_records
from natoiraq.scoring.gold import load_gold
from tests.conftest import GOLD

ARTICLES = load_gold(GOLD / "articles.jsonl")


@pytest.fixture(scope="module")
def extracted(nlp):
    return dict(zip((a.id for a in ARTICLES), extract_records((a.record() for a in ARTICLES), nlp)))


def _errors(article, facts, kind, attributes=()):
    """What the scorer finds wrong in one article: misses, false hits, and wrong ``attributes``."""
    scored = score([(article, facts)])
    wanted = {"missed", "false", *(f"wrong {a}" for a in attributes)}
    return [(e.error, e.text, e.detail) for e in scored.errors if e.kind == kind and e.error in wanted]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_troop_figures(article, extracted):
    """Exactly the annotated figures (overlapping spans, same bounds), with their qualifier and kind."""
    assert _errors(article, extracted[article.id], "troops", ("qualifier", "kind")) == []


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_dates(article, extracted):
    assert _errors(article, extracted[article.id], "dates", ("value",)) == []


def test_elliptical_figure_takes_its_antecedents_noun_and_force(extracted):
    figure = next(t for t in extracted["wire-02-biden-iraq"].troops if t.text == "about 900")
    assert (figure.unit, figure.force) == ("troops", "United States")


def test_word_numbers_and_scales(extracted):
    values = {t.text: t.low for t in extracted["wire-06-russia-ukraine"].troops}
    assert values == {"some 190,000": 190000, "1.15 million": 1150000, "30 000": 30000, "about 5k": 5000}


@pytest.mark.parametrize("sentence", [
    "A roadside bomb killed 20 soldiers near Kirkuk.",
    "The deaths of 20 soldiers shocked the country.",
    "Twenty soldiers were wounded in the attack.",
    "The academy has trained 5,000 Iraqi officers since 2015.",
    "The government spent $500 million on 300 armoured vehicles.",
    "Some 40 percent of the 2,000 lawmakers voted against it.",
    "Resolution 2379 was adopted by 15 votes.",
])
def test_numbers_that_are_not_troop_figures(nlp, sentence):
    assert nlp(sentence)._.natoiraq.troops == []


def test_a_year_ago_is_a_date(nlp):
    from natoiraq.reading.inputs import Record

    (facts,) = extract_records([Record(id="x", text="The attack came a year ago.", date="2021-02-16")], nlp)
    assert [(d.text, d.value, d.kind) for d in facts.dates] == [("a year ago", "2020", "date")]
