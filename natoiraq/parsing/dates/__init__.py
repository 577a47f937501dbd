"""Date expressions resolved to calendar values.

``resolve_date("last December", date(2015, 6, 23))`` gives
``DateValue("2014-12", "month", "date")``. Values are ISO 8601 at the
expression's own granularity: ``2015-05-26`` (day), ``2015-W26`` (week),
``2014-12`` (month), ``2020-Q1`` (quarter), ``2019-H1`` (half year),
``2019-21`` (season, ISO 8601-2: 21 spring … 24 winter), ``2011`` (year; a
fiscal year is the year it is named for), ``2019/2020`` (a span of years,
"2019-20"), ``199`` (decade), ``20`` (century: the 21st); durations are ISO 8601
durations (``P3Y``). Relative expressions need the article's reference date;
without one their value is None, never "today". "now" and "currently" are the
reference date itself.

``tense`` says which way a bare "Tuesday" or "in July" points: "past" (the
sentence reports), "future" (it announces), or None (nearest occurrence).
``anchor`` is the date the sentence is about ("in 2013 ... a year earlier"):
anaphoric expressions count from it, else from the reference date.
The resolver never raises: a value it cannot compute ("1000000 days ago") is None.
"""

from natoiraq.parsing.dates.calendar import (DATE, DAY_PARTS, KINDS, REFERENCE, TIME, HALVES, MONTHS, ORDINALS, QUARTERS, SEASONS, WEEKDAYS,
                                             DateValue, calendar_day, granularity_of)
from natoiraq.parsing.dates.durations import DURATION_CODES, DURATION_FACTOR
from natoiraq.parsing.dates.relative import anaphoric, day_range, deictic
from natoiraq.parsing.dates.resolve import infer_reference, resolve_date
from natoiraq.parsing.dates.years import named_days

__all__ = ["DATE", "REFERENCE", "TIME", "calendar_day", "DAY_PARTS", "KINDS", "DURATION_CODES", "DURATION_FACTOR", "HALVES", "MONTHS", "ORDINALS",
           "QUARTERS", "SEASONS", "WEEKDAYS", "DateValue", "anaphoric", "day_range", "deictic", "granularity_of",
           "infer_reference", "named_days", "resolve_date"]
