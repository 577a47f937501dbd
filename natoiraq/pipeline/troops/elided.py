"""Figures whose noun is left out: a number that shares the noun of a troop figure reported just before
("2,500 troops in Iraq and about 900 in Syria", "Uganda will provide 4,500 soldiers, Ethiopia 2,500",
"the 300,000 who were already there")."""

from __future__ import annotations

from spacy.tokens import Token

from natoiraq.knowledge.ontology import Actor
from natoiraq.parsing.numbers import looks_like_year, parse_number
from natoiraq.pipeline.syntax import np_tokens, subject_of
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import NO_ONE, Personnel, TroopFigure
from natoiraq.pipeline.troops.mentions import is_place_role
from natoiraq.pipeline.troops.nouns import is_personnel
from natoiraq.pipeline.troops.shared import WHOSE_PREPS

#: Where a bare number stands for personnel already reported: subject, object, or the size in "at 270".
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_BACK_REFERENCES = frozenset({"them", "those", "these"})
#: "1,000 of whom will leave": a relative partitive after its number refers back as "of them" does (before it,
#: "of whom 65 are doctors" may break a total down into people of any trade).
_RELATIVE_PARTITIVE = "whom"
_WHICH = "which"
#: The prepositions by which a ranking gives a contributor its number: "Turkey follows with 420", "Indonesia
#: provides the largest share at 1,290".
_RANKING_PREPS = frozenset({"with", "at"})
#: What ends a header whose personnel the numbers after it count: "Troop numbers: US 2,500; UK 900".
HEADER_MARK = ":"
#: What sets an inline list item's number off from its label: "Italy (963)", "South Africa= 1495", "Italy: 1,200",
#: "India – 2,400".
_ITEM_MARKS = frozenset({"(", "=", HEADER_MARK, "-", "\u2013", "\u2014"})
#: Words that set a group in a sequence of groups: "another batch of 200", "the next group of 150".
_SEQUENCE = frozenset({"another", "next", "last", "final", "further", "latest"})
#: Words by which a number picks out part of a force just reported: "the remaining 300", "the first 200".
_SETTLING = frozenset({"remaining", "first", "rest"})
_HOW, _MANY = "how", "many"
#: The most words before an answer's number: a speaker's label ("A:", "GEN. SMITH:").
_ANSWER_LEAD = 3
_ANSWER_SENTENCES = 2
_TIME_PREPS = frozenset({"in", "since", "until", "till", "by", "before", "after", "during", "around", "circa"})


