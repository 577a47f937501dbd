"""Troop figures: the size of a force, or a change to one.

Where a troop figure is born:

1. :func:`number_spans` finds each number phrase in the tokens, with its
   qualifier ("more than 4,000", "between 4,000 and 5,000"); the pure
   :func:`~natoiraq.parsing.quantities.parse_quantity` gives its bounds.
2. :meth:`TroopFigureFinder._personnel` decides what the number counts, from the
   parse: a personnel noun it modifies ("450 more U.S. troops"), a force it
   measures ("the 3,100-strong contingent", "a force of 5,000"), the subject of
   a size verb ("they number less than 20", "the number of troops could
   increase from 500"), or the figure it is coordinated with ("and about 900
   in Syria").
3. Casualties, money, and counts of people trained are turned away.
4. Force (whose personnel), kind (level/increase/decrease) and status
   (actual/planned) are read from the same parse.

All word lists are in ``data/troops.json``.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from natoiraq.lexicon import table
from natoiraq.parsing.numbers import SCALES, TENS, UNITS, is_number_word, parse_digits
from natoiraq.parsing.quantities import Quantity, parse_quantity, split_qualifier
from natoiraq.pipeline import extensions
from natoiraq.pipeline.syntax import (
    PERSONAL_PRONOUNS,
    RELATIVE_PRONOUNS,
    ActorIndex,
    governing_verb,
    is_verb,
    np_tokens,
    subject_of,
)

extensions.register()

_MAX_NUMBER_TOKENS = 9
_MAX_QUALIFIER_TOKENS = 4
_RANGE_JOINERS = frozenset({"to", "and", "or", "-", "\u2013", "\u2014", "through"})
_NUMBER_DEPS = frozenset({"nummod", "compound", "amod", "quantmod", "nmod", "appos", "npadvmod", "advmod", "det"})
# Prepositions whose object says whose personnel they are, not where they are.
_WHOSE_PREPS = frozenset({"of", "from"})
_OF_ONLY = frozenset({"of"})
_PARTITIVES = frozenset({"most", "some", "all", "half", "part", "many", "majority", "bulk", "rest", "remainder", "few"})
_LOCATIVE_PREPS = frozenset({"in", "at", "near", "across", "inside", "throughout", "on"})
# Collective nouns a bare number can size: "a 5k force", but not "four battalions".
_SIZED_BY_NUMBER = frozenset({"force", "contingent", "garrison", "deployment"})
_SIZE_PREPS = frozenset({"to", "at", "from", "by", "of", "around", "about", "near", "between", "under", "over"})


@dataclass
class _Personnel:
    """What a number counts: the noun as written, the token whose phrase names the force."""

    unit: Span | None
    anchor: Token
    inherited_force: str | None = None
    inherited_unit: str | None = None  # an elided noun ("about 900 in Syria") takes its antecedent's


@Language.factory("natoiraq_troops", default_config={"lexicon": "troops"})
def make_troops(nlp: Language, name: str, lexicon: str) -> "TroopFigureFinder":
    return TroopFigureFinder(nlp, name, lexicon=lexicon)


class TroopFigureFinder:
    """Find troop figures and store them on ``doc._.natoiraq_troops``."""

    def __init__(self, nlp: Language, name: str = "natoiraq_troops", *, lexicon: str = "troops"):
        self.name = name
        self.lexicon = lexicon
        words = table(lexicon)
        self.personnel = frozenset(words["personnel_nouns"])
        self.qualified = {k: frozenset(v) for k, v in words["qualified_personnel"].items()}
        self.excluded_modifiers = frozenset(words["excluded_modifiers"])
        self.force_nouns = frozenset(words["force_nouns"])
        self.size_nouns = frozenset(words["size_nouns"])
        self.level_verbs = frozenset(words["level_verbs"])
        self.deploy_verbs = frozenset(words["deploy_verbs"])
        self.increase_verbs = frozenset(words["increase_verbs"])
        self.decrease_verbs = frozenset(words["decrease_verbs"])
        self.increase_after = frozenset(words["increase_markers_after"])
        self.increase_before = frozenset(words["increase_markers_before"])
        self.casualty = frozenset(words["casualty_lemmas"])
        self.trained = frozenset(words["trained_lemmas"])
        self.plan_verbs = frozenset(words["plan_verbs"])
        self.plan_nouns = frozenset(words["plan_nouns"])
        self.money = frozenset(words["money_words"])
        self.decrease_phrasal = frozenset(tuple(p.split()) for p in words["decrease_phrasal"])
        self.movement_verbs = frozenset(words["movement_verbs"])
        self.departure_verbs = frozenset(words["departure_verbs"])
        self.forces = table("aliases").get("forces", {})

    def __call__(self, doc: Doc) -> Doc:
        actors = ActorIndex(doc, self.forces)
        dates = [(d["start"], d["end"]) for d in doc._.natoiraq_dates or []]
        found: dict[int, dict] = {}  # number token -> record, for elliptical figures
        records = []
        for span, quantity in number_spans(doc, self.level_verbs):
            if any(start < span.end_char and span.start_char < end for start, end in dates):
                continue  # "2014", "three-year": the date component has them
            record = self._figure(span, quantity, actors, found)
            if record is not None:
                records.append(record)
                found[_number_head(span).i] = record
        doc._.natoiraq_troops = records
        return doc

    # -- what does the number count? -------------------------------------------------

    def _figure(self, span: Span, quantity: Quantity, actors: ActorIndex, found: dict[int, dict]) -> dict | None:
        if self._is_money_or_share(span):
            return None
        number = _number_head(span)
        personnel = self._personnel(span, number, found, actors)
        if personnel is None or self._excluded(personnel, number):
            return None
        force = personnel.inherited_force or self._force(personnel, actors, _governor(span, personnel.anchor), found)
        kind = self._kind(span, number, personnel)
        status = self._status(span, number, personnel, kind)
        unit = personnel.unit
        unit_text = unit.text if unit is not None else personnel.inherited_unit
        return {
            "text": span.text, "start": span.start_char, "end": span.end_char,
            "value": quantity.value, "low": quantity.low, "high": quantity.high, "qualifier": quantity.qualifier,
            "unit": unit_text, "force": force, "kind": kind, "status": status,
            "sentence": span.sent.text.strip(),
        }

    def _personnel(self, span: Span, number: Token, found: dict[int, dict], actors: ActorIndex) -> _Personnel | None:
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        hyphenated = after is not None and after.text in ("-", "\u2013") and span.end + 1 < len(doc)
        word = doc[span.end + 1] if hyphenated else after  # the word the number is compounded with, if any
        # "the 3,100-strong U.S. contingent" (also written "3,100 strong")
        if word is not None and word.lower_ == "strong":
            noun = _noun_after(word)
            return _Personnel(_unit_span(noun), noun) if noun is not None else None
        # "a 200-soldier contingent"
        if hyphenated and self._is_personnel(word, compound=True):
            head = word.head if word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i else word
            return _Personnel(doc[word.i: word.i + 1], head)
        noun = self._quantified_noun(span, number)
        if noun is not None:
            if self._is_personnel(noun):
                return _Personnel(self._unit(noun), noun)
            if noun.lemma_.lower() in _SIZED_BY_NUMBER and noun.tag_ == "NN" and _directly_quantifies(number, noun):
                return _Personnel(doc[noun.i: noun.i + 1], noun)  # "a 5k force"; "four battalions" counts units
            return None
        # "2,000 of its troops"
        if after is not None and after.lower_ == "of":
            inner = next((c for c in after.children if c.dep_ == "pobj"), None)
            if inner is not None and self._is_personnel(inner):
                return _Personnel(self._unit(inner), inner)
        # "a force of 5,000", "a contingent of 300"
        if number.dep_ == "pobj" and number.head.lower_ == "of" and number.head.head.lemma_.lower() in self.force_nouns:
            holder = number.head.head
            return _Personnel(doc[holder.i: holder.i + 1], holder)
        # "2,500 troops in Iraq and about 900 in Syria"
        elliptical = self._elliptical(number, found, actors)
        if elliptical is not None:
            return elliptical
        return self._predicated(number)

    def _quantified_noun(self, span: Span, number: Token) -> Token | None:
        """The noun a number counts, from the parse, else the first noun right after it."""
        head = number.head
        if number.dep_ in _NUMBER_DEPS and head.pos_ in ("NOUN", "PROPN") and head.i > number.i:
            return head
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

    def _elliptical(self, number: Token, found: dict[int, dict], actors: ActorIndex) -> _Personnel | None:
        """A number that shares the noun of a troop figure before it in the sentence:
        "2,500 troops in Iraq and about 900 in Syria", "along with roughly 5,000 from
        NATO allies", "about 4,000 remain"."""
        head = number.head
        if number.dep_ == "conj" and self._is_personnel(head):
            antecedent = next((found[t.i] for t in head.children if t.i in found), None)
            return _Personnel(head.doc[head.i: head.i + 1], head, antecedent["force"] if antecedent else None)
        doc = number.doc
        following = doc[number.i + 1] if number.i + 1 < len(doc) else None
        if following is not None and (following.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or following.text == "-"):
            return None  # the number has a noun of its own, just not a personnel one
        previous = doc[number.i - 1] if number.i else None
        if previous is not None and (previous.lower_ in ("the", "no", "no.", "#") or previous.pos_ in ("NOUN", "PROPN")):
            return None  # "resolution 1546", "the 1990 ..."
        if number.is_alpha and following is not None and following.lower_ == "of":
            return None  # "one of the world's largest"
        earlier = [i for i in found if number.sent.start <= i < number.i]
        if not earlier:
            return None
        record = found[max(earlier)]
        anchor = number
        # "roughly 5,000 from NATO allies": the elided phrase may name its own force.
        following = doc[number.i + 1] if number.i + 1 < len(doc) else None
        own = actors.first(following.subtree) if following is not None and following.lower_ in ("from", "of") else None
        return _Personnel(None, anchor, own or record["force"], inherited_unit=record["unit"])

    def _predicated(self, number: Token) -> _Personnel | None:
        """ "they number less than 20", "could increase from 500 to between 4,000 and 5,000"."""
        token = number
        if number.dep_ in ("conj", "quantmod") and number.head.like_num:
            token = number.head  # "between 4,000 and 5,000": the range hangs on one of its numbers
        verb = None
        if token.dep_ == "pobj" and token.head.lower_ in _SIZE_PREPS:
            verb = self._change_verb(token.head)
        elif token.dep_ in ("dobj", "npadvmod", "attr", "advmod", "nsubj", "oprd") and is_verb(token.head):
            verb = token.head
        if verb is None:
            return None
        if verb.lemma_.lower() in self.level_verbs:
            for holder in _arguments(verb):
                found = self._personnel_in(holder)
                if found is not None:
                    return found
        if verb.lemma_.lower() in self.deploy_verbs and token.dep_ == "dobj":
            return _Personnel(None, token)  # "deploy 2,000", noun left out
        return None

    def _change_verb(self, token: Token) -> Token | None:
        """The verb a size phrase belongs to: "cut the number of troops stationed in Germany
        by 9,500": the phrase hangs on "stationed", the change is "cut"."""
        current = token
        for _ in range(6):  # by -> stationed -> troops -> of -> number -> cut
            current = current.head
            if is_verb(current) and current.lemma_.lower() in self.level_verbs:
                return current
            if current.head.i == current.i:
                break
        verb, _ = governing_verb(token)
        return verb

    def _personnel_in(self, holder: Token) -> _Personnel | None:
        """The personnel a clause argument names: "troops", "the number of Nato troops", "they"."""
        if holder.lower_ in PERSONAL_PRONOUNS:
            return self._antecedent(holder)
        if self._is_personnel(holder):
            return _Personnel(self._unit(holder), holder)
        lemma = holder.lemma_.lower()
        if lemma in self.size_nouns or lemma in self.force_nouns:
            for token in np_tokens(holder):
                if token is not holder and self._is_personnel(token, compound=token.dep_ == "compound"):
                    return _Personnel(self._unit(token), token)
            if lemma in self.force_nouns:
                return _Personnel(holder.doc[holder.i: holder.i + 1], holder)
        return None

    def _antecedent(self, pronoun: Token) -> _Personnel | None:
        """The personnel noun a pronoun stands for: the nearest one before it in the sentence."""
        for token in reversed(list(pronoun.doc[pronoun.sent.start: pronoun.i])):
            if token.pos_ == "NOUN" and self._is_personnel(token):
                return _Personnel(self._unit(token), token)
        return None

    def _is_personnel(self, noun: Token, compound: bool = False) -> bool:
        lower = noun.lower_
        # Proper nouns keep their plural as lemma ("Marines").
        lemma = lower[:-1] if noun.pos_ == "PROPN" and lower.endswith("s") else noun.lemma_.lower()
        if noun.pos_ not in ("NOUN", "PROPN") and not compound:
            return False
        if lemma not in self.personnel and lower not in self.personnel:
            return False
        required = self.qualified.get(lower) or self.qualified.get(lemma)
        if required is None:
            return True
        modifiers = {c.lower_ for c in noun.children if c.dep_ in ("compound", "amod", "nmod", "poss")}
        if modifiers & required:
            return True
        if any(c.ent_type_ in ("NORP", "GPE", "ORG") for c in noun.children if c.dep_ in ("compound", "amod", "poss")) \
                and lemma in ("force", "forces", "police"):
            return True
        # "trainers, advisers and support staff": a coordinated personnel noun vouches for it.
        coordinated = [c for c in noun.children if c.dep_ == "conj"] + ([noun.head] if noun.dep_ == "conj" else [])
        if any(self._is_personnel(c) for c in coordinated if c.lemma_.lower() not in self.qualified):
            return True
        # "a force of 3,000 men"
        return noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in self.force_nouns

    def _unit(self, noun: Token) -> Span:
        """The personnel noun as written, with coordinated ones: "trainers, advisers and support staff"."""
        doc = noun.doc
        first = noun
        while first.dep_ == "conj" and self._is_personnel(first.head):
            first = first.head
        start = first.i
        for child in first.lefts:
            if child.dep_ == "compound" and child.pos_ == "NOUN" and child.i == start - 1:
                start = child.i  # "service members", "support staff"
        end = noun.i
        frontier = [first]
        while frontier:
            current = frontier.pop()
            end = max(end, current.i)
            frontier.extend(c for c in current.children if c.dep_ == "conj" and self._is_personnel(c))
        return doc[start: end + 1]

    # -- what it is not ---------------------------------------------------------------

    def _is_money_or_share(self, span: Span) -> bool:
        doc = span.doc
        before = doc[span.start - 1] if span.start else None
        after = doc[span.end] if span.end < len(doc) else None
        texts = {t.lower_ for t in span} | {t.lower_ for t in (before, after) if t is not None}
        if texts & self.money or any(t.text.startswith(("$", "€", "£")) for t in span):
            return True
        return after is not None and after.lower_ in ("%", "percent", "per", "pc")

    def _excluded(self, personnel: _Personnel, number: Token) -> bool:
        noun = personnel.anchor
        if any(c.lower_ in self.excluded_modifiers for c in noun.children if c.dep_ in ("amod", "compound")):
            return True
        # "20 soldiers were killed", "killed 20 soldiers", "soldiers killed in the attack"
        for token in (noun, number):
            head = token.head
            if token.dep_ in ("dobj", "nsubjpass", "nsubj", "pobj", "conj") and head.lemma_.lower() in self.casualty:
                return True
            if any(c.lemma_.lower() in self.casualty for c in token.children if c.dep_ in ("acl", "amod", "relcl")):
                return True
            # "graduated up to 50,000 Iraqi troops": people trained are an output, not a force.
            if token.dep_ in ("dobj", "nsubjpass") and head.lemma_.lower() in self.trained:
                return True
            if token.dep_ == "pobj" and head.head.lemma_.lower() in self.trained | self.casualty:
                return True  # "the training of 500 officers", "the deaths of 20 soldiers"
        return noun.dep_ == "attr" and any(c.lemma_.lower() in self.casualty for c in noun.head.children)

    # -- whose, which way, how sure -------------------------------------------------

    def _force(self, personnel: _Personnel, actors: ActorIndex, governor: Token | None = None,
               found: dict[int, dict] | None = None) -> str | None:
        noun = personnel.anchor
        named = self._named_in_phrase(noun, actors, governor)
        if named:
            return named
        # Otherwise the actor the clause is about: "NATO had roughly 500 trainers".
        current = noun
        for step in range(5):
            verb = governor if step == 0 and governor is not None else governing_verb(current)[0]
            if verb is None:
                # No verb at all (a headline, or "Forces number ..." parsed as nouns):
                # the actor in the sentence's root phrase is the best evidence left.
                root = noun.sent.root
                return actors.first(np_tokens(root, _WHOSE_PREPS)) if root.i != noun.i else None
            subject = subject_of(verb)
            if subject is None:
                current = verb  # "..., including 26,000 soldiers": keep climbing
                continue
            if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
                holder = _relative_head(subject)  # "countries that provide ..." -> countries
                named = actors.first(np_tokens(holder, _WHOSE_PREPS))
                if named:
                    return named
                current = holder
                continue
            if subject.lower_ in PERSONAL_PRONOUNS:
                antecedent = self._antecedent(subject) if step == 0 else None
                if antecedent is not None and antecedent.anchor.i == noun.i:
                    continue  # "NATO does have trainers ..., they number less than 20": go to the trainers' clause
                return self._pronoun_force(subject, noun, actors)
            if subject.i == noun.i:
                return None  # "Some 2,000 Marines are aboard": the phrase itself was searched
            named = actors.first(np_tokens(subject, _WHOSE_PREPS))
            if named is None and found and self._is_personnel(subject) and \
                    any(c.lower_ in ("the", "these", "those") for c in subject.children if c.dep_ == "det"):
                # "The troops, part of a force numbering about 3,000, ...": the troops just named.
                named = list(found.values())[-1]["force"]
            return named
        return None

    def _named_in_phrase(self, noun: Token, actors: ActorIndex, governor: Token | None) -> str | None:
        """An actor inside the figure's own phrase: "U.S. troops", "Nato's trainers", "troops from Denmark",
        "a U.S. force of 5,200 soldiers"; but not "withdraw troops from Syria" (a place left)."""
        verb = governor or governing_verb(noun)[0]
        moving = verb is not None and verb.lemma_.lower() in self.movement_verbs
        preps = _OF_ONLY if moving else _WHOSE_PREPS
        named = actors.first(t for t in np_tokens(noun, preps) if t.i != noun.i)
        if named is None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in self.force_nouns:
            named = actors.first(np_tokens(noun.head.head, _OF_ONLY))
        if named is None:
            possessor = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
            if possessor is not None:
                named = self._pronoun_force(possessor, noun, actors)
        return named

    def _pronoun_force(self, pronoun: Token, noun: Token, actors: ActorIndex) -> str | None:
        """ "it will withdraw 2,000 troops": "it" is the actor named before; "they number
        less than 20": "they" are the personnel named before, whose force we then find."""
        if pronoun.lower_ in ("they", "them", "their", "these", "those"):
            antecedent = self._antecedent(pronoun)
            if antecedent is not None and antecedent.anchor.i != noun.i:
                return self._force(antecedent, actors)
        if pronoun.dep_ == "poss":
            # "NATO ... will move some of its 500 personnel": "its" is the clause's subject.
            verb, _ = governing_verb(pronoun)
            subject = subject_of(verb) if verb is not None else None
            if subject is not None and subject.lower_ not in PERSONAL_PRONOUNS:
                named = actors.first(np_tokens(subject, _WHOSE_PREPS))
                if named:
                    return named
        return actors.before(pronoun)

    def _kind(self, span: Span, number: Token, personnel: _Personnel) -> str:
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        if after is not None and after.lower_ in self.increase_after:
            return "increase"  # "450 more troops"
        before = [t.lower_ for t in doc[max(0, span.start - 2): span.start]]
        if any(w in self.increase_before for w in before) and "than" not in before:
            return "increase"  # "an additional 20", "another 1,000"
        if any(c.lower_ in ("additional", "extra", "more", "further") for c in personnel.anchor.children if c.dep_ == "amod"):
            return "increase"
        previous = _word_before(span)
        if previous is not None and previous.lower_ in ("to", "from", "at", "between", "of"):
            return "level"  # "cut from 3,000 to 2,500": both are sizes
        anchor = personnel.anchor
        if anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.lower_ in _PARTITIVES:
            return "level"  # "withdrawing most of its 250 soldiers": 250 is the force's size
        for candidate in (number, personnel.anchor):
            # "boost by 500", "reinforced by 50 instructors"
            if candidate.dep_ in ("pobj", "agent") and candidate.head.lower_ == "by":
                change = self._change_verb(candidate.head)
                verb = change.lemma_.lower() if change is not None else ""
                if verb in self.decrease_verbs:
                    return "decrease"
                if verb in self.increase_verbs:
                    return "increase"
            if candidate.dep_ == "pobj" and candidate.head.head.lemma_.lower() in ("withdrawal", "drawdown", "pullout", "reduction"):
                return "decrease"
        governor = _governor(span, personnel.anchor)
        if governor is not None and anchor.dep_ == "nsubj" and governor.i > number.i:
            if governor.lemma_.lower() in self.departure_verbs:
                return "decrease"  # "about 1,000 U.S. troops will leave the country"
        elif governor is not None:
            lemma = governor.lemma_.lower()
            if lemma in self.decrease_verbs or any((lemma, c.lower_) in self.decrease_phrasal for c in governor.children):
                return "decrease"  # "withdraw 2,000 troops", "bring home 100 of its trainers"
            if lemma == "add" and anchor.dep_ == "dobj" and anchor.head.i == governor.i:
                return "increase"
        return "level"

    def _status(self, span: Span, number: Token, personnel: _Personnel, kind: str) -> str:
        """ "could go up to 200" is planned; "from 500" in a planned change is today's level;
        "the 5,200 troops", "its 2,000-strong air group" state the size of a force that exists
        (but "would withdraw the remaining 2,500" is a planned change)."""
        previous = _word_before(span)
        if previous is not None and previous.lower_ == "from":
            return "actual"
        anchor = personnel.anchor
        # Only the number's own phrase: in "cap the U.S. presence at 25,000" the definite
        # phrase is the force, not the figure.
        own_phrase = number.head.i == anchor.i or (number.i < anchor.i and number in anchor.subtree)
        determiners = [c for c in anchor.children if c.dep_ in ("det", "poss") and c.i < number.i] if own_phrase else []
        if kind == "level" and any(d.lower_ in ("the", "its", "their", "his", "her", "our", "these", "those")
                                   or d.dep_ == "poss" for d in determiners):
            return "actual"
        current = number
        while current.head.i != current.i:
            current = current.head
            if current.pos_ == "NOUN" and current.lemma_.lower() in self.plan_nouns:
                return "planned"
            if is_verb(current):
                break
        governor = _governor(span, anchor)
        return "planned" if governor is not None and self._is_planned(governor) else "actual"

    def _is_planned(self, verb: Token) -> bool:
        for _ in range(3):
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ == "MD" or a.tag_ == "TO" or a.lower_ == "going" for a in auxes):
                return True
            if verb.lemma_.lower() in self.plan_verbs and verb.tag_ != "VBD" or any(
                    c.lemma_.lower() in self.plan_verbs and c.dep_ == "acomp" for c in verb.children):
                return True
            # "will send 475 more, bringing the total to 1,600": the participle shares its head's modality.
            shares_head = verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and verb.tag_ == "VBG")
            if not shares_head or verb.head.i == verb.i:
                return False
            verb = verb.head
        return False


