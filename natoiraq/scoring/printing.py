"""Scores printed for a person, in the manner of `spacy evaluate`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from natoiraq.scoring.evaluate import PRF, Scores

BAR_WIDTH = 36


def _pct(value: float) -> str:
    return f"{100 * value:.1f}"


def _prf_row(table: Table, name: str, prf: PRF) -> None:
    table.add_row(name, _pct(prf.precision), _pct(prf.recall), _pct(prf.f1), str(prf.tp), str(prf.fp), str(prf.fn))


def print_scores(scores: Scores, verbose: bool = False, console: Console | None = None) -> None:
    console = console or Console()
    console.rule(f"Results · {scores.articles} articles")
    table = Table(show_edge=False)
    for column in ("", "P", "R", "F", "TP", "FP", "FN"):
        table.add_column(column, justify="right" if column else "left")
    _prf_row(table, "Troop figures", scores.troops)
    _prf_row(table, "Dates", scores.dates)
    _prf_row(table, "  durations, vague", scores.spans)
    _prf_row(table, "Entities", scores.entities_total)
    for label, prf in sorted(scores.entities.items()):
        _prf_row(table, f"  {label}", prf)
    console.print(table)
    accuracy = Table(show_edge=False)
    accuracy.add_column("Accuracy over hits")
    accuracy.add_column("%", justify="right")
    accuracy.add_column("n", justify="right")
    for name, acc in scores.troop_attributes.items():
        accuracy.add_row(f"troop {name}", _pct(acc.value), str(acc.total))
    accuracy.add_row("date value", _pct(scores.date_values.value), str(scores.date_values.total))
    accuracy.add_row("entity canonical name", _pct(scores.canonical.value), str(scores.canonical.total))
    console.print(accuracy)
    if scores.unresolved:
        console.print(f"[dim]{scores.unresolved} dates found but unresolved (value null) and not in the gold: "
                      "not counted as false.[/]")
    if verbose and scores.errors:
        console.rule(f"{len(scores.errors)} errors")
        for e in scores.errors:
            console.print(f"[bold]{escape(e.article)}[/] {e.kind} [red]{e.error}[/] {escape(repr(e.text))} "
                          f"[dim]{escape(e.detail)}[/]", highlight=False)
            console.print(f"    [dim]{escape(e.context)}[/]", highlight=False)


def print_timeline(found, console: Console | None = None) -> None:
    """A table per force, each level with a bar: ● actual, ○ planned."""
    from natoiraq.outputs.timeline import by_force

    console = console or Console()
    if not found:
        console.print("[dim]No troop levels with a force and a date.[/]")
        return
    for force, group in by_force(found).items():
        top = max(p.high for p in group)
        table = Table(title=f"{force}", title_justify="left", show_edge=False)
        for column in ("date", "", "troops", "", "document"):
            table.add_column(column)
        for p in group:
            bounds = f"{p.low:,}" if p.low == p.high else f"{p.low:,}–{p.high:,}"
            qualifier = {"exact": "", "approximate": "~", "more_than": ">", "less_than": "<", "up_to": "≤",
                         "at_least": "≥"}[p.qualifier]
            length = max(1, round(BAR_WIDTH * p.high / top))
            bar = ("█" if p.status == "actual" else "░") * length
            marker = "●" if p.status == "actual" else "○"
            source = "" if p.date_source == "sentence" else "[dim]*[/]"
            table.add_row(f"{p.date}{source}", marker, f"{qualifier}{bounds}", bar, escape(p.document))
        console.print(table)
        console.print()
    console.print("[dim]● actual  ○ planned  * dated by the article's reference date, not its sentence[/]")
