"""Where a mission puts its troops: the theatre of a mission a figure serves with ("serve with UNIFIL", "4,500
troops in the framework of Operation Barkhane") or its sentence names, for :mod:`.where` when the figure's own
words name no place.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import governing_verb
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import TroopFigure
from natoiraq.pipeline.troops.mentions import PREP_DEPS, in_place_phrase
from natoiraq.pipeline.troops.placing import at


def mission_served(ctx: Context, anchor: Token) -> Place | None:
    """The theatre of a mission the figure's noun or verb names in a phrase ("4,500 troops in the framework of
    Operation Barkhane", "serve with UNIFIL", "under Resolute Support"): the troops are where it serves."""
    verb = governing_verb(anchor)[0]
    described = [c for c in anchor.children if c.dep_ in ("acl", "relcl")]  # "soldiers serving with UNIFIL"
    theatre = next((m.actor.theatre for holder in (anchor, *described, *((verb,) if verb is not None else ()))
                    for prep in holder.children if prep.dep_ in PREP_DEPS for t in prep.subtree
                    if (m := ctx.mentions.by_token.get(t.i)) is not None and m.actor is not None and m.actor.theatre),
                   None)
    return _within(ctx, anchor, theatre) if theatre is not None else None


def _within(ctx: Context, anchor: Token, theatre: str) -> Place | None:
    """The theatre, or a place in it that the sentence names as one, nearer: "bring 120 soldiers home from
    Lithuania, leaving about 150 with the NATO battlegroup" (of eastern Europe's battlegroups, Lithuania's).
    Several such places ("the battlegroups in Bulgaria, Estonia, ...") are the theatre itself."""
    held = ctx.mentions.ontology.gazetteer.members.get(theatre, ())
    sentence = anchor.sent
    nearer = {m.place.location: m.place for m in ctx.mentions.mentions if sentence.start <= m.start < sentence.end
              and m.place and m.place.location in held and in_place_phrase(anchor.doc[m.root])}
    return next(iter(nearer.values())) if len(nearer) == 1 else at(ctx, theatre)


def sentence_mission(ctx: Context, figure: TroopFigure) -> Place | None:
    """The theatre of the mission named nearest the figure in its sentence ("Rwanda (2,700)" among "UNMISS troop
    contributors" serves in South Sudan), or the one place in it the sentence names ("sent to Mali to reinforce
    Barkhane, in which it has 45")."""
    sentence = figure.span.sent
    named = [m for m in ctx.mentions.mentions if m.actor is not None and m.actor.mission and m.actor.theatre
             and sentence.start <= m.start < sentence.end]
    if not named:
        return None
    nearest = min(named, key=lambda m: abs(m.start - figure.span.start)).actor
    return _within(ctx, figure.personnel.anchor, nearest.theatre)
