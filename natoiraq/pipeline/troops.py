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
_SIZE_PREPS = frozenset({"to", "at", "from", "by", "of", "around", "about", "near", "between", "under", "over"})


@dataclass
class _Personnel:
    """What a number counts: the noun as written, the token whose phrase names the force."""

    unit: Span | None
    anchor: Token
    inherited_force: str | None = None


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

    def __call__(self, doc: Doc) -> Doc:
        actors = ActorIndex(doc)
        found: dict[int, dict] = {}  # last number token -> record, for elliptical figures
        records = []
        for span, quantity in number_spans(doc, self.level_verbs):
            record = self._figure(span, quantity, actors, found)
            if record is not None:
                records.append(record)
                found[span[-1].i] = record
        doc._.natoiraq_troops = records
        return doc

    # -- what does the number count? -------------------------------------------------

    def _figure(self, span: Span, quantity: Quantity, actors: ActorIndex, found: dict[int, dict]) -> dict | None:
        if self._is_money_or_share(span):
            return None
        number = _number_head(span)
        personnel = self._personnel(span, number, found)
        if personnel is None or self._excluded(personnel, number):
            return None
        force = personnel.inherited_force or self._force(personnel, actors)
        kind = self._kind(span, number, personnel)
        status = self._status(span, number)
        unit = personnel.unit
        return {
            "text": span.text, "start": span.start_char, "end": span.end_char,
            "value": quantity.value, "low": quantity.low, "high": quantity.high, "qualifier": quantity.qualifier,
            "unit": unit.text if unit is not None else None, "force": force, "kind": kind, "status": status,
            "sentence": span.sent.text.strip(),
        }

    def _personnel(self, span: Span, number: Token, found: dict[int, dict]) -> _Personnel | None:
        doc = span.doc
        after = doc[span.end] if span.end < len(doc) else None
        # "the 3,100-strong U.S. contingent", "a 200-soldier contingent"
        if after is not None and after.text in ("-", "\u2013") and span.end + 1 < len(doc):
            word = doc[span.end + 1]
            if word.lower_ == "strong":
                noun = _noun_after(word)
                return _Personnel(_unit_span(noun), noun) if noun is not None else None
            if self._is_personnel(word, compound=True):
                head = word.head if word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i else word
                return _Personnel(doc[word.i: word.i + 1], head)
        if after is not None and after.lower_ == "strong":
            noun = _noun_after(after)
            return _Personnel(_unit_span(noun), noun) if noun is not None else None
        noun = self._quantified_noun(span, number)
        if noun is not None:
            if self._is_personnel(noun):
                return _Personnel(self._unit(noun), noun)
            if noun.lemma_.lower() in self.force_nouns and _directly_quantifies(number, noun) and noun.lemma_ not in (
                    "mission", "team", "unit", "company", "troop"):
                return _Personnel(doc[noun.i: noun.i + 1], noun)  # "a 5,000 force"
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
        elliptical = self._elliptical(number, found)
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

    def _elliptical(self, number: Token, found: dict[int, dict]) -> _Personnel | None:
        """A number coordinated with a troop figure shares its noun and force."""
        head = number.head
        if number.dep_ != "conj":
            return None
        if self._is_personnel(head):
            antecedent = next((found[t.i] for t in head.children if t.i in found), None)
            return _Personnel(head.doc[head.i: head.i + 1], head, antecedent["force"] if antecedent else None)
        if head.i in found:
            record = found[head.i]
            return _Personnel(None, head, record["force"])
        return None

    def _predicated(self, number: Token) -> _Personnel | None:
        """ "they number less than 20", "could increase from 500 to between 4,000 and 5,000"."""
        token = number
        if number.dep_ == "conj" and number.head.like_num:
            token = number.head  # "between 4,000 and 5,000": the range hangs on its first number
        verb = None
        if token.dep_ == "pobj" and token.head.lower_ in _SIZE_PREPS and is_verb(token.head.head):
            verb = token.head.head
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
        lemma = noun.lemma_.lower()
        lower = noun.lower_
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
            if token.dep_ == "pobj" and head.head.lemma_.lower() in self.trained:
                return True
        return noun.dep_ == "attr" and any(c.lemma_.lower() in self.casualty for c in noun.head.children)

    # -- whose, which way, how sure -------------------------------------------------

    def _force(self, personnel: _Personnel, actors: ActorIndex) -> str | None:
        noun = personnel.anchor
        # Inside the phrase: "U.S. troops", "Nato's trainers", "troops from Denmark".
        own = [t for t in np_tokens(noun) if t.dep_ != "pobj" or t.head.lower_ in ("of", "from")]
        named = actors.first(t for t in own if t.i != noun.i or noun.pos_ == "PROPN")
        if named:
            return named
        # Otherwise the actor the clause is about: "NATO had roughly 500 trainers".
        current = noun
        for _ in range(4):
            verb, _ = governing_verb(current)
            if verb is None:
                return None
            subject = subject_of(verb)
            if subject is None:
                return None
            if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
                holder = subject.head.head  # "countries that provide ..." -> countries
                named = actors.first(np_tokens(holder))
                if named:
                    return named
                current = holder
                continue
            if subject.lower_ in PERSONAL_PRONOUNS:
                antecedent = self._antecedent(subject)
                if antecedent is None or antecedent.anchor.i == noun.i:
                    return None
                current = antecedent.anchor
                continue
            return actors.first(np_tokens(subject))
        return None

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
        token = number.head if number.dep_ == "conj" and number.head.like_num else number
        if token.dep_ == "pobj" and token.head.lower_ == "by":
            verb = token.head.head.lemma_.lower()
            if verb in self.decrease_verbs:
                return "decrease"
            if verb in self.increase_verbs:
                return "increase"
        if token.dep_ == "pobj" and token.head.lower_ in ("to", "from", "at", "between"):
            return "level"  # "cut from 3,000 to 2,500": both are sizes
        for candidate in (personnel.anchor, number):
            if candidate.dep_ in ("dobj", "nsubjpass") and candidate.head.lemma_.lower() in self.decrease_verbs:
                return "decrease"
            if candidate.dep_ == "pobj" and candidate.head.head.lemma_.lower() in ("withdrawal", "drawdown", "pullout", "reduction"):
                return "decrease"
            if candidate.dep_ == "dobj" and candidate.head.lemma_.lower() in ("add", "reinforce"):
                return "increase"
        return "level"

    def _status(self, span: Span, number: Token) -> str:
        """ "could go up to 200" is planned; "from 500" in a planned change is today's level."""
        token = number.head if number.dep_ == "conj" and number.head.like_num else number
        if token.dep_ == "pobj" and token.head.lower_ == "from":
            return "actual"
        current = number
        while current.head.i != current.i:
            current = current.head
            if current.pos_ == "NOUN" and current.lemma_.lower() in self.plan_nouns:
                return "planned"
            if is_verb(current):
                return "planned" if self._is_planned(current) else "actual"
        return "actual"

    def _is_planned(self, verb: Token) -> bool:
        for _ in range(3):
            auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ == "MD" or a.tag_ == "TO" or a.lower_ == "going" for a in auxes):
                return True
            if verb.lemma_.lower() in self.plan_verbs and verb.tag_ != "VBD" or any(
                    c.lemma_.lower() in self.plan_verbs and c.dep_ == "acomp" for c in verb.children):
                return True
            if verb.dep_ != "xcomp" or verb.head.i == verb.i:
                return False
            verb = verb.head
        return False


