"""What no troop figure is, though it counts people: money and shares ("$50 million", "40 percent"), codes
("Unit 8200"), casualties, trainees and civilians (:func:`excluded`), and capacities, flows, shortfalls,
captives, separatist armies and armed groups (:func:`not_a_size`). :mod:`.counts` finds what a number
counts; this turns away what it finds but no force's size."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.parsing.dates.calendar import ORDINALS
from natoiraq.parsing.numbers import looks_like_year, parse_number
from natoiraq.pipeline.syntax import is_verb, prep_objects, subject_of
from natoiraq.pipeline.troops.clauses import perfect
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel


#: The verb whose past across a period counts everyone who ever served, not a force at one time.
_SERVE = "serve"
#: The most words of a unit's name after its number ("16 Air Assault Brigade").
_UNIT_NAME_WORDS = 4
#: "aged 19 to 30", "the ages of 18 and 27": the verb or noun of a person's years, and how a number hangs on it.
_AGE = "age"
_AGE_LINKS = frozenset({"dobj", "npadvmod", "pobj", "prep", "conj", "quantmod"})
_OF = "of"
_WHOSE = "whose"
#: "one in five soldiers": the word between the two numbers of a ratio.
_RATIO = "in"


def is_money_or_share(ctx: Context, span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    after = doc[span.end] if span.end < len(doc) else None
    texts = {t.lower_ for t in span} | {t.lower_ for t in (before, after) if t is not None}
    if texts & ctx.words.money_words or any(t.text.startswith(("$", "€", "£")) for t in span):
        return True
    if _ratio(span):
        return True
    return after is not None and after.lower_ in ("%", "percent", "per", "pc")


def _ratio(span: Span) -> bool:
    """ "one in five soldiers", "1 in 10 troops": a ratio is a share, either of its numbers (not "300 in two
    waves", where the first is no smaller, nor "1,500 in 2027")."""
    doc = span.doc
    if span.end + 1 < len(doc) and doc[span.end].lower_ == _RATIO:
        pair = (span.text, doc[span.end + 1].text)
    elif span.start >= 2 and doc[span.start - 1].lower_ == _RATIO:
        pair = (doc[span.start - 2].text, span.text)
    else:
        return False
    if looks_like_year(pair[1]):
        return False
    low, high = (parse_number(text) for text in pair)
    return low is not None and high is not None and low < high


def is_designation(ctx: Context, span: Span) -> bool:
    """A bare number after a capitalised designator names something, it counts nothing: "Unit 8200 soldiers",
    "Task Force 145", "Resolution 2100", "Hill 937". Not a number grouped in thousands, nor one after a
    named unit ("3rd Brigade 3,000", "1st Battalion 800" in a table of strengths)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start else None
    if len(span) != 1 or not span[0].text.isdigit():
        return False
    if _names_unit_after(ctx, span):
        return True
    if before is None or before.lower_ not in ctx.words.not_a_size["designator_nouns"]:
        return False
    previous = doc[before.i - 1] if before.i > 0 else None
    named = previous is not None and (previous.ent_type_ == "ORDINAL" or previous.text[:1].isdigit()
                                      or previous.lower_ in ORDINALS)
    return (before.text.istitle() or before.text.isupper()) and not named


def _names_unit_after(ctx: Context, span: Span) -> bool:
    """A bare number before a capitalised unit's name in the singular is the unit's number: "Royal Marines of
    45 Commando", "3 Commando Brigade"; not "150 Quick Reaction Force troops", which counts them, nor a
    headline's "Sends 300 Troops To Task Force"."""
    doc = span.doc
    name = []
    for token in doc[span.end: span.end + _UNIT_NAME_WORDS]:
        if not token.text.istitle():
            break
        if token.lower_.endswith("s"):
            return False  # "200 Royal Marines", "300 Special Forces": a plural counts
        name.append(token)
    if not name or name[-1].lower_ not in ctx.words.not_a_size["designator_nouns"]:
        return False
    after = doc[name[-1].i + 1] if name[-1].i + 1 < len(doc) else None
    return after is None or after.pos_ not in ("NOUN", "PROPN")


def excluded(ctx: Context, personnel: Personnel, number: Token) -> bool:
    noun = personnel.anchor
    if not_a_size(ctx, noun, number) or _age(number):
        return True
    allowed = ctx.words.allowed_modifiers.get(noun.lemma_.lower(), frozenset())  # UN "civilian police" count
    modifiers = [c for c in noun.children if c.dep_ in ("amod", "compound", "oprd")]
    if any(c.lower_ in ctx.words.excluded_modifiers and c.lower_ not in allowed and not _compounded(c)
           for c in modifiers):
        return True  # "diplomatic staff", "left 24 soldiers dead"; not "desert-trained soldiers"
    if any(ch.isdigit() for c in noun.children if c.dep_ in ("compound", "nummod") and c.i != number.i
           and not c.like_num for ch in c.text):
        return True  # "24 F-16 fighters": a model number makes them aircraft
    if noun.dep_ in ("dobj", "nsubj") and any(c.dep_ in ("oprd", "acomp") and c.lemma_.lower() in ctx.words.casualty_lemmas
                                              for c in noun.head.children):
        return True  # "left 24 soldiers dead", "30 soldiers are dead"
    if _with_civilians(ctx, noun):
        return True
    if number.lower_ == "one" and number.i + 1 < len(number.doc) and number.doc[number.i + 1].lower_ == "of":
        return True  # "every last one of our soldiers"
    # "20 soldiers were killed", "killed 20 soldiers", "soldiers killed in the attack"
    for token in (noun, number):
        head = token.head
        if token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "conj") and head.lemma_.lower() in ctx.words.casualty_lemmas \
                and not _other_number_between(token, head):
            return True
        if any(c.lemma_.lower() in ctx.words.casualty_lemmas for c in token.children if c.dep_ in ("acl", "amod", "relcl")):
            return True
        # "graduated up to 50,000 Iraqi troops": people trained are an output, not a force.
        if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in ctx.words.trained_lemmas:
            return True
        # "the training of 500 officers", "the deaths of 20 soldiers"; not the whole a partitive sets before its
        # clause ("Of the 500 troops sent, 12 were wounded")
        if token.dep_ == "pobj" and head.head.lemma_.lower() in ctx.words.trained_lemmas | ctx.words.casualty_lemmas \
                and not (head.lower_ == _OF and is_verb(head.head)):
            return True
    if noun.dep_ == "attr" and any(c.lemma_.lower() in ctx.words.casualty_lemmas for c in noun.head.children):
        return True
    # "the death toll reached 2,000 soldiers", "Russia's losses stand at 300,000 troops": a count of the harmed
    verb = _verb_of_size(noun)
    subjects = [c for c in verb.children if c.dep_ == "nsubj"] if verb is not None else []
    return any(w.lemma_.lower() in ctx.words.casualty_lemmas for s in subjects
               for w in (s, *(c for c in s.children if c.dep_ in ("compound", "amod"))))


