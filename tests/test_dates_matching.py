"""The date patterns filed by the words they need find what one spaCy Matcher of all of them finds."""

import pytest
from spacy.matcher import Matcher

from natoiraq.parsing.dates import named_days
from natoiraq.pipeline.dates.matching import required_words
from tests.conftest import varied_texts

RARE = frozenset({"march", "may", "quarter", "half"})


@pytest.mark.parametrize("pattern, words", [
    ([{"LOWER": "the"}, {"LOWER": {"IN": ["quarter", "half"]}}], {"quarter", "half"}),  # rare beats short
    ([{"ORTH": {"IN": ["March", "May"]}}, {"LOWER": "quarter"}], {"quarter"}),  # then the smaller set
    ([{"ORTH": "March"}, {"LOWER": "of", "OP": "?"}], {"march"}),  # an optional token is not required
    ([{"LOWER": "the"}, {"LOWER": {"IN": ["a", "an"]}}], {"the"}),  # no rare set: the smallest
    ([{"SHAPE": "dddd-dd-dd"}], None),
    ([{"LIKE_NUM": True}, {"ORTH": ",", "OP": "?"}], None),
])
def test_required_words(pattern, words):
    assert required_words(pattern, RARE) == (None if words is None else frozenset(words))


def test_grouped_matches_are_one_matchers(nlp):
    """Every window and every whole text of the written articles, as written and recased: the same
    (label, start, end) matches, whichever Matcher each pattern sits in."""
    from natoiraq.pipeline.dates.patterns import PATTERNS

    grouped = nlp.get_pipe("natoiraq_dates").matcher
    single = Matcher(nlp.vocab)
    for label, patterns in PATTERNS.items():
        single.add(label, patterns)
    single.add("NAMED", [[{"LOWER": t.lower_} for t in nlp.make_doc(name)] for name in named_days()])
    compared = 0
    for doc in nlp.pipe(varied_texts()[:120]):
        lowers = [t.lower_ for t in doc]
        for start in range(0, len(doc), 7):
            window = doc[start:start + 11]
            expected = set(single(window))
            assert set(grouped(window, lowers)) == expected, window.text
            compared += len(expected)
    assert compared > 300
