"""Finding number phrases: token texts only, so a blank English pipeline is enough."""

import pytest
import spacy

from natoiraq.pipeline.troops.phrases import number_spans


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize("text, found", [
    ("NATO has 500 trainers.", [("500", 500, 500, "exact")]),
    ("more than 4,000 troops", [("more than 4,000", 4000, 4000, "more_than")]),
    ("between 4,000 and 5,000 troops", [("between 4,000 and 5,000", 4000, 5000, "exact")]),
    ("up to 13,730 military personnel", [("up to 13,730", 13730, 13730, "up_to")]),
    ("not exceeding 4 000", [("not exceeding 4 000", 4000, 4000, "up_to")]),
    ("a dozen advisers", [("a dozen", 12, 12, "exact")]),
    ("about half a million soldiers", [("about half a million", 500000, 500000, "approximate")]),
    ("return an average of 5,000 soldiers a day", [("an average of 5,000", 5000, 5000, "approximate")]),
    ("Two hundred police officers", [("Two hundred", 200, 200, "exact")]),
    # "from X to Y" is a before and an after, never one range, qualifier or not
    ("cut from 5,200 to 3,000 troops", [("5,200", 5200, 5200, "exact"), ("3,000", 3000, 3000, "exact")]),
    ("from about 5,200 to 3,000", [("about 5,200", 5200, 5200, "approximate"), ("3,000", 3000, 3000, "exact")]),
    # "by X to Y" is a change and the size it leads to; "by 200-300" stays a range
    ("grow by 200 to 1,400", [("200", 200, 200, "exact"), ("1,400", 1400, 1400, "exact")]),
    ("increased by 200-300 troops", [("200-300", 200, 300, "exact")]),
    # thousands the tokenizer splits: a no-break or narrow space, a comma typed with a space, a scale letter
    ("sent 3\u00a0000 troops and 2\u202f583 police", [("3\u00a0000", 3000, 3000, "exact"),
                                                   ("2\u202f583", 2583, 2583, "exact")]),
    ("sent 4, 500 troops", [("4, 500", 4500, 4500, "exact")]),
    ("has 12.5K soldiers and 56K reservists", [("12.5K", 12500, 12500, "exact"), ("56K", 56000, 56000, "exact")]),
    ("a brigade ~33K strong", [("~33K", 33000, 33000, "approximate")]),
    ("battlegroups: ~5.5K troops", [("~5.5K", 5500, 5500, "approximate")]),
    # a range whose ends are both grouped by spaces is one range, not two figures
    ("between 2 500 and 3 000 soldiers", [("between 2 500 and 3 000", 2500, 3000, "exact")]),
    ("sent 1 200 to 1 500 gendarmes", [("1 200 to 1 500", 1200, 1500, "exact")]),
    ("about 1.3 lakh soldiers", [("about 1.3 lakh", 130000, 130000, "approximate")]),
    ("cut 300,000 troops from its 2.3-million strong army",
     [("300,000", 300000, 300000, "exact"), ("2.3-million", 2300000, 2300000, "exact")]),
    # ... but a day of the month ends its number, and a line break ends a list line's
    ("On May 5, 300 troops arrived", [("5", 5, 5, "exact"), ("300", 300, 300, "exact")]),
    ("On May 5 300 troops arrived", [("5", 5, 5, "exact"), ("300", 300, 300, "exact")]),
    ("Latvia: 1887\nLithuania: 1632", [("1887", 1887, 1887, "exact"), ("1632", 1632, 1632, "exact")]),
    # a reference mark in brackets is no quantity
    ("400 regulars killed [7] on Monday", [("400", 400, 400, "exact")]),
])
def test_number_spans(blank, text, found):
    got = [(s.text, q.low, q.high, q.qualifier) for s, q in number_spans(blank(text))]
    assert got == found


def test_footnote_marks_split_from_words():
    """natoiraq's tokenizer splits "killed[7]" as "1,650[8]": the word stays itself for the casualty rule,
    and the mark is no figure."""
    from natoiraq.pipeline.loading import adapt_tokenizer

    nlp = spacy.blank("en")
    adapt_tokenizer(nlp)
    doc = nlp("400 regulars killed[7] and 1,650[8] troops")
    assert "killed" in [t.text for t in doc]
    assert [s.text for s, _ in number_spans(doc)] == ["400", "1,650"]


@pytest.mark.parametrize("text, figure", [
    ("Italy has approx. 1,100 soldiers in Lebanon.", "approx. 1,100"),
    ("France keeps ca. 600 troops in Estonia.", "ca. 600"),
])
def test_an_abbreviated_qualifier_stays_one_word_with_its_sentence(nlp, text, figure):
    """spaCy splits "approx." into "approx" "." and the parser ends a sentence there, cutting the
    qualifier off its number; natoiraq's tokenizer keeps it whole."""
    troops = nlp(text)._.natoiraq.troops
    assert [(f.text, f.qualifier) for f in troops] == [(figure, "approximate")]
