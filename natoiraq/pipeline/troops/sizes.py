"""Numbers a clause sizes: the subject or object of a level verb ("they number less than 20", "could increase
from 500 to between 4,000 and 5,000"), a change noun's numbers ("a reduction in the garrison from 4,500 to
2,500"), a size noun's personnel ("the number of Nato troops", "the real number was roughly 2,000"), and the
personnel a pronoun stands for. :mod:`.counts` asks here when no noun beside the number names personnel.
"""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.ontology import normalise
from natoiraq.parsing.numbers import parse_number
from natoiraq.pipeline.syntax import PERSONAL_PRONOUNS, PLACE_ADVERBS, RELATIVE_PRONOUNS, arguments, change_verb, \
    is_verb, np_tokens, prep_objects, relative_head, subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import Personnel
from natoiraq.pipeline.troops.mentions import PART_NOUNS, STATION_PREPS
from natoiraq.pipeline.troops.nouns import HAVE, is_force_noun, is_personnel, unit

#: What makes a size noun refer back to a figure just reported: "the real number", "their numbers".
_BACK_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "its", "their"})
_WHOSE = "whose"
#: Pronouns by which a clause refers back to the figure just reported: "cut that to 2,000".
_DEMONSTRATIVES = frozenset({"that", "this"})
#: Below this, a bare number a contribution gives counts aircraft or ships ("offered two to the mission").
_FEW = 10
_OF = "of"
_AT = "at"
#: Size nouns that count anything, not only people: "the army has a total of 40 in service" may be tanks.
_COUNTING_NOUNS = frozenset({"number", "numbers", "total", "tally", "count", "figure", "estimate"})
#: Round numbers a size passes: "the 100,000 mark", "the 5,000-figure", "the 2,500 level"; and what names their size.
_MARKS = frozenset({"mark", "figure", "threshold", "barrier", "milestone", "level"})
_MARK_PREPS = ("for", "of")
#: Deployment verbs whose passive subject may be people held: "about 200 were kept in custody".
_HELD = frozenset({"keep", "maintain"})
_SIZE_PREPS = frozenset({"to", "at", "from", "by", "of", "around", "about", "near", "between", "under", "over", "above",
                         "below"})


