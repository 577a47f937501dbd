"""Who owns the personnel a clause names, beyond the figure's own phrase: not the leader or backer of a
force ("the Kenyan-led mission"), nor a host or payer ("Qatar will pay to host ..."); the contributor a
relative clause names ("the 800 troops that Nepal contributes"), the holder of "with N troops", the
country "N are from", a mission's national contingent, the state a possessor stands for (:mod:`.states`),
and, where counts and forces are coordinated alike, each force its own count in order ("Kenya and Burundi,
contributing 1,410 and 1,020 troops"); the actor named alone before a participle's noun. :mod:`.whose` asks.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.pipeline.syntax import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, is_verb, np_tokens, relative_head, subject_of
from natoiraq.pipeline.troops.clauses import musters
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import NO_ONE
from natoiraq.pipeline.troops.shared import WHOSE_PREPS, coordinated, distributive
from natoiraq.pipeline.troops.states import possessing_state

#: After "X-": X leads or backs the force, it does not own it.
_LED = frozenset({"led", "backed", "trained", "funded", "sponsored", "supported", "commanded", "armed"})
#: After "X-": X is where the force is ("Germany-based US soldiers" are American), and says whose only alone.
_BASED = frozenset({"based", "stationed", "garrisoned", "deployed"})
#: Verbs whose "from X" says where their subject's personnel come from, whose they are.
_ORIGIN_VERBS = frozenset({"be", "come", "hail"})
#: Conjunctions that may open a gapped clause: "..., and France, 5,100", "while Spain, 600".
_GAPPING_CONJUNCTIONS = frozenset({"and", "while", "whereas", "but"})
#: The prepositions that hold a bare number after the name or phrase whose it is ("Pakistan with 1,900").
_HOLDING_PREPS = frozenset({"with", "at"})
#: words that set a number against another: a possessor of the number so compared is whose it is
_COMPARING = frozenset({"compared", "comparison", "than", "against", "versus", "vs", "vs."})
#: The word that pairs coordinated counts with coordinated owners in order, whatever they count.
_RESPECTIVELY = "respectively"


def bystander(ctx: Context, verb: Token) -> bool:
    """Does this verb's subject host, pay for or ask for troops ("Qatar will pay to host ...", "called for")?
    With a particle it is another verb: "Israel called up 300,000 reservists" mobilises its own; and so is a
    call-up verb whose object is reservists ("Kyiv called 20,000 reservists to duty")."""
    return verb.lemma_.lower() in ctx.words.bystander_verbs and not musters(ctx, verb) \
        and not any(c.dep_ == "prt" for c in verb.children)


def deploys(ctx: Context, verb: Token | None) -> bool:
    """Does the verb's own subject send or keep the troops it takes ("The UK sent 300 Marines", "Brunei keeps 900
    Gurkhas"), not have, receive or agree to them as a host may ("Kuwait received 2,000 Marines")?"""
    return verb is not None and verb.lemma_.lower() in ctx.words.deploy_verbs \
        and any(c.dep_ == "nsubj" for c in verb.children)


def leader(token: Token) -> bool:
    """Is this name the leader or backer of the phrase's force, not its owner ("UK-led", "Russian-backed")?"""
    return _after_hyphen(token) in _LED


def _after_hyphen(token: Token) -> str | None:
    """The word ``token`` is joined to by a hyphen ("led" of "UK-led"), if any."""
    doc = token.doc
    return doc[token.i + 2].lower_ if token.i + 2 < len(doc) and doc[token.i + 1].text == "-" else None


def excepted(token: Token) -> bool:
    """Is this name negated by "non-" ("the coalition's 38,000 non-US troops")?"""
    return token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "non"


def owning(ctx: Context, tokens: Iterable[Token]) -> list[Token]:
    """The words of a phrase that may name its owner: not a leader or backer ("the UK-led contingent"), nor a
    name excepted ("non-US troops"), nor a host where another name is left ("Germany-based US soldiers" are
    American; "US-based forces" still are)."""
    words = [t for t in tokens if not leader(t) and not excepted(t)]
    away = [t for t in words if _after_hyphen(t) not in _BASED]
    return away if len(away) < len(words) and ctx.mentions.actor(away) is not None else words


