"""One resolver per rule: a match becomes (TIMEX3 value, precision), or None (no date after all).
Here the resolvers of calendar dates (a day, a month, a range of days, a season, a holiday, a
year); those placed relative to the letter's date are in relative.py, long periods in periods.py."""

from __future__ import annotations

import datetime as dt
import re
from typing import Callable

from .absolute import numeric_date, parse_absolute
from .anchoring import DEADLINE_CUES, direction, plausible, year_for
from .context import Context
from .periods import (century, decade, fiscal_year, modified_year, past_span, quarter, quarter_code, spelled_year,
                      year_end, year_range)
from .relative import (_dateline, ago, anaphoric, deictic_day, end_of_unit, generic_ref, in_units, ref_word, rel_unit,
                       weekday, weekday_bare, within)
from .tense import tense
from .values import date, week
from .vocab import FOREIGN_MONTHS, MONTH_ABBR, MONTHS, SEASON_START, SEASONS, WEEKDAYS, cues, holiday as holiday_date, month_number

YEAR_CUES = frozenset(cues("year"))


def _day_of(g: dict, key: str) -> int:
    return int(re.match(r"\d+", g[key]).group())


def numeric(m: re.Match, c: Context):
    if re.search(r"(?i)(?:\bno\.?|n°|\blaw|\bdecree|\bresolution|\bact)\s*$", c.text[max(0, m.start() - 14) : m.start()]):
        return None  # "Law No. 3/12/2019": a number, not a date
    g = m.groupdict()
    d = numeric_date(int(g["d"]), int(g["m"]), int(g["y"]))
    return (d.isoformat(), "day") if d else None


def absolute(m: re.Match, c: Context):
    d = parse_absolute(m.group("d") if m.groupdict().get("d") else m.group(0))
    return (d.isoformat(), "day") if d else None


def foreign(m: re.Match, c: Context):
    d = numeric_date(int(m.group("d")), FOREIGN_MONTHS[m.group("m").lower()], int(m.group("y")))
    return (d.isoformat(), "day") if d else None


def weekday_day(m: re.Match, c: Context):
    """'Thursday, November 16': the weekday says which year."""
    g = m.groupdict()
    month = month_number(g["m"] or g["m2"])
    day = _day_of(g, "d" if g.get("d") else "d2")
    wd = WEEKDAYS.index(g["wd"].lower())
    fits = [d for y in (c.anchor.year - 1, c.anchor.year, c.anchor.year + 1)
            if (d := date(y, month, day)) and d.weekday() == wd]
    if not fits:
        return None
    return min(fits, key=lambda d: abs((d - c.anchor).days)).isoformat(), "day"


def day_range(m: re.Match, c: Context):
    g = m.groupdict()
    m2 = month_number(g["m"])
    m1 = month_number(g.get("m1") or g.get("m")) if "m1" in g else m2
    if "m1" not in g and g.get("m2"):
        m2 = month_number(g["m2"])
    d1, d2 = _day_of(g, "d1"), _day_of(g, "d2")
    if g.get("y"):
        year = int(g["y"])
    else:
        way = direction(g.get("cue"), c.text, m, c.sents)
        if way == "unknown":  # as for one day: imminent (two months) is ahead, else past
            ahead = date(year_for(m1, d1, c.anchor, "future"), m1, d1)
            way = "future" if ahead and (ahead - c.anchor).days <= 60 else "past"
        if way == "past":
            year = year_for(m1, d1, c.anchor, "past")
        elif way == "future":  # a range still running on the letter's date is this year's
            year = year_for(m2, d2, c.anchor, "future") - (m2 < m1)
        else:
            year = year_for(m1, d1, c.anchor, way)
    first, last = date(year, m1, d1), date(year + (m2 < m1), m2, d2)
    if not first or not last or last <= first:
        return None
    return f"{first.isoformat()}/{last.isoformat()}", "range"