def _age(number: Token) -> bool:
    """A person's years size no force: "soldiers aged 19 to 30", "between the ages of 18 and 27", and the
    model's date of a number set off after one person ("the soldier, 24, was from Ohio")."""
    if number.dep_ == "appos" and number.head.tag_ == "NN" and number.ent_type_ == "DATE":
        return True
    token = number
    while token.dep_ in _AGE_LINKS and token.head.i != token.i:
        token = token.head
        if token.lemma_.lower() == _AGE:
            return True
    return False


def _verb_of_size(noun: Token) -> Token | None:
    """The verb whose object or complement a count is: "reached 2,000 soldiers", "stand at 300,000 troops"."""
    if noun.dep_ in ("dobj", "attr"):
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("VERB", "AUX"):
        return noun.head.head
    return None


def not_a_size(ctx: Context, noun: Token, number: Token) -> bool:
    """Capacities, flows, shortfalls, captives, separatist armies and armed groups count personnel but size no
    force: "a base capable of hosting up to 10,000 troops", "room for 5,000", "5.3 million servicemen passed
    through", "has sent 50,000 since 1990", "8,500 troops short", "40 soldiers held hostage", "the separatist
    army numbers 20,000"."""
    words = ctx.words.not_a_size
    doc = noun.doc
    # "the separatist army numbers 20,000", "the breakaway republic's army of 15,000 men"
    holders = [noun]
    if noun.dep_ == "pobj" and noun.head.lower_ == "of":
        holders.append(noun.head.head)
    if noun.dep_ in ("dobj", "attr"):
        # a conjoined or controlled verb's subject too: "militants have killed 3,100 people and driven 800,000
        # from their homes", "the militia is believed to have 10,000 armed men"
        subject = subject_of(noun.head)
        holders += [subject] if subject is not None else []
    holders += [o for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                for o in c.children if o.dep_ == "pobj"]
    # "militants, whose armed strength the military puts at fewer than 100": the size a verb's "at" gives
    if number.dep_ == "pobj" and number.head.dep_ == "prep" and number.head.head.pos_ in ("VERB", "AUX"):
        holders += [a for a in number.head.head.children if a.dep_ in ("dobj", "nsubj", "nsubjpass")]
    holders += [_whose(c) for h in holders for c in h.children if c.dep_ == "poss"]
    # "the rebel army", and armed groups themselves: "the rebels have 3,000 fighters", "fighters of the militants"
    if any(c.lower_ in words["separatist_words"] for h in holders for c in h.children
           if c.dep_ in ("amod", "compound")) or any(h.lemma_.lower() in words["separatist_words"] for h in holders):
        return True
    after = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if after is not None and after.lower_ in words["shortfall_words"]:
        return True  # "8,500 troops short of the minimum"
    for token in (noun, number):
        head = token.head
        if token.dep_ == "pobj" and head.head.lemma_.lower() in words["capacity_nouns"] | words["shortfall_words"]:
            return True  # "a capacity of 10,000 troops", "a shortfall of 2,000 soldiers"
        if token.dep_ == "dobj" and head.lemma_.lower() in words["shortfall_verbs"]:
            return True  # "the mission lacks some 2,000 peacekeepers"
        verb = _capacity_verb(token)
        if verb is not None and verb.lemma_.lower() in words["capacity_verbs"] and (
                any(c.dep_ == "aux" and c.lower_ in words["capability_words"] for c in verb.children)
                or any(a.lemma_.lower() in words["capability_words"] or a.lower_ in words["capability_words"]
                       for a in list(verb.ancestors)[:3])):
            return True  # "capable of hosting up to 10,000", "can hold up to 6,000", "built to house 8,000"
    if _captive(words, noun, number) or _cumulative(words, noun, number):
        return True
    # the verbs the personnel are subject of: "servicemen passed", "sailors expected to visit"
    verbs = [noun.head] if noun.dep_ in ("nsubj", "nsubjpass") else []
    verbs += [v for c in noun.children if c.dep_ == "acl" for v in (c, *(x for x in c.children if x.dep_ == "xcomp"))]
    for verb in verbs:
        lemma = verb.lemma_.lower()
        if lemma in words["visit_verbs"] or lemma in words["flow_verbs"] and any(
                c.dep_ in ("prep", "prt") and c.lower_ in words["flow_preps"] for c in verb.children):
            return True  # "5.3 million servicemen passed through the camp", "9,000 sailors expected to visit"
    return False


