"""Temporal expressions: finding them in a text and resolving them against a reference date.

Rule-based and transparent on purpose. General date finders (dateparser's
`search_dates`) read "We" as Wednesday and "may" as May and invent day
precision for a bare month; here every expression is found by a named rule
(rules.py), resolved by that rule's resolver (resolve.py; relative.py for expressions
placed from the letter's date, periods.py for quarters, fiscal years, decades and
other long periods) at the precision its text supports, and written as a TIMEX3
value (values.py). The words (month and
weekday names, cue words, holidays, seasons, fiscal and reference words) are
data: vocabulary/*.tsv, read by vocab.py.

Spans follow TimeML's extent ("Friday", not "on Friday": the preposition is
the Timex's `cue`). "now", "currently", "recently" are found (rule `ref_word`,
PRESENT_REF / PAST_REF / FUTURE_REF) for TimeML, but the letter pipeline keeps
them off the dated mentions and the timeline: they place nothing the letter's
date does not. "in recent years", "in the coming months" stay, as before.

The entry point is `find_timexes(text, reference_date)`: the letter pipeline
calls it on a letter's header and body with the letter's date, and
benchmarks/timeml.py on a news text with its creation date.
"""

from .absolute import held_date, holds_date, numeric_date, parse_absolute, parse_date_line
from .find import Timex, find_timexes
from .tense import tense
from .values import precision_of, value_bounds
from .vocab import month_number

__all__ = ["Timex", "find_timexes", "held_date", "holds_date", "month_number", "numeric_date", "parse_absolute", "parse_date_line",
           "precision_of", "tense", "value_bounds"]
