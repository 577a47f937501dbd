"""What every step of the troop component reads: the vocabulary, the doc's actor and
place mentions, and the figures already found (for "about 900 in Syria" and "the troops")."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from natoiraq.pipeline.troops.mentions import Mentions
from natoiraq.pipeline.troops.ontology import Actor
from natoiraq.pipeline.troops.words import TroopWords


@dataclass
class Personnel:
    """What a number counts: the noun as written, the token whose phrase names the force."""

    unit: Span | None
    anchor: Token
    inherited_force: Actor | None = None  # an elided noun's figure is its antecedent's, or names its own
    inherited_unit: str | None = None  # an elided noun ("about 900 in Syria") takes its antecedent's
    borrowed: bool = False  # the noun comes from another sentence: the figure's own clause may name its force


@dataclass
class Context:
    words: TroopWords
    mentions: Mentions
    found: dict[int, dict] = field(default_factory=dict)  # number token -> record
