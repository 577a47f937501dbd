"""Whether a figure's own words place it in no one place: "deployed overseas", "around the world", counted out
to several places ("to 11 missions"), or broken down into parts in several ("including 2,500 in Iraq and 900 in
Syria"). Such a figure's place is unknown: :mod:`.where` gives it neither its
neighbours' place nor the article's. Nor, where its words say it is not there, its force's own country.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.pipeline.syntax import governing_verb
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import TroopFigure
from natoiraq.pipeline.troops.mentions import PREP_DEPS, STATION_PREPS

#: Adverbs that place troops in no one place: closed.
_NOWHERE_WORDS = frozenset({"overseas", "abroad", "worldwide", "globally", "elsewhere"})
#: The whole world, where troops in it are in no one place: closed.
_WORLD_NOUNS = frozenset({"world", "globe"})
#: Places that, counted, are several ("in nine missions", "to 30 countries"): closed.
_SPREAD_NOUNS = frozenset({"country", "nation", "mission", "operation", "theatre", "theater", "continent", "location"})
#: Of those, what is several in the plural alone ("with UN missions", "on peacekeeping operations"): closed.
_MISSION_NOUNS = frozenset({"mission", "operation"})
#: Words that count such places as several without a number ("in several countries", "to various missions"): closed.
_SEVERAL_WORDS = frozenset({"several", "various", "multiple", "many", "numerous"})
#: Where troops are or go, in a phrase that would have placed them had its place been known.
_UNKNOWN_PREPS = ("to", "into", "at")
#: Where troops leave, in such a phrase, for a withdrawal ("withdrew 1,000 soldiers from the mission").
_UNKNOWN_ORIGIN_PREPS = ("from", "out")
#: Where troops are or what they serve with, in a phrase that places them by a name no gazetteer knows ("on
#: Operation Tosca", "in the MFO", "under Operation Mobile"): any noun would be too wide ("in total").
_UNKNOWN_NAME_PREPS = ("in", "on", "under", "with")
#: Prepositions that break a figure down into its parts ("including 2,500 in Iraq"): closed.
_BREAKDOWN_PREPS = frozenset({"including", "among"})
#: The fewest countries listed that place troops in none of them where no region holds them all ("in Croatia,
#: Hungary and Italy"); of two, the first is where, as real reporting's annotators read "in Kuwait and southern Iraq".
_SCATTERED = 3
#: Where troops go when they leave a theatre ("returned home", "at home"): closed.
HOME = "home"


def everywhere(figure: TroopFigure) -> bool:
    """Do the figure's words place it in no one place ("deployed overseas", "serve abroad", "around the world",
    "deployed in nine missions")?"""
    anchor = figure.personnel.anchor
    verb = governing_verb(anchor)[0]
    described = [c for c in anchor.children if c.dep_ in ("acl", "relcl")]  # "troops deployed in nine missions"
    return any((c.dep_ in ("advmod", "npadvmod") and c.lower_ in _NOWHERE_WORDS)
               or (c.dep_ in PREP_DEPS and c.lower_ in (*STATION_PREPS, "with") and _spread(c))
               for holder in (anchor, *described, *((verb,) if verb is not None else ())) for c in holder.children)


def scattered(ctx: Context, figure: TroopFigure) -> bool:
    """Do the figure's own words place it in three or more countries that no region holds ("5,000 personnel
    would be stationed in Croatia, Hungary and Italy")? Then it is in no one place."""
    anchor = figure.personnel.anchor
    verb = governing_verb(anchor)[0]
    described = [c for c in anchor.children if c.dep_ in ("acl", "relcl")]
    gazetteer = ctx.mentions.ontology.gazetteer
    for holder in (anchor, *described, *((verb,) if verb is not None else ())):
        # a figure inside the list is one item's ("stationed in Japan (54,000), Germany (35,000) and ...")
        for prep in (c for c in holder.children if c.dep_ in PREP_DEPS and c.lower_ in STATION_PREPS
                     and not c.left_edge.i <= figure.span.start <= c.right_edge.i):
            for noun in (c for c in prep.children if c.dep_ == "pobj"):
                locations = {m.place.location for t in (noun, *noun.conjuncts)
                             if (m := ctx.mentions.by_token.get(t.i)) is not None and m.place is not None}
                if len(locations) >= _SCATTERED and gazetteer.region_of(
                        {c for loc in locations for c in gazetteer.members.get(loc, (loc,))}) is None:
                    return True
    return False


