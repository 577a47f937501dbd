"""Whose troops when the figure's own phrase and clause do not say: the discourse around it.

Runs once per doc, over the figures the component found, in this order:

0. **Its own words.** The force :mod:`.whose` proposed, where it proposed one.
1. **The same figure elsewhere.** A headline and the lede that reports it, or a
   definite mention that refers back ("The 33,000 troops slated for withdrawal"),
   share a force with the figure of the same bounds (``same_as``; a headline's is
   also its ``echo_of``, whose kind, status and place :mod:`.change` and :mod:`.where` take).
2. **The paragraph.** "The contingent", "they", "the troops", "A further 30 staff
   officers": the nearest figure before it in the same paragraph that has a force,
   else the actor the previous sentence is about.
3. **The article.** The force most of the article's figures were given by their own
   phrase or clause, else the first actor the headline and lede name (:mod:`.topic`,
   counted once per doc).

Each step records how it found the force (``force_source``: context or article). This module
alone sets ``force``, ``mission`` and ``force_source``.
"""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Doc

from natoiraq.pipeline.syntax import np_tokens
from natoiraq.pipeline.troops.context import LOOKBACK, Context
from natoiraq.pipeline.troops.figure import ARTICLE, CONTEXT, EACH, PHRASE, SHARED, TroopFigure
from natoiraq.pipeline.troops.shared import WHOSE_PREPS, participates
from natoiraq.pipeline.troops.topic import Topics, hosting, named_organisation, tally
from natoiraq.pipeline.troops.organisations import many_states

#: The words that make a figure a group besides the one before it, not a mention of one reported elsewhere
#: ("another 1,000", "a further 50").
_ANOTHER = frozenset({"another", "further"})
#: How a figure was found to have no one force: the discourse gives it none.
_NO_ONES = frozenset({SHARED, EACH})


def resolve(ctx: Context, doc: Doc, figures: list[TroopFigure]) -> Topics:
    """Settle every figure's force: its own words' where they name one, else the discourse's. The article's
    forces, counted once, are returned for :func:`unhost`."""
    headline_end = ctx.headline_end
    for figure in figures:
        actor = figure.proposed
        if actor is not None:
            figure.force, figure.mission = actor.force, actor.mission
            figure.force_source = figure.proposed_by if actor.force is not None else None
    _contracted(ctx, figures)
    own: dict[tuple[int, int], tuple[list[int], list[TroopFigure]]] = {}  # by bounds, in the text's order
    for figure in figures:
        if figure.own and figure.span.start_char >= headline_end:
            starts, same = own.setdefault(figure.bounds, ([], []))
            starts.append(figure.span.start)
            same.append(figure)
    for figure in figures:
        figure.same_as = _same_figure(own.get(figure.bounds, ([], [])), figure, headline_end)
        if figure.span.start_char < headline_end:
            figure.echo_of = figure.same_as or _lede_figure(ctx, figures, figure, headline_end)
    _joint_exercise(ctx, figures)
    _echo_no_one(figures, headline_end)
    open_ = [f for f in figures if f.proposed_by not in _NO_ONES]  # a shared figure stays no one's
    for figure in open_:
        source = figure.same_as
        if figure.force is None and source is not None and source.force is not None:
            _assign(figure, source.force, source.mission, CONTEXT)
    topics = tally(ctx, doc, figures)
    topic = topics.pick(ctx)
    organisation = _organisation(ctx, topics)
    for index, figure in enumerate(figures):
        if figure.force is not None or figure.proposed_by in _NO_ONES:
            continue
        if many_states(figure.personnel.anchor) and organisation is not None:
            # "about 60,000 international troops ...; that number has dwindled to 17,000": the organisation's,
            # before the paragraph's later figures take it up
            _assign(figure, organisation[0], organisation[1], ARTICLE)
        else:
            _from_paragraph(ctx, doc, figures[max(0, index - LOOKBACK):index], figure)
    mission = _one_mission(ctx)
    if mission is not None and mission.force not in ctx.mentions.ontology.countries:
        served = mission.force, mission.mission  # not a state's operation: its forces are no two states' own
    else:  # "80 military observers from Egypt, Gambia and Ghana" in an article about the African Union's force
        served = topic if topic is not None and topic[0] not in ctx.mentions.ontology.countries else None
    for figure in figures:
        if figure.proposed_by == SHARED and served is not None:
            # "Burundi and Uganda will send 3,000 more troops" in an article about one mission: the mission's
            _assign(figure, served[0], served[1], ARTICLE)
    for figure in open_:
        # "60,000 international troops" are an organisation's, never the article's country's
        chosen = organisation if many_states(figure.personnel.anchor) else topic
        if figure.force is None and chosen is not None:
            _assign(figure, chosen[0], chosen[1], ARTICLE)
    return topics


