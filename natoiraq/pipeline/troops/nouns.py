"""Which nouns name personnel: "troops", "police officers" (with the word that makes police a force's),
"3,000 men" in a force that comprises them; and the personnel noun as written ("support staff")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.knowledge.ontology import normalise
from natoiraq.parsing.numbers import SUFFIX_SCALES, is_number_word
from natoiraq.pipeline.syntax import PERSONAL_PRONOUNS, RELATIVE_PRONOUNS, THIRD_POSSESSIVES, prep_objects, \
    relative_head, subject_of
from natoiraq.pipeline.troops.context import Context

#: Verbs whose object is what a force is made of: "two brigades comprising about 6,000 men".
COMPOSITION_VERBS = frozenset({"comprise", "include", "number", "total", "consist", "contain", "count"})
#: The prepositions that put a size on what a verb's subject is: "consists of 300 men", "stood at 3,000 men".
_MEASURE_PREPS = frozenset({"of", "at", "to"})
_MEN, _MAN = "men", "man"
_MEMBER = "member"
#: "officers and men": the two words that together name all the ranks of a force.
_ALL_RANKS = frozenset({"officer", _MAN})
#: Groups whose members may be anyone: "12 members of the negotiating team", "the ruling party's members", "the
#: company has 300 staff", "the press corps".
_ANYONES = frozenset({"team", "party", "company", "division", "corps"})
#: The words that list the parts of a total: "including 1,700 police", "among them 800 Chinese".
_PART_PREPS = frozenset({"including", "among"})
#: The verb by which a subject holds personnel: "the Army has 130,000 members", "the Germans have 1,100 there".
HAVE = "have"
_WITH = "with"
_PLURAL_ENDINGS = ("s", "ese")


def is_personnel(ctx: Context, noun: Token, compound: bool = False) -> bool:
    lower = noun.lower_
    # Proper nouns keep their plural as lemma ("Marines"), and so does a "-men" plural tagged as a singular
    # ("deployed 650 servicemen").
    lemma = lower[:-1] if noun.pos_ == "PROPN" and lower.endswith("s") else noun.lemma_.lower()
    if lemma.endswith(_MEN):
        lemma = lemma[: -len(_MEN)] + _MAN
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
    owners = prep_objects(noun, "of")
    if any(o.lower_ in required for o in owners):
        return True
    # ... and so does the force that has them: "the Ground Self-Defense Force has 150,000 members", "the
    # army, with some 90,000 members"
    holders = _holders(noun)
    if any(h.lower_ in required or h.lemma_.lower() in required for h in holders):
        return True
    # "the 22,000 men of UNPROFOR", "800 men of the garrison", "the army's 5,000 men": so does a force, for
    # nouns that name no civilians; and one that has them: "the largest contingent, with some 7,000 men",
    # "Britain has 5,000 men in Helmand"
    if lemma in ctx.words.belonging_personnel and any(
            is_force_noun(ctx, o) or ctx.mentions.actor(o.subtree) is not None
            for o in owners + holders + [c for c in noun.children if c.dep_ == "poss"]):
        return True
    # "130 members of the 122nd Infantry Battalion", "members of the Royal Marines", "the battalion's 700
    # members", "the mission has 900 police": a force or its personnel vouch for what they have or are made of (a
    # state's members are states; a team's, a party's or a company's anyone)
    if any(is_personnel(ctx, o) or is_force_noun(ctx, o) and o.lemma_.lower() not in _ANYONES
           for o in owners + holders + [_possessor(c) for c in noun.children if c.dep_ == "poss"]):
        return True
    if part_of_personnel(ctx, noun):
        return True
    # "a total of 1,000 officers" after "200 police officers": the article has said which officers (unless an "of"
    # says whose these are: "Its 700 members" leaves "the five permanent members of the Security Council" alone)
    if not owners and any(f.unit and f.unit.lower().endswith(lower) for f in ctx.found.values()):
        return True
    if any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in noun.children if c.dep_ in ("compound", "amod", "poss")) \
            and lemma in ctx.words.national_personnel:
        return True  # "Kenyan police", "60 Russian officers"
    # "800 GSDF members", "2,500 SANDF members" (the tables' services include institutions: "Pentagon staff")
    if lemma == _MEMBER and any(names_service(ctx, c) for c in noun.children if c.dep_ == "compound"):
        return True
    # "trainers, advisers and support staff": a coordinated personnel noun vouches for it, and so does a sized
    # one the parse lists in apposition ("11,500 troops, 1,200 police, 150 observers").
    coordinated = [c for c in noun.children if c.dep_ == "conj" or c.dep_ == "appos" and _sized(c)]
    if noun.dep_ == "conj" or noun.dep_ == "appos" and _sized(noun) and _sized(noun.head):
        coordinated.append(noun.head)
    if any(is_personnel(ctx, c) for c in coordinated if c.lemma_.lower() not in ctx.words.qualified_personnel):
        return True
    # "about 1,000 officers and men": the pair names every rank of a force
    if lemma in _ALL_RANKS and any(c.lemma_.lower() in _ALL_RANKS - {lemma} for c in coordinated):
        return True
    return composes_force(ctx, noun)


def names_service(ctx: Context, name: Token) -> bool:
    """Does a name stand for a state's armed service, not for the state itself, nor for an organisation of states
    ("GSDF", "SANDF"; not "U.S." or "EU", whose members are people of any trade, or states)?"""
    ontology = ctx.mentions.ontology
    # the model tags some names as nouns: "Gurkhas", "800 CAF members"
    actor = ctx.mentions.actor([name]) if name.pos_ == "PROPN" or name.text[:1].isupper() else None
    # a code of another state's is no place of this one's ("CAF": Canada's forces, though Central Africa's code)
    return actor is not None and actor.force in ontology.countries and ontology.place(name.text) != actor.force \
        and ontology.demonym(normalise(name.text)) is None


def _possessor(owner: Token) -> Token:
    """Who "its" or "their" stands for: the subject last named, in its sentence or the one before ("The outgoing
    battalion ... was awarded a medal. Its 700 members have returned")."""
    if owner.lower_ not in THIRD_POSSESSIVES:
        return owner
    doc = owner.doc
    start = doc[owner.sent.start - 1].sent.start if owner.sent.start else 0
    subject = next((t for t in reversed(doc[start: owner.i]) if t.dep_ in ("nsubj", "nsubjpass")), owner)
    # "The outgoing battalion, which arrived last year, ...": a relative pronoun stands for its noun
    return relative_head(subject) if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl" else subject


def _holders(noun: Token) -> list[Token]:
    """What has a noun: the subject of "have" for its object, the noun a "with" phrase hangs on."""
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_.lower() == HAVE:
        return [h for h in (subject_of(head),) if h is not None]
    return [head.head] if noun.dep_ == "pobj" and head.lower_ == _WITH and head.head.pos_ in ("NOUN", "PROPN") else []


def _sized(noun: Token) -> bool:
    return any(c.dep_ == "nummod" for c in noun.children)


def part_of_personnel(ctx: Context, noun: Token) -> bool:
    """Is this noun a part a personnel total lists: "17,000 uniformed personnel in all, including 1,700 police",
    "12,000 troops, among them 800 Chinese" (the parse may hang "including" on the total's verb)?"""
    if noun.dep_ == "appos" and noun.head.lower_ in PERSONAL_PRONOUNS:
        noun = noun.head  # "among them 800 Chinese"
    if noun.dep_ != "pobj" or noun.head.lower_ not in _PART_PREPS:
        return False
    whole = noun.head.head
    wholes = [whole, *(c for c in whole.children if c.dep_ == "dobj")] if whole.pos_ in ("VERB", "AUX") else [whole]
    return any(w.i != noun.i and is_personnel(ctx, w) for w in wholes)


def is_force_noun(ctx: Context, noun: Token) -> bool:
    """Does this noun name a force: "contingent", "garrison", or "group" with a military word ("an
    artillery group", "a battle group"; not "a group of 30")?"""
    lemma = noun.lemma_.lower()
    required = ctx.words.qualified_force_nouns.get(lemma)
    if required is None:
        return lemma in ctx.words.force_nouns
    return any(c.lower_ in required for c in noun.children if c.dep_ in ("compound", "amod", "nmod"))


def force_of(ctx: Context, token: Token) -> Token | None:
    """The force an "of" phrase sizes, if its noun names one: "a force of 5,000", "its contingent of 2,800"."""
    if token.dep_ == "pobj" and token.head.lower_ == "of" and is_force_noun(ctx, token.head.head):
        return token.head.head
    return None


def counts_people(ctx: Context, noun: Token) -> bool:
    """A noun that counts people of any kind: "people", or a nationality in the plural ("392 Rwandans",
    "500 Nepalese")."""
    if noun.lemma_.lower() in ctx.words.people_nouns:
        return True
    # "-ese" nationalities are their own plural: "500 Nepalese", "600 Togolese" (which the model may not tag)
    if not noun.lower_.endswith(_PLURAL_ENDINGS):
        return False
    ontology = ctx.mentions.ontology
    return noun.text[:1].isupper() and ontology.demonym(normalise(noun.text)) is not None or (
        noun.ent_type_ == "NORP" and ontology.actor(noun.text) is not None)


def composes_force(ctx: Context, noun: Token) -> bool:
    """Is this noun what a force is made of: "a force of 3,000 men", "two brigades comprising about 6,000
    men", "the unit consists of 300 men", "the contingent, numbering about 200 people"?"""
    if force_of(ctx, noun) is not None:
        return True
    # ... and what a level verb puts a force at: "the garrison stood at 3,000 men", "was estimated at 280,000 men"
    verb = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ in _MEASURE_PREPS else noun.head
    if noun.dep_ not in ("dobj", "pobj") or verb.lemma_.lower() not in COMPOSITION_VERBS | ctx.words.level_verbs:
        return False
    holders = [verb.head] if verb.dep_ in ("acl", "relcl") else [c for c in verb.children
                                                                if c.dep_ in ("nsubj", "nsubjpass")]
    if holders and holders[0].lower_ in RELATIVE_PRONOUNS:
        holders = [relative_head(holders[0])]
    holders += [c for h in holders for c in h.children if c.dep_ == "appos"]  # "NTV, the two brigades, comprising"
    return any(is_force_noun(ctx, h) for h in holders)


def sizes_force(ctx: Context, word: Token) -> bool:
    """Is this personnel noun, in the singular, a compound sizing a force or its change: the "man" of
    "a 3,000-man force", the "troop" of "a 1,600 troop cut"? (Of a plural, the number counts the force's
    units: "two fighter squadrons".)"""
    head = word.head
    lemma = word.lemma_.lower()
    # "the 500-member Bangladeshi battalion", "an 800-person task force": the parse may hang the compound on the
    # force past a name, and any person a force is made of is its people
    if not (word.dep_ in ("compound", "nmod") and word.tag_ == "NN" and head.i > word.i and head.tag_ == "NN"
            and (lemma in ctx.words.personnel_nouns or lemma in ctx.words.people_nouns)):
        return False
    if head.lemma_.lower() in ctx.words.change_nouns:
        return True
    # "a 12-member team of inspectors" counts the people its "of" names
    return is_force_noun(ctx, head) and not any(not is_personnel(ctx, o) for o in prep_objects(head, "of"))


def unit(ctx: Context, noun: Token) -> Span:
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
