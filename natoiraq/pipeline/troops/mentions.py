"""Who and where is named in a doc: each actor and place mention, with the role its
syntax gives it.

A country is an actor when it acts or owns ("Canada will extend", "Canada's
troops"), and a place when it is where something happens ("troops in Latvia",
"deploy to Mali", "left Kenya"). The same name can be both in one article;
the parse decides per mention, so a place is never taken for the force.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.attrs import ENT_TYPE, ORTH, POS, SPACY
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from natoiraq.knowledge.gazetteer import Gazetteer
from natoiraq.knowledge.geo import PLACE_KINDS, Place
from natoiraq.knowledge.ontology import Actor, Ontology, normalise
from natoiraq.pipeline.syntax import ACTOR_LABELS, BULLETS, FACILITY_NOUNS, PLACE_LABELS, names_a_facility, names_beside
from natoiraq.pipeline.troops.institutions import qualified
from natoiraq.pipeline.troops.people import acting

#: Prepositions whose object is where the personnel are, go, or leave: never whose they are.
PLACE_PREPS = frozenset({"in", "to", "into", "at", "near", "across", "inside", "throughout", "on", "toward",
                         "towards", "within", "along", "outside", "around", "onto", "for", "from", "out", "off"})
_WHERE_NOT_WHO = PLACE_PREPS - {"from"}
#: Prepositions of where personnel are or go, not where they come from, by preference.
STATION_PREPS = ("to", "into", "in", "at", "for", "on", "inside", "within", "across", "throughout", "near",
                 "along", "toward", "towards", "onto", "around", "outside")
#: How a preposition hangs on its head: "send troops to Mali" is often parsed as a dative.
PREP_DEPS = frozenset({"prep", "dative"})
#: Nouns a place name modifies and still names the place ("the Sahel region", "Okinawa prefecture"): closed.
PLACE_HEADS = frozenset({"region", "area", "province", "prefecture", "state", "island", "islands", "district",
                         "city", "border", "territory", "country", "peninsula", "department", "governorate", "oblast"})
#: Nouns that name part of a place through a name ("the north of Syria", "parts of the Kherson region"): closed.
PART_NOUNS = PLACE_HEADS | FACILITY_NOUNS | {"north", "south", "east", "west", "northeast", "northwest", "southeast",
                                             "southwest", "part", "parts", "side", "capital", "coast", "frontier",
                                             "soil", "harbour", "harbor"}
#: Verbs whose object is a place left or entered ("left Kenya", "entered Syria"), or held ("hold the al-Tanf base",
#: "garrison Kaliningrad", "patrol Kidal").
PLACE_OBJECT_VERBS = frozenset({"leave", "enter", "exit", "quit", "reach", "cross", "invade", "occupy", "vacate", "visit",
                                "hold", "garrison", "patrol", "guard", "defend"})
#: Entity labels a proper noun in a place's role may carry and still be a place the gazetteer knows: the
#: model takes unfamiliar towns for persons ("deployed to Darwin"), events or dates ("in Gilgit", "in Rezekne")
#: or cuts them ("Mazar" of "Mazar-i-Sharif"); "to the Kursk region": PRODUCT.
_NAME_LABELS = frozenset({"", "PERSON", "PRODUCT", "EVENT", "DATE"}) | PLACE_LABELS | {"ORG"}
#: Within one phrase an organisation says more of whose force it is than a country, a country than a nationality.
_RANK = {"ORG": 0, "GPE": 1, "NORP": 2, "PERSON": 4}
#: How a nationality or state names the noun it modifies as its own ("US troops", "American soldiers").
_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod"})
#: Prefixes by which a name says whom something sides with ("pro-Moscow"): closed.
_SIDES = frozenset({"pro", "anti"})


@dataclass(frozen=True)
class Mention:
    start: int  # token offsets
    end: int
    root: int
    actor: Actor | None  # None when the name is no actor, or this mention is a place
    place: Place | None
    rank: int


class Mentions:
    """The actor and place mentions of one doc, looked up by token."""

    def __init__(self, doc: Doc, ontology: Ontology, gazetteer: Gazetteer | None = None, end: int | None = None):
        """``end``: where the article's text ends (a character offset), if a release's footer follows it; the
        names in the footer are the issuer's boilerplate ("Media enquiries: Press Office, Brussels")."""
        self.doc = doc
        self.by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self.people: list[tuple[int, Actor | None]] = []  # where each person is named, and whom they act for
        ents = tuple(e for e in doc.ents if end is None or e.end_char <= end)  # read once: spaCy builds them anew
        spans = [e for e in ents if e.label_ in ACTOR_LABELS | PLACE_LABELS]
        # What the model did not tag, or cut short ("DR Congo" tagged as "DR" and "Congo"): a longer
        # gazetteer name wins; so does a proper noun in a place's role that the gazetteer places.
        named = gazetteer(doc) if gazetteer is not None else []
        for found in [*named, *(s for s in _proper_names(doc, ents) if ontology.where(s.text) is not None)]:
            inside = [e for e in spans if found.start <= e.start and e.end <= found.end]
            overlapping = [e for e in spans if e.start < found.end and found.start < e.end]
            if len(overlapping) == len(inside) and (not inside or len(found) > max(len(e) for e in inside)):
                spans = [e for e in spans if e not in inside] + [found]
            elif found.label_ in PLACE_LABELS and is_place_role(found.root) and overlapping and all(
                    ontology.where(e.text) is None and ontology.actor(e.text) is None for e in overlapping):
                # The model ran a place into words that name nothing ("the Sahel under Operation Barkhane",
                # "Mozambique's Cabo Delgado"): the place, and the names left on either side, stand apart.
                spans = [e for e in spans if e not in overlapping] + [found] + [
                    rest for e in overlapping for rest in names_beside(e, found)]
        spans = [span for span in spans if end is None or span.end_char <= end]
        self.ontology = ontology.in_context(span.text for span in spans)  # "SDF" beside Japan is Japan's
        places_named: dict[int, set[str]] = {}  # sentence start -> places named there in a place's role
        sentences: list[int] = []  # their starts, found once for the first mention: not a Span.sent for each
        for span in sorted(spans, key=lambda s: s.start):
            root = span.root
            mention = self._mention(span, root)
            if mention.actor is None and mention.place is None:
                continue
            sentences = sentences or [sentence.start for sentence in doc.sents]
            named_here = places_named.setdefault(sentences[bisect_right(sentences, span.start) - 1], set())
            location = mention.place.location if mention.place is not None else None
            if location is not None and is_place_role(root):
                named_here.add(location)
            elif location in named_here and root.dep_ not in ("nsubj", "nsubjpass") and not (
                    root.dep_ == "poss" and root.head.pos_ == "NOUN"):
                # "battlegroups in Latvia and Lithuania ...: Latvia's is the largest, ahead of Lithuania's 1,632":
                # a place just listed as a place is still that place, unless it acts or owns a noun again.
                mention = Mention(mention.start, mention.end, mention.root, None, mention.place, mention.rank)
            self.mentions.append(mention)
            for i in range(span.start, span.end):
                self.by_token[i] = mention
        # people act for the state or organisation the article introduces them with, or the tables know
        # (the model tags some surnames as organisations: "Sunak said")
        persons = [e for e in ents if e.label_ == "PERSON" or self.ontology.person(e._.natoiraq_canonical or e.text)]
        for person, actor in acting(doc, persons, self.ontology, self.actor):
            if any(i in self.by_token for i in range(person.start, person.end)):
                continue
            self.people.append((person.start, actor))
            if actor is not None:
                mention = Mention(person.start, person.end, person.root.i, actor, None, _RANK["PERSON"])
                self.mentions.append(mention)
                self.by_token.update((i, mention) for i in range(person.start, person.end))
        self.people.sort(key=lambda p: p[0])
        self.mentions.sort(key=lambda m: m.start)

    def _mention(self, span: Span, root: Token) -> Mention:
        text, label = span.text, span.label_
        canonical = span._.natoiraq_canonical or text
        # The name as written, then its canonical form where that differs (the same name answers the same).
        names = (text,) if canonical == text else (text, canonical)
        # A nationality is whose, never where: "a German brigade" is not in Germany. The model also tags towns as
        # nationalities ("based in Kidal", "the Kidal camp"): in a place's role, one no table knows as one is a place.
        demonym = self.ontology.demonym(normalise(text)) is not None
        nationality = label == "NORP" and (demonym or not (is_place_role(root) or is_label(span) or names_a_facility(root)))
        place = None if nationality else next(filter(None, map(self.ontology.where, names)), None)
        actor = None
        # the model tags some missions as places ("in MINUSMA"): a name no gazetteer places may be a tabled actor
        if (label in ACTOR_LABELS or place is None or place.location in self.ontology.countries) \
                and not (place and is_place_role(root)):
            # "ATMIS (African Union Transition Mission": the model may run an acronym into its expansion
            names += (text.split("(")[0],) if "(" in text else ()
            # "DR Congo authorities", "Côte d'Ivoire will send": a name the tables list for a state, or the
            # gazetteer's name of the state itself, acts for it; a mere town does not
            actor = next(filter(None, map(self.ontology.actor, names)), None) or (
                self.ontology.actor(place.location) if place is not None
                and (place.tabled or place.name == place.location) else None)
            if actor is None and label == "ORG":
                # "KFOR Key Facts", "the United Nations Transitional Administration": a name run into words the
                # tables do not know; the longest start is the actor (a capital is not: "Washington Post Staff")
                prefixes = (self.ontology.actor(span[:end].text) for end in range(len(span) - 1, 0, -1))
                actor = next((a for a in prefixes if a is not None and a.force not in self.ontology.countries), None)
        actor = qualified(self.ontology, root, actor)  # "Kenya's Ministry of Defence" is not Britain's
        return Mention(span.start, span.end, root.i, actor, place, _RANK.get(label, 3))

    def actor(self, tokens: Iterable[Token]) -> Actor | None:
        """The best-ranked actor among ``tokens``, the leftmost on a tie; a possessor outranks
        everything ("France's Operation Barkhane" is France's), except a state's own nationality on the
        noun it possesses: "Iraq's 2,500 US troops" are American, Iraq only hosts them."""
        found = []
        for t in tokens:
            mention = self.by_token.get(t.i)
            if mention is not None and mention.actor is not None and mention.actor.force is not None:
                found.append((-1 if t.dep_ == "poss" else mention.rank, t.i, mention.actor, self.doc[mention.root]))
        if not found:
            return None
        best = min(found, key=lambda f: (f[0], f[1]))
        countries = self.ontology.countries
        if best[0] < 0 and best[2].force in countries:
            own = [f for f in found if f[0] >= 0 and f[3].dep_ in _MODIFIER_DEPS and f[3].head == best[3].head
                   and f[2].force in countries and f[2].force != best[2].force]
            best = min(own, key=lambda f: (f[0], f[1]), default=best)
        return best[2]

    def place(self, tokens: Iterable[Token]) -> Place | None:
        """The first place among ``tokens``."""
        for t in tokens:
            mention = self.by_token.get(t.i)
            if mention is not None and mention.place is not None:
                return mention.place
        return None

    def actor_before(self, token: Token, window: int = 60) -> Actor | None:
        """The nearest state or organisation named before ``token`` (for "it" and "its"), into the previous
        sentence; a nationality adjective ("American troops") is not what "its" stands for."""
        for mention in reversed(self.mentions):
            if mention.start < token.i and token.i - mention.start <= window and mention.actor is not None \
                    and mention.actor.force is not None and mention.rank < _RANK["NORP"]:
                return mention.actor
        return None

    def person_before(self, token: Token, window: int = 60) -> Actor | None:
        """The state or organisation of the person named last before ``token`` (for "he" and "she"), if the
        article introduced them with one."""
        start, actor = next(((s, a) for s, a in reversed(self.people) if s < token.i), (None, None))
        return actor if start is not None and token.i - start <= window else None

    def state_before(self, token: Token, speaks: Callable[[Token], bool] = lambda t: False, window: int = 60,
                     other_than: str | None = None, speaking: frozenset[str] = frozenset()) -> str | None:
        """The state named last before ``token`` (for "the country"), as an actor or a place ("troops stationed in
        Niger ... the country's army"), but not ``other_than`` nor a ``speaking`` verb's subject ("China says ... on
        the island"); not a nationality adjective, unless it ``speaks`` for its state ("Lithuanian officials")."""
        countries = self.ontology.countries - {other_than}
        doc = token.doc
        for mention in reversed(self.mentions):
            root = doc[mention.root]
            if mention.start >= token.i or token.i - mention.start > window or mention.rank > _RANK["NORP"] \
                    or mention.rank == _RANK["NORP"] and not speaks(root) \
                    or root.dep_ == "nsubj" and root.head.lemma_.lower() in speaking:
                continue
            named = [a.force for a in (mention.actor,) if a is not None] + [p.location for p in (mention.place,) if p]
            state = next((n for n in named if n in countries), None)
            if state is not None:
                return state
        return None


