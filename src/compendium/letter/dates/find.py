"""Finding temporal expressions in a text and resolving them against a reference date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..text import SentenceIndex, non_overlapping, sentences
from . import foreign
from .resolve import RESOLVERS, Context
from .rules import RULES
from .values import number, shift, value_bounds
from .vocab import alternation, cues


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    precision: str  # day, week, month, season, quarter, half, year, decade, century, range, ref
    rule: str
    cue: str = ""  # the preposition before it, outside the TimeML extent ("on" of "on Friday")


def _later(t: "Timex", before: list["Timex"], m: re.Match, ctx: Context) -> "Timex | None":
    """'two days later': n units after the last day-precise date before it; 'a year ago' after
    a quarter is that quarter a year before (news: "profit rose from $5 million a year ago")."""
    if t.rule == "ago":
        prev = before[-1] if before else None
        if m.group("u").lower().startswith("year") and prev and prev.precision in ("quarter", "half") \
                and t.start - prev.end < 400:
            return _shifted(t, prev, -number(m.group("n")), "year")
        return t
    prev = next((p for p in reversed(before) if p.precision in ("day", "range", "quarter", "half")), None)
    if prev is None:
        return None
    g = m.groupdict()
    n = number(g["n"])
    if prev.precision in ("quarter", "half") and g["u"].lower().startswith("year"):
        return _shifted(t, prev, n if g["dir"].lower() not in ("earlier", "before that") else -n, "year")
    bounds = value_bounds(prev.value)
    if not bounds:
        return None
    if g["dir"].lower() in ("earlier", "before that"):
        base, n = bounds[0], -n
    else:
        base = bounds[1]
    value, precision = shift(base, n, g["u"])
    return replace(t, value=value, precision=precision)


def _shifted(t: Timex, prev: Timex, n: int, unit: str) -> Timex:
    """prev's value moved by n units, at prev's own precision ("2014-Q3" a year earlier: "2013-Q3")."""
    if q := re.fullmatch(r"(\d{4})-([QH]\d)", prev.value):
        return replace(t, value=f"{int(q.group(1)) + n:04d}-{q.group(2)}", precision=prev.precision)
    bounds = value_bounds(prev.value)
    if not bounds:
        return t
    value, precision = shift(bounds[0], n, unit if prev.precision not in ("day", "week", "month") else
                             {"day": "day", "week": "week", "month": "month"}[prev.precision] if unit == prev.precision else unit)
    return replace(t, value=value, precision=precision)


def _anaphor(t: Timex, before: list[Timex], m: re.Match, ctx: Context) -> Timex | None:
    """'the following day', 'that year', 'the year-ago quarter': against the last date before it."""
    prev = next((p for p in reversed(before) if value_bounds(p.value) or re.fullmatch(r"\d{4}-[QH]\d", p.value)), None)
    g = m.groupdict()
    if t.rule == "year_ago_adj":
        if prev and prev.precision in ("quarter", "half", "year", "month"):
            return _shifted(t, prev, -1, "year")
        if (g.get("u") or "").lower() == "quarter":
            y, n = (ctx.anchor.year * 4 + (ctx.anchor.month - 1) // 3 - 5) // 4, (ctx.anchor.year * 4 + (ctx.anchor.month - 1) // 3 - 5) % 4 + 1
            return replace(t, value=f"{y:04d}-Q{n}", precision="quarter")
        return replace(t, value=f"{ctx.anchor.year - 1:04d}", precision="year")
    if prev is None:
        return None
    rel, unit = " ".join(g["rel"].lower().split()), g["u"].lower()
    n = 1 if "following" in rel else -1 if ("previous" in rel or "preceding" in rel) else 0
    if unit == "quarter":
        if not re.fullmatch(r"\d{4}-Q\d", prev.value):
            bounds = value_bounds(prev.value)
            if not bounds:
                return None
            return replace(t, value=shift(bounds[0], n, "quarter")[0], precision="quarter")
        y, q = int(prev.value[:4]), int(prev.value[-1]) - 1 + n
        return replace(t, value=f"{y + q // 4:04d}-Q{q % 4 + 1}", precision="quarter")
    bounds = value_bounds(prev.value)
    if not bounds:
        return None
    value, precision = shift(bounds[0], n, unit)
    return replace(t, value=value, precision=precision)


def _foreign_anaphor(t: Timex, before: list[Timex], m: re.Match, ctx: Context) -> Timex | None:
    """'l'anno precedente', 'het jaar daarvoor': a year before (or after) the last year the text gave."""
    prev = next((p for p in reversed(before) if re.match(r"\d{4}", p.value)), None)
    if prev is None:
        return None
    return replace(t, value=f"{int(prev.value[:4]) + int(t.value):04d}", precision="year")


