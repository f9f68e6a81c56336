"""Temporal expressions: finding them in a letter and resolving them against its date.

Rule-based and transparent on purpose. General date finders (dateparser's
`search_dates`) read "We" as Wednesday and "may" as May and invent day
precision for a bare month; here every expression is found by a named rule,
and resolved at the precision its text supports (TimeML / TIMEX3 values:
`2014`, `2014-09`, `2014-09-10`, `2014-W38`, `2014-SP`, `PAST_REF`,
`FUTURE_REF`). dateparser is used only to read an absolute date string.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .text import SentenceIndex, clause, non_overlapping, sentences

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTH_ABBR = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
# Capitalised only: "may" (the verb) and "march" (the verb) are not months.
_MONTH_FULL = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_MONTH_ABBR = r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\."
MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# With a day and a year beside it, an abbreviation needs no full stop ("Sept 10, 2014").
_MONTH_DATED = rf"(?:{_MONTH_FULL}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_POSS = r"(?:[’']s)?"
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
# First month of each season (northern hemisphere, TimeML convention).
SEASON_START = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

# An absolute date, as on a date line.
ABSOLUTE_DATE = re.compile(
    rf"(?P<mdy>{MONTH}\s+{_DAY},?\s+{_YEAR})"
    rf"|(?P<dmy>{_DAY}\s+{MONTH},?\s+{_YEAR})"
    rf"|(?P<iso>{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))"
)


def month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR[w]


def parse_absolute(text: str) -> dt.date | None:
    """Read one absolute date string ("September 10, 2014", "10 Sept. 2014", ISO)."""
    import dateparser  # imported here: it costs ~0.3 s and only this needs it

    cleaned = re.sub(r"\b(Sept)\.", "Sep", text)
    cleaned = re.sub(r"\b([A-Z][a-z]{2})\.", r"\1", cleaned)
    cleaned = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", cleaned)
    parsed = dateparser.parse(
        cleaned,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"],
                  "PREFER_DATES_FROM": "past", "DATE_ORDER": "MDY" if cleaned[:1].isalpha() else "DMY"},
    )
    return parsed.date() if parsed else None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
# A date line: the date alone, optionally after a memo label ("Date:"), a place
# ("New York, 10 September 2014", "Oslo, 4 May 2017") and a weekday ("Thursday,
# May 4, 2017"), with ordinals ("March 3rd, 2016", "the 21st of October 2017").
_PLACE = r"(?:[^\W\d_][^\W\d_ .'’-]*(?:[ .'’-]+[^\W\d_][^\W\d_ .'’-]*){0,4}\.?,\s+)"
DATE_LINE = re.compile(
    rf"^\s*(?:(?i:date[d]?)\s*:\s*)?{_PLACE}{{0,2}}(?:{_WEEKDAY},?\s+)?(?:the\s+)?"
    rf"(?P<date>{_MONTH_DATED}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{_MONTH_DATED},?\s+{_YEAR}"
    rf"|{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01]))\.?\s*$"
)


# "Date: 14.09.2023", "Geneva, 14/09/2023": digits only after a label or a place (a bare
# "14.09.2023" on a page is its publication date); day first, as most such letters write it.
NUMERIC_DATE_LINE = re.compile(
    rf"^\s*(?:(?i:date[d]?)\s*:\s*|{_PLACE}{{1,2}})(?P<date>(?P<d>\d{{1,2}})(?P<sep>[./-])(?P<m>\d{{1,2}})(?P=sep)"
    rf"(?P<y>(?:19|20)\d\d))\.?\s*$"
)


def numeric_date(day: int, month: int, year: int) -> dt.date | None:
    """Day first; month first only when the day cannot be a month ("09/14/2023")."""
    if month > 12 >= day:
        day, month = month, day
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date_line(line: str) -> dt.date | None:
    m = DATE_LINE.match(line)
    if not m:
        m = NUMERIC_DATE_LINE.match(line)
        if not m or re.search(r"(?i)\b(?:published|posted|updated|issued|released)\b", line[: m.start("date")]):
            return None
        return numeric_date(int(m.group("d")), int(m.group("m")), int(m.group("y")))
    place = line[: m.start("date")]
    if re.search(r"(?i)\b(?:published|posted|updated|issued|released|press release|news)\b", place):
        return None  # a page's publication date, not a letter's
    return parse_absolute(re.sub(r"\s+of\s+", " ", m.group("date")))


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    precision: str  # day, week, month, season, year, ref
    rule: str


# --- tense, for month expressions without a year ---------------------------------

_FUTURE = re.compile(
    r"\b(?:will|shall|would|going to|upcoming|forthcoming|plans? to|intends? to|"
    r"(?:is|are|be) (?:interested|prepared|expected|scheduled|set|due|planning)|"
    r"request|urge|ask|call on|call upon|hope|look forward|(?:scheduled|planned|set|slated|due) (?:for|on)|"
    r"expected|anticipated|proposed|"
    r"to (?:attend|participate|host|hold|visit|convene))\b",
    re.I,
)
_PAST = re.compile(
    # (not after "be": "will be held", "to be adopted" look ahead)
    r"\b(?<!\bbe )(?<!\bbeing )(?:was|were|had|did|spoke|said|met|held|took|gave|made|wrote|began|saw|sought|brought|thought|told|found|"
    r"left|sent|went|came|became|fled|led|kept|rose|fell|struck|stood|won|lost|paid|built|chose|broke|got|fought|"
    r"caught|taught|bought|felt|heard|meant|ran|sat|sold|spent|threw|understood|withdrew|arose|drew|grew|knew|flew|"
    r"froze|hid|shook|forgot|sank|ago|(?:has|have) (?:been|\w+ed)|"
    # what a letter welcomes has happened: "we welcome the decision … in September"
    r"(?<!would )(?<!will )(?<!\bto )(?<!'d )(?<!’d )welcome[sd]? (?:the|your|its|their|this)(?: recent)? (?:decision|announcement|commitment|move|step|adoption|release|appointment)|"
    # a lowercase verb in -ed ("United" is no past tense)
    r"(?<!\bbe )(?<!\bbeing )(?<!\bthe )(?<!\ba )(?<!\ban )(?<!\btheir )(?<!\bour )(?<!\bits )(?<!\bof )(?<!\bfor )"
    r"(?<!\bincluding )(?<!\bwith )(?<!\bfrom )(?<!\bmore )(?<!\bmost )(?!(?:need|interest|prepar|concern|schedul|expect|pleas|delight|honou?r|alarm|trouble|dismay|encourag"
    r"|disappoint|sadden|shock|convinc|determin|commit|deepl|united|indebt|involv|appall|retir|detain|displac|disappear"
    r"|schedul|plann|related|based|needed|concerned|so-called|undersign|shar|alleg|arm|target|detail|limit|affect"
    r"|continu|renew|increas|unprecedent|unfound|undisclos|concert|sustain|coordinat|dedicat|respect|distinguish"
    r"|esteem|not|learn|found|unit|expect|anticipat|propos)ed\b)(?-i:[a-z]{3,}ed))\b",
    re.I,
)


# "publicly funded observations": an -ed word after an adverb in -ly describes a noun
# (a verb after one, "was widely reported", has its own past marker before it).
_ADVERB_BEFORE = re.compile(r"\b[a-z]{2,}ly $")


def tense(text: str, start: int, end: int, sents: SentenceIndex | None = None) -> str:
    """'future', 'past' or 'unknown' for the clause holding text[start:end], then its sentence."""
    sent = sents.at(start) if sents else (-1, -1)
    if sent[0] < 0:
        sent = _line_of(text, start)
    c0, c1 = clause(text, sent, start)
    opens = not re.search(r"\w", re.sub(r"(?i)\b(?:in|on|by|since|during|until|from|of|the|early|late|mid)\b", "",
                                          text[c0:start]))
    lead = _lead_in_tense(text, sent, sents)
    for a, b in ((c0, c1), sent):
        # The verb that governs a time expression comes before it ("we will act in
        # October, as we said") unless the expression opens its clause ("On September
        # 5, the Administration announced …"): the nearest marker on that side decides.
        marks = [(m.start(), "future") for m in _FUTURE.finditer(text, a, b)]
        marks += [(m.start(), "past") for m in _PAST.finditer(text, a, b) if not _ADVERB_BEFORE.search(text, max(0, m.start() - 30), m.start())]
        if not marks:
            continue
        before = [x for x in marks if x[0] < start]
        after = [x for x in marks if x[0] >= start]
        if before and not opens:
            return max(before)[1]
        if lead and not opens:
            return lead  # "- Participate in the dialogue on 6 March and raise the cases of people held …"
        if after:
            return min(after)[1]
        return max(before)[1]
    return lead or "unknown"


def _lead_in_tense(text: str, sent: tuple[int, int], sents: SentenceIndex | None) -> str:
    """A bullet continues the sentence that introduces the list ("We urge the Commission to:"):
    that sentence's tense, or '' for a sentence that is no bullet (or a lead-in without one)."""
    if sents and sent[0] >= 0 and BULLET_START.match(text, sent[0]):
        prev = sents.before(sent[0] - 1)
        for p0, p1 in reversed(prev[-12:]):  # back over the bullets before it, to the lead-in
            if text[p0:p1].rstrip().endswith(":"):
                if _FUTURE.search(text, p0, p1):
                    return "future"
                if _PAST.search(text, p0, p1):
                    return "past"
                break
            if not BULLET_START.match(text, p0):
                break
    return ""


