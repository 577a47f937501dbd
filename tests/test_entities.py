"""Entity canonical names, one row per rule of natoiraq/pipeline/entities.py."""

import pytest

#: (text, entity as kept, canonical name)
ROWS = [
    # a possessive the model took into the name is not part of it: one name for every group by
    ("North Korea's leader inspected the troops.", "North Korea", "North Korea"),
    ("Officials briefed Joe Biden\u2019s national security adviser.", "Joe Biden", "Joe Biden"),
    ("The Taliban\u2019s fighters withdrew.", "Taliban", "Taliban"),
]


@pytest.mark.parametrize("text, entity, canonical", ROWS, ids=lambda v: str(v)[:40])
def test_canonical_name(nlp, text, entity, canonical):
    found = {e.text: e._.natoiraq_canonical for e in nlp(text).ents}
    assert found.get(entity) == canonical, found
