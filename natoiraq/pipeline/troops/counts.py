"""What a number counts, and what it is not.

A number is a troop figure when the parse ties it to personnel: a personnel noun
it modifies ("450 more U.S. troops"), a force it measures ("the 3,100-strong
contingent", "a force of 5,000"), the subject of a size verb ("they number less
than 20"), or the figure it continues ("and about 900 in Syria"). Casualties,
money, shares and people trained are turned away.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.parsing.numbers import SUFFIX_SCALES, is_number_word, looks_like_year, parse_number
from natoiraq.pipeline.syntax import (PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, arguments, change_verb, is_verb,
                                      noun_after, np_tokens, relative_head)
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel

_NUMBER_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "appos", "npadvmod", "advmod", "det"})
# Collective nouns a bare number can size: "a 5k force", but not "four battalions".
_SIZED_BY_NUMBER = frozenset({"force", "contingent", "garrison", "deployment"})
#: Below this, a number of "forces" counts forces ("two international forces"), not people.
_FEW_FORCES = 10
#: "nearly 40,000 in number", "some 900 in strength": an appositive number that sizes its noun.
_SIZE_WORDS = frozenset({"number", "strength", "total", "all"})
#: Verbs whose object is what a force is made of: "two brigades comprising about 6,000 men".
_COMPOSITION_VERBS = frozenset({"comprise", "include", "number", "total", "consist", "contain", "count"})
#: Where a bare number stands for personnel already reported: subject, object, or the size in "at 270".
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_BACK_REFERENCES = frozenset({"them", "those", "these"})
_TIME_PREPS = frozenset({"in", "since", "until", "till", "by", "before", "after", "during", "around", "circa"})
_SIZE_PREPS = frozenset({"to", "at", "from", "by", "of", "around", "about", "near", "between", "under", "over"})


def personnel(ctx: Context, span: Span, number: Token) -> Personnel | None:
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    hyphenated = after is not None and after.text in ("-", "\u2013") and span.end + 1 < len(doc)
    word = doc[span.end + 1] if hyphenated else after  # the word the number is compounded with, if any
    # "the 3,100-strong U.S. contingent" (also written "3,100 strong")
    if word is not None and word.lower_ == "strong":
        noun = noun_after(word)
        return Personnel(doc[noun.i: noun.i + 1], noun) if noun is not None else None
    # "the group of forces is 36,000 men strong": a personnel noun before "strong" sizes the force
    if word is not None and not hyphenated and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "strong" \
            and word.lemma_.lower() in ctx.words.personnel_nouns:
        return Personnel(doc[word.i: word.i + 1], word)
    # "a 200-soldier contingent"
    if hyphenated and is_personnel(ctx, word, compound=True):
        head = word.head if word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i else word
        return Personnel(doc[word.i: word.i + 1], head)
    if number.dep_ == "quantmod" and number.head.like_num and number.head.head.i > number.head.i \
            and is_personnel(ctx, number.head.head):
        noun = number.head.head  # "from about 5,200 to 3,000 troops", parsed as one range
        return Personnel(_unit(ctx, noun), noun)
    noun = _quantified_noun(span, number)
    if noun is not None and noun.ent_type_ == "DATE" and number.ent_type_ != "DATE":
        noun = None  # "5,000 troops will leave this year, 3,000 next year": a gapped figure before its date
    if noun is not None:
        if noun.lemma_.lower() == "force" and noun.tag_ == "NNS" and number.head.i == noun.i:
            # "two international forces" counts forces; "around 7,000 forces" their people
            if (parse_number(number.text) or _FEW_FORCES) < _FEW_FORCES:
                return None
            return Personnel(doc[noun.i: noun.i + 1], noun)
        if is_personnel(ctx, noun):
            return Personnel(_unit(ctx, noun), noun)
        # "350 military and 260 police observers", "5,000 Royal Navy and Fleet Auxiliary sailors": the noun the
        # coordination shares comes last
        shared = next((c for c in noun.children if c.dep_ == "conj" and is_personnel(ctx, c)), None)
        if shared is not None and noun.tag_ in ("NN", "NNP"):
            return Personnel(doc[shared.i: shared.i + 1], shared)  # "observers": the 350 are not police
        if _counts_people(ctx, noun) and _military_clause(ctx, noun):
            # "392 Rwandans" are Rwanda's: the noun names the force itself
            return Personnel(_unit(ctx, noun), noun, ctx.mentions.actor([noun]))
        if noun.lemma_.lower() in _SIZED_BY_NUMBER and noun.tag_ == "NN" and number.head.i == noun.i and number.dep_ in ("nummod", "compound"):
            return Personnel(doc[noun.i: noun.i + 1], noun)  # "a 5k force"; "four battalions" counts units
        return None
    # "the first advisers, around a hundred, arrived": a size set off by commas after its noun
    if 1 < span.start and span.end < len(doc) and doc[span.start - 1].text == "," == doc[span.end].text \
            and is_personnel(ctx, doc[span.start - 2]):
        noun = doc[span.start - 2]
        return Personnel(_unit(ctx, noun), noun)
    # "government forces, nearly 40,000 in number": the personnel just named, however the parse hangs it
    if any(c.dep_ == "prep" and c.lower_ == "in" and any(o.lemma_.lower() in _SIZE_WORDS for o in c.children)
           for c in number.children):
        return antecedent(ctx, number)
    # "2,000 of its troops"
    if after is not None and after.lower_ == "of":
        inner = next((c for c in after.children if c.dep_ == "pobj"), None)
        if inner is not None and is_personnel(ctx, inner):
            return Personnel(_unit(ctx, inner), inner)
    # "a force of 5,000", "a contingent of 300"
    if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lemma_.lower() in ctx.words.force_nouns:
        holder = number.head.head
        return Personnel(doc[holder.i: holder.i + 1], holder)
    # "2,500 troops in Iraq and about 900 in Syria"
    elliptical = _elliptical(ctx, number)
    if elliptical is not None:
        return elliptical
    return _predicated(ctx, number)


def _quantified_noun(span: Span, number: Token) -> Token | None:
    """The noun a number counts, from the parse, else the first noun right after it."""
    head = number.head
    if number.dep_ in _NUMBER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > number.i:
        # "21,000 navy and air force personnel": the parse may hang the number on a modifier of the noun
        # (but "a 19-nation force" counts nations)
        hyphen = number.i + 1 < len(number.doc) and number.doc[number.i + 1].text in ("-", "\u2013")
        while not hyphen and head.dep_ in ("nmod", "compound") and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        return head
    if number.dep_ == "appos" and head.pos_ == "NOUN" and head.i < number.i \
            and not any(c.dep_ == "prep" for c in number.children):
        return head  # "the troops, about 20, said"; not "534 troops, 341 from the Philippines"
    doc = span.doc
    # Headlines parse badly: look past modifiers ("450 more U.S. troops").
    for token in doc[span.end: span.end + 4]:
        if token.pos_ == "NOUN" and not (token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "NOUN"
                                         and doc[token.i + 1].dep_ != "conj"):
            return token
        if token.pos_ not in ("ADJ", "PROPN", "NOUN", "ADV", "PUNCT") or token.is_sent_start or token.lower_ in ("in", "of"):
            return None
        if token.pos_ == "PUNCT" and token.text not in ("-", "."):
            return None
    return None


def _counts_people(ctx: Context, noun: Token) -> bool:
    """A noun that counts people of any kind: "people", or a nationality in the plural ("392 Rwandans")."""
    if noun.lemma_.lower() in ctx.words.people_nouns:
        return True
    return noun.ent_type_ == "NORP" and noun.lower_.endswith("s") and ctx.mentions.ontology.actor(noun.text) is not None


def _military_clause(ctx: Context, noun: Token) -> bool:
    """Does the clause of a noun that counts people speak of a force? "1,200 people deployed", "35,000
    Russians are stationed", "a force of 3,000 people", "Troops deployed so far include 392 Rwandans";
    not "40,000 Syrians fled", "3,000 Americans live in Germany"."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ctx.words.force_nouns:
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
    if any(v.lemma_.lower() in ctx.words.deploy_verbs for v in chain):
        return True
    stative = ctx.words.state_verbs | ctx.words.level_verbs
    return any(v.lemma_.lower() in stative for v in verbs) and any(
        is_personnel(ctx, t) for t in noun.sent if t.i != noun.i)


