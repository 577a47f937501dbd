"""Which way and how sure: a figure's kind (level, increase, decrease) and status (actual, planned).

:func:`kind` and :func:`status` read each figure's own words; :func:`settle` then gives a figure
that reports another again (a headline and its lede, "the 33,000 troops" after a withdrawal of
33,000) that figure's kind and status, and the items of a planned figure's list its status.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import change_verb, governor, is_verb, word_before
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel, TroopFigure
from natoiraq.pipeline.troops.words import TroopWords

#: The one verb of coming back whose origin is where the troops served.
_RETURN = "return"
_PARTITIVES = frozenset({"most", "some", "all", "half", "part", "many", "majority", "bulk", "rest", "remainder", "few"})


def kind(ctx: Context, span: Span, number: Token, personnel: Personnel) -> str:
    doc = span.doc
    if whole_of_part(span, ctx.words):
        return "level"  # "pull out 2,200 of 5,200 troops": 5,200 is the force's size
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.lower_ in ctx.words.increase_markers_after:
        # "450 more troops", but "23,000 more to be withdrawn" is more of a withdrawal
        return "decrease" if _verb_decreases(ctx, span, personnel) else "increase"
    if after is not None and after.lower_ in ctx.words.decrease_markers_after:
        return "decrease"  # "2,500 fewer soldiers"
    nominal = _nominal_change(ctx, number, personnel)
    if nominal is not None:
        return nominal  # "the pullout of 150 peacekeepers", "a surge of 3,000"
    before = [t.lower_ for t in doc[max(0, span.start - 2): span.start]]
    if any(w in ctx.words.increase_markers_before for w in before) and "than" not in before:
        if _verb_decreases(ctx, span, personnel) or _by_change(ctx, number, personnel) == "decrease":
            return "decrease"  # "bring a further 120 home", "shrink the force by a further 100"
        if _enumerates(ctx, span, personnel):
            return "level"  # "another 250 are flying sorties": a further group, not a change
        return "increase"  # "an additional 20 will deploy", "another 1,000"
    if any(c.lower_ in ("additional", "extra", "more", "further") for c in personnel.anchor.children if c.dep_ == "amod"):
        return "increase"
    previous = word_before(span)
    if previous is not None and previous.lower_ in ("to", "from", "at", "between", "of"):
        return "level"  # "cut from 3,000 to 2,500": both are sizes
    if _changed_to_target(ctx, span, personnel):
        return "level"  # "the 7,100 troops would be cut to 5,500": the size it starts from
    anchor = personnel.anchor
    if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in _PARTITIVES:
        return "level"  # "withdrawing most of its 250 soldiers": 250 is the force's size
    by = _by_change(ctx, number, personnel)
    if by is not None:
        return by
    if _negated(ctx, span, personnel):
        return "level"  # "India will not withdraw about 350,000 soldiers": they stay
    if _verb_decreases(ctx, span, personnel):
        return "decrease"
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is not None and anchor.head.i == verb.i and anchor.dep_ in ("dobj", "nsubjpass") and (
            verb.lemma_.lower() in ctx.words.addition_verbs or _phrasal(verb, ctx.words.increase_phrasal)
            or (verb.lemma_.lower() in ctx.words.callup_verbs and anchor.lemma_.lower() in ctx.words.reserve_nouns)):
        return "increase"  # "add 1,000 troops", "1,000 will be added", "call up 300,000 reservists"
    return "level"


def settle(figures: list[TroopFigure], words: TroopWords) -> None:
    """Kind and status for figures that report another again (found by :mod:`.discourse`): a headline
    figure says what its lede says, and so does a definite mention of a change."""
    for figure in figures:
        source = figure.same_as
        if source is not None and (figure.echo_of is not None or (
                figure.definite and source.span.start < figure.span.start and source.kind != "level")):
            figure.kind, figure.status = source.kind, source.status
    _list_status(figures, words)


def _list_status(figures: list[TroopFigure], words: TroopWords) -> None:
    """Items of a figure's list share its status: "a ceiling of 11,650 personnel, including 480 observers
    and 2,080 police" are all planned."""
    by_anchor = {f.personnel.anchor.i: f for f in figures}
    for figure in figures:
        if whole_of_part(figure.span, words):
            continue  # "4,000 of the 19,000 marines": the whole is there, whatever happens to the part
        token = figure.personnel.anchor
        for _ in range(4):
            if token.dep_ not in ("conj", "appos", "pobj", "prep") or token.head.i == token.i:
                break
            token = token.head
            head = by_anchor.get(token.i)
            if head is not None and head is not figure:
                if head.status == "planned" and figure.kind == "level":
                    figure.status = "planned"
                break
    _list_ceiling(figures)


