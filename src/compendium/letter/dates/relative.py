"""The resolvers of expressions placed relative to the letter's own date: "last week", "next
Friday", "two years ago", "within 30 days", "yesterday", and the reference words ("now",
"recently") and anaphors ("the following day") resolved later."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .anchoring import weekday_near
from .context import Context
from .tense import tense
from .values import date, number, quarter as quarter_of, shift, shift_month, week
from .vocab import REFS, WEEKDAYS


# "WASHINGTON, August 8 (Xinhua) --": a news dateline, not a date the text speaks of.
_DATELINE_AFTER = re.compile(r"\s*(?:\([A-Z][\w .&-]*\)\s*)?(?:--|—|_\s)")
_DATELINE_BEFORE = re.compile(r"(?:^|\n)\s*[A-Z][A-Z .'’-]+(?:,\s*[A-Z][\w .'’-]*)?,\s*$")


def _dateline(m: re.Match, c: Context) -> bool:
    return bool(_DATELINE_AFTER.match(c.text, m.end()) and _DATELINE_BEFORE.search(c.text[max(0, m.start() - 60) : m.start()]))


def end_of_unit(m: re.Match, c: Context):
    delta = {"next": 1, "last": -1}.get(m.group("rel").lower(), 0)
    return shift(c.anchor, delta, m.group("u"))


def weekday(m: re.Match, c: Context):
    rel = m.group("rel").lower()
    wd = WEEKDAYS.index(m.group("wd").lower())
    way = {"last": "last", "next": "next", "this past": "past", "past": "past",
           "coming": "future", "this coming": "future"}.get(rel)
    if way is None:
        t = tense(c.text, m.start(), m.end(), c.sents)
        way = t if rel == "on" and t != "unknown" else ("this" if rel == "this" else "nearest")
    return weekday_near(c.anchor, wd, way).isoformat(), "day"


def weekday_bare(m: re.Match, c: Context):
    """'said Friday', 'will meet Thursday': the tense, else the nearest such day."""
    if _dateline(m, c):
        return None
    wd = WEEKDAYS.index(m.group("wd").lower())
    if re.search(r"[’']s\b", m.group(0)):
        return weekday_near(c.anchor, wd, "past").isoformat(), "day"  # "Friday's close": a day already past
    way = tense(c.text, m.start(), m.end(), c.sents)
    return weekday_near(c.anchor, wd, way if way != "unknown" else "nearest").isoformat(), "day"


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
    if m.group("u")[0].isupper() and m.group("rel")[0].isupper() and re.search(r"[\w”\"“'’]\s*$|[\"“]$", c.text[max(0, m.start() - 3) : m.start()]):
        return None  # ABC's "This Week": a programme's name
    delta = {"last": -1, "past": -1, "next": 1, "the coming": 1}.get(rel, 0)
    if unit == "quarter":
        y, mo = shift_month(c.anchor.year, c.anchor.month, 3 * delta)
        return quarter_of(y, mo), "quarter"
    if unit == "year":
        return f"{c.anchor.year + delta:04d}", "year"
    if unit == "month":
        y, mo = shift_month(c.anchor.year, c.anchor.month, delta)
        return f"{y:04d}-{mo:02d}", "month"
    return week(c.anchor + dt.timedelta(weeks=delta)), "week"


_GENERIC_TODAY = re.compile(r"[’']s\s+(?:world|society|societies|generation|age|times|youth|economy|standards|terms|dollars|context|climate|environment)\b", re.I)


def deictic_day(m: re.Match, c: Context):
    w = m.group("w")
    if w.lower() == "today" and _GENERIC_TODAY.match(c.text, m.end()):
        return None  # "in today's world": the present age, not the day
    if w == "Today" and re.search(r"[A-Z][\w.]*\s+$", c.text[max(0, m.start() - 20) : m.start()]) \
            and not re.search(r"[.!?\n]\s*$", c.text[max(0, m.start() - 3) : m.start()]):
        return None  # "VOA Today": a programme's name
    delta = {"yesterday": -1, "today": 0, "tomorrow": 1}[w.lower()]
    if m.group("ba"):
        delta += 1 if m.group("ba").lower() == "after" else -1
    return (c.anchor + dt.timedelta(days=delta)).isoformat(), "day"


def generic_ref(m: re.Match, c: Context):
    future = re.search(r"(?i)coming|next|ahead|to come", m.group(0))
    return ("FUTURE_REF" if future else "PAST_REF"), "ref"


def ref_word(m: re.Match, c: Context):
    return REFS[" ".join(m.group("w").lower().split())], "ref"


def anaphoric(m: re.Match, c: Context):
    """Resolved against the date before it (find.py), once the expressions are chosen."""
    return "ANAPHOR", "ref"