def predicated(ctx: Context, number: Token) -> Personnel | None:
    """ "they number less than 20", "could increase from 500 to between 4,000 and 5,000"."""
    token = number
    if number.dep_ in ("conj", "quantmod") and number.head.like_num:
        token = number.head  # "between 4,000 and 5,000": the range hangs on one of its numbers
    elif number.dep_ == "nummod" and number.head.ent_type_ == "DATE" and number.head.dep_ == "pobj":
        token = number.head  # "could rise to 1,500 next year": the parse counts the date after it
    verb = None
    if token.dep_ == "pobj" and token.head.lower_ in _SIZE_PREPS:
        if (changed := _changed(ctx, token.head)) is not None:
            return changed
        if token.head.lower_ == _OF and (strength := _force_strength(ctx, token.head.head)) is not None:
            return strength
        # "the Serb army is estimated at 80,000, the army of the government at some 110,000": the subject of a
        # gapped clause, parsed as set beside the first's, is what its "at" sizes
        holder = token.head.head
        if token.head.lower_ == _AT and holder.dep_ in ("conj", "appos") and holder.pos_ in ("NOUN", "PROPN") \
                and (gapped := personnel_in(ctx, holder)) is not None:
            return gapped
        verb = change_verb(token.head, ctx.words.level_verbs)
        if verb is None or verb.lemma_.lower() not in ctx.words.level_verbs:
            # "increased the number of its troops backing the army against rebels from 600 to 2800": the
            # parse hangs "from" on the nearest noun; the change it sizes is the level verb further up
            verb = next((a for a in token.ancestors if is_verb(a) and a.lemma_.lower() in ctx.words.level_verbs),
                        verb)
    elif token.dep_ in ("dobj", "npadvmod", "attr", "acomp", "advmod", "nsubj", "nsubjpass", "oprd") \
            and is_verb(token.head):
        verb = token.head
    elif token.dep_ == "nummod" and is_verb(token.head):
        verb = token.head  # "the garrison, believed to number 2,000": the parse counts the verb
    elif token.dep_ == "nummod" and token.head.ent_type_ == "DATE" and token.head.dep_ in ("npadvmod", "dobj") \
            and is_verb(token.head.head):
        verb = token.head.head  # "numbers reached 73,000 last year": the parse counts the date after it
    if verb is None:
        return misread_verb(ctx, number)
    if verb.lemma_.lower() in ctx.words.level_verbs:
        # a pronoun last: "it would reduce the number of troops by 12,000" counts the troops, not what "it" stands for
        for holder in sorted(arguments(verb), key=lambda h: h.lower_ in PERSONAL_PRONOUNS):
            found = personnel_in(ctx, holder)
            if found is not None:
                return found
    if token.dep_ == "dobj" and verb.lemma_.lower() == HAVE and (held := _held_by_nationals(ctx, verb, token)):
        return held
    # "send up to 900", which the parse may read as "send up" and "to 900"
    up_to = token.dep_ == "pobj" and token.head.lower_ == "to" and token.head.head.i == verb.i \
        and any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    if verb.lemma_.lower() in ctx.words.deploy_verbs and (token.dep_ == "dobj" or up_to):
        return Personnel(None, token)  # "deploy 2,000", noun left out
    # "... moved troops to its border. Officials estimated that some 20,000 were now stationed there": the passive
    # says the same of the personnel its sentence, or the one before, has named (who is kept may be held)
    if verb.lemma_.lower() in ctx.words.deploy_verbs - _HELD and token.dep_ == "nsubjpass" \
            and antecedent(ctx, token, before=True) is not None:
        return Personnel(None, token)
    # "ordered an additional 30,000 to Afghanistan", "will contribute 600 to the mission": a number a directive
    # sends to a place, or a contribution to a place or a force
    contribution = verb.lemma_.lower() in ctx.words.contribution_verbs
    if contribution and (parse_number(token.text) or 0) < _FEW:
        return None
    if token.dep_ == "dobj" and (contribution or verb.lemma_.lower() in ctx.words.directive_verbs) \
            and any(_destination(ctx, o, contribution)
                    for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ctx.words.destination_preps
                    for o in c.children if o.dep_ == "pobj"):
        return Personnel(None, token)
    return None


def passed_mark(ctx: Context, noun: Token) -> Personnel | None:
    """ "US troop numbers passed the 100,000 mark", "would surpass the 5,000-figure for the force": a round number a
    size passes, reaches or stays under is that size, of what the clause or the mark's own phrase names."""
    if noun.lemma_.lower() not in _MARKS:
        return None
    verb = noun.head.head if noun.dep_ == "pobj" else noun.head  # "fell below the 2,500 level"
    holders = [h for h in arguments(verb) if h.i != noun.i] if is_verb(verb) else []
    holders += [o for prep in _MARK_PREPS for o in prep_objects(noun, prep)]
    return next(filter(None, (personnel_in(ctx, h) for h in holders)), None)


def _force_strength(ctx: Context, size: Token) -> Personnel | None:
    """The force a size noun with an "of" measures: "the contingent has a strength of 340", "the mission's
    authorised strength of 860", "the armed forces have a standing strength of about 72,000"."""
    if size.lemma_.lower() not in ctx.words.size_nouns - _COUNTING_NOUNS:
        return None
    if _owned_by_force(ctx, size):
        return Personnel(size.doc[size.i: size.i + 1], size)
    holder = subject_of(size.head) if size.dep_ == "dobj" else None
    if holder is not None and (is_force_noun(ctx, holder) or is_personnel(ctx, holder)):
        return Personnel(holder.doc[holder.i: holder.i + 1], holder)
    return None


def _held_by_nationals(ctx: Context, verb: Token, number: Token) -> Personnel | None:
    """ "The Germans have 1,100 there", "the Russians are believed to have about 7,000 on the island": a
    nationality as the subject stands for its state's forces, and a bare number they have somewhere is their
    troops (what they have elsewhere, or of something else, is left alone: "the French have 40 in service")."""
    subject = subject_of(verb)
    ontology = ctx.mentions.ontology
    # the model tags some peoples as organisations ("the Danes"): the table of nationalities says
    if subject is None or ontology.demonym(normalise(subject.text)) is None:
        return None
    here = any(c.dep_ == "advmod" and c.lower_ in PLACE_ADVERBS or c.dep_ == "prep" and c.lower_ in STATION_PREPS
               and any(ctx.mentions.place([o]) is not None or o.lemma_.lower() in PART_NOUNS for o in c.children)
               for c in (*number.children, *verb.children))
    return Personnel(None, number, ontology.actor(subject.text)) if here else None