def owner(ctx: Context, token: Token) -> Actor | None:
    """The actor a noun phrase names as the owner of a force: not one that leads or backs it ("The Kenyan-led
    mission has 400 police officers" is the mission's, not Kenya's); else the state its possessor stands for."""
    words = owning(ctx, np_tokens(token, WHOSE_PREPS))
    return contingent(ctx, words, ctx.mentions.actor(words)) or possessing_state(ctx, token)


def contingent(ctx: Context, words: list[Token], named: Actor | None) -> Actor | None:
    """A national contingent of a mission is its country's, serving with the mission (conventions): "UNIFIL's
    Irish contingent", "MONUSCO peacekeepers from India"; ``named`` is the actor the phrase's ``words`` name."""
    ontology = ctx.mentions.ontology
    if named is None or named.force not in ontology.fielding:
        return named
    # a name that modifies the organisation's own name says whose allies, not whose contingent ("US allies")
    states = {a.force for t in words if (a := ctx.mentions.actor([t])) is not None and a.force in ontology.countries
              and ctx.mentions.actor([t.head]) != named}
    return Actor(states.pop(), named.mission, named.theatre) if len(states) == 1 else named


def provider(ctx: Context, number: Token, named: Actor) -> Actor | None:
    """The country whose own clause provides part of a mission's figure: "Italy provides 800 of KFOR's 4,500
    troops", "Of KFOR's 4,500 troops, Italy provides 800" (the number its verb's object, not the total's)."""
    if named.force not in ctx.mentions.ontology.fielding or number.dep_ != "dobj" or not is_verb(number.head):
        return None
    subject = subject_of(number.head)
    state = owner(ctx, subject) if subject is not None and subject.lower_ not in PERSONAL_PRONOUNS else None
    return Actor(state.force, named.mission, named.theatre) if state and state.force in ctx.mentions.ontology.countries \
        else None


def past_label(subject: Token | None, verb: Token) -> Token | None:
    """The subject after a line's label, which the parse may take for the subject itself: "Syria: roughly 900
    troops remain" is about troops in Syria, not Syria's (None where the label is all there is)."""
    if subject is None or subject.left_edge.i != subject.sent.start or subject.right_edge.i + 1 >= verb.i \
            or ":" not in subject.right_edge.text + subject.right_edge.nbor().text:  # may keep the colon, or "):"
        return subject
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > subject.i), None)


def holder_with(noun: Token) -> Token | None:
    """The force a "with N troops" phrase belongs to: the object of "leave X with", or the name "X with"
    (but in "the alliance's second-largest army with 355,000" the army is not the alliance's)."""
    if noun.dep_ != "pobj" or noun.head.lower_ != "with":
        return None
    head = noun.head.head
    if head.pos_ in ("NOUN", "PROPN"):
        return head
    return next((c for c in head.children if c.dep_ == "dobj"), None)


def raised(ctx: Context, noun: Token, verb: Token | None) -> Actor | None:
    """The force that personnel a change adds bring to a new size is theirs: "350 soldiers will arrive ...,
    bringing the German contingent to about 900", "800 more soldiers, which would take Brazil's contribution
    to more than 2,000" (a clause on the noun or its verb that takes an object to a number)."""
    clauses, frontier = [c for c in noun.children if c.dep_ == "relcl"], [verb] if verb is not None else []
    while frontier:  # "will arrive to reinforce the battlegroup, bringing ...": adverbial clauses nest
        frontier = [c for v in frontier for c in v.children if c.dep_ == "advcl"]
        clauses += frontier
    for clause in clauses:
        held = next((c for c in clause.children if c.dep_ == "dobj"), None)
        if held is not None and any(c.dep_ == "prep" and c.lower_ == "to" and any(t.like_num for t in c.children)
                                    for c in clause.children) and (found := owner(ctx, held)) is not None:
            return found
    return None


