"""What every step of the troop component reads: the vocabulary, the doc's actors,
and the figures already found in the doc (for "about 900 in Syria" and "the troops")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import ActorIndex
from natoiraq.pipeline.troops.words import TroopWords


@dataclass
class Personnel:
    """What a number counts: the noun as written, the token whose phrase names the force."""

    unit: Span | None
    anchor: Token
    inherited_force: str | None = None
    inherited_unit: str | None = None  # an elided noun ("about 900 in Syria") takes its antecedent's


@dataclass
class Context:
    words: TroopWords
    actors: ActorIndex
    found: dict[int, dict] = field(default_factory=dict)  # number token -> record
