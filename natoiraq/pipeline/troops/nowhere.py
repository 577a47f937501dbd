"""Whether a figure's own words place it in no one place: "deployed overseas", "around the world", counted out
to several places ("to 11 missions"). Such a figure's place is unknown: :mod:`.where` gives it neither its
neighbours' place nor the article's.
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
_SEVERAL_WORDS = frozenset({"several", "various", "multiple", "many", "numerous"})


def everywhere(ctx: Context, figure: TroopFigure) -> bool:
    """Do the figure's words place it in no one place ("deployed overseas", "serve abroad", "around the world",
    "deployed in nine missions")?"""
    anchor = figure.personnel.anchor
    verb = governing_verb(anchor)[0]
    described = [c for c in anchor.children if c.dep_ in ("acl", "relcl")]  # "troops deployed in nine missions"
    return any((c.dep_ in ("advmod", "npadvmod") and c.lower_ in _NOWHERE_WORDS)
               or (c.dep_ in PREP_DEPS and c.lower_ in STATION_PREPS and _spread(c))
               for holder in (anchor, *described, *((verb,) if verb is not None else ())) for c in holder.children)


def _spread(prep: Token) -> bool:
    """Is the phrase's object the world ("around the world") or a count of places ("to 11 missions", "in several
    countries")?"""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if noun is None:
        return False
    lemma = noun.lemma_.lower()
    return lemma in _WORLD_NOUNS or (lemma in _SPREAD_NOUNS and noun.tag_ == "NNS" and any(
        c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in _SEVERAL_WORDS) for c in noun.children))
