"""After the body: the closing (or the list introduction), the signature lines, notes
(footnotes, a date line at the end) and cc lines."""

from __future__ import annotations

from pathlib import Path

from ...errors import InputError
from ..dates import held_date, holds_date
from ..lines import Line, is_sentence
from ..patterns import CC, FOOTNOTE, INLINE_INTRO, SIG_INTRO, starts_notes
from .header import memo_senders
from .landmarks import Landmarks
from .parts import _span, Structure


def _closing(st: Structure, lines: list[Line], at: Landmarks) -> int:
    """The closing (or the list introduction "Signatories:") into `st`; where the lines after
    it start."""
    if at.closing_i is not None and at.closing_i == at.body_end:
        cl = lines[at.closing_i]
        st.closing = _span(cl)
        st.closing_text = cl.text
        return at.closing_i + 1
    if at.intro_i is not None and at.intro_i == at.body_end:
        if INLINE_INTRO.match(lines[at.intro_i].text):
            return at.intro_i  # "Signed by: A, B and C": the list is on the introduction's line
        st.closing = _span(lines[at.intro_i])
        return at.intro_i + 1
    return at.body_end


def tail(st: Structure, lines: list[Line], at: Landmarks, header: list[int], where: str | Path) -> None:
    """Closing, signature lines, notes and cc into `st`; an error if no signature line is left."""
    rest_from = _closing(st, lines, at)
    rest = lines[rest_from:]
    cc_j = next((j for j, ln in enumerate(rest) if CC.match(ln.text)), len(rest))
    sig = []
    in_notes = False  # after "Notes" or a numbered note "[1] …", every line is a note
    for j, ln in enumerate(rest[:cc_j]):
        in_notes = in_notes or bool(sig and starts_notes(ln.text))
        # "Submitted to … on 26 September 2023.", "Posted on March 3, 2021 by admin" (the letter's date)
        dated_note = sig and holds_date(ln.text) and (is_sentence(ln.text) or held_date(ln.text) == st.date)
        if in_notes or dated_note or rest_from + j == at.date_i or FOOTNOTE.match(ln.text) or SIG_INTRO.match(ln.text) and not sig:
            if not in_notes and rest_from + j != at.date_i and SIG_INTRO.match(ln.text) and not FOOTNOTE.match(ln.text):
                sig.append(ln)  # a heading inside the list ("Individuals"): kept for the signatory parser
                continue
            st.notes.append(_span(ln))
            if dated_note and not st.date_line.text and held_date(ln.text) == st.date:
                st.date_line = _span(ln)  # the note the page's date was read from dates the letter
            continue
        sig.append(ln)
    if not sig and not st.cc:
        sig = memo_senders(lines, header)  # a memo signed only by its "From:" line
    st.signature_lines = sig
    st.cc = [_span(ln) for ln in rest[cc_j:]]
    if not any(not SIG_INTRO.match(ln.text) for ln in st.signature_lines):
        raise InputError(where, "no signature block found (nothing after the closing)")
