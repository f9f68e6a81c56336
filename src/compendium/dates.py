"""Temporal expressions: finding them in a letter and resolving them against its date.

Rule-based and transparent on purpose. General date finders (dateparser's
`search_dates`) read "We" as Wednesday and "may" as May and invent day
precision for a bare month; here every expression is found by a named rule,
and resolved at the precision its text supports (TimeML / TIMEX3 values:
`2014`, `2014-09`, `2014-09-10`, `2014-W38`, `2014-SP`, `PAST_REF`,
`FUTURE_REF`). dateparser is used only to read an absolute date string.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

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


# A date line: the date alone, optionally after a place ("New York, 10 September 2014").
DATE_LINE = re.compile(
    rf"^\s*(?:[A-Z][A-Za-z .]{{1,40}},\s+)?(?P<date>{ABSOLUTE_DATE.pattern})\.?\s*$"
)


def parse_date_line(line: str) -> dt.date | None:
    m = DATE_LINE.match(line)
    if not m:
        return None
    return parse_absolute(m.group("date"))


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
    r"request|urge|ask|hope|look forward|to (?:attend|participate|host|hold|visit|convene))\b",
    re.I,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|spoke|said|met|held|took|gave|made|wrote|began|saw|"
    # a lowercase verb in -ed ("United" is no past tense)
    r"(?!(?:need|interest|prepar|concern|schedul|expect)ed\b)(?-i:[a-z]{3,}ed))\b",
    re.I,
)


def sentence_span(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos`: bounded by . ! ? followed by space/quote, or a blank line."""
    starts = [m.end() for m in re.finditer(r"(?:[.!?][”\"’]?\s+(?=[A-Z“\"])|\n\s*\n)", text[:pos])]
    start = starts[-1] if starts else 0
    m = re.compile(r"[.!?][”\"’]?(?=\s+[A-Z“\"]|\s*$)|\n\s*\n").search(text, pos)
    end = m.end() if m else len(text)
    return start, end


def _clause(text: str, start: int, end: int) -> str:
    s0, s1 = sentence_span(text, start)
    sent = text[s0:s1]
    rel = start - s0
    bounds = [0] + [m.end() for m in re.finditer(r",\s+(?:and|but|which|while)\b|;|—", sent)] + [len(sent)]
    for a, b in zip(bounds, bounds[1:]):
        if a <= rel < b:
            return sent[a:b]
    return sent


def tense(text: str, start: int, end: int) -> str:
    """'future', 'past' or 'unknown' for the clause holding text[start:end]."""
    clause = _clause(text, start, end)
    if _FUTURE.search(clause):
        return "future"
    if _PAST.search(clause):
        return "past"
    s0, s1 = sentence_span(text, start)
    sent = text[s0:s1]
    if _FUTURE.search(sent):
        return "future"
    if _PAST.search(sent):
        return "past"
    return "unknown"


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


# --- the rules ---------------------------------------------------------------------
# Each rule: (name, pattern). Handlers below turn a match into (value, precision).

