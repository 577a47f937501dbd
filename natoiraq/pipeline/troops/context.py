"""What every step of the troop component reads: the vocabulary, the doc's actor and
place mentions, and the figures already found (for "about 900 in Syria" and "the troops")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

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
    text: str  # the doc's text, read once: spaCy rebuilds Doc.text on every access
    found: dict[int, dict] = field(default_factory=dict)  # number token -> record

    @cached_property
    def _breaks(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def paragraph(self, char: int) -> int:
        """The paragraph (line) a character is in: the number of line breaks before it."""
        return bisect_left(self._breaks, char)

    @cached_property
    def headline_end(self) -> int:
        """Where the lede starts (:func:`natoiraq.pipeline.troops.discourse.lede_start`), found once."""
        from natoiraq.pipeline.troops.discourse import lede_start

        return lede_start(self.text)
