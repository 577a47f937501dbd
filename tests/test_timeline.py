"""The timeline: one series per (force, location), aliases in filters, merged duplicates, a footer that
accounts for every figure. Facts are built by hand; one test runs the model end to end."""

import json
from datetime import date

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from natoiraq.cli import cli, sources
from natoiraq.facts import DocumentFacts, ReferenceDate
from natoiraq.outputs.html import render
from natoiraq.outputs.timeline import (DUPLICATE, NO_DATE, NO_FORCE, OTHER_FORCE, OTHER_STATUS, OUT_OF_RANGE, UNDATED,
                                       build, canonical_names, point_text)
from tests.conftest import SEEDS
from tests.handmade import CORPUS, article, document, figure

def test_one_series_per_force_and_location():
    timeline = build(CORPUS)
    labels = [s.label for s in timeline.series]
    assert labels[:3] == ["United States · Iraq", "United States · Afghanistan", "United States · Syria"]  # largest first
    assert labels[3:] == ["NATO · Iraq"]
    iraq = timeline.series[0]
    assert [p.date for p in iraq.levels] == ["2003-03-19", "2007", "2011-12-15", "2021-07-26", "2021-07-27",
                                             "2024-01-15"]
    assert all(p.location == "Iraq" for p in iraq.points)


def test_changes_are_shown_beside_the_levels_of_their_series():
    timeline = build(CORPUS)
    syria = next(s for s in timeline.series if s.location == "Syria")
    assert [(p.kind, p.status, p.high) for p in syria.points] == [("level", "actual", 1000),
                                                                   ("decrease", "planned", 1000),
                                                                   ("level", "planned", 150)]
    assert [p.high for p in syria.levels] == [1000, 150]


def test_the_same_figure_on_the_same_day_is_one_point_with_its_sources():
    iraq = build(CORPUS).series[0]
    same_day = [p for p in iraq.points if p.date == "2021-07-26"]
    assert len(same_day) == 1
    assert [(s.document, s.url) for s in same_day[0].sources] == [("wire-a", "https://example.org/a"),
                                                                 ("wire-b", None)]
    assert [s.document for p in iraq.points if p.date == "2021-07-27" for s in p.sources] == ["wire-c"]


def test_the_latest_actual_level_is_the_last_days_largest():
    jordan = [document("j", "2024-02-05", figure(2000, location="Jordan", when="2024-02-05"),
                       figure(3000, location="Jordan", when="2024-02-05"),
                       figure(5000, location="Jordan", when="2024-03", status="planned")),
              document("k", "2023-01-01", figure(9000, location="Jordan", when="2023-01-01"))]
    latest = build(jordan).series[0].latest_actual()
    assert (latest.date, latest.high) == ("2024-02-05", 3000)


@pytest.mark.parametrize("kind, qualifier, low, high, text", [
    ("level", "approximate", 2500, None, "~2,500"), ("increase", "approximate", 600, None, "~+600"),
    ("decrease", "up_to", 1000, None, "≤−1,000"), ("increase", "exact", 4000, 5000, "+4,000–5,000"),
])
def test_point_text_puts_the_sign_after_the_qualifier(kind, qualifier, low, high, text):
    corpus = [document("x", "2020-01-01", figure(low, high=high, when="2020", kind=kind, qualifier=qualifier))]
    assert point_text(build(corpus).series[0].points[0]) == text


def test_more_than_is_not_the_same_figure():
    twins = [document("x", "2021-07-26", figure(2500, when="2021-07-26")),
             document("y", "2021-07-26", figure(2500, when="2021-07-26", qualifier="more_than"))]
    assert len(build(twins).series[0].points) == 2


def test_the_footer_accounts_for_every_figure():
    timeline = build(CORPUS)
    figures = sum(len(d.troops) for d in CORPUS)
    shown = sum(len(s.points) for s in timeline.series)
    assert timeline.figures == figures == shown + sum(timeline.left_out.values())
    assert timeline.left_out == {NO_FORCE: 1, UNDATED: 1, NO_DATE: 1, DUPLICATE: 1}
    footer = timeline.footer()
    assert f"{figures} troop figures" in footer and "2 changes" in footer
    for reason in (NO_FORCE, UNDATED, NO_DATE, DUPLICATE):
        assert f"1 {reason}" in footer


@pytest.mark.parametrize("name, canonical", [
    ("US", "united states"), ("U.S.", "united states"), ("America", "united states"), ("american", "united states"),
    ("Nato", "nato"), ("the alliance", "nato"), ("Pentagon", "united states"), ("Syria", "syria"),
])
def test_names_are_read_through_the_actor_table(name, canonical):
    assert canonical in canonical_names(name)


def test_location_names_are_read_through_the_gazetteer(monkeypatch):
    from natoiraq.outputs import timeline

    gazetteer = {"regions": {"Baltic states": ["Baltics", "the Baltics"]}, "within": {"Iraq": ["Erbil", "Irbil"]}}
    real = timeline.table
    monkeypatch.setattr(timeline, "table", lambda name: gazetteer if name == "places" else real(name))
    assert canonical_names("Baltics") == canonical_names("the baltics") == {"baltic states"}
    assert canonical_names("Irbil") == {"iraq"}
    baltic = [document("b", "2017-02-01", figure(1000, force="NATO", location="Baltic states", when="2017-02-01"))]
    assert [s.label for s in build(baltic + CORPUS, locations=["Baltics"]).series] == ["NATO · Baltic states"]


