"""What a number counts.

A number is a troop figure when the parse ties it to personnel: a personnel noun
it modifies ("450 more U.S. troops"), a force it measures ("the 3,100-strong
contingent", "a force of 5,000"), the subject of a size verb ("they number less
than 20": :mod:`.sizes`), or the figure it continues ("and about 900 in Syria": :mod:`.elided`).
:mod:`.nouns` says which nouns name personnel; :mod:`.exclusions` turns away casualties,
money, shares and people trained.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.parsing.numbers import looks_like_year, parse_number
from natoiraq.pipeline.syntax import is_verb, noun_after, subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.elided import HEADER_MARK, elided
from natoiraq.pipeline.troops.figure import Personnel
from natoiraq.pipeline.troops.nouns import (composes_force, counts_people, force_of, is_force_noun, is_personnel,
                                            part_of_personnel, sizes_force, unit)
from natoiraq.pipeline.troops.records import speaker
from natoiraq.pipeline.troops.sizes import antecedent, misread_verb, passed_mark, personnel_in, predicated

_NUMBER_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "appos", "npadvmod", "advmod", "det"})
# Collective nouns a bare number can size: "a 5k force", but not "four battalions".
_SIZED_BY_NUMBER = frozenset({"force", "contingent", "garrison", "deployment"})
#: Below this, a number of "forces" counts forces ("two international forces"), not people.
_FEW_FORCES = 10
#: "nearly 40,000 in number", "some 900 in strength": an appositive number that sizes its noun.
_SIZE_WORDS = frozenset({"number", "strength", "total", "all"})
_COORDINATORS = frozenset({"and", "or", ","})
_CELL_MARK = "|"
_SET_OFF_MARKS = frozenset({",", "-", "\u2013", "\u2014"})
_IN_UNIFORM = ("in", "uniform")
_AT = "at"


def personnel(ctx: Context, span: Span, number: Token) -> Personnel | None:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    hyphenated = after is not None and after.text in ("-", "\u2013") and span.end + 1 < len(doc)
    word = doc[span.end + 1] if hyphenated else after  # the word the number is compounded with, if any
    # "the 3,100-strong U.S. contingent" (also written "3,100 strong")
    if word is not None and word.lower_ == "strong":
        # "is ~33K strong", or "was 12,000 strong" parsed as a number with "strong" on it
        on_number = word.head.i == number.i
        verb = word.head if word.dep_ == "acomp" else number.head if on_number and number.dep_ == "attr" else None
        subject = subject_of(verb) if verb is not None else None
        # the parse hangs "strong" on the noun, or on a number it sets beside the noun ("the brigade, some 4,000 strong")
        holder = number.head if on_number and number.dep_ == "appos" else word.head
        if subject is not None and subject.pos_ == "NOUN":
            noun = subject  # "the group near Kursk is ~33K strong": what is that strong is the subject
        elif holder.i < span.start and holder.pos_ in ("NOUN", "PROPN"):
            # "the contingent, about 750 strong, reached the capital": set off after its noun, it sizes that noun
            # and nothing after it ("the convoy, 40 strong, left the base"); a mission by its name too ("MINUSMA,
            # 11,000 strong at its height, left")
            named = ctx.mentions.actor([holder])
            mission = named is not None and named.mission is not None
            force = is_personnel(ctx, holder) or is_force_noun(ctx, holder) or mission
            noun = holder if force else None
        else:
            noun = noun_after(word)
        return Personnel(doc[noun.i: noun.i + 1], noun) if noun is not None else None
    # "the group of forces is 36,000 men strong": a personnel noun before "strong" sizes the force
    if word is not None and not hyphenated and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "strong" \
            and word.lemma_.lower() in ctx.words.personnel_nouns:
        return Personnel(doc[word.i: word.i + 1], word)
    # "a 200-soldier contingent"; "a 3,000-man force", "a 1,600 troop cut": a personnel noun compounded
    # into a force or its change ("troop carriers" are vehicles)
    if hyphenated and is_personnel(ctx, word, compound=True) or word is not None and sizes_force(ctx, word):
        head = word.head if word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i else word
        return Personnel(doc[word.i: word.i + 1], head)
    if number.dep_ == "quantmod" and number.head.like_num and number.head.head.i > number.head.i \
            and is_personnel(ctx, number.head.head):
        noun = number.head.head  # "from about 5,200 to 3,000 troops", parsed as one range
        return Personnel(unit(ctx, noun), noun)
    noun = _quantified_noun(span, number)
    if noun is not None and noun.i < number.i and doc[noun.i + 1].text == HEADER_MARK \
            and speaker(ctx, doc[noun.i: noun.i + 1]):
        noun = None  # "A: About 900": a turn's label, not what the answer to the question before counts
    if noun is None:
        # "contributing 1,410 and 1,020 troops": the parse coordinates the first number with the second's noun
        noun = next((c for c in number.children if c.dep_ == "conj" and c.pos_ == "NOUN"
                     and any(n.like_num and n.dep_ == "nummod" for n in c.children)), None)
    # "400 Norwegian and 250 Danish troops": the parse hangs the first number on nothing, or on its nationality
    if (noun is None or noun.i == span.end and noun.ent_type_ == "NORP") \
            and (shared := _shared_noun(ctx, span)) is not None:
        noun, nationality = shared
        # the force is the number's own nationality, not the one the shared noun's phrase names
        return Personnel(unit(ctx, noun), noun, ctx.mentions.actor(nationality))
    if noun is not None and noun.ent_type_ == "DATE" and number.ent_type_ != "DATE":
        noun = None  # "5,000 troops will leave this year, 3,000 next year": a gapped figure before its date
    if noun is not None:
        if noun.lemma_.lower() == "force" and noun.tag_ == "NNS" and number.head.i == noun.i:
            # "two international forces" counts forces; "around 7,000 forces" their people
            if (parse_number(number.text) or _FEW_FORCES) < _FEW_FORCES:
                return None
            return Personnel(doc[noun.i: noun.i + 1], noun)
        if is_personnel(ctx, noun):
            return Personnel(unit(ctx, noun), noun)
        # "350 military and 260 police observers", "5,000 Royal Navy and Fleet Auxiliary
        # sailors"): the noun the coordination shares comes last, where the noun stands as a modifier beside its
        # own ("police"), not as a thing counted in a list ("30 ships, 150 aircraft and 12,000 troops")
        shared = next((c for c in noun.children if c.dep_ == "conj" and is_personnel(ctx, c)
                       and any(m.dep_ in ("compound", "amod") and m.tag_ == noun.tag_ for m in c.children)), None)
        if shared is not None and noun.tag_ in ("NN", "NNP"):
            return Personnel(doc[shared.i: shared.i + 1], shared)  # "observers": the 350 are not police
        if counts_people(ctx, noun) and _military_clause(ctx, noun):
            # "392 Rwandans" are Rwanda's: the noun names the force itself
            return Personnel(unit(ctx, noun), noun, ctx.mentions.actor([noun]))
        if noun.lemma_.lower() in ctx.words.belonging_personnel and _military_clause(ctx, noun):
            return Personnel(unit(ctx, noun), noun)  # "Italy sent 400 men to Afghanistan"
        if noun.lemma_.lower() in _SIZED_BY_NUMBER and noun.tag_ == "NN" and number.head.i == noun.i and number.dep_ in ("nummod", "compound"):
            return Personnel(doc[noun.i: noun.i + 1], noun)  # "a 5k force"; "four battalions" counts units
        if number.dep_ == "appos" and noun.tag_ == "NN" and is_force_noun(ctx, noun) and not looks_like_year(number.text):
            return Personnel(doc[noun.i: noun.i + 1], noun)  # "the Australian contingent, now 450, trains ..."
        if (passed := passed_mark(ctx, noun)) is not None:
            return passed  # "troop numbers passed the 100,000 mark"
        # "the UN peacekeepers number about 10,000": the parse sets the number beside a verb it reads as a noun
        return misread_verb(ctx, number) if noun.i < number.i else None
    # "the first advisers, around a hundred, arrived", "deployed troops — around 2,000 — to the capital": a size
    # set off by commas or dashes after its noun; "Chinese peacekeepers: 1,050 in South Sudan, 420 in Lebanon": a
    # header's personnel before a colon
    mark = doc[span.start - 1].text if span.start > 1 else ""
    closed = span.end < len(doc) and doc[span.end].text == mark
    if (mark in _SET_OFF_MARKS and closed or mark == HEADER_MARK) and is_personnel(ctx, doc[span.start - 2]):
        noun = doc[span.start - 2]
        return Personnel(unit(ctx, noun), noun)
    # "troop levels, now at 2,500, will not change": a size set off after what it sizes, with its "at"
    lead = span.start - 1
    while lead > 1 and (doc[lead].lower_ == _AT or doc[lead].pos_ == "ADV"):
        lead -= 1
    set_off = doc[lead].text == "," and span.end < len(doc) and doc[span.end].text == ","
    if doc[span.start - 1].lower_ == _AT and set_off and (sized := personnel_in(ctx, doc[lead - 1])) is not None:
        return sized
    # "government forces, nearly 40,000 in number": the personnel just named, however the parse hangs it
    # (with none named, "could send up to 5,000 in total" is sized by its verb, below)
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in _SIZE_WORDS for o in c.children)
           for c in number.children) and (named := antecedent(ctx, number)) is not None:
        return named
    # "2,000 of its troops"
    if after is not None and after.lower_ == "of":
        inner = next((c for c in after.children if c.dep_ == "pobj"), None)
        if inner is not None and is_personnel(ctx, inner):
            return Personnel(unit(ctx, inner), inner)
    # "a force of 5,000", "a contingent of 300", "an artillery group of 1,200"
    holder = force_of(ctx, number)
    if holder is not None:
        return Personnel(doc[holder.i: holder.i + 1], holder)
    # "a drawdown of 3,400", "the withdrawal of 1,000": a change noun sizes a change to a force
    if _changed_by(ctx, number):
        return Personnel(None, number)
    # "2,500 troops in Iraq and about 900 in Syria"
    elliptical = elided(ctx, number, span.start)
    if elliptical is not None:
        return elliptical
    return predicated(ctx, number)


def _changed_by(ctx: Context, number: Token) -> bool:
    """Is a bare number what a change noun changes a force by ("the Pentagon announced a drawdown of 3,400"), in an
    article that has reported troops before or a sentence that names who acts?"""
    if number.dep_ != "pobj" or number.head.lower_ != "of" or number.head.head.i == number.head.i:
        return False
    change = number.head.head
    if change.lemma_.lower() not in ctx.words.change_nouns:
        return False
    # "a reduction of 15 in the number of battalions" changes something else it names
    if any(t.tag_ == "NNS" and not is_personnel(ctx, t) for c in change.children if c.dep_ == "prep" and c.lower_ == "in"
           for t in c.subtree):
        return False
    return any(i < number.i for i in ctx.found) or ctx.mentions.actor(number.sent) is not None


def _quantified_noun(span: Span, number: Token) -> Token | None:
    """The noun a number counts, from the parse, else the first noun right after it."""
    head = number.head
    if any(t.text == _CELL_MARK for t in number.doc[number.i + 1: head.i]):
        return None  # "Tanks: 40 | Troops: 1,100": a flattened table's next cell is not what the number counts
    if number.dep_ in _NUMBER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > number.i:
        # "21,000 navy and air force personnel": the parse may hang the number on a modifier of the noun
        # (but "a 19-nation force" counts nations)
        hyphen = number.i + 1 < len(number.doc) and number.doc[number.i + 1].text in ("-", "\u2013")
        while not hyphen and head.dep_ in ("nmod", "compound") and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        # a headline's verb read as the noun counted ("2,200 Marines land in Darwin", "500 Paratroopers Arrive"):
        # a plural set before the sentence's root as its compound is what the number counts
        plural = next((c for c in head.children if c.dep_ == "compound" and c.tag_ in ("NNS", "NNPS")
                       and number.i < c.i), None) if head.dep_ == "ROOT" else None
        return plural or head
    doc = span.doc
    if number.dep_ == "appos" and head.pos_ == "NOUN" and head.i < number.i \
            and not any(c.dep_ == "prep" for c in number.children) \
            and not (span.end < len(doc) and doc[span.end].pos_ == "NOUN"):
        # "the troops, about 20, said"; not "534 troops, 341 from the Philippines", nor "battlegroups: ~5.5K troops"
        return head
    # Headlines parse badly: look past modifiers ("450 more U.S. troops"), and past the colon of an explainer's
    # line that gives its number first ("4,000: US troops in the region")
    opens_line = span.start == 0 or "\n" in doc[span.start - 1].text_with_ws
    for token in doc[span.end: span.end + 4]:
        if opens_line and token.i == span.end and token.text == HEADER_MARK:
            continue
        if token.text == _CELL_MARK:
            return None
        # a plural name is counted as a noun is ("3k more Marines ordered to the Gulf")
        counted = token.pos_ == "NOUN" or token.tag_ == "NNPS"
        if counted and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN"
                            and doc[token.i + 1].dep_ != "conj"):
            return token
        if token.pos_ not in ("ADJ", "PROPN", "NOUN", "ADV", "PUNCT") or token.is_sent_start or token.lower_ in ("in", "of"):
            return None
        if token.pos_ == "PUNCT" and token.text not in ("-", "."):
            return None
    return None


def _shared_noun(ctx: Context, span: Span) -> tuple[Token, Span] | None:
    """The personnel noun a coordination of sized nationalities shares, however the parse hangs the first,
    and the first's nationality: "about 400 Norwegian and some 250 Danish troops", "500 Dutch, 300 Belgian
    and 200 Luxembourg soldiers"."""
    doc = span.doc
    i = span.end
    while i < len(doc) and doc[i].ent_type_ == "NORP":
        i += 1
    if i == span.end or i >= len(doc) or doc[i].lower_ not in _COORDINATORS:
        return None
    for token in doc[i + 1: i + 12]:
        if token.pos_ == "NOUN":
            return (token, doc[span.end: i]) if is_personnel(ctx, token) else None
        if not (token.ent_type_ in ("NORP", "CARDINAL") or token.like_num or token.pos_ in ("ADJ", "PROPN")
                or token.lower_ in _COORDINATORS):
            return None
    return None


