"""Resolvers for periods longer than a month: quarters and halves, fiscal years, decades and
centuries, years with a modifier, year ranges, spelled-out years, "the past 18 months"."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .context import Context
from .tense import tense
from .values import date, number, shift_month
from .vocab import NUMBERS, ORDINALS, month_number


def _period_start(year: int, unit: str, n: int) -> int:
    return 3 * n - 2 if unit == "quarter" else 6 * n - 5


def _period(year: int, unit: str, n: int) -> tuple[str, str]:
    return (f"{year:04d}-Q{n}", "quarter") if unit == "quarter" else (f"{year:04d}-H{n}", "half")


def _latest_complete(anchor: dt.date, unit: str, back: int = 1) -> tuple[int, int]:
    """(year, n) of the quarter or half `back` periods before the one holding the anchor."""
    size = 3 if unit == "quarter" else 6
    k = anchor.year * (12 // size) + (anchor.month - 1) // size - back
    return k // (12 // size), k % (12 // size) + 1


def quarter(m: re.Match, c: Context):
    """'third-quarter', 'the first half of 2021', 'the latest quarter', 'last quarter'."""
    g = m.groupdict()
    unit = g["unit"].lower()
    pre = " ".join((g["pre"] or "").lower().replace("-", " ").split())
    ordw = (g["ord"] or "").lower()
    mods = set(pre.split()) - {"the", "this", "that", "its", "their", "a", "an"}
    after = c.text[m.end() : m.end() + 12]
    if not ordw and not mods and (not pre or pre in ("a", "an") or re.match(r"\s+of\b|[’']s\b|\s+(?:mile|century|hour|point)", after)):
        return None  # "a quarter of the vote", "the Latin quarter": a fraction or a place
    if unit == "half" and not ordw and not (mods & {"first", "second", "last", "latest", "current", "past", "previous", "next", "coming"}):
        return None  # "half the people"
    n = ORDINALS.get(ordw) if ordw in ORDINALS else None
    if g["y"]:
        year = int(g["y"])
        n = n or (4 if unit == "quarter" else 2)
        return _period(year, unit, n)
    if g["rel"]:
        return _period(c.anchor.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0), unit, n or 1)
    if n:
        year = c.anchor.year
        if "year" in pre or "ago" in pre or "earlier" in pre:
            year -= 1  # "the year-ago third quarter"
        elif _period_start(year, unit, n) > c.anchor.month and tense(c.text, m.start(), m.end(), c.sents) == "past":
            year -= 1
        return _period(year, unit, n)
    if mods & {"current", "this"} or pre.startswith("this"):
        return _period(_latest_complete(c.anchor, unit, 0)[0], unit, _latest_complete(c.anchor, unit, 0)[1])
    if mods & {"next", "coming"}:
        return _period(_latest_complete(c.anchor, unit, -1)[0], unit, _latest_complete(c.anchor, unit, -1)[1])
    if "ago" in pre or "earlier" in pre:
        return None  # "the year-ago quarter": a year before the quarter the text gave (year_ago_adj)
    year, k = _latest_complete(c.anchor, unit, 1)  # "the latest quarter", "last quarter": the last one complete
    return _period(year, unit, k)


def quarter_code(m: re.Match, c: Context):
    g = m.groupdict()
    unit = "quarter" if (g["unit"] or g["unit2"]) == "Q" else "half"
    n, year = int(g["n"] or g["n2"]), int(g["y"] or g["y2"])
    if unit == "half" and n > 2:
        return None
    return _period(year, unit, n)


def fiscal_year(m: re.Match, c: Context):
    """A fiscal year: FY and the year it is named after (TIMEX3 has no fiscal calendar)."""
    g = m.groupdict()
    if g["y"]:
        year = int(g["y"])
        start = c.fiscal_start()
        if start and start[0] in range(1, 13) and start != (1, 1):
            # The text's own fiscal year, named after the calendar year it ends in (FY2021: Oct 2020 - Sep 2021)
            first = date(year - 1, *start)
            if first:
                last = date(year, *start) - dt.timedelta(days=1)
                return f"{first.isoformat()}/{last.isoformat()}", "range"
        return f"FY{year:04d}", "year"
    if g["yy"]:
        yy = int(g["yy"])
        century = c.anchor.year // 100 * 100
        return f"FY{century + yy if century + yy <= c.anchor.year + 10 else century - 100 + yy:04d}", "year"
    rel = g["rel"].lower()
    delta = -1 if ("last" in rel or "previous" in rel) else 1 if "next" in rel else 0
    return f"FY{c.anchor.year + delta:04d}", "year"


_DECADES = {w: i for i, w in enumerate(("", "", "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties")) if w}


def decade(m: re.Match, c: Context):
    g = m.groupdict()
    if re.search(r"(?i)\b(?:his|her|their|my|our|your|its|in\s+one's)\s+$", c.text[max(0, m.start() - 12) : m.start()]):
        return None  # "in their sixties": an age
    if g["c"]:
        return f"{g['c']}{g['d']}", "decade"
    d = int(g["d2"]) if g["d2"] else _DECADES[g["w"].lower()]
    x = c.anchor.year // 100 * 10 + d
    return f"{x if x <= c.anchor.year // 10 else x - 10:03d}", "decade"


def century(m: re.Match, c: Context):
    g = m.groupdict()
    if g["n"]:
        return f"{ORDINALS[g['n'].lower()] - 1:02d}", "century"
    delta = {"last": -1, "next": 1}.get(g["rel"].lower(), 0)
    return f"{c.anchor.year // 100 + delta:02d}", "century"


def modified_year(m: re.Match, c: Context):
    if m.group("y"):
        return m.group("y"), "year"
    return f"{c.anchor.year + {'last': -1, 'next': 1}.get(m.group('rel').lower(), 0):04d}", "year"


def year_end(m: re.Match, c: Context):
    past = tense(c.text, m.start(), m.end(), c.sents) == "past" and c.anchor.month <= 2
    return f"{c.anchor.year - past:04d}", "year"


def year_range(m: re.Match, c: Context):
    y1, y2 = m.group("y1"), m.group("y2")
    if len(y2) == 2:
        y2 = y1[:2] + y2
    if not 0 < int(y2) - int(y1) <= 60:
        return None
    return f"{y1}/{y2}", "range"


_TENS = {w: n for w, n in NUMBERS.items() if n >= 10 or w not in ("a", "an")}


def spelled(words: str) -> int | None:
    """'nineteen ninety-six' -> 1996, 'two thousand and three' -> 2003, 'nineteen oh five' -> 1905."""
    ws = [w for w in re.split(r"[\s-]+", words.lower()) if w and w != "and"]
    if ws[:2] == ["two", "thousand"]:
        return 2000 + sum(_TENS[w] for w in ws[2:])
    if not ws or ws[0] not in _TENS:
        return None
    head, rest = _TENS[ws[0]], ws[1:]
    if rest == ["hundred"]:
        return head * 100
    if rest[:1] == ["oh"]:
        rest = rest[1:]
    if not rest or any(w not in _TENS for w in rest):
        return None
    return head * 100 + sum(_TENS[w] for w in rest)


def spelled_year(m: re.Match, c: Context):
    year = spelled(m.group("sp"))
    if not year or not 1800 <= year <= 2099:
        return None
    if m.group("m"):
        return f"{year:04d}-{month_number(m.group('m')):02d}", "month"
    return f"{year:04d}", "year"


def past_span(m: re.Match, c: Context):
    """'the past year', 'the last 18 months': from that far back to the reference date."""
    n = number(m.group("n")) if m.group("n") else 1
    unit = m.group("u").lower().rstrip("s")
    a = c.anchor
    if unit in ("month", "year", "decade"):
        months = n * {"month": 1, "year": 12, "decade": 120}[unit]
        y, mo = shift_month(a.year, a.month, -months)
        start = date(y, mo, min(a.day, calendar.monthrange(y, mo)[1]))
    else:
        start = a - dt.timedelta(days=n * (7 if unit == "week" else 1))
    return f"{start.isoformat()}/{a.isoformat()}", "range"
