"""The rules that find temporal expressions: (name, pattern), tried in order.

Each name has a resolver (resolve.py) that turns a match into a TIMEX3 value.
Overlaps are settled longest-first afterwards, so "March 2014" is one month.
"""

from __future__ import annotations

import re

from .fragments import DAY, MONTH, MONTH_ABBR_DOT, MONTH_DATED, MONTH_FULL, NUM, POSS, WEEKDAY, YEAR
from .vocab import alternation, cues

# Cue words may open a sentence ("In April, …"); the month itself stays capitalised.
_MONTH_CUE = rf"(?i:{alternation(cues('month'))})"
_RANGE_SEP = r"(?:\s*[–—-]\s*|\s+(?i:to|and|through|until)\s+)"
_NO_YEAR = rf"(?!,?\s+{YEAR})(?!\d)"
RULES: list[tuple[str, re.Pattern]] = [
    ("weekday_date", re.compile(rf"\b{WEEKDAY},?\s+(?:the\s+)?(?P<d>{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR})\b")),
    ("weekday_day", re.compile(rf"\b(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?(?:(?P<m>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH})){_NO_YEAR}")),
    ("iso_date", re.compile(rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")),
    # "14.09.2023", "14/09/2023": day first (numeric_date); not inside a longer number or symbol.
    ("numeric_date", re.compile(r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)")),
    ("month_day_year", re.compile(rf"\b{MONTH_DATED}\s+{DAY},?\s+{YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH_DATED},?\s+{YEAR}\b")),
    # Ranges of days: "from 2 to 27 March 2017", "on 14 and 15 May", "March 2–4, 2017".
    ("day_range", re.compile(rf"\b(?:(?P<cue>(?i:from|between|on))\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?{_RANGE_SEP}(?P<d2>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b(?!,?\s+\d)")),
    ("month_day_range", re.compile(rf"\b(?:(?P<cue>(?i:from|between|on))\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY}){_RANGE_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b(?!\s*\d)")),
    ("end_of_month", re.compile(rf"\b(?P<cue>(?i:by|before|until|at|towards?|after)) (?P<end>(?i:the (?:end|middle|beginning|start) of)) (?P<m>{MONTH})(?:\s+(?P<y>{YEAR}))?\b")),
    ("end_of_unit", re.compile(r"\b(?:(?P<cue>by|before|until|at|towards?|after|in|from)\s+)?(?:the\s+)?(?:very\s+)?(?:end|middle|beginning|start|close) of (?P<rel>the|this|next|last) (?P<u>week|month|year)\b", re.I)),
    ("month_rel_year", re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<rel>(?i:last|next|this)) year\b")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<y>{YEAR})\b")),
    ("rel_month_day", re.compile(rf"\b(?P<cue>(?i:on|by|until|before|after|since|from|of)) (?P<m>{MONTH})\s+(?P<d>{DAY})\b(?!,?\s+\d)")),
    ("month_day", re.compile(rf"(?<![Oo]n )\b(?P<m>{MONTH_FULL}|{MONTH_ABBR_DOT})\s+(?P<d>{DAY})\b(?!,?\s+\d|\s*[–-]\s*\d)")),
    ("rel_day_month", re.compile(rf"\b(?:(?P<cue>(?i:on|by|until|before|after|since|from|of|the))\s+)?(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH}){POSS}{_NO_YEAR}")),
    ("this_month_name", re.compile(rf"\b(?P<rel>(?i:this|last|next|early|late|mid-|earlier this|later this)) ?(?P<m>{MONTH}){POSS}(?!\s+\d)")),
    ("cue_month", re.compile(rf"\b(?P<cue>{_MONTH_CUE}) (?:early |late |mid-)?(?P<m>{MONTH}){POSS}(?!\s+\d)")),
    ("season", re.compile(rf"\b(?:(?P<rel>this|last|next|early|late|earlier this|later this|the) )?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR}))?\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<rel>(?i:last|next|this|on|this coming|this past|coming|past)) (?P<wd>{WEEKDAY})\b(?!,?\s+(?:\d|{MONTH}))")),
    ("in_units", re.compile(rf"\b(?i:in) (?P<n>{NUM}) (?P<u>(?i:days|weeks|months|years))(?:[’']? time)?\b(?!\s+(?:of|after|before|since|ago))")),
    ("ago", re.compile(rf"\b(?P<n>{NUM}) (?P<u>days?|weeks?|months?|years?) ago\b", re.I)),
    # (not "less than a week earlier": a bound, not a day)
    ("later", re.compile(rf"(?<!less than )(?<!more than )(?<!nearly )(?<!almost )(?<!over )(?<!about )"
                         rf"\b(?P<n>{NUM}) (?P<u>days?|weeks?|months?|years?) (?P<dir>later|earlier|afterwards|before that)\b", re.I)),
    ("within", re.compile(rf"\b(?:within|in|over|during) the (?:next|coming|following) (?P<n>{NUM}) (?P<u>days|weeks|months)\b|\bwithin (?P<n2>{NUM}) (?P<u2>days|weeks|months)\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>(?:earlier|later) this|this|last|next|past) (?P<u>week|month|year)\b", re.I)),
    ("deictic_day", re.compile(r"\b(?P<w>yesterday|today|tomorrow)\b", re.I)),
    ("generic_ref", re.compile(r"\b(?:(?:in the coming|in recent|over the (?:past|last)(?: few)?|in the past(?: few)?|over the (?:coming|next)(?: few)?) (?:days|weeks|months|years)"
                               r"|in the (?:days|weeks|months|years) (?:ahead|to come))\b", re.I)),
    ("bare_year", re.compile(rf"(?<![\d/.-]){YEAR}(?![\d/]|-\d|s\b)")),  # not a decade ("the 1990s")
]