def _list_ceiling(figures: list[TroopFigure]) -> None:
    """ "up to 19,815 military personnel, 760 observers and 391 police": "up to" governs every item of
    its list (the conventions), the items following it with only their nouns, commas and "and" between
    ("add up to 100,000 troops and 700 tanks to the 238,000 there" is no list)."""
    for before, figure in zip(figures, figures[1:]):
        between = figure.span.doc[before.span.end: figure.span.start]
        if before.quantity.qualifier == "up_to" and figure.quantity.qualifier == "exact" \
                and before.span.sent == figure.span.sent and any(t.text == "," or t.lower_ == "and" for t in between) \
                and not any(t.pos_ in ("VERB", "AUX", "ADP", "DET") or t.text in (";", ".") for t in between):
            figure.quantity = replace(figure.quantity, qualifier="up_to")
            figure.status = "planned"


def _phrasal(verb: Token, phrases: frozenset[tuple[str, ...]]) -> bool:
    """Is the verb with one of its particles one of these phrasal verbs ("scale down", "call up")?"""
    lemma = verb.lemma_.lower()
    return any((lemma, c.lower_) in phrases for c in verb.children if c.dep_ in ("prt", "advmod", "prep"))


def _content_verb(verb: Token) -> Token:
    """The verb that says what a subject does: "are due to leave" is leaving, "are scheduled to
    depart" departing, "is expected to return" returning."""
    for _ in range(3):
        nxt = next((c for c in verb.children if c.dep_ == "xcomp" and is_verb(c)), None)
        if nxt is None:
            adjective = next((c for c in verb.children if c.dep_ == "acomp"), None)
            nxt = next((c for c in adjective.children if c.dep_ == "xcomp" and is_verb(c)), None) if adjective else None
        if nxt is None:
            return verb
        verb = nxt
    return verb


def _controlled(ctx: Context, verb: Token, anchor: Token) -> Token:
    """The infinitive an object is directed to ("ordered 9,500 personnel to be removed", "wants 3,000
    troops to leave"), else the verb itself ("helped 3,000 soldiers to reach the border" stays "helped")."""
    lemma = verb.lemma_.lower()
    if lemma not in ctx.words.directive_verbs and lemma not in ctx.words.plan_verbs:
        return verb
    moves = ctx.words.departure_verbs | ctx.words.decrease_verbs | ctx.words.deploy_verbs | ctx.words.movement_verbs
    # only a move: in "authorized 3,000 troops to give the military flexibility" the infinitive is a purpose
    return next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp") and c.i > anchor.i and is_verb(c)
                 and c.lemma_.lower() in moves and any(a.tag_ == "TO" for a in c.children)), verb)


def _comes_back(verb: Token) -> bool:
    """Does a verb of coming back say the troops leave where they were: "home", "back", or, for
    "return" alone, an origin ("return to Britain from Germany"; troops "come from" 46 countries)?"""
    return any((c.dep_ in ("advmod", "prt", "npadvmod", "dobj") and c.lower_ in ("home", "back"))
               or (c.dep_ == "prep" and c.lower_ in ("from", "out") and verb.lemma_.lower() == _RETURN)
               for c in verb.children)


