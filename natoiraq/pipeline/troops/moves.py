"""Which moves take troops away (:mod:`.change` reads them for a figure's kind): leaving, withdrawing,
coming home, and relocating out of a theatre, with the places a move names on either end ("left Kenya for
Haiti" goes somewhere; "left Juba for home" comes back)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import governor, is_verb
from natoiraq.pipeline.troops.clauses import content_verb, controlled, phrasal, relative_clause, shared_subject
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel, TroopFigure
from natoiraq.pipeline.troops.nowhere import HOME

#: The one verb of coming back whose origin is where the troops served.
_RETURN = "return"
#: Away from where the troops are: "flew out of Kabul", "ordered out of the city".
_OUT = "out"
#: Prepositions and adverbs of place: on a verb of moving, they say where to ("to the border", "closer").
_PLACE_WORDS = frozenset({"to", "into", "toward", "towards", "onto", "near", "along", "at", "in", "on", "across",
                          "inside", "within", "around", "closer", "nearer", "forward", "there", "here"})
#: The sum that "a total of" writes a figure as.
_TOTAL = "total"
#: A share of a force: in "most of its 250 soldiers" the number is the whole force's size.
PARTITIVES = frozenset({"most", "some", "all", "half", "part", "many", "majority", "bulk", "rest", "remainder", "few"})


def _comes_back(ctx: Context, verb: Token, moved: Token | None = None) -> bool:
    """Does a verb of coming back say the troops leave where they were: "home", "back", "out of" a place with no
    destination ("flew out of Kabul", "ordered 2,000 troops out of the city"; not "flew out of Kabul to Dubai", nor
    a bare "out": "will fly out in April" may leave home or the theatre), or, for "return" alone, an origin
    ("return to Britain from Germany"; troops "come from" 46 countries), on the verb or on what it ``moved``
    ("return an average of 5,000 GIs from the Gulf")?"""
    if any(c.dep_ in ("advmod", "prt", "npadvmod", "dobj") and c.lower_ in (HOME, "back") for c in verb.children):
        return True
    outs = [c for c in verb.children if c.dep_ in ("advmod", "prt", "prep") and c.lower_ == _OUT
            and any(o.lower_ == "of" for o in c.children)]
    if outs and not any(c.dep_ == "prep" and c.lower_ in ctx.words.destination_preps
                        for t in (verb, *outs) for c in t.children):
        return True
    origins = list(verb.children) + (list(moved.subtree) if moved is not None else [])
    return verb.lemma_.lower() == _RETURN and any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in origins)


def verb_decreases(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Does the figure's verb take troops away: "withdraw 2,000 troops", "bring home 100 of its
    trainers", "1,000 troops will leave", "relocate 1,000 troops from Syria"?"""
    anchor = personnel.anchor
    relative = relative_clause(anchor)
    if relative is not None and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in relative.children):
        # "the two thousand who left": the figure is the clause's subject
        return relative.lemma_.lower() in ctx.words.departure_verbs and not _has_destination(ctx, relative)
    if relative is not None and any(a.tag_ == "TO" for a in relative.children) and not _has_destination(
            ctx, relative) and (relative.lemma_.lower() in ctx.words.departure_verbs or takes_away(ctx, relative)):
        return True  # "the 1,500 troops to leave Niger", "to be withdrawn": what the noun is to do
    # a noun with no verb over it has its predicate read as a participle: "The last 1,500 troops left in May."
    unverbed = anchor.dep_ == "ROOT"
    if any(c.dep_ == "acl" and not _has_destination(ctx, c) and (
            (c.tag_ == "VBN" and takes_away(ctx, c)) or (c.tag_ in ("VBG", "VBN") if unverbed else c.tag_ == "VBG")
            and c.lemma_.lower() in ctx.words.departure_verbs) for c in anchor.children):
        return True  # "see three thousand troops withdrawn", "the 2,000 soldiers pulled out in May", "the 900 leaving"
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is None:
        return False
    anchor = carrier(ctx, anchor)
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and span.start <= anchor.head.head.i < span.end:
        anchor = anchor.head.head  # "Some 500 of the 2,000 troops will leave": the part is the verb's subject
    target = controlled(ctx, verb, anchor) if anchor.dep_ == "dobj" and anchor.head.i == verb.i else verb
    if target is not verb:
        verb = target  # "ordered 9,500 personnel to be removed", "wants 3,000 troops to leave"
        lemma = verb.lemma_.lower()
        if lemma in ctx.words.departure_verbs and not _has_destination(ctx, verb):
            return True
    if anchor.dep_ in ("nsubj", "nsubjpass") and is_verb(anchor.head) and anchor.head.i > anchor.i \
            and anchor.head.lemma_.lower() not in ctx.words.reporting_verbs:
        verb = anchor.head  # "wants 3,000 troops to leave": the subject's own verb, not the one before it
    lemma = verb.lemma_.lower()
    if anchor.dep_ in ("nsubj", "nsubjpass") and verb.i > anchor.i and (anchor.dep_ == "nsubj" or content_verb(verb) is not verb):
        # the subject's verb, or one conjoined to it with no subject of its own ("handed over the base and left");
        # but what remains is a level, whatever it does next ("about 4,000 remain and will leave")
        shared = [] if content_verb(verb).lemma_.lower() in ctx.words.state_verbs else shared_subject(verb)
        return any(_subject_leaves(ctx, v) for v in (verb, *shared)) or _relocates(ctx, content_verb(verb), anchor)
    if lemma in ctx.words.decrease_verbs or phrasal(verb, ctx.words.decrease_phrasal):
        return True
    if any((lemma, t.lower_) in ctx.words.decrease_phrasal for t in anchor.subtree if t.dep_ in ("advmod", "prt")):
        return True  # "bring a further 120 of its soldiers home": the parse hangs the particle on the object
    moved = anchor if anchor.dep_ == "dobj" and anchor.head.i == verb.i else None
    if (lemma in ctx.words.return_verbs or lemma in ctx.words.directive_verbs) and _comes_back(ctx, verb, moved):
        return True  # "return 5,000 GIs from the Gulf", "fly 300 soldiers home", "ordered 2,000 troops home"
    return _relocates(ctx, content_verb(verb), anchor)  # "4,000 of the Marines on Okinawa are to be relocated"


