"""Where a clause's subject says the figure's troops are: the state or base that hosts them ("Poland hosts some
10,000 US troops", "the 201st base in Tajikistan hosts about 7,000"), or a force the subject places whose size the
verb gives or changes ("the UK-led battlegroup in Estonia has around 1,400", "Wagner's presence in Mali peaked at
about 1,500").
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.mentions import STATION_PREPS
from natoiraq.pipeline.troops.nouns import is_force_noun
from natoiraq.pipeline.troops.placing import place_under

#: Verbs whose subject is where the troops they take are: closed.
_HOSTING_VERBS = frozenset({"host", "house", "welcome", "accommodate", "receive"})
#: Verbs whose subject is the force whose size they give: closed.
_HAVING_VERBS = frozenset({"have", "number", "total", "include", "comprise"})


def subject_place(ctx: Context, verb: Token, home: str | None) -> Place | None:
    """The place the verb's subject names as host ("Poland hosts", "the base in Tajikistan hosts"), or where it
    places the force that has the figure ("the battlegroup in Estonia has") or is its size ("the presence in Mali
    peaked at"); never the force's own country as its host."""
    subject = subject_of(verb)
    if subject is None:
        return None
    lemma = verb.lemma_.lower()
    if lemma in _HOSTING_VERBS:
        place = ctx.mentions.place([subject]) or place_under(ctx, subject, STATION_PREPS, home) \
            or _misread_place(ctx, subject)
        return place if place is not None and place.location != home else None
    if lemma in _HAVING_VERBS or is_force_noun(ctx, subject):
        return place_under(ctx, subject, STATION_PREPS, home)
    return None


def _misread_place(ctx: Context, subject: Token) -> Place | None:
    """A host the model tags as a person ("Okinawa now hosts 19,000 Marines", at a sentence's start): no person
    hosts troops, so a name the gazetteer knows is the place."""
    if subject.ent_type_ != "PERSON":
        return None
    name = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    return ctx.mentions.ontology.where(name.text) if name is not None else None
