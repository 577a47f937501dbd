"""What place a phrase names: a preposition's object ("in [northern] Iraq", "out of Iraq"), a place verb's
object ("left Kenya"), a border named by its countries ("the Ukrainian border"), countries listed together
as the region that holds them ("in Burkina Faso, Niger and Chad"), a nationality's drills, war or capital
("the Tajik drills"), "the country" and "its soil". Only the place that heads the phrase counts, not one
hung on something inside it ("on a flight from Rwanda", "in a US-led force"). :mod:`.where` decides which
phrase is the figure's.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import THIRD_POSSESSIVES, prep_objects
from natoiraq.pipeline.troops.borders import BORDER_NOUNS, border_of, border_place
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.events import in_event_name
from natoiraq.pipeline.troops.mentions import (PART_NOUNS, PLACE_LABELS, PLACE_OBJECT_VERBS, PLACE_PREPS,
                                               PREP_DEPS, Mention, is_place_role)
from natoiraq.pipeline.troops.nowhere import HOME
from natoiraq.pipeline.troops.towns import as_placed, sent_within

#: Nouns that refer back to a country named before ("in the country", "to the kingdom", "the Caribbean nation"):
#: closed.
_COUNTRY_NOUNS = frozenset({"country", "nation", "kingdom", "emirate", "republic"})
#: Nouns of land that refer back to the state named last before any region ("South Korea should pay for the
#: troops stationed on the peninsula", "visited Taiwan ... on the island"): closed.
_LAND_NOUNS = frozenset({"island", "peninsula", "archipelago"})
#: Nouns that refer back to a region named before, in whatever role ("The Sahel after France ... in the region").
_REGION_NOUNS = frozenset({"region", "area", "theatre", "theater"})
#: Nouns that refer back to a place named before ("in the region", "on the island"): closed.
_PLACE_NOUNS = _COUNTRY_NOUNS | _LAND_NOUNS | _REGION_NOUNS | {"territory", "enclave"}
#: A country's own ground, in "on its soil" and "on Iraqi soil": closed, and spelled once.
_HOME_NOUNS = frozenset({"soil", "territory", "land", "ground", "waters", "airspace"})
#: How a name modifies a noun ("Ukraine's border", "the Helmand area", a part noun of :mod:`.mentions`), not
#: something in the place ("a US-led force"): closed.
_MODIFIERS = frozenset({"compound", "amod", "nmod", "npadvmod", "poss"})
#: Words that put troops beside a country, not in it ("near Ukraine", "close to Ukraine"): closed.
#: Not "around": troops "around the country" are all over it.
_NEAR_PREPS = frozenset({"near", "nearer", "close", "closer"})
#: Troops "around Ukraine" surround it, on its border; "in and around Kuwait" are in it: closed.
_AROUND = frozenset({"around"})
#: Adverbs that complete a verb of movement and may carry its place phrase ("pull back from"): closed.
_PARTICLES = frozenset({"back", "away", "out", HOME, "forward", "up", "down", "closer"})
#: Nouns of the way troops are on, whose phrase says where they go ("en route to", "on their way to"): closed.
_WAY_NOUNS = frozenset({"route", "way"})
#: Prepositions that place a place's noun further ("the north of Syria", "a site in Uzbekistan"): closed.
_WITHIN_PREPS = ("of", "in", "at", "near", "inside")
#: What stands between a name and the number that is its own ("Germany (35,000)", "Italy – 1,050", a table's
#: cell "Italy | 1,050"): closed.
_NUMBER_LEADS = frozenset({"(", ":", "-", "–", "—", "|"})
#: Prepositions that spread troops over a whole place ("across the country"), often their force's own: closed.
_SPANNING_PREPS = frozenset({"across", "throughout"})
#: Nouns a nationality places in its country ("the Tajik drills", "the Afghan capital"): closed.
_NATIONAL_PLACES = frozenset({"drill", "exercise", "manoeuvre", "maneuver", "war", "conflict", "capital"})
#: A country's military districts and commands ("the Southern Military District", "the Indian Army's Eastern
#: Command"): closed. A command is placed only by a possessive owner: "U.S. Central Command" is no US ground.
_DISTRICT_NOUNS = frozenset({"district", "command"})
#: Verbs whose object is what a place lies beside, not in ("the sector facing Pakistan"): closed.
_FACING_VERBS = frozenset({"face", "border", "overlook", "confront", "adjoin", "abut", "neighbour", "neighbor"})
#: Occasions where people speak or meet, whose place is no theatre ("a press conference in Brussels"): closed.
_VENUE_NOUNS = frozenset({"conference", "briefing", "meeting", "summit", "interview", "speech", "talks", "forum",
                          "ceremony", "hearing", "gathering", "event", "session", "address", "remarks"})


def at(ctx: Context, location: str | None) -> Place | None:
    """A location (a mission's theatre, the article's) as a place, where the gazetteer has it."""
    return (ctx.mentions.ontology.where(location) or Place(location, location)) if location else None


def place_under(ctx: Context, holder: Token, order: tuple[str, ...], home: str | None, *,
                sure: bool = True) -> Place | None:
    """A place in the prepositional phrases (or place object) hung on ``holder``, by preference of preposition."""
    found: dict[str, Place] = {}
    for child in _with_particles(holder):
        if child.dep_ in PREP_DEPS and child.lower_ in PLACE_PREPS and not continues_a_unit(ctx, child) \
                and not venue(child):  # "told the conference in Munich" is where someone spoke
            place = place_in(ctx, child, home, sure=sure)
            if place is not None:
                found.setdefault(child.lower_, place)
        elif child.dep_ == "dobj" and holder.lemma_.lower() in PLACE_OBJECT_VERBS:
            place = ctx.mentions.place(t for t in child.subtree if heads_object(t, holder))
            if place is not None:  # "left Kenya" is where they leave, "entered Syria" where they are
                found.setdefault("from" if holder.lemma_.lower() in ctx.words.departure_verbs else "in", place)
    for prep in order:
        if prep in found:
            return found[prep]
    return None


def _with_particles(holder: Token) -> list[Token]:
    """The holder's dependents, and those of the adverb that completes its verb or the word that places its noun:
    "pull troops back from the border" leave the border, "troops close to Lithuania" are beside it; and those of
    the way it is on: troops "en route to Kuwait" or "on their way to Kuwait" go to Kuwait."""
    return [*holder.children, *(t for c in holder.children if c.dep_ in ("advmod", "prt", "amod")
                                and c.lower_ in _PARTICLES | _NEAR_PREPS for t in c.children),
            *(t for c in holder.children if c.dep_ in PREP_DEPS for way in c.children
              if way.dep_ == "pobj" and way.lemma_.lower() in _WAY_NOUNS for t in way.children)]


def continues_a_unit(ctx: Context, prep: Token) -> bool:
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


def place_in(ctx: Context, prep: Token, home: str | None, *, sure: bool = True) -> Place | None:
    """The place a preposition's object names; where the force is ``home``, not its own country as a destination
    (troops "returned to the United States" go home) nor as "the country". A force the text does not give
    ``sure``ly (the article's) may be wrong: its border is named as written."""
    # prepositions joined share the last one's object: "in and around Kuwait"
    holder = next((p for p in (prep, *prep.conjuncts) if any(c.dep_ == "pobj" for c in p.children)), prep)
    # "out of the country" is one preposition the parse splits in two
    noun = next((c for c in holder.children if c.dep_ == "pobj"), None) or next(iter(prep_objects(holder, "of")), None)
    border = border_place(ctx, noun, home if sure else None) if noun is not None else None
    if border is not None:
        return border
    district = _district(ctx, noun, home) if noun is not None else None
    if district is not None:
        return district
    return _beside(ctx, prep, _named_in(ctx, holder, noun, home), home)


def _beside(ctx: Context, prep: Token, place: Place | None, home: str | None) -> Place | None:
    """Troops "near Ukraine", "around Ukraine", "near Ukrainian territory" or "close to Ukraine" are on its
    border, not in it: the "Ukraine border"; a place inside a country ("near Darwin") stays where it is."""
    near = prep.lower_ in _NEAR_PREPS | _AROUND or (prep.lower_ == "to" and prep.head.lower_ in _NEAR_PREPS)
    if not near or place is None or place.name != place.location or place.location == home \
            or place.location not in ctx.mentions.ontology.countries:
        return place
    return border_of(place.location)


def _named_in(ctx: Context, prep: Token, noun: Token | None, home: str | None) -> Place | None:
    """The place a preposition's object names by a name, a nationality's ground or a word that refers back."""
    # "out of Iraq", "in the Golan"; "in Burkina Faso, Niger and Chad" is the Sahel
    heading = _heading(ctx, prep)
    # the most specific of one country's names: "to Australia's Northern Territory" is to the Northern Territory
    mention = next((m for m in heading if m.place.name != m.place.location
                    and m.place.location == heading[0].place.location), heading[0]) if heading else None
    if mention is not None:
        place = _with_the_listed(ctx, prep.doc[mention.root], as_placed(ctx, prep.doc[mention.root], mention.place))
        # ... unless the text says it is their own ground: "moved 5,000 troops to its Gomel region", or names a
        # place in it they are sent to ("Brazil sent 200 soldiers to Roraima state")
        return None if place.location == home and prep.lower_ in ctx.words.destination_preps \
            and not _its_own(prep) and not sent_within(ctx, prep, place) else place
    # troops "at home" are in their force's own country
    if noun is not None and noun.lower_ == HOME and prep.lower_ == "at" and home is not None:
        return at(ctx, home)
    # "in the Tajik drills", "in the Afghan capital": a nationality places what happens or stands in its country;
    # "on Iraqi soil", "on Polish territory" are that country's ground, the force's own included.
    lemma = noun.lemma_.lower() if noun is not None else ""
    if lemma in _NATIONAL_PLACES or lemma in _HOME_NOUNS:
        for modifier in (c for c in noun.children if c.dep_ in ("amod", "compound")):
            country = ctx.mentions.ontology.demonyms.get(modifier.lower_)
            if country is not None and (country != home or lemma in _HOME_NOUNS):
                return at(ctx, country)
    # "deployed in the country", "in the same region": the place of that kind named last; "in the south of the
    # country" too
    part = noun is not None and noun.lemma_.lower() in PART_NOUNS and noun.lemma_.lower() not in _PLACE_NOUNS
    noun = next((t for t in prep_objects(noun, "of") if t.lemma_.lower() in _PLACE_NOUNS), noun) if part else noun
    if noun is not None and noun.lemma_.lower() in _PLACE_NOUNS and any(
            c.lower_ in ("the", "that", "this") for c in noun.children if c.dep_ == "det"):
        # the label of the paragraph first ("Moldova: About 1,500 troops remain in the breakaway region")
        label = ctx.labels.get(ctx.paragraph(noun.idx))
        if label is not None and label.end <= noun.i:
            return label.place
        countries = ctx.mentions.ontology.countries
        earlier = [m.place for m in ctx.mentions.mentions if m.place and m.end <= noun.i
                   and is_place_role(noun.doc[m.root]) and m.place.location != home and not venue(noun.doc[m.root])]
        # "the country" is a country; "the region", "the area" a region if one was named, else a country; of
        # those, the one named most (the story's, not one named in passing), the last on a tie
        wanted = [p for p in earlier if (p.location in countries) == (noun.lemma_.lower() in _COUNTRY_NOUNS)]
        # where no place was named in a place's role, a region however named ("The Sahel after France")
        if not earlier and noun.lemma_.lower() in _REGION_NOUNS:
            wanted = [m.place for m in ctx.mentions.mentions if m.place and m.end <= noun.i
                      and m.place.location not in countries and not venue(noun.doc[m.root])]
        # where troops go, a country named in no place's role stands for "the kingdom" where none was named in one
        # ("talks with Riyadh ... troops sent to the kingdom"), and "the peninsula" is the state named last other
        # than the force's own; not "across the country", often the force's own
        lemma = noun.lemma_.lower()
        # and so does one that speaks for its state ("Bamako turned to Moscow ... instructors in the country")
        # where no place of another country was named at all
        going = not wanted and lemma in _COUNTRY_NOUNS and (prep.lower_ in ctx.words.destination_preps or (
            not earlier and prep.lower_ not in _SPANNING_PREPS))
        state = ctx.mentions.state_before(noun, other_than=home, speaking=ctx.words.reporting_verbs) \
            if going or lemma in _LAND_NOUNS else None
        if state is not None:
            return at(ctx, state)
        # a part of "the country" where only the force's own state was named is its own ("sent to the north of the
        # country", after "Burkina Faso has lost control of much of its territory")
        if part and going and home is not None and ctx.mentions.state_before(noun) == home:
            return at(ctx, home)
        if wanted or earlier:
            named = wanted or earlier
            counts = Counter(p.location for p in named)
            return max(reversed(named), key=lambda p: counts[p.location])
    # "stationed on its soil", "along its southern border" (no other side named): the country "its" stands for.
    owner = _its_own(prep)
    actor = ctx.mentions.actor_before(owner) if owner is not None and owner.head.lemma_.lower() in \
        _HOME_NOUNS | BORDER_NOUNS else None
    return ctx.mentions.ontology.where(actor.force) if actor is not None and actor.force else None


def _its_own(prep: Token) -> Token | None:
    """The "its" or "their" that owns the phrase's object ("on its soil", "to its Gomel region")."""
    return next((t for t in prep.subtree if t.dep_ == "poss" and t.lower_ in THIRD_POSSESSIVES), None)


def _heading(ctx: Context, prep: Token) -> list[Mention]:
    """The place mentions that head the phrase's object ("in Estonia and Latvia"), in order; not a place an
    exercise's name holds ("took part in Defender Europe 24")."""
    return [m for t in prep.subtree if heads_object(t, prep) and (m := ctx.mentions.by_token.get(t.i)) is not None
            and m.place is not None and not in_event_name(ctx, t)]


def _with_the_listed(ctx: Context, name: Token, place: Place) -> Place:
    """A place listed with others of other countries stands for the smallest region that holds them all, a region
    listed for its countries ("in the Baltic states and Poland" is Eastern Europe); where none does ("in Kuwait
    and southern Iraq"), the first named, as real reporting's annotators read it."""
    # a name a number follows is that figure's own ("in Lithuania, Norway 200 and Belgium 150"): not listed here
    # the name's conjuncts may hang on the place noun it modifies ("the Baltic states and Poland")
    holder = name.head if name.dep_ in _MODIFIERS and name.head.lemma_.lower() in PART_NOUNS else name
    listed = [p for t in (name, *(c for c in holder.conjuncts if not before_a_number(ctx, c)))
              if (p := ctx.mentions.place([t])) is not None]
    locations = {p.location for p in listed}
    if len(locations) < 2:
        return place
    gazetteer = ctx.mentions.ontology.gazetteer
    return gazetteer.region_of({c for loc in locations for c in gazetteer.members.get(loc, (loc,))}) or place


def before_a_number(ctx: Context, token: Token) -> bool:
    """Does a number follow the name ``token`` is in, bare, in brackets, in the next cell or after a list line's
    dash or colon ("Norway 200", "Germany (35,000)", "Italy – 1,050", "Eritrea: 120,000", "Italy | 1,050")?"""
    mention = ctx.mentions.by_token.get(token.i)
    end = mention.end if mention is not None else token.i + 1
    after = [t for t in token.doc[end: end + 3] if not t.is_space][:2]  # a tabbed table's cells: "Kenya\t3,600"
    return len(after) > 0 and (after[0].like_num or (
        after[0].text in _NUMBER_LEADS and len(after) > 1 and after[1].like_num))


def _district(ctx: Context, noun: Token, home: str | None) -> Place | None:
    """The country a named military district or command is of: its possessive owner's ("Russia's Western
    Military District", "the Indian Army's Eastern Command"), else, for a district, the force's own."""
    lemma = noun.lemma_.lower()
    if lemma not in _DISTRICT_NOUNS or not noun.text[:1].isupper():
        return None
    owners = [t for c in noun.children if c.dep_ == "poss" for t in c.subtree]
    for token in owners:
        mention = ctx.mentions.by_token.get(token.i)
        actor = mention.actor if mention is not None else ctx.mentions.ontology.actor(token.text)
        country = mention.place.location if mention is not None and mention.place else \
            actor.force if actor is not None else None
        if country in ctx.mentions.ontology.countries:
            return at(ctx, country)
    return at(ctx, home) if lemma == "district" and not owners else None


def venue(token: Token) -> bool:
    """Is this name, or the phrase this preposition opens, where someone speaks or meets ("at a press conference
    in Brussels", "in an interview in London", "at a NATO summit in Madrid"), not where troops are?"""
    prep = token if token.dep_ in PREP_DEPS else token.head if token.dep_ == "pobj" else None
    return prep is not None and prep.dep_ in PREP_DEPS and prep.head.lemma_.lower() in _VENUE_NOUNS


def heads_object(token: Token, holder: Token) -> bool:
    """Does ``token`` name what ``holder`` (a preposition, or a verb whose object is a place) governs ("in
    [northern] Iraq", "in Estonia and Latvia", "in the north of Syria", "in drills held at a range in Uzbekistan",
    "on Ukraine's border"), not a place hung on something else ("on a flight from Rwanda", "in a US-led force",
    "entered the plateau, the passage between Israel and Syria")?"""
    while token.head.i != holder.i:
        head = token.head
        if head.i == token.i:
            return False
        # "an operation that spans four Sahel countries"; but a sector "facing Pakistan" is not in Pakistan
        listed_or_described = token.dep_ in ("conj", "appos", "relcl", "acl") or (
            token.dep_ == "dobj" and head.dep_ in ("relcl", "acl") and head.lemma_.lower() not in _FACING_VERBS)
        placed_further = (token.dep_ == "pobj" and head.lower_ in _WITHIN_PREPS) or (
            token.dep_ == "prep" and token.lower_ in _WITHIN_PREPS)
        part_of_a_place = token.dep_ in _MODIFIERS and (
            head.lemma_.lower() in PART_NOUNS or head.ent_type_ in PLACE_LABELS)
        if not (listed_or_described or placed_further or part_of_a_place):
            return False
        token = head
    return True
