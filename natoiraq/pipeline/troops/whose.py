"""Whose troops: the force a figure belongs to.

The figure's own phrase first ("U.S. troops", "NATO's trainers", "troops from
Denmark"), then the actor its clause is about ("NATO had roughly 500 trainers"),
through relative clauses and pronouns; a figure two forces share (:mod:`.shared`) is no one's.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.syntax import (
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    governing_verb,
    governor,
    np_tokens,
    relative_clause,
    relative_head,
    subject_of,
)
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.sizes import antecedent
from natoiraq.pipeline.troops.figure import CLAUSE, CONTEXT, EACH, NO_ONE, PHRASE, SHARED, Personnel
from natoiraq.pipeline.troops.nouns import force_of, is_force_noun, is_personnel, names_service
from natoiraq.pipeline.troops.phrases import number_head
from natoiraq.pipeline.troops.organisations import described, many_states, multinational
from natoiraq.pipeline.troops.owners import (
    alone_before, bystander, compared_with, contingent, deploys, gapped, holder_with, named_with, origin, owner, owning,
    past_label, provider, raised, relative_owner, respective,
)
from natoiraq.pipeline.troops.states import own_possessed, possessing_state, speakers_state
from natoiraq.pipeline.troops.subjects import hosts
from natoiraq.pipeline.troops.shared import WHOSE_PREPS, broken_down, coordinated, distributive, joint_exercise, pooled
from natoiraq.knowledge.ontology import Actor

_OF_ONLY = frozenset({"of"})


Found = tuple[Actor, str]  # the actor, and how it was found: PHRASE, CLAUSE, CONTEXT, SHARED or EACH


def propose(ctx: Context, span: Span, personnel: Personnel) -> Found | None:
    """The force a figure's own words give it: its phrase and clause, else the figure it continues
    (:mod:`.discourse` settles the figures this leaves open)."""
    if personnel.inherited_force == NO_ONE:
        # "South Africa will send 256 soldiers, Tanzania and Gambia 196": a line of a breakdown by country, no
        # one's, and no more the mission's total than the lines around it
        return NO_ONE, EACH
    number = number_head(span)
    each = respective(ctx, number)
    if each is not None:  # "Kenya and Burundi, contributing 1,410 and 1,020 troops": each its own
        return each, CLAUSE
    source = origin(ctx, number) or origin(ctx, personnel.anchor) or gapped(ctx, span.start)
    if source is not None:  # "Of the 17,000 MONUSCO troops, 3,000 are from India": India's, not the total's
        return source, CLAUSE
    found = None
    if personnel.borrowed or personnel.inherited_force is None:
        # "Britain contributes about 250 of them": the clause names its own force
        found = force(ctx, personnel, governor(span, personnel.anchor, ctx.words.reporting_verbs))
    elif personnel.unit is None:
        found = _own_subject(ctx, personnel)  # "... and the Soviet Union has 570,000"
    if found is None and personnel.inherited_force is not None:
        found = personnel.inherited_force, CONTEXT if personnel.borrowed else PHRASE
    if found is None and joint_exercise(ctx, personnel.anchor):
        return NO_ONE, SHARED  # "the joint drills involve about 13,000 troops": no one state's total
    if found is not None and (part := provider(ctx, number, found[0])) is not None:
        found = part, CLAUSE  # "Italy provides 800 of KFOR's 4,500 troops": Italy's contingent of KFOR
    if found is not None and found[0].force in ctx.mentions.ontology.countries and many_states(personnel.anchor):
        found = None  # "the Turkish general took command of the 4,000-strong international force": no one country's
    if found is not None and found[1] == SHARED:
        # two countries' troops for one mission: "committed 3,000 troops to the African Union mission"
        served = _served(ctx, governor(span, personnel.anchor, ctx.words.reporting_verbs))
        if served is not None:
            return served, CLAUSE
    return found


def _own_subject(ctx: Context, personnel: Personnel) -> Found | None:
    """An elided figure with a verb and subject of its own ("the US has 330,000 troops in Europe and the
    Soviet Union has 570,000", "in Somalia, where Ethiopia has 3,000"), or a name of its own that holds it
    ("followed by Pakistan with 1,900"): that subject's or name's, not its antecedent's."""
    # "followed by Pakistan with 1,900", "and Iran, with about 1,000", "compared with Iraq's 190,000"
    named = named_with(ctx, personnel.anchor) or compared_with(ctx, personnel.anchor)
    if named is not None:
        return _clause(named) if named != personnel.inherited_force else None
    verb = personnel.anchor.head
    if personnel.anchor.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX") or \
            verb.dep_ not in ("conj", "ccomp", "advcl", "relcl", "ROOT") or hosts(ctx, verb, personnel.inherited_force):
        return None  # "Germany has 35,000 US troops; Japan has 54,000": a host's, as the clause before it says
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and subject.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        # "Hungary has 400 soldiers in the mission, which numbers about 4,500": the mission's
        holder = relative_head(subject)
        named = owner(ctx, holder) or described(ctx, holder)
        return _clause(named) if named is not None and named != personnel.inherited_force else None
    if subject is not None:
        words = list(np_tokens(subject, WHOSE_PREPS))
    else:  # the parser may hang the second subject on the first clause's object: the name right before the verb
        start = verb.i
        while start > verb.sent.start and verb.doc[start - 1].pos_ in ("PROPN", "DET", "ADJ"):
            start -= 1
        words = list(verb.doc[start: verb.i])
    named = ctx.mentions.actor(words)
    if named is None and subject is None:  # a name the parse hung in a place's role is still the subject here
        places = [m.place.location for t in words if (m := ctx.mentions.by_token.get(t.i)) is not None and m.place]
        named = ctx.mentions.ontology.actor(places[0]) if places else None
    return _clause(named) if named is not None and named != personnel.inherited_force else None


def _predicated_subject(noun: Token) -> Token | None:
    """The subject a predicate noun describes ("Indonesia" of "Indonesia is the largest contributor")."""
    if noun.dep_ != "attr":
        return None
    return next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def _served(ctx: Context, verb: Token | None) -> Actor | None:
    """The organisation a clause sends troops to or with ("to the African Union mission", "with UNIFIL")."""
    if verb is None:
        return None
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "with", "for"):
            actor = ctx.mentions.actor(np_tokens(prep))
            if actor is not None and actor.force not in ctx.mentions.ontology.countries:
                return actor
    return None