def spread(figure: TroopFigure, figures: list[TroopFigure]) -> bool:
    """Do the figure's own words break it down into figures placed in two or more countries or regions ("about
    40,000 troops, including 2,500 in Iraq and 900 in Syria")? Read once each figure has its own place."""
    anchor = figure.personnel.anchor
    parts = {t.i for c in anchor.children if c.dep_ in PREP_DEPS and c.lower_ in _BREAKDOWN_PREPS for t in c.subtree}
    return len({f.spot.location for f in figures if f is not figure and f.spot is not None
                and f.span.root.i in parts}) > 1


def not_at_home(ctx: Context, figure: TroopFigure, held: bool, owner: bool) -> bool:
    """Is the force's own country, the article's place, not where this figure is? Troops sent or coming "home"
    leave a theatre: it is where they go, never where they were. And a place named in no place's role (not
    ``held``) is likely the force itself: not where troops are or go by a place the text names but no gazetteer
    knows ("Germany will send 500 soldiers to the mission"), where troops it sends or pledges go ("Kenya will
    send 1,000 police"), nor where a headline names them by it (an ``owner``: "Ghana troops head out")."""
    return _homeward(figure) or (not held and (owner or _placed_unknown(figure) or _sent(ctx, figure)))


def _placed_unknown(figure: TroopFigure) -> bool:
    """Does the figure's phrase or verb name where the troops are or go by a place no gazetteer knows ("send 500
    soldiers to the mission", "1,000 troops at the outpost"), or, for a withdrawal, where they leave ("withdrew
    1,000 soldiers from Hiran region": not their own country)?"""
    anchor = figure.personnel.anchor
    verb = governing_verb(anchor)[0]
    holders = [anchor] if verb is None else [anchor, verb]
    preps = _UNKNOWN_PREPS + (_UNKNOWN_ORIGIN_PREPS if figure.kind == "decrease" else ())
    return any(c.dep_ in PREP_DEPS and any(  # not "adding to the 300,000"
        t.dep_ == "pobj" and t.i != anchor.i and (c.lower_ in preps and t.pos_ in ("NOUN", "PROPN")
                                                  or c.lower_ in _UNKNOWN_NAME_PREPS and t.pos_ == "PROPN")
        for t in c.children) for h in holders for c in h.children)


def _homeward(figure: TroopFigure) -> bool:
    """Does the figure's verb, or its own phrase, send it home ("returned home", "brought 1,400 troops home")?"""
    anchor = figure.personnel.anchor
    verb = governing_verb(anchor)[0]
    return any(c.lower_ == HOME and c.dep_ in ("advmod", "prt", "npadvmod", "dobj")
               for holder in (anchor, *((verb,) if verb is not None else ())) for c in holder.children)


def _sent(ctx: Context, figure: TroopFigure) -> bool:
    """Is the figure what its force sends or pledges ("will send 1,000", "pledged 4,500 soldiers")?"""
    verb = governing_verb(figure.personnel.anchor)[0]
    return verb is not None and verb.lemma_.lower() in ctx.words.sending_verbs | ctx.words.promise_verbs


def _spread(prep: Token) -> bool:
    """Is the phrase's object the world ("around the world"), a count of places ("to 11 missions", "in several
    countries") or missions in the plural ("serve with UN missions", not "the missions in Mali and Lebanon")?"""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    return lemma in _WORLD_NOUNS or (lemma in _SPREAD_NOUNS and noun.tag_ == "NNS" and (any(
        c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in _SEVERAL_WORDS) for c in noun.children)
        or (lemma in _MISSION_NOUNS and not any(c.dep_ == "det" for c in noun.children))))
