"""The data tables: each fits its schema, a bad one is refused by file and key, and every key is read."""

import copy
from importlib import resources

import pytest

from natoiraq.knowledge import lexicon
from natoiraq.outputs import worldmap
from natoiraq.parsing.quantities import parse_quantity

TABLES = sorted(p.name.removesuffix(".json") for p in resources.files("natoiraq.data").iterdir()
                if p.name.endswith(".json") and not p.name.endswith(".schema.json"))


def test_there_are_tables():
    assert {"aliases", "quantities", "troops"} <= set(TABLES)


@pytest.mark.parametrize("name", TABLES)
def test_every_table_fits_its_schema(name):
    assert isinstance(lexicon.table(name), dict)


@pytest.mark.parametrize("change, message", [
    (lambda t: t["plan_verbs"].__setitem__(1, 7), r"^troops\.json: plan_verbs\[1\]: expected string, got integer$"),
    (lambda t: t.pop("money_words"), r"^troops\.json: money_words: missing$"),
    (lambda t: t.__setitem__("plan_verb", ["plan"]), r"^troops\.json: plan_verb: unknown key"),
    (lambda t: t.__setitem__("force_nouns", "force"), r"^troops\.json: force_nouns: expected array, got string$"),
    (lambda t: t["qualified_personnel"]["staff"].append(""), r"^troops\.json: qualified_personnel\.staff\[\d+\]: empty string$"),
    (lambda t: t.__setitem__("_note", 3), None),  # keys starting with "_" are documentation
])
def test_a_table_that_breaks_its_schema_is_named_by_file_and_key(change, message):
    data = copy.deepcopy(dict(lexicon.table("troops")))
    change(data)
    if message is None:
        assert lexicon.validate("troops", data) is data
    else:
        with pytest.raises(lexicon.LexiconError, match=message):
            lexicon.validate("troops", data)


def test_nested_records_are_checked():
    data = copy.deepcopy(dict(lexicon.table("aliases")))
    del data["actors"][2]["label"]
    with pytest.raises(lexicon.LexiconError, match=r"^aliases\.json: actors\[2\]\.label: missing$"):
        lexicon.validate("aliases", data)
    data = copy.deepcopy(dict(lexicon.table("quantities")))
    data["qualifiers_before"]["roughly"] = ["roughly"]
    with pytest.raises(lexicon.LexiconError, match=r"^quantities\.json: qualifiers_before\.roughly: unknown key"):
        lexicon.validate("quantities", data)


def test_every_key_of_every_table_is_read_by_the_code(nlp):
    """A word list nobody reads is a promise ("edit the JSON") the code does not keep."""
    nlp("NATO said between 4,000 and 5,000 more U.S. troops would deploy to Iraq next month.")
    parse_quantity("between 4,000 and 5,000")
    worldmap.world()  # the report's map reads the outlines
    read = lexicon.keys_read()
    unread = {name: sorted(k for k in lexicon.table(name) if not k.startswith("_") and k not in read.get(name, ()))
              for name in TABLES}
    assert {name: keys for name, keys in unread.items() if keys} == {}
