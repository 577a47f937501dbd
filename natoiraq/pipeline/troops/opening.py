"""The article's own place, for figures whose words and paragraph name none: the place its headline puts troops
in, to or from, else the first place its headline or lede names in a place's role, else the first it names at all
that says no force's owner (a dateline beats "U.S. soldiers"), else the theatre of a mission it names.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.paragraphs import is_furniture
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.events import in_event_name
from natoiraq.pipeline.troops.mentions import PREP_DEPS, Mention, STATION_PREPS, in_place_phrase, is_place_role
from natoiraq.pipeline.troops.nouns import is_force_noun, is_personnel
from natoiraq.pipeline.troops.placing import at, before_a_number, heads_object, venue


def first_place(ctx: Context, doc: Doc) -> tuple[Place | None, bool, bool]:
    """The first place the headline or lede names in a place's role, else the first place at all that leads no
    force ("a Nigeria-led force"), else the theatre of a mission it names (a mission first named in a footnote
    far below is no theatre); whether a place's role names it (a mission the figure's own sentence names is
    nearer than the article's); and whether it names a force's owner ("Ghana troops", "the Estonia force")."""
    limit = ctx.headline_end + 600
    # a dateline's or byline's place only where no other is named: it says where the reporter is
    places = sorted((m for m in ctx.mentions.mentions if m.place is not None and doc[m.start].idx < limit
                     and not venue(doc[m.root]) and not in_event_name(ctx, doc[m.root])
                     and not _seat_dateline(ctx, doc, m)),
                    key=lambda m: is_furniture(doc[m.root].sent))
    for role in (_held, _left_or_held):  # where troops are or go, before where they leave
        for mention in places:
            if role(doc[mention.root]):
                return mention.place, True, False
    # nor a name a number follows, a contributor in a list ("Italy – 1,050"), nor a state that gives troops
    # ("Nigeria would provide 1,500 soldiers and Ghana 800"): they go elsewhere
    leading = [m for m in places if doc[m.root].head.lemma_.lower() != "lead"
               and not before_a_number(ctx, doc[m.root]) and not _gives(ctx, doc[m.root])]
    if leading:
        # a name that says whose troops are ("U.S. soldiers", "4,000 from Ethiopia") is no nearer than a dateline:
        # "WARSAW - About 4,000 U.S. soldiers arrived" are in Poland
        first = leading[0] if not _names_an_owner(ctx, doc[leading[0].root]) else next(
            (m for m in leading if is_furniture(doc[m.root].sent)), leading[0])
        # who acts is no place where a force another place names is ("Britain doubles Estonia force")
        if doc[first.root].dep_ == "nsubj":
            first = next((m for m in leading if _names_a_force(ctx, doc[m.root])), first)
        return first.place, False, _names_an_owner(ctx, doc[first.root])
    missions = [m.actor.theatre for m in ctx.mentions.mentions
                if m.actor is not None and m.actor.theatre and doc[m.start].idx < limit]
    # "The UN ... Mission in Mali (MINUSMA) announced"
    return (at(ctx, missions[0]) if missions else None), False, False


def _seat_dateline(ctx: Context, doc: Doc, mention: Mention) -> bool:
    """Is this a dateline's seat of an organisation the article names ("BRUSSELS (Reuters) - NATO will put
    300,000 troops on high readiness")? There its news is written, whoever's troops it counts and wherever."""
    seated = ctx.mentions.ontology.seats.get(mention.place.name, frozenset()) if mention.place else frozenset()
    return bool(seated) and is_furniture(doc[mention.root].sent) and any(
        m.actor is not None and m.actor.force in seated for m in ctx.mentions.mentions)


def _gives(ctx: Context, root: Token) -> bool:
    """Is this name the subject of a verb that sends, contributes or pledges troops ("Kenya will send", "Nigeria
    would provide")?"""
    words = ctx.words
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in \
        words.sending_verbs | words.contribution_verbs | words.promise_verbs


def _names_a_force(ctx: Context, root: Token) -> bool:
    """Does this name modify one force, not a nationality's forces or troops ("the Estonia force", "the Mali
    mission"; not "U.S. forces", "Ghana troops")?"""
    return root.dep_ in ("compound", "poss") and root.head.tag_ == "NN" and is_force_noun(ctx, root.head)


def _names_an_owner(ctx: Context, root: Token) -> bool:
    """Does this name say whose a force or its personnel are: it modifies them ("Ghana troops", "the Estonia
    force") or says where they come from ("4,000 from Ethiopia")?"""
    head = root.head.head if root.dep_ == "pobj" and root.head.lower_ == "from" else root.head \
        if root.dep_ in ("compound", "poss") else None
    return head is not None and (is_force_noun(ctx, head) or is_personnel(ctx, head) or head.like_num)


def headline_place(ctx: Context, doc: Doc) -> Place | None:
    """A place the headline puts troops in, to or from ("... troops left in Golan"), or the theatre of a mission it
    names ("... to expand NATO Mission Iraq")."""
    headline = [m for m in ctx.mentions.mentions if doc[m.start].idx < ctx.headline_end]
    place = next((m.place for m in headline if m.place is not None and _left_or_held(doc[m.root])
                  and not is_furniture(doc[m.root].sent)), None)
    return place or next((at(ctx, m.actor.theatre) for m in headline if m.actor is not None and m.actor.theatre), None)


def _held(token: Token) -> bool:
    """Is this name where something is or goes ("in Latvia"), however deep in the phrase ("took part in the
    2003 invasion of Iraq")?"""
    prep = next((a for a in token.ancestors if a.dep_ in PREP_DEPS and a.lower_ in STATION_PREPS), None)
    return is_place_role(token) or (prep is not None and heads_object(token, prep))


def _left_or_held(token: Token) -> bool:
    """Is this name where troops are or go, or a place a verb says they leave ("pull 33,000 troops from
    Afghanistan"), not where a flight or a person comes from ("on a flight from Rwanda")?"""
    return is_place_role(token) or (in_place_phrase(token) and token.head.head.pos_ in ("VERB", "AUX"))
