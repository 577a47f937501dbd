"""Where the personnel are, or go; for a withdrawal, the place they leave.

Each figure gets ``location`` (a country, or the region named where no one
country is meant) and ``spot``: the most specific place the text names for it
("Darwin" in Australia, with its coordinates), or its location where it names none.

From the figure's own phrase ("troops in Syria"), then its clause ("deploy 250
troops to Mali", "relocate 1,000 troops from northeastern Syria", "left Kenya
for Haiti"), then the sentence, then the paragraph's figures and places, then
the article's theatre. Only names in a place's syntactic role count, so the
force ("Canada's", "U.S.") and a payer or host ("Tokyo pays") are never taken
for the place.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import governing_verb, is_verb
from natoiraq.pipeline.troops.context import LOOKBACK, Context
from natoiraq.pipeline.troops.figure import TroopFigure
from natoiraq.pipeline.troops.lists import table_row
from natoiraq.pipeline.troops.mentions import (PLACE_HEADS, PLACE_LABELS, PLACE_OBJECT_VERBS, PLACE_PREPS,
                                               in_place_phrase, is_place_role)

#: Where a change is read from: a withdrawal's origin, anything else's destination or station.
_ORIGIN_PREPS = ("from", "out", "off")
_STATION_PREPS = ("to", "into", "in", "at", "for", "on", "inside", "within", "across", "throughout", "near",
                  "along", "toward", "towards", "onto", "around", "outside")
#: Nouns that refer back to a place named before ("in the country", "in the region"): closed.
_PLACE_NOUNS = frozenset({"country", "region", "area", "territory", "theatre", "theater"})
#: A country's own ground, in "on its soil": closed, and spelled once.
_HOME_NOUNS = frozenset({"soil", "territory", "land", "ground"})
#: Where troops are, not where they go: a withdrawal's troops are leaving these.
_AT_PREPS = ("in", "at", "on", "inside", "within", "near", "across", "throughout")
#: How a name modifies a noun ("Ukraine's border", "the Helmand area"), and the nouns that name part of a place
#: through it, not something in the place ("a US-led force"): closed.
_MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})
_PART_NOUNS = PLACE_HEADS | {"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
                             "part", "parts", "side", "capital", "coast", "base", "bases", "frontier", "soil"}
#: Prepositions that place a place's noun further ("the north of Syria", "a site in Uzbekistan"): closed.
_WITHIN_PREPS = ("of", "in", "at", "near", "inside")
#: Nouns a nationality places in its country ("the Tajik drills", "the Afghan capital"): closed.
_NATIONAL_PLACES = frozenset({"drill", "exercise", "manoeuvre", "maneuver", "war", "conflict", "capital"})
#: Nouns for the line between two countries: closed.
_BORDER_NOUNS = frozenset({"border", "frontier", "boundary"})
_CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp"})


def locate(ctx: Context, doc: Doc, figures: list[TroopFigure]) -> None:
    """Set ``spot`` and ``location`` on every figure: its own words first, then the paragraph, then the article."""
    for figure in figures:
        # The figure's own words, else the theatre of the mission it serves with ("UNIFIL's 10,000").
        figure.spot = _own(ctx, figure) or _at(ctx, ctx.mentions.ontology.theatre(figure.mission))
    for figure in figures:
        if figure.echo_of is not None and figure.echo_of.spot:
            figure.spot = figure.echo_of.spot  # a headline says what its lede says
    # A flattened table's row lost its label cell: its place is unknown, not its neighbours' or the article's.
    unknown = [f.spot is None and table_row(ctx, f.span) for f in figures]
    for index, figure in enumerate(figures):
        if figure.spot is None and not unknown[index]:
            figure.spot = _from_paragraph(ctx, doc, figures[max(0, index - LOOKBACK):index], figure)
    located = Counter(f.spot.location for f in figures if f.spot)
    theatre = _headline_place(ctx, doc) or (_at(ctx, located.most_common(1)[0][0]) if located else _first_place(ctx, doc))
    for figure, lost in zip(figures, unknown):
        figure.spot = figure.spot or (None if lost else theatre)
        figure.location = figure.spot.location if figure.spot else None


def _at(ctx: Context, location: str | None) -> Place | None:
    """A location (a mission's theatre, the article's) as a place, where the gazetteer has it."""
    return (ctx.mentions.ontology.where(location) or Place(location, location)) if location else None


def _own(ctx: Context, figure: TroopFigure) -> Place | None:
    if figure.place is not None:
        return figure.place
    anchor = figure.personnel.anchor
    leaving = figure.kind == "decrease"
    after = _place_right_after(ctx, figure)  # "and 200 in Kosovo", however the parse hangs it
    if after is not None:
        return after
    # "ahead of Lithuania's 1,632": a place that owns the figure is where it is, however the parse hangs it
    owners = [c for t in (*figure.span, anchor) for c in t.children if c.dep_ == "poss"]
    before = figure.span.start - 1
    if before > 0 and figure.span.doc[before].tag_ == "POS":
        owners.append(figure.span.doc[before - 1])
    owner = ctx.mentions.place(owners)
    if owner is not None and owner.location != figure.force:
        return owner
    # The figure's own phrase: where the troops are ("marines stationed in Okinawa"), even for a withdrawal.
    phrase: list[Token] = [anchor, *(c for c in anchor.children if c.dep_ in ("acl", "relcl"))]
    if anchor.dep_ == "pobj" and anchor.head.head.pos_ == "NOUN":
        phrase.append(anchor.head.head)  # "the number of troops in Iraq"
    for holder in phrase:
        place = _place_under(ctx, holder, _ORIGIN_PREPS + _AT_PREPS if leaving else _STATION_PREPS,
                             figure.force)
        if place is not None:
            return place
    # The clause: a withdrawal is located where the troops leave; where they go is another theatre.
    verb = governing_verb(anchor)[0]
    for _ in range(3):  # the verb, and the verbs it continues ("plans to withdraw ... from")
        if verb is None:
            break
        # "will not withdraw 350,000 soldiers from Kashmir": a level a withdrawal verb governs is where they are
        order = _ORIGIN_PREPS if leaving else (_ORIGIN_PREPS + _STATION_PREPS) if verb.lemma_.lower() in \
            ctx.words.decrease_verbs else _STATION_PREPS
        place = _place_under(ctx, verb, order, figure.force) or _object_place(ctx, verb, leaving, figure.force)
        if place is not None:
            return place
        verb = verb.head if verb.dep_ in _CLAUSE_LINKS and verb.head.i != verb.i else None
    if leaving:
        return None
    # Parses go wrong: a place in a phrase another verb of the sentence governs, the nearest first; not one
    # hung on a noun ("with the war in Gaza ongoing") nor in a clause that describes one ("the deal signed in Doha").
    sentence = figure.span.sent
    preps = [t for t in sentence if t.dep_ == "prep" and t.lower_ in _STATION_PREPS and _on_a_verb(t)
             and not _describes_another(t, anchor) and not _continues_a_unit(ctx, t)]
    for prep in sorted(preps, key=lambda t: abs(t.i - anchor.i)):
        place = _place_in(ctx, prep, figure.force)
        if place is not None:
            return place
    return None


def _on_a_verb(prep: Token) -> bool:
    """Does a verb govern this phrase, or the phrase it places ("work from an office in Niamey"), not a noun
    ("with the war in Gaza still ongoing", "developments in Syria")?"""
    head = prep.head
    return is_verb(head) or (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS and is_verb(head.head.head))


def _object_place(ctx: Context, verb: Token, leaving: bool, home: str | None) -> Place | None:
    """Where the verb's object says the troops are: "cut the number of troops in Iraq ... to 3,000", "reduce our
    presence in Iraq"."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        holders = [obj, *(t for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for t in c.children if t.dep_ == "pobj")]
        for holder in holders:
            place = _place_under(ctx, holder, _ORIGIN_PREPS + _AT_PREPS if leaving else _AT_PREPS, home)
            if place is not None:
                return place
    return None