# -- finding number phrases --------------------------------------------------------------


def _is_value(text: str, low: str) -> bool:
    if low in UNITS or low in TENS:
        return True
    if not any(ch.isdigit() for ch in text):
        return False  # most tokens: no parsing at all
    return parse_digits(text) is not None or parse_quantity(text) is not None


def _joinable(text: str, low: str) -> bool:
    return low in _RANGE_JOINERS or low == "dozen" or is_number_word(text)


class _Words:
    """The doc's words as strings, read once: the number scan touches every token."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.full = doc.text  # spaCy rebuilds Doc.text from the tokens on every access
        self.text = [t.text for t in doc]
        self.lower = [t.lower_ for t in doc]
        self.idx = [t.idx for t in doc]
        self.space = [t.is_space for t in doc]
        self.sent_start = [bool(t.is_sent_start) for t in doc]

    def between(self, start: int, end: int) -> str:
        """The text of tokens ``start``..``end`` as written (what ``doc[start:end].text`` gives)."""
        return self.full[self.idx[start]: self.idx[end - 1] + len(self.text[end - 1])]


def number_spans(doc: Doc, change_verbs: frozenset[str] = frozenset()):
    """Each number phrase with its qualifier: (span, Quantity), left to right, not overlapping.

    "from X to Y" under a verb of change ("increase from 500 to 700") is two
    numbers, a before and an after, not a range.
    """
    words = _Words(doc)
    n = len(doc)
    i = 0
    while i < n:
        low = words.lower[i]
        if not (_is_value(words.text[i], low) or low in ("a", "an") and i + 1 < n
                and words.lower[i + 1] in (*SCALES, "dozen")):
            i += 1
            continue
        opener = words.lower[i - 1] if i else ""
        split_change = opener == "from" and doc[i - 1].head.lemma_.lower() in change_verbs
        end = i + 1
        while end < n and end - i < _MAX_NUMBER_TOKENS and not words.space[end] \
                and _joinable(words.text[end], words.lower[end]):
            if split_change and words.lower[end] in _RANGE_JOINERS:
                break
            end += 1
        # "between 4,000 and 5,000" parses only with its opener.
        start = i - 1 if opener == "between" else i
        best = None
        for stop in range(end, i, -1):
            if words.lower[stop - 1] in _RANGE_JOINERS:
                continue  # a phrase never ends on "to" or a dash
            quantity = parse_quantity(words.between(start, stop))
            if quantity is None and start != i:
                quantity = parse_quantity(words.between(i, stop))
            if quantity is not None:
                best = (stop, quantity)
                break
        if best is None:
            i += 1
            continue
        stop, quantity = best
        first, last = _with_qualifiers(words, i, stop)
        span = doc[first:last]
        if (first, last) != (i, stop):
            quantity = parse_quantity(span.text) or quantity
        yield span, quantity
        i = stop


def _with_qualifiers(words: _Words, start: int, stop: int) -> tuple[int, int]:
    """Widen the number to the words that bound it: "more than", "between", "or more"."""
    number_text = words.between(start, stop)
    for width in range(_MAX_QUALIFIER_TOKENS, 0, -1):
        first = start - width
        if first < 0 or any(words.space[first:stop]) or any(words.sent_start[first + 1: stop]):
            continue
        qualifier, rest = split_qualifier(words.between(first, stop))
        if (qualifier != "exact" and rest == number_text) or (
                width == 1 and words.lower[first] == "between" and " and " in number_text):
            start = first
            break
    for width in (2, 1):
        if stop + width > len(words.text) or any(words.space[stop: stop + width]):
            continue
        candidate = words.between(start, stop + width)
        qualifier, rest = split_qualifier(candidate)
        if qualifier != "exact" and rest.endswith(number_text) and candidate != rest:
            stop = stop + width
            break
    return start, stop


def _number_head(span: Span) -> Token:
    """The token of a number phrase that the parse hangs the rest of the sentence on."""
    numbers = [t for t in span if t.like_num or parse_digits(t.text) is not None or t.lower_ in SCALES]
    if not numbers:
        return span[-1]
    # In "between 4,000 and 5,000" the first number carries the relation; in
    # "three thousand two hundred" the last one does.
    for token in numbers:
        if token.head.i < span.start or token.head.i >= span.end:
            return token
    return numbers[-1]


def _noun_after(token: Token) -> Token | None:
    """The noun an "X-strong" modifies."""
    if token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i:
        return token.head
    for candidate in token.doc[token.i + 1: token.i + 5]:
        if candidate.pos_ == "NOUN":
            return candidate
    return None


def _unit_span(noun: Token) -> Span:
    return noun.doc[noun.i: noun.i + 1]


def _directly_quantifies(number: Token, noun: Token) -> bool:
    return number.head.i == noun.i and number.dep_ in ("nummod", "compound")


def _arguments(verb: Token):
    """The subject and object of a verb, borrowing a controlling verb's subject; a participle's
    subject is the noun it modifies ("a regional force numbering about 3,000")."""
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN"):
        yield verb.head
    subject = subject_of(verb)
    if subject is not None:
        yield subject
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            yield child


def _word_before(span_or_token) -> Token | None:
    """The word just before a number phrase, past its qualifiers ("from", "to", a verb)."""
    start = span_or_token.start if isinstance(span_or_token, Span) else span_or_token.i
    return span_or_token.doc[start - 1] if start else None


def _governor(span: Span, anchor: Token) -> Token | None:
    """The verb a figure belongs to. English puts it right before the object ("will
    withdraw about 1,000 troops"); where the parse hangs the phrase elsewhere, trust the order."""
    before = _word_before(span)
    if before is not None and before.tag_.startswith("VB") and before.dep_ not in ("amod", "aux", "auxpass"):
        return before
    verb, _ = governing_verb(anchor)
    return verb


def _relative_head(pronoun: Token) -> Token:
    """The noun a relative clause describes; "the mission in Mali, which has ..." is about the mission."""
    holder = pronoun.head.head
    if holder.ent_type_ in ("GPE", "LOC") and holder.dep_ == "pobj" and holder.head.lower_ in _LOCATIVE_PREPS:
        return holder.head.head
    return holder
