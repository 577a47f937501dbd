"""Where the personnel are, or go; for a withdrawal, the place they leave.

Each figure gets ``location`` (a country, or the region named where no one
country is meant) and ``spot``: the most specific place the text names for it
("Darwin" in Australia, with its coordinates), or its location where it names none.

From the figure's own phrase ("troops in Syria"), then its clause ("deploy 250
troops to Mali", "relocate 1,000 troops from northeastern Syria", "left Kenya
for Haiti"), then the sentence, then the paragraph's figures and places, then
the article's theatre. Only names in a place's syntactic role count, so the
force ("Canada's", "U.S.") and a payer or host ("Tokyo pays") are never taken
for the place.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from natoiraq.knowledge.geo import Place
from natoiraq.pipeline.syntax import governing_verb, is_verb, subject_of
from natoiraq.pipeline.troops.armies import whole_army
from natoiraq.pipeline.troops.borders import border_place
from natoiraq.pipeline.troops.clauses import content_verb
from natoiraq.pipeline.troops.context import LOOKBACK, Context
from natoiraq.pipeline.troops.figure import ARTICLE, CONTEXT, PHRASE, TroopFigure
from natoiraq.pipeline.troops.lists import table_row
from natoiraq.pipeline.troops.mentions import PLACE_PREPS, PREP_DEPS, STATION_PREPS, is_place_role
from natoiraq.pipeline.troops.nowhere import HOME, everywhere, not_at_home, scattered, spread
from natoiraq.pipeline.troops.opening import first_place, headline_place
from natoiraq.pipeline.troops.placing import at, continues_a_unit, place_in, place_under, venue
from natoiraq.pipeline.troops.subjects import named_place, subject_place
from natoiraq.pipeline.troops.theatres import mission_served, sentence_mission

#: Where a change is read from: a withdrawal's origin, anything else's destination or station.
_ORIGIN_PREPS = ("from", "out", "off")
#: Where troops go, whatever the phrase says they are.
_DESTINATION_PREPS = ("to", "into", "toward", "towards", "onto")
#: Where troops are, not where they go: a withdrawal's troops are leaving these.
_AT_PREPS = ("in", "at", "on", "inside", "within", "near", "across", "throughout")
#: Where troops are, in a phrase right after the figure ("and 200 in Kosovo").
_RIGHT_AFTER_PREPS = ("in", "inside", "at", "on")
_CLAUSE_LINKS = frozenset({"xcomp", "conj", "advcl", "ccomp", "acl", "relcl", "pcomp"})


def locate(ctx: Context, doc: Doc, figures: list[TroopFigure]) -> None:
    """Set ``spot`` and ``location`` on every figure: its own words first, then the paragraph, then the article."""
    for figure in figures:
        # The figure's own words, else the theatre of the mission it serves with ("UNIFIL's 10,000"), unless they
        # place it "overseas", whatever mission they name ("serving overseas, including 650 on Operation X"), or in
        # several countries no region holds
        figure.spot = None if scattered(ctx, figure) else _own(ctx, figure) or (
            None if everywhere(figure) else at(ctx, ctx.mentions.ontology.theatre(figure.mission)))
    for figure in figures:
        if figure.echo_of is not None and figure.echo_of.spot:
            figure.spot = figure.echo_of.spot  # a headline says what its lede says
    # A flattened table's row lost its label cell: its place is unknown, not its neighbours' or the article's.
    # So is a figure placed "overseas" or "worldwide", or whose parts are in several ("40,000 ..., including 2,500
    # in Iraq and 900 in Syria"): in no one place, whatever its neighbours' is.
    unknown = [f.spot is None and (table_row(ctx, f.span) or everywhere(f) or spread(f, figures)
                                   or scattered(ctx, f))
               for f in figures]
    # the forces the figures' own words name, by line: a line's label one of them names lists contributors
    owners = {(ctx.paragraph(f.span.start_char), f.force) for f in figures if f.force_source == PHRASE}
    for index, figure in enumerate(figures):
        if figure.spot is None and not unknown[index]:
            # a label the figure's own words take for its force lists who contributes ("Australia: 5,500"), not
            # where, nor where the line's next items are ("Australia: 5,500; Poland: 2,400"); one only the clause
            # or the article takes for it is still where ("Syria: Roughly 900 remain")
            line = ctx.paragraph(figure.span.start_char)
            label = ctx.labels.get(line)
            contributor = figure.force_source == PHRASE and label is not None and (line, label.place.location) in owners
            labelled = label.place if label is not None and not contributor else None
            figure.spot = labelled or _from_paragraph(ctx, figures[max(0, index - LOOKBACK):index], figure)
    # a state's army at home is no theatre of the article's ("Venezuela mobilised 5,600 reservists")
    located = Counter(f.spot.location for f in figures if f.spot and not (f.spot.location == f.force
                                                                           and whole_army(ctx, f, True)))
    theatre = headline_place(ctx, doc) or (at(ctx, located.most_common(1)[0][0]) if located else None)
    named, held, owner = (theatre, True, False) if theatre else first_place(ctx, doc)
    for figure, lost in zip(figures, unknown):
        default = None if named is not None and named.location == figure.force \
            and not_at_home(ctx, figure, held, owner) else named
        # where the article names its place in no place's role, the theatre of a mission the figure's sentence names
        # is nearer ("UNMISS troop contributors include India (2,400), Rwanda (2,700)": India is no place here)
        nearer = sentence_mission(ctx, figure) if figure.spot is None and not lost and not held else None
        figure.spot = figure.spot or nearer or (None if lost else default)
        figure.location = figure.spot.location if figure.spot else None


def _own(ctx: Context, figure: TroopFigure) -> Place | None:
    if figure.place is not None:
        return figure.place
    sure = figure.force_source not in (CONTEXT, ARTICLE)
    anchor = figure.personnel.anchor
    leaving = figure.kind == "decrease"
    after = _place_right_after(ctx, figure) or _there(ctx, figure)  # "and 200 in Kosovo", however the parse hangs it
    if after is not None:
        return after
    # "Back home, Kenya has deployed 5,000 officers": home set before the verb is where it happens, not where
    # troops are sent ("brought 1,400 troops home")
    verb = governing_verb(anchor)[0]
    if verb is not None and any(c.lower_ == HOME and c.dep_ in ("advmod", "npadvmod") and c.i < verb.i
                                for c in verb.children):
        return at(ctx, figure.force)
    # "ahead of Lithuania's 1,632": a place that owns the figure is where it is, however the parse hangs it
    owners = [c for t in (*figure.span, anchor) for c in t.children if c.dep_ == "poss"]
    before = figure.span.start - 1
    if before > 0 and figure.span.doc[before].tag_ == "POS":
        owners.append(figure.span.doc[before - 1])
    owner = ctx.mentions.place(owners)
    if owner is not None and owner.location != figure.force:
        return owner
    # The figure's own phrase: where the troops are ("marines stationed in Okinawa"), even for a withdrawal.
    # and what describes them: "soldiers due in Lithuania", "troops who arrived in Kosovo"
    phrase: list[Token] = [anchor, *(c for c in anchor.children if c.dep_ in ("acl", "relcl")
                                     or (c.dep_ == "amod" and c.pos_ == "ADJ" and c.i > anchor.i))]
    if anchor.dep_ == "pobj" and anchor.head.head.pos_ == "NOUN":
        phrase.append(anchor.head.head)  # "the number of troops in Iraq"
    # the force or unit the figure's noun belongs to: "1,495 members of the National Defence Force in Mozambique"
    phrase.extend(t for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of"
                  for t in c.children if t.dep_ == "pobj")
    # what takes the figure as its object is a verb, however the parse tags it ("the base hosts 7,000 servicemen")
    verb = governing_verb(anchor)[0] or (anchor.head if anchor.dep_ == "dobj" else None)
    stations = _ORIGIN_PREPS + _AT_PREPS if leaving else STATION_PREPS
    place = place_under(ctx, anchor, stations, figure.force, sure=sure)
    based = next(filter(None, (_based_in(ctx, h) for h in phrase)), None)  # "Okinawa-based Marines"
    if place is None and (len(phrase) > 1 or based is not None) and not leaving and verb is not None \
            and verb.lemma_.lower() not in ctx.words.relocation_verbs:
        # troops "based in Cyprus will be sent to Jordan" go to Jordan: where they are sent beats where they are;
        # a relocation's troops are placed where they leave ("Okinawa-based Marines will move to Guam")
        place = place_under(ctx, verb, _DESTINATION_PREPS, figure.force, sure=sure)
    for holder in phrase[1:]:
        if place is not None:
            return place
        # a relocation that describes them is placed where they leave: "the first 100 Marines relocated to Guam
        # from Okinawa" (Japan)
        moved = holder.lemma_.lower() in ctx.words.relocation_verbs and holder.dep_ == "acl"
        place = place_under(ctx, holder, _ORIGIN_PREPS + stations if moved else stations, figure.force, sure=sure)
    if place is not None or based is not None:
        return place or based
    # The clause: a withdrawal is located where the troops leave; where they go is another theatre.
    for step in range(3):  # the verb, and the verbs it continues ("plans to withdraw ... from")
        if verb is None:
            break
        # "will not withdraw 350,000 soldiers from Kashmir": a level a withdrawal verb governs is where they are;
        # so is one its own verb relocates out of a place ("2,000 Marines will redeploy to Guam from Okinawa")
        withdrawing = ctx.words.decrease_verbs | (ctx.words.relocation_verbs if step == 0 else frozenset())
        order = _ORIGIN_PREPS if leaving else (_ORIGIN_PREPS + STATION_PREPS) if verb.lemma_.lower() in \
            withdrawing else STATION_PREPS
        # what the verb goes on to say they do comes before its object: "have begun arriving in Norway for
        # Exercise X, the largest exercise in the High North"
        doing = (verb, content_verb(verb)) if step == 0 else (verb,)
        place = next((p for v in doing if (p := place_under(ctx, v, order, figure.force, sure=sure)) is not None),
                     None) or _object_place(ctx, verb, leaving, figure.force) or _where_clause(ctx, verb) \
            or subject_place(ctx, verb, figure.force)
        if place is not None:
            return place
        # not up to the verb that reports the clause: "..., the minister told reporters in Warsaw" is where he spoke
        verb = verb.head if verb.dep_ in _CLAUSE_LINKS and verb.head.i != verb.i \
            and not (verb.dep_ == "ccomp" and verb.head.lemma_.lower() in ctx.words.reporting_verbs) else None
    if whole_army(ctx, figure, sure):
        return at(ctx, figure.force)  # "Chad's army of 30,000": where no words place it, its state
    served = mission_served(ctx, anchor) if not everywhere(figure) else None
    if served is not None:
        return served
    if leaving:
        return None
    # Parses go wrong: a place in a phrase another verb of the sentence governs, the nearest first; not one
    # hung on a noun ("with the war in Gaza ongoing") nor in a clause that describes one ("the deal signed in Doha").
    sentence = figure.span.sent
    preps = [t for t in sentence if t.dep_ in PREP_DEPS and t.lower_ in STATION_PREPS and _on_a_verb(t)
             and not _describes_another(t, anchor) and not continues_a_unit(ctx, t) and not _reported_at(ctx, t)
             and not venue(t)]
    for prep in sorted(preps, key=lambda t: abs(t.i - anchor.i)):
        place = place_in(ctx, prep, figure.force, sure=sure)
        if place is not None:
            return place
    return None


def _there(ctx: Context, figure: TroopFigure) -> Place | None:
    """The place "there" points back to, on the figure's noun or verb: the last its sentence names before it, in
    any role, that is not the force's own state ("Senegal has asked the 350 French soldiers there to leave"), else
    the last named in a place's role before the sentence."""
    anchor = figure.personnel.anchor
    verb = governing_verb(anchor)[0]
    there = next((c for h in (anchor, verb) if h is not None for c in h.children
                  if c.dep_ == "advmod" and c.lower_ == "there"), None)
    if there is None:
        return None
    doc = figure.span.doc
    before = [m for m in ctx.mentions.mentions if m.place is not None and m.end <= there.i
              and m.place.location != figure.force]
    named = [m for m in before if m.start >= there.sent.start] or [m for m in before if is_place_role(doc[m.root])]
    return named[-1].place if named else None