def _relocates(ctx: Context, verb: Token, anchor: Token) -> bool:
    """ "relocate 1,000 troops from northeastern Syria", "redeploy 3,000 troops this year", "are to be relocated
    from Okinawa to Guam": they leave that theatre."""
    return verb.lemma_.lower() in ctx.words.relocation_verbs and (_has_origin(verb, anchor) or not _placed(verb))


def _subject_leaves(ctx: Context, verb: Token) -> bool:
    """Does a verb take its subject away: "about 1,000 U.S. troops will leave the country", "are due to leave",
    "are returning home"; not "left Kenya for Haiti" nor "left behind"?"""
    verb = content_verb(verb)  # "are due to leave", "are scheduled to depart"
    lemma = verb.lemma_.lower()
    if lemma in ctx.words.return_verbs and _comes_back(ctx, verb):
        return True  # "would return to Britain from Germany", "are returning home"
    if phrasal(verb, ctx.words.decrease_phrasal):
        return True  # "will see 2,600 troops sent home"
    return lemma in ctx.words.departure_verbs and not _has_destination(ctx, verb) \
        and not any(c.lower_ == "behind" for c in verb.children)


def homecoming(ctx: Context, figures: list[TroopFigure]) -> None:
    """A level figure its verb of coming back takes to its force's own country leaves where it served: US troops
    "will be returned to the United States"; US troops "returned to Iraq" go back in. Read once the article has
    given each figure its force."""
    for figure in figures:
        anchor = carrier(ctx, figure.personnel.anchor)
        verb = governor(figure.span, anchor, ctx.words.reporting_verbs)
        # the figure's noun, its group, or its number ("4,000 of its soldiers would return") moves
        moved = [t for t in (anchor, figure.span.root) if verb is not None and t.head.i == verb.i
                 and t.dep_ in ("nsubj", "nsubjpass", "dobj")]
        if figure.kind != "level" or figure.force not in ctx.mentions.ontology.countries or not moved:
            continue
        verb = content_verb(verb) if moved[0].dep_ != "dobj" else verb  # "are due to return"
        if verb.lemma_.lower() in ctx.words.return_verbs and any(
                c.dep_ == "prep" and c.lower_ == "to" and (place := ctx.mentions.place(c.children)) is not None
                and place.location == figure.force for c in verb.children):
            figure.kind = "decrease"


