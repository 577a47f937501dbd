"""Names of exercises and operations that hold a place's name ("Defender Europe 24", "Exercise Pacific
Partnership", "Pacific Vanguard"): a name, not where the troops taking part are. :mod:`.placing` asks.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.pipeline.troops.context import Context

#: Words that make a proper name an event's ("Exercise Baltic Host", "Operation Baltic Sentry"): closed.
_EVENT_WORDS = frozenset({"exercise", "exercises", "operation", "drill", "drills", "manoeuvres", "maneuvers"})
#: Words of a war's or campaign's name, which is fought where its place name says ("the Iraq War"): closed.
_WAR_WORDS = frozenset({"war", "invasion", "campaign", "conflict", "crisis", "surge", "intervention"})
#: What troops "take part in" or "participate in" is an event: closed.
_TAKING_PART = frozenset({"part", "participate", "partake"})


def in_event_name(ctx: Context, token: Token) -> bool:
    """Is this place's name a word of an exercise's or operation's name: a proper name it makes with words that
    name no place, force or war ("Defender Europe"; not "the Kosovo Force", "the Pacific Fleet", "the Iraq War"),
    that an event word opens or that troops take part in ("took part in Defender Europe 24")?"""
    top = token.head if token.dep_ == "compound" and token.head.tag_ == "NNP" else token
    name = [top, *(c for c in top.children if c.dep_ == "compound")]
    others = [t for t in name if t.i not in ctx.mentions.by_token and t.tag_ == "NNP"]
    if not others or any(t.lower_ in ctx.mentions.ontology.service_words or t.lower_ in _WAR_WORDS for t in others):
        return False
    before = top.doc[min(t.i for t in name) - 1] if min(t.i for t in name) > 0 else None
    opened = any(t.lower_ in _EVENT_WORDS for t in (*others, *((before,) if before is not None else ())))
    prep = top.head if top.dep_ == "pobj" else None
    # "take part in" hangs its phrase on the verb or on "part"
    return opened or (prep is not None and any(t.lemma_.lower() in _TAKING_PART
                                               for t in (prep.head, *prep.head.children)))