def month_rel_year(m: re.Match, c: Context):
    delta = {"last": -1, "next": 1}.get(m.group("rel").lower(), 0)
    return f"{c.anchor.year + delta:04d}-{month_number(m.group('m')):02d}", "month"


def day_month_rel_year(m: re.Match, c: Context):
    g = m.groupdict()
    d = date(c.anchor.year + {"last": -1, "next": 1}.get(g["rel"].lower(), 0), month_number(g["m"] or g["m2"]),
             _day_of(g, "d" if g["d"] else "d2"))
    return (d.isoformat(), "day") if d else None


def month_year(m: re.Match, c: Context):
    return f"{int(m.group('y')):04d}-{month_number(m.group('m')):02d}", "month"


def month_or_day(m: re.Match, c: Context):
    """A month, or a day of a month, without a year: the tense first, then the nearest."""
    g = m.groupdict()
    if g.get("y"):
        return month_year(m, c)
    if _dateline(m, c):
        return None
    cue = (g.get("cue") or "").lower()
    month = month_number(g["m"])
    day = _day_of(g, "d") if g.get("d") else None
    # A deadline ("by the end of June") looks ahead; otherwise the clause's tense decides.
    deadline = "end" in g and cue in DEADLINE_CUES
    way = "future" if deadline else direction(cue, c.text, m, c.sents)
    way = plausible(way, month, day, c.anchor, cue)
    year = year_for(month, day, c.anchor, way)
    if day:
        d = date(year, month, day)
        return (d.isoformat(), "day") if d else None
    return f"{year:04d}-{month:02d}", "month"


def this_month_name(m: re.Match, c: Context):
    rel = m.group("rel").lower()
    month = month_number(m.group("m"))
    way = {"last": "last", "next": "next"}.get(rel, "this")
    if rel in ("early", "late", "mid-"):
        way = tense(c.text, m.start(), m.end(), c.sents)
    year = year_for(month, None, c.anchor, way)
    return f"{year:04d}-{month:02d}", "month"


def season(m: re.Match, c: Context):
    code = SEASONS[m.group("s").lower()]
    rel = (m.group("rel") or "").lower()
    if m.group("y"):
        return f"{int(m.group('y'))}-{code}", "season"
    if not rel:
        return None  # "spring" alone is too vague to be a date
    year, anchor = c.anchor.year, c.anchor
    if rel == "the":
        way = tense(c.text, m.start(), m.end(), c.sents)
        if way == "future":
            return f"{year + (SEASON_START[code] + 2 < anchor.month)}-{code}", "season"
        if way == "past":
            return f"{year - (SEASON_START[code] > anchor.month)}-{code}", "season"
        return None  # "the summer" with no tense to place it
    if rel == "last":
        year -= 1 if SEASON_START[code] >= anchor.month else 0
    elif rel == "next":
        year += 1 if SEASON_START[code] <= anchor.month else 0
    return f"{year}-{code}", "season"


def bare_year(m: re.Match, c: Context):
    text = c.text
    # "resolution 2334 (2016)", "S/RES/1718 (2006)": the year of a document's number, not a date
    if re.search(r"\d\s*\($", text[max(0, m.start() - 12) : m.start()]):
        return None
    # "resolution 1998 (2011)": a number that looks like a year, before its year in brackets
    if re.match(r"\s*\((?:19|20)\d\d\)", text[m.end() : m.end() + 8]) and re.search(
            r"(?i)\b(?:resolutions?|res\.?|decisions?|/)\s*$", text[max(0, m.start() - 14) : m.start()]):
        return None
    # "Horizon 2020", "Agenda 2030": a capitalised name right before the year makes it a name
    before = re.search(r"([A-Z][\w'’-]*)\s+$", text[max(0, m.start() - 30) : m.start()])
    if before and before.group(1).lower() not in YEAR_CUES and before.group(1).lower().rstrip(".") not in MONTHS \
            and before.group(1).lower().rstrip(".") not in MONTH_ABBR:
        return None
    # "the Human Rights Act 1998": the year names a law, it is no date of the letter's
    if re.search(r"\b(?:Act|Acts|Bill|Order|Regulations|Code|Statute|Convention|Protocol|Charter)\s+(?:of\s+)?$",
                 text[max(0, m.start() - 20) : m.start()]):
        return None
    return m.group(0), "year"