def _proper_names(doc: Doc, ents: tuple[Span, ...]) -> list[Span]:
    """Runs of proper nouns ("Darwin", "Mazar-i-Sharif"), with the kind of place after them ("Soum province"),
    in a place's role, untagged, taken for a person or cut short, except the surname of a person named in
    full ("Lloyd Austin ... according to Austin"). ``ents``: the doc's entities, as the caller read them."""
    surnames = {e[-1].lower_ for e in ents if e.label_ == "PERSON" and len(e) > 1}
    # By array: a Token object for every word of the article costs more than the whole test.
    strings = doc.vocab.strings
    labels = {strings[label] for label in _NAME_LABELS}  # "" is 0
    hyphen = strings["-"]
    rows = doc.to_array([POS, ENT_TYPE, ORTH, SPACY]).tolist()
    runs: list[tuple[int, int]] = []
    start = None
    for i, (pos, ent_type, orth, _) in enumerate(rows):
        joined = orth == hyphen and start is not None and not rows[i - 1][3]
        if (pos == PROPN or joined) and ent_type in labels:
            start = i if start is None else start
            continue
        if start is not None:
            runs.append((start, i))
        start = None
    if start is not None:
        runs.append((start, len(rows)))
    names = []
    for first, last in runs:
        if rows[last - 1][0] != PROPN or (last - first == 1 and doc[first].lower_ in surnames):
            continue
        end = last + 1 if last < len(doc) and doc[last].lower_ in PLACE_KINDS else last
        name = Span(doc, first, end, label="LOC")
        if in_place_phrase(name.root) or names_a_facility(name.root):
            names.append(name)
    return names


