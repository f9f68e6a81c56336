"""The vocabularies of temporal expressions, read from the TSV files in vocabulary/.

Words live apart from the engine (as HeidelTime keeps its resources): month and
weekday names per language, seasons, number and ordinal words, cue words,
holidays, fiscal words and the words that point at the present, past or future.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from importlib import resources


@cache
def _rows(name: str) -> tuple[tuple[str, ...], ...]:
    text = resources.files(__package__).joinpath("vocabulary", name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line and not line.startswith("#"))


def _by_lang(name: str, langs: tuple[str, ...]) -> dict[str, int]:
    return {w: int(n) for lang, w, n in _rows(name) if lang in langs}


MONTHS = _by_lang("months.tsv", ("en",))
MONTH_ABBR = _by_lang("months.tsv", ("en-abbr",))
FOREIGN_MONTHS = _by_lang("months.tsv", ("fr", "es", "de", "pt", "it", "nl", "pl", "sv", "da", "nb", "cs", "ro"))
MONTHS_ANY = {**FOREIGN_MONTHS, **MONTHS, **MONTH_ABBR}
WEEKDAYS = tuple(w for w, _ in sorted(_by_lang("weekdays.tsv", ("en",)).items(), key=lambda kv: kv[1]))
SEASONS = {w: code for w, code, _ in _rows("seasons.tsv")}
SEASON_START = {code: int(first) for _, code, first in _rows("seasons.tsv")}
NUMBERS = {w: int(n) for w, n in _rows("numbers.tsv")}
ORDINALS = {w: int(n) for w, n in _rows("ordinals.tsv")}
CUES = {w: frozenset(roles.split()) for w, roles in _rows("cues.tsv")}
HOLIDAYS = {w: rule for w, rule in _rows("holidays.tsv")}
REFS = {w: value for w, value in _rows("refs.tsv")}
FISCAL = tuple(w for (w,) in _rows("fiscal.tsv"))


def cues(role: str) -> tuple[str, ...]:
    return tuple(w for w, roles in CUES.items() if role in roles)


def alternation(words, capitalised: bool = False) -> str:
    """A regex alternation of words, longest first (so "sept" wins over "sep")."""
    ws = sorted(words, key=len, reverse=True)
    if capitalised:  # every word: "Thanksgiving Day"
        ws = [" ".join(x[:1].upper() + x[1:] for x in w.split(" ")) for w in ws]
    return "(?:" + "|".join(ws).replace(".", r"\.") + ")"


def month_number(word: str) -> int:
    w = word.lower().rstrip(".")
    return MONTHS.get(w) or MONTH_ABBR[w]


def easter(year: int) -> dt.date:
    """Western Easter (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def holiday(name: str, year: int) -> dt.date | None:
    rule = HOLIDAYS.get(" ".join(name.lower().replace("’", "'").split()))
    if rule is None:
        return None
    if rule.startswith("easter"):
        return easter(year) + dt.timedelta(days=int(rule[6:]))
    month, rest = rule.split("-", 1)
    if "n" not in rest:
        return dt.date(year, int(month), int(rest))
    wd, k = (int(x) for x in rest.split("n"))
    first = dt.date(year, int(month), 1)
    day = first + dt.timedelta(days=(wd - first.weekday()) % 7)
    if k > 0:
        return day + dt.timedelta(weeks=k - 1)
    while (day + dt.timedelta(weeks=1)).month == int(month):
        day += dt.timedelta(weeks=1)
    return day