ANAPHORA = {"later": _later, "ago": _later, "anaphoric_unit": _anaphor, "year_ago_adj": _anaphor,
            "f_anaphor": _foreign_anaphor}
# A preposition before an expression is its cue, not part of it (TimeML's extent: "Friday", not "on Friday").
_CUE = re.compile(rf"(?i){alternation(cues('prep'))}\s+(?=\S)")


# TimeML leaves out of the extent what only attaches the expression to the text: an article or
# possessive before an adjective ("a third-quarter loss", "its fourth quarter"), "the" before a
# decade, the possessive 's ("Friday's"), and the noun after "year-ago" ("the year-ago results").
_TRIM_HEAD = {
    "quarter": re.compile(r"(?i)(?:a|an|its|their)\s+|(?:the|that|this)\s+(?=\w+-(?:quarter|half)\b)"),
    "decade": re.compile(r"(?i)the\s+"),
    "year_ago_adj": re.compile(r"(?i)the\s+(?=(?:comparable\s+|same\s+)?year-\w+\s+(?:period|results?|levels?|figures?))"),
}
_TRIM_TAIL = re.compile(r"[’']s$|(?<=year-ago|-earlier)\s+(?:results?|levels?|figures?)$", re.I)


def _extent(t: Timex) -> Timex:
    if t.rule not in ("later", "ago") and (m := _CUE.match(t.text)):
        t = replace(t, start=t.start + m.end(), text=t.text[m.end():], cue=m.group(0).strip())
    if t.rule in _TRIM_HEAD and (m := _TRIM_HEAD[t.rule].match(t.text)):
        t = replace(t, start=t.start + m.end(), text=t.text[m.end():])
    if m := _TRIM_TAIL.search(t.text):
        t = replace(t, end=t.end - len(m.group(0)), text=t.text[: m.start()])
    return t


def find_timexes(text: str, anchor: dt.date, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Every temporal expression in `text` (optionally only inside `spans`), resolved.

    Overlaps are settled longest-first, so "March 2014" is one month, not a
    month and a year. Tense is read from the sentence (text.sentences) that
    holds the expression. An expression that refers to the date before it
    ("two days later", "the year-ago quarter") is resolved in text order
    against the expressions already resolved. Spans follow TimeML's extent:
    a leading preposition is left out and kept as the Timex's cue.
    """
    from types import SimpleNamespace

    regions = [SimpleNamespace(start=a, end=b) for a, b in (spans if spans is not None else [(0, len(text))])]
    sents = SentenceIndex(sentences(text, sorted(regions, key=lambda r: r.start)))
    ctx = Context(text, anchor, sents)
    inside = sorted((r.start, r.end) for r in regions)
    starts = [a for a, _ in inside]

    def within(a: int, b: int) -> bool:
        i = bisect.bisect_right(starts, a) - 1
        return i >= 0 and b <= inside[i][1]

    found: list[Timex] = []
    matches: dict[int, re.Match] = {}
    own, lang = foreign.rules_for(text)  # the rules of the text's language, when not English
    for name, pattern in RULES + own:
        for m in pattern.finditer(text):
            if not within(m.start(), m.end()):
                continue
            if name == "later":
                resolved = ("", "day")
            elif name.startswith("f_"):
                resolved = foreign.resolve(name, m, anchor, lang)
            else:
                resolved = RESOLVERS[name](m, ctx)
            if resolved:
                t = Timex(m.start(), m.end(), m.group(0), resolved[0], resolved[1], name)
                if name in ANAPHORA:
                    matches[id(t)] = m
                found.append(t)
    out: list[Timex] = []
    for t in non_overlapping(found):
        if t.rule in ANAPHORA:
            t = ANAPHORA[t.rule](t, out, matches[id(t)], ctx)
            if t is None:
                continue
        out.append(t)
    return [_extent(t) for t in out]