def elided(ctx: Context, number: Token, start: int) -> Personnel | None:
    """A number that shares the noun of a troop figure before it in the sentence:
    "2,500 troops in Iraq and about 900 in Syria", "along with roughly 5,000 from
    NATO allies", "about 4,000 remain". ``start``: where its number phrase starts ("approx. 3,000")."""
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
    label = _gapped_label(ctx, number, start)
    repeated = _repeated(ctx, number) if previous is not None and previous.lower_ == "the" else None
    if not label and previous is not None and (previous.lower_ in ("the", "no", "no.", "#")
                                               or previous.pos_ in ("NOUN", "PROPN")) \
            and not _present(ctx, number) and repeated is None:
        return None  # "resolution 1546", "the 1990 ..."
    if looks_like_year(number.text) and any(t.dep_ == "pobj" and t.head.lower_ in _TIME_PREPS
                                            for t in (number, number.head)):
        return None  # "returned home in (about) 1868": a year, whatever the date component made of it
    partitive = doc[number.i + 2].lower_ if following is not None and following.lower_ == "of" \
        and number.i + 2 < len(doc) else None
    # "about 250 of them", "1,000 of whom"; "300 of which" unless other things end the phrase before it ("at 12
    # bases, 3 of which")
    last = doc[number.i - 2] if number.i >= 2 else number
    of_them = partitive in _BACK_REFERENCES | {_RELATIVE_PARTITIVE} or partitive == _WHICH \
        and not (last.tag_ in ("NNS", "NNPS") and not is_personnel(ctx, last))
    if following is not None and following.lower_ in ("of", "out") and not of_them:
        return None  # "one of the world's largest", "360 out of 927 civilian personnel": a noun of its own
    earlier = [i for i in ctx.found if number.sent.start <= i < number.i]
    borrowed = not earlier
    if label and borrowed:
        # "troops from Canada (1,000), Spain (600)", "Troop contributions: South Africa= 1495": an inline
        # list's item borrows the personnel noun its sentence names before it
        # ... and so does one after a header's colon, marked or not ("Troop numbers: US 2,500; UK 900")
        # (the tokenizer may glue the colon to a bracket: "Troop contributors (as of March): Nepal 1,200")
        headed = any(t.is_punct and t.text.endswith(HEADER_MARK) for t in doc[number.sent.start: label[0].i])
        listed = _listing_noun(ctx, number, label[0]) if doc[start - 1].text in _ITEM_MARKS or headed else None
        if listed is None:
            return None  # a gapped clause continues its own sentence
        force = ctx.mentions.actor(np_tokens(listed.head if listed.dep_ == "compound" else listed))
        # each item is where its own label says, not where the list's first is; so is one under a state's
        # header that names another ("US troops abroad: Japan: 54,000")
        if _names_place(label) or _other_state(ctx, force, label):
            return Personnel(None, number, force, inherited_unit=listed.text, place=ctx.mentions.place(label))
        return Personnel(None, number, _label_force(ctx, label), inherited_unit=listed.text)
    ranked = _ranked_by(ctx, number)
    if not earlier and (of_them or number.dep_ in _ARGUMENT_DEPS or _next_group(number) or ranked):
        # "Another 3,000 will leave", "The remaining 200 train Iraqi units", "A second batch of 300 will
        # follow": the figures just reported.
        here = ctx.paragraph(number.idx)
        earlier = [i for i in ctx.found if i < number.i and ctx.paragraph(doc[i].idx) == here]
        if not earlier and _continuing(ctx, number, start):
            # "A further 150 will arrive in May" as a paragraph of its own: wires give each sentence one
            line = ctx.text.rfind("\n", 0, number.idx)
            earlier = [i for i in ctx.found if i < number.i and not ctx.text[ctx.text.find("\n", doc[i].idx): line].strip()]
    if not earlier and repeated is None:
        return _answer(ctx, number)
    figure = ctx.found[max(earlier)] if earlier else repeated
    # "roughly 5,000 from NATO allies": the elided phrase may name its own force.
    own = ctx.mentions.actor(following.subtree) if following is not None and following.lower_ in WHOSE_PREPS else ranked
    where = None
    if label and not _names_place(label, marked=doc[start - 1].text in _ITEM_MARKS) \
            and not (figure.personnel.place is not None and _other_state(ctx, figure.recorded_actor(), label)):
        own = _label_force(ctx, label)
    elif label:
        where = ctx.mentions.place(label)  # the list goes on: "..., Germany (35,000)" is in Germany
    return Personnel(None, number, own or figure.recorded_actor(), inherited_unit=figure.unit,
                     borrowed=borrowed and own is None, place=where)


def _answer(ctx: Context, number: Token) -> Personnel | None:
    """A number that opens its sentence, or follows its colon, as the answer to a question on personnel just
    asked: "Q: How many troops are there now? A: About 900", "Asked how many soldiers were in the brigade, the
    spokesman said: "Around 3,000."""""
    doc = number.doc
    sentence = number.sent
    # the words a speaker's label leaves ("PRESS SECRETARY: We have about 900")
    lead = next((t.i + 1 for t in doc[sentence.start: number.i] if t.text == HEADER_MARK), sentence.start)
    opening = [t for t in doc[lead: number.i] if not (t.is_punct or t.is_space or t.pos_ in ("ADV", "ADP"))]
    after_colon = any(t.text == HEADER_MARK for t in doc[max(sentence.start, number.i - 3): number.i])
    if len(opening) > _ANSWER_LEAD and not after_colon:
        return None
    start = sentence.start
    for _ in range(_ANSWER_SENTENCES):  # the question, and a speaker's label the parse may set apart ("A:")
        start = doc[start - 1].sent.start if start else start
    tokens = doc[start: number.i]
    for i, token in enumerate(tokens[:-1]):
        if token.lower_ == _HOW and tokens[i + 1].lower_ == _MANY:
            asked = next((t for t in tokens[i + 2: i + 5] if is_personnel(ctx, t)), None)
            # "How many soldiers died? 14": a question on the harmed asks no force's size
            harmed = any(t.lemma_.lower() in ctx.words.casualty_lemmas for t in token.sent)
            if asked is not None and not harmed:  # whose the question asks about, the answer counts
                return Personnel(None, number, ctx.mentions.actor(np_tokens(asked)), inherited_unit=asked.text)
    return None


