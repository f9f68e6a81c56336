"""The lines the other steps start from: the salutation (or the first running text), the date
line, the closing or the list introduction ("Signatories:"), and where the body ends."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ..dates import parse_date_line
from ..lines import Line, is_sentence
from ..patterns import CLOSING, INLINE_INTRO, MEMO, SALUTATION, SIG_INTRO


@dataclass
class Landmarks:
    """Indices of lines; None where the letter has no such line."""
    top: int  # the salutation, or the first line of running text
    sal_i: int | None
    date_i: int | None  # -1 once the letter is dated by a correction and no line holds its date
    closing_i: int | None
    intro_i: int | None
    body_end: int  # the body is lines[...:body_end]

    @property
    def date_at_top(self) -> bool:
        return self.date_i is not None and 0 <= self.date_i < self.top


def _title_above_date(lines: list[Line], i: int) -> bool:
    """'Open Letter to the Government of Nicaragua on …' straight above the date line: a
    title, though it reads like running text (no sentence end, though)."""
    return (i + 1 < len(lines) and bool(parse_date_line(lines[i + 1].text))
            and not re.search(r"[.!?:;,][”\"’)]*$", lines[i].text))


def _closing_and_intro(lines: list[Line], top: int) -> tuple[int | None, int | None]:
    """The closing line and the list introduction after the top, if any."""
    n = len(lines)
    closing_i = next((i for i in range(top + 1, n) if CLOSING.match(lines[i].text)), None)
    if closing_i is not None:
        # "Thank you." ending the body, then "Sincerely,": the last of the run is the closing.
        while closing_i + 1 < n and CLOSING.match(lines[closing_i + 1].text):
            closing_i += 1
    intro_i = next((i for i in range(top + 1, n) if SIG_INTRO.match(lines[i].text) or INLINE_INTRO.match(lines[i].text)),
                   None)
    if intro_i is not None and closing_i is not None and (
            closing_i < intro_i or any(is_sentence(x.text) for x in lines[intro_i + 1 : closing_i])):
        intro_i = None
    return closing_i, intro_i


def _body_end(lines: list[Line], top: int, closing_i: int | None, intro_i: int | None,
              signature_from: int | None) -> tuple[int | None, int | None, int]:
    """Closing, introduction and the end of the body; an analyst's `signature_from` offset
    overrules a closing or introduction that does not lead into it."""
    n = len(lines)
    if signature_from is not None:
        first_sig = next((i for i, ln in enumerate(lines) if ln.start >= signature_from), n)
        if closing_i is not None and closing_i >= first_sig:
            closing_i = None
        if intro_i is not None and intro_i >= first_sig:
            intro_i = None
        if closing_i is not None and closing_i + 1 != first_sig:
            closing_i = None
        body_end = closing_i if closing_i is not None else first_sig
    elif closing_i is None and intro_i is None:
        last = max((i for i in range(top, n) if is_sentence(lines[i].text)), default=None)
        body_end = (last + 1) if last is not None else top + 1
    else:
        body_end = min(x for x in (closing_i, intro_i) if x is not None)
    return closing_i, intro_i, body_end


def landmarks(lines: list[Line], where: str | Path, signature_from: int | None) -> Landmarks:
    """The landmarks of a letter; an error if it has no running text."""
    n = len(lines)
    sal_i = next((i for i, ln in enumerate(lines) if SALUTATION.match(ln.text) and not MEMO.match(ln.text)), None)
    first_prose = next((i for i, ln in enumerate(lines) if is_sentence(ln.text) and not parse_date_line(ln.text)
                        and not _title_above_date(lines, i)), None)
    top = sal_i if sal_i is not None else first_prose
    if top is None:
        raise InputError(where, "no body paragraph found (a letter needs running text between its header and signatures)")
    date_i = next((i for i in range(top) if parse_date_line(lines[i].text)), None)
    closing_i, intro_i, body_end = _body_end(lines, top, *_closing_and_intro(lines, top), signature_from)
    if date_i is None:  # dated at the end, before or after the signatures ("Nairobi, 12 April 2016")
        date_i = next((i for i in range(top, n) if parse_date_line(lines[i].text)), None)
    return Landmarks(top, sal_i, date_i, closing_i, intro_i, body_end)