def _based_in(ctx: Context, holder: Token) -> Place | None:
    """The place a "-based" word puts the figure's noun, or the unit it is of, in ("Okinawa-based Marines", "the
    Gao-based battalion of 650 troops"), whatever the model tags the town."""
    for based in (c for c in holder.children if c.dep_ == "amod" and c.lower_ == "based"):
        place = ctx.mentions.place(t for t in based.subtree if t.i != based.i) or next(
            filter(None, (named_place(ctx, t, True) for t in based.children if t.pos_ == "PROPN")), None)
        if place is not None:
            return place
    return None


def _on_a_verb(prep: Token) -> bool:
    """Does a verb govern this phrase, or the phrase it places ("work from an office in Niamey"), not a noun
    ("with the war in Gaza still ongoing", "developments in Syria")?"""
    head = prep.head
    return is_verb(head) or (head.dep_ == "pobj" and head.head.lower_ in PLACE_PREPS and is_verb(head.head.head))


def _reported_at(ctx: Context, prep: Token) -> bool:
    """Is this where someone speaks, not where troops are ("a spokesman told reporters in Dhahran"), or where the
    speaker is as he speaks ("Speaking in Brussels, the minister said ...")?"""
    head = prep.head
    if head.lemma_.lower() in ctx.words.reporting_verbs:
        # a country or region set before who reports is what the report is about: "In Syria, analysts estimate
        # 5,000 Turkish troops operate in the north"; a town there is still where they speak ("In Washington,")
        subject = subject_of(head)
        place = place_in(ctx, prep, None) if subject is not None and prep.i < subject.i else None
        return place is None or place.name != place.location
    return head.dep_ == "advcl" and head.tag_ == "VBG" and head.head.lemma_.lower() in ctx.words.reporting_verbs


