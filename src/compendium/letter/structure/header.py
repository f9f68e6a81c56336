"""The letter's header, above the body: a title, the addressee (or a memo's "To:" lines), the
subject ("Re: …", a title line between date and addressee), the salutation."""

from __future__ import annotations

import re

from ..lines import Line, Span, is_sentence, is_title_line
from ..patterns import MEMO, MEMO_TITLE, SALUTATION, SUBJECT
from .landmarks import Landmarks
from .parts import _span, Structure


# "open letter" in the languages whose greetings and closings patterns.py knows
_OPEN_LETTER = re.compile(r"(?i)\b(?:(?:open|joint)\s+letter|lettre\s+ouverte|carta\s+(?:abierta|aberta)|offener\s+brief"
                          r"|lettera\s+aperta|open\s+brief|list\s+otwarty|öppet\s+brev|åbent\s+brev|åpent\s+brev"
                          r"|otevřený\s+dopis|scrisoare\s+deschisă)\b")


def _header_title(lines: list[Line], i: int, top: int) -> bool:
    """'JOINT OPEN LETTER: SRI LANKA MUST REPEAL …' on its own between the date and the
    addressee: the letter's title, not an address line."""
    t = lines[i].text
    alone = lines[i].gap_before > 0 and (i + 1 >= top or lines[i + 1].gap_before > 0)
    titled = (re.match(r"(?i)(?:(?:joint|open|public|urgent|ngo)\s+)*(?:letter|statement|appeal)\b", t)
              or _OPEN_LETTER.search(t) or (t.isupper() and len(t.split()) >= 5))
    return bool(alone and titled and is_title_line(t))


def memo_senders(lines: list[Line], header: list[int]) -> list[Line]:
    """The value of a memo's "From:" line and the lines that continue it."""
    out: list[Line] = []
    for i in header:
        m = MEMO.match(lines[i].text)
        if m and m.group("label").lower() == "from" and m.group("value").strip():
            ln = lines[i]
            a = ln.start + m.start("value")
            out.append(Line(a, ln.end, ln.text[m.start("value"):], 0))
            j = i + 1
            while j in header and lines[j].gap_before == 0 and not MEMO.match(lines[j].text):
                out.append(Line(lines[j].start, lines[j].end, lines[j].text, 0))
                j += 1
    return out


def _title(st: Structure, lines: list[Line], at: Landmarks) -> list[int]:
    """The title (a line above the date, or the first of a letter dated at its end); the
    header's other lines, date line left out."""
    header = list(range(0, at.top))
    if at.date_at_top and at.date_i > 0 and not MEMO.match(lines[0].text) and not MEMO_TITLE.match(lines[0].text) \
            and at.date_i == 1:
        st.title = _span(lines[0])
        header = [i for i in header if i != 0]
    header = [i for i in header if i != at.date_i]
    if not at.date_at_top and len(header) >= 2 and lines[header[1]].gap_before > 0 and is_title_line(lines[header[0]].text):
        st.title = _span(lines[header[0]])  # a letter dated at its end may still open with its title
        header = header[1:]
    return header


def _subject(st: Structure, lines: list[Line], text: str, header: list[int],
             at: Landmarks) -> tuple[int | None, set[int], list[int]]:
    """The subject: a labelled one ("Re: …", run on over the lines of its block), or a title line
    under the date. Its first line, its lines, and the header lines left."""
    subject_i = next((i for i in header if SUBJECT.match(lines[i].text)), None)
    if subject_i is None and (at.date_at_top or st.title is not None):
        # a title line under the date, or under the first line of a letter dated at its end
        titled = [i for i in header if (i > at.date_i or not at.date_at_top) and _header_title(lines, i, at.top)]
        if titled:
            st.subject = st.subject_line = _span(lines[titled[0]])
            header = [i for i in header if i != titled[0]]
    if subject_i is None:
        return None, set(), header
    ln = lines[subject_i]
    m = SUBJECT.match(ln.text)
    st.subject_line = _span(ln)
    sub_start = ln.start + m.start("subject")
    st.subject = Span(sub_start, ln.end, text[sub_start : ln.end])
    j = subject_i + 1
    # A subject may run on over following lines of the same block.
    while (j < at.top and j in header and lines[j].gap_before == 0 and not MEMO.match(lines[j].text)
           and re.search(r"[^\W\d_]", lines[j].text) and not (j + 1 < len(lines) and is_sentence(lines[j + 1].text)
                                                              and not lines[j].text[:1].islower())):
        st.subject_line = Span(st.subject_line.start, lines[j].end, text[st.subject_line.start : lines[j].end])
        st.subject = Span(st.subject.start, lines[j].end, text[st.subject.start : lines[j].end])
        j += 1
    return subject_i, set(range(subject_i, j)), header


def _addressee(st: Structure, lines: list[Line], header: list[int], subject_i: int | None, subject_lines: set[int],
               sal_i: int | None) -> None:
    """The addressee: a memo's "To:" lines, or the header lines that are neither subject nor memo
    lines (without salutation and subject, the first block of them only)."""
    memo_to = []
    addressee = []
    for i in header:
        if i in subject_lines:
            continue
        m = MEMO.match(lines[i].text)
        if m:
            if m.group("label").lower() in ("to", "attn", "attention"):
                memo_to.append(i)
            continue
        if MEMO_TITLE.match(lines[i].text):
            continue
        if subject_i is not None and i > subject_i and sal_i is None:
            continue
        addressee.append(i)
    if memo_to:
        st.addressee = [_span(lines[i]) for i in memo_to]
    elif addressee:
        if sal_i is None and subject_i is None:
            # No salutation and no subject: the addressee is the first block only.
            block = [addressee[0]]
            for i in addressee[1:]:
                if lines[i].gap_before > 0 or i != block[-1] + 1:
                    break
                block.append(i)
            addressee = block
        st.addressee = [_span(lines[i]) for i in addressee]


def _salutation(st: Structure, lines: list[Line], text: str, sal_i: int | None) -> int | None:
    """The salutation, over as many lines as open with one; its last line."""
    sal_end = sal_i
    if sal_i is not None:
        # "Dear President Michel, / Dear Members of the European Council,": one salutation
        while sal_end + 1 < len(lines) and SALUTATION.match(lines[sal_end + 1].text) and not MEMO.match(lines[sal_end + 1].text):
            sal_end += 1
        a, b = lines[sal_i].start, lines[sal_end].end
        st.salutation = Span(a, b, text[a:b])
    return sal_end


def header(st: Structure, lines: list[Line], text: str, at: Landmarks) -> tuple[list[int], int | None]:
    """Title, subject, addressee and salutation into `st`; the header's lines (for a memo's
    "From:") and the salutation's last line."""
    lines_left = _title(st, lines, at)
    subject_i, subject_lines, lines_left = _subject(st, lines, text, lines_left, at)
    _addressee(st, lines, lines_left, subject_i, subject_lines, at.sal_i)
    return lines_left, _salutation(st, lines, text, at.sal_i)
