"""Short wire-style articles written for the extractor's tests, each checked whole.

articles.jsonl (31): word numbers, '1.5 million', '30 000', 'X-strong', 'a 200-soldier
contingent', '5k', ranges, ellipsis, withdrawals, reinforcements, and casualty and money
figures that must not count.

attribution.jsonl (58, issues 11 and 12): whose troops and where. Forces named only in the
headline or an earlier sentence ('the contingent', 'they', 'our mission'), missions and
services to their parent, national contingents to their country, nominal changes, targets
and enumerations, figures whose noun is elsewhere, payers, hosts and destinations that are
not the force, withdrawals located at their origin, and casualty, aircraft, detainee, unit
and fraction decoys. Its dates are annotated for kind "date" only.

Each article's figures, each attribute of them and its dates are separate tests. A known
miss is listed below with what goes wrong and runs as a strict xfail: once the extractor
gets it right the test fails until the line is deleted.
"""

import dataclasses

import pytest

from natoiraq.extract import extract_records
from natoiraq.scoring.evaluate import score
from natoiraq.scoring.matching import match
from natoiraq.scoring.gold import load_gold
from tests.conftest import GOLD

WRITTEN = ("articles.jsonl", "attribution.jsonl")
ARTICLES = [a for name in WRITTEN for a in load_gold(GOLD / name)]
# attribution.jsonl leaves durations and vague expressions out of its gold dates
DATES_ONLY = {a.id for a in load_gold(GOLD / "attribution.jsonl")}
ATTRIBUTES = ("qualifier", "force", "kind", "status", "location", "mission")

# (article id, check) -> why it fails today; check is "figures", "dates" or an attribute.
KNOWN = {
    ('fx-03-contingent-pronouns', 'force'): "'335' gives 'Poland', gold 'Ireland'; '10,000' gives 'Malta', gold"
                                            " 'United Nations'",
    ('fx-06-eutm-mission', 'mission'): "'Another 60' gives None, gold 'EUTM Mali'",
    ('fx-08-host-subject', 'force'): "'about 23,000' gives 'Germany', gold 'Lithuania'",
    ('fx-09-dispatch-destination', 'mission'): "'50' gives None, gold 'Operation Barkhane'",
    ('fx-10-cyprus-peacekeepers', 'mission'): "'some 35,000' gives 'UNFICYP', gold None",
    ('fx-12-niger-withdrawal', 'kind'): "'roughly 1,000' gives 'decrease', gold 'level'",
    ('fx-15-atmis-drawdown', 'figures'): "misses 'another 3,000'",
    ('fx-15-atmis-drawdown', 'mission'): "'2,000' gives None, gold 'ATMIS'; 'about 17,600' gives None, gold "
                                         "'ATMIS'; 'roughly 4,500' gives None, gold 'ATMIS'",
    ('fx-16-inherent-resolve', 'status'): "'roughly 2,500' gives 'planned', gold 'actual'",
    ('fx-17-services', 'figures'): "misses 'up to 2,500'",
    ('fx-19-pullout-nominal', 'status'): "'180' gives 'actual', gold 'planned'; 'about 1,000' gives 'actual', "
                                         "gold 'planned'",
    ('fx-21-bring-home', 'mission'): "'a further 120' gives 'enhanced Forward Presence', gold None; 'about 150'"
                                     " gives 'enhanced Forward Presence', gold None",
    ('fx-22-raise-count', 'kind'): "'more than 10,000' gives 'increase', gold 'level'; 'The first 1,700' gives "
                                   "'level', gold 'increase'",
    ('fx-23-enumerative-chammal', 'figures'): "misses 'The remaining 200'",
    ('fx-23-enumerative-chammal', 'location'): "'1,100' gives 'Jordan', gold None; 'about 1,100' gives "
                                               "'Jordan', gold None; 'another 300' gives 'Jordan', gold 'United"
                                               " Arab Emirates'",
    ('fx-23-enumerative-chammal', 'mission'): "'1,100' gives None, gold 'Operation Chammal'; 'Some 600' gives "
                                              "None, gold 'Operation Chammal'; 'another 300' gives None, gold "
                                              "'Operation Chammal'",
    ('fx-25-withdraw-all-of', 'figures'): "misses 'about 1,000'",
    ('fx-25-withdraw-all-of', 'kind'): "'300' gives 'decrease', gold 'level'",
    ('fx-25-withdraw-all-of', 'status'): "'220' gives 'actual', gold 'planned'",
    ('fx-26-strength-made-up', 'force'): "'15,000' gives 'Italy', gold 'United Nations'",
    ('fx-26-strength-made-up', 'mission'): "'10,480' gives None, gold 'UNIFIL'",
    ('fx-28-down-from', 'mission'): "'180' gives 'NATO Mission Iraq', gold None; '300' gives 'NATO Mission "
                                    "Iraq', gold None",
    ('fx-29-kfor-ceiling', 'force'): "'4,000' gives 'Italy', gold 'NATO'",
    ('fx-30-rapid-reaction', 'location'): "'well over 300,000' gives 'Spain', gold None; 'about 40,000' gives "
                                          "'Spain', gold None",
    ('fx-33-units-fractions', 'location'): "'40,000' gives 'Eastern Europe', gold None",
    ('fx-34-peacekeeper-casualties', 'mission'): "'1,000' gives 'MINUSCA', gold None",
    ('fx-35-location-earlier', 'force'): "'220' gives 'United States', gold 'Portugal'; 'about 800' gives "
                                         "'United States', gold 'NATO'",
    ('fx-39-payer-poland', 'kind'): "'9,500' gives 'level', gold 'decrease'",
    ('fx-39-payer-poland', 'status'): "'9,500' gives 'actual', gold 'planned'",
    ('fx-39-payer-poland', 'location'): "'about 4,500' gives 'United States', gold 'Poland'",
    ('fx-41-resolute-support', 'figures'): "misses '8,600'",
    ('fx-42-eufor-althea', 'figures'): "misses 'about 200'",
    ('fx-45-headline-turkey', 'status'): "'about 60' gives 'planned', gold 'actual'",
    ('fx-46-wagner', 'figures'): "misses 'between 300 and 400'",
    ('fx-47-nominal-cut', 'force'): "'800' gives 'Japan', gold 'United States'; 'about 10,000' gives 'Japan', "
                                    "gold 'United States'",
    ('fx-48-garrison-halved', 'kind'): "'1,200' gives 'decrease', gold 'level'; 'roughly 90' gives 'decrease', "
                                       "gold 'level'",
    ('fx-49-partner-nations', 'force'): "'a further 1,800' gives 'United States', gold 'NATO'",
    ('fx-50-defence-force', 'figures'): "misses 'Around 60'",
    ('fx-52-they-pronoun', 'force'): "'about 130' gives 'United Nations', gold 'Spain'",
    ('fx-53-injuries-missiles', 'figures'): "takes 'More than 100' (troops); takes '11' (troops)",
    ('fx-54-killed-phrasings', 'figures'): "takes '57' (troops)",
    ('fx-55-trainees-militants', 'force'): "'another 110' gives 'Australia', gold 'New Zealand'",
    ('fx-58-mission-first-person', 'kind'): "'13,500' gives 'decrease', gold 'level'; 'about 2,000' gives "
                                            "'level', gold 'decrease'",
}


