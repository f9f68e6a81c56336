"""Finding temporal expressions in a text and resolving them against a reference date."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass

from ..text import SentenceIndex, non_overlapping, sentences
from .resolve import RESOLVERS, Context
from .rules import RULES
from .values import number, shift, value_bounds


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    value: str
    precision: str  # day, week, month, season, quarter, half, year, decade, century, range, ref
    rule: str


def _later(t: "Timex", before: list["Timex"], m: re.Match) -> "Timex | None":
    """'two days later': n units after the last day-precise date before it."""
    prev = next((p for p in reversed(before) if p.precision in ("day", "range")), None)
    if prev is None:
        return None
    bounds = value_bounds(prev.value)
    if not bounds:
        return None
    g = m.groupdict()
    n = number(g["n"])
    if g["dir"].lower() in ("earlier", "before that"):
        base, n = bounds[0], -n
    else:
        base = bounds[1]
    value, precision = shift(base, n, g["u"])
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
    ctx = Context(text, anchor, sents)
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
            resolved = RESOLVERS[name](m, ctx)
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
