"""The article's force, for figures that neither their own words nor their paragraph give one: the force its
figures name themselves and its headline and lede name most (:class:`Topics`), counted once per doc, and the
organisation it names most. :mod:`.discourse` asks.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from natoiraq.pipeline.paragraphs import is_dateline
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import CLAUSE, PHRASE, Personnel, TroopFigure
from natoiraq.pipeline.troops.mentions import in_place_phrase
from natoiraq.pipeline.troops.nouns import is_personnel
from natoiraq.pipeline.troops.owners import bystander, excepted, leader
from natoiraq.pipeline.troops.whose import force

#: Prepositions whose object a force acts against: its opponent, never its owner.
_AGAINST = frozenset({"against"})


@dataclass(frozen=True)
class Topics:
    """The article's candidate forces, counted once per doc: how often its own figures and its headline and
    lede name each, and where each is first named (``end`` for one only figures name)."""
    votes: Counter
    first: dict[tuple[str, str | None], int]
    end: int

    def pick(self, ctx: Context, exclude: str | None = None, countries: bool = True) -> tuple[str, str | None] | None:
        """The article's force: the one named most, the earliest on a tie (never ``exclude``, a host; only
        organisations without ``countries``)."""
        wanted = [k for k in self.votes if k[0] != exclude and (countries or k[0] not in ctx.mentions.ontology.countries)]
        return max(wanted, key=lambda k: (self.votes[k], -self.first.get(k, self.end)), default=None)


def tally(ctx: Context, doc: Doc, figures: list[TroopFigure]) -> Topics:
    """Count the forces the figures name themselves and the headline and lede name (:class:`Topics`)."""
    votes: Counter = Counter((f.force, f.mission) for f in figures if f.own and f.force)
    first: dict[tuple[str, str | None], int] = {}
    lede_end = ctx.lede_end
    for key, start in _troops_named(ctx, doc, figures, lede_end):
        # "Ethiopia to keep troops", "French troops leave Niger": whose troops the story is about
        votes[key] += 1
        first.setdefault(key, start)
    for mention in ctx.mentions.mentions:
        if doc[mention.start].idx >= lede_end:
            break
        if mention.actor is not None and mention.actor.force is not None \
                and not hosting(ctx, doc[mention.root]) and not is_dateline(doc[mention.root].sent) \
                and not leader(doc[mention.end - 1]) and not excepted(doc[mention.start]) \
                and not (mention.place and (in_place_phrase(doc[mention.root]) or _where(doc[mention.root]))) \
                and not _opponent(doc[mention.root]):  # "from Iraq", "against Ukraine" name no topic force
            key = (mention.actor.force, mention.actor.mission)
            votes[key] += 1
            first.setdefault(key, mention.start)
    return Topics(votes, first, len(doc))


def _troops_named(ctx: Context, doc: Doc, figures: list[TroopFigure], end: int) -> list[tuple[tuple[str, str | None], int]]:
    """The forces the headline and lede give personnel nouns that count no figure, by their own phrase or
    clause ("Ethiopia to keep troops", "Ethiopian soldiers would remain"), each with where its noun stands."""
    counted = {f.personnel.anchor.i for f in figures}
    found = []
    for token in doc[: _token_at(doc, end)]:
        if token.pos_ == "NOUN" and token.i not in counted and is_personnel(ctx, token):
            named = force(ctx, Personnel(None, token))
            if named is not None and named[1] in (PHRASE, CLAUSE) and named[0].force is not None:
                found.append(((named[0].force, named[0].mission), token.i))
    return found


def _token_at(doc: Doc, char: int) -> int:
    """The index of the first token that starts at or after ``char``."""
    span = doc.char_span(0, char, alignment_mode="contract")
    return len(span) if span is not None else 0


def _where(token: Token) -> bool:
    """Is this name what a "where" clause describes, not its sentence's subject ("the review of Afghanistan,
    where 9,600 troops serve")? It names where troops are, no topic force."""
    return token.dep_ not in ("nsubj", "nsubjpass") and any(
        c.dep_ == "relcl" and any(w.lower_ == "where" for w in c.children) for c in token.children)


def _opponent(token: Token) -> bool:
    """Is this name what a force moves against ("a Russian offensive against Ukraine")? It is no topic force."""
    while token.dep_ in ("compound", "amod", "conj") and token.head.i != token.i:
        token = token.head
    return token.dep_ == "pobj" and token.head.lower_ in _AGAINST


def named_organisation(ctx: Context) -> tuple[str, str | None] | None:
    """The organisation that fields forces the article names most, the first on a tie, where its headline and
    lede name none: whose "international troops" are when nothing nearer says."""
    ontology = ctx.mentions.ontology
    named = [(m.actor.force, m.actor.mission) for m in ctx.mentions.mentions if m.actor is not None
             and m.actor.force is not None and m.actor.force not in ontology.countries
             and m.actor.force not in ontology.militant_groups]
    if not named:
        return None
    votes = Counter(named)
    return max(votes, key=lambda k: (votes[k], -named.index(k)))


def hosting(ctx: Context, token: Token) -> bool:
    """Does this name host, pay for or ask for troops ("Qatar will pay to host ...")? Then it is not the topic force."""
    return token.dep_ in ("nsubj", "nsubjpass") and bystander(ctx, token.head)
