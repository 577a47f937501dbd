"""An infobox's or fact sheet's field that gives one force's size: its name before the number on its line
("Strength 4,700 (2025)", "Troops deployed: 2,300") or alone on the line above it ("Personnel" over "1,850")."""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Span

from natoiraq.parsing.quantities import Quantity
from natoiraq.pipeline.troops.context import Context
from natoiraq.pipeline.troops.figure import PHRASE, Personnel, TroopFigure
from natoiraq.pipeline.troops.headers import approximate, counts_other, reading
from natoiraq.pipeline.troops.lists import FIELD_REST, NOTE, SEPARATORS, cell, line_of
from natoiraq.pipeline.troops.nouns import is_personnel

#: A fact sheet's dot leader between a field's name and its number ("Uniformed personnel\u2026\u2026 97,904").
_LEADER = re.compile(r"(?:\.{3,}|\u2026)[.\u2026\s]*$")
#: A field's name is a word or a few ("Strength", "Troops deployed", "Uniformed personnel").
_MAX_FIELD_WORDS = 4
#: What ends a field's name: separators, dot leaders, a table's cell mark.
_FIELD_MARKS = "".join(SEPARATORS) + ".\u2026 \t"


def field(ctx: Context, span: Span, quantity: Quantity) -> TroopFigure | None:
    """An infobox's or fact sheet's field that gives a force's size: the field's name before the number on
    its line ("Strength 4,700 (2025)", "Size c. 4,700", "Troops deployed: 2,300") or alone on the line above
    it ("Personnel" over "1,850"); never a count of casualties, trainees or places ("Troops killed: 12")."""
    line_start, _, _, _ = line_of(ctx.text, span)
    start, label, rest = cell(ctx.text, span)  # "Aircraft: 24; Troops: 1,200; Ships: 3": the number's own item
    leader = _LEADER.search(label)
    if leader is not None:
        # a sheet flattened into one line of fields: the name is what follows the field before
        label = re.split(r"[)*\d]", label[: leader.start()])[-1]
    elif not (FIELD_REST.fullmatch(rest) or rest.startswith("|")) or label.endswith(","):
        # the number ends its line, or its cell ("Troops: 1,100 | Tanks: 40"); a name set off by commas is prose
        # ("The soldier, 24, was from Ohio")
        return None
    if not label:  # the name on the line above
        start = ctx.text.rfind("\n", 0, max(line_start - 1, 0)) + 1
        label = ctx.text[start: max(line_start - 1, start)].strip()
    # the number's own cell, after a header on its line ("Key facts: Troops: 1,200"; "Peacekeepers: Bangladesh:
    # 1,600" names no field)
    name = re.split(r"[|:]", label.strip(_FIELD_MARKS))[-1].strip(_FIELD_MARKS)
    bare = NOTE.sub("", name)  # "Troop strength (2024)": a note on the name is no part of it
    if not bare.strip() or len(bare.split()) > _MAX_FIELD_WORDS or any(ch.isdigit() or ch == "|" for ch in bare):
        return None
    begin = ctx.text.rindex(name, start, span.start_char)
    tokens = list(span.doc.char_span(begin, begin + len(name), alignment_mode="expand") or [])
    indices = {t.i for t in tokens}
    if any(f.personnel.unit is not None and f.personnel.unit.start in indices for f in ctx.found.values()):
        return None  # "4,700 / troops deployed / 12 / countries": the name above says what the number above it counts
    words = ctx.words
    if counts_other(words, tokens):
        return None
    unit = next((t for t in reversed(tokens) if is_personnel(ctx, t, compound=True) or t.lower_ in words.list_size_headers), None)
    # a name that counts something else beside its personnel: "Countries contributing uniformed personnel"
    if unit is None or any(t.tag_ == "NNS" and t is not unit and not is_personnel(ctx, t, compound=True)
                           for t in tokens):
        return None
    if approximate(tokens) and quantity.qualifier == "exact":
        quantity = replace(quantity, qualifier="approximate")
    actor = ctx.mentions.actor(tokens)
    kind, status = reading(ctx.words, tokens, unit)
    return TroopFigure(span, quantity, Personnel(None, span[-1]), unit.text, actor, PHRASE if actor else None,
                       kind, status)