def _military_clause(ctx: Context, noun: Token) -> bool:
    """Does the clause of a noun that counts people speak of a force? "1,200 people deployed", "35,000
    Russians are stationed", "a force of 3,000 people", "the contingent, numbering 200 people", "Troops deployed so far include 392 Rwandans";
    not "40,000 Syrians fled", "3,000 Americans live in Germany"."""
    if composes_force(ctx, noun) or part_of_personnel(ctx, noun):
        return True  # "a force of 3,000 people", "3,000 NATO troops, including 1,200 Americans"
    # "3,000 men in uniform", "4,000 people in uniform", "2,000 men and women in uniform", however the parse
    # hangs the phrase
    last = max((noun, *(c for c in noun.children if c.dep_ == "conj")), key=lambda t: t.i)
    if tuple(t.lower_ for t in noun.doc[last.i + 1: last.i + 1 + len(_IN_UNIFORM)]) == _IN_UNIFORM:
        return True
    holder = noun
    while holder.dep_ == "conj" and holder.head.i != holder.i:
        holder = holder.head  # "392 Rwandans and 202 Nigerians"
    verbs = [c for c in noun.children if c.dep_ in ("acl", "relcl")]  # "people deployed", "people, who were sent"
    # "send 300 people" is how aid and medical teams are reported too: "people" must be the ones deployed
    # ("people will be sent"), where a nationality may be sent ("sent 300 Rwandans").
    deployed = list(verbs)
    if holder.dep_ in ("nsubj", "nsubjpass", "dobj", "attr") and is_verb(holder.head):
        verbs.append(holder.head)
        if holder.dep_ != "dobj" or noun.lemma_.lower() not in ctx.words.people_nouns:
            deployed.append(holder.head)
    # with the verbs they govern: "were due to leave", "are expected to deploy"
    chain = deployed + [x for v in deployed for c in v.children for x in (c, *c.children)
                        if x.dep_ == "xcomp" and is_verb(x)]
    # deployed, or committed: "Italy sent 400 men", "we have authorised 400 men and women for the elections"
    if any(v.lemma_.lower() in ctx.words.deploy_verbs | ctx.words.commitment_verbs for v in chain):
        return True
    stative = ctx.words.state_verbs | ctx.words.level_verbs
    return any(v.lemma_.lower() in stative for v in verbs) and any(
        is_personnel(ctx, t) for t in noun.sent if t.i != noun.i)