def _continues_a_unit(ctx: Context, prep: Token) -> bool:
    """Does this phrase follow a "from" phrase that names a unit, not a place ("Marines from the 22nd unit at
    Camp Lejeune")? Then it is where that unit is based, however the parse hangs it; after a place
    ("soldiers from Denmark in Estonia") it is where the soldiers are."""
    head = prep.head
    if head.dep_ == "prep" and head.lower_ == "from":
        origins = [head]
    elif head.pos_ in ("NOUN", "PROPN"):
        origins = [c for c in head.children if c.dep_ == "prep" and c.lower_ == "from" and c.i < prep.i]
    else:
        return False
    return any(ctx.mentions.place(t for t in origin.subtree if t.i < prep.i) is None for origin in origins)


def _describes_another(token: Token, anchor: Token) -> bool:
    """Is ``token`` inside a clause that modifies a noun other than the figure's own ("the deal signed in X")?"""
    return any(a.dep_ in ("acl", "relcl") and a.head.i != anchor.i for a in (token, *token.ancestors))


def _place_under(ctx: Context, holder: Token, order: tuple[str, ...], home: str | None) -> Place | None:
    """A place in the prepositional phrases (or place object) hung on ``holder``, by preference of preposition."""
    found: dict[str, Place] = {}
    for child in holder.children:
        if child.dep_ == "prep" and child.lower_ in PLACE_PREPS and not _continues_a_unit(ctx, child):
            place = _place_in(ctx, child, home)
            if place is not None:
                found.setdefault(child.lower_, place)
        elif child.dep_ == "dobj" and holder.lemma_.lower() in PLACE_OBJECT_VERBS:
            place = ctx.mentions.place(t for t in child.subtree if _heads_object(t, holder))
            if place is not None:  # "left Kenya" is where they leave, "entered Syria" where they are
                found.setdefault("from" if holder.lemma_.lower() in ctx.words.departure_verbs else "in", place)
    for prep in order:
        if prep in found:
            return found[prep]
    return None


