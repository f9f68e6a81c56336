"""The rules that find temporal expressions: (name, pattern), tried in order.

Each name has a resolver (resolve.py) that turns a match into a TIMEX3 value.
Overlaps are settled longest-first afterwards, so "March 2014" is one month.
"""

from __future__ import annotations

import re

from .fragments import DAY, MONTH, MONTH_ABBR_DOT, MONTH_DATED, MONTH_FULL, NUM, POSS, WEEKDAY, YEAR
from .vocab import FISCAL, FOREIGN_MONTHS, HOLIDAYS, ORDINALS, REFS, alternation, cues

# Cue words may open a sentence ("In April, …"); the month itself stays capitalised.
_MONTH_CUE = rf"(?i:{alternation(cues('month'))})"
_RANGE_SEP = r"(?:\s*[–—-]\s*|\s+(?i:to|and|through|until)\s+)"
_NO_YEAR = rf"(?!,?\s+{YEAR})(?!\d)"
_ORD = alternation(ORDINALS)
_QORD = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
# Words before a quarter or a half that make it a period of time, not a fraction ("a quarter of").
_PERIOD_MOD = r"(?:latest|current|last|next|previous|past|same|comparable|coming|recent|year-ago|year-earlier|fiscal|calendar|fiscal-first|fiscal-second|fiscal-third|fiscal-fourth)"
_SPELLED_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SPELLED_UNIT = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_TEEN = r"(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
# "nineteen ninety-six", "nineteen oh five", "two thousand (and) three", "the year two thousand"
SPELLED_YEAR = (rf"(?:(?:eighteen|nineteen|twenty)[\s-]+(?:hundred|{_SPELLED_TENS}(?:[\s-]+{_SPELLED_UNIT})?|{_SPELLED_TEEN}|oh[\s-]+{_SPELLED_UNIT})"
                rf"|two[\s-]+thousand(?:[\s-]+(?:and[\s-]+)?(?:{_SPELLED_TEEN}|{_SPELLED_UNIT}|{_SPELLED_TENS}(?:[\s-]+{_SPELLED_UNIT})?))?)")