# Cue words may open a sentence ("In April, …"); the month itself stays capitalised.
_MONTH_CUE = r"(?i:in|on|during|since|until|by|before|after|from|through|throughout|of)"
RULES: list[tuple[str, re.Pattern]] = [
    ("iso_date", re.compile(rf"\b{_YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])\b")),
    ("month_day_year", re.compile(rf"\b{MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("day_month_year", re.compile(rf"\b{_DAY}\s+{MONTH},?\s+{_YEAR}\b")),
    ("end_of_month", re.compile(rf"\b(?P<cue>(?i:by|before|until|at|towards?|after)) (?i:the (?:end|middle|beginning|start) of) (?P<m>{MONTH})(?:\s+(?P<y>{_YEAR}))?\b")),
    ("month_year", re.compile(rf"\b(?P<m>{MONTH})\s+(?:of\s+)?(?P<y>{_YEAR})\b")),
    ("rel_month_day", re.compile(rf"\b(?i:on|by|until|before|after|since) (?P<m>{MONTH})\s+(?P<d>{_DAY})\b(?!,?\s+\d)")),
    ("this_month_name", re.compile(rf"\b(?P<rel>(?i:this|last|next|early|late|mid-|earlier this|later this)) ?(?P<m>{MONTH}){_POSS}(?!\s+\d)")),
    ("cue_month", re.compile(rf"\b{_MONTH_CUE} (?:early |late |mid-)?(?P<m>{MONTH}){_POSS}(?!\s+\d)")),
    ("season", re.compile(rf"\b(?:(?P<rel>this|last|next|early|late|earlier this|later this) )?(?P<s>spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(?P<y>{_YEAR}))?\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<rel>(?:earlier|later) this|this|last|next|past) (?P<u>week|month|year)\b", re.I)),
    ("deictic_day", re.compile(r"\b(?P<w>yesterday|today|tomorrow)\b", re.I)),
    ("generic_ref", re.compile(r"\b(?:in the coming|in recent|over the (?:past|last)(?: few)?|in the past(?: few)?) (?:days|weeks|months|years)\b", re.I)),
    ("bare_year", re.compile(rf"(?<![\d/.-]){_YEAR}(?![\d/]|-\d|s\b)")),  # not a decade ("the 1990s")
]


def _resolve(rule: str, m: re.Match, text: str, anchor: dt.date) -> tuple[str, str] | None:
    g = m.groupdict()
    s = m.group(0)
    if rule in ("iso_date", "month_day_year", "day_month_year"):
        d = parse_absolute(s)
        return (d.isoformat(), "day") if d else None
    if rule in ("month_year", "end_of_month") and g.get("y"):
        return f"{int(g['y']):04d}-{month_number(g['m']):02d}", "month"
    if rule in ("end_of_month", "cue_month", "rel_month_day"):
        month = month_number(g["m"])
        day = int(re.match(r"\d+", g["d"]).group()) if g.get("d") else None
        # A deadline ("by the end of June") looks ahead; otherwise the clause's tense decides.
        deadline = rule == "end_of_month" and (g.get("cue") or "").lower() in ("by", "before", "until")
        direction = "future" if deadline else tense(text, m.start(), m.end())
        year = _year_for(month, day, anchor, direction)
        if day:
            try:
                return dt.date(year, month, day).isoformat(), "day"
            except ValueError:
                return None
        return f"{year:04d}-{month:02d}", "month"
    if rule == "this_month_name":
        rel = g["rel"].lower()
        month = month_number(g["m"])
        direction = {"last": "last", "next": "next"}.get(rel, "this")
        if rel in ("early", "late", "mid-"):
            direction = tense(text, m.start(), m.end())
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
        if rel == "last":
            year -= 1 if SEASON_START[code] >= anchor.month else 0
        elif rel == "next":
            year += 1 if SEASON_START[code] <= anchor.month else 0
        return f"{year}-{code}", "season"
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
        return ("FUTURE_REF" if "coming" in s.lower() else "PAST_REF"), "ref"
    if rule == "bare_year":
        return s, "year"
    return None


def find_timexes(text: str, anchor: dt.date, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Every temporal expression in `text` (optionally only inside `spans`), resolved.

    Overlaps are settled longest-first, so "March 2014" is one month, not a
    month and a year.
    """
    found: list[Timex] = []
    for name, pattern in RULES:
        for m in pattern.finditer(text):
            if spans is not None and not any(a <= m.start() and m.end() <= b for a, b in spans):
                continue
            resolved = _resolve(name, m, text, anchor)
            if resolved:
                found.append(Timex(m.start(), m.end(), m.group(0), resolved[0], resolved[1], name))
    found.sort(key=lambda t: (-(t.end - t.start), t.start))
    chosen: list[Timex] = []
    for t in found:
        if all(t.end <= c.start or t.start >= c.end for c in chosen):
            chosen.append(t)
    return sorted(chosen, key=lambda t: t.start)


def value_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 value covers; None for PAST_REF / FUTURE_REF
    and for values that name no real date ("2014-02-30", "2014-13", "2014-W60")."""
    try:
        return _value_bounds(value)
    except ValueError:
        return None


def _value_bounds(value: str) -> tuple[dt.date, dt.date] | None:
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