def _place_right_after(ctx: Context, figure: TroopFigure) -> Place | None:
    """A place phrase right after the figure or its noun, past an adverb ("19,000 Marines currently in Okinawa")."""
    doc = figure.span.doc
    for end in (figure.span.end, figure.personnel.anchor.i + 1):
        if end < len(doc) and doc[end].pos_ == "ADV":
            end += 1
        if end < len(doc) and doc[end].lower_ in ("in", "inside", "at", "on") and doc[end].dep_ == "prep":
            place = _place_in(ctx, doc[end], figure.force)
            if place is not None:
                return place
    return None


def _place_in(ctx: Context, prep: Token, home: str | None) -> Place | None:
    """The place a preposition's object names; where the force is ``home``, not its own country as a destination
    (troops "returned to the United States" go home) nor as "the country"."""
    noun = next((c for c in prep.children if c.dep_ == "pobj"), None)
    border = _border(ctx, noun) if noun is not None else None
    if border is not None:
        return border
    # "out of Iraq", "in the Golan"; "in Burkina Faso, Niger and Chad" is the Sahel
    mention = next((m for t in prep.subtree if _heads_object(t, prep)
                    and (m := ctx.mentions.by_token.get(t.i)) is not None and m.place is not None), None)
    if mention is not None:
        place = _with_the_listed(ctx, prep.doc[mention.root], mention.place)
        return None if place.location == home and prep.lower_ in ctx.words.destination_preps else place
    # "in the Tajik drills", "in the Afghan capital": a nationality places what happens or stands in its country.
    if noun is not None and noun.lemma_.lower() in _NATIONAL_PLACES:
        for modifier in (c for c in noun.children if c.dep_ in ("amod", "compound")):
            country = ctx.mentions.ontology.demonyms.get(modifier.lower_)
            if country is not None and country != home:
                return _at(ctx, country)
    # "deployed in the country", "in the same region": the place of that kind named last.
    if noun is not None and noun.lemma_.lower() in _PLACE_NOUNS and any(
            c.lower_ in ("the", "that", "this") for c in noun.children if c.dep_ == "det"):
        countries = ctx.mentions.ontology.countries
        earlier = [m.place for m in ctx.mentions.mentions if m.place and m.end <= noun.i
                   and is_place_role(noun.doc[m.root]) and m.place.location != home]
        # "the country" is a country; "the region", "the area" a region if one was named, else a country
        wanted = [p for p in earlier if (p.location in countries) == (noun.lemma_.lower() == "country")]
        if wanted or earlier:
            return (wanted or earlier)[-1]
    # "stationed on its soil": the country "its" stands for.
    owner = next((t for t in prep.subtree if t.dep_ == "poss" and t.lower_ in ("its", "their")), None)
    actor = ctx.mentions.actor_before(owner) if owner is not None and owner.head.lemma_.lower() in _HOME_NOUNS else None
    return ctx.mentions.ontology.where(actor.force) if actor is not None and actor.force else None


def _with_the_listed(ctx: Context, name: Token, place: Place) -> Place:
    """A place listed with others of other countries stands for the smallest region that holds them all."""
    listed = [p for t in (name, *name.conjuncts) if (p := ctx.mentions.place([t])) is not None]
    locations = {p.location for p in listed}
    return (ctx.mentions.ontology.gazetteer.region_of(locations) or place) if len(locations) > 1 else place