def _placed(noun: Token) -> bool:
    """Is this noun the object of a place's preposition, itself or through the part of a place it names ("in
    occupied parts of the Kherson region", "in the north of Syria")?"""
    if noun.dep_ != "pobj" or noun.head.i == noun.i:
        return False
    prep = noun.head  # "out of Germany" is one preposition the parse splits in two
    return prep.lower_ in _WHERE_NOT_WHO or (prep.lower_ == "of" and prep.head.i != prep.i and (
        prep.head.lower_ == "out" or prep.head.lemma_.lower() in PART_NOUNS and _placed(prep.head)))


def is_label(span: Span) -> bool:
    """Does this name label its paragraph, at the head of a line (after a bullet or not) and before a colon
    ("Syria: Roughly 900 troops remain")? Explainers and live blogs place a paragraph's figures so; a dateline in
    capitals ("NEW DELHI:") says where the reporter is."""
    doc, start = span.doc, span.start - (span.start > 0 and span.doc[span.start - 1].text in BULLETS)  # "• Iraq:"
    return span.end < len(doc) and doc[span.end].text == ":" and not span.text.isupper() and (
        start == 0 or "\n" in doc[start - 1].text_with_ws)


def in_place_phrase(token: Token) -> bool:
    """Is this name the object of a place's preposition, "from" included ("withdraw from Lithuania")?"""
    return is_place_role(token) or (token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS)


def is_place_role(token: Token) -> bool:
    """Is this name where something happens ("in Latvia", "to Mali", "left Kenya"), not who acts?
    "from" is left out: "troops from Denmark" are Denmark's. A list shares its first item's role
    ("in Bulgaria, Estonia and Latvia")."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if _placed(token):
        return True
    # "in the Sahel region", "in [northeastern] Syria", "in the Zaporizhzhia and Kherson regions" (an nmod); not
    # an allegiance ("in pro-Moscow Kyrgyzstan")
    if token.dep_ in ("compound", "amod", "nmod") and _placed(token.head) \
            and (token.head.ent_type_ or token.head.lemma_.lower() in PLACE_HEADS) and not _allegiance(token):
        return True
    return token.dep_ == "dobj" and token.head.lemma_.lower() in PLACE_OBJECT_VERBS


def _allegiance(token: Token) -> bool:
    """Is this name whom something sides with ("pro-Moscow", "anti-Kyiv"), not a place?"""
    doc = token.doc
    return token.i > 1 and doc[token.i - 1].text == "-" and doc[token.i - 2].lower_ in _SIDES