def _elliptical(ctx: Context, number: Token) -> Personnel | None:
    """A number that shares the noun of a troop figure before it in the sentence:
    "2,500 troops in Iraq and about 900 in Syria", "along with roughly 5,000 from
    NATO allies", "about 4,000 remain"."""
    if number.lower_ == "one":
        return None  # "a NATO force and a US-led one", "so one cannot say": a pronoun, not a size
    head = number.head
    if number.dep_ == "conj" and is_personnel(ctx, head):
        previous = next((ctx.found[t.i] for t in head.children if t.i in ctx.found), None)
        return Personnel(head.doc[head.i: head.i + 1], head, previous.recorded_actor() if previous else None)
    doc = number.doc
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    if following is not None and following.lower_ in ctx.words.increase_markers_after and following.i + 1 < len(doc) \
            and doc[following.i + 1].pos_ not in ("NOUN", "PROPN", "ADJ"):
        following = None  # "10,000 troops this year, with 23,000 more to be withdrawn"
    if following is not None and following.ent_type_ != "DATE" and (
            following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or following.text == "-"):
        return None  # the number has a noun of its own, just not a personnel one; not "3,000 next year"
    previous = doc[number.i - 1] if number.i else None
    label = _gapped_label(ctx, number)
    if not label and previous is not None and (previous.lower_ in ("the", "no", "no.", "#")
                                               or previous.pos_ in ("NOUN", "PROPN")) and not _present(ctx, number):
        return None  # "resolution 1546", "the 1990 ..."
    if looks_like_year(number.text) and any(t.dep_ == "pobj" and t.head.lower_ in _TIME_PREPS
                                            for t in (number, number.head)):
        return None  # "returned home in (about) 1868": a year, whatever the date component made of it
    of_them = following is not None and following.lower_ == "of" and number.i + 2 < len(doc) \
        and doc[number.i + 2].lower_ in _BACK_REFERENCES  # "about 250 of them", "200 of the new arrivals"
    if following is not None and following.lower_ in ("of", "out") and not of_them:
        return None  # "one of the world's largest", "360 out of 927 civilian personnel": a noun of its own
    earlier = [i for i in ctx.found if number.sent.start <= i < number.i]
    borrowed = not earlier
    if label and borrowed:
        return None  # a gapped clause continues its own sentence
    if not earlier and (of_them or number.dep_ in _ARGUMENT_DEPS):
        # "Another 3,000 will leave", "The remaining 200 train Iraqi units": the figures just reported.
        here = ctx.paragraph(number.idx)
        earlier = [i for i in ctx.found if i < number.i and ctx.paragraph(doc[i].idx) == here]
    if not earlier:
        return None
    figure = ctx.found[max(earlier)]
    anchor = number
    # "roughly 5,000 from NATO allies": the elided phrase may name its own force.
    following = doc[number.i + 1] if number.i + 1 < len(doc) else None
    own = ctx.mentions.actor(following.subtree) if following is not None and following.lower_ in ("from", "of") else None
    if label:
        actors = {actor for t in label if (actor := _label_actor(ctx, t)) is not None}
        own = actors.pop() if len(actors) == 1 else None  # "Tanzania and Gambia 196": shared, no one's
    return Personnel(None, anchor, own or figure.recorded_actor(), inherited_unit=figure.unit,
                     borrowed=borrowed and own is None)


