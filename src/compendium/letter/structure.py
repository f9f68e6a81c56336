"""The parts of a cleaned letter: date line, addressee, subject, salutation, body,
closing, signature lines and cc lines, each with character offsets into the text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import parse_date_line
from ..errors import InputError
from .lines import Line, Span, is_sentence, is_title_line, lines_of
from .patterns import (BULLET, CC, CLOSING, FOOTNOTE, INLINE_INTRO, MEMO, MEMO_TITLE, SALUTATION, starts_notes,
                       SIG_INTRO, SUBJECT)


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


_PARAGRAPH_END = re.compile(r"[.!?:][”\"’')]*$")


def paragraphs(lines: list[Line], text: str, breaks: frozenset[int] = frozenset()) -> list[Span]:
    """Group lines into paragraphs at blank lines; with no blank line at all, a
    paragraph ends at a line that ends a sentence (so a hard-wrapped paragraph
    stays one paragraph, and unwrapped paragraphs are one per line). A bullet
    starts a paragraph of its own."""
    if not lines:
        return []
    no_blanks = all(line.gap_before == 0 for line in lines[1:])
    groups: list[list[Line]] = []
    for line in lines:
        if no_blanks:
            new = not groups or bool(_PARAGRAPH_END.search(groups[-1][-1].text))
        else:
            new = not groups or line.gap_before > 0
        new = new or bool(BULLET.match(line.text)) or line.start in breaks
        if new:
            groups.append([line])
        else:
            groups[-1].append(line)
    return [Span(g[0].start, g[-1].end, text[g[0].start : g[-1].end]) for g in groups]


def _span(ln: Line) -> Span:
    return Span(ln.start, ln.end, ln.text)


def _is_heading(lines: list[Line], i: int, end: int) -> bool:
    """A section heading inside the body: a short line with no sentence end, standing
    alone (a blank line after it, or text right after it) and followed by more text."""
    ln = lines[i]
    words = ln.text.split()
    if i + 1 >= end or not 1 <= len(words) <= 8 or BULLET.match(ln.text):
        return False
    if re.search(r"[.!?,;:][”\"’)]*$", ln.text) or re.search(r"[.!?][”\"’)]*\s", ln.text) or not ln.text[:1].isupper():
        return False
    prev_ends = i == 0 or ln.gap_before > 0 or bool(_PARAGRAPH_END.search(lines[i - 1].text))
    nxt = lines[i + 1]
    return prev_ends and (nxt.gap_before > 0 or len(nxt.text.split()) > len(words) + 3)


def _memo_senders(lines: list[Line], header: list[int]) -> list[Line]:
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


def _is_subject_heading(lines: list[Line], i: int, end: int) -> bool:
    """A longer unlabelled heading right after the salutation ("Protect the Dreamers: a letter
    from scholars of …"): no sentence end, on its own between blank lines."""
    ln = lines[i]
    return (i + 1 < end and len(ln.text.split()) <= 16 and not re.search(r"[.!?,;][”\"’)]*$", ln.text)
            and ln.text[:1].isupper() and lines[i + 1].gap_before > 0 and ln.gap_before > 0)


def _title_above_date(lines: list[Line], i: int) -> bool:
    """'Open Letter to the Government of Nicaragua on …' straight above the date line: a
    title, though it reads like running text (no sentence end, though)."""
    return (i + 1 < len(lines) and bool(parse_date_line(lines[i + 1].text))
            and not re.search(r"[.!?:;,][”\"’)]*$", lines[i].text))


def _header_title(lines: list[Line], i: int, top: int) -> bool:
    """'JOINT OPEN LETTER: SRI LANKA MUST REPEAL …' on its own between the date and the
    addressee: the letter's title, not an address line."""
    t = lines[i].text
    alone = lines[i].gap_before > 0 and (i + 1 >= top or lines[i + 1].gap_before > 0)
    titled = (re.match(r"(?i)(?:(?:joint|open|public|urgent|ngo)\s+)*(?:letter|statement|appeal)\b", t)
              or re.search(r"(?i)\b(?:open|joint)\s+letter\b", t) or (t.isupper() and len(t.split()) >= 5))
    return bool(alone and titled and is_title_line(t))


def parse(text: str, where: str | Path = "<text>", signature_from: int | None = None,
          date: dt.date | None = None) -> Structure:
    """The parts of a cleaned letter. `signature_from` (an offset, from an analyst's
    correction) says where the signature block starts."""

    lines = lines_of(text)
    if not lines:
        raise InputError(where, "no letter text found")
    n = len(lines)
    sal_i = next((i for i, ln in enumerate(lines) if SALUTATION.match(ln.text) and not MEMO.match(ln.text)), None)
    first_prose = next((i for i, ln in enumerate(lines) if is_sentence(ln.text) and not parse_date_line(ln.text)
                        and not _title_above_date(lines, i)), None)
    top = sal_i if sal_i is not None else first_prose
    if top is None:
        raise InputError(where, "no body paragraph found (a letter needs running text between its header and signatures)")
    date_i = next((i for i in range(top) if parse_date_line(lines[i].text)), None)
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
    if date_i is None:  # dated at the end, before or after the signatures ("Nairobi, 12 April 2016")
        date_i = next((i for i in range(top, n) if parse_date_line(lines[i].text)), None)
    if date_i is None and date is None:
        raise InputError(where, "no date line found in the cleaned letter")
    if date_i is None:  # dated by an analyst's correction: no line of the letter holds its date
        st = Structure(date=date, date_line=Span(0, 0, ""))
        date_i = -1
    else:
        st = Structure(date=date or parse_date_line(lines[date_i].text), date_line=_span(lines[date_i]))
    date_at_top = 0 <= date_i < top

    # --- header: title, memo lines, addressee, subject ---------------------------------
    header = list(range(0, top))
    if date_at_top and date_i > 0 and not MEMO.match(lines[0].text) and not MEMO_TITLE.match(lines[0].text) \
            and date_i == 1:
        st.title = _span(lines[0])
        header = [i for i in header if i != 0]
    header = [i for i in header if i != date_i]
    if not date_at_top and len(header) >= 2 and lines[header[1]].gap_before > 0 and is_title_line(lines[header[0]].text):
        st.title = _span(lines[header[0]])  # a letter dated at its end may still open with its title
        header = header[1:]
    memo_to = []
    subject_i = None
    for i in header:
        m = SUBJECT.match(lines[i].text)
        if m and subject_i is None:
            subject_i = i
    if subject_i is None and date_at_top:
        titled = [i for i in header if i > date_i and _header_title(lines, i, top)]
        if titled:
            st.subject = st.subject_line = _span(lines[titled[0]])
            header = [i for i in header if i != titled[0]]
    if subject_i is not None:
        ln = lines[subject_i]
        m = SUBJECT.match(ln.text)
        st.subject_line = _span(ln)
        sub_start = ln.start + m.start("subject")
        st.subject = Span(sub_start, ln.end, text[sub_start : ln.end])
        j = subject_i + 1
        # A subject may run on over following lines of the same block.
        while (j < top and j in header and lines[j].gap_before == 0 and not MEMO.match(lines[j].text)
               and re.search(r"[^\W\d_]", lines[j].text) and not (j + 1 < n and is_sentence(lines[j + 1].text)
                                                                  and not lines[j].text[:1].islower())):
            st.subject_line = Span(st.subject_line.start, lines[j].end, text[st.subject_line.start : lines[j].end])
            st.subject = Span(st.subject.start, lines[j].end, text[st.subject.start : lines[j].end])
            j += 1
        subject_lines = set(range(subject_i, j))
    else:
        subject_lines = set()
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
    sal_end = sal_i
    if sal_i is not None:
        # "Dear President Michel, / Dear Members of the European Council,": one salutation
        while sal_end + 1 < n and SALUTATION.match(lines[sal_end + 1].text) and not MEMO.match(lines[sal_end + 1].text):
            sal_end += 1
        a, b = lines[sal_i].start, lines[sal_end].end
        st.salutation = Span(a, b, text[a:b])

    # --- body --------------------------------------------------------------------------
    b0 = (sal_end + 1) if sal_i is not None else top
    body_idx = list(range(b0, body_end))
    if not date_at_top:
        body_idx = [i for i in body_idx if i != date_i]
    if st.subject is None and body_idx and sal_i is not None and (
            _is_heading(lines, body_idx[0], body_end) or _is_subject_heading(lines, body_idx[0], body_end)):
        # An unlabelled heading right after the salutation is the letter's subject (a labelled
        # one there too: "Dear Foreign Secretary, / Re: …").
        ln = lines[body_idx[0]]
        st.subject = st.subject_line = _span(ln)
        m = SUBJECT.match(ln.text)
        if m:
            a = ln.start + m.start("subject")
            st.subject = Span(a, ln.end, text[a : ln.end])
        body_idx = body_idx[1:]
    if st.subject is None and st.title is not None:
        st.subject = st.title
    kept: list[Line] = []
    breaks = set()
    after_heading = False
    for k, i in enumerate(body_idx):
        if _is_heading(lines, i, body_end) and k + 1 < len(body_idx):
            st.headings.append(_span(lines[i]))
            after_heading = True
            continue
        if after_heading:
            breaks.add(lines[i].start)  # a heading ends the paragraph before it
            after_heading = False
        kept.append(lines[i])
    st.body = paragraphs(kept, text, frozenset(breaks))
    if not st.body:
        raise InputError(where, "no body paragraph found (a letter needs running text between its header and signatures)")

    # --- closing, signatures, notes, cc ---------------------------------------------------
    if closing_i is not None and closing_i == body_end:
        cl = lines[closing_i]
        st.closing = _span(cl)
        st.closing_text = cl.text
        rest_from = closing_i + 1
    elif intro_i is not None and intro_i == body_end:
        if INLINE_INTRO.match(lines[intro_i].text):
            rest_from = intro_i  # "Signed by: A, B and C": the list is on the introduction's line
        else:
            st.closing = _span(lines[intro_i])
            rest_from = intro_i + 1
    else:
        rest_from = body_end
    rest = lines[rest_from:]
    cc_j = next((j for j, ln in enumerate(rest) if CC.match(ln.text)), len(rest))
    sig = []
    in_notes = False  # after "Notes" or a numbered note "[1] …", every line is a note
    for j, ln in enumerate(rest[:cc_j]):
        in_notes = in_notes or bool(sig and starts_notes(ln.text))
        if in_notes or rest_from + j == date_i or FOOTNOTE.match(ln.text) or SIG_INTRO.match(ln.text) and not sig:
            if not in_notes and rest_from + j != date_i and SIG_INTRO.match(ln.text) and not FOOTNOTE.match(ln.text):
                sig.append(ln)  # a heading inside the list ("Individuals"): kept for the signatory parser
                continue
            st.notes.append(_span(ln))
            continue
        sig.append(ln)
    if not sig and not st.cc:
        sig = _memo_senders(lines, header)  # a memo signed only by its "From:" line
    st.signature_lines = sig
    st.cc = [_span(ln) for ln in rest[cc_j:]]
    if not any(not SIG_INTRO.match(ln.text) for ln in st.signature_lines):
        raise InputError(where, "no signature block found (nothing after the closing)")
    return st
