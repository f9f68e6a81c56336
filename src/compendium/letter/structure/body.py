"""The body: the lines between the salutation and the closing, in paragraphs, with section
headings set apart (an unlabelled heading right after the salutation is the subject)."""

from __future__ import annotations

import re
from pathlib import Path

from ...errors import InputError
from ..lines import Line, Span, is_sentence
from ..patterns import BULLET, SUBJECT
from .landmarks import Landmarks
from .parts import _span, Structure


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


def _is_subject_heading(lines: list[Line], i: int, end: int) -> bool:
    """A longer unlabelled heading right after the salutation ("Protect the Dreamers: a letter
    from scholars of …"): no sentence end, on its own between blank lines."""
    ln = lines[i]
    return (i + 1 < end and len(ln.text.split()) <= 16 and not re.search(r"[.!?,;][”\"’)]*$", ln.text)
            and ln.text[:1].isupper() and lines[i + 1].gap_before > 0 and ln.gap_before > 0)


def _labelled_subject(st: Structure, lines: list[Line], text: str, body_idx: list[int]) -> list[int]:
    """'Re: …' under the salutation, blank line after it or not, run on over the lines that
    continue it ("…, held since" / "2013 without trial"); the body lines left."""
    first = lines[body_idx[0]]
    a = first.start + SUBJECT.match(first.text).start("subject")
    k = 1
    while (k < len(body_idx) and body_idx[k] == body_idx[k - 1] + 1 and lines[body_idx[k]].gap_before == 0
           and not re.search(r"[.!?][”\"’)]*$", lines[body_idx[k - 1]].text)
           and not (lines[body_idx[k]].text[:1].isupper() and is_sentence(lines[body_idx[k]].text))):
        k += 1
    end = lines[body_idx[k - 1]].end
    st.subject = Span(a, end, text[a:end])
    st.subject_line = Span(first.start, end, text[first.start:end])
    return body_idx[k:]


def _subject_heading(st: Structure, lines: list[Line], text: str, body_idx: list[int], at: Landmarks) -> list[int]:
    """A heading right after the salutation as the subject; the body lines left."""
    if st.subject is None and body_idx and at.sal_i is not None and SUBJECT.match(lines[body_idx[0]].text):
        return _labelled_subject(st, lines, text, body_idx)
    if st.subject is None and body_idx and at.sal_i is not None and (
            _is_heading(lines, body_idx[0], at.body_end) or _is_subject_heading(lines, body_idx[0], at.body_end)):
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
    return body_idx


def body(st: Structure, lines: list[Line], text: str, at: Landmarks, sal_end: int | None, where: str | Path) -> None:
    """Headings and paragraphs of the body into `st`; an error if it has no paragraph."""
    b0 = (sal_end + 1) if at.sal_i is not None else at.top
    body_idx = list(range(b0, at.body_end))
    if not at.date_at_top:
        body_idx = [i for i in body_idx if i != at.date_i]
    body_idx = _subject_heading(st, lines, text, body_idx, at)
    kept: list[Line] = []
    breaks = set()
    after_heading = False
    for k, i in enumerate(body_idx):
        if _is_heading(lines, i, at.body_end) and k + 1 < len(body_idx):
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