def _whose(owner: Token) -> Token:
    """The noun a "whose" stands for: the one its relative clause describes."""
    clause = next((a for a in owner.ancestors if a.dep_ == "relcl"), None) if owner.lower_ == _WHOSE else None
    return clause.head if clause is not None else owner


def _capacity_verb(token: Token) -> Token | None:
    """The verb a count is the object of: "can accommodate 5,000", and "can hold up to 6,000", which the parse
    reads as the particle "up" and a "to" phrase."""
    if token.dep_ == "dobj":
        return token.head
    if token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.dep_ == "prep" \
            and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.head.head.children):
        return token.head.head
    return None


def _captive(words: dict[str, frozenset[str]], noun: Token, number: Token) -> bool:
    """Captives are no force: "300 soldiers have been taken prisoner", "40 soldiers held hostage", "1,200 of
    its soldiers are held as prisoners of war", "the army freed 40 soldiers"."""
    for token in (noun, number):
        verbs = [token.head] if token.dep_ in ("nsubj", "nsubjpass", "dobj") else []
        verbs += [c for c in token.children if c.dep_ in ("acl", "relcl")]
        for verb in verbs:
            if token.dep_ == "dobj" and verb.i == token.head.i and verb.lemma_.lower() in words["release_verbs"]:
                return True
            # what the clause says the figure is; an active subject's object is someone else ("guard 500 prisoners")
            subject = token.dep_ == "nsubj" and verb.i == token.head.i
            said = [c for c in verb.children if c.dep_ in ("oprd", "attr") or (c.dep_ == "dobj" and not subject)]
            said += prep_objects(verb, "as")
            if any(c.lemma_.lower() in words["captive_words"] for c in said):
                return True
    return False