@pytest.fixture(scope="module")
def extracted(nlp):
    return dict(zip((a.id for a in ARTICLES), extract_records((a.record() for a in ARTICLES), nlp)))


def _cases(checks):
    """One test per article and check, a known miss marked as a strict xfail: fixing it fails the test
until its line is deleted, so the list says what the extractor gets wrong today."""
    cases = []
    for article in ARTICLES:
        for check in checks(article):
            reason = KNOWN.get((article.id, check))
            marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
            cases.append(pytest.param(article, check, marks=marks, id=f"{article.id}-{check}"))
    return cases


def _annotated(article):
    return [a for a in ATTRIBUTES if any(a in figure for figure in article.facts["troops"])]


def _same_bounds(gold, predicted):
    return (gold["low"], gold["high"]) == (predicted["low"], predicted["high"])


@pytest.mark.parametrize("article, check", _cases(lambda a: ["figures"]))
def test_troop_figures(article, check, extracted):
    """Exactly the annotated figures: overlapping spans with the same bounds, no more."""
    _, missed, false = match(article.facts["troops"], extracted[article.id].to_dict()["troops"], _same_bounds)
    assert ([g["text"] for g in missed], [p["text"] for p in false]) == ([], [])


@pytest.mark.parametrize("article, attribute", _cases(_annotated))
def test_troop_attribute(article, attribute, extracted):
    """Each figure found has the annotated qualifier, force, kind, status, location and mission."""
    pairs, _, _ = match(article.facts["troops"], extracted[article.id].to_dict()["troops"], _same_bounds)
    wrong = [(g["text"], p[attribute], g[attribute])
             for g, p in pairs if attribute in g and p[attribute] != g[attribute]]
    assert wrong == []


@pytest.mark.parametrize("article, check", _cases(lambda a: ["dates"]))
def test_dates(article, check, extracted):
    facts = extracted[article.id]
    if article.id in DATES_ONLY:
        facts = dataclasses.replace(facts, dates=[d for d in facts.dates if d.kind == "date"])
    errors = [(e.error, e.text, e.detail) for e in score([(article, facts)]).errors if e.kind == "dates"]
    assert errors == []


def test_known_misses_name_annotated_checks():
    """A stale entry (renamed article, attribute no longer annotated) is an error, not a silent pass."""
    checks = {(a.id, c) for a in ARTICLES for c in ["figures", "dates", *_annotated(a)]}
    assert set(KNOWN) - checks == set()


def test_elliptical_figure_takes_its_antecedents_noun_and_force(extracted):
    figure = next(t for t in extracted["wire-02-biden-iraq"].troops if t.text == "about 900")
    assert (figure.unit, figure.force) == ("troops", "United States")


def test_word_numbers_and_scales(extracted):
    values = {t.text: t.low for t in extracted["wire-06-russia-ukraine"].troops}
    assert values == {"some 190,000": 190000, "1.15 million": 1150000, "30 000": 30000, "about 5k": 5000}


@pytest.mark.parametrize("sentence", [
    "A roadside bomb killed 20 soldiers near Kirkuk.",
    "The deaths of 20 soldiers shocked the country.",
    "Twenty soldiers were wounded in the attack.",
    "The academy has trained 5,000 Iraqi officers since 2015.",
    "The government spent $500 million on 300 armoured vehicles.",
    "Some 40 percent of the 2,000 lawmakers voted against it.",
    "Resolution 2379 was adopted by 15 votes.",
])
def test_numbers_that_are_not_troop_figures(nlp, sentence):
    assert nlp(sentence)._.natoiraq.troops == []


def test_a_year_ago_is_a_date(nlp):
    from natoiraq.reading.inputs import Record

    (facts,) = extract_records([Record(id="x", text="The attack came a year ago.", date="2021-02-16")], nlp)
    assert [(d.text, d.value, d.kind) for d in facts.dates] == [("a year ago", "2020", "date")]
