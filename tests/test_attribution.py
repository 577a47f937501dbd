"""Who says so: each troop figure's source, rule by rule, and how it is scored."""

import pytest

from natoiraq.pipeline.attribution.quotes import Quote, quote_spans
from natoiraq.pipeline.attribution.words import forms
from natoiraq.scoring.attribution import attribution_outcome
from natoiraq.scoring.evaluate import evaluate
from natoiraq.scoring.gold import GoldError, load_gold, locate_near
from natoiraq.scoring.scorers import gold_examples
from tests.conftest import GOLD


@pytest.mark.parametrize("lemma, irregular, expected", [
    ("say", ("said",), {"say", "says", "said"}),
    ("report", (), {"report", "reports", "reported"}),
    ("state", (), {"state", "states", "stated"}),
    ("testify", (), {"testify", "testifies", "testified"}),
    ("brief", (), {"brief", "briefs", "briefed"}),
    ("stress", (), {"stress", "stresses", "stressed"}),
])
def test_written_forms_of_a_reporting_verb(lemma, irregular, expected):
    assert forms(lemma, irregular) == expected


@pytest.mark.parametrize("text, expected", [
    ('He said "we stay" and left.', [(8, 17)]),
    ("“We stay,” he said. “We have 500.”", [(0, 10), (20, 34)]),
    ('"One. Two," he said.', [(0, 11)]),
    # a long quote: open at its paragraph's end, reopened in the next
    ('"We are here.\n\n"We stay."', [(0, 13), (15, 25)]),
    ('No quotes here.', []),
    ('A lone " mark\nand a line.', [(7, 13)]),
])
def test_quotes_are_paired_paragraph_by_paragraph(text, expected):
    assert quote_spans(text) == [Quote(start, end) for start, end in expected]


# (text, figure, source text or None, speaker): one line per rule.
CASES = [
    # a reporting verb over the figure's clause, its object, "on Wednesday" and "citing ..." kept
    ("Germany will send 300 more troops to Lithuania, four diplomats told Reuters.", "300",
     "four diplomats told Reuters", "four diplomats"),
    ("The United States has 900 troops in Syria, officials said on Wednesday.", "900",
     "officials said on Wednesday", "officials"),
    ("About 1,200 soldiers will deploy, Kyodo News Agency reported, citing the US military statement.", "1,200",
     "Kyodo News Agency reported, citing the US military statement", "Kyodo News Agency"),
    ("U.S. officials said the Pentagon would send 3,000 troops to Poland.", "3,000",
     "U.S. officials said", "U.S. officials"),
    # a verb that reports its object, and one that does not
    ("The White House announced the deployment of 450 more troops to Iraq.", "450",
     "The White House announced", "White House"),
    ("Finland will add 250 troops to the NATO force in Estonia.", "250", None, None),
    # the passive: its agent speaks; without one, no one does
    ("It was reported by the ministry that 400 troops had arrived in Gao.", "400",
     "It was reported by the ministry", "ministry"),
    ("More than 150,000 Russian troops are estimated to be massed near the border.", "150,000",
     "are estimated", None),
    # a subjectless verb takes its governor's subject
    ("The Iraqi prime minister was quoted as saying 5,200 American troops would leave.", "5,200",
     "The Iraqi prime minister was quoted as saying", "Iraqi prime minister"),
    # beside the clause: a parenthetical and "as ... said"
    ("About 600 Italian sailors, the navy said, will join the mission next month.", "600",
     "the navy said", "navy"),
    ("As the Pentagon said on Sunday, 6,000 U.S. troops will secure the airport.", "6,000",
     "As the Pentagon said on Sunday", "Pentagon"),
    # "according to"; a document speaks for its author
    ("According to the Pentagon, about 2,500 U.S. troops remain in Iraq.", "2,500",
     "According to the Pentagon", "Pentagon"),
    ("A statement from the Pentagon said 2,000 troops were on alert.", "2,000",
     "A statement from the Pentagon said", "Pentagon"),
    # quotes: the speaker after, before, or the quote before; a pronoun is the person last named
    ('NATO chief Jens Stoltenberg spoke on Thursday. "We have 4,500 soldiers in Kosovo," he told reporters.',
     "4,500", "he told reporters", "Jens Stoltenberg"),
    ('"We have 900 personnel there. We will send as many again," said Defence Secretary Ben Wallace.', "900",
     "said Defence Secretary Ben Wallace", "Ben Wallace"),
    ('Stoltenberg told a news conference: "The mission will grow to 4,000 personnel."', "4,000",
     "Stoltenberg told a news conference", "Stoltenberg"),
    ('"We stay," Anand said. "We have 700 soldiers in Latvia."', "700", "Anand said", "Anand"),
    ('"We are committed," Anand said.\n\n"We now have 700 soldiers in Latvia."', "700", "Anand said", "Anand"),
    ('Troops arrived. "We have 700 soldiers in Latvia." Canada said on Monday it would stay.', "700", None, None),
    # a parliamentary speaker's label
    ("The Secretary of State for Defence (Ben Wallace): We have 1,700 personnel in Estonia.", "1,700",
     "The Secretary of State for Defence (Ben Wallace", "Ben Wallace"),
    # what the text asserts
    ("A contingent of 200 Polish soldiers arrived at the Adazi base on Monday.", "200", None, None),
    ("The 3,000 troops said they were ready to deploy to Poland.", "3,000", None, None),
]