def _destination(ctx: Context, noun: Token, force: bool) -> bool:
    """Is this where a number is sent: a place, or, for a contribution, a force ("to the new mission")?"""
    return ctx.mentions.place([noun]) is not None or force and (
        is_force_noun(ctx, noun) or ctx.mentions.actor([noun]) is not None)


def _changed(ctx: Context, prep: Token) -> Personnel | None:
    """ "a reduction in the garrison from about 4,500 to 2,500": a change noun's numbers size what it changes."""
    while prep.head.i != prep.i and (prep.head.lower_ in _SIZE_PREPS or prep.head.like_num):
        prep = prep.head  # "to 2,500" hangs on "from about 4,500"
    if prep.head.lemma_.lower() not in ctx.words.decrease_nouns | ctx.words.increase_nouns:
        return None
    return next(filter(None, (personnel_in(ctx, o) for c in prep.head.children if c.dep_ == "prep"
                              and c.lower_ in ("in", "of") for o in c.children if o.dep_ == "pobj")), None)


def misread_verb(ctx: Context, number: Token) -> Personnel | None:
    """ "The Kenyan force in Somalia totals about 3,600", "whose army numbers about 230,000", "its armed
    forces now number 250,000": the parse reads a level verb before a number as a noun (a plural, or a
    bare one with no determiner); its subject is the noun before it."""
    doc = number.doc
    word = next((t for t in reversed(doc[number.sent.start: number.i]) if not (t.ent_type_ == "CARDINAL" or t.is_punct)),
                None)
    if word is None or word.pos_ != "NOUN":
        return None
    plural = word.lower_.endswith("s") and word.lower_[:-1] in ctx.words.level_verbs
    # "the number 250,000" is a noun; "the UN peacekeepers number 10,000", parsed as one phrase, is not
    bare = word.lower_ in ctx.words.level_verbs and not any(
        c.dep_ in ("det", "poss") and not any(t.pos_ in ("NOUN", "PROPN") for t in doc[c.i + 1: word.i])
        for c in word.children)
    if not (plural or bare):
        return None
    for holder in reversed(doc[number.sent.start: word.i]):
        if is_verb(holder) or holder.is_punct:
            return None
        # the misreading may take a force noun for the adjective it also is: "Qatar's own military numbers 16,000"
        named = holder.pos_ in ("NOUN", "PROPN") or is_force_noun(ctx, holder)
        found = personnel_in(ctx, holder) if named else None
        if found is not None:
            return found
    return None