def force(ctx: Context, personnel: Personnel, governing: Token | None = None, titled: bool = True) -> Found | None:
    """Whose the figure's noun is (``titled``: with a service its own capitalised name gives, "8,600 Marines")."""
    noun = personnel.anchor
    named = _named_in_phrase(ctx, noun, governing, titled)
    if titled and named is not None and names_service(ctx, noun) and deploys(ctx, governing or governing_verb(noun)[0]) \
            and _named_in_phrase(ctx, noun, governing, False) is None:
        # "The UK sent 300 Marines": a state that sends or keeps them, over the state a service's name stands for
        stated = force(ctx, personnel, governing, titled=False)
        return stated if stated is not None and stated[1] == CLAUSE and _state(ctx, stated[0]) else named
    if named is None or (named[0].force is not None and named[0].force not in ctx.mentions.ontology.countries):
        # "the 800 blue helmets that Nepal contributes": the contributor's, more than the organisation's
        contributor = relative_owner(ctx, noun)
        if contributor is not None:  # "the 50,000 soldiers each side has massed": each's, no one force's
            return contributor, EACH if contributor == NO_ONE else CLAUSE
    if named:
        return named
    holder = holder_with(noun)
    if holder is not None:  # "the cut leaves ATMIS with about 17,600 troops": ATMIS's troops
        # "Italy's mission, with about 250 soldiers": a state that owns the holder owns them
        named = ctx.mentions.actor([holder]) or described(ctx, holder) or _state(ctx, owner(ctx, holder))
    # "350 soldiers will arrive, bringing the German contingent to 900": the force they bring to a size
    named = named or raised(ctx, noun, governing or governing_verb(noun)[0])
    if named:
        return named, CLAUSE
    # Otherwise the actor the clause is about: "NATO had roughly 500 trainers".
    current = noun
    for step in range(5):
        verb = governing if step == 0 and governing is not None else governing_verb(current)[0]
        if verb is None:
            root = noun.sent.root
            if root.i == noun.i or not any(c.dep_ in ("nsubj", "nsubjpass") for c in root.children):
                # No verb at all (a headline): the actor in the sentence's root phrase is the best evidence left.
                return _clause(owner(ctx, root)) if root.i != noun.i else None
            verb = root  # "the collective force numbers 2,000 servicemen", the verb parsed as a noun: its subject's
        if bystander(ctx, verb):
            return None  # "Tokyo pays for hosting 54,000 troops": a host or payer is not the force
        if step > 0 and current.dep_ == "ccomp" and verb.lemma_.lower() in ctx.words.reporting_verbs:
            return None  # "a Ukrainian assessment says there are 106,000 troops": a speaker is not the force
        if verb.dep_ == "acl" and verb.head.lemma_.lower() in ctx.words.bystander_verbs:
            return None  # "Kabila's request that all 20,000 peacekeepers depart": who asks does not own them
        if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
            # "the UN mission made up of 14,000 peacekeepers": the noun the participle describes; but in
            # "Indonesia is UNIFIL's biggest contributor, supplying 1,215" that noun only predicates its subject's
            named = owner(ctx, _labelled(verb.head, verb))
            subject = _predicated_subject(verb.head)
            contributor = owner(ctx, subject) if subject is not None else None
            if contributor is not None:  # the contingent keeps the mission it contributes to
                named = Actor(contributor.force, named.mission, named.theatre) if named is not None else contributor
            if named is None:  # "what United Nations commanders called ... a force numbering 13,000"
                named = alone_before(ctx, verb.head)
            if named:
                return named, CLAUSE
        subject = past_label(subject_of(verb), verb)
        if subject is None:
            current = verb  # "..., including 26,000 soldiers": keep climbing
            continue
        if subject.lower_ in RELATIVE_PRONOUNS and relative_clause(subject) is not None:
            holder = relative_head(subject)  # "countries that provide ..." -> countries
            if coordinated(ctx, [holder]):
                return NO_ONE, SHARED  # "the Danes and Estonians, who have 750 troops between them"
            if (pooling := pooled(holder, verb, noun)) is not None:
                return NO_ONE, pooling  # "European armies, which together have 1.5 million": no one's
            named = owner(ctx, holder)
            if named:
                return named, CLAUSE
            if (referred := described(ctx, holder)) is not None:
                return referred, CONTEXT  # "The mission, which has about 14,000 troops": the mission named before
            current = holder
            continue
        if distributive(subject):
            return NO_ONE, EACH  # "... and each has over 1,000 troops in the country"
        if subject.lower_ in PERSONAL_PRONOUNS:
            referent = antecedent(ctx, subject) if step == 0 else None
            if referent is not None and referent.anchor.i == noun.i:
                continue  # "NATO does have trainers ..., they number less than 20": go to the trainers' clause
            return _pronoun_force(ctx, subject, noun)
        if noun in subject.subtree:
            return None  # "Some 2,000 Marines are aboard", "The withdrawal of 2,000 troops began": searched
        if coordinated(ctx, list(np_tokens(subject, WHOSE_PREPS))):
            return NO_ONE, SHARED  # "The US and France each have over 1,000 troops"
        if (pooling := pooled(subject, verb, noun)) is not None:
            return NO_ONE, pooling  # "NATO's European members together have 1.9 million": no one force's total
        named = owner(ctx, subject) or speakers_state(ctx, subject, verb)
        if named is None and (referred := described(ctx, subject)) is not None:
            return referred, CONTEXT  # "The mission says its 10,000 personnel ..."
        return _clause(named)
    return None


