"""Regex fragments for temporal expressions, built from the vocabularies."""

from __future__ import annotations

from .vocab import MONTH_ABBR, MONTHS, NUMBERS, WEEKDAYS, alternation

# Capitalised only: "may" (the verb) and "march" (the verb) are not months.
MONTH_FULL = alternation(MONTHS, capitalised=True)
_ABBR = alternation((w for w in MONTH_ABBR), capitalised=True)
MONTH_ABBR_DOT = rf"{_ABBR}\."
MONTH = rf"(?:{MONTH_FULL}|{MONTH_ABBR_DOT})"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# With a day and a year beside it, an abbreviation needs no full stop ("Sept 10, 2014").
MONTH_DATED = rf"(?:{MONTH_FULL}|{_ABBR}\.?)"
YEAR = r"(?:1[89]\d\d|20\d\d)"
POSS = r"(?:[’']s)?"
WEEKDAY = alternation(WEEKDAYS, capitalised=True)
NUM = alternation([r"\d{1,3}", *NUMBERS])