@pytest.mark.parametrize("text, figure, source, speaker", CASES)
def test_who_says_so(nlp, text, figure, source, speaker):
    found = [t for t in nlp(text)._.natoiraq.troops if figure in t.text]
    assert len(found) == 1, [t.text for t in nlp(text)._.natoiraq.troops]
    said = found[0].attribution
    assert (said.text if said else None, said.speaker if said else None) == (source, speaker)
    if said is not None:
        assert text[said.start:said.end] == said.text


@pytest.mark.parametrize("gold, predicted, expected", [
    (None, None, (0, 0, 0)),
    ({"start": 0, "end": 10}, None, (0, 0, 1)),
    (None, {"start": 0, "end": 10}, (0, 1, 0)),
    ({"start": 0, "end": 10}, {"start": 5, "end": 20}, (1, 0, 0)),
    ({"start": 0, "end": 10}, {"start": 10, "end": 20}, (0, 1, 1)),  # a wrong source is a false and a miss
])
def test_attribution_outcome(gold, predicted, expected):
    assert attribution_outcome(gold, predicted) == expected


def test_gold_attribution_is_the_occurrence_nearest_its_figure():
    text = "500 troops, officials said. Later 300 more came, officials said."
    assert locate_near(text, "officials said", text.index("300"), "x") == {
        "text": "officials said", "start": 49, "end": 63}
    assert locate_near(text, {"text": "officials said", "speaker": "officials"}, 0, "x")["start"] == 12
    with pytest.raises(GoldError, match="not in the text"):
        locate_near(text, "ministers said", 0, "x")


def test_written_speech_fixtures_are_scored(nlp):
    articles = load_gold(GOLD / "attribution_speech.jsonl")
    assert len(articles) >= 25
    assert {f["attribution"] is None for a in articles for f in a.facts["troops"]} == {True, False}
    scores = evaluate(articles, nlp)
    assert scores.attribution_right.total >= 30
    assert scores.attribution.precision >= 0.9 and scores.attribution.recall >= 0.85
    assert scores.as_dict()["attribution"]["tp"] == scores.attribution.tp
    # spaCy's nlp.evaluate gives the same, through the component's registered scorer
    spacy_scores = nlp.evaluate(gold_examples(articles, nlp))
    assert spacy_scores["attribution_p"] == pytest.approx(scores.attribution.precision)
    assert spacy_scores["attribution_r"] == pytest.approx(scores.attribution.recall)