def _labelled(noun: Token, verb: Token) -> Token:
    """The name after a label's colon that the parse hangs on the label: "Somalia: Ethiopia to keep troops"
    is Ethiopia keeping them."""
    after = [c for c in noun.children if c.dep_ == "appos" and c.pos_ == "PROPN" and noun.i < c.i < verb.i
             and any(t.text == ":" for t in noun.doc[noun.i + 1: c.i])]
    return after[0] if after else noun


def _state(ctx: Context, actor: Actor | None) -> Actor | None:
    return actor if actor is not None and actor.force in ctx.mentions.ontology.countries else None


def _clause(actor: Actor | None) -> Found | None:
    return (actor, CLAUSE) if actor is not None else None


def _named_in_phrase(ctx: Context, noun: Token, governing: Token | None, titled: bool) -> Found | None:
    """An actor inside the figure's own phrase: "U.S. troops", "Nato's trainers", "troops from Denmark",
    "a U.S. force of 5,200 soldiers" (and "8,600 Marines" where ``titled``); but not "withdraw troops from
    Syria" (a place left)."""
    verb = governing or governing_verb(noun)[0]
    # "withdraw troops from Syria", "the withdrawal of 2,000 troops from Iraq": a place left, not whose
    # ... and "a 2,000 troop withdrawal from Iraq", where the change noun is the phrase's own head
    moving = (verb is not None and verb.lemma_.lower() in ctx.words.movement_verbs) or (
        noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ctx.words.decrease_nouns) \
        or noun.lemma_.lower() in ctx.words.decrease_nouns \
        or (noun.dep_ == "compound" and noun.head.lemma_.lower() in ctx.words.decrease_nouns)
    preps = _OF_ONLY if moving else WHOSE_PREPS
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in ctx.words.size_nouns:
        noun = noun.head  # "Russian troop numbers have risen to 18,000": the numbers' phrase names whose
    # "the UK-led contingent"; the noun itself where it names a service ("8,600 Marines", not "500 marines")
    phrase = owning(ctx, (t for t in np_tokens(noun, preps) if t.i != noun.i or titled and noun.is_title))
    if coordinated(ctx, phrase) or broken_down(ctx, noun):
        return NO_ONE, SHARED  # "1,500 Russian and Uzbek troops"
    if multinational(noun):  # "60,000 international troops": an organisation's, never one country's
        phrase = [t for t in phrase if (a := ctx.mentions.actor([t])) is None or a.force not in ctx.mentions.ontology.countries]
    named = contingent(ctx, phrase, ctx.mentions.actor(phrase))
    if named is None and noun.dep_ == "appos" and (is_force_noun(ctx, noun.head) or is_personnel(ctx, noun.head)):
        named = owner(ctx, noun.head)  # "the Russian contingent, some 1,500 troops from airborne units": the same force
    sized = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if named is None and sized is not None and (force_of(ctx, noun) or sized.lemma_.lower() in ctx.words.size_nouns):
        # "the UNIFIL strength of 12,000 troops", "a Dutch task group of 900 sailors"
        named = ctx.mentions.actor(owning(ctx, np_tokens(sized, _OF_ONLY)))
    if named is not None:
        return named, PHRASE
    possessor = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their", "our")), None)
    if possessor is not None and possessor.lower_ == "our":  # "'Our 900 troops will stay,' the minister said"
        found = speakers_state(ctx, possessor, verb) if verb is not None else None
        return (found, CLAUSE) if found is not None else None
    if possessor is not None and own_possessed(noun) and verb is not None:
        # "Somali officials said their own army of about 20,000 was not ready": the speakers' state's
        found = speakers_state(ctx, noun, verb)
        if found is not None:
            return found, CLAUSE
    if possessor is not None:
        return _pronoun_force(ctx, possessor, noun)
    return _clause(possessing_state(ctx, noun))  # "the country's army of 33,000", "whose army numbers 45,000"


