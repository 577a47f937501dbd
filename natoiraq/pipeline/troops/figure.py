"""A troop figure as the troop steps build it: one typed value, each attribute decided by one step.

=============================================  ==========================================================
attribute                                      decided by
=============================================  ==========================================================
``span``, ``quantity`` (text, offsets,          :mod:`.phrases`: the number phrase and its qualifier
value, low, high, qualifier)
``personnel``, ``unit``                         :mod:`.counts`: what the number counts; a number that
                                               counts no personnel never becomes a figure
``proposed``, ``proposed_by``                   :mod:`.whose`: the actor the figure's own phrase or clause
                                               names, or the figure it continues names
``force``, ``mission``, ``force_source``,       :mod:`.discourse`: takes the proposal, else the same figure
``same_as``, ``echo_of``                        elsewhere, the paragraph, the article; then the mission
``kind``, ``status``                            :mod:`.change` and :mod:`.status`: per figure, then settled (:func:`.change.settle`) for echoes of a
                                               reported figure and the items of a figure's list
``location``, ``spot``                         :mod:`.where`
``as_of``                                      :mod:`.when`
``place``                                      :mod:`.lists`: the place a list line's label names
=============================================  ==========================================================

A list line (:mod:`.lists`) is born with the unit, proposal and status of the figure it breaks down.
What reaches ``doc._.natoiraq_troops`` is :meth:`TroopFigure.record`, the plain dict of
:class:`natoiraq.facts.TroopFigure` (plain, so that it survives ``Doc.to_bytes``).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from natoiraq import facts
from natoiraq.knowledge.geo import Place
from natoiraq.knowledge.ontology import Actor
from natoiraq.parsing.quantities import Quantity
from natoiraq.pipeline.doctext import text_of

#: How a figure's force was found, from its own words to the article's.
PHRASE, CLAUSE, CONTEXT, ARTICLE = "phrase", "clause", "context", "article"
#: How a figure was found to have no one force: its phrase or clause names two ("1,500 Russian and
#: Uzbek troops", "the US and France each have over 1,000"). The conventions give it force null.
SHARED = "shared"
#: How a figure was found to be each of several forces' own ("the US and France each have over 1,000", "Each
#: country has pledged 2,000"), or a line of a breakdown by country that names two ("Tanzania and Gambia 196"):
#: no one's, and, unlike a shared total, no mission's either.
EACH = "each"
#: The actor of a figure two forces share.
NO_ONE = Actor(None)
#: Determiners of a mention that refers back to a figure already reported.
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})


@dataclass
class Personnel:
    """What a number counts: the noun as written, the token whose phrase names the force."""

    unit: Span | None
    anchor: Token
    inherited_force: Actor | None = None  # an elided noun's figure is its antecedent's, or names its own
    inherited_unit: str | None = None  # an elided noun ("about 900 in Syria") takes its antecedent's
    borrowed: bool = False  # the noun comes from another sentence: the figure's own clause may name its force
    place: Place | None = None  # an inline list item's label that says where ("in Japan (54,000), Germany (35,000)")


@dataclass(eq=False)
class TroopFigure:
    span: Span
    quantity: Quantity
    personnel: Personnel
    unit: str | None
    proposed: Actor | None  # whose force the figure's own words say, if they say
    proposed_by: str | None  # PHRASE, CLAUSE or CONTEXT
    kind: str  # level | increase | decrease
    status: str  # actual | planned
    place: Place | None = None  # where a list line says the figure is ("BG 🇱🇻: 1887")
    force: str | None = None
    mission: str | None = None
    force_source: str | None = None
    same_as: "TroopFigure | None" = None  # the figure its own words report again, where it shares one's force
    echo_of: "TroopFigure | None" = None  # the lede figure a headline figure reports again
    location: str | None = None
    spot: Place | None = None  # the most specific place its text names, in ``location``
    as_of: dict[str, str] | None = None

    @property
    def bounds(self) -> tuple[int, int]:
        return self.quantity.low, self.quantity.high

    @property
    def own(self) -> bool:
        """Did the figure's own phrase or clause name its force?"""
        return self.proposed is not None and self.proposed.force is not None and self.proposed_by in (PHRASE, CLAUSE)

    @property
    def definite(self) -> bool:
        """Does it refer back to a figure already reported ("The 33,000 troops slated for withdrawal")?"""
        anchor, span = self.personnel.anchor, self.span
        before = span.doc[span.start - 1] if span.start else None
        return (before is not None and before.lower_ in _DEFINITE) or any(
            c.lower_ in _DEFINITE for c in anchor.children if c.dep_ == "det" and c.i < span.start)

    def recorded_actor(self) -> Actor | None:
        """The actor a figure that continues this one inherits ("and about 900 in Syria")."""
        actor = self.proposed
        return Actor(actor.force, actor.mission) if actor is not None and (actor.force or actor.mission) else None

    def record(self) -> dict:
        """The figure as the plain dict of :class:`natoiraq.facts.TroopFigure`."""
        span, quantity, spot, sentence = self.span, self.quantity, self.spot, self.span.sent
        return vars(facts.TroopFigure(
            span.text, span.start_char, span.end_char, quantity.value, quantity.low, quantity.high,
            quantity.qualifier, self.unit, self.force, self.kind, self.status,
            text_of(span.doc)[sentence.start_char:sentence.end_char].strip(),  # its Span.text, not joined again
            location=self.location, place=spot.name if spot else None, lat=spot.lat if spot else None,
            lon=spot.lon if spot else None, mission=self.mission, force_source=self.force_source, as_of=self.as_of))