def test_a_filter_reads_names_as_the_pipeline_reads_them(nlp):
    # The timeline once had its own name tables: "Washington" (a government seat) and "northern Syria"
    # (a compass word before a place) named nothing there, while the pipeline read them as these.
    doc = nlp.make_doc("Washington has about 2,500 troops in northern Syria.")
    doc._.natoiraq_reference = {"value": "2021-07-26", "origin": "option"}
    for _, component in nlp.pipeline:
        doc = component(doc)
    extracted = [(t.force, t.location) for t in doc._.natoiraq.troops]
    assert extracted == [("United States", "Syria")]
    facts = DocumentFacts("w", None, None, ReferenceDate("2021-07-26", "option"), troops=doc._.natoiraq.troops)
    timeline = build([facts], forces=["Washington"], locations=["northern Syria"])
    assert [s.label for s in timeline.series] == ["United States · Syria"] and not timeline.unknown_names


def test_lower_case_us_is_not_the_united_states():
    assert canonical_names("us") == {"us"}  # "US" is a cased alias: "us" is a pronoun


def test_filters_count_what_they_leave_out():
    timeline = build(CORPUS, forces=["U.S."], locations=["Iraq"], status="actual", since=date(2004, 1, 1),
                     until=date(2021, 7, 26))
    assert [s.label for s in timeline.series] == ["United States · Iraq"]
    assert [p.date for p in timeline.series[0].points] == ["2007", "2011-12-15", "2021-07-26"]
    left = timeline.left_out
    assert left[OTHER_FORCE] == 2 and left[OUT_OF_RANGE] == 3  # 2003, and 2021-07-27 and 2024 after --until
    assert timeline.figures == sum(len(s.points) for s in timeline.series) + sum(left.values())
    planned = build(CORPUS, forces=["Nato"], status="planned")
    assert [(p.force, p.status) for s in planned.series for p in s.points] == [("NATO", "planned")]
    assert planned.left_out[OTHER_STATUS] == 1


def test_a_name_that_matches_nothing_is_said():
    timeline = build(CORPUS, forces=["Germany"])
    assert timeline.series == [] and "No figure matched 'Germany'" in timeline.footer()


@pytest.fixture
def handmade_run(monkeypatch):
    monkeypatch.setattr(sources, "documents", lambda *args, **kwargs: iter(CORPUS))
    return lambda *args: CliRunner().invoke(cli, ["timeline", "unused.jsonl", *args])


def test_json_on_stdout_footer_on_stderr(handmade_run):
    result = handmade_run("-f", "json", "--force", "US", "--location", "Syria")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert [(s["force"], s["location"]) for s in data["series"]] == [("United States", "Syria")]
    assert data["figures"] == sum(len(d.troops) for d in CORPUS)
    assert sum(len(s["points"]) for s in data["series"]) + sum(data["left_out"].values()) == data["figures"]
    assert data["series"][0]["points"][0]["sources"][0]["document"] == "syria"
    assert "troop figures" in result.stderr and "troop figures" not in result.stdout


def test_table_shows_series_changes_and_footer(handmade_run):
    result = handmade_run("-f", "table", "--force", "America")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for title in ("United States · Iraq", "United States · Syria", "United States · Afghanistan"):
        assert title in out
    assert "NATO" not in out.split("troop figures")[0]
    assert "−1,000" in out and "+4,000" in out  # a planned decrease and increase, with their signs
    assert "wire-a, wire-b" in out and "2011-12-15*" in out
    assert "left out:" in out


@pytest.mark.parametrize("option, value", [("--since", "2020-13"), ("--until", "last year"), ("--status", "rumoured")])
def test_bad_filters_are_usage_errors(handmade_run, option, value):
    result = handmade_run(option, value)
    assert result.exit_code == 2 and option in result.output


def test_every_figure_the_model_finds_is_accounted_for(nlp):

    result = CliRunner().invoke(cli, ["timeline", str(SEEDS), "-f", "json", "--reference-date", "2021-02-16"])
    data = json.loads(result.stdout)
    extracted = CliRunner().invoke(cli, ["extract", str(SEEDS), "-f", "json", "--reference-date", "2021-02-16"])
    figures = sum(len(d["troops"]) for d in json.loads(extracted.stdout))
    assert figures > 0 and data["figures"] == figures
    assert sum(len(s["points"]) for s in data["series"]) + sum(data["left_out"].values()) == figures


_figures = st.builds(
    figure, st.integers(0, 2_000_000), force=st.sampled_from(["United States", "NATO", None]),
    location=st.sampled_from(["Iraq", "Syria", None]),
    when=st.sampled_from([None, "2003", "2014-22", "2019-W41", "2020-Q2", "2021-07-26", "199", "2021-07"]),
    source=st.sampled_from(["clause", "target", "reference"]), kind=st.sampled_from(["level", "increase", "decrease"]),
    status=st.sampled_from(["actual", "planned"]), qualifier=st.sampled_from(["exact", "approximate", "more_than"]))
_documents = st.lists(st.builds(lambda n, ref, troops: document(f"d{n}", ref, *troops), st.integers(0, 5),
                                st.sampled_from([None, "2021-07-26"]), st.lists(_figures, max_size=4)), max_size=6)


@settings(max_examples=60, deadline=None)
@given(_documents)
def test_every_figure_is_shown_or_counted_and_every_corpus_renders(documents):
    timeline = build(documents)
    assert timeline.figures == sum(len(d.troops) for d in documents)
    assert timeline.figures == sum(len(s.points) for s in timeline.series) + sum(timeline.left_out.values())
    page = render([article(d) for d in documents])
    assert page.count("<figure class='panel'>") == len(timeline.series)
