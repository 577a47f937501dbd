"""The model's attribute ruler as a table lookup: same rules, same results, a fraction of the cost.

spaCy's ``attribute_ruler`` runs its rules (tag → POS and morphology, a few
word-specific lemmas) through the general token Matcher, which tries every
pattern at every token. Almost every rule is one token with exact values
("TAG is VBZ and LOWER is 's"), so whether a token matches depends only on a
few of its attributes, each compared with the values the rules name. This
component reduces each token to that signature (an attribute value the rules
never mention becomes "other"), decides the signature once, and caches the
merged attributes of the rules that apply. Rules that are not single-token
patterns of exact values, ``IN`` or ``NOT_IN`` (multi-token, ``REGEX``,
``MORPH`` predicates, extension attributes) stay with a Matcher of their own;
a token one of them matches takes every rule in the ruler's order. That
Matcher runs only the patterns a doc can match: each pattern's screen is the
values and expressions its tokens require, and a doc none of whose words
passes one of them cannot match it (the Matcher's Python predicates, a
regular expression on every word, cost more than the rest of the lookup).

It reads the rules from whatever ruler the loaded model has, and writes with
spaCy's own setter, so ``pos_``, ``tag_``, ``morph``, ``lemma_`` (and the rare
``dep_``) are those of the stock component (tests/test_speedups_attributes.py compares
every token of a corpus).
"""

from __future__ import annotations

import re

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

#: Token attributes whose ``Doc.to_array`` value is the value the Matcher compares.
_LOOKUP_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "SHAPE", "TAG", "POS", "DEP", "LEMMA", "ENT_TYPE",
                           "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_PUNCT", "IS_SPACE",
                           "IS_TITLE", "IS_UPPER", "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL", "IS_STOP"})
_OTHER = -1  # a value no rule names
#: Attributes whose value is a string's hash: what a screen may test with a rule's regular expression.
_STRING_ATTRS = frozenset({"ORTH", "LOWER", "NORM", "SHAPE", "TAG", "DEP", "LEMMA", "ENT_TYPE"})
#: Words whose answer to a screen's regular expression is remembered, before it starts afresh.
MEMO_WORDS = 50_000


@Language.factory("natoiraq_attribute_lookup")
def make_attribute_lookup(nlp: Language, name: str) -> "AttributeLookup":
    return AttributeLookup(nlp.vocab)