def relative_owner(ctx: Context, noun: Token) -> Actor | None:
    """The subject of a relative clause whose object the figure's noun is: "the 800 troops (that) Nepal
    contributes", "the 1,000 soldiers Britain keeps in Estonia"; not a host ("that Qatar hosts"); no one
    (``NO_ONE``) where it is each of several ("each side has massed")."""
    for clause in noun.children:
        if clause.dep_ != "relcl" or bystander(ctx, clause) or any(
                c.dep_ == "dobj" and c.lower_ not in RELATIVE_PRONOUNS for c in clause.children):
            continue
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if subject is not None and distributive(subject):
            return NO_ONE  # "the 50,000 soldiers each side has massed"
        if subject is not None and subject.lower_ not in RELATIVE_PRONOUNS | PERSONAL_PRONOUNS:
            return owner(ctx, subject)
    return None


def origin(ctx: Context, subject: Token) -> Actor | None:
    """The country a clause says its subject comes from or is: "3,000 are from India", "300 of them come from
    Nepal", "of which 700,000 were American" (present tense: "came from Iraq" is a move); and a part that its own
    adjective says the nationality of ("around 1,600 troops, roughly 1,000 of them German"), or a part of a
    breakdown whose "from" the parse hangs on the total's noun ("12,700 servicemen (about 7,200 from Belarus")."""
    after = subject.doc[subject.i + 1] if subject.i + 1 < len(subject.doc) else None
    if subject.dep_ == "appos" and subject.like_num and after is not None and after.dep_ == "prep" \
            and after.lower_ == "from" and after.head.i == subject.head.i:
        return ctx.mentions.actor(np_tokens(after))
    if subject.like_num and any(c.dep_ == "prep" and c.lower_ == "of" for c in subject.children):
        # the parse hangs the adjective on the number, or the number on it as a clause without a verb
        adjectives = [c for c in subject.children if c.dep_ == "amod"] + (
            [subject.head] if subject.dep_ == "nsubj" and subject.head.pos_ in ("ADJ", "PROPN") else [])
        if adjectives:
            return ctx.mentions.actor(adjectives)
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or verb.lemma_.lower() not in _ORIGIN_VERBS \
            or (verb.tag_ == "VBD" and verb.lemma_.lower() != "be"):
        return None  # "3,000 troops came from Iraq": a place they left
    source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
    if source is not None:
        return ctx.mentions.actor(np_tokens(source))
    # "of which 700,000 were American": the complement itself, not what it says more ("the largest in UNIFIL")
    complement = next((c for c in verb.children if c.dep_ in ("acomp", "attr")), None)
    return ctx.mentions.actor([complement]) if complement is not None and verb.lemma_.lower() == "be" else None


def gapped(ctx: Context, start: int) -> Actor | None:
    """The name a gapped clause pairs with the figure at token ``start``, its verb left out after a semicolon
    or a conjunction: "Germany has 1,100 soldiers in Mali; France, 5,100" gives the 5,100 to France, and so do
    "...; the Czech Republic, 400" and "..., and France, 5,100" where a figure before begins the series."""
    doc = ctx.mentions.doc
    mention = ctx.mentions.by_token.get(start - 2) if start >= 3 and doc[start - 1].text == "," else None
    if mention is None or mention.actor is None or mention.actor.force is None or mention.end != start - 1:
        return None
    before = mention.start - 1
    if before > 0 and doc[before].lower_ == "the":
        before -= 1
    if doc[before].text == ";":
        return mention.actor
    opening = doc[start].sent.start
    series = any(opening <= i < before for i in ctx.found)
    return mention.actor if doc[before].lower_ in _GAPPING_CONJUNCTIONS and series else None


def named_with(ctx: Context, number: Token) -> Actor | None:
    """The force a bare number's own words name: the name or phrase right before the "with" or "at" that holds
    it ("followed by Pakistan with 1,900", "and Iran, with about 1,000", "Ukraine's armed forces at 900,000"),
    however the parse hangs the preposition. (Not its possessor: "ahead of Lithuania's 1,100" after "Poland's
    battlegroup" names where the next battlegroup is.)"""
    if number.dep_ != "pobj" or number.head.lower_ not in _HOLDING_PREPS or number.head.i < 1:
        return None
    before = number.head.i - 1
    if number.doc[before].text == "," and before > 0:
        before -= 1
    mention = ctx.mentions.by_token.get(before)
    if mention is not None and mention.end == before + 1 and mention.actor is not None:
        return mention.actor if mention.actor.force is not None else None
    held = number.doc[before]
    return owner(ctx, held) if held.pos_ == "NOUN" else None


