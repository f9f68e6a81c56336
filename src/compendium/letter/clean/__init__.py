"""Decode a scraped letter, repair it, and cut the page chrome around it.

The letter's wording is never changed: only encoding damage (mojibake, via
ftfy), line endings, non-breaking spaces and trailing white space are
normalised, and whole lines outside the letter's span are removed. Every
removed line is recorded with its reason. Cleaning is idempotent.

One module a step: `encoding` (bytes to text, normalised), then, once the container is taken
off (`unwrap`), `span` (where the letter is in the page, with `edges`: where its header block
starts and its signature block ends).
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..patterns import chrome_reason
from ..unwrap import unwrap
from .encoding import BIDI_CONTROLS, bidi_log, decode, normalise
from .span import Span, find_span

__all__ = ["Cleaned", "clean", "decode", "normalise", "raw_line"]


@dataclass
class Cleaned:
    text: str
    removed: list[dict] = field(default_factory=list)
    raw_lines: list[int] = field(default_factory=list)  # the raw file's line number of each clean line
    page_date: tuple[int, dt.date] | None = None  # (raw line, date): the letter gives none, the page does
    header_subject: str | None = None  # an e-mail's Subject header: the subject when the letter gives none

    def raw_line(self, offset: int) -> int:
        return raw_line(self.raw_lines, self.text, offset)


def raw_line(raw_lines: list[int], text: str, offset: int) -> int:
    """The raw file's line number (1-based) of a character offset into the clean text."""
    return raw_lines[min(text.count("\n", 0, offset), len(raw_lines) - 1)]


def _removed(lines: list[str], origin: list[int], sp: Span) -> list[dict]:
    """The cleaning log of the lines cut around and inside the letter, by raw line."""
    start, end, inside = sp.start, sp.end, sp.inside
    where_header = "before the date line" if start == sp.date_line else "before the letter"
    removed = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if i < start:
            reason = f"page header {where_header} ({chrome_reason(line) or 'page chrome'})"
        elif i >= end:
            reason = f"page footer after the signature block ({chrome_reason(line) or 'page chrome'})"
        elif i in inside:
            reason = f"page chrome inside the letter ({inside[i]})"
        else:
            continue
        removed.append({"line": origin[i] + 1, "text": line, "reason": reason})
    return removed


def clean(data: bytes | str, where: str | Path = "<text>", chrome_lines: Sequence[tuple[int, int]] = (),
          signature_lines: tuple[int, int] | None = None, date_given: bool = False) -> Cleaned:
    """The letter's text. `chrome_lines` (ranges of lines, first and last, 0-based, sorted and
    not overlapping) are cut as chrome and `signature_lines` (first, last; 0-based) is the
    signature block, when an analyst's corrections say so: both address the raw file's lines,
    whatever container the letter came in."""
    text = data if isinstance(data, str) else decode(data, where)
    raw = normalise(text).split("\n")
    bidi = bidi_log(text) if BIDI_CONTROLS.search(text) else []
    u = unwrap(raw)  # the container taken off: the letter's own lines, each with its raw line
    lines, origin = u.lines, u.origin
    if u.kinds:  # text the container hid (entities, escapes) repaired and normalised like the rest
        again = normalise("\n".join(lines)).split("\n")
        lines = again if len(again) == len(lines) else lines
    starts = [a for a, _ in chrome_lines]  # ranges kept as ranges: each kept line looked up once
    chrome_lines = {k for k, o in enumerate(origin)
                    if (j := bisect_right(starts, o) - 1) >= 0 and o <= chrome_lines[j][1]}
    if signature_lines is not None:
        first = next((k for k, o in enumerate(origin) if o >= signature_lines[0]), len(lines) - 1)
        last = max((k for k, o in enumerate(origin) if o <= signature_lines[1]), default=first)
        signature_lines = (first, max(first, last))
    original = list(lines)
    for i in chrome_lines:
        lines[i] = ""
    sp = find_span(lines, where, signature_lines, date_given, header_date=u.date)
    for i in sorted(chrome_lines):
        if original[i].strip():
            sp.inside[i] = "marked as page chrome by a correction"
    lines = original
    start, end, inside = sp.start, sp.end, sp.inside
    removed = _removed(lines, origin, sp)
    kept = [(i, line) for i, line in enumerate(lines[start:end], start) if i not in inside]
    while kept and not kept[0][1].strip():
        kept.pop(0)
    while kept and not kept[-1][1].strip():
        kept.pop()
    removed = sorted(removed + bidi + u.removed, key=lambda r: r["line"])
    page_date = None
    if sp.page_date:
        from_header = sp.page_date is u.date
        page_date = ((sp.page_date[0] if from_header else origin[sp.page_date[0]]) + 1, sp.page_date[1])
        for r in removed:
            if r["line"] == page_date[0]:
                r["reason"] += "; the letter gives no date of its own: this is its date"
    return Cleaned(text="\n".join(line for _, line in kept) + "\n", removed=removed,
                   raw_lines=[origin[i] + 1 for i, _ in kept], page_date=page_date, header_subject=u.subject)