def _object_place(ctx: Context, verb: Token, leaving: bool, home: str | None) -> Place | None:
    """Where the verb's object says the troops are: "cut the number of troops in Iraq ... to 3,000", "reduce our
    presence in Iraq"; a border they hold ("guard the frontier with Belarus") is where they are."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        border = border_place(ctx, obj, home)
        if border is not None and not leaving:
            return border
        holders = [obj, *(t for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                          for t in c.children if t.dep_ == "pobj")]
        for holder in holders:
            place = place_under(ctx, holder, _ORIGIN_PREPS + _AT_PREPS if leaving else _AT_PREPS, home)
            if place is not None:
                return place
    return None


def _where_clause(ctx: Context, verb: Token) -> Place | None:
    """The place a "where" clause describes: troops serve in "Kosovo, where 600 soldiers serve with KFOR"."""
    if verb.dep_ != "relcl" or not any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children):
        return None
    return named_place(ctx, verb.head, True)


def _describes_another(token: Token, anchor: Token) -> bool:
    """Is ``token`` inside a clause that modifies a noun other than the figure's own ("the deal signed in X")?"""
    return any(a.dep_ in ("acl", "relcl") and a.head.i != anchor.i for a in (token, *token.ancestors))


def _place_right_after(ctx: Context, figure: TroopFigure) -> Place | None:
    """A place phrase right after the figure or its noun, past an adverb or "more" ("19,000 Marines currently in
    Okinawa", "and 1,000 more in South Sudan"); where it goes, unless it leaves ("300 Marines to Darwin and 200 to
    Papua New Guinea")."""
    doc = figure.span.doc
    preps = _RIGHT_AFTER_PREPS if figure.kind == "decrease" else _RIGHT_AFTER_PREPS + ("to", "into")
    for end in (figure.span.end, figure.personnel.anchor.i + 1):
        if end < len(doc) and (doc[end].pos_ == "ADV" or doc[end].tag_ in ("JJR", "RBR")):  # "2,000 more in"
            end += 1
        if end < len(doc) and doc[end].lower_ in preps and doc[end].dep_ in PREP_DEPS:
            place = place_in(ctx, doc[end], figure.force)
            if place is not None:
                return place
    return None


def _from_paragraph(ctx: Context, earlier: list[TroopFigure], figure: TroopFigure) -> Place | None:
    """The place of the paragraph's last figure before this one of the same force (or of a force unknown): another
    force's place is where that force is ("Germany keeps 1,200 troops in Lithuania"), not this one."""
    here = ctx.paragraph(figure.span.start_char)
    for previous in reversed(earlier):
        if ctx.paragraph(previous.span.start_char) != here:
            break
        if previous.spot is not None and (previous.force == figure.force or None in (previous.force, figure.force)):
            return previous.spot
    return None

