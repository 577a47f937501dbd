"""Properties of the whole pipeline on generated news-like text: whatever it reads,
every fact's offsets lie inside the text and index exactly its evidence."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FRAGMENTS = ["NATO", "the alliance", "said on Tuesday", "about", "more than", "between", "and", "to", "troops",
             "soldiers", "trainers", "killed", "$", "billion", "in 2014", "last December", "this week", "-strong",
             "U.S.", "Iraq", "will send", "could rise to", "withdraw", "\n\n", ",", ".", "(Reuters) -", "three",
             "thousand", "5k", "30 000", "1.5 million", "4,000–5,000", "up to", "fewer than", "—", "\u00a0"]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.integers(0, 200_000).map(lambda n: f"{n:,}")),
                 min_size=1, max_size=40).map(" ".join)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_facts_always_index_their_text(nlp, text):
    doc = nlp(text)
    for fact in [*doc._.natoiraq.entities, *doc._.natoiraq.dates, *doc._.natoiraq.troops]:
        assert 0 <= fact.start < fact.end <= len(text)
        assert text[fact.start:fact.end] == fact.text
    for figure in doc._.natoiraq.troops:
        assert 0 <= figure.low <= figure.high
        assert figure.value in (None, figure.low)
        assert figure.qualifier in ("exact", "approximate", "more_than", "less_than", "up_to", "at_least")
        assert figure.kind in ("level", "increase", "decrease") and figure.status in ("actual", "planned")
