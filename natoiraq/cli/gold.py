"""The commands for gold annotations: ``evaluate`` scores the extractor against them, ``annotate`` drafts
them for a person to correct."""

from __future__ import annotations

import sys

import click

from natoiraq.cli.options import PARSE_OPTION, extraction_options, output_options


@click.command()
@click.argument("gold", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False), metavar="GOLD...")
@output_options("table", "jsonl", "json", table="the scores")
@click.option("--model", envvar="NATOIRAQ_MODEL", default=None, metavar="NAME", help="spaCy model package or path.")
@PARSE_OPTION
@click.option("-v", "--verbose", is_flag=True, help="List every miss, false hit and wrong attribute with its sentence.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="The same as -f json.")
def evaluate(gold, out, model, parse, verbose, as_json):
    """Score the extractor against gold annotations (JSON Lines).

    \b
    A troop figure is a hit when its span overlaps a gold figure's with the
    same bounds; qualifier, force, kind and status are scored over the hits.
    Dates: span precision/recall and value accuracy for calendar dates,
    durations and vague spans scored apart. Entities: precision,
    recall and F1 per label, and canonical-name accuracy. The gold format
    is in docs/accuracy.md. Piped (or -f json), the scores as one JSON object.

    \b
    Example:
      natoiraq evaluate fixtures/gold/*.jsonl --verbose
    """
    from natoiraq.pipeline.loading import load
    from natoiraq.scoring.evaluate import evaluate as run
    from natoiraq.scoring.gold import load_gold
    from natoiraq.scoring.printing import ScoresView

    if as_json:
        out.fmt = "json"
    scores = run([article for path in gold for article in load_gold(path)], load(model, parse))
    out.write_one(scores, view=lambda console: ScoresView(console, verbose))


@click.command()
@click.argument("paths", nargs=-1, metavar="[PATH...]")
@output_options("jsonl", "json")
@extraction_options
def annotate(paths, out, **extraction):
    """Draft gold annotations from the extractor's output, for a person to correct.

    \b
    Prints one gold line per article: its text, reference date, and the
    troop figures, dates and entities natoiraq found, with offsets. Fix what
    is wrong, add what is missing, then check it with `natoiraq evaluate`.

    \b
    Example:
      natoiraq annotate new-article.txt --reference-date 2021-02-16 >> fixtures/gold/mine.jsonl
    """
    from natoiraq.cli.runner import Report
    from natoiraq.cli.sources import documents
    from natoiraq.scoring.gold import draft

    report = Report()
    pairs = documents(paths, report, extraction, out, pairs=True)
    out.write_all(draft(facts, record.text) for record, facts in pairs)
    sys.exit(report.exit_code)


COMMANDS = (evaluate, annotate)
