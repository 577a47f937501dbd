"""The ``natoiraq_troops`` component: troop figures, the size of a force or a change to one.

Where a troop figure is born, step by step (one module each; :mod:`.figure` says which step
decides which of its attributes):

1. :mod:`.phrases` finds each number phrase with its qualifier ("more than 4,000");
2. :mod:`.counts` decides what the number counts (:mod:`.nouns` which nouns name personnel, :mod:`.sizes` what
   a clause sizes, :mod:`.elided` a number whose noun is left out), and :mod:`.exclusions` turns away what is
   no troop figure;
3. :mod:`.whose` proposes whose personnel they are (the force) from the figure's phrase and clause,
   and names for it are mapped to canonical actors by :mod:`natoiraq.knowledge.ontology` (missions to
   their parent);
4. :mod:`.change` reads which way (level, increase, decrease) and :mod:`.status` how sure (actual, planned;
   :mod:`.plans` the clause that plans a figure);
5. :mod:`.discourse` settles, once per doc, the force of every figure: its own words' proposal, else
   the same figure elsewhere, the paragraph or the article (:mod:`.topic`); a figure whose force is then an
   armed group's is dropped; :func:`.moves.homecoming` makes troops coming
   back to their force's own country a decrease, and :func:`.change.settle` then gives a figure that reports
   another again that figure's kind and status;
6. :mod:`.where` finds where the personnel are, or go (which phrase places the figure; :mod:`.placing` what
   place a phrase names, :mod:`.nowhere` words that place it in no one place), and :mod:`.when` the date the
   figure holds at.

The vocabulary is in ``data/troops.json`` (:mod:`.words`), the ontology in
``data/forces.json`` and ``data/places.json``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from natoiraq.knowledge.gazetteer import knowledge
from natoiraq.parsing.quantities import Quantity
from natoiraq.pipeline import extensions
from natoiraq.pipeline.component import Component
from natoiraq.pipeline.doctext import text_of
from natoiraq.pipeline.paragraphs import footer_start, lede_start
from natoiraq.pipeline.troops import change, counts, discourse, exclusions, fields, lists, moves, when, where, whose
from natoiraq.pipeline.troops import status as statuses
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import PHRASE, TroopFigure
from natoiraq.pipeline.troops.headers import labelled_force
from natoiraq.pipeline.troops.mentions import Mentions
from natoiraq.pipeline.troops.phrases import number_head, number_spans
from natoiraq.pipeline.troops.words import TroopWords

extensions.register()


@Language.factory(
    "natoiraq_troops",
    default_config={"scorer": {"@scorers": "natoiraq.troops_scorer.v1"}},
    requires=["doc.ents", "token.dep", "token.tag", "token.lemma", "doc._.natoiraq_dates",
              "doc._.natoiraq_unlisted_dates"],
    assigns=["doc._.natoiraq_troops"],
    default_score_weights={"troops_f": 1.0, "troops_p": 0.0, "troops_r": 0.0, "troops_force_acc": 0.0,
                           "troops_kind_acc": 0.0, "troops_status_acc": 0.0, "troops_location_acc": 0.0},
)
def make_troops(nlp: Language, name: str, scorer: Callable | None) -> "TroopFigureFinder":
    return TroopFigureFinder(nlp, name, scorer=scorer)


class TroopFigureFinder(Component):
    """Find troop figures and store them on ``doc._.natoiraq_troops``."""

    #: the vocabulary, the force ontology, the place gazetteer, and the entity component's actors
    table_names = ("troops", "forces", "places", "aliases")

    def __init__(self, nlp: Language, name: str = "natoiraq_troops", *, tables: dict[str, Any] | None = None,
                 scorer: Callable | None = None):
        super().__init__(nlp, name, tables=tables, scorer=scorer)

    def configure(self, tables: dict[str, Any]) -> None:
        self.words = TroopWords.from_table(tables["troops"])
        self.ontology, self.gazetteer = knowledge(self.nlp.make_doc, tables)

    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        end = footer_start(text, lede_start(text))  # a release's footer is the issuer's boilerplate, no article
        ctx = Context(self.words, Mentions(doc, self.ontology, self.gazetteer, end), text)
        records = [*(doc._.natoiraq_dates or []), *(doc._.natoiraq_unlisted_dates or [])]  # "a year later", "June 28-30" too
        dates = [(d["start"], d["end"]) for d in records]
        figures, listed = [], []
        for span, quantity in number_spans(doc):
            if span.start_char >= end:
                break  # a footer's numbers are no figures
            if any(start < span.end_char and span.start_char < stop for start, stop in dates):
                continue  # "2014", "three-year": the date component has them
            # a line of labelled numbers is the list's, not the sentence's the parse runs its items into
            figure = (None if lists.in_line_list(ctx, span) else _figure(ctx, span, quantity)) \
                or fields.field(ctx, span, quantity)
            if figure is not None:
                if (headed := labelled_force(ctx, span, figure.proposed)) is not None:
                    figure.proposed, figure.place = headed  # "Russian troops abroad" over "Syria: 4,000 troops"
                    figure.proposed_by = figure.proposed_by or PHRASE
                elif figure.proposed is None and (leading := lists.leading_name(ctx, span)) is not None:
                    figure.proposed, figure.proposed_by = leading, PHRASE  # "Russia Est. 15,000 regulars"
                figures.append(figure)
                ctx.found[number_head(span).i] = figure
            elif (line := lists.item(ctx, span, quantity)) is not None:
                listed.append(line)  # "BG 🇱🇻: 1887": a breakdown, if a troop figure is near
        figures += lists.attach(ctx, listed, figures)
        figures.sort(key=lambda f: f.span.start)
        topics = discourse.resolve(ctx, doc, figures)
        moves.homecoming(ctx, figures)
        change.settle(figures, self.words)
        where.locate(ctx, doc, figures)
        discourse.unhost(ctx, figures, topics)
        discourse.at_home(ctx, doc, figures)
        discourse.missions(ctx, figures)
        # "The SDF said 2,000 troops would guard the camp": an armed group's fighters, read from the discourse
        figures = [f for f in figures if f.force not in self.ontology.militant_groups]
        for figure in figures:
            figure.as_of = when.as_of(figure.span, figure.status == "planned", records,
                                      doc._.natoiraq_reference, self.words)
        doc._.natoiraq_troops = [f.record() for f in figures]
        return doc


def _figure(ctx: Context, span: Span, quantity: Quantity) -> TroopFigure | None:
    if exclusions.is_money_or_share(ctx, span) or exclusions.is_designation(ctx, span):
        return None
    number = number_head(span)
    personnel = counts.personnel(ctx, span, number)
    if personnel is None or exclusions.excluded(ctx, personnel, number):
        return None
    actor, source = whose.propose(ctx, span, personnel) or (None, None)
    if actor is not None and actor.force in ctx.mentions.ontology.militant_groups:
        return None  # "10,000 Islamic State fighters": militants, not a force's troops
    kind = change.kind(ctx, span, number, personnel)
    status = statuses.status(ctx, span, number, personnel, kind, quantity.qualifier)
    unit = personnel.unit.text if personnel.unit is not None else personnel.inherited_unit
    return TroopFigure(span, quantity, personnel, unit, actor, source, kind, status, place=personnel.place)
