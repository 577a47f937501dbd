"""spaCy's component contract: tables through config and to_disk, error handlers, scorers, extension names."""

import copy

import pytest
import spacy
from spacy.tokens import Doc
from spacy.training import Example

from natoiraq.knowledge import lexicon
from natoiraq.errors import NatoiraqError
from natoiraq.pipeline import extensions
from natoiraq.pipeline.entities import EntityCanonicaliser
from natoiraq.scoring.evaluate import evaluate
from natoiraq.scoring.gold import load_gold
from natoiraq.scoring.scorers import gold_examples, score_dates, score_troops
from tests.conftest import GOLD


def _aliases(**extra_aliases):
    """The installed alias table, with aliases added per canonical name (None removes the actor's aliases)."""
    table = copy.deepcopy(dict(lexicon.table("aliases")))
    for actor in table["actors"]:
        if actor["canonical"] in extra_aliases:
            wanted = extra_aliases[actor["canonical"]]
            actor["aliases"] = [] if wanted is None else actor.get("aliases", []) + wanted
    return table


def _canonical(nlp, text):
    return [(e.text, e._.natoiraq_canonical) for e in nlp(text).ents]


def _entities_only(**config):
    nlp = spacy.blank("en")
    nlp.add_pipe("natoiraq_entities", config=config)
    return nlp


def test_a_custom_table_through_config():
    nlp = _entities_only(aliases=_aliases(NATO=["the bloc"]))
    assert _canonical(nlp, "The bloc will send 500 trainers.") == [("The bloc", "NATO")]
    assert _canonical(_entities_only(), "The bloc will send 500 trainers.") == []


def test_a_custom_table_that_breaks_the_schema_is_refused_by_file_and_key():
    table = _aliases()
    del table["actors"][0]["label"]
    with pytest.raises(lexicon.LexiconError, match=r"aliases\.json: actors\[0\]\.label: missing"):
        _entities_only(aliases=table)


def test_initialize_replaces_tables():
    nlp = _entities_only()
    nlp.get_pipe("natoiraq_entities").initialize(tables={"aliases": _aliases(NATO=["the bloc"])})
    assert _canonical(nlp, "The bloc met.") == [("The bloc", "NATO")]
    with pytest.raises(lexicon.LexiconError, match="no table named troops"):
        nlp.get_pipe("natoiraq_entities").initialize(tables={"troops": {}})


def test_a_saved_pipeline_keeps_its_tables_whatever_is_installed(tmp_path, monkeypatch):
    """Saved with "the alliance" -> NATO; loaded where the installed table lacks it, and after
    the saved table is edited: the saved table rules, and the installed one would not have."""
    _entities_only().to_disk(tmp_path / "pipeline")
    saved = tmp_path / "pipeline" / "natoiraq_entities" / "aliases.json"
    assert saved.exists()

    installed = _aliases(NATO=None)
    original = lexicon.table  # the other tables as installed
    monkeypatch.setattr(lexicon, "table", lambda name: installed if name == "aliases" else original(name))
    text = "The alliance has 500 trainers."
    assert _canonical(_entities_only(), text) == []  # what the installed table alone gives
    assert _canonical(spacy.load(tmp_path / "pipeline"), text) == [("The alliance", "NATO")]

    saved.write_text(saved.read_text().replace('"the alliance"', '"the bloc"'))
    reloaded = spacy.load(tmp_path / "pipeline")
    assert _canonical(reloaded, "The bloc has 500 trainers.") == [("The bloc", "NATO")]
    assert _canonical(reloaded, text) == []
    assert EntityCanonicaliser(reloaded, "x").from_bytes(reloaded.get_pipe("natoiraq_entities").to_bytes()) \
        .aliases == reloaded.get_pipe("natoiraq_entities").aliases


def test_an_exception_in_a_component_goes_to_the_error_handler(monkeypatch):
    nlp = _entities_only()
    nlp.add_pipe("natoiraq_paragraphs", first=True)
    original = EntityCanonicaliser.__call__

    def failing(self, doc):
        if "boom" in doc.text:
            raise ValueError("boom")
        return original(self, doc)

    monkeypatch.setattr(EntityCanonicaliser, "__call__", failing)
    failures = []
    nlp.set_error_handler(lambda name, proc, docs, exc: failures.append((name, docs[0].text, str(exc))))
    done = [doc.text for doc in nlp.pipe(["NATO met.", "boom", "The alliance met."])]
    assert done == ["NATO met.", "The alliance met."]
    assert failures == [("natoiraq_entities", "boom", "boom")]


