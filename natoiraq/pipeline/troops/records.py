"""Who speaks as "we" in a record of what was said: a parliament's debate, a committee's hearing, a briefing's
transcript. A speaker's label opens each turn at the head of a line ("The Secretary of State for Defence (Mr Ben
Wallace):", "Deputy Cathal Berry:", "Q:"), and the turn runs on to the next label; its "we" and "our" are the
state whose parliament the record names (forces.json "parliaments": "Dáil Éireann", "Lok Sabha", "Senate Armed
Services Committee"), else the actor the label names. A copied debate without labels is a record where its
headline or lede names the parliament. :mod:`.states` asks.
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Span, Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.pipeline.troops.context import Context

#: Words that make a state's name a chamber of its parliament ("Kenya National Assembly"). Closed.
_CHAMBERS = frozenset({"parliament", "assembly", "senate", "congress", "hansard"})
#: A label at the head of a line: the words before its first colon.
_LABEL = re.compile(r"^[ \t]*([^\n:]{1,120}?)[ \t]*:[ \t]", re.MULTILINE)
#: Words by which a transcript labels a turn beyond the offices people hold: forms of address, a member's
#: titles, a question and its answer. Closed.
_TURN_WORDS = frozenset({"mr", "mrs", "ms", "dr", "hon", "deputy", "senator", "speaker", "lord", "baroness",
                         "minister", "president", "chairman", "chair", "representative", "q", "a", "question",
                         "answer"})


def record_speaker(ctx: Context, token: Token) -> Actor | None:
    """The actor a record's "we" at ``token`` speaks for: the state whose parliament it records, else the actor its
    turn's label names ("Mr Nebenzia (Russian Federation)"). The parliament first: a minister's office names no
    state of its own ("Minister of State in the Ministry of Defence"). Outside a labelled turn, a record is only
    what its headline or lede calls one, as a copied debate without labels still does ("Commons Chamber")."""
    label = _turn(ctx, token.idx)
    if label is None:
        return _parliament(ctx, min(token.idx, ctx.lede_end))
    return _parliament(ctx, token.idx) or ctx.mentions.actor(label)


def _turn(ctx: Context, char: int) -> Span | None:
    """The label of the speaker whose turn holds ``char``: the last one at the head of a line before it."""
    doc = ctx.mentions.doc
    for match in reversed(list(_LABEL.finditer(ctx.text, 0, char))):
        label = doc.char_span(match.start(1), match.end(1), alignment_mode="expand")
        if label is not None and speaker(ctx, label):
            return label
    return None


def speaker(ctx: Context, label: Span) -> bool:
    """Does a label name someone speaking ("Minister for Defence (Micheál Martin)", "Q"), not a place or topic
    ("Ukraine: Military Support", "Volume 710: debated on ...")?"""
    offices = ctx.mentions.ontology.offices
    return any(t.ent_type_ == "PERSON" or t.lower_ in offices or t.lower_ in _TURN_WORDS for t in label)


def _parliament(ctx: Context, char: int) -> Actor | None:
    """The state whose parliament the record names first before ``char``: a name the tables give, in any case
    ("LOK SABHA"), or a state's name with a chamber's word ("Kenya National Assembly Hansard", "Parliament of
    Uganda")."""
    ontology, names = ctx.mentions.ontology, ctx.mentions.ontology.parliaments
    pattern, states = _names(tuple(names.items()))
    tabled = pattern.search(ctx.text, 0, char) if names else None
    end = tabled.start() if tabled is not None else char
    for entity in ctx.mentions.doc.ents:
        if entity.start_char >= end:
            break
        if any(t.lower_ in _CHAMBERS for t in entity):
            state = ontology.actor(" ".join(t.text for t in entity if t.lower_ not in _CHAMBERS))
            if state is not None and state.force in ontology.countries:
                return state
    return Actor(states[tabled.group(0).lower()]) if tabled is not None else None


@lru_cache(maxsize=4)
def _names(names: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for the names, the longest first ("House of Commons of Canada" before "House of Commons"),
    and each name's state by the name in lower case."""
    spelled = sorted((name for name, _ in names), key=len, reverse=True)
    pattern = re.compile("|".join(rf"\b{re.escape(n)}\b" for n in spelled), re.IGNORECASE)
    return pattern, {name.lower(): state for name, state in names}