def personnel_in(ctx: Context, holder: Token) -> Personnel | None:
    """The personnel a clause argument names: "troops", "the number of Nato troops", "they"."""
    if holder.lower_ in PERSONAL_PRONOUNS:
        return antecedent(ctx, holder)
    if holder.lower_ in RELATIVE_PRONOUNS and holder.head.dep_ == "relcl":
        holder = relative_head(holder)  # "the Ethiopian troops, which numbered about 20"
    if is_personnel(ctx, holder):
        return Personnel(unit(ctx, holder), holder)
    if holder.lower_ in _DEMONSTRATIVES and holder.pos_ == "PRON":
        return _reported(ctx, holder)  # "About 2,500 troops remain. Washington plans to cut that to 2,000."
    named = ctx.mentions.actor([holder])
    if named is not None and named.mission is not None:
        return Personnel(holder.doc[holder.i: holder.i + 1], holder)  # "Operation Barkhane peaked at 5,100"
    lemma = holder.lemma_.lower()
    if lemma in ctx.words.size_nouns or is_force_noun(ctx, holder):
        for token in np_tokens(holder):
            if token is not holder and is_personnel(ctx, token, compound=token.dep_ == "compound"):
                return Personnel(unit(ctx, token), token)
        # "the size of the Turkish contingent": one force's size is its people ("the number of battalions" counts units)
        counted = next((o for c in holder.children if c.dep_ == "prep" and c.lower_ == "of"
                        for o in c.children if o.dep_ == "pobj"), None)
        if lemma in ctx.words.size_nouns and counted is not None and counted.tag_ == "NN" \
                and is_force_noun(ctx, counted):
            return Personnel(holder.doc[counted.i: counted.i + 1], counted)
        counted_elsewhere = any(c.dep_ == "prep" and c.lower_ == "of" for c in holder.children)
        if is_force_noun(ctx, holder) and holder.tag_ == "NNS":
            return None  # "doubled the battlegroups to eight" counts units
        if is_force_noun(ctx, holder) or (not counted_elsewhere and ctx.mentions.actor(np_tokens(holder))):
            # "the UNIFIL strength", but not "the number of Russia's battalion tactical groups"
            return Personnel(holder.doc[holder.i: holder.i + 1], holder)
        if lemma in ctx.words.size_nouns and not counted_elsewhere:
            # "the real number", "their numbers"; a bare "Numbers have since fallen" too
            back = any(c.dep_ in ("det", "poss") and c.lower_ in _BACK_DETERMINERS for c in holder.children) \
                or not any(c.dep_ in ("det", "poss", "compound", "amod", "nmod") for c in holder.children)
            reported = _reported(ctx, holder) if back else None
            if reported is None and _owned_by_force(ctx, holder):
                return Personnel(holder.doc[holder.i: holder.i + 1], holder)  # "the mission's ceiling is 15,000"
            return reported
    return None


def _owned_by_force(ctx: Context, noun: Token) -> bool:
    """Is a size noun's possessor a force: "the mission's ceiling", "the UN force, whose strength stood at",
    "allies lifted their combined strength" after "the battlegroups"?"""
    doc = noun.doc
    for owner in (c for c in noun.children if c.dep_ == "poss"):
        if owner.lower_ == _WHOSE:
            clause = next((a for a in owner.ancestors if a.dep_ == "relcl"), None)
            owner = clause.head if clause is not None else owner
        elif owner.lower_ in PERSONAL_PRONOUNS:  # a force named before it, into the sentence before
            start = doc[owner.sent.start - 1].sent.start if owner.sent.start else 0
            owner = next((t for t in reversed(doc[start: owner.i]) if _names_force(ctx, t)), owner)
        if _names_force(ctx, owner):
            return True
    return False


def _names_force(ctx: Context, token: Token) -> bool:
    return is_force_noun(ctx, token) or is_personnel(ctx, token) or ctx.mentions.actor([token]) is not None


def _reported(ctx: Context, noun: Token) -> Personnel | None:
    """ "About 900 troops were in Syria ... the real number was roughly 2,000", "(the caps were 500 and 300)":
    a size noun that refers back and names nothing it counts sizes the figure reported last, in its sentence
    or the one before, where nothing else counted is named in between ("... Attacks rose; the number reached 40")."""
    doc = noun.doc
    sentence = noun.sent.start
    start = doc[sentence - 1].sent.start if sentence > 0 else sentence
    earlier = [i for i in ctx.found if start <= i < noun.i]
    if not earlier:
        return None
    figure = ctx.found[max(earlier)]
    own = range(figure.personnel.unit.start, figure.personnel.unit.end) if figure.personnel.unit is not None else ()
    if any(t.tag_ in ("NNS", "NNPS") and t.i not in own for t in doc[max(earlier) + 1: noun.i]):
        return None
    return Personnel(None, noun, figure.recorded_actor(), inherited_unit=figure.unit, borrowed=max(earlier) < sentence)


def antecedent(ctx: Context, pronoun: Token, before: bool = False) -> Personnel | None:
    """The personnel noun a pronoun stands for: the nearest one before it in the sentence, else in the sentence
    before ("SFOR had 32,000 troops in 1999. By 2001 they had been reduced to 19,000"); for another word, in the
    sentence before only where asked."""
    sentence = pronoun.sent
    start = sentence.start
    if (pronoun.lower_ in PERSONAL_PRONOUNS or before) and start > 0:
        start = pronoun.doc[start - 1].sent.start
    for token in reversed(list(pronoun.doc[start: pronoun.i])):
        if token.pos_ == "NOUN" and is_personnel(ctx, token):
            return Personnel(unit(ctx, token), token)
    return None