def _present(ctx: Context, number: Token) -> bool:
    """Does a definite number say people are somewhere: "the 300,000 who were already there", "the 34,500
    currently there", "the 10,000 already deployed"? Then it is the people of a figure just reported, not a
    year or a document's number."""
    near = list(number.children) + [w for c in number.children if c.dep_ in ("advmod", "acl", "relcl")
                                    for w in c.children]
    return any(t.dep_ == "advmod" and t.lower_ in ctx.words.settled_words
               or t.dep_ == "nsubj" and t.lower_ == "who" and t.head.dep_ == "relcl" for t in near)


def _gapped_label(ctx: Context, number: Token) -> list[Token]:
    """The names a gapped clause keeps before its number, the verb and noun left out: "Ethiopia 2,500"
    in "Uganda will provide 4,500 soldiers, Ethiopia 2,500", "Tanzania and Gambia 196", "Italy (963)"."""
    doc = number.doc
    i = number.i - 1
    if i >= 0 and doc[i].text == "(":
        i -= 1
    label: list[Token] = []
    while i >= number.sent.start and (doc[i].pos_ == "PROPN" or doc[i].lower_ == "and" and label):
        label.insert(0, doc[i])
        i -= 1
    while label and label[0].lower_ == "and":
        label.pop(0)
    return label if any(_label_actor(ctx, t) is not None for t in label) else []