def _contracted(ctx: Context, figures: list[TroopFigure]) -> None:
    """ "About 1,000 Russian instructors" in an article that names the Wagner Group are Wagner's: a private military
    company's nationals, by the nouns it calls them, are the company's where the article names it and no
    formation of their state (data/forces.json "contractors")."""
    ontology = ctx.mentions.ontology
    named = {m.actor.force for m in ctx.mentions.mentions if m.actor is not None}
    own_formations = {m.actor.force for m in ctx.mentions.mentions if m.actor is not None and m.actor.mission}
    for company, (state, nouns) in ontology.contractors.items():
        if company not in named or state in own_formations:
            continue
        for figure in figures:
            if figure.force == state and figure.proposed_by == PHRASE \
                    and figure.personnel.anchor.lemma_.lower() in nouns:
                figure.force, figure.mission = company, None


def _joint_exercise(ctx: Context, figures: list[TroopFigure]) -> None:
    """An exercise whose participants' sentences give figures of two forces is a joint one: its participants
    that no words give a force are no one's ("8,900 troops joined the annual exercise" after "12,200 US service
    members are participating, with 5,400 members of the Armed Forces of the Philippines")."""
    taking_part = [f for f in figures if participates(ctx, f.personnel.anchor)]
    sentences = {f.span.sent.start for f in taking_part}
    if len({f.force for f in figures if f.own and f.span.sent.start in sentences}) > 1:
        for figure in taking_part:
            if figure.proposed is None:
                figure.proposed_by = SHARED


def _echo_no_one(figures: list[TroopFigure], headline_end: int) -> None:
    """A headline figure that its lede reports as no one's ("Drills open with 17,600 troops" over "17,600
    Filipino and American troops") is no one's too, where no figure of its size names a force."""
    no_ones: dict[tuple[int, int], str] = {}
    for figure in reversed(figures):  # the first of each size past the headline
        if figure.span.start_char >= headline_end and figure.proposed_by in _NO_ONES:
            no_ones[figure.bounds] = figure.proposed_by
    for figure in figures:
        if figure.span.start_char < headline_end and figure.same_as is None and figure.force is None \
                and figure.bounds in no_ones:
            figure.proposed_by = no_ones[figure.bounds]


def _same_figure(own: tuple[list[int], list[TroopFigure]], figure: TroopFigure,
                 headline_end: int) -> TroopFigure | None:
    """The nearest other figure with the same bounds whose force its own words gave, past the headline:
    ``own`` holds those (their starts, them), so the nearest is found by bisection, not by reading all."""
    in_headline = figure.span.start_char < headline_end
    if not in_headline and (not figure.definite and figure.force is not None or _another(figure)):
        return None  # "Another 1,000 are in Chad" is a group besides, never a figure of the same size elsewhere
    starts, same = own
    at = bisect_left(starts, figure.span.start)
    near = [f for f in same[max(0, at - 1): at + 2] if f is not figure]  # the closest before and after
    if not near:
        return None
    return min(near, key=lambda f: abs(f.span.start - figure.span.start))


def _lede_figure(ctx: Context, figures: list[TroopFigure], figure: TroopFigure,
                 headline_end: int) -> TroopFigure | None:
    """The lede's figure of the headline figure's size, where the lede names no force of its own ("1,000 more
    Marines to Darwin" / "The Marine rotation will grow by 1,000 next year"): the headline (the first line, not
    a standfirst or dateline before the lede) reports it again."""
    if ctx.paragraph(figure.span.start_char) != 0:
        return None
    lede = ctx.paragraph(headline_end)
    return next((f for f in figures if f.bounds == figure.bounds and f.span.start_char >= headline_end
                 and ctx.paragraph(f.span.start_char) == lede), None)


def _another(figure: TroopFigure) -> bool:
    span = figure.span
    return span[0].lower_ in _ANOTHER or span.start > 0 and span.doc[span.start - 1].lower_ in _ANOTHER


def _from_paragraph(ctx: Context, doc: Doc, earlier: list[TroopFigure], figure: TroopFigure) -> None:
    here = ctx.paragraph(figure.span.start_char)
    alone = many_states(figure.personnel.anchor)  # "international troops": an organisation's only

    def fits(force: str | None) -> bool:
        return force is not None and not (alone and force in ctx.mentions.ontology.countries)

    for previous in reversed(earlier):
        if ctx.paragraph(previous.span.start_char) != here:
            break
        if fits(previous.force):
            _assign(figure, previous.force, previous.mission, CONTEXT)
            return
    sentence = figure.span.sent
    if sentence.start == 0:
        return
    before = doc[sentence.start - 1].sent
    if ctx.paragraph(before.start_char) != here:
        return
    subject = next((t for t in before if t.dep_ in ("nsubj", "nsubjpass") and t.head == before.root), None)
    # whose the subject is, not where it goes: "Our commitment to the Alliance" names no force
    actor = ctx.mentions.actor(np_tokens(subject, WHOSE_PREPS)) if subject is not None else None
    if actor is not None and fits(actor.force):
        _assign(figure, actor.force, actor.mission, CONTEXT)


