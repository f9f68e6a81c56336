"""Where the letter starts and ends in the page: the header block above its body, a memo
header's continuation lines, the end of its signature block (cc lines and notes included), and
the page's publication date when the letter gives none."""

from __future__ import annotations

import datetime as dt
import re

from ..dates import held_date, parse_date_line
from ..lines import ABBREVIATION_END, is_prose
from ..patterns import CC, FOOTNOTE, INLINE_INTRO, MEMO, chrome_reason, starts_notes
from ..signatories import is_title


def _is_footer_sentence(line: str) -> bool:
    # Signature lines are names, titles and organizations; a full sentence
    # after the signatures is the page talking, not the letter. A line ending
    # in an abbreviation ("Washington, D.C.", "Inc.") is still a signature line,
    # and so is a footnote about the signatories' affiliations.
    return (bool(re.search(r"[.!?]$", line)) and len(line.split()) >= 8
            and not ABBREVIATION_END.search(line) and not is_title(line.split(",")[0])
            and not FOOTNOTE.match(line) and not _is_name_list(line))


def _is_name_list(line: str) -> bool:
    """'A, B, C and D.': a list of names (organizations), not a sentence of the page."""
    pieces = [p.strip() for p in re.split(r",|\band\b", line.rstrip(".")) if p.strip()]
    return len(pieces) >= 3 and all(p[:1].isupper() for p in pieces)


def _prev(lines: list[str], i: int) -> int | None:
    j = i - 1
    while j >= 0 and not lines[j].strip():
        j -= 1
    return j if j >= 0 else None


def _next(lines: list[str], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j if j < len(lines) else None


_PUBLISHED = re.compile(r"^(?:published|posted|date published|first published|issued|released)(?: on| at)?\s*:?\s*(?P<d>.+)$", re.I)
_DOTTED = re.compile(r"^(?P<d>\d{1,2})[./](?P<m>\d{1,2})[./](?P<y>(?:19|20)\d\d)$")


def _publication_date(lines: list[str], above: int) -> tuple[int, dt.date] | None:
    """A letter that gives no date of its own, on a page that says when it was published:
    the last publication date above the letter ("Published on 12 May 2017", "05.04.2016")."""
    for i in range(above - 1, -1, -1):
        line = lines[i].strip()
        m = _PUBLISHED.match(line)
        if m:
            text = m.group("d").strip()
            d = parse_date_line(text) or _dotted(text)
            if d:
                return i, d
        if d := _dotted(line):
            return i, d
    return None


# A note under a letter saying when it was sent or made public ("Submitted to the Co-Chairs' office
# on 26 September 2023.", "Posted on March 3, 2021", "Inviata il 3 marzo 2024").
_SUBMITTED = re.compile(r"(?i)\b(?:submitted|sent|delivered|presented|handed|transmitted|filed|lodged|posted|published|"
                        r"dated|signed|issued|envoy[ée]e?|remise?|enviad[ao]|entregad[ao]|eingereicht|übergeben|"
                        r"versandt|inviat[ao]|consegnat[ao]|verzonden|ingediend|aangeboden|wys[łl]an[ya]|z[łl]o[żz]on[ya]|"
                        r"skickat|inl[äa]mnat|överlämnat|sendt|indsendt|odesl[áa]n[oa]?|trimis[ăa]?)\b")


def _submission_date(lines: list[str], end: int) -> tuple[int, dt.date] | None:
    """A letter that gives no date of its own, dated by a note right under its signatures
    that says when it was sent, submitted or posted (a forum post, a submission's record)."""
    near = [i for i in range(end, min(len(lines), end + 12)) if lines[i].strip()][:4]
    for i in near:
        if _SUBMITTED.search(lines[i]) and (d := held_date(lines[i])):
            return i, d
    return None


def _dotted(text: str) -> dt.date | None:
    m = _DOTTED.match(text.strip())
    if not m:
        return None
    try:  # day first, as European pages write it
        return dt.date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
    except ValueError:
        return None


def _continues_memo(lines: list[str], j: int) -> bool:
    """A line right under a memo header line that continues it: indented ("From: A" /
    "      B"), or, where a container dropped the indent (HTML, Markdown), one of at most two
    unlabelled lines under a "From:", "To:" or "Cc:" line, with no blank line between."""
    k = j
    while k > 0 and lines[k][:1].isspace() and lines[k].strip():
        k -= 1
    if k < j and MEMO.match(lines[k].strip()):
        return True
    k = j
    while k > 0 and j - k < 2 and lines[k].strip() and not MEMO.match(lines[k].strip()):
        k -= 1
    m = MEMO.match(lines[k].strip()) if k < j else None
    return bool(m) and m.group("label").lower() in ("from", "to", "cc")


def _header_top(lines: list[str], below: int) -> int:
    """The first line of the letter's header block above line `below` (the salutation or
    the line after the date): upward over addressee and subject lines, stopping at
    page chrome, a page's lead paragraph or a run of blank lines after a title."""
    top = below
    j = _prev(lines, below)
    while j is not None:
        line = lines[j].strip()
        if chrome_reason(line) or is_prose(line) and re.search(r"[.!?:][”\"’)]*$|[a-z]{2}[.!?]+\s+\S", line):
            break  # page chrome, or the page's lead paragraph (or a post's sentences) above the letter
        top = j
        j = _prev(lines, j)
    return top


def _signature_end(lines: list[str], lo: int) -> int:
    """Index after the last line of the signature block starting at `lo`."""
    end = lo
    in_cc = in_notes = False
    for i in range(lo, len(lines)):
        line = lines[i].strip()
        if not line:
            continue
        if CC.match(line) and not chrome_reason(line):
            in_cc = True
        elif starts_notes(line):
            in_notes = True  # notes, a postscript, an annex: the letter's, up to the page's chrome
        elif (FOOTNOTE.match(line) or parse_date_line(line) or INLINE_INTRO.match(line)
              or in_notes and not chrome_reason(line)):
            pass  # part of the letter: the date at the end, "Signed by: …", a note's lines
        elif chrome_reason(line) or (_is_footer_sentence(line) and not in_cc):
            break
        end = i + 1
    return end