def _label_actor(ctx: Context, name: Token) -> Actor | None:
    """The actor a gapped clause's name stands for, even where the entity model ran it into the number
    ("Kenya 1,410" tagged as one organisation)."""
    return ctx.mentions.actor([name]) or ctx.mentions.ontology.actor(name.text)


def _predicated(ctx: Context, number: Token) -> Personnel | None:
    """ "they number less than 20", "could increase from 500 to between 4,000 and 5,000"."""
    token = number
    if number.dep_ in ("conj", "quantmod") and number.head.like_num:
        token = number.head  # "between 4,000 and 5,000": the range hangs on one of its numbers
    verb = None
    if token.dep_ == "pobj" and token.head.lower_ in _SIZE_PREPS:
        verb = change_verb(token.head, ctx.words.level_verbs)
        if verb is None or verb.lemma_.lower() not in ctx.words.level_verbs:
            # "increased the number of its troops backing the army against rebels from 600 to 2800": the
            # parse hangs "from" on the nearest noun; the change it sizes is the level verb further up
            verb = next((a for a in token.ancestors if is_verb(a) and a.lemma_.lower() in ctx.words.level_verbs),
                        verb)
    elif token.dep_ in ("dobj", "npadvmod", "attr", "advmod", "nsubj", "oprd") and is_verb(token.head):
        verb = token.head
    if verb is None:
        return None
    if verb.lemma_.lower() in ctx.words.level_verbs:
        for holder in arguments(verb):
            found = _personnel_in(ctx, holder)
            if found is not None:
                return found
    if verb.lemma_.lower() in ctx.words.deploy_verbs and token.dep_ == "dobj":
        return Personnel(None, token)  # "deploy 2,000", noun left out
    return None