def takes_away(ctx: Context, verb: Token) -> bool:
    """ "withdrawn", "pulled out": a verb of decrease, with its particle where it needs one ("drawn down",
    not "drawn from several nations")."""
    lemma = verb.lemma_.lower()
    if phrasal(verb, ctx.words.decrease_phrasal):
        return True
    return lemma in ctx.words.decrease_verbs and all(phrase[0] != lemma for phrase in ctx.words.decrease_phrasal)


def _has_destination(ctx: Context, verb: Token) -> bool:
    """ "left Kenya for Haiti" goes somewhere; "left Juba for home" comes back."""
    return any(c.dep_ == "prep" and c.lower_ in ctx.words.destination_preps
               and not any(o.lower_ == HOME for o in c.children) for c in verb.children)


def _has_origin(verb: Token, anchor: Token) -> bool:
    """Does a move say where the troops leave: "from Okinawa", "out of Syria", "away from the border",
    "marines stationed in Okinawa", "4,000 personnel from Okinawa"?"""
    if any((c.dep_ == "prep" and c.lower_ in ("from", "out")) or (c.dep_ == "advmod" and c.lower_ == "away")
           for c in verb.children):
        return True
    return any(t.dep_ == "prep" and t.lower_ in ("in", "on", "at", "from") for t in anchor.subtree)


def _placed(verb: Token) -> bool:
    """Does a move say where to, or where along ("to the border", "near the frontier", "into Kuwait", "closer")?
    A relocation that names no place at all ("will redeploy 3,000 troops this year", "would be repositioned,
    with 6,400 returning home") takes them away from where they are; a phrase of time ("in 2005") places
    nothing."""
    return any(c.lower_ in _PLACE_WORDS and c.dep_ in ("prep", "advmod")
               and not any(o.ent_type_ in ("DATE", "TIME") for o in c.children) for c in verb.children)


def carrier(ctx: Context, anchor: Token) -> Token:
    """The group a figure is "of", or names in apposition, where that group is what the clause moves: in "a
    first batch of 150 soldiers withdrew", "a convoy of 300 troops left", "the last contingent, about 400
    peacekeepers, left", the verb's subject is the batch; not a size ("cut the number of troops from 5,200")
    nor a share ("most of its 250 soldiers")."""
    of = anchor.dep_ == "pobj" and anchor.head.lower_ == "of"
    group = anchor.head.head if of else anchor.head
    if (of or anchor.dep_ == "appos") and group.pos_ == "NOUN" \
            and group.dep_ in ("nsubj", "nsubjpass", "dobj") and group.lower_ not in PARTITIVES \
            and (group.lemma_.lower() not in ctx.words.size_nouns or _a_total(group)):
        return group
    return anchor


def _a_total(noun: Token) -> bool:
    """ "a total of 2,000 troops withdrew": only a way to write the number, so the clause moves what it counts;
    not "the total" of a force, whose size it is."""
    return noun.lower_ == _TOTAL and any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)