def unhost(ctx: Context, figures: list[TroopFigure], topics: Topics) -> None:
    """A host is not the force of troops on its soil: a figure whose force came from the discourse and
    is the country it is located in takes the article's next force instead ("TOKYO - 8,600 Marines
    moving to Guam" are not Japan's when the article names the United States). With no other force in
    the article the host stays: "Pakistan had mobilised 300,000 troops along its border"."""
    countries = ctx.mentions.ontology.countries
    own = {f.force for f in figures if f.own}  # a country whose troops the article counts is no mere host
    for figure in figures:
        if figure.force == figure.location and figure.force_source != PHRASE and _guest(ctx, figure):
            # "Cyprus has some 800 peacekeepers": a mission's, the organisation the article names, else no one's
            served = _organisation(ctx, topics) or (None, None)
            figure.mission = None
            _assign(figure, served[0], served[1], ARTICLE)
        elif figure.force_source in (CONTEXT, ARTICLE) and figure.force == figure.location \
                and figure.force in countries and figure.force not in own:
            other = topics.pick(ctx, exclude=figure.force)
            if other is not None:
                figure.mission = None
                _assign(figure, other[0], other[1], ARTICLE)


def _organisation(ctx: Context, topics: Topics) -> tuple[str, str | None] | None:
    """The organisation the article is about: its figures' and lede's, else the one it names most."""
    return topics.pick(ctx, countries=False) or named_organisation(ctx)


def _guest(ctx: Context, figure: TroopFigure) -> bool:
    """Are these a mission's personnel ("peacekeepers", "peacekeeping troops") in a state that organisations'
    missions serve in, its guests (not Ireland's own home from Lebanon)?"""
    ontology = ctx.mentions.ontology
    noun = figure.personnel.anchor
    return any(t.lemma_.lower() in ctx.words.guest_words for t in (noun, *noun.children)
               if t.i == noun.i or t.dep_ in ("compound", "amod")) and any(
        a.theatre == figure.location and a.mission and a.force in ontology.fielding for a in ontology.actors.values())


def at_home(ctx: Context, doc: Doc, figures: list[TroopFigure]) -> None:
    """A figure that neither its words nor the article give a force, placed in a region or city of a country,
    is that state's own ("22,000 Interior Ministry troops are deployed in the North Caucasus", "20,000
    servicemen ... in Northern Ireland" in a debate of its parliament): an article that names no force at all
    speaks of troops at home. Troops "in Lebanon" may be anyone's (the country named as such is where foreign
    troops are reported), a country that hosts them ("Qatar will pay to host 10,000 troops at Al Udeid") is
    a host; shared, international and peacekeeping figures stay no one's."""
    countries = ctx.mentions.ontology.countries
    hosts = {m.actor.force for m in ctx.mentions.mentions if m.actor is not None and hosting(ctx, doc[m.root])}
    for figure in figures:
        spot = figure.spot
        if figure.force is None and figure.proposed_by not in _NO_ONES and figure.location in countries \
                and figure.location not in hosts and spot is not None and spot.name != figure.location \
                and not many_states(figure.personnel.anchor) and not _guest(ctx, figure):
            _assign(figure, figure.location, None, ARTICLE)


def _assign(figure: TroopFigure, force: str | None, mission: str | None, source: str) -> None:
    figure.force = force
    figure.force_source = source if force is not None else None
    if figure.mission is None:
        figure.mission = mission


def _one_mission(ctx: Context):
    """The one named mission an article speaks of (its actor), if it names exactly one."""
    named = {m.actor for m in ctx.mentions.mentions if m.actor is not None and m.actor.mission}
    return named.pop() if len(named) == 1 else None


def missions(ctx: Context, figures: list[TroopFigure]) -> None:
    """The mission a figure serves with, where its own words name none: a mission named in its sentence,
    else the article's one mission when the figure is in that mission's theatre ("Ireland's contingent
    with UNIFIL ... The contingent numbered 340")."""
    named = [m for m in ctx.mentions.mentions if m.actor is not None and m.actor.mission]
    parents = {m.actor.force for m in named}
    only = _one_mission(ctx)
    for figure in figures:
        if figure.mission:
            continue
        sentence = figure.span.sent
        here = [m for m in named if sentence.start <= m.start < sentence.end]
        if here:
            chosen = min(here, key=lambda m: abs(m.start - figure.span.start)).actor
        elif only is not None:
            chosen = only
            if figure.location not in (None, chosen.theatre):
                continue
        else:
            continue
        # A national contingent serves with the mission; the figure of another mission's parent does not.
        if figure.force not in parents - {chosen.force}:
            figure.mission = chosen.mission