def _border(ctx: Context, noun: Token) -> Place | None:
    """The border a noun names by its countries, as a region: "Ukraine's border", "the Ukrainian border" and "the
    border with Ukraine" are the "Ukraine border" (troops on it are not in Ukraine), "the Indian-Pakistani
    border" the "India-Pakistan border"; None for a border of no country named ("its border")."""
    if noun.lemma_.lower() not in _BORDER_NOUNS:
        return None
    named = [t for t in noun.subtree if t.i < noun.i] + [
        t for c in noun.children if c.dep_ == "prep" and c.lower_ in ("with", "between", "of") for t in c.subtree]
    sides: list[str] = []
    ontology = ctx.mentions.ontology
    for token in named:
        mention = ctx.mentions.by_token.get(token.i)
        if mention is not None and mention.place is not None:
            country = mention.place.location
        elif mention is not None or token.ent_type_ == "NORP":  # each nationality of "the Indian-Pakistani border"
            actor = ontology.actor(token.text)
            country = actor.force if actor is not None else None
        else:
            continue
        if country in ontology.countries and country not in sides:
            sides.append(country)
    if not 0 < len(sides) <= 2:
        return None
    name = "-".join(sides) + " border"
    return Place(name, name)


def _heads_object(token: Token, holder: Token) -> bool:
    """Does ``token`` name what ``holder`` (a preposition, or a verb whose object is a place) governs ("in
    [northern] Iraq", "in Estonia and Latvia", "in the north of Syria", "in drills held at a range in Uzbekistan",
    "on Ukraine's border"), not a place hung on something else ("on a flight from Rwanda", "in a US-led force",
    "entered the plateau, the passage between Israel and Syria")?"""
    while token.head.i != holder.i:
        head = token.head
        if head.i == token.i:
            return False
        listed_or_described = token.dep_ in ("conj", "appos", "relcl", "acl") or (
            token.dep_ == "dobj" and head.dep_ in ("relcl", "acl"))  # "an operation that spans four Sahel countries"
        placed_further = (token.dep_ == "pobj" and head.lower_ in _WITHIN_PREPS) or (
            token.dep_ == "prep" and token.lower_ in _WITHIN_PREPS)
        part_of_a_place = token.dep_ in _MODIFIERS and (
            head.lemma_.lower() in _PART_NOUNS or head.ent_type_ in PLACE_LABELS)
        if not (listed_or_described or placed_further or part_of_a_place):
            return False
        token = head
    return True


def _from_paragraph(ctx: Context, doc: Doc, earlier: list[TroopFigure], figure: TroopFigure) -> Place | None:
    here = ctx.paragraph(figure.span.start_char)
    for previous in reversed(earlier):
        if ctx.paragraph(previous.span.start_char) != here:
            break
        if previous.spot is not None:
            return previous.spot
    return None


def _first_place(ctx: Context, doc: Doc) -> Place | None:
    """The first place the headline or lede names in a place's role, else the first place at all, else
    the theatre of a mission it names (a mission first named in a footnote far below is no theatre)."""
    limit = ctx.headline_end + 600
    places = [m for m in ctx.mentions.mentions if m.place is not None and doc[m.start].idx < limit]
    for role in (_held, in_place_phrase):  # where troops are or go, before where they come from
        for mention in places:
            if role(doc[mention.root]):
                return mention.place
    if places:
        return places[0].place
    missions = [m.actor.theatre for m in ctx.mentions.mentions
                if m.actor is not None and m.actor.theatre and doc[m.start].idx < limit]
    return _at(ctx, missions[0]) if missions else None  # "The UN ... Mission in Mali (MINUSMA) announced"


def _headline_place(ctx: Context, doc: Doc) -> Place | None:
    """A place the headline puts troops in, to or from ("... troops left in Golan")."""
    end = ctx.headline_end
    for mention in ctx.mentions.mentions:
        if doc[mention.start].idx >= end:
            return None
        if mention.place is not None and _left_or_held(doc[mention.root]):
            return mention.place
    return None


def _held(token: Token) -> bool:
    """Is this name where something is or goes ("in Latvia"), however deep in the phrase ("took part in the
    2003 invasion of Iraq")?"""
    prep = next((a for a in token.ancestors if a.dep_ == "prep" and a.lower_ in _STATION_PREPS), None)
    return is_place_role(token) or (prep is not None and _heads_object(token, prep))


def _left_or_held(token: Token) -> bool:
    """Is this name where troops are or go, or a place a verb says they leave ("pull 33,000 troops from
    Afghanistan"), not where a flight or a person comes from ("on a flight from Rwanda")?"""
    return is_place_role(token) or (in_place_phrase(token) and token.head.head.pos_ in ("VERB", "AUX"))