def swap_in(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Replace the pipeline's stock attribute ruler with the lookup; False where there is none."""
    if name not in nlp.pipe_names or not isinstance(nlp.get_pipe(name), AttributeRuler):
        return False
    ruler = nlp.get_pipe(name)
    nlp.replace_pipe(name, "natoiraq_attribute_lookup").compile(ruler)
    return True


class AttributeLookup:
    """Applies an :class:`AttributeRuler`'s rules by table lookup, falling back to a Matcher."""

    def __init__(self, vocab):
        self.vocab = vocab
        self.compile(AttributeRuler(vocab))

    def compile(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.attrs = list(ruler.attrs)  # normalised: attribute ids → value ids, as the ruler sets them
        self.indices = list(ruler.indices)
        self.fallback = Matcher(self.vocab, validate=ruler.validate)
        simple: list[tuple[int, list[tuple[str, str, object]]]] = []
        fallbacks: list[tuple[int, list[dict]]] = []
        for number, rule in enumerate(ruler.patterns):
            for pattern in rule["patterns"]:
                tests = _tests(pattern, self.vocab) if "_" not in rule["attrs"] else None
                if tests is None or rule["index"] not in (0, -1):
                    self.fallback.add(str(number), [pattern])
                    fallbacks.append((number, pattern))
                else:
                    simple.append((number, tests))
        self.screened = [(number, pattern, _screen(pattern, self.vocab)) for number, pattern in fallbacks]
        self.screen_names = sorted({attr for *_, tests in self.screened for attr, _, _ in tests})
        self.matchers: dict[tuple[int, ...], Matcher] = {}  # the patterns a doc may match -> their Matcher
        self.answers: dict[tuple[str, int], bool] = {}  # (expression, word) -> does it match
        self.rules = len(ruler.attrs)
        self.names = sorted({attr for _, tests in simple for attr, _, _ in tests})
        self.columns = [IDS[a] for a in self.names]
        column = {a: i for i, a in enumerate(self.names)}
        named: list[set] = [set() for _ in self.names]
        for _, tests in simple:
            for attr, _, value in tests:
                named[column[attr]].update(value if isinstance(value, frozenset) else (value,))
        self.named = [frozenset(values) for values in named]
        self.simple = [(number, [(column[attr], op, value) for attr, op, value in tests]) for number, tests in simple]
        self.decided: dict[tuple, tuple[list[int], dict | None]] = {}

    def __call__(self, doc: Doc) -> Doc:
        if not self.rules or not len(doc):
            return doc
        # Every match is found on the doc as it came in, before any rule writes: as the ruler does.
        late: dict[int, list[int]] = {}
        fallback = self._fallback(doc)
        for match_id, start, end in fallback(doc, allow_missing=True) if fallback is not None else ():
            number = int(self.vocab.strings[match_id])
            target = doc[start:end][self.indices[number]].i
            late.setdefault(target, []).append(number)
        rows = doc.to_array(self.columns).tolist() if len(self.columns) > 1 else \
            [[v] for v in doc.to_array(self.columns).tolist()]
        named = self.named
        decided = self.decided
        settings = []
        for i, row in enumerate(rows):
            key = tuple(v if v in named[c] else _OTHER for c, v in enumerate(row))
            entry = decided.get(key)
            if entry is None:
                entry = decided[key] = self._decide(key)
            if i in late:
                settings.append((i, [self.attrs[n] for n in sorted(set(entry[0]) | set(late[i]))]))
            elif entry[1] is not None:
                settings.append((i, [entry[1]]))
        for i, attr_sets in settings:
            token = doc[i]
            for attrs in attr_sets:
                set_token_attrs(token, attrs)
        return doc

    def _fallback(self, doc: Doc) -> Matcher | None:
        """A Matcher of the fallback patterns whose every test some word of ``doc`` passes (the others
        cannot match in it); None where there is none."""
        if not self.screen_names:
            return self.fallback
        values = doc.to_array([IDS[a] for a in self.screen_names]).reshape(len(doc), -1)
        present = dict(zip(self.screen_names, map(set, values.T.tolist())))
        if len(self.answers) > MEMO_WORDS:
            self.answers.clear()
        chosen = tuple(n for n, (*_, tests) in enumerate(self.screened)
                       if all(self._passed(present[attr], op, value) for attr, op, value in tests))
        if not chosen:
            return None
        matcher = self.matchers.get(chosen)  # one per set of patterns chosen: few, as words pass few screens
        if matcher is None:
            matcher = self.matchers[chosen] = Matcher(self.vocab, validate=self.ruler.validate)
            for n in chosen:
                number, pattern, _ = self.screened[n]
                matcher.add(str(number), [pattern])
        return matcher

    def _passed(self, values: set[int], op: str, expected) -> bool:
        """Does some value of ``values`` pass the test, as the Matcher would test it on a token?"""
        if op == "==":
            return expected in values
        if op == "IN":
            return not values.isdisjoint(expected)
        strings, answers = self.vocab.strings, self.answers
        for value in values:
            answer = answers.get((expected.pattern, value))
            if answer is None:
                answer = answers[expected.pattern, value] = bool(expected.search(strings[value]))
            if answer:
                return True
        return False

    def _decide(self, key: tuple) -> tuple[list[int], dict | None]:
        """The rules a signature matches, in order, and their attributes merged (later rules win)."""
        numbers = []
        for number, tests in self.simple:
            if all(_holds(key[c], op, value) for c, op, value in tests):
                numbers.append(number)
        numbers = sorted(set(numbers))
        merged: dict = {}
        for number in numbers:
            merged.update(self.attrs[number])
        return numbers, (merged or None)

    # Stored as the ruler they were compiled from, so a saved pipeline loads its own rules.
    def to_bytes(self, *, exclude=()) -> bytes:
        return self.ruler.to_bytes(exclude=exclude)

    def from_bytes(self, data: bytes, *, exclude=()) -> "AttributeLookup":
        self.compile(AttributeRuler(self.vocab).from_bytes(data, exclude=exclude))
        return self

    def to_disk(self, path, *, exclude=()) -> None:
        self.ruler.to_disk(path, exclude=exclude)

    def from_disk(self, path, *, exclude=()) -> "AttributeLookup":
        self.compile(AttributeRuler(self.vocab).from_disk(path, exclude=exclude))
        return self


def _tests(pattern: list[dict], vocab) -> list[tuple[str, str, object]] | None:
    """(attribute, operator, value ids) for a single-token pattern of exact values, IN or NOT_IN; else None."""
    if len(pattern) != 1:
        return None
    tests = []
    for name, spec in pattern[0].items():
        attr = "ORTH" if name.upper() == "TEXT" else name.upper()
        if attr not in _LOOKUP_ATTRS:
            return None
        if isinstance(spec, dict):
            if len(spec) != 1 or next(iter(spec)) not in ("IN", "NOT_IN"):
                return None
            op, values = next(iter(spec.items()))
            if not all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in values):
                return None
            tests.append((attr, op, frozenset(_value_id(v, vocab) for v in values)))
        elif isinstance(spec, (str, int)):
            tests.append((attr, "==", _value_id(spec, vocab)))
        else:
            return None
    return tests


def _screen(pattern: list[dict], vocab) -> list[tuple[str, str, object]]:
    """What ``pattern`` requires of a doc's words, each test passed by some word where it matches: the
    exact values, ``IN`` lists and regular expressions of the tokens every match has (no ``OP``).
    Other predicates are left out: a screen may let a doc through, never turn one away that matches."""
    tests: list[tuple[str, str, object]] = []
    for spec in pattern:
        if any(str(name).upper() == "OP" for name in spec):
            continue
        for name, value in spec.items():
            attr = "ORTH" if str(name).upper() == "TEXT" else str(name).upper()
            if attr not in _LOOKUP_ATTRS:
                continue
            if isinstance(value, (str, int)):
                tests.append((attr, "==", _value_id(value, vocab)))
                continue
            for op, operand in (value.items() if isinstance(value, dict) else ()):
                op = str(op).upper()
                if op == "IN" and all(isinstance(v, (str, int)) and not isinstance(v, bool) for v in operand):
                    tests.append((attr, "IN", frozenset(_value_id(v, vocab) for v in operand)))
                elif op == "REGEX" and isinstance(operand, str) and attr in _STRING_ATTRS:
                    tests.append((attr, "REGEX", re.compile(operand)))
    return tests


def _value_id(value, vocab) -> int:
    """The id the Matcher compares: a string's hash, a boolean or integer as an integer."""
    return vocab.strings.add(value) if isinstance(value, str) else int(value)


def _holds(value: int, op: str, expected) -> bool:
    if op == "==":
        return value == expected
    if op == "IN":
        return value in expected
    return value not in expected
