"""Writing TIMEX3 values, and reading back the days a value covers.

Values: `2014`, `2014-09`, `2014-09-10`, `2014-W38`, `2014-SP`, `2014-Q3`, `2014-H1`,
`FY2014`, `199` (a decade), `19` (a century), a range `2014-03-02/2014-03-04`, and
`PRESENT_REF` / `PAST_REF` / `FUTURE_REF`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from .vocab import NUMBERS, SEASON_START


def week(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso[0]}-W{iso[1]:02d}"


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def quarter(year: int, month: int) -> str:
    return f"{year:04d}-Q{(month - 1) // 3 + 1}"


def number(word: str) -> int:
    w = word.lower()
    return int(w) if w.isdigit() else NUMBERS[w]


def shift(anchor: dt.date, n: int, unit: str) -> tuple[str, str]:
    """anchor moved by n units, at the unit's precision."""
    unit = unit.lower().rstrip("s")
    if unit == "day":
        return (anchor + dt.timedelta(days=n)).isoformat(), "day"
    if unit == "week":
        return week(anchor + dt.timedelta(weeks=n)), "week"
    if unit == "month":
        y, mo = shift_month(anchor.year, anchor.month, n)
        return f"{y:04d}-{mo:02d}", "month"
    if unit == "quarter":
        y, mo = shift_month(anchor.year, anchor.month, 3 * n)
        return quarter(y, mo), "quarter"
    if unit == "decade":
        return f"{(anchor.year + 10 * n) // 10:03d}", "decade"
    return f"{anchor.year + n:04d}", "year"


def date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def value_bounds(value: str) -> tuple[dt.date, dt.date] | None:
    """First and last day a TIMEX3 value covers; None for PAST_REF / FUTURE_REF
    and for values that name no real date ("2014-02-30", "2014-13", "2014-W60")."""
    try:
        return _value_bounds(value)
    except ValueError:
        return None


def _month_span(y: int, m1: int, m2: int) -> tuple[dt.date, dt.date]:
    ly, lm = shift_month(y, m1, m2 - m1)
    return dt.date(y, m1, 1), dt.date(ly, lm, calendar.monthrange(ly, lm)[1])


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
        return _month_span(year, start, start + 2)
    if m := re.fullmatch(r"(\d{4})-Q([1-4])", value):
        q = int(m.group(2))
        return _month_span(int(m.group(1)), 3 * q - 2, 3 * q)
    if m := re.fullmatch(r"(\d{4})-H([12])", value):
        h = int(m.group(2))
        return _month_span(int(m.group(1)), 6 * h - 5, 6 * h)
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mo = int(m.group(1)), int(m.group(2))
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1])
    if re.fullmatch(r"\d{4}", value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    if re.fullmatch(r"\d{3}", value):  # a decade: 199 is 1990-1999
        return dt.date(int(value) * 10, 1, 1), dt.date(int(value) * 10 + 9, 12, 31)
    if re.fullmatch(r"\d{2}", value):  # a century: 19 is 1900-1999
        return dt.date(int(value) * 100, 1, 1), dt.date(int(value) * 100 + 99, 12, 31)
    return None


_PRECISION = (
    ("range", r"\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}|\d{4}(?:-\d{2})?/\d{4}(?:-\d{2})?"),
    ("day", r"\d{4}-\d{2}-\d{2}"),
    ("week", r"\d{4}-W\d{2}"),
    ("season", r"\d{4}-(?:SP|SU|FA|WI)"),
    ("quarter", r"\d{4}-Q[1-4]"),
    ("half", r"\d{4}-H[12]"),
    ("month", r"\d{4}-\d{2}"),
    ("year", r"\d{4}|FY\d{4}"),
    ("decade", r"\d{3}"),
    ("century", r"\d{2}"),
)


def precision_of(value: str) -> str | None:
    for name, pattern in _PRECISION:
        if re.fullmatch(pattern, value):
            return name
    return None