def _continuing(ctx: Context, number: Token, start: int) -> bool:
    """Does a number phrase say it goes on from figures already reported: "another 150", "a further 150",
    "2,000 more", "the remaining 300", "the first 200", "Of these, 200"?"""
    doc = number.doc
    before = {t.lower_ for t in doc[max(start - 2, number.sent.start): number.i]}
    after = doc[number.i + 1].lower_ if number.i + 1 < len(doc) else ""
    # "Of these, 200 are in the capital": a partitive the clause opens with
    partitive = any(t.lower_ in _BACK_REFERENCES and t.head.lower_ in ("of", "among")
                    for t in doc[number.sent.start: number.i])
    return partitive or bool(before & (ctx.words.increase_markers_before | _SEQUENCE | _SETTLING)
                             or after in ctx.words.increase_markers_after)


def _ranked_by(ctx: Context, number: Token) -> Actor | None:
    """The state a contributors' ranking gives a bare number to: "Italy provides the largest share with 850",
    "Turkey follows with 420", "Spain is second with 670" (the clause's subject, a named actor)."""
    verb = number.head.head if number.dep_ == "pobj" and number.head.lower_ in _RANKING_PREPS else None
    if verb is not None and verb.dep_ in ("acomp", "advmod", "attr"):
        verb = verb.head  # "is second with 1,400": the parse may hang the number on the rank
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    subject = subject_of(verb)
    return ctx.mentions.actor([subject]) if subject is not None and subject.pos_ == "PROPN" else None


def _next_group(number: Token) -> bool:
    """Does a number size a group in a sequence ("a second batch of 300", "the last group of 150")?"""
    group = number.head.head if number.dep_ == "pobj" and number.head.lower_ == "of" else None
    return group is not None and group.pos_ == "NOUN" and any(
        c.ent_type_ == "ORDINAL" or c.lower_ in _SEQUENCE for c in group.children if c.dep_ in ("amod", "det"))


def _other_state(ctx: Context, force: Actor | None, label: list[Token]) -> bool:
    """Does a list item's label name a state other than the one state its list's header names? Then the list
    breaks that state's force down by place."""
    return force is not None and force.force in ctx.mentions.ontology.countries and force.mission is None \
        and _label_force(ctx, label) not in (force, NO_ONE)


def _present(ctx: Context, number: Token) -> bool:
    """Does a definite number say people are somewhere: "the 300,000 who were already there", "the 34,500
    currently there", "the 10,000 already deployed"? Then it is the people of a figure just reported, not a
    year or a document's number."""
    near = list(number.children) + [w for c in number.children if c.dep_ in ("advmod", "acl", "relcl")
                                    for w in c.children]
    return any(t.dep_ == "advmod" and t.lower_ in ctx.words.settled_words
               or t.dep_ == "nsubj" and t.lower_ == "who" and t.head.dep_ == "relcl" for t in near)


def _repeated(ctx: Context, number: Token) -> TroopFigure | None:
    """The figure a definite bare number repeats: "Most of the 4,000 are in the north-east" after "Some 4,000
    U.S. troops are in Syria" is those troops; the same number with no figure before it may be a year or a code."""
    value = parse_number(number.text)
    return next((f for i, f in reversed(ctx.found.items()) if i < number.i and value in f.bounds), None) \
        if value is not None else None


