"""The terminal view, built from facts made by hand, and the real screen in a pseudo-terminal."""

import io
import os
import re
import select
import struct
import subprocess
import sys

import pytest
from rich.console import Console

from natoiraq.facts import DateFact, DocumentFacts, Entity, ReferenceDate, TroopFigure
from natoiraq.outputs.progress import Pace, ProgressBar, count_documents
from natoiraq.outputs.terminal import (NO_REFERENCE, NO_REFERENCE_HINT, DocumentView, differing_parts, parse_show,
                                       print_whole)
from tests.conftest import GOLD, ROOT

SENTENCE = "Germany will send about 500 soldiers to Lithuania for the NATO mission, officials said on Tuesday."


def figure(**changes):
    values = dict(text="about 500", start=20, end=29, value=500, low=500, high=500, qualifier="approximate",
                  unit="soldiers", force="Germany", kind="increase", status="planned", sentence=SENTENCE)
    return TroopFigure(**{**values, **changes})


def document(troops=(), reference="2021-02-16", title="Germany to send troops to Lithuania"):
    return DocumentFacts(
        id="a1", source="a1.txt", title=title, reference_date=ReferenceDate(reference, "option" if reference else None),
        entities=[Entity("Germany", "GPE", 0, 7, "Germany"), Entity("NATO", "ORG", 60, 64, "NATO"),
                  Entity("Germany", "GPE", 90, 97, "Germany")],
        dates=[DateFact("Tuesday", 90, 97, "2021-02-16", "day", "date")], troops=list(troops))


def render(facts, width=80, **view):
    console = Console(file=io.StringIO(), width=width, color_system=None)
    writer = DocumentView(console, **view)
    for item in facts:
        writer.write(item)
    writer.close()
    return console.file.getvalue()


def test_a_figure_shows_force_place_date_and_its_sentence_wrapped():
    located = figure(location="Lithuania", mission="eFP", as_of={"value": "2021-02-16", "source": "clause"},
                     force_source="context")
    screen = render([document([located])], width=120)
    assert "~500 soldiers · increase · planned · Germany (from the context) · in Lithuania · mission eFP · " \
           "as of 2021-02-16" in screen
    narrow = render([document([located])], width=50)
    assert max(len(line.rstrip()) for line in narrow.splitlines()) <= 50
    evidence = [line.strip() for line in narrow.splitlines() if line.startswith(" " * 10)]
    assert " ".join(evidence).endswith(SENTENCE)  # the sentence, wrapped under its figure
    assert "Dates" in screen and "Tuesday (2021-02-16)" in screen
    assert "Germany ×2 · NATO ×1" in screen


def test_fields_not_yet_filled_are_left_out():
    screen = render([document([figure(force=None)])])
    assert "in None" not in screen and "as of" not in screen and "force not stated" in screen


def test_figures_of_one_sentence_share_it():
    both = [figure(), figure(text="500", start=26, end=29, qualifier="exact", kind="level")]
    assert render([document(both)]).count("officials said") == 1


def test_show_chooses_sections_and_summary_is_one_line_per_article():
    facts = [document([figure()]), document(title=None)]
    only_troops = render(facts, show=("troops",))
    assert "~500 soldiers" in only_troops and "officials said" not in only_troops
    assert "Dates" not in only_troops and "Actors" not in only_troops
    summary = render(facts, summary=True).strip().splitlines()
    assert len(summary) == 1 + len(facts)  # a header, then one line each
    assert "~500 Germany" in summary[1]
    with pytest.raises(ValueError, match="entities"):
        parse_show("troops,people")


def test_an_article_without_reference_date_says_how_to_give_one():
    screen = render([document(reference=None), document(reference=None)], width=200)
    assert screen.count(NO_REFERENCE_HINT) == 1 and screen.count(NO_REFERENCE) == 2  # in full once a run
    assert "--reference-date" in screen and NO_REFERENCE not in render([document()], width=200)


def test_documents_are_counted_before_extraction(tmp_path):
    (tmp_path / "a.txt").write_text("one")
    (tmp_path / "b.md").write_text("two")
    (tmp_path / "skip.csv").write_text("x")
    (tmp_path / "c.jsonl").write_text('{"text": "1"}\n{"text": "2"}\n{"text": "3"}')
    assert count_documents([str(tmp_path)]) == 5
    assert count_documents([str(tmp_path / "a.txt"), str(tmp_path / "c.jsonl")]) == 4
    assert count_documents([str(tmp_path), "-"]) is None


def test_a_count_that_falls_short_turns_the_bar_into_a_spinner():
    console = Console(file=io.StringIO(), force_terminal=True, width=80)
    with ProgressBar(console, total=2) as bar:
        for done in (1, 2, 3):
            bar.advance(done)
        assert bar.total is None and bar._progress.tasks[0].total is None
    assert "3" in console.file.getvalue()


#: (documents back at each time, time asked, total, seconds left): documents come back a batch at a time
PACES = [
    ([(32, 18.0)], 18.1, 200, None),  # one batch: its pace counts 32 documents done in an instant
    ([(32, 18.0), (64, 18.2)], 18.3, 200, None),  # workers' batches in one burst are still one batch
    ([(32, 18.0), (64, 26.0)], 26.0, 200, 34.0),  # the next batch: 32 in 8 s, 136 left
    ([(32, 18.0), (64, 26.0)], 30.0, 200, 51.0),  # and none since: a slower pace, honestly
    ([(32, 18.0), (64, 26.0)], 26.0, None, None),  # no total, no estimate
    ([(32, 18.0), (200, 60.0)], 60.0, 200, 0.0),
]


