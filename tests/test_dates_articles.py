"""Short articles written for the date classes (fixtures/gold/dates.jsonl): years in noun phrases,
quarters and fiscal years, the present, narrative weekdays and quotes, span boundaries, relative
spans, durations, and an undated article. Every date expression in them is annotated."""

import pytest

from natoiraq.extract import extract_records
from natoiraq.scoring.evaluate import score
from natoiraq.scoring.gold import load_gold
from tests.conftest import GOLD

ARTICLES = load_gold(GOLD / "dates.jsonl")


@pytest.fixture(scope="module")
def extracted(nlp):
    return dict(zip((a.id for a in ARTICLES), extract_records((a.record() for a in ARTICLES), nlp)))


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_every_date_is_found_with_its_value(article, extracted):
    scores = score([(article, extracted[article.id])])
    assert [(e.error, e.text, e.detail) for e in scores.errors] == []
    assert scores.dates.fp == scores.spans.fp == 0


def test_an_undated_article_leaves_the_day_of_writing_open(extracted):
    facts = extracted["dates-08-undated"]
    assert facts.reference_date.origin == "inferred"
    assert [d.value for d in facts.dates if d.text == "Monday"] == [None]