def _pronoun_force(ctx: Context, pronoun: Token, noun: Token) -> Found | None:
    """ "it will withdraw 2,000 troops": "it" is the actor named before; "they number
    less than 20": "they" are the personnel named before, whose force we then find."""
    if pronoun.dep_ == "nsubj" and (speaking := speakers_state(ctx, pronoun, pronoun.head)) is not None:
        return speaking, CLAUSE if speaking.force else SHARED  # "Britain says it has sent 300": who says it
    if pronoun.lower_ in ("they", "them", "their", "these", "those"):
        referent = antecedent(ctx, pronoun)
        if referent is not None and referent.anchor.i != noun.i:
            return force(ctx, referent)
    if pronoun.dep_ == "poss":
        # "NATO ... will move some of its 500 personnel": "its" is the clause's subject.
        verb, _ = governing_verb(pronoun)
        subject = subject_of(verb) if verb is not None else None
        if subject is not None and subject.lower_ not in PERSONAL_PRONOUNS:
            named = owner(ctx, subject)
            if named:
                return named, CLAUSE
    if pronoun.lower_ in ("they", "their", "them"):
        last = next((m for m in reversed(ctx.mentions.mentions) if m.start < pronoun.i and m.actor is not None), None)
        if last is not None and coordinated(ctx, [pronoun.doc[last.root]]):
            return NO_ONE, SHARED  # "Uganda and Burundi said they have committed 3,000 troops"
    before = ctx.mentions.actor_before(pronoun)
    return (before, CONTEXT) if before is not None else None