def _day_without_year(month: int, day: int, m: re.Match, c: Context) -> dt.date | None:
    way = plausible(direction("", c.text, m, c.sents), month, day, c.anchor, "")
    return date(year_for(month, day, c.anchor, way), month, day)


def week_of(m: re.Match, c: Context):
    g = m.groupdict()
    month, day = month_number(g["m"] or g["m2"]), _day_of(g, "d" if g["d"] else "d2")
    d = date(int(g["y"]), month, day) if g["y"] else _day_without_year(month, day, m, c)
    return (week(d), "week") if d else None


def holiday(m: re.Match, c: Context):
    g = m.groupdict()
    if g["y"]:
        d = holiday_date(g["h"], int(g["y"]))
        return (d.isoformat(), "day") if d else None
    rel = (g["rel"] or "").lower()
    way = {"last": "past", "next": "future"}.get(rel) or tense(c.text, m.start(), m.end(), c.sents)
    years = [y for y in (c.anchor.year - 1, c.anchor.year, c.anchor.year + 1)]
    days = [d for y in years if (d := holiday_date(g["h"], y))]
    if way == "past":
        days = [d for d in days if d <= c.anchor] or days
        return max(days).isoformat(), "day"
    if way == "future":
        days = [d for d in days if d >= c.anchor] or days
        return min(days).isoformat(), "day"
    return min(days, key=lambda d: abs((d - c.anchor).days)).isoformat(), "day"


def bare_month(m: re.Match, c: Context):
    if m.group("m") in ("March", "August") and re.search(r"(?:^|[.!?\n]\s*)$", c.text[max(0, m.start() - 3) : m.start()]):
        return None  # "March on Washington", "August visitors" opening a sentence
    if m.group("m") == "March" and re.match(r"\s+(?:for|of|on|to|against)\b", c.text[m.end() : m.end() + 10]):
        return None  # "the annual March for Life": a march, not the month
    return month_or_day(m, c)


RESOLVERS: dict[str, Callable[[re.Match, Context], "tuple[str, str] | None"]] = {
    "numeric_date": numeric, "foreign_date": foreign,
    "iso_date": absolute, "month_day_year": absolute, "day_month_year": absolute, "weekday_date": absolute,
    "weekday_day": weekday_day,
    "day_range": day_range, "month_day_range": day_range,
    "month_rel_year": month_rel_year, "day_month_rel_year": day_month_rel_year,
    "month_year": month_year,
    "end_of_month": month_or_day, "cue_month": month_or_day, "rel_month_day": month_or_day,
    "rel_day_month": month_or_day, "month_day": month_or_day,
    "end_of_unit": end_of_unit,
    "this_month_name": this_month_name,
    "season": season,
    "weekday": weekday,
    "ago": ago,
    "in_units": in_units,
    "within": within,
    "rel_unit": rel_unit,
    "deictic_day": deictic_day,
    "generic_ref": generic_ref,
    "bare_year": bare_year,
    "quarter": quarter, "quarter_code": quarter_code, "fiscal_year": fiscal_year,
    "decade": decade, "century": century, "modified_year": modified_year, "year_end": year_end,
    "year_range": year_range, "spelled_year": spelled_year, "week_of": week_of, "past_span": past_span,
    "holiday": holiday, "weekday_bare": weekday_bare, "bare_month": bare_month, "ref_word": ref_word,
    "anaphoric_unit": anaphoric, "year_ago_adj": anaphoric,
}
