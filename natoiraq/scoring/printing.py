"""Scores printed for a person, in the manner of `spacy evaluate`."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from natoiraq.scoring.evaluate import PRF, Scores


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
    if scores.attribution_right.total:
        _prf_row(table, "Attribution (over troop hits)", scores.attribution)
    console.print(table)
    accuracy = Table(show_edge=False)
    accuracy.add_column("Accuracy over hits")
    accuracy.add_column("%", justify="right")
    accuracy.add_column("n", justify="right")
    for name, acc in scores.troop_attributes.items():
        if acc.total:
            accuracy.add_row(f"troop {name}", _pct(acc.value), str(acc.total))
    accuracy.add_row("date value", _pct(scores.date_values.value), str(scores.date_values.total))
    accuracy.add_row("entity canonical name", _pct(scores.canonical.value), str(scores.canonical.total))
    if scores.attribution_right.total:
        accuracy.add_row("attribution (null right too)", _pct(scores.attribution_right.value),
                         str(scores.attribution_right.total))
        accuracy.add_row("attribution speaker", _pct(scores.speakers.value), str(scores.speakers.total))
    console.print(accuracy)
    if scores.timeml is not None:
        te3 = scores.timeml.as_dict()
        per_kind = ", ".join(f"{k} {_pct(v)}" for k, v in te3["value_f_per_kind"].items())
        console.print(f"TimeML (TempEval-3): strict F {_pct(te3['strict_f'])}, relaxed F {_pct(te3['relaxed_f'])}, "
                      f"value F {_pct(te3['value_f'])}, kind {_pct(te3['kind_accuracy'])} [dim]({per_kind})[/]")
    if scores.unresolved:
        console.print(f"[dim]{scores.unresolved} dates found but unresolved (value null) and not in the gold: "
                      "not counted as false.[/]")
    if verbose:
        _print_confusion(scores, console)
    if verbose and scores.errors:
        console.rule(f"{len(scores.errors)} errors")
        for e in scores.errors:
            console.print(f"[bold]{escape(e.article)}[/] {e.kind} [red]{e.error}[/] {escape(repr(e.text))} "
                          f"[dim]{escape(e.detail)}[/]", highlight=False)
            console.print(f"    [dim]{escape(e.context)}[/]", highlight=False)


def _print_confusion(scores: Scores, console: Console) -> None:
    """Gold value -> predicted value for each troop attribute, the most frequent confusions first."""
    for attribute, counts in scores.confusion.items():
        if not counts:
            continue
        table = Table(title=f"troop {attribute}: gold → predicted", title_justify="left", show_edge=False)
        for column in ("gold", "predicted", "n"):
            table.add_column(column, justify="right" if column == "n" else "left")
        for (gold, predicted), n in counts.most_common():
            table.add_row(escape(str(gold)), escape(str(predicted)), str(n))
        console.print(table)


class ScoresView:
    """``evaluate``'s table view: the scores as :func:`print_scores` prints them."""

    def __init__(self, console: Console, verbose: bool = False):
        self.console = console
        self.verbose = verbose

    def write(self, scores: Scores) -> None:
        print_scores(scores, verbose=self.verbose, console=self.console)

    def close(self) -> None:
        pass