def _personnel_in(ctx: Context, holder: Token) -> Personnel | None:
    """The personnel a clause argument names: "troops", "the number of Nato troops", "they"."""
    if holder.lower_ in PERSONAL_PRONOUNS:
        return antecedent(ctx, holder)
    if holder.lower_ in RELATIVE_PRONOUNS and holder.head.dep_ == "relcl":
        holder = relative_head(holder)  # "the Ethiopian troops, which numbered about 20"
    if is_personnel(ctx, holder):
        return Personnel(_unit(ctx, holder), holder)
    lemma = holder.lemma_.lower()
    if lemma in ctx.words.size_nouns or lemma in ctx.words.force_nouns:
        for token in np_tokens(holder):
            if token is not holder and is_personnel(ctx, token, compound=token.dep_ == "compound"):
                return Personnel(_unit(ctx, token), token)
        # "the size of the Turkish contingent": one force's size is its people ("the number of battalions" counts units)
        counted = next((o for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"), None)
        if lemma in ctx.words.size_nouns and counted is not None and counted.tag_ == "NN" \
                and counted.lemma_.lower() in ctx.words.force_nouns:
            return Personnel(holder.doc[counted.i: counted.i + 1], counted)
        counted_elsewhere = any(c.dep_ == "prep" and c.lower_ == "of" for c in holder.children)
        if lemma in ctx.words.force_nouns or (not counted_elsewhere and ctx.mentions.actor(np_tokens(holder))):
            # "the UNIFIL strength", but not "the number of Russia's battalion tactical groups"
            return Personnel(holder.doc[holder.i: holder.i + 1], holder)
    return None


def antecedent(ctx: Context, pronoun: Token) -> Personnel | None:
    """The personnel noun a pronoun stands for: the nearest one before it in the sentence, else in the sentence
    before ("SFOR had 32,000 troops in 1999. By 2001 they had been reduced to 19,000")."""
    sentence = pronoun.sent
    start = sentence.start
    if pronoun.lower_ in PERSONAL_PRONOUNS and start > 0:
        start = pronoun.doc[start - 1].sent.start
    for token in reversed(list(pronoun.doc[start: pronoun.i])):
        if token.pos_ == "NOUN" and is_personnel(ctx, token):
            return Personnel(_unit(ctx, token), token)
    return None


def is_personnel(ctx: Context, noun: Token, compound: bool = False) -> bool:
    lower = noun.lower_
    # Proper nouns keep their plural as lemma ("Marines").
    lemma = lower[:-1] if noun.pos_ == "PROPN" and lower.endswith("s") else noun.lemma_.lower()
    if noun.pos_ not in ("NOUN", "PROPN") and not compound:
        return False
    if lemma not in ctx.words.personnel_nouns and lower not in ctx.words.personnel_nouns:
        return False
    required = ctx.words.qualified_personnel.get(lower) or ctx.words.qualified_personnel.get(lemma)
    if required is None:
        return True
    modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
    if modifiers & required:
        return True
    # "members of the Defence Forces": the organisation they belong to vouches for them.
    if any(c.dep_ == "prep" and c.lower_ == "of" and any(o.lower_ in required for o in c.children)
           for c in noun.children):
        return True
    # "a total of 1,000 officers" after "200 police officers": the article has said which officers.
    if any(f.unit and f.unit.lower().endswith(lower) for f in ctx.found.values()):
        return True
    if any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in noun.children if c.dep_ in ("compound", "amod", "poss")) \
            and lemma in ("force", "forces", "police"):
        return True
    # "trainers, advisers and support staff": a coordinated personnel noun vouches for it.
    coordinated = [c for c in noun.children if c.dep_ == "conj"] + ([noun.head] if noun.dep_ == "conj" else [])
    if any(is_personnel(ctx, c) for c in coordinated if c.lemma_.lower() not in ctx.words.qualified_personnel):
        return True
    # "a force of 3,000 men", "two brigades comprising about 6,000 men", "the unit consists of 300 men"
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in ctx.words.force_nouns:
        return True
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in _COMPOSITION_VERBS:
        return False
    holders = [verb.head] if verb.dep_ in ("acl", "relcl") else [c for c in verb.children if c.dep_ == "nsubj"]
    if holders and holders[0].lower_ in RELATIVE_PRONOUNS:
        holders = [relative_head(holders[0])]
    holders += [c for h in holders for c in h.children if c.dep_ == "appos"]  # "NTV, the two brigades, comprising"
    return any(h.lemma_.lower() in ctx.words.force_nouns for h in holders)


def _unit(ctx: Context, noun: Token) -> Span:
    """The personnel noun as written, with coordinated ones: "trainers, advisers and support staff"."""
    doc = noun.doc
    first = noun
    while first.dep_ == "conj" and is_personnel(ctx, first.head):
        first = first.head
    start = first.i
    for child in first.lefts:
        if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i == start - 1 \
                and not (is_number_word(child.text) or child.lower_ in SUFFIX_SCALES):
            start = child.i  # "service members", "support staff"; not the "lakh" or "K" of "1.3 lakh", "12.5K"
    end = noun.i
    frontier = [first]
    while frontier:
        current = frontier.pop()
        end = max(end, current.i)
        frontier.extend(c for c in current.children if c.dep_ == "conj" and is_personnel(ctx, c))
    return doc[start: end + 1]
