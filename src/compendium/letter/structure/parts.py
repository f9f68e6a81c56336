"""The parts of a cleaned letter, each with character offsets into the text."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..lines import Line, Span


@dataclass
class Structure:
    date: dt.date
    date_line: Span
    addressee: list[Span] = field(default_factory=list)
    subject: Span | None = None  # the subject itself, without "Re:"
    subject_line: Span | None = None
    salutation: Span | None = None
    body: list[Span] = field(default_factory=list)
    closing: Span | None = None  # the closing line, or the list introduction ("Signatories:") when there is none
    signature_lines: list[Line] = field(default_factory=list)
    cc: list[Span] = field(default_factory=list)
    title: Span | None = None  # a title line above the date
    headings: list[Span] = field(default_factory=list)  # section headings inside the body (not paragraphs)
    notes: list[Span] = field(default_factory=list)  # footnotes after the signatures, a date line at the end
    closing_text: str = ""  # the closing as written; "" when the list follows the body without one


def _span(ln: Line) -> Span:
    return Span(ln.start, ln.end, ln.text)
