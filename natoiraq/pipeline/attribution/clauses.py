"""A figure's source in its own sentence, on the dependency parse.

- a reporting verb that governs the figure's clause: "four diplomats told Reuters [Germany will
  send 300 troops]", "[900 troops remain], officials said on Wednesday", "it was reported by the
  ministry [that 400 troops ...]", with "citing ..." kept ("Kyodo reported, citing a statement");
  a verb without a subject of its own takes its governor's ("the minister was quoted as saying");
- a reporting verb beside the figure's clause: "500 troops, the ministry said, will stay" and
  "as the Pentagon said";
- "according to X" anywhere in the sentence.

A verb reports a clause (ccomp, parataxis, ...), or its object only where the verb is one that
reports its object ("announced the deployment of 500 troops", not "will add 500 troops").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from natoiraq.pipeline.attribution.quotes import Said
from natoiraq.pipeline.attribution.words import AttributionWords

#: How the reported clause hangs from its reporting verb.
REPORTED = frozenset({"ccomp", "parataxis", "xcomp", "dep", "oprd", "attr"})
#: The verb's own words that a source's text keeps: its speaker, auxiliaries, "told Reuters", "on Wednesday".
_KEPT = frozenset({"nsubj", "nsubjpass", "expl", "aux", "auxpass", "neg", "agent", "dative", "dobj", "prep",
                   "npadvmod", "advmod", "mark"})
_SUBJECTS = ("nsubj", "nsubjpass")
#: The lemma whose clause a source keeps ("reported, citing the US military statement").
CITING = "cite"
ACCORDING = ("according", "to")


def _reporting(token: Token, words: AttributionWords) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in words.verbs


def _reports(verb: Token, child: Token, words: AttributionWords) -> bool:
    """Does ``verb`` report what hangs from it through ``child``?"""
    if child.dep_ in REPORTED:
        return True
    if child.dep_ == "dobj":
        return verb.lemma_.lower() in words.object_verbs
    # "500 troops are estimated to be there", "... were reported by the ministry"
    return child.dep_ == "nsubjpass" and any(c.dep_ in ("xcomp", "agent") for c in verb.children)


def _edges(verb: Token, away: Token | None) -> tuple[int, int]:
    """The token range a source may take around ``verb``: its subtree, short of the reported clause."""
    start, end = verb.left_edge.i, verb.right_edge.i + 1
    if away is not None:
        if away.i > verb.i:
            end = away.left_edge.i
        else:
            start = away.right_edge.i + 1
    return start, end


def _trim(span: Span) -> tuple[int, int]:
    start, end = span.start, span.end
    while start < end and (span.doc[start].is_punct or span.doc[start].lower_ in ("that", "and")):
        start += 1
    while end > start and (span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in ("that", "and")):
        end -= 1
    return start, end


def _source(verb: Token, away: Token | None) -> Said:
    doc = verb.doc
    start, end = _edges(verb, away)
    kept = [verb.i] + [t.i for c in verb.children if (away is None or c.i != away.i) and (
        c.dep_ in _KEPT or (c.dep_ == "advcl" and c.lemma_.lower() == CITING)) for t in c.subtree if start <= t.i < end]
    subject = next((c for c in verb.children if c.dep_ in _SUBJECTS and (away is None or c.i != away.i)), None)
    agent = next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
    first = min(kept)
    if subject is None and agent is None:
        # "the minister was quoted as saying", "the ministry issued a statement saying": the governor's subject
        governor = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in governor.children if c.dep_ in _SUBJECTS), None) if governor is not None else None
        if subject is not None and subject.i < verb.i:
            first = subject.left_edge.i
    speaker = agent if agent is not None and (subject is None or subject.lower_ == "it") else subject
    start, end = _trim(doc[first:max(kept) + 1])
    if speaker is None:
        return Said(start, end, None)
    return Said(start, end, doc[speaker.left_edge.i:speaker.right_edge.i + 1], speaker)


def in_clause(figure: Token, words: AttributionWords) -> Said | None:
    """The source the figure's sentence cites for the figure whose number is ``figure``, or None."""
    child, token = figure, figure
    while token.head.i != token.i:
        child, token = token, token.head
        if _reporting(token, words) and _reports(token, child, words):
            return _source(token, child)
        if child.dep_ in ("nsubj", "conj", "advcl", "csubj") and _reporting(token, words):
            break  # the figure is the speaker, or in a clause of its own beside the report
        for aside in token.children:  # "500 troops, the ministry said, ..."; "as the Pentagon said"
            if aside.i != child.i and _reporting(aside, words) and (aside.dep_ == "parataxis" or (
                    aside.dep_ == "advcl" and any(m.lower_ == "as" for m in aside.children if m.dep_ == "mark"))):
                return _source(aside, None)
    return according_to(figure.sent)


def according_to(sentence: Span) -> Said | None:
    """ "according to the Pentagon" in the sentence: the phrase, its object the speaker."""
    for token in sentence[:-1]:
        following = token.doc[token.i + 1]
        if (token.lower_, following.lower_) == ACCORDING:
            objects = [c for c in following.children if c.dep_ == "pobj"]
            if not objects:
                end = next((t.i for t in sentence if t.i > following.i and t.is_punct), sentence.end)
                return Said(token.i, end, token.doc[following.i + 1:end] if end > following.i + 1 else None)
            speaker = objects[0]
            return Said(token.i, speaker.right_edge.i + 1, token.doc[speaker.left_edge.i:speaker.right_edge.i + 1],
                        speaker)
    return None