BULLET_START = re.compile(r"\s*(?:[-–—•●▪◦·*]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+")


def _line_of(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, len(text) if b < 0 else b


def _year_for(month: int, day: int | None, anchor: dt.date, direction: str) -> int:
    """Year of an underspecified month (and day) relative to the anchor date."""
    key, akey = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if direction == "past":
        return anchor.year if key <= akey else anchor.year - 1
    if direction == "future":
        return anchor.year if key >= akey else anchor.year + 1
    if direction == "last":
        return anchor.year if key < akey else anchor.year - 1
    if direction == "next":
        return anchor.year if key > akey else anchor.year + 1
    return anchor.year  # "this March", or tense unknown: the letter's own year


def _week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20,
           "thirty": 30}
_NUM = r"(?:\d{1,3}|" + "|".join(sorted(NUMBERS, key=len, reverse=True)) + ")"


def _number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS[w]


def _shift(anchor: dt.date, n: int, unit: str) -> tuple[str, str]:
    """anchor moved by n units, at the unit's precision."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return _week(anchor + dt.timedelta(weeks=n)), "week"
    if unit == "month":
        y, mo = _shift_month(anchor.year, anchor.month, n)
        return f"{y:04d}-{mo:02d}", "month"
    return f"{anchor.year + n:04d}", "year"


def _weekday(anchor: dt.date, wd: int, direction: str) -> dt.date:
    delta = wd - anchor.weekday()
    if direction == "last":
        return anchor + dt.timedelta(days=delta - 7 if delta >= 0 else delta)
    if direction == "next":  # the day of the following week: said on a Thursday, "next Friday" is in 8 days
        return anchor + dt.timedelta(days=delta + 7)
    if direction == "past":
        return anchor + dt.timedelta(days=delta - 7 if delta > 0 else delta)
    if direction == "future":
        return anchor + dt.timedelta(days=delta + 7 if delta < 0 else delta)
    return anchor + dt.timedelta(days=delta)  # "this Friday": that day of the letter's week


def _day_of(g: dict, key: str) -> int:
    return int(re.match(r"\d+", g[key]).group())


# --- the rules ---------------------------------------------------------------------
# Each rule: (name, pattern). Handlers below turn a match into (value, precision).

# Cue words may open a sentence ("In April, …"); the month itself stays capitalised.
_MONTH_CUE = r"(?i:in|on|during|since|until|by|before|after|from|through|throughout|of)"
_DEADLINE_CUES = ("by", "before", "until")
# Words that may open a sentence right before a bare year ("Since 2009", "In 2014", "By 2020").
_YEAR_CUES = {"in", "since", "by", "until", "from", "during", "before", "after", "of", "through", "throughout",
              "early", "late", "mid", "spring", "summer", "autumn", "fall", "winter", "between", "and", "to", "or",
              "around", "circa", "c", "as", "for", "on", "at", "till"}
_RANGE_SEP = r"(?:\s*[–—-]\s*|\s+(?i:to|and|through|until)\s+)"
_NO_YEAR = rf"(?!,?\s+{_YEAR})(?!\d)"
RULES: list[tuple[str, re.Pattern]] = [
    ("weekday_date", re.compile(rf"\b{_WEEKDAY},?\s+(?:the\s+)?(?P<d>{MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\s+(?:of\s+)?{MONTH},?\s+{_YEAR})\b")),
    ("weekday_day", re.compile(rf"\b(?P<wd>{_WEEKDAY}),?\s+(?:the\s+)?(?:(?P<m>{MONTH})\s+(?P<d>{_DAY})|(?P<d2>{_DAY})\s+(?:of\s+)?(?P<m2>{MONTH})){_NO_YEAR}")),
    ("iso_date", re.compile(rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")),
    # "14.09.2023", "14/09/2023": day first (numeric_date); not inside a longer number or symbol.
    ("numeric_date", re.compile(r"(?<![\w/.-])(?P<d>\d{1,2})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)")),
    ("month_day_year", re.compile(rf"\b{_MONTH_DATED}\s+{_DAY},?\s+{_YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH_DATED},?\s+{_YEAR}\b")),
    # Ranges of days: "from 2 to 27 March 2017", "on 14 and 15 May", "March 2–4, 2017".
    ("day_range", re.compile(rf"\b(?:(?P<cue>(?i:from|between|on))\s+)?(?P<d1>{_DAY})(?:\s+(?P<m1>{MONTH}))?{_RANGE_SEP}(?P<d2>{_DAY})\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{_YEAR}))?\b(?!,?\s+\d)")),
    ("month_day_range", re.compile(rf"\b(?:(?P<cue>(?i:from|between|on))\s+)?(?P<m>{MONTH})\s+(?P<d1>{_DAY}){_RANGE_SEP}(?:(?P<m2>{MONTH})\s+)?(?P<d2>{_DAY})(?:,?\s+(?P<y>{_YEAR}))?\b(?!\s*\d)")),
    ("end_of_month", re.compile(rf"\b(?P<cue>(?i:by|before|until|at|towards?|after)) (?i:the (?:end|middle|beginning|start) of) (?P<m>{MONTH})(?:\s+(?P<y>{_YEAR}))?\b")),
    ("end_of_unit", re.compile(r"\b(?:(?P<cue>by|before|until|at|towards?|after|in|from)\s+)?(?:the\s+)?(?:very\s+)?(?:end|middle|beginning|start|close) of (?P<rel>the|this|next|last) (?P<u>week|month|year)\b", re.I)),
    ("month_rel_year", re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<rel>(?i:last|next|this)) year\b")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("rel_month_day", re.compile(rf"\b(?P<cue>(?i:on|by|until|before|after|since|from|of)) (?P<m>{MONTH})\s+(?P<d>{_DAY})\b(?!,?\s+\d)")),
    ("month_day", re.compile(rf"(?<![Oo]n )\b(?P<m>{_MONTH_FULL}|{_MONTH_ABBR})\s+(?P<d>{_DAY})\b(?!,?\s+\d|\s*[–-]\s*\d)")),
    ("rel_day_month", re.compile(rf"\b(?:(?P<cue>(?i:on|by|until|before|after|since|from|of|the))\s+)?(?P<d>{_DAY})\s+(?:of\s+)?(?P<m>{MONTH}){_POSS}{_NO_YEAR}")),
    ("this_month_name", re.compile(rf"\b(?P<rel>(?i:this|last|next|early|late|mid-|earlier this|later this)) ?(?P<m>{MONTH}){_POSS}(?!\s+\d)")),
    ("cue_month", re.compile(rf"\b(?P<cue>{_MONTH_CUE}) (?:early |late |mid-)?(?P<m>{MONTH}){_POSS}(?!\s+\d)")),
    ("season", re.compile(rf"\b(?:(?P<rel>this|last|next|early|late|earlier this|later this|the) )?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b", re.I)),
    ("weekday", re.compile(rf"\b(?P<rel>(?i:last|next|this|on|this coming|this past|coming|past)) (?P<wd>{_WEEKDAY})\b(?!,?\s+(?:\d|{MONTH}))")),
    ("in_units", re.compile(rf"\b(?i:in) (?P<n>{_NUM}) (?P<u>(?i:days|weeks|months|years))(?:[’']? time)?\b(?!\s+(?:of|after|before|since|ago))")),
    ("ago", re.compile(rf"\b(?P<n>{_NUM}) (?P<u>days?|weeks?|months?|years?) ago\b", re.I)),
    # (not "less than a week earlier": a bound, not a day)
    ("later", re.compile(rf"(?<!less than )(?<!more than )(?<!nearly )(?<!almost )(?<!over )(?<!about )"
                         rf"\b(?P<n>{_NUM}) (?P<u>days?|weeks?|months?|years?) (?P<dir>later|earlier|afterwards|before that)\b", re.I)),
    ("within", re.compile(rf"\b(?:within|in|over|during) the (?:next|coming|following) (?P<n>{_NUM}) (?P<u>days|weeks|months)\b|\bwithin (?P<n2>{_NUM}) (?P<u2>days|weeks|months)\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>(?:earlier|later) this|this|last|next|past) (?P<u>week|month|year)\b", re.I)),
    ("deictic_day", re.compile(r"\b(?P<w>yesterday|today|tomorrow)\b", re.I)),
    ("generic_ref", re.compile(r"\b(?:(?:in the coming|in recent|over the (?:past|last)(?: few)?|in the past(?: few)?|over the (?:coming|next)(?: few)?) (?:days|weeks|months|years)"
                               r"|in the (?:days|weeks|months|years) (?:ahead|to come))\b", re.I)),
    ("bare_year", re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/]|-\d|s\b)")),  # not a decade ("the 1990s")
]


def _direction(cue: str | None, text: str, m: re.Match, sents) -> str:
    d = tense(text, m.start(), m.end(), sents)
    if (cue or "").lower() in _DEADLINE_CUES:
        # A deadline looks ahead, unless the clause before it is told in the past ("had … by May").
        sent = sents.at(m.start()) if sents else _line_of(text, m.start())
        c0, _ = clause(text, sent if sent[0] >= 0 else _line_of(text, m.start()), m.start())
        if d == "unknown" or not _PAST.search(text, c0, m.start()):
            return "future"
    if (cue or "").lower() == "since":
        return "past"
    return d


def _plausible(direction: str, month: int, day: int | None, anchor: dt.date, cue: str = "") -> str:
    """Past or future for a month (and day) with no year, weighing the tense against distance.

    With no tense, an imminent date (two months ahead) is ahead and anything else has happened:
    letters date to the day what happened. With a tense, a date two months back is still past
    when reading it forward would put it most of a year away ("urge an investigation into the
    events of 3 June", written in July), and "until 31 October" after a past verb runs forward.
    """
    past = _date(_year_for(month, day, anchor, "past"), month, day or 15)
    ahead = _date(_year_for(month, day, anchor, "future"), month, day or 15)
    if not past or not ahead:
        return direction if direction in ("past", "future") else "past"
    back, fwd = (anchor - past).days, (ahead - anchor).days
    if direction == "unknown":
        if day is None:
            return "unknown"  # a month alone, no tense: the letter's own year
        return "future" if fwd <= 60 else "past"
    if direction == "future" and day is not None and fwd > 180 and back <= 60:
        return "past"
    if direction == "past" and (cue or "").lower() in ("until", "till") and fwd < back:
        return "future"
    return direction


def _date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _resolve(rule: str, m: re.Match, text: str, anchor: dt.date, sents=None) -> tuple[str, str] | None:
    g = m.groupdict()
    s = m.group(0)
    if rule == "numeric_date":
        if re.search(r"(?i)(?:\bno\.?|n°|\blaw|\bdecree|\bresolution|\bact)\s*$", text[max(0, m.start() - 14) : m.start()]):
            return None  # "Law No. 3/12/2019": a number, not a date
        d = numeric_date(int(g["d"]), int(g["m"]), int(g["y"]))
        return (d.isoformat(), "day") if d else None
    if rule in ("iso_date", "month_day_year", "day_month_year", "weekday_date"):
        d = parse_absolute(g["d"] if rule == "weekday_date" else s)
        return (d.isoformat(), "day") if d else None
    if rule == "weekday_day":
        # "Thursday, November 16": the weekday says which year
        month = month_number(g["m"] or g["m2"])
        day = _day_of(g, "d" if g.get("d") else "d2")
        wd = WEEKDAYS.index(g["wd"].lower())
        fits = [d for y in (anchor.year - 1, anchor.year, anchor.year + 1)
                if (d := _date(y, month, day)) and d.weekday() == wd]
        if not fits:
            return None
        return min(fits, key=lambda d: abs((d - anchor).days)).isoformat(), "day"
    if rule in ("day_range", "month_day_range"):
        m2 = month_number(g["m"])
        m1 = month_number(g.get("m1") or g.get("m")) if rule == "day_range" else m2
        if rule == "month_day_range" and g.get("m2"):
            m2 = month_number(g["m2"])
        d1, d2 = _day_of(g, "d1"), _day_of(g, "d2")
        if g.get("y"):
            year = int(g["y"])
        else:
            direction = _direction(g.get("cue"), text, m, sents)
            if direction == "unknown":  # as for one day: imminent (two months) is ahead, else past
                ahead = _date(_year_for(m1, d1, anchor, "future"), m1, d1)
                direction = "future" if ahead and (ahead - anchor).days <= 60 else "past"
            if direction == "past":
                year = _year_for(m1, d1, anchor, "past")
            elif direction == "future":  # a range still running on the letter's date is this year's
                year = _year_for(m2, d2, anchor, "future") - (m2 < m1)
            else:
                year = _year_for(m1, d1, anchor, direction)
        first, last = _date(year, m1, d1), _date(year + (m2 < m1), m2, d2)
        if not first or not last or last <= first:
            return None
        return f"{first.isoformat()}/{last.isoformat()}", "range"
    if rule == "month_rel_year":
        delta = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
        return f"{anchor.year + delta:04d}-{month_number(g['m']):02d}", "month"
    if rule in ("month_year", "end_of_month") and g.get("y"):
        return f"{int(g['y']):04d}-{month_number(g['m']):02d}", "month"
    if rule in ("end_of_month", "cue_month", "rel_month_day", "rel_day_month", "month_day"):
        cue = (g.get("cue") or "").lower()
        if rule == "rel_day_month" and not cue and not re.match(r"\s*(?:,|\.|;|\)|$|and\b|to\b)", text[m.end():]):
            pass  # "3 April" without a cue is still a date; the pattern already excludes a year after it
        month = month_number(g["m"])
        day = _day_of(g, "d") if g.get("d") else None
        # A deadline ("by the end of June") looks ahead; otherwise the clause's tense decides.
        deadline = rule == "end_of_month" and cue in _DEADLINE_CUES
        direction = "future" if deadline else _direction(cue, text, m, sents)
        direction = _plausible(direction, month, day, anchor, cue)
        year = _year_for(month, day, anchor, direction)
        if day:
            d = _date(year, month, day)
            return (d.isoformat(), "day") if d else None
        return f"{year:04d}-{month:02d}", "month"
    if rule == "end_of_unit":
        delta = {"next": 1, "last": -1}.get(g["rel"].lower(), 0)
        return _shift(anchor, delta, g["u"])
    if rule == "this_month_name":
        rel = g["rel"].lower()
        month = month_number(g["m"])
        direction = {"last": "last", "next": "next"}.get(rel, "this")
        if rel in ("early", "late", "mid-"):
            direction = tense(text, m.start(), m.end(), sents)
        year = _year_for(month, None, anchor, direction)
        return f"{year:04d}-{month:02d}", "month"
    if rule == "season":
        code = SEASONS[g["s"].lower()]
        rel = (g.get("rel") or "").lower()
        if g.get("y"):
            return f"{int(g['y'])}-{code}", "season"
        if not rel:
            return None  # "spring" alone is too vague to be a date
        year = anchor.year
        if rel == "the":
            direction = tense(text, m.start(), m.end(), sents)
            if direction == "future":
                return f"{year + (SEASON_START[code] + 2 < anchor.month)}-{code}", "season"
            if direction == "past":
                return f"{year - (SEASON_START[code] > anchor.month)}-{code}", "season"
            return None  # "the summer" with no tense to place it
        if rel == "last":
            year -= 1 if SEASON_START[code] >= anchor.month else 0
        elif rel == "next":
            year += 1 if SEASON_START[code] <= anchor.month else 0
        return f"{year}-{code}", "season"
    if rule == "weekday":
        rel = g["rel"].lower()
        wd = WEEKDAYS.index(g["wd"].lower())
        direction = {"last": "last", "next": "next", "this past": "past", "past": "past",
                     "coming": "future", "this coming": "future"}.get(rel)
        if direction is None:
            t = tense(text, m.start(), m.end(), sents)
            direction = t if rel == "on" and t != "unknown" else ("this" if rel == "this" else None)
        if direction is None:
            return None  # "on Friday" with no tense to place it
        return _weekday(anchor, wd, direction).isoformat(), "day"
    if rule == "ago":
        return _shift(anchor, -_number(g["n"]), g["u"])
    if rule == "in_units":  # "in two weeks": that far after the letter
        return _shift(anchor, _number(g["n"]), g["u"])
    if rule == "within":
        n, unit = (g["n"], g["u"]) if g.get("n") else (g["n2"], g["u2"])
        unit = unit.lower().rstrip("s")
        k = _number(n)
        if unit == "month":
            y, mo = _shift_month(anchor.year, anchor.month, k)
            end = _date(y, mo, min(anchor.day, calendar.monthrange(y, mo)[1]))
        else:
            end = anchor + dt.timedelta(days=k * (7 if unit == "week" else 1))
        return f"{anchor.isoformat()}/{end.isoformat()}", "range"
    if rule == "later":
        return None  # anchored on the date before it: resolved in find_timexes
    if rule == "rel_unit":
        rel, unit = g["rel"].lower(), g["u"].lower()
        delta = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
        if unit == "year":
            return f"{anchor.year + delta:04d}", "year"
        if unit == "month":
            y, mo = _shift_month(anchor.year, anchor.month, delta)
            return f"{y:04d}-{mo:02d}", "month"
        return _week(anchor + dt.timedelta(weeks=delta)), "week"
    if rule == "deictic_day":
        delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[g["w"].lower()]
        return (anchor + dt.timedelta(days=delta)).isoformat(), "day"
    if rule == "generic_ref":
        future = re.search(r"(?i)coming|next|ahead|to come", s)
        return ("FUTURE_REF" if future else "PAST_REF"), "ref"
    if rule == "bare_year":
        # "resolution 2334 (2016)", "S/RES/1718 (2006)": the year of a document's number, not a date
        if re.search(r"\d\s*\($", text[max(0, m.start() - 12) : m.start()]):
            return None
        # "resolution 1998 (2011)": a number that looks like a year, before its year in brackets
        if re.match(r"\s*\((?:19|20)\d\d\)", text[m.end() : m.end() + 8]) and re.search(
                r"(?i)\b(?:resolutions?|res\.?|decisions?|/)\s*$", text[max(0, m.start() - 14) : m.start()]):
            return None
        # "Horizon 2020", "Agenda 2030": a capitalised name right before the year makes it a name
        before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, m.start() - 30) : m.start()])
        if before and before.group(1).lower() not in _YEAR_CUES and before.group(1).lower().rstrip(".") not in MONTHS \
                and before.group(1).lower().rstrip(".") not in MONTH_ABBR:
            return None
        # "the Human Rights Act 1998": the year names a law, it is no date of the letter's
        if re.search(r"\b(?:Act|Acts|Bill|Order|Regulations|Code|Statute|Convention|Protocol|Charter)\s+(?:of\s+)?$",
                     text[max(0, m.start() - 20) : m.start()]):
            return None
        return s, "year"
    return None


def _later(t: "Timex", before: list["Timex"], m: re.Match) -> "Timex | None":
    """'two days later': n units after the last day-precise date before it."""
    prev = next((p for p in reversed(before) if p.precision in ("day", "range")), None)
    if prev is None:
        return None
    bounds = value_bounds(prev.value)
    if not bounds:
        return None
    g = m.groupdict()
    n = _number(g["n"])
    if g["dir"].lower() in ("earlier", "before that"):
        base, n = bounds[0], -n
    else:
        base = bounds[1]
    value, precision = _shift(base, n, g["u"])
    return Timex(t.start, t.end, t.text, value, precision, t.rule)


def find_timexes(text: str, anchor: dt.date, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Every temporal expression in `text` (optionally only inside `spans`), resolved.

    Overlaps are settled longest-first, so "March 2014" is one month, not a
    month and a year. Tense is read from the sentence (text.sentences) that
    holds the expression.
    """
    from types import SimpleNamespace

    regions = [SimpleNamespace(start=a, end=b) for a, b in (spans if spans is not None else [(0, len(text))])]
    sents = SentenceIndex(sentences(text, sorted(regions, key=lambda r: r.start)))
    inside = sorted((r.start, r.end) for r in regions)
    starts = [a for a, _ in inside]

    def within(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a) - 1
        return i >= 0 and b <= inside[i][1]

    found: list[Timex] = []
    pending: dict[int, re.Match] = {}
    for name, pattern in RULES:
        for m in pattern.finditer(text):
            if not within(m.start(), m.end()):
                continue
            if name == "later":
                t = Timex(m.start(), m.end(), m.group(0), "", "day", name)
                pending[id(t)] = m
                found.append(t)
                continue
            resolved = _resolve(name, m, text, anchor, sents)
            if resolved:
                found.append(Timex(m.start(), m.end(), m.group(0), resolved[0], resolved[1], name))
    chosen = non_overlapping(found)
    out: list[Timex] = []
    for t in chosen:
        if t.rule == "later":
            t = _later(t, out, pending[id(t)])
            if t is None:
                continue
        out.append(t)
    return out


def value_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 value covers; None for PAST_REF / FUTURE_REF
    and for values that name no real date ("2014-02-30", "2014-13", "2014-W60")."""
    try:
        return _value_bounds(value)
    except ValueError:
        return None


def _value_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    if "/" in value:
        a, b = value.split("/", 1)
        first, last = _value_bounds(a), _value_bounds(b)
        return (first[0], last[1]) if first and last and first[0] <= last[1] else None
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        d = dt.date(*map(int, m.groups()))
        return d, d
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
        first = dt.date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
        return first, first + dt.timedelta(days=6)
    if m := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        year, start = int(m.group(1)), SEASON_START[m.group(2)]
        first = dt.date(year, start, 1)
        ly, lm = _shift_month(year, start, 2)
        return first, dt.date(ly, lm, calendar.monthrange(ly, lm)[1])
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    return None


def precision_of(value: str) -> str | None:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}", value):
        return "range"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "day"
    if re.fullmatch(r"\d{4}-W\d{2}", value):
        return "week"
    if re.fullmatch(r"\d{4}-(SP|SU|FA|WI)", value):
        return "season"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return "month"
    if re.fullmatch(r"\d{4}", value):
        return "year"
    return None
