"""Whose troops when the figure's own phrase and clause do not say: the discourse around it.

Runs once per doc, over the figures the component found, in this order:

1. **The same figure elsewhere.** A headline and the lede that reports it, or a
   definite mention that refers back ("The 33,000 troops slated for withdrawal"),
   share a force with the figure of the same bounds; a headline figure also takes
   that figure's kind and status, and so does a definite mention of a change.
2. **The paragraph.** "The contingent", "they", "the troops", "A further 30 staff
   officers": the nearest figure before it in the same paragraph that has a force,
   else the actor the previous sentence is about.
3. **The article.** The force most of the article's figures were given by their own
   phrase or clause, else the first actor the headline and lede name.

Each step records how it found the force (``force_source``: context or article).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from natoiraq.pipeline.syntax import np_tokens
from natoiraq.pipeline.troops.context import Context, Personnel
from natoiraq.pipeline.troops.mentions import in_place_phrase

#: Determiners of a mention that refers back to a figure already reported.
_DEFINITE = frozenset({"the", "these", "those", "this", "that"})
_LEDE_MIN_WORDS = 8
_SENTENCE_ENDS = frozenset('.!?"”’\'')


@dataclass
class Figure:
    record: dict
    span: Span
    personnel: Personnel
    place: str | None = None  # where a list line says the figure is ("BG 🇱🇻: 1887")
    echo_of: "Figure | None" = None  # the lede figure a headline figure reports again

    @property
    def bounds(self) -> tuple[int, int]:
        return self.record["low"], self.record["high"]

    @property
    def own(self) -> bool:
        """Was the force found in the figure's own phrase or clause?"""
        return self.record["force_source"] in ("phrase", "clause")


def resolve(ctx: Context, doc: Doc, figures: list[Figure]) -> None:
    """Fill in force (and, for echoes of a reported figure, kind and status) where the figure left them open."""
    headline_end = ctx.headline_end
    for figure in figures:
        source = _same_figure(figures, figure, headline_end)
        if source is None:
            continue
        if figure.record["force"] is None and source.record["force"] is not None:
            _assign(figure, source.record["force"], source.record.get("mission"), "context")
        in_headline = figure.span.start_char < headline_end
        if in_headline:
            figure.echo_of = source
        if in_headline or (_definite(figure) and source.span.start < figure.span.start
                           and source.record["kind"] != "level"):
            figure.record["kind"], figure.record["status"] = source.record["kind"], source.record["status"]
    _list_status(figures)
    for index, figure in enumerate(figures):
        if figure.record["force"] is None:
            _from_paragraph(ctx, doc, figures[:index], figure)
    topic = _topic(ctx, doc, figures, headline_end)
    for figure in figures:
        if figure.record["force"] is None and topic is not None:
            _assign(figure, topic[0], topic[1], "article")


def _list_status(figures: list[Figure]) -> None:
    """Items of a figure's list share its status: "a ceiling of 11,650 personnel, including 480 observers
    and 2,080 police" are all planned."""
    by_anchor = {f.personnel.anchor.i: f for f in figures}
    for figure in figures:
        token = figure.personnel.anchor
        for _ in range(4):
            if token.dep_ not in ("conj", "appos", "pobj", "prep") or token.head.i == token.i:
                break
            token = token.head
            head = by_anchor.get(token.i)
            if head is not None and head is not figure:
                if head.record["status"] == "planned" and figure.record["kind"] == "level":
                    figure.record["status"] = "planned"
                break


def lede_start(text: str) -> int:
    """Where the lede starts: lines before it (headline, standfirst, captions, byline) are the
    article's furniture. The lede is the first line that reads as prose: long, and ending a sentence."""
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        line = text[start:end].strip()
        if len(line.split()) >= _LEDE_MIN_WORDS and line[-1] in _SENTENCE_ENDS:
            return start
        start = end + 1
    return 0


