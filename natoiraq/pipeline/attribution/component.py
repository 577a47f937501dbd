"""The ``natoiraq_attribution`` component: who says so, for each troop figure.

Each record of ``doc._.natoiraq_troops`` gets ``attribution``, the plain dict of
:class:`natoiraq.facts.Attribution` (the source as written, its offsets, the speaker), or None
where the text asserts the figure itself. In order, the first that speaks:

1. the quote the figure is in, whose speaker stands beside it (:mod:`.quotes`), or, for a quote
   with no speaker of its own, that of the quote just before it where only that quote's speaker
   or a paragraph break stands between them;
2. the figure's own sentence (:mod:`.clauses`): a reporting verb over its clause, "according to";
3. a speaker's label opening the paragraph, as in a parliamentary record ("Mr Wallace: ...").
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from natoiraq import facts
from natoiraq.pipeline import extensions
from natoiraq.pipeline.attribution import clauses, quotes, speakers
from natoiraq.pipeline.attribution.quotes import Said
from natoiraq.pipeline.attribution.words import AttributionWords
from natoiraq.pipeline.component import Component
from natoiraq.pipeline.doctext import text_of

extensions.register()

#: How many words a speaker's label may run to before its colon ("The Secretary of State for Defence (Mr Ben Wallace):").
LABEL_WORDS = 16


@Language.factory(
    "natoiraq_attribution",
    default_config={"scorer": {"@scorers": "natoiraq.attribution_scorer.v1"}},
    requires=["doc._.natoiraq_troops", "doc.ents", "token.dep", "token.lemma", "span._.natoiraq_canonical"],
    assigns=["doc._.natoiraq_troops"],
    default_score_weights={"attribution_f": 0.0, "attribution_p": 0.0, "attribution_r": 0.0, "attribution_acc": 0.0},
)
def make_attribution(nlp: Language, name: str, scorer: Callable | None) -> "AttributionFinder":
    return AttributionFinder(nlp, name, scorer=scorer)


class AttributionFinder(Component):
    """Give every troop figure on ``doc._.natoiraq_troops`` its ``attribution``."""

    table_names = ("attribution", "troops", "aliases")

    def __init__(self, nlp: Language, name: str = "natoiraq_attribution", *, tables: dict[str, Any] | None = None,
                 scorer: Callable | None = None):
        super().__init__(nlp, name, tables=tables, scorer=scorer)

    def configure(self, tables: dict[str, Any]) -> None:
        self.words = AttributionWords.from_tables(tables["attribution"], tables["troops"], tables["aliases"])

    def __call__(self, doc: Doc) -> Doc:
        if not doc._.natoiraq_troops:
            return doc
        quoted = _QuoteSpeakers(doc, self.words)
        # Each token's paragraph start, found once: walking back from each figure would cost a
        # paragraph of thousands of figures their square.
        openings = [0] + [t.i + 1 for t in doc[:-1] if "\n" in t.text or "\n" in t.whitespace_]
        for record in doc._.natoiraq_troops:
            span = doc.char_span(record["start"], record["end"], alignment_mode="expand")
            said = quoted.of(record["start"]) or clauses.in_clause(_number(span), self.words) \
                or self._label(doc, openings[bisect_right(openings, span.start) - 1], span.start)
            record["attribution"] = self._record(doc, said) if said is not None else None
        return doc

    def _record(self, doc: Doc, said: Said) -> dict:
        speaker = None
        if said.speaker is not None and len(said.speaker):
            head = said.head if said.head is not None else said.speaker[-1]
            speaker = speakers.name(said.speaker, head, self.words.source_nouns, parsed=said.head is not None)
        words = doc[said.start:said.end]
        return vars(facts.Attribution(words.text, words.start_char, words.end_char, speaker))

    def _label(self, doc: Doc, first: int, token: int) -> Said | None:
        """ "Mr Wallace: We have 1,000 personnel": the label that opens the figure's paragraph (at ``first``)."""
        end = next((t.i for t in doc[first:min(token, first + LABEL_WORDS)] if t.text.endswith(":")), None)
        if end is None or end == first:
            return None
        label = doc[first:end]
        if not (label[0].text.rstrip(".") in self.words.titles or any(e.label_ == "PERSON" for e in label.ents)):
            return None
        if any(t.is_lower and t.lower_ in self.words.verb_forms for t in label):
            return None  # "Stoltenberg said: ..." is a quote's speaker, not a label
        return Said(first, end, label)


def _number(span):
    """The figure's number token: the last with a digit or a number's shape, else the span's root."""
    numbers = [t for t in span if t.like_num]
    return numbers[-1] if numbers else span.root


class _QuoteSpeakers:
    """The quotes of a doc, each with its source where one stands beside it."""

    def __init__(self, doc: Doc, words: AttributionWords):
        self.quotes = quotes.quote_spans(text_of(doc))
        self.said: list[Said | None] = []
        for n, quote in enumerate(self.quotes):
            opening = doc.char_span(quote.start, quote.start + 1, alignment_mode="expand")
            closing = doc.char_span(quote.end - 1, quote.end, alignment_mode="expand")
            said = quotes.after(doc, closing.end - 1, words.verb_forms) \
                if text_of(doc)[quote.end - 1] in (quotes.CLOSING, quotes.STRAIGHT) else None
            said = said or quotes.before(doc, opening.start, words.verb_forms)
            if said is None and n and self.said[-1] is not None and _follows(doc, self.quotes[n - 1], self.said[-1],
                                                                             quote.start):
                said = self.said[-1]  # the same speaker's next quote, or a long quote run on into this paragraph
            self.said.append(said)

    def of(self, offset: int) -> Said | None:
        return next((said for quote, said in zip(self.quotes, self.said) if quote.start <= offset < quote.end), None)


def _follows(doc: Doc, previous: quotes.Quote, said: Said, start: int) -> bool:
    """Does a quote starting at ``start`` follow ``previous`` with nothing between them but its source
    ('"...," Anand said. "Our ...') or a paragraph break ('...made.\n\n"We now have ...')?"""
    end = max(previous.end, doc[said.end - 1].idx + len(doc[said.end - 1]))
    return not text_of(doc)[end:start].strip(" \n.,;:")