@pytest.mark.parametrize("seen, now, total, left", PACES)
def test_the_time_left_waits_for_a_pace(seen, now, total, left):
    pace = Pace()
    for done, at in seen:
        pace.seen(done, at)
    assert pace.remaining(seen[-1][0], total, now) == left


def test_the_bar_is_up_from_the_start_reading_then_extracting():
    console = Console(file=io.StringIO(), force_terminal=True, width=100, color_system=None)
    now = [0.0]

    def screen():
        bar._progress.refresh()
        return console.file.getvalue().rsplit("\x1b[2K", 1)[-1]

    with ProgressBar(console, total=200, after=3, clock=lambda: now[0]) as bar:
        assert "starting" in screen() and "0/200" in screen()  # the model loads: the bar is up already
        bar.read(57)
        assert "reading" in screen() and "57/200" in screen() and "eta" not in screen()
        now[0] = 18.0
        bar.advance(32)
        assert "extracting" in screen() and "32/200" in screen() and "eta -:--:--" in screen()
        bar.read(200)  # read on: the bar stays on extraction
        now[0] = 26.0
        bar.advance(64)
        assert "extracting" in screen() and "64/200" in screen() and "eta 0:00:34" in screen()
    with ProgressBar(Console(file=io.StringIO(), force_terminal=True), total=3, after=3) as small:
        small.read(3)
        small.advance(3)
        assert small._progress is None  # three documents: no bar


# --- the real screen ---------------------------------------------------------------------------

pyte = pytest.importorskip("pyte", reason="the pseudo-terminal tests read the screen with pyte")


def screen_of(args, columns, rows=3000):
    """Run natoiraq in a pseudo-terminal of ``columns``; (the screen a person would see, the raw bytes)."""
    import fcntl
    import pty
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR")}
    env["TERM"] = "xterm-256color"
    process = subprocess.Popen([sys.executable, "-m", "natoiraq", *args], stdin=child, stdout=child, stderr=child,
                               cwd=ROOT, env=env, close_fds=True)
    os.close(child)
    screen = pyte.Screen(columns, rows)
    stream = pyte.ByteStream(screen)
    raw = b""
    while True:
        ready, _, _ = select.select([main], [], [], 120)
        if not ready:
            process.kill()
            raise AssertionError("natoiraq printed nothing for two minutes")
        try:
            data = os.read(main, 1 << 16)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        raw += data
        stream.feed(data)
    os.close(main)
    assert process.wait(timeout=60) == 0, raw[-2000:].decode(errors="replace")
    return [line.rstrip() for line in screen.display], raw


PROGRESS = re.compile(r"extracting|\d+/\d+ +[\d:-]+")


@pytest.mark.parametrize("columns", [80, 160])
def test_progress_disappears_and_leaves_the_view_whole(columns):
    lines, raw = screen_of(["extract", "seeds/", str(GOLD / "articles.jsonl")], columns)
    assert b"extracting" in raw and b"/36" in raw and b"eta" in raw  # drawn, with the total counted ahead ...
    assert raw.index(b"starting") < raw.index(b"reading") < raw.index(b"extracting")  # ... from the start ...
    assert not [line for line in lines if PROGRESS.search(line)]  # ... and left nothing behind
    assert not [line for line in lines if "━" in line]  # the bar's own glyph
    rules = [line for line in lines if "─" in line]
    assert len(rules) == 5 + 31 and all(line == "─" * columns for line in rules)
    assert all(len(line) <= columns for line in lines)
    assert sum(line.startswith("Troops") for line in lines) == 36


def test_query_table_borders_are_whole_at_80_columns():
    lines, raw = screen_of(["query", "seeds/", str(GOLD / "articles.jsonl"),
                            "select d.id, t.text, t.force, t.sentence from troops t join documents d using (doc_id)"],
                           80)
    assert b"extracting" in raw
    table = [line for line in lines if line]
    assert not [line for line in table if PROGRESS.search(line)]
    assert table[0].startswith("┏") and table[-1].startswith("└")
    assert len({len(line) for line in table}) == 1  # every row as wide as the borders
    separators = {tuple(m.start() for m in re.finditer("[│┃┡╇┩┏┳┓└┴┘]", line)) for line in table}
    assert len(separators) == 1  # the column borders line up on every row


@pytest.mark.parametrize("ids, shown", [
    (["corpus/2021/a.txt", "corpus/2022/b.txt"], ["2021/a.txt", "2022/b.txt"]),
    (["/home/me/pages/a.html", "/home/me/pages/b.html"], ["a.html", "b.html"]),
    (["pages/a.html", "/abs/b.html"], ["pages/a.html", "/abs/b.html"]),  # nothing shared
    (["a.txt", "pages/b.txt"], ["a.txt", "pages/b.txt"]),
    (["pages/a.html"], ["pages/a.html"]),  # one row: the whole id says where it is
    (["feed.rss:1", "feed.rss:2"], ["feed.rss:1", "feed.rss:2"]),
])
def test_the_summary_shows_the_part_of_the_paths_that_differs(ids, shown):
    assert differing_parts(ids) == shown


def test_a_table_into_a_file_or_pipe_has_its_natural_width():
    from rich.table import Table

    cell = "a sentence of a hundred and twenty characters " * 3
    table = Table("column")
    table.add_row(cell)
    stream = io.StringIO()
    print_whole(Console(file=stream, width=80), table)
    assert cell.strip() in stream.getvalue() and max(map(len, stream.getvalue().splitlines())) > 80