def _cumulative(words: dict[str, frozenset[str]], noun: Token, number: Token) -> bool:
    """A total over a period is a flow, not a size (conventions): "the UN has sent more than 50,000 peacekeepers
    since 1990", "80,000 soldiers have served with the mission over the years"; the perfect ("has sent") and a
    period from a year or of years mark it, as does a past of serving across years ("620,000 soldiers served
    in Afghanistan between 1979 and 1989")."""
    for token in (noun, number):
        verb = token.head
        if token.dep_ not in ("nsubj", "dobj") or verb.lemma_.lower() not in words["cumulative_verbs"]:
            continue
        done = perfect(verb)
        served = verb.lemma_.lower() == _SERVE and (done or verb.tag_ == "VBD")
        # "have served in 49 missions since 1950": the parse may hang the period on the verb's place
        preps = [c for c in verb.children if c.dep_ == "prep"]
        preps += [p for c in preps for o in c.children if o.dep_ == "pobj" for p in o.children if p.dep_ == "prep"]
        for prep in preps:
            objects = [o for o in prep.children if o.dep_ == "pobj"]
            years = any(o.like_num and len(o.text) == 4 for o in objects)
            if done and prep.lower_ == "since" and years:
                return True  # "since 1990"
            if done and prep.lower_ in ("over", "across") and any(
                    o.lemma_.lower() in words["period_nouns"] for o in objects):
                return True  # "over the years", "over the past two decades"
            if served and prep.lower_ in ("between", "from") and years:
                return True  # "served in Afghanistan between 1979 and 1989"
    return False


def _with_civilians(ctx: Context, noun: Token) -> bool:
    """A mixed civilian-plus-uniformed total is no force's size (conventions): "3,200 personnel, including
    observers, troops and civilians"; the UN's "civilian police" are police."""
    listed = [t for c in noun.children if c.lower_ == "including" for t in c.subtree]
    return any(t.lemma_.lower() == "civilian" and (t.pos_ == "NOUN" or t.head.lemma_.lower() not in ctx.words.allowed_modifiers)
               for t in listed)


def _compounded(modifier: Token) -> bool:
    """Is the modifier the end of a hyphenated compound ("desert-trained", "US-trained")? It then says what
    kind of soldiers they are, not that they are trainees, veterans or casualties."""
    doc = modifier.doc
    return modifier.i >= 2 and doc[modifier.i - 1].text == "-" and not doc[modifier.i - 2].whitespace_


def _other_number_between(token: Token, verb: Token) -> bool:
    """ "700 peacekeepers served ..., and 47 lost their lives": the casualty verb is the other number's (not that
    of a number in the same subject: "three soldiers and two civilians were killed")."""
    low, high = sorted((token.i, verb.i))
    own = range(token.left_edge.i, token.right_edge.i + 1)
    return any(t.like_num and t.pos_ == "NUM" and t.head.i != token.i and t.i not in own
               for t in token.doc[low + 1: high])