# -- finding number phrases --------------------------------------------------------------


def _is_value(token: Token) -> bool:
    low = token.lower_
    return bool(parse_digits(token.text) is not None or low in UNITS or low in TENS or parse_quantity(token.text))


def _joinable(token: Token) -> bool:
    return is_number_word(token.text) or token.lower_ in _RANGE_JOINERS or token.lower_ == "dozen"


def number_spans(doc: Doc, change_verbs: frozenset[str] = frozenset()):
    """Each number phrase with its qualifier: (span, Quantity), left to right, not overlapping.

    "from X to Y" under a verb of change ("increase from 500 to 700") is two
    numbers, a before and an after, not a range.
    """
    i = 0
    n = len(doc)
    while i < n:
        token = doc[i]
        if not (_is_value(token) or token.lower_ in ("a", "an") and i + 1 < n and doc[i + 1].lower_ in (*SCALES, "dozen")):
            i += 1
            continue
        previous = doc[i - 1] if i else None
        opener = previous.lower_ if previous is not None else ""
        split_change = opener == "from" and previous.head.lemma_.lower() in change_verbs
        end = i + 1
        while end < n and end - i < _MAX_NUMBER_TOKENS and _joinable(doc[end]) and not doc[end].is_space:
            if split_change and doc[end].lower_ in _RANGE_JOINERS:
                break
            end += 1
        # "between 4,000 and 5,000" parses only with its opener.
        start = i - 1 if opener == "between" else i
        best = None
        for stop in range(end, i, -1):
            if doc[stop - 1].lower_ in _RANGE_JOINERS:
                continue  # a phrase never ends on "to" or a dash
            quantity = parse_quantity(doc[start:stop].text) or (parse_quantity(doc[i:stop].text) if start != i else None)
            if quantity is not None:
                best = (stop, quantity)
                break
        if best is None:
            i += 1
            continue
        stop, quantity = best
        span = _with_qualifiers(doc, i, stop)
        quantity = parse_quantity(span.text) or quantity
        yield span, quantity
        i = stop


def _with_qualifiers(doc: Doc, start: int, stop: int) -> Span:
    """Widen the number to the words that bound it: "more than", "between", "or more"."""
    number_text = doc[start:stop].text
    for width in range(_MAX_QUALIFIER_TOKENS, 0, -1):
        if start - width < 0:
            continue
        candidate = doc[start - width: stop]
        if any(t.is_space or t.is_sent_start and t.i > candidate.start for t in candidate):
            continue
        qualifier, rest = split_qualifier(candidate.text)
        opener = doc[start - width].lower_
        if (qualifier != "exact" and rest == number_text) or (width == 1 and opener == "between" and " and " in number_text):
            start = start - width
            break
    for width in (2, 1):
        if stop + width > len(doc):
            continue
        candidate = doc[start: stop + width]
        qualifier, rest = split_qualifier(candidate.text)
        if qualifier != "exact" and rest.endswith(number_text) and candidate.text != rest:
            stop = stop + width
            break
    return doc[start:stop]


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
    """The subject and object of a verb, borrowing a controlling verb's subject."""
    subject = subject_of(verb)
    if subject is not None:
        yield subject
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass"):
            yield child
