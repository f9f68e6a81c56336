"""The parts of a cleaned letter: date line, addressee, subject, salutation, body,
closing, signature lines and cc lines, each with character offsets into the text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import parse_date_line
from .errors import InputError
from .patterns import CC, CLOSING, SALUTATION, SUBJECT


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Line(Span):
    gap_before: int = 0  # blank lines between this line and the previous non-blank one


@dataclass
class Structure:
    date: dt.date
    date_line: Span
    addressee: list[Span] = field(default_factory=list)
    subject: Span | None = None  # the subject itself, without "Re:"
    subject_line: Span | None = None
    salutation: Span | None = None
    body: list[Span] = field(default_factory=list)
    closing: Span | None = None
    signature_lines: list[Line] = field(default_factory=list)
    cc: list[Span] = field(default_factory=list)


def lines_of(text: str) -> list[Line]:
    """Non-blank lines with their offsets and the blank lines before each."""
    out, pos, gap = [], 0, 0
    for raw in text.split("\n"):
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            s = raw.strip()
            out.append(Line(pos + lead, pos + lead + len(s), s, gap))
            gap = 0
        else:
            gap += 1
        pos += len(raw) + 1
    return out


_PARAGRAPH_END = re.compile(r"[.!?:][”\"’')]*$")


def paragraphs(lines: list[Line], text: str) -> list[Span]:
    """Group lines into paragraphs at blank lines; with no blank line at all, a
    paragraph ends at a line that ends a sentence (so a hard-wrapped paragraph
    stays one paragraph, and unwrapped paragraphs are one per line)."""
    if not lines:
        return []
    no_blanks = all(line.gap_before == 0 for line in lines[1:])
    groups: list[list[Line]] = []
    for line in lines:
        if no_blanks:
            new = not groups or bool(_PARAGRAPH_END.search(groups[-1][-1].text))
        else:
            new = not groups or line.gap_before > 0
        if new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [Span(g[0].start, g[-1].end, text[g[0].start : g[-1].end]) for g in groups]


def parse(text: str, where: str | Path = "<text>") -> Structure:
    lines = lines_of(text)
    if not lines or not (date := parse_date_line(lines[0].text)):
        raise InputError(where, "no date line found at the start of the cleaned letter")
    closing_i = next((i for i, ln in enumerate(lines) if CLOSING.match(ln.text)), None)
    if closing_i is None:
        raise InputError(where, "no signature block found (no closing such as 'Sincerely,')")
    # "Thank you." ending the body, then "Sincerely,": the last of the run is the closing.
    while closing_i + 1 < len(lines) and CLOSING.match(lines[closing_i + 1].text):
        closing_i += 1
    st = Structure(date=date, date_line=lines[0])

    i = 1
    header_end = next((j for j in range(1, closing_i) if SALUTATION.match(lines[j].text)), None)
    # Without a salutation the body starts after the subject line (or the addressee block).
    subject_i = next((j for j in range(1, header_end or closing_i) if SUBJECT.match(lines[j].text)), None)
    stop = min(x for x in (header_end, subject_i, closing_i) if x is not None)
    st.addressee = [Span(ln.start, ln.end, ln.text) for ln in lines[i:stop]]
    if header_end is None and subject_i is None and st.addressee:
        # No salutation and no subject: the addressee is the first block only.
        block = [lines[1]] + [ln for ln in _take_block(lines[2:closing_i])]
        st.addressee = [Span(ln.start, ln.end, ln.text) for ln in block]
        stop = 1 + len(block)
    i = stop
    if subject_i is not None:
        ln = lines[subject_i]
        m = SUBJECT.match(ln.text)
        st.subject_line = Span(ln.start, ln.end, ln.text)
        sub_start = ln.start + m.start("subject")
        st.subject = Span(sub_start, ln.end, text[sub_start : ln.end])
        i = subject_i + 1
        # A subject may run on over following lines of the same block.
        while i < (header_end or closing_i) and lines[i].gap_before == 0 and not SALUTATION.match(lines[i].text):
            st.subject_line = Span(st.subject_line.start, lines[i].end, text[st.subject_line.start : lines[i].end])
            st.subject = Span(st.subject.start, lines[i].end, text[st.subject.start : lines[i].end])
            i += 1
    if header_end is not None:
        st.salutation = lines[header_end]
        st.salutation = Span(lines[header_end].start, lines[header_end].end, lines[header_end].text)
        i = header_end + 1
    st.body = paragraphs(lines[i:closing_i], text)
    cl = lines[closing_i]
    st.closing = Span(cl.start, cl.end, cl.text)
    rest = lines[closing_i + 1 :]
    cc_i = next((j for j, ln in enumerate(rest) if CC.match(ln.text)), len(rest))
    st.signature_lines = rest[:cc_i]
    st.cc = [Span(ln.start, ln.end, ln.text) for ln in rest[cc_i:]]
    if not st.signature_lines:
        raise InputError(where, "no signature block found (nothing after the closing)")
    return st


def _take_block(lines: list[Line]) -> list[Line]:
    out = []
    for ln in lines:
        if ln.gap_before > 0:
            break
        out.append(ln)
    return out
