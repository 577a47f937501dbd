"""Dates: see :mod:`.component` for the steps, one module each."""

from natoiraq.pipeline.dates.component import DateFinder, make_dates

__all__ = ["DateFinder", "make_dates"]
