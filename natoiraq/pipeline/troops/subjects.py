"""Where a clause's subject says the figure's troops are: the state that hosts them ("Poland hosts some 10,000 US
troops", "Mali will welcome 1,000 instructors"), or a force the subject places whose size the verb gives ("the
UK-led battlegroup in Estonia has around 1,400", "the mission in Kosovo numbers 4,500 troops").
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.mentions import STATION_PREPS
from natoiraq.pipeline.troops.placing import place_under

#: Verbs whose subject is where the troops they take are: closed.
_HOSTING_VERBS = frozenset({"host", "house", "welcome", "accommodate", "receive"})
#: Verbs whose subject is the force whose size they give: closed.
_HAVING_VERBS = frozenset({"have", "number", "total", "include", "comprise"})


def subject_place(ctx: Context, verb: Token, home: str | None) -> Place | None:
    """The place the verb's subject names as host ("Poland hosts"), or where it places the force that "has" the
    figure ("the battlegroup in Estonia has"); never the force's own country as its host."""
    subject = subject_of(verb)
    lemma = verb.lemma_.lower()
    if subject is None or lemma not in _HOSTING_VERBS | _HAVING_VERBS:
        return None
    if lemma in _HAVING_VERBS:
        return place_under(ctx, subject, STATION_PREPS, home)
    place = ctx.mentions.place([subject])
    return place if place is not None and place.location != home else None
