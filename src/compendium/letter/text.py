"""The one text model of the package: sentences, clauses and non-overlapping spans.

Every module that asks "which sentence is this in?" (tense of a date, the
sentence of a mention, the clause of an event) uses these functions, so a date
and the mention table always agree on where a sentence ends.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterable, Protocol, Sequence, TypeVar

# An abbreviation before a full stop does not end a sentence ("U.S. support").
ABBREV = re.compile(
    r"(?:\b(?:U\.S|U\.N|U\.K|E\.U|Mr|Ms|Mrs|Dr|St|No|Nos|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec|Gen|Hon|Prof"
    r"|Rev|Sen|Rep|Amb|Art|Arts|para|paras|cf|e\.g|i\.e|vs|etc|Jr|Sr|Inc|Ltd|Co|Corp)|\b[A-Z])\.$"
)
_END = re.compile(r"[.!?][”\"’)]*(?=\s+[A-Z“\"(‘'])")
CLAUSE_BREAK = re.compile(r",\s+(?:and|but|which|while)\b|\s+and that\b|;|—")


class _HasSpan(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_HasSpan)


def sentences(text: str, spans: Iterable[_HasSpan]) -> list[tuple[int, int]]:
    """Sentence spans inside each paragraph span, in order."""
    out = []
    for sp in spans:
        start = sp.start
        for m in _END.finditer(text, sp.start, sp.end):
            end = m.end()
            if ABBREV.search(text[start:end].rstrip("”\"’)")):
                continue
            out.append((start, end))
            start = end
            while start < sp.end and text[start].isspace():
                start += 1
        if start < sp.end:
            out.append((start, sp.end))
    return out


class SentenceIndex:
    """Which sentence holds a position: bisect over sorted sentence spans."""

    def __init__(self, sents: Sequence[tuple[int, int]]):
        self.sents = list(sents)
        self._starts = [a for a, _ in self.sents]

    def at(self, pos: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and self.sents[i][0] <= pos < self.sents[i][1]:
            return self.sents[i]
        return -1, -1

    def before(self, pos: int) -> list[tuple[int, int]]:
        return self.sents[: bisect.bisect_right(self._starts, pos)]


def clause(text: str, sent: tuple[int, int], pos: int) -> tuple[int, int]:
    """The clause of the sentence `sent` that holds `pos` (cut at ', and', ';', '—'…)."""
    a, b = sent
    if a < 0:
        return pos, pos
    cuts = [a] + [x.end() for x in CLAUSE_BREAK.finditer(text, a, b)] + [b]
    for x, y in zip(cuts, cuts[1:]):
        if x <= pos < y:
            return x, y
    return a, b


def non_overlapping(cands: Iterable[S]) -> list[S]:
    """Longest first, then leftmost; the kept spans in text order.

    Taken characters are marked in a byte map, so each candidate costs its own
    length: linear in the text, whatever the number of candidates."""
    cands = sorted(cands, key=lambda m: (-(m.end - m.start), m.start))
    if not cands:
        return []
    taken = bytearray(max(c.end for c in cands) + 1)
    chosen: list[S] = []
    for c in cands:
        if c.end > c.start and taken.find(1, c.start, c.end) >= 0:
            continue
        taken[c.start : c.end] = b"\x01" * (c.end - c.start)
        chosen.append(c)
    return sorted(chosen, key=lambda m: m.start)