_DECADE_WORD = r"(?:twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)"
_UNIT = r"(?:days?|weeks?|months?|years?|decades?)"
_FISCAL = alternation(w.replace(" ", r"\s+") for w in FISCAL)  # "fiscal", "fiscal year", "FY" (vocabulary/fiscal.tsv)
_FISCAL_YEAR = alternation(w.replace(" ", r"[\s-]+") for w in FISCAL if "year" in w)
# Not right after a capitalised word of two to five letters ("Mr Friday", "Ms June"): a name.
_NOT_AFTER_NAME = r"(?<![A-Z]\w )(?<![A-Z]\w\w )(?<![A-Z]\w\w\w )(?<![A-Z]\w\w\w\w )"
RULES: list[tuple[str, re.Pattern]] = [
    ("weekday_date", re.compile(rf"\b{WEEKDAY},?\s+(?:the\s+)?(?P<d>{MONTH}\s+{DAY},?\s+{YEAR}|{DAY}\s+(?:of\s+)?{MONTH},?\s+{YEAR})\b")),
    ("weekday_day", re.compile(rf"\b(?P<wd>{WEEKDAY}),?\s+(?:the\s+)?(?:(?P<m>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH})){_NO_YEAR}")),
    ("iso_date", re.compile(rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")),
    # "14.09.2023", "14/09/2023": day first (numeric_date); not inside a longer number or symbol.
    ("numeric_date", re.compile(r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)")),
    ("month_day_year", re.compile(rf"\b{MONTH_DATED}\s+{DAY},?\s+{YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{DAY}\s+(?:of\s+)?{MONTH_DATED},?\s+{YEAR}\b")),
    # A full date in French, Spanish, Portuguese or German, as on a date line ("3 mars 2022",
    # "14 de octubre de 2021", "5. Mai 2020").
    ("foreign_date", re.compile(rf"\b(?P<d>[12]\d|3[01]|0?[1-9])(?:\.|er)?\s+(?:de\s+)?(?P<m>(?i:{alternation(FOREIGN_MONTHS)}))"
                                rf",?\s+(?:de\s+)?(?P<y>{YEAR})\b")),
    # Ranges of days: "from 2 to 27 March 2017", "on 14 and 15 May", "March 2–4, 2017".
    ("day_range", re.compile(rf"\b(?:(?P<cue>(?i:from|between|on))\s+)?(?P<d1>{DAY})(?:\s+(?P<m1>{MONTH}))?{_RANGE_SEP}(?P<d2>{DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?\b(?!,?\s+\d)")),
    ("month_day_range", re.compile(rf"\b(?:(?P<cue>(?i:from|between|on))\s+)?(?P<m>{MONTH})\s+(?P<d1>{DAY}){_RANGE_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{DAY})(?:,?\s+(?P<y>{YEAR}))?\b(?!\s*\d)")),
    ("end_of_month", re.compile(rf"\b(?P<cue>(?i:by|before|until|at|towards?|after)) (?P<end>(?i:the (?:end|middle|beginning|start) of)) (?P<m>{MONTH})(?:\s+(?P<y>{YEAR}))?\b")),
    ("end_of_unit", re.compile(r"\b(?:(?P<cue>by|before|until|at|towards?|after|in|from)\s+)?(?:the\s+)?(?:very\s+)?(?:end|middle|beginning|start|close) of (?P<rel>the|this|next|last) (?P<u>week|month|year)\b", re.I)),
    # "1 November this year", "March 3 next year": a day of a month in the year named beside it.
    ("day_month_rel_year", re.compile(rf"\b(?:(?P<d>{DAY})\s+(?:of\s+)?(?P<m>{MONTH})|(?P<m2>{MONTH})\s+(?P<d2>{DAY}))"
                                      rf",?\s+(?P<rel>(?i:last|next|this)) year\b")),
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
    ("ago", re.compile(rf"\b(?P<n>{NUM}) (?P<u>days?|weeks?|months?|years?|decades?) ago\b", re.I)),
    # (not "less than a week earlier": a bound, not a day)
    ("later", re.compile(rf"(?<!less than )(?<!more than )(?<!nearly )(?<!almost )(?<!over )(?<!about )"
                         rf"\b(?P<n>{NUM}) (?P<u>days?|weeks?|months?|years?) (?P<dir>later|earlier|afterwards|before that)\b", re.I)),
    ("within", re.compile(rf"\b(?:within|in|over|during) the (?:next|coming|following) (?P<n>{NUM}) (?P<u>days|weeks|months)\b|\bwithin (?P<n2>{NUM}) (?P<u2>days|weeks|months)\b", re.I)),
    ("rel_unit", re.compile(r"\b(?:(?:early|late|mid)[\s-]+)?(?P<rel>(?:earlier|later) this|this|last|next|past|the current|the coming) (?P<u>week|month|year)\b", re.I)),
    ("deictic_day", re.compile(r"\b(?:the day (?P<ba>before|after) )?(?P<w>yesterday|today|tomorrow)\b", re.I)),
    ("generic_ref", re.compile(r"\b(?:(?:in the coming|in recent|over the (?:past|last)(?: few)?|in the past(?: few)?|over the (?:coming|next)(?: few)?) (?:days|weeks|months|years)"
                               r"|in the (?:days|weeks|months|years) (?:ahead|to come))\b", re.I)),
    # Quarters and halves: "third-quarter", "the year-ago quarter", "the first half of 2021", "fiscal 2021's second quarter".
    ("quarter", re.compile(rf"\b(?P<pre>(?i:(?:the|this|that|its|their|a|an)\s+)?(?:{_PERIOD_MOD}[\s-]+){{0,3}})"
                           rf"(?P<ord>(?i:{_QORD}|last|latter|final))?(?(ord)[\s-]+)(?:(?i:fiscal|calendar)[\s-]+)?"
                           rf"(?P<unit>(?i:quarter|half))(?![\w-])"
                           rf"(?:\s+of\s+(?:(?i:the\s+)?(?i:fiscal\s+)?(?P<y>{YEAR})|(?P<rel>(?i:this|last|next))\s+year))?")),
    ("quarter_code", re.compile(rf"\b(?P<y>{YEAR})[-\s]?(?P<unit>[QH])(?P<n>[1-4])\b|\b(?P<unit2>[QH])(?P<n2>[1-4])[\s-]+(?P<y2>{YEAR})\b")),
    # Fiscal years: "FY2021", "FY 2021", "fiscal 1989", "fiscal year 2021", "this fiscal year".
    ("fiscal_year", re.compile(rf"\b(?:(?i:{_FISCAL})\s?(?P<y>{YEAR})|FY(?P<yy>\d\d)\b"
                               rf"|(?P<rel>(?i:the\s+(?:current|latest|last|next|previous)|this|last|next|the))\s+(?i:{_FISCAL_YEAR}))\b")),
    # Decades and centuries: "the 1990s", "the late 1970s", "the '80s", "the nineties", "the 20th century".
    ("decade", re.compile(rf"\b(?:(?i:the)\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?:(?P<c>1[89]|20)(?P<d>\d)0['’]?s\b|['’](?P<d2>\d)0s\b|(?P<w>(?i:{_DECADE_WORD}))\b)")),
    ("century", re.compile(rf"\b(?:(?P<the>(?i:the|this|last|next))\s+)?(?:(?P<mod>(?i:early|mid|late))[\s-]+)?(?P<n>(?i:{_ORD}))[\s-]+(?i:century)\b|\b(?P<rel>(?i:this|last|next))\s+(?i:century)\b")),
    # A year with a modifier: "mid-1996", "the end of 1994", "early 2021"; the year's end: "year-end".
    ("modified_year", re.compile(rf"\b(?:(?i:(?:the\s+)?(?:very\s+)?(?:end|beginning|start|middle|close|first\s+half|second\s+half)\s+of)\s+|(?i:early|mid|late)[\s-]+)(?:(?P<y>{YEAR})|(?P<rel>(?i:this|last|next))\s+(?i:year))\b")),
    ("year_end", re.compile(r"\b(?:the\s+)?(?i:year[\s-]end|year['’]s\s+end)\b")),
    # Year ranges: "2009-2010", "1957-58", "2009 to 2012".
    ("year_range", re.compile(rf"(?<![\d/.-])(?P<y1>{YEAR})\s*(?:[-–—/]|\s(?:to|through|until)\s)\s*(?P<y2>{YEAR}|\d\d)(?![\d/.-]|\.\d)")),
    ("spelled_year", re.compile(rf"\b(?:(?P<m>{MONTH_FULL})\s+|(?i:the\s+year)\s+)?(?P<sp>(?i:{SPELLED_YEAR}))\b(?![\s-]+(?i:hundred|thousand|million|billion|percent|people|dollars|years))")),
    # "the week of 8 June": the ISO week holding that day.
    ("week_of", re.compile(rf"\b(?i:the\s+week\s+of)\s+(?:(?P<m>{MONTH})\s+(?P<d>{DAY})|(?P<d2>{DAY})\s+(?:of\s+)?(?P<m2>{MONTH}))(?:,?\s+(?P<y>{YEAR}))?\b")),
    # "the past year", "the last 18 months": an interval ending at the reference date.
    ("past_span", re.compile(rf"\b(?i:the\s+(?:past|last|previous))\s+(?:(?P<n>{NUM})\s+)?(?P<u>(?i:{_UNIT}))\b(?!\s+(?:of|ago|before|earlier))")),
    # "the following day", "that year", "the previous month": anchored on the last date the text gives.
    ("anaphoric_unit", re.compile(r"\b(?:(?P<rel>(?i:the\s+(?:following|previous|preceding|same)|that|later\s+that|earlier\s+that|later\s+in\s+the|earlier\s+in\s+the))\s+)(?P<u>(?i:day|week|month|year|quarter))\b(?!\s+(?:of|before|after|when|that|in\s+which))")),
    ("year_ago_adj", re.compile(r"\b(?:(?i:the)\s+)?(?:(?i:comparable|same)\s+)?(?i:year-(?:ago|earlier))(?:\s+(?P<u>(?i:period|quarter|month|levels?|results?|figures?)))?\b")),
    ("holiday", re.compile(rf"(?<![A-Z][a-z] )\b(?:(?P<rel>(?i:last|next|this))\s+)?(?P<h>{alternation(HOLIDAYS, capitalised=True)})(?:\s+(?P<y>{YEAR}))?\b(?!\s+[A-Z])")),
    # A weekday alone ("said Friday", "early Tuesday", "Friday night"): the tense, else the nearest.
    ("weekday_bare", re.compile(rf"{_NOT_AFTER_NAME}\b(?:(?i:early|late)\s+)?(?P<wd>{WEEKDAY})(?:[’']s)?"
                                 rf"(?:\s+(?i:morning|afternoon|evening|night))?\b(?!,?\s+(?:\d|{MONTH}|the\s+\d)|\s+[A-Z])")),
    # A month alone ("figures for January"): not May (a verb), not before or after a name.
    ("bare_month", re.compile(rf"{_NOT_AFTER_NAME}\b(?P<m>January|February|March|April|June|July|August|September|October|November|December)(?:[’']s)?\b(?!\s+[A-Z\d]|-)")),
    # Words that point at the present, past or future (vocabulary/refs.tsv): kept off a letter's timeline.
    ("ref_word", re.compile(rf"\b(?<!right )(?P<w>{alternation(REFS)})\b(?!\s+(?:that|on\b|and\s+then|of\b)|-)")),
    ("bare_year", re.compile(rf"(?<![\d/.,-]){YEAR}(?![\d/]|-\d|s\b|\.\d|,\d)")),  # not a decade ("the 1990s")
]


