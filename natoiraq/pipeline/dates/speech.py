"""The day a quote speaks from ("he said on Monday"), the date an anaphoric expression counts from, and the
step of a past narrative a yearless date runs on from ("set up on 1 July 2013. By December ...")."""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from natoiraq.parsing.dates import DATE, TIME, anaphoric, calendar_day, deictic
from natoiraq.pipeline.dates.direction import FUTURE, PAST, announced, direction, goal, since
from natoiraq.pipeline.doctext import text_of
from natoiraq.pipeline.syntax import governing_verb, verb_tense

_QUOTE_MARKS = {"\u201c": "\u201d\u201c", '"': '"'}  # a closing quote is sometimes typed as an opening one


def quotes(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the quotations in the text, within a paragraph."""
    found, text, index = [], text_of(doc), 0
    while True:
        opens = [(text.find(mark, index), mark) for mark in _QUOTE_MARKS if text.find(mark, index) >= 0]
        if not opens:
            return found
        start, mark = min(opens)
        ends = [i for i in (text.find(close, start + 1) for close in _QUOTE_MARKS[mark]) if i >= 0]
        end = min(ends, default=-1)
        if end < 0:
            return found
        if "\n\n" not in text[start:end]:
            found.append((start, end))
        index = end + 1

_SPEECH_VERBS = frozenset({"say", "tell", "announce", "state", "add", "confirm", "declare", "write", "report",
                           "insist", "warn", "explain", "stress"})


def speech_day(doc: Doc, quote: tuple[int, int], found) -> date | None:
    """The day a quote was spoken, from a day-date on its speech verb in the sentence around it:
    '"We leave tomorrow," he said on Monday.'"""
    first, last = doc.char_span(quote[0], quote[0] + 1, alignment_mode="expand"), None
    if quote[1] < len(text_of(doc)):
        last = doc.char_span(quote[1], quote[1] + 1, alignment_mode="expand")
    sentences = [s.sent for s in (first, last) if s is not None and len(s)]
    if not sentences:
        return None
    start, end = min(s.start_char for s in sentences), max(s.end_char for s in sentences)
    for span, record in found:
        if not (start <= record["start"] < end) or record["granularity"] != "day" or not record["value"] \
                or record["kind"] not in (DATE, TIME) or record["value"].startswith("T"):
            continue
        verb = governing_verb(span.root)[0]
        if verb is not None and verb.lemma_ in _SPEECH_VERBS:
            return date.fromisoformat(calendar_day(record["value"]))
    return None


def news_day(records: list[dict], reference: date | None) -> date | None:
    """The day before the reference, where the first day of ``records`` that counts from the reference names
    it ("welcomed the plan Friday" in a Saturday paper): a quote after it that says no day of its own was
    spoken then."""
    if reference is None:
        return None
    day = next((r["value"] for r in records if r["kind"] == DATE and r["granularity"] == "day" and r["value"]
                and deictic(r["text"])), None)
    before = reference - timedelta(days=1)
    return before if day == before.isoformat() else None


def deixis(text: str) -> str:
    """ "last night (Monday)" -> "last night"."""
    return text.split("(")[0].strip()


def anchor(span: Span, records: list[dict]) -> str | None:
    """The date the sentence is about, for "a year earlier": the last calendar date before the span
    in its sentence, else in the sentence before, that does not itself count from another."""
    sentence = span.sent
    previous = span.doc[sentence.start - 1].sent if sentence.start > 0 else None
    for start in (sentence.start_char, previous.start_char if previous is not None else None):
        if start is None:
            continue
        dates = [r for r in records if start <= r["start"] < span.start_char and r["kind"] == "date" and r["value"]
                 and not anaphoric(r["text"])]
        if dates:
            return dates[-1]["value"]
    return None


_ANCHOR_GRAINS = frozenset({"year", "month", "day"})


def narrative(span: Span, steps: list[tuple[Span, dict]], text: str, reference: date | None) -> tuple[date, str] | None:
    """The day a yearless date of a past narrative counts from, and which way: the last date before it
    (``steps``, in order), in its sentence or the one before and on its line, that is itself a past event's
    ("set up on 1 July 2013. By December ..." is December 2013, not the December before the day of
    writing). A year alone is a step only well before the reference's ("In 1995 ... In December"): a recent
    one ("expelled in 2022. In December") is as likely background to this year's news. The narrative runs
    forward from its step to the next sentence, to the nearest date within the step's sentence or for a
    deadline, and back for what a date after "since" opens or the past perfect tells ("had cut it in
    May"; but "by June, all had arrived" is June's). A date after "since" opens a stretch up to now,
    and a deictic one ("on Monday") is back at the day of writing: no narrative goes on across them."""
    sentence = span.sent
    start = span.doc[sentence.start - 1].sent.start_char if sentence.start > 0 else sentence.start_char
    for step, record in reversed(steps):
        if record["start"] < start or "\n" in text[record["end"]:span.start_char]:
            return None
        if deictic(record["text"]) or anaphoric(record["text"]) or since(step) is not None:
            return None
        if record["kind"] != DATE or not record["value"] or record["granularity"] not in _ANCHOR_GRAINS \
                or not _main_event(step):
            continue
        recent = record["granularity"] == "year" and reference is not None \
            and int(record["value"]) >= reference.year - _RECENT_YEARS
        if recent or not (direction(step) == PAST or past_plan(step)):
            return None  # a deadline or a plan ("by the January 1, 2024 deadline") is no step of the story
        first = {"year": "-01-01", "month": "-01"}.get(record["granularity"], "")
        if since(span) or _earlier(span):
            return date.fromisoformat(record["value"] + first), PAST
        # the next sentence moves the story on; within one ("entered Kosovo on 12 June 1999, after a bombing
        # that began in March") the date may be either side of its step, and a deadline is the nearest one too
        within = record["start"] >= sentence.start_char and record["granularity"] != "year"
        return date.fromisoformat(record["value"] + first), None if within or goal(span) else FUTURE
    return None


def past_plan(span: Span) -> bool:
    """Is the date ahead of a plan the text reports in the past ("voted in May 2010 to cut 2,000 by June 30"),
    which the direction rules put ahead of the day of writing? Not one in the past perfect ("had asked it to
    leave in June"), which looks back from the story's step."""
    root = span.sent.root
    return direction(span) == FUTURE and verb_tense(root) == PAST and not _perfect(root) and not announced(span)


#: How many years before the reference's a year alone may be background to its news rather than a story's step.
_RECENT_YEARS = 2


def _main_event(span: Span) -> bool:
    """Is the date its sentence's own event's ("In 2014, Russia seized Crimea"), not a background clause's ("the
    regime, resulting from a coup perpetrated on July 26, 2023, denounced in March ...")?"""
    verb = governing_verb(span.root)[0]
    while verb is not None and verb.dep_ == "conj":
        verb = verb.head
    return verb is not None and verb.dep_ == "ROOT"


def _earlier(span: Span) -> bool:
    """Is the date a past perfect's ("had cut it in May"), not the point it reaches ("by June, all had arrived")?"""
    verb = governing_verb(span.root)[0]
    by = span.start > 0 and span.doc[span.start - 1].lower_ == "by"
    return not by and verb is not None and _perfect(verb)


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