def _changed_to_target(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Is the figure the subject of a change with a target ("the 7,100 troops would be cut to 5,500")?"""
    anchor = personnel.anchor
    if anchor.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = _content_verb(anchor.head)
    lemma = verb.lemma_.lower()
    if lemma not in ctx.words.decrease_verbs and lemma not in ctx.words.increase_verbs:
        return False
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(t.like_num for t in c.subtree) for c in verb.children)


def _relative_clause(anchor: Token) -> Token | None:
    """The verb of a relative clause on the figure ("the two thousand who left", "the 150 troops
    they plan to deploy"): it says what these troops do, more nearly than the sentence's verb."""
    return next((c for c in anchor.children if c.dep_ == "relcl" and is_verb(c)), None)


def _verb_decreases(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Does the figure's verb take troops away: "withdraw 2,000 troops", "bring home 100 of its
    trainers", "1,000 troops will leave", "relocate 1,000 troops from Syria"?"""
    anchor = personnel.anchor
    relative = _relative_clause(anchor)
    if relative is not None and any(c.dep_ == "nsubj" and c.tag_ in ("WP", "WDT") for c in relative.children):
        # "the two thousand who left": the figure is the clause's subject
        return relative.lemma_.lower() in ctx.words.departure_verbs and not _has_destination(ctx, relative)
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is None:
        return False
    if anchor.dep_ == "dobj" and anchor.head.i == verb.i and _controlled(ctx, verb, anchor) is not verb:
        verb = _controlled(ctx, verb, anchor)  # "ordered 9,500 personnel to be removed", "wants 3,000 troops to leave"
        lemma = verb.lemma_.lower()
        if lemma in ctx.words.departure_verbs and not _has_destination(ctx, verb):
            return True
    if anchor.dep_ in ("nsubj", "nsubjpass") and is_verb(anchor.head) and anchor.head.i > anchor.i \
            and anchor.head.lemma_.lower() not in ctx.words.reporting_verbs:
        verb = anchor.head  # "wants 3,000 troops to leave": the subject's own verb, not the one before it
    lemma = verb.lemma_.lower()
    if anchor.dep_ in ("nsubj", "nsubjpass") and verb.i > anchor.i and (anchor.dep_ == "nsubj" or _content_verb(verb) is not verb):
        verb = _content_verb(verb)  # "are due to leave", "are scheduled to depart"
        lemma = verb.lemma_.lower()
        if lemma in ctx.words.return_verbs and _comes_back(verb):
            return True  # "would return to Britain from Germany", "are returning home"
        # "about 1,000 U.S. troops will leave the country", but not "left Kenya for Haiti"
        return lemma in ctx.words.departure_verbs and not _has_destination(ctx, verb)
    if lemma in ctx.words.decrease_verbs or _phrasal(verb, ctx.words.decrease_phrasal):
        return True
    # "relocate 1,000 troops from northeastern Syria": they leave that theatre
    return lemma in ctx.words.relocation_verbs and _has_origin(verb, anchor)


def _nominal_change(ctx: Context, number: Token, personnel: Personnel) -> str | None:
    for candidate in (number, personnel.anchor):
        if candidate.dep_ == "pobj" and candidate.head.lower_ == "of":
            noun = _hyphenated(candidate.head.head)
            if noun in ctx.words.decrease_nouns:
                return "decrease"
            if noun in ctx.words.increase_nouns:
                return "increase"
    return None


def status(ctx: Context, span: Span, number: Token, personnel: Personnel, kind: str, qualifier: str) -> str:
    """ "could go up to 200" is planned; "from 500" in a planned change is today's level;
    "the 5,200 troops", "its 2,000-strong air group" state the size of a force that exists
    (but "would withdraw the remaining 2,500" is a planned change)."""
    previous = word_before(span)
    if (previous is not None and previous.lower_ == "from") or whole_of_part(span, ctx.words):
        return "actual"
    if (kind == "level" and _settled(ctx, span, personnel)) or _changed_to_target(ctx, span, personnel) \
            or _negated(ctx, span, personnel):
        return "actual"  # "the 136 observers already on the ground"; "the 7,100 troops would be cut to 5,500"
    if kind == "level" and any(t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "pobj"
                               and t.head.head.lemma_.lower() in ctx.words.force_nouns
                               and t.head.head.head.head.lemma_.lower() in ctx.words.decrease_nouns
                               for t in (number, personnel.anchor)):
        return "actual"  # "demanded the departure of a U.S. force of about 5,200": the force that is there
    if kind == "level" and any(t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.lemma_.lower() in ctx.words.force_nouns
                               and any(c.dep_ == "poss" for c in t.head.head.children) for t in (number, personnel.anchor)):
        return "actual"  # "add 400 troops to its contingent of 2,800 soldiers": the force that is there
    if qualifier == "up_to":
        return "planned"  # "up to 13,730", "not exceeding 4,000": an authorised ceiling
    if previous is not None and previous.lower_ in ("to", "at") and is_verb(previous.head) and any(
            c.dep_ == "dobj" and c.lemma_.lower() in ctx.words.plan_nouns for c in previous.head.children):
        return "planned"  # "raises the limit to 850", "set the ceiling at 17,000"
    anchor = personnel.anchor
    relative = None if _sized(span) else _relative_clause(anchor)  # "the 378-strong contingent, which is due to..."
    if relative is not None and _is_planned(ctx, relative):
        return "planned"  # "the 150 troops they plan to deploy"
    if relative is not None and _simple_past(relative):
        return "actual"  # "the 2,000 who left in May"; "the 600 who remain" takes its sentence's status
    # Only the number's own phrase: in "cap the U.S. presence at 25,000" the definite
    # phrase is the force, not the figure.
    own_phrase = number.head.i == anchor.i or (number.i < anchor.i and number in anchor.subtree)
    determiners = [c for c in anchor.children if c.dep_ in ("det", "poss") and c.i < number.i] if own_phrase else []
    # ...but a subject with a bare article takes its clause's status: "The 150 troops will form a unit".
    subject = anchor.dep_ in ("nsubj", "nsubjpass") and not _sized(span)
    if kind == "level" and any(d.dep_ == "poss" or d.lower_ in ("its", "their", "his", "her", "our")
                               or (d.lower_ in ("the", "these", "those") and not subject) for d in determiners):
        return "actual"
    if any(c.dep_ == "amod" and c.lower_ in ctx.words.plan_adjectives for c in anchor.children):
        return "planned"  # "the planned 4,000 troops"
    current = number
    while current.head.i != current.i:
        current = current.head
        if current.pos_ == "NOUN" and (current.lemma_.lower() in ctx.words.plan_nouns or any(
                c.dep_ == "amod" and c.lower_ in ctx.words.plan_adjectives for c in current.children)):
            return "planned"  # "plans for 500 troops", "a planned total of 1,703"
        if current.pos_ == "NOUN" and _decided_change(ctx, current):
            return "planned"  # "approved the dispatch of 3,000 troops"
        if is_verb(current):
            break
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    if verb is not None and anchor.dep_ == "dobj" and anchor.head.i == verb.i:
        verb = _controlled(ctx, verb, anchor)  # "ordered 9,500 personnel to be removed": a plan
    return "planned" if verb is not None and _is_planned(ctx, verb) else "actual"


def _is_planned(ctx: Context, verb: Token) -> bool:
    for _ in range(3):
        if verb.dep_ in ("acl", "ccomp") and verb.head.pos_ == "NOUN" and verb.head.lemma_.lower() in ctx.words.plan_nouns:
            return True  # "a request that all 20,000 peacekeepers depart", "a plan to withdraw 9,500"
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        perfect = any(a.lemma_.lower() == "have" for a in auxes)  # "is believed to have sent": done
        if any(a.tag_ == "MD" or (a.tag_ == "TO" and not perfect) or a.lower_ == "going" for a in auxes):
            return True
        if verb.lemma_.lower() == "be" and any(c.dep_ == "xcomp" and any(a.tag_ == "TO" for a in c.children)
                                                for c in verb.children):
            return True  # "80 observers were to arrive": what is to be is a plan
        if verb.lemma_.lower() in ctx.words.promise_verbs:
            return True  # "pledged 7,600 troops": promised, not yet there
        if verb.lemma_.lower() in ctx.words.commitment_verbs:
            return not _simple_past(verb)  # "have committed 3,000", but "authorized 3,000 more" in 2009
        if any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lemma_.lower() in ctx.words.readiness_nouns
                                        for g in c.children) for c in verb.children):
            return True  # "have been put on standby"
        if verb.lemma_.lower() in ctx.words.plan_verbs and verb.tag_ != "VBD" or any(
                c.lemma_.lower() in ctx.words.plan_verbs and c.dep_ == "acomp" for c in verb.children):
            return True
        # "will send 475 more, bringing the total to 1,600": the participle shares its head's modality.
        shares_head = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
        if not shares_head or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


def _sized(span: Span) -> bool:
    """ "the 800-strong battlegroup": the size of a force that exists."""
    return any(t.lower_ == "strong" for t in span.doc[span.end: span.end + 2])


def _negated(ctx: Context, span: Span, personnel: Personnel) -> bool:
    verb = governor(span, personnel.anchor, ctx.words.reporting_verbs)
    return verb is not None and any(c.dep_ == "neg" for c in verb.children)


def _simple_past(verb: Token) -> bool:
    """ "authorized", "were committed": a past event, not a standing commitment ("has committed")."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not auxes:
        return verb.tag_ == "VBD"
    return all(a.tag_ == "VBD" and a.lemma_.lower() == "be" for a in auxes)


def _settled(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Does the figure's own clause say it is already there ("11,000 troops already deployed")?"""
    anchor = personnel.anchor
    verb = governor(span, anchor, ctx.words.reporting_verbs)
    near = [c for head in {anchor, span.root} for c in head.children]  # "the 9,000 already deployed": the number's own
    near += [c for n in near if n.dep_ in ("acl", "amod", "prep") for c in n.children]
    if verb is not None and anchor.head.i == verb.i:  # the figure's own clause, not one it hangs from
        near += list(verb.children) + [c for n in verb.children if n.dep_ == "prep" for c in n.children]
    return any(t.dep_ == "advmod" and t.lower_ in ctx.words.settled_words for t in near)


def _decided_change(ctx: Context, noun: Token) -> bool:
    """Is this noun a change or deployment that a decision governs ("announced the deployment of
    29,000", "approved the dispatch of 3,000", "a plan to withdraw")?"""
    lemma = _hyphenated(noun)
    if lemma not in ctx.words.deployment_nouns and lemma not in ctx.words.decrease_nouns \
            and lemma not in ctx.words.increase_nouns:
        return False
    verb = noun.head
    return noun.dep_ in ("dobj", "nsubjpass") and is_verb(verb) and verb.lemma_.lower() in (
        ctx.words.decision_verbs | ctx.words.commitment_verbs | ctx.words.plan_verbs)


def whole_of_part(span: Span, words: TroopWords) -> bool:
    """Is this number the whole in "X of (the) Y troops" ("2,200 of 5,200", "1,000 of the 1,550")?"""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in ("the", "its", "their", "our", "his", "her"):
        i -= 1
    if i < 1 or doc[i].lower_ != "of":
        return False
    i -= 1
    if doc[i].lower_ == "out" and i > 0:
        i -= 1
    if doc[i].lemma_.lower() in words.personnel_nouns and any(c.dep_ == "nummod" and c.like_num for c in doc[i].children):
        return True  # "4,000 soldiers of the 19,000 marines", not "four battalions of 1,000 troops"
    return doc[i].pos_ == "NUM" or any(ch.isdigit() for ch in doc[i].text)  # not "the first of 1,500"


def _has_destination(ctx: Context, verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in ctx.words.destination_preps for c in verb.children)


def _has_origin(verb: Token, anchor: Token) -> bool:
    """Does a move say where the troops leave: "from Okinawa", "out of Syria", "marines stationed in Okinawa"?"""
    if any(c.dep_ == "prep" and c.lower_ in ("from", "out") for c in verb.children):
        return True
    return any(t.dep_ == "prep" and t.lower_ in ("in", "on", "at") for t in anchor.subtree)


def _enumerates(ctx: Context, span: Span, personnel: Personnel) -> bool:
    """Is "another"/"a further" N a further group in a list of where a force is ("are there",
    "serve at the headquarters", "partner nations a further 1,800"), rather than a change?"""
    words = {t.lower_ for t in span.doc[max(0, span.start - 2): span.start]} | {t.lower_ for t in span}
    if not words & {"another", "further"}:
        return False
    verb = governor(span, personnel.anchor, ctx.words.reporting_verbs)
    if verb is None:
        return True  # elided: "and partner nations a further 1,800"
    tense_future = any(c.tag_ == "MD" or c.lower_ == "to" for c in verb.children if c.dep_ in ("aux", "auxpass"))
    return verb.lemma_.lower() in ctx.words.state_verbs and not (tense_future and verb.lemma_.lower() == "be")


def _hyphenated(token: Token) -> str:
    """A noun with the words hyphenated to it, as one lemma: "pull-out", "build-up"."""
    doc, start = token.doc, token.i
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        start -= 2
    return doc[start: token.i + 1].text.lower() if start < token.i else token.lemma_.lower()


def _by_change(ctx: Context, number: Token, personnel: Personnel) -> str | None:
    """ "boost by 500", "reinforced by 50 instructors", "shrink the force by 3,000"."""
    for candidate in (number, personnel.anchor):
        if candidate.dep_ in ("pobj", "agent") and candidate.head.lower_ == "by":
            change = change_verb(candidate.head, ctx.words.level_verbs)
            verb = change.lemma_.lower() if change is not None else ""
            if verb in ctx.words.decrease_verbs or (change is not None and _phrasal(change, ctx.words.decrease_phrasal)):
                return "decrease"  # "shrink the force by 3,000", "scale down its numbers by 3,000"
            if verb in ctx.words.increase_verbs:
                return "increase"
    return None
