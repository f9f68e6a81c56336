"""One resolver per rule: a match becomes (TIMEX3 value, precision), or None (no date after all)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable

from ..text import SentenceIndex
from .absolute import numeric_date, parse_absolute
from .anchoring import DEADLINE_CUES, direction, plausible, weekday_near, year_for
from .tense import tense
from .values import date, number, shift, shift_month, week
from .vocab import MONTH_ABBR, MONTHS, SEASON_START, SEASONS, WEEKDAYS, cues, month_number

YEAR_CUES = frozenset(cues("year"))


@dataclass
class Context:
    text: str
    anchor: dt.date
    sents: SentenceIndex | None


Resolved = "tuple[str, str] | None"


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


def month_year(m: re.Match, c: Context):
    return f"{int(m.group('y')):04d}-{month_number(m.group('m')):02d}", "month"


def month_or_day(m: re.Match, c: Context):
    """A month, or a day of a month, without a year: the tense first, then the nearest."""
    g = m.groupdict()
    if g.get("y"):
        return month_year(m, c)
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


def end_of_unit(m: re.Match, c: Context):
    delta = {"next": 1, "last": -1}.get(m.group("rel").lower(), 0)
    return shift(c.anchor, delta, m.group("u"))


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


def weekday(m: re.Match, c: Context):
    rel = m.group("rel").lower()
    wd = WEEKDAYS.index(m.group("wd").lower())
    way = {"last": "last", "next": "next", "this past": "past", "past": "past",
           "coming": "future", "this coming": "future"}.get(rel)
    if way is None:
        t = tense(c.text, m.start(), m.end(), c.sents)
        way = t if rel == "on" and t != "unknown" else ("this" if rel == "this" else None)
    if way is None:
        return None  # "on Friday" with no tense to place it
    return weekday_near(c.anchor, wd, way).isoformat(), "day"


def ago(m: re.Match, c: Context):
    return shift(c.anchor, -number(m.group("n")), m.group("u"))


def in_units(m: re.Match, c: Context):  # "in two weeks": that far after the letter
    return shift(c.anchor, number(m.group("n")), m.group("u"))


def within(m: re.Match, c: Context):
    g = m.groupdict()
    n, unit = (g["n"], g["u"]) if g.get("n") else (g["n2"], g["u2"])
    unit = unit.lower().rstrip("s")
    k, anchor = number(n), c.anchor
    if unit == "month":
        y, mo = shift_month(anchor.year, anchor.month, k)
        end = date(y, mo, min(anchor.day, calendar.monthrange(y, mo)[1]))
    else:
        end = anchor + dt.timedelta(days=k * (7 if unit == "week" else 1))
    return f"{anchor.isoformat()}/{end.isoformat()}", "range"


def rel_unit(m: re.Match, c: Context):
    rel, unit = m.group("rel").lower(), m.group("u").lower()
    delta = {"last": -1, "past": -1, "next": 1}.get(rel, 0)
    if unit == "year":
        return f"{c.anchor.year + delta:04d}", "year"
    if unit == "month":
        y, mo = shift_month(c.anchor.year, c.anchor.month, delta)
        return f"{y:04d}-{mo:02d}", "month"
    return week(c.anchor + dt.timedelta(weeks=delta)), "week"


def deictic_day(m: re.Match, c: Context):
    delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[m.group("w").lower()]
    return (c.anchor + dt.timedelta(days=delta)).isoformat(), "day"


def generic_ref(m: re.Match, c: Context):
    future = re.search(r"(?i)coming|next|ahead|to come", m.group(0))
    return ("FUTURE_REF" if future else "PAST_REF"), "ref"


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


RESOLVERS: dict[str, Callable[[re.Match, Context], "tuple[str, str] | None"]] = {
    "numeric_date": numeric,
    "iso_date": absolute, "month_day_year": absolute, "day_month_year": absolute, "weekday_date": absolute,
    "weekday_day": weekday_day,
    "day_range": day_range, "month_day_range": day_range,
    "month_rel_year": month_rel_year,
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
}
