"""Where a clause's subject says the figure's troops are: the state or base that hosts them ("Poland hosts some
10,000 US troops", "the 201st base in Tajikistan hosts about 7,000"), a town or base that has or holds them or is
otherwise their clause's subject ("Gao now holds 1,200 peacekeepers", "the Gyumri base has 3,000", "Bunia was
reinforced with 500"), a place a passive says they guard or that is "home to" them ("Kismayo is guarded by 1,500
troops"), or a force the subject places whose size the verb gives or changes ("the UK-led battlegroup in Estonia
has around 1,400", "Wagner's presence in Mali peaked at about 1,500").
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.knowledge.ontology import Actor
from natoiraq.pipeline.syntax import FACILITY_NOUNS, RELATIVE_PRONOUNS, np_tokens, subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.mentions import PLACE_OBJECT_VERBS, STATION_PREPS
from natoiraq.pipeline.troops.nouns import is_force_noun
from natoiraq.pipeline.troops.nowhere import HOME
from natoiraq.pipeline.troops.placing import place_under
from natoiraq.pipeline.troops.shared import WHOSE_PREPS

#: Verbs whose subject is where the troops they take are: closed.
_HOSTING_VERBS = frozenset({"host", "house", "welcome", "accommodate", "receive"})
#: Verbs whose subject is the force whose size they give: closed.
_HAVING_VERBS = frozenset({"have", "number", "total", "include", "comprise"})


def subject_place(ctx: Context, verb: Token, home: str | None) -> Place | None:
    """The place the verb's subject names as host ("Poland hosts", "the base in Tajikistan hosts"), as the object
    of a place's verb in the passive ("Kismayo is guarded by"), as a town or base that no one acts by ("Gao now
    holds"), or where it places the force that has the figure ("the battlegroup in Estonia has") or is its size
    ("the presence in Mali peaked at"); never the force's own country as its host."""
    subject = subject_of(verb)
    if subject is None:
        return None
    if subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        subject = verb.head  # "Chad, which hosted 1,000"
    subject = _reporter(ctx, subject) or subject
    lemma = verb.lemma_.lower()
    passive = subject.dep_ == "nsubjpass" and lemma in PLACE_OBJECT_VERBS
    if lemma in _HOSTING_VERBS or passive or _home_to(verb):
        place = named_place(ctx, subject, True) or place_under(ctx, subject, STATION_PREPS, home)
        # a town is where it is, in the force's own country too ("Kidal is now held by 2,000 Malian troops")
        return place if place is not None and (place.location != home or place.name != home) else None
    # so is one that has them or is the subject of their clause otherwise: no town owns troops ("Gao now holds 1,200
    # peacekeepers", "Kaliningrad has some 30,000 Russian troops", "Bunia was reinforced with 500 peacekeepers");
    # a state that has them does ("Britain has 900 troops")
    town = named_place(ctx, subject, False)
    if town is not None:
        return town
    if lemma in _HAVING_VERBS or is_force_noun(ctx, subject):
        return place_under(ctx, subject, STATION_PREPS, home)
    return None


def hosts(ctx: Context, verb: Token, force: Actor | None) -> bool:
    """Does an elided figure's subject host ``force``'s troops rather than field its own: by its verb ("Japan hosts
    54,000"), or as the subject of a clause parallel to one whose subject hosts them ("Germany has 35,000 US
    troops; Japan has 54,000")?"""
    if verb.lemma_.lower() in _HOSTING_VERBS:
        return True
    # the clause before, whichever of the two the parse hangs on the other
    parallel = verb.head if verb.head.i < verb.i else next(
        (c for c in verb.children if c.dep_ in ("ccomp", "conj", "parataxis") and c.i < verb.i), None)
    subject = subject_of(parallel) if parallel is not None else None
    named = ctx.mentions.actor(np_tokens(subject, WHOSE_PREPS)) if subject is not None else None
    return force is not None and named is not None and named.force != force.force \
        and named.force in ctx.mentions.ontology.countries


def _reporter(ctx: Context, pronoun: Token) -> Token | None:
    """Who "it" stands for in what it says of itself: the subject of the reporting verb whose clause it is the
    subject of ("Poland says it will host 1,000 more US troops")."""
    if pronoun.lower_ != "it":
        return None
    clause = next((a for a in pronoun.ancestors if a.dep_ == "ccomp"), None)
    if clause is None or clause.head.lemma_.lower() not in ctx.words.reporting_verbs:
        return None
    return next((c for c in clause.head.children if c.dep_ == "nsubj"), None)


def _home_to(verb: Token) -> bool:
    """Is the verb "be" with "home to" ("Goma is now home to 3,000 troops")?"""
    return verb.lemma_ == "be" and any(c.lower_ == HOME and c.dep_ in ("attr", "advmod", "npadvmod")
                                       for c in verb.children)


def named_place(ctx: Context, subject: Token, acting: bool) -> Place | None:
    """The place a subject (or a noun a "where" clause describes) names, itself or as the facility it names ("the
    Kidal camp"); unless ``acting``, not a name a state or organisation acts by ("Washington has 2,500 troops" owns
    them). The model tags many towns at a sentence's start as persons or as nothing ("Agadez hosts", "Kismayo is
    guarded by"): a proper noun the gazetteer knows counts whatever its tag."""
    names = [subject]
    if subject.lemma_.lower() in FACILITY_NOUNS:
        names = [c for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
    for name in names:
        mention = ctx.mentions.by_token.get(name.i)
        if mention is not None:
            if mention.place is not None and (acting or mention.actor is None):
                return mention.place
        elif name.pos_ == "PROPN":
            start = min((c.i for c in name.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"), default=name.i)
            text = name.doc[start:name.i + 1].text
            if acting or ctx.mentions.ontology.actor(text) is None:
                place = ctx.mentions.ontology.where(text)
                if place is not None:
                    return place
    return None
