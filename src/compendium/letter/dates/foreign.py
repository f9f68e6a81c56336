"""Dated mentions in the letter's own language when that is not English: a day and a month
("25 febbraio", "9 november"), a month after a preposition ("w marcu", "i december", "entro
marzo"), a month and a year, a season ("under hösten"), a bare year after a preposition ("Nel
2024", "Sinds 2020") and the relative words ("vorig jaar", "w przyszłym roku", "nästa vecka").

The words are data: month forms and relative words from dateparser's language data (CLDR;
vocabulary/foreign.tsv, written by tools/date_vocabulary.py), prepositions, seasons and function
words written here (foreign-cues.tsv, foreign-seasons.tsv, function-words.tsv). The rules of a
language apply only to a text written in it (the one whose function words it uses most), never
to English text, whose rules (rules.py) stay as they are. Without the English tense rules, a
month without a year is the letter's own year's unless it lies nine months or more away (then
the nearer one); a preposition that looks back ("sinds", "od") or ahead ("entro", "före") decides
first.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from functools import cache

from .fragments import YEAR
from .values import date, shift
from .vocab import _rows, alternation


@cache
def _function_words() -> dict[str, frozenset[str]]:
    return {lang: frozenset(words.split()) for lang, words in _rows("function-words.tsv")}


def languages(text: str) -> tuple[str, ...]:
    """The languages a text is written in, by their function words: the most used one, and any
    close behind it (Danish and Norwegian share most); none when English leads."""
    counts = Counter(w.lower() for w in re.findall(r"[^\W\d_]+", text))
    scores = {lang: sum(counts[w] for w in words) for lang, words in _function_words().items()}
    top = max(scores.values(), default=0)
    if not top or scores.get("en", 0) >= top:
        return ()
    return tuple(sorted(lang for lang, s in scores.items() if lang != "en" and s >= 0.8 * top))


@cache
def _vocabulary() -> tuple[dict, dict, dict, dict, dict]:
    """Month forms, relative words, cue words with their roles, season words and weekdays, by language."""
    months: dict[str, dict[str, int]] = {}
    relative: dict[str, dict[str, str]] = {}
    weekdays: dict[str, dict[str, int]] = {}
    for lang, kind, word, value in _rows("foreign.tsv") + _rows("foreign-extra.tsv"):
        if kind in ("month", "weekday"):
            (months if kind == "month" else weekdays).setdefault(lang, {})[word] = int(value)
        else:
            relative.setdefault(lang, {})[word] = value
    for lang, word, n in _rows("months.tsv"):
        if lang in relative or lang in months:
            months.setdefault(lang, {})[word] = int(n)
    cues: dict[str, dict[str, frozenset]] = {}
    for lang, word, roles in _rows("foreign-cues.tsv"):
        cues.setdefault(lang, {})[word] = frozenset(roles.split())
    seasons: dict[str, dict[str, str]] = {}
    for lang, word, code in _rows("foreign-seasons.tsv"):
        seasons.setdefault(lang, {})[word.lower()] = code
    return months, relative, cues, seasons, weekdays


def _words(table: dict, langs: tuple[str, ...]) -> dict:
    return {w: v for lang in langs for w, v in table.get(lang, {}).items()}


def _any_case(words) -> str:
    """An alternation of lower-case words that may also open a sentence ("Vorig jaar", "W marcu"),
    or have their nouns capitalised as German does ("letztes Jahr", "nächste Woche")."""
    def nouns(w: str) -> str:
        head, *rest = w.split(" ")
        return " ".join([head, *(x[:1].upper() + x[1:] for x in rest)])
    return alternation({w2 for w in words for w2 in (w, w[:1].upper() + w[1:], nouns(w), nouns(w[:1].upper() + w[1:]))})


class _Lang:
    """The rules and words of one set of languages."""

    def __init__(self, langs: tuple[str, ...]):
        months, relative, cues, seasons, weekdays = _vocabulary()
        self.weekdays = _words(weekdays, langs)
        wd = alternation(self.weekdays if "de" not in langs else {*self.weekdays, *(w.capitalize() for w in self.weekdays)})
        self.months = _words(months, langs)
        self.relative = {w: v for w, v in _words(relative, langs).items() if not v.startswith("anaphor")}
        self.anaphors = {w: v for w, v in _words(relative, langs).items() if v.startswith("anaphor")}
        self.cues = _words(cues, langs)
        self.seasons = _words(seasons, langs)
        mon = alternation(self.months)  # lower case: a capitalised "Mai" or "Marzo" may be a name
        if "de" in langs:  # German nouns are capitalised
            mon = alternation({*self.months, *(w.capitalize() for w in months.get("de", {}))})
        cue_month = _any_case(w for w, r in self.cues.items() if "month" in r)
        cue_year = _any_case(w for w, r in self.cues.items() if "year" in r)
        seasons_ = alternation({*self.seasons, *(w.capitalize() for w in self.seasons)})
        season_rel = _any_case(w for w, r in self.cues.items() if r & {"season-last", "season-next"})
        no_year = rf"(?!\.?,?\s+(?:de\s+|del\s+)?{YEAR}\b)"
        self.rules = [r for r in [
            ("f_day_month", rf"(?<![\w.,])(?:(?P<cue>{cue_month})\s+)?(?P<d>[12]\d|3[01]|0?[1-9])(?:\.|°|º|er)?\s+"
                            rf"(?:de\s+|di\s+)?(?P<m>{mon})(?!\w){no_year}"),
            ("f_month_year", rf"(?<!\w)(?:(?P<cue>{cue_month})\s+)?(?P<m>{mon})\s+(?:de\s+|del\s+)?(?P<y>{YEAR})\b"),
            ("f_month", rf"(?<!\w)(?P<cue>{cue_month})\s+(?P<m>{mon})(?!\w){no_year}"),
            ("f_season", rf"(?<!\w)(?:(?P<cue>{cue_month})\s+)(?P<s>{seasons_})(?!\w)(?:\s+(?P<y>{YEAR})\b)?"
             if self.seasons else ""),
            # a season with its relative word before or after it ("el verano pasado", "vorige zomer")
            ("f_season_rel", rf"(?<!\w)(?:(?P<pre>{season_rel})\s+)?(?:l['’]|(?:el|la|le|o|a|het|die|den|der|dem)\s+)?"
                             rf"(?P<s>{seasons_})(?!\w)(?:\s+(?P<post>{season_rel})(?!\w))?" if self.seasons and season_rel else ""),
            ("f_cue_year", rf"(?<!\w)(?P<cue>{cue_year})\s+(?P<y>{YEAR})\b(?!\s*[-–/]\s*\d)"),
            ("f_relative", rf"(?<!\w)(?P<r>{_any_case(self.relative)})(?!\w)" if self.relative else ""),
            # a weekday alone ("venerdì", "w piątek"; lower case but in German): the nearest such day
            ("f_weekday", rf"(?<!\w)(?P<w>{wd})(?!\w)" if self.weekdays else ""),
            ("f_anaphor", rf"(?<!\w)(?P<a>{_any_case(self.anaphors)})(?!\w)" if self.anaphors else ""),
        ] if r[1]]
        self.rules = [(name, re.compile(p)) for name, p in self.rules]

    def way(self, cue: str | None) -> str:
        roles = self.cues.get((cue or "").lower(), frozenset())
        return "past" if "since" in roles else "future" if "deadline" in roles else "this"

    def month(self, word: str) -> int:
        return self.months.get(word) or self.months[word.lower()]


@cache
def _lang(langs: tuple[str, ...]) -> _Lang:
    return _Lang(langs)


def rules_for(text: str) -> tuple[list[tuple[str, re.Pattern]], "_Lang | None"]:
    """The foreign rules that apply to `text` (none for English text), and their words."""
    langs = languages(text)
    if not langs:
        return [], None
    lang = _lang(langs)
    return lang.rules, lang


def _year(month: int, day: int | None, anchor: dt.date, way: str) -> int:
    key, akey = (month, day or 0), (anchor.month, anchor.day if day else 0)
    if way == "past":
        return anchor.year - (key > akey)
    if way == "future":
        return anchor.year + (key < akey)
    if abs(month - anchor.month) >= 9:  # the nearer one: December said in January is last December
        return anchor.year + (1 if month < anchor.month else -1)
    return anchor.year


_SEASON_MID = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}


def resolve(name: str, m: re.Match, anchor: dt.date, lang: _Lang) -> tuple[str, str] | None:
    """The TIMEX3 value and precision of a foreign rule's match."""
    g = m.groupdict()
    way = lang.way(g.get("cue"))
    if name in ("f_day_month", "f_month", "f_month_year"):
        month = lang.month(g["m"])
        if g.get("y"):
            return f"{int(g['y']):04d}-{month:02d}", "month"
        day = int(g["d"]) if g.get("d") else None
        year = _year(month, day, anchor, way)
        if day is None:
            return f"{year:04d}-{month:02d}", "month"
        d = date(year, month, day)
        return (d.isoformat(), "day") if d else None
    if name == "f_season":
        code = lang.seasons[g["s"].lower()]
        year = int(g["y"]) if g.get("y") else _year(_SEASON_MID[code], None, anchor, way)
        return f"{year:04d}-{code}", "season"
    if name == "f_season_rel":
        rel = g.get("pre") or g.get("post")
        if not rel:
            return None
        code, last = lang.seasons[g["s"].lower()], "season-last" in lang.cues[rel.lower()]
        start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
        year = anchor.year - (start >= anchor.month) if last else anchor.year + (start <= anchor.month)
        return f"{year:04d}-{code}", "season"
    if name == "f_cue_year":
        return g["y"], "year"
    if name == "f_weekday":
        delta = (lang.weekdays[g["w"].lower()] - anchor.weekday() + 3) % 7 - 3
        return (anchor + dt.timedelta(days=delta)).isoformat(), "day"
    if name == "f_anaphor":  # placed against the year before it by find.py; here its shift
        return lang.anaphors[g["a"].lower()].removeprefix("anaphor"), "ref"
    unit, n = re.fullmatch(r"(\w+)([+-]\d)", lang.relative[g["r"].lower()]).groups()
    return shift(anchor, int(n), unit)

