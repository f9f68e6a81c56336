"""The parts of a cleaned letter: date line, addressee, subject, salutation, body,
closing, signature lines and cc lines, each with character offsets into the text.

Read in order, one module a step: the landmarks (`landmarks`: salutation, date line, closing,
where the body ends), then the header above the body (`header`), the body (`body`) and what
follows it (`tail`); the parts they fill in are `parts.Structure`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ...errors import InputError
from ..dates import parse_date_line
from ..lines import Span, lines_of
from ..patterns import MEMO
from .body import body
from .header import header
from .landmarks import landmarks
from .parts import _span, Structure
from .tail import tail

__all__ = ["parse", "Structure"]


def parse(text: str, where: str | Path = "<text>", signature_from: int | None = None,
          date: dt.date | None = None) -> Structure:
    """The parts of a cleaned letter. `signature_from` (an offset, from an analyst's
    correction) says where the signature block starts."""
    lines = lines_of(text)
    if not lines:
        raise InputError(where, "no letter text found")
    at = landmarks(lines, where, signature_from)
    if at.date_i is None and date is None:
        raise InputError(where, "no date line found in the cleaned letter")
    if at.date_i is None:  # dated by an analyst's correction: no line of the letter holds its date
        st = Structure(date=date, date_line=Span(0, 0, ""))
        at.date_i = -1
    else:
        st = Structure(date=date or parse_date_line(lines[at.date_i].text), date_line=_span(lines[at.date_i]))
    header_lines, sal_end = header(st, lines, text, at)
    body(st, lines, text, at, sal_end, where)
    tail(st, lines, at, header_lines, where)
    if st.salutation is None and st.closing is None and not _memo_header(lines, header_lines):
        # A letter greets, closes, introduces its list of signers or says whom it is to and from
        # (a memo); a page with none of these is one about a letter (a press release, a report).
        raise InputError(where, "no salutation, closing, list of signatories or To:/From: lines found: "
                                "this reads as a page about a letter, not the letter")
    return st


def _memo_header(lines, header_lines: list[int]) -> bool:
    return any((m := MEMO.match(lines[i].text)) and m.group("label").lower() in ("to", "from") for i in header_lines)