def test_factories_declare_what_they_assign_and_require(nlp):
    assert "doc._.natoiraq_dates" in nlp.get_pipe_meta("natoiraq_dates").assigns
    assert "span._.natoiraq_canonical" in nlp.get_pipe_meta("natoiraq_entities").assigns
    assert "token.is_sent_start" in nlp.get_pipe_meta("natoiraq_paragraphs").assigns
    assert nlp.get_pipe_meta("natoiraq_dates").default_score_weights["dates_f"] == 1.0
    assert all(problems == [] for problems in nlp.analyze_pipes()["problems"].values())


@pytest.fixture(scope="module")
def gold_articles():
    return load_gold(GOLD / "articles.jsonl")


@pytest.fixture(scope="module")
def evaluated(nlp, gold_articles):
    """(examples with processed predicted docs, nlp.evaluate's scores, natoiraq evaluate's)."""
    examples = gold_examples(gold_articles, nlp)
    scores = nlp.evaluate(examples)  # works on copies of the examples
    processed = [Example(doc, e.reference) for doc, e in zip(nlp.pipe(e.predicted for e in examples), examples)]
    return processed, scores, evaluate(gold_articles, nlp)


def test_nlp_evaluate_reports_date_scores_as_natoiraq_evaluate_does(evaluated):
    _, scores, ours = evaluated
    assert scores["dates_p"] == pytest.approx(ours.dates.precision)
    assert scores["dates_r"] == pytest.approx(ours.dates.recall)
    assert scores["dates_f"] == pytest.approx(ours.dates.f1)
    assert scores["dates_value_acc"] == pytest.approx(ours.date_values.value)
    assert ours.dates.tp > 40


def test_the_troop_scorer_scores_as_natoiraq_evaluate_does(evaluated):
    examples, _, ours = evaluated
    scores = score_troops(examples)
    assert (scores["troops_p"], scores["troops_r"], scores["troops_f"]) == pytest.approx(
        (ours.troops.precision, ours.troops.recall, ours.troops.f1))
    assert scores["troops_force_acc"] == pytest.approx(ours.troop_attributes["force"].value)
    assert ours.troops.tp > 50


def test_the_scorers_see_misses_false_hits_and_wrong_values(evaluated):
    """Gold that the extractor disagrees with must lower the scores (today's are perfect)."""
    examples, _, _ = evaluated
    example = next(e for e in examples if len(e.reference._.natoiraq_troops or []) >= 2
                   and e.reference._.natoiraq_dates)
    troops, dates = example.reference._.natoiraq_troops, example.reference._.natoiraq_dates
    try:
        # One figure with other bounds: a miss and a false hit. One date with another value.
        example.reference._.natoiraq_troops = [dict(troops[0], low=troops[0]["low"] + 1)] + troops[1:]
        example.reference._.natoiraq_dates = [dict(dates[0], value="1900")] + dates[1:]
        troop_scores, date_scores = score_troops(examples), score_dates(examples)
        assert troop_scores["troops_p"] < 1 and troop_scores["troops_r"] < 1
        assert date_scores["dates_f"] == 1 and date_scores["dates_value_acc"] < 1
    finally:
        example.reference._.natoiraq_troops, example.reference._.natoiraq_dates = troops, dates


def test_nlp_evaluate_reports_troop_scores(evaluated):
    _, scores, ours = evaluated
    assert scores["troops_f"] == pytest.approx(ours.troops.f1)


def test_the_public_extension_is_one_namespace(nlp):
    doc = nlp("NATO will send 500 more troops to Iraq next week.")
    assert [t.low for t in doc._.natoiraq.troops] == [500]
    assert [d.text for d in doc._.natoiraq.dates] == ["next week"]
    for generic in ("troops", "dates", "entities", "reference_date", "canonical"):
        assert not Doc.has_extension(generic)


def test_a_name_taken_by_another_library_is_refused():
    Doc.set_extension("natoiraq", getter=lambda doc: "theirs", force=True)
    try:
        with pytest.raises(NatoiraqError, match=r"Doc\._\.natoiraq is already registered by another library"):
            extensions.register()
    finally:
        Doc.set_extension("natoiraq", getter=extensions._facts, force=True)
    extensions.register()  # ours again: no complaint


def test_the_entity_and_troop_components_share_one_ontology(nlp):
    # Both read the same tables; building the ontology and its phrase matchers twice doubles start-up.
    shapes, troops = nlp.get_pipe("natoiraq_entities")._shapes, nlp.get_pipe("natoiraq_troops")
    assert shapes.ontology is troops.ontology and shapes.known_names is troops.gazetteer
