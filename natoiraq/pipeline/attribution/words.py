"""The attribution component's vocabulary: ``data/attribution.json`` with troops.json's reporting verbs."""

from __future__ import annotations

from dataclasses import dataclass

from natoiraq.pipeline.troops.words import TroopWords


def forms(lemma: str, irregular: tuple[str, ...] = ()) -> frozenset[str]:
    """The written forms of a verb a sentence without a parse may show: the -s form, and the -ed form
    unless ``irregular`` gives the past ("say", ("said",) -> say, says, said)."""
    if lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "i", "o", "u"):
        third, past = lemma[:-1] + "ies", lemma[:-1] + "ied"
    else:
        third = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s")
        past = lemma + ("d" if lemma.endswith("e") else "ed")
    return frozenset({lemma, third, *(irregular or (past,))})


@dataclass(frozen=True)
class AttributionWords:
    verbs: frozenset[str]  # lemmas of reporting and speech verbs
    verb_forms: frozenset[str]  # their written forms, lower case, for text without a parse
    object_verbs: frozenset[str]
    source_nouns: frozenset[str]
    titles: frozenset[str]  # what opens a speaker's label ("Mr Wallace:", "Lord Smith:")

    @classmethod
    def from_tables(cls, attribution: dict, troops: dict, aliases: dict) -> "AttributionWords":
        verbs = TroopWords.from_table(troops).reporting_verbs | frozenset(attribution["speech_verbs"])
        irregular = attribution["irregular_forms"]
        return cls(verbs, frozenset(f for verb in verbs for f in forms(verb, tuple(irregular.get(verb, ())))),
                   frozenset(attribution["object_verbs"]), frozenset(attribution["source_nouns"]),
                   frozenset(t.rstrip(".") for t in [*aliases["titles"], *attribution["house_titles"]]))
