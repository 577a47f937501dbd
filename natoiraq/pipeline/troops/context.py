"""What every step of the troop component reads: the vocabulary, the doc's actor and
place mentions, and the figures already found (for "about 900 in Syria" and "the troops")."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cached_property

from natoiraq.pipeline.paragraphs import lede_start
from natoiraq.pipeline.troops.figure import TroopFigure
from natoiraq.pipeline.troops.mentions import Mention, Mentions, is_label
from natoiraq.pipeline.troops.words import TroopWords


#: Earlier figures a figure reads back through for its paragraph's force or place. News paragraphs hold
#: a few; a record of thousands of figures in one paragraph would otherwise cost their square.
LOOKBACK = 32


@dataclass
class Context:
    words: TroopWords
    mentions: Mentions
    text: str  # the doc's text, read once: spaCy rebuilds Doc.text on every access
    found: dict[int, TroopFigure] = field(default_factory=dict)  # number token -> figure

    @cached_property
    def _breaks(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    def paragraph(self, char: int) -> int:
        """The paragraph (line) a character is in: the number of line breaks before it."""
        return bisect_left(self._breaks, char)

    @cached_property
    def headline_end(self) -> int:
        """Where the lede starts (:func:`natoiraq.pipeline.paragraphs.lede_start`), found once."""
        return lede_start(self.text)

    @cached_property
    def lede_end(self) -> int:
        """Where the lede's line ends: the headline and lede say what the article is about."""
        end = self.text.find("\n", self.headline_end)
        return len(self.text) if end < 0 else end

    @cached_property
    def labels(self) -> dict[int, Mention]:
        """The place that labels a paragraph at its head ("Syria: Roughly 900 troops remain"), by paragraph,
        found once: a label starts its line, so a paragraph has one at most."""
        doc = self.mentions.doc
        return {self.paragraph(doc[m.start].idx): m for m in self.mentions.mentions
                if m.place is not None and is_label(doc[m.start:m.end])}
