"""The progress bar: on the console the tables go to, with a total and an ETA when the count is known.

Sharing the console is what keeps the bar out of the tables: rich clears a live
bar before anything else that console prints, and the bar is transient, so it
disappears when the run ends. The documents are counted before the model loads:
a text file is one, a JSON Lines file one per line (a cheap byte scan);
stdin cannot be counted without reading it first, so it gets a spinner.
"""

from __future__ import annotations

import os

from natoiraq.reading.inputs import ARTICLE_SUFFIXES, JSONL_SUFFIXES

_BLOCK = 1 << 20


def count_documents(paths: list[str]) -> int | None:
    """How many documents ``paths`` hold, or None when that is not known ahead (stdin)."""
    total = 0
    for path in paths:
        if path == "-":
            return None
        if os.path.isdir(path):
            for directory, _, files in os.walk(path, followlinks=True):
                total += sum(_count_file(os.path.join(directory, name)) for name in files
                             if name.lower().endswith(ARTICLE_SUFFIXES + JSONL_SUFFIXES))
        elif os.path.isfile(path):
            total += _count_file(path)
    return total


def _count_file(path: str) -> int:
    if not path.lower().endswith(JSONL_SUFFIXES):
        return 1
    lines, last = 0, b"\n"
    try:
        with open(path, "rb") as handle:
            while block := handle.read(_BLOCK):
                lines += block.count(b"\n")
                last = block[-1:]
    except OSError:
        return 0
    return lines + (last != b"\n")  # blank lines count too: an estimate, and ProgressBar copes with one


class ProgressBar:
    """Shown once a run is ``after`` documents long, only where the console is a terminal."""

    def __init__(self, console, total: int | None = None, after: int = 0):
        self.console = console
        self.total = total
        self.after = after
        self._progress = None
        self._task = None

    def __enter__(self) -> "ProgressBar":
        return self

    def advance(self, done: int) -> None:
        if self.console is None or done <= self.after:
            return
        if self._progress is None:
            self._start()
        if self.total is not None and done > self.total:  # the count was short: a spinner from here
            self.total = None  # (rich's update() cannot unset a total, so the task is replaced)
            self._progress.remove_task(self._task)
            self._task = self._progress.add_task("extracting", total=None)
        self._progress.update(self._task, completed=done)

    def _start(self) -> None:
        from rich.progress import (BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TimeElapsedColumn,
                                   TimeRemainingColumn)

        columns = [SpinnerColumn(), "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn()]
        if self.total is not None:
            columns += ["eta", TimeRemainingColumn()]
        self._progress = Progress(*columns, console=self.console, transient=True)
        self._progress.start()
        self._task = self._progress.add_task("extracting", total=self.total)

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()


def progress_bar(paths: list[str], console, enabled: bool, after: int = 0) -> ProgressBar:
    """A bar on ``console`` when it is enabled and the console is a real terminal; else one that draws nothing."""
    if not enabled or console is None or not _is_tty(console.file):
        return ProgressBar(None)
    return ProgressBar(console, count_documents(paths), after)


def _is_tty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
