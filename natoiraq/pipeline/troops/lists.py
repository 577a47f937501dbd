"""Figures listed one a line, as a tweet or a fact box lists them:

    BG 🇱🇻: 1887
    BG 🇱🇹: 1632
    9641 troops in 8 battlegroups

Each line is a label that names a place (a flag or a country) and a bare number.
Two or more such lines, next to a troop figure, are that figure's breakdown by
place: the same unit and force, each located where its label says.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from natoiraq.parsing.quantities import Quantity
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import CONTEXT, Personnel, TroopFigure

_MIN_ITEMS = 2
_NEAR_LINES = 3  # how far, in lines, the figure the list breaks down may be
_SEPARATORS = frozenset({":", "-", "\u2013", "\u2014", "="})


@dataclass
class Item:
    span: Span
    quantity: Quantity
    place: str
    line: int


def item(ctx: Context, span: Span, quantity: Quantity) -> Item | None:
    """A list line "LABEL: NUMBER" whose label names a place, or None."""
    doc, text = span.doc, ctx.text
    line_start = text.rfind("\n", 0, span.start_char) + 1
    line_end = text.find("\n", span.end_char)
    line_end = len(text) if line_end < 0 else line_end
    if text[span.end_char: line_end].strip():
        return None  # the number ends its line
    label = text[line_start: span.start_char].rstrip()
    if not label or label[-1] not in _SEPARATORS or len(label) > 40:
        return None
    place = _flag(ctx, label) or ctx.mentions.place(t for t in doc.char_span(line_start, span.start_char,
                                                                             alignment_mode="expand") or [])
    if place is None:
        return None
    return Item(span, quantity, place, ctx.paragraph(span.start_char))


def attach(ctx: Context, items: list[Item], figures: list[TroopFigure]) -> list[TroopFigure]:
    """The items that form a list (lines in a row) next to a troop figure, each as a figure of its own."""
    runs: list[list[Item]] = []
    for it in sorted(items, key=lambda i: i.line):
        if runs and it.line - runs[-1][-1].line <= 1:
            runs[-1].append(it)
        else:
            runs.append([it])
    lines = [(ctx.paragraph(f.span.start_char), f) for f in figures]
    attached = []
    for run in runs:
        first, last = run[0].line, run[-1].line
        near = [(min(abs(line - first), abs(line - last)), r) for line, r in lines
                if first - _NEAR_LINES <= line <= last + _NEAR_LINES]
        if len(run) >= _MIN_ITEMS and near:
            of = min(near, key=lambda n: n[0])[1]
            attached += [_listed(it, of) for it in run]
    return attached


def _listed(line: Item, of: TroopFigure) -> TroopFigure:
    """A list line as a figure of the figure it breaks down: its unit, force and status; its own place."""
    return TroopFigure(line.span, line.quantity, Personnel(None, line.span[-1]), of.unit, of.proposed,
                       CONTEXT, "level", of.status, place=line.place)


def _flag(ctx: Context, label: str) -> str | None:
    return next((place for word in label.split() if (place := ctx.mentions.ontology.flag(word))), None)