def _same_figure(figures: list[Figure], figure: Figure, headline_end: int) -> Figure | None:
    """The nearest other figure with the same bounds whose force its own words gave."""
    in_headline = figure.span.start_char < headline_end
    if not in_headline and not _definite(figure) and figure.record["force"] is not None:
        return None
    same = [f for f in figures if f is not figure and f.bounds == figure.bounds and f.own
            and f.span.start_char >= headline_end]
    if not same:
        return None
    return min(same, key=lambda f: abs(f.span.start - figure.span.start))


def _definite(figure: Figure) -> bool:
    anchor = figure.personnel.anchor
    before = figure.span.doc[figure.span.start - 1] if figure.span.start else None
    return (before is not None and before.lower_ in _DEFINITE) or any(
        c.lower_ in _DEFINITE for c in anchor.children if c.dep_ == "det" and c.i < figure.span.start)


def _from_paragraph(ctx: Context, doc: Doc, earlier: list[Figure], figure: Figure) -> None:
    here = ctx.paragraph(figure.span.start_char)
    for previous in reversed(earlier):
        if ctx.paragraph(previous.span.start_char) != here:
            break
        if previous.record["force"] is not None:
            _assign(figure, previous.record["force"], previous.record.get("mission"), "context")
            return
    sentence = figure.span.sent
    if sentence.start == 0:
        return
    before = doc[sentence.start - 1].sent
    if ctx.paragraph(before.start_char) != here:
        return
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root), None)
    actor = ctx.mentions.actor(np_tokens(subject)) if subject is not None else None
    if actor is not None:
        _assign(figure, actor.force, actor.mission, "context")


def _topic(ctx: Context, doc: Doc, figures: list[Figure], headline_end: int) -> tuple[str, str | None] | None:
    """The article's force: the one its figures name themselves and its headline and lede name most,
    the earliest on a tie."""
    votes: Counter = Counter((f.record["force"], f.record.get("mission")) for f in figures if f.own and f.record["force"])
    first: dict[tuple[str, str | None], int] = {}
    lede_end = _lede_end(ctx.text, headline_end)
    for mention in ctx.mentions.mentions:
        if doc[mention.start].idx >= lede_end:
            break
        if mention.actor is not None and mention.actor.force is not None and not _bystander(ctx, doc[mention.root]) \
                and not (mention.place and in_place_phrase(doc[mention.root])):  # "from Iraq" is no topic force
            key = (mention.actor.force, mention.actor.mission)
            votes[key] += 1
            first.setdefault(key, mention.start)
    if not votes:
        return None
    return max(votes, key=lambda k: (votes[k], -first.get(k, len(doc))))


def _bystander(ctx: Context, token: Token) -> bool:
    """Does this name host, pay for or ask for troops ("Qatar will pay to host ...")? Then it is not the topic force."""
    return token.dep_ in ("nsubj", "nsubjpass") and token.head.lemma_.lower() in ctx.words.bystander_verbs


def _lede_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end < 0 else end


def _assign(figure: Figure, force: str | None, mission: str | None, source: str) -> None:
    figure.record["force"] = force
    figure.record["force_source"] = source if force is not None else None
    if figure.record.get("mission") is None:
        figure.record["mission"] = mission


def missions(ctx: Context, figures: list[Figure]) -> None:
    """The mission a figure serves with, where its own words name none: a mission named in its sentence,
    else the article's one mission when the figure is in that mission's theatre ("Ireland's contingent
    with UNIFIL ... The contingent numbered 340")."""
    named = [m for m in ctx.mentions.mentions if m.actor is not None and m.actor.mission]
    distinct = {m.actor.mission for m in named}
    parents = {m.actor.force for m in named}
    for figure in figures:
        if figure.record.get("mission"):
            continue
        sentence = figure.span.sent
        here = [m for m in named if sentence.start <= m.start < sentence.end]
        if here:
            chosen = min(here, key=lambda m: abs(m.start - figure.span.start)).actor
        elif len(distinct) == 1:
            chosen = named[0].actor
            if figure.record.get("location") not in (None, chosen.theatre):
                continue
        else:
            continue
        # A national contingent serves with the mission; the figure of another mission's parent does not.
        if figure.record["force"] not in parents - {chosen.force}:
            figure.record["mission"] = chosen.mission