def compared_with(ctx: Context, number: Token) -> Actor | None:
    """The force that possesses a bare number another figure is set against ("about 610,000 troops, compared with
    Iraq's 190,000", "against Syria's 300,000"). Only in a comparison: "ahead of Lithuania's 1,100" after
    "Poland's battlegroup" names where the next battlegroup is (:func:`named_with`)."""
    if number.dep_ != "pobj" or not {number.head.lower_, number.head.head.lower_} & _COMPARING:
        return None
    possessor = next((c for c in number.children if c.dep_ == "poss"), None)
    return None if possessor is None else ctx.mentions.actor([t for t in possessor.subtree if t.dep_ != "case"])


def respective(ctx: Context, number: Token) -> Actor | None:
    """The force of one of coordinated numbers whose clause coordinates as many forces, matched in order:
    "Kenya and Burundi, contributing 1,410 and 1,020 troops (respectively)" gives the 1,020 to Burundi,
    "Britain and France will send 500 and 700 soldiers" the 700 to France, and so does a relative clause
    about coordinated forces ("Egypt and Syria, which contributed ...")."""
    items = _coordinated_items(number)
    item = number
    if len(items) < 2 or any(not t.like_num for t in items):  # "1,410 and 1,020 troops": noun phrases coordinated
        item = number.head if number.dep_ == "nummod" else number
        items = _coordinated_items(item)
    nouns = {t.lemma_.lower() for t in items if not t.like_num}
    if len(items) < 2 or not all(t.like_num or any(c.dep_ == "nummod" for c in t.children) for t in items) or (
            len(nouns) > 1 and not any(w.lower_ == _RESPECTIVELY for w in number.sent)):
        return None  # "6,000 troops and 40 aircraft" are not one count each, unless "respectively" says so
    argument = items[0].head if items[0].dep_ == "nummod" else items[0]
    verb = argument.head
    if argument.dep_ == "pobj" and verb.dep_ == "prep":  # "India and Rwanda lead, with 2,400 and 2,600 soldiers"
        argument, verb = verb, verb.head
    holder = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "PROPN" else subject_of(verb)
    if holder is not None and holder.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        holder = relative_head(holder)  # "Egypt and Syria, which contributed 38,000 and 19,000 troops respectively"
    if holder is None or holder.i == argument.i:
        return None
    names = sorted((holder, *holder.conjuncts), key=lambda t: t.i)
    actors = [ctx.mentions.actor([t]) for t in names]
    if len(actors) != len(items) or None in actors or len({a.force for a in actors}) != len(actors):
        return None
    return actors[items.index(item)]


def _coordinated_items(item: Token) -> list[Token]:
    """The items of the coordination ``item`` stands in, in order (``item`` alone where there is none); the
    parser may hang coordinated numbers on their noun side by side ("38,000 and 19,000 troops")."""
    if item.dep_ == "nummod":
        numbers = [c for c in item.head.children if c.dep_ == "nummod" and c.like_num]
        if len(numbers) > 1 and any(c.dep_ == "cc" for n in numbers for c in n.children):
            return numbers
    first = item
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    return sorted((first, *first.conjuncts), key=lambda t: t.i)


def alone_before(ctx: Context, noun: Token) -> Actor | None:
    """The actor named last before ``noun`` in its sentence, unless that name stands coordinated with another
    force's ("as agreed between the US and Japan, with the first batch involving 100 personnel")."""
    named = ctx.mentions.actor_before(noun, window=noun.i - noun.sent.start)
    if named is None:
        return None
    last = next(m for m in reversed(ctx.mentions.mentions) if m.start < noun.i and m.actor == named)
    return None if coordinated(ctx, [noun.doc[last.root]]) else named
