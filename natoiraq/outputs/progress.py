"""The progress bar: on the console the tables go to, from the start of a run, with a total and an
estimate of the time left when the count is known.

Sharing the console is what keeps the bar out of the tables: rich clears a live
bar before anything else that console prints, and the bar is transient, so it
disappears when the run ends. The documents are counted before the model loads:
a text file is one, a JSON Lines file one per line (a cheap byte scan);
stdin cannot be counted without reading it first, so it gets a spinner.

The bar is up from the start: the model loads and a few hundred pages take a
while to read before the first document is extracted, so it says "starting",
then "reading" with the count read, then "extracting". Documents come back
from the model a batch at a time, so a pace measured at the first batch
(rich's own estimate) counts the whole batch as done in an instant: the
estimate here waits for the next batch and measures from the first
(:class:`Pace`).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn, TimeElapsedColumn
from rich.text import Text

from natoiraq.reading.inputs import ARTICLE_SUFFIXES, JSONL_SUFFIXES

_BLOCK = 1 << 20
#: Documents that come back within this many seconds of the first came in one batch (or one burst of
#: cached documents, or of workers' batches): the pace is measured from the end of it.
BURST_SECONDS = 0.5


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


@dataclass
class Pace:
    """How fast documents come back, measured from the first batch: ``seen(done, now)`` at each one,
    ``remaining(total, now)`` the seconds left, or None until a later batch gives a pace (a pure
    function of the times it is given)."""

    start: float | None = None  # when the first batch came back
    base: int = 0  # documents that came with it

    def seen(self, done: int, now: float) -> None:
        if self.start is None:
            self.start = now
        if now - self.start < BURST_SECONDS:
            self.base = done

    def remaining(self, done: int, total: int | None, now: float) -> float | None:
        if total is None or self.start is None or done <= self.base or now - self.start < BURST_SECONDS:
            return None
        return max(total - done, 0) * (now - self.start) / (done - self.base)


class ProgressBar:
    """Shown from the start of a run over more than ``after`` documents (for stdin, once it has read
    that many), only where the console is a terminal: starting (the model loads), reading the documents,
    then extracting them from the first that comes back."""

    def __init__(self, console, total: int | None = None, after: int = 0, clock: Callable[[], float] = time.monotonic):
        self.console = console
        self.total = total
        self.after = after
        self.clock = clock
        self.pace = Pace()
        self.extracting = False
        self._progress = None
        self._task = None

    def __enter__(self) -> "ProgressBar":
        if self.console is not None and self.total is not None and self.total > self.after:
            self._start()
        return self

    def read(self, count: int) -> None:
        """``count`` documents read so far."""
        if not self.extracting:
            self._show(count, "reading")

    def advance(self, done: int) -> None:
        """``done`` documents extracted so far."""
        self.extracting = True
        if self._show(done, "extracting"):
            self.pace.seen(done, self.clock())

    def _show(self, count: int, description: str) -> bool:
        if self.console is None or (self._progress is None and count <= self.after):
            return False
        if self._progress is None:
            self._start()
        if self.total is not None and count > self.total:  # the count was short: a spinner from here
            self.total = None  # (rich's update() cannot unset a total, so the task is replaced)
            self._progress.remove_task(self._task)
            self._task = self._progress.add_task(description, total=None)
        shown = self._progress.tasks[-1].description
        self._progress.update(self._task, completed=count, description=description, refresh=shown != description)
        return True

    def _start(self) -> None:
        columns = [SpinnerColumn(), "[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(),
                   TimeElapsedColumn()]
        if self.total is not None:
            columns.append(_Remaining(self))
        # stdout as it is: the bar is up before the table's writer asks whether its stream is sys.stdout
        # (the shared console) and while other formats write to it; stderr's warnings print above the bar
        self._progress = Progress(*columns, console=self.console, transient=True, redirect_stdout=False)
        self._progress.start()
        self._task = self._progress.add_task("starting", total=self.total)  # the model loads first

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.stop()


class _Remaining(ProgressColumn):
    """ "eta 0:01:05" on the extracting row once the bar's :class:`Pace` has one; "eta -:--:--" until then."""

    def __init__(self, bar: ProgressBar):
        super().__init__()
        self.bar = bar

    def render(self, task) -> Text:
        if not self.bar.extracting:
            return Text("")
        left = self.bar.pace.remaining(int(task.completed), task.total, self.bar.clock())
        if left is None:
            return Text("eta -:--:--", style="progress.remaining")
        minutes, seconds = divmod(round(left), 60)
        hours, minutes = divmod(minutes, 60)
        return Text(f"eta {hours}:{minutes:02d}:{seconds:02d}", style="progress.remaining")


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