def _listing_noun(ctx: Context, number: Token, label: Token) -> Token | None:
    """The personnel noun an inline list's sentence names before the item's label: the last plural noun
    there ("troops from Canada (1,000)"), or its compound ("troop contributors are Italy (963)"); none where
    that noun counts something else ("destroyed tanks in Iraq (120)"); with no plural there, a size header
    ("strength")."""
    before = number.doc[number.sent.start: label.i]
    counted = next((t for t in reversed(before) if t.tag_ == "NNS"), None)
    if counted is None:
        # "Coalition strength: United States: 150,000": a header that gives sizes, as an infobox's field does,
        # or names personnel in a title's capitals ("Active Duty Military Personnel by Country: Japan 53,246")
        return next((t for t in before if t.lower_ in ctx.words.list_size_headers or is_personnel(ctx, t)), None)
    return next((t for t in (counted, *counted.children) if t is counted and is_personnel(ctx, t)
                 or t.dep_ == "compound" and is_personnel(ctx, t, compound=True)), None)


def _names_place(label: list[Token], marked: bool = True) -> bool:
    """Does a gapped label say where, not who ("US troops are in Japan (54,000), Germany (35,000)")?
    A marked list shares the role of its first name; a bare "Norway 200" after "has 270 troops in Lithuania"
    mirrors the clause's subject, whatever name the parser joined it to."""
    first = label[-1]
    if not marked and _joined(first):
        return False
    while _joined(first):
        first = first.head
    return is_place_role(first)


def _joined(name: Token) -> bool:
    """Did the parser join this name to a name before it ("in Lithuania, Norway")?"""
    return name.dep_ in ("conj", "appos") and name.head.i < name.i and name.head.pos_ == "PROPN"


def _label_force(ctx: Context, label: list[Token]) -> Actor:
    """The one force a gapped clause's names stand for; "Tanzania and Gambia 196" is shared, no one's."""
    actors = _label_actors(ctx, label)
    return actors.pop() if len(actors) == 1 else NO_ONE


def _label_actors(ctx: Context, label: list[Token]) -> set[Actor]:
    """The actors a label's names stand for, one by one ("Tanzania and Gambia"), else the label whole
    ("South Korea", whose words are no names alone)."""
    actors = {actor for t in label if (actor := _label_actor(ctx, t)) is not None}
    whole = ctx.mentions.ontology.actor(" ".join(t.text for t in label)) if label and not actors else None
    return actors or ({whole} if whole is not None else set())


def _gapped_label(ctx: Context, number: Token, start: int) -> list[Token]:
    """The names a gapped clause keeps before its number phrase (which starts at ``start``), the verb and noun
    left out: "Ethiopia 2,500" in "Uganda will provide 4,500 soldiers, Ethiopia 2,500", "Tanzania and Gambia
    196", "Italy (963)", "Russia (approx. 3,000)", "Ukraine (1 300)"."""
    doc = number.doc
    i = start - 1
    if i >= 0 and doc[i].text in _ITEM_MARKS:
        i -= 1
    label: list[Token] = []
    # "and" joins names of the gapped clause ("Tanzania and Gambia 196"), not a place of the clause before
    # ("sends 870 troops to UNIFIL and Indonesia 1,200")
    while i >= number.sent.start and (doc[i].pos_ == "PROPN" or doc[i].lower_ == "and" and label
                                      and not (i > number.sent.start and is_place_role(doc[i - 1]))):
        label.insert(0, doc[i])
        i -= 1
    while label and label[0].lower_ == "and":
        label.pop(0)
    return label if _label_actors(ctx, label) else []


def _label_actor(ctx: Context, name: Token) -> Actor | None:
    """The actor a gapped clause's name stands for, even where the entity model ran it into the number
    ("Kenya 1,410" tagged as one organisation)."""
    return ctx.mentions.actor([name]) or ctx.mentions.ontology.actor(name.text)
