"""Where the letter is in a scraped page: its anchors (the salutation or the first running
text, the date line, the closing or a list introduction), and from them its first and last
line and the page chrome inside it."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from ...errors import InputError
from ..dates import holds_date, parse_date_line
from ..lines import is_prose, is_sentence, is_title_line
from ..patterns import CLOSING, INLINE_INTRO, MEMO, MEMO_TITLE, SALUTATION, SIG_INTRO, chrome_reason, strict_chrome_reason
from .edges import _continues_memo, _header_top, _next, _prev, _publication_date, _signature_end, _submission_date


def _salutation(lines: list[str], lo: int = 0) -> int | None:
    """The first salutation line followed, within a few lines, by running text."""
    for i in range(lo, len(lines)):
        if SALUTATION.match(lines[i].strip()) and not MEMO.match(lines[i].strip()):
            nxt = [j for j in range(i + 1, min(len(lines), i + 12)) if lines[j].strip()][:4]
            if any(is_sentence(lines[j]) and not chrome_reason(lines[j]) for j in nxt):
                return i
    return None


def _prose_between(lines: list[str], a: int, b: int) -> bool:
    return any(is_sentence(lines[k]) for k in range(a + 1, b))


def _last_prose(lines: list[str], lo: int, hi: int) -> int | None:
    last = None
    for i in range(lo, hi):
        line = lines[i].strip()
        if not line:
            continue
        if chrome_reason(line) and not is_sentence(line):
            if last is not None and i > last + 1:
                break
            continue
        if is_sentence(line) and not chrome_reason(line):
            last = i
    return last


@dataclass
class Span:
    """Where the letter is in the page: its first and last line and the lines cut inside it."""

    start: int
    end: int
    inside: dict[int, str]
    date_line: int
    page_date: tuple[int, dt.date] | None = None  # (line, date) when only the page dates the letter


def _chrome_follows(lines: list[str], i: int) -> bool:
    """A site's tagline, not the letter's first paragraph: page chrome (a breadcrumb, a
    publication line) follows it within its next two lines."""
    nxt = [j for j in range(i + 1, min(len(lines), i + 6)) if lines[j].strip()][:2]
    return any(chrome_reason(lines[j]) for j in nxt)


def _body_top(lines: list[str], dates: list[int], where: str | Path) -> int:
    """The salutation, or the first running text (after the date, on a page whose lead
    paragraph stands above the letter)."""
    n = len(lines)
    sal = _salutation(lines)
    first_prose = next((i for i in range(n) if is_prose(lines[i]) and not chrome_reason(lines[i])
                        and not parse_date_line(lines[i]) and not _chrome_follows(lines, i)), None)
    if first_prose is None:
        first_prose = next((i for i in range(n) if is_sentence(lines[i]) and not chrome_reason(lines[i])), None)
    if sal is None and first_prose is not None and dates:
        # A page lead paragraph above the letter is not its body: the body follows the date.
        after = [d for d in dates if d < n]
        first_prose = next((i for i in range(min(after), n) if is_prose(lines[i]) and not chrome_reason(lines[i])), first_prose)
    body_top = sal if sal is not None else first_prose
    if body_top is None:
        raise InputError(where, "no letter text found (no salutation such as 'Dear …,' and no paragraph of running text)")
    return body_top


def _signature_from(lines: list[str], body_top: int, signature_lines: tuple[int, int] | None,
                    where: str | Path) -> int:
    """Where the signature block starts: after the closing, or the list introduction, or the
    last running text (or where an analyst's correction says)."""
    if signature_lines is not None:  # an analyst's correction: the block is exactly these lines
        return signature_lines[0]
    n = len(lines)
    closing = next((i for i in range(body_top + 1, n) if CLOSING.match(lines[i].strip())), None)
    if closing is not None:
        while closing + 1 < n and (nxt := _next(lines, closing)) is not None and CLOSING.match(lines[nxt].strip()):
            closing = nxt  # "Thank you." ending the body, then "Sincerely,"
    intro = next((i for i in range(body_top + 1, n) if SIG_INTRO.match(lines[i].strip())
                  or INLINE_INTRO.match(lines[i].strip())), None)
    if closing is not None and intro is not None and intro < closing and _prose_between(lines, intro, closing):
        intro = None  # a heading in the body
    if closing is None and intro is None:
        last = _last_prose(lines, body_top, n)
        if last is None:
            raise InputError(where, "no signature block found (no closing such as 'Sincerely,', no list such as "
                                    "'Signatories:', and no lines after the letter's text)")
        return last + 1
    sig_from = min(x for x in (closing, intro) if x is not None) + 1
    if intro is not None and sig_from == intro + 1 and INLINE_INTRO.match(lines[intro].strip()):
        sig_from = intro  # "Signed by: A, B and C": the line is the list
    return sig_from


def _undated_start(lines: list[str], dates: list[int], body_top: int, end: int, date_given: bool,
                   header_date: tuple[int, dt.date] | None,
                   where: str | Path) -> tuple[int, int, tuple[int, dt.date] | None]:
    """A letter with no date line above its body: its date line at its end (-1 if none), its
    first line (the top of its header block) and the page's (or e-mail's) date if that dates it."""
    late = [d for d in dates if body_top < d < end]
    page_date = None if late or date_given else (_publication_date(lines, body_top) or header_date
                                                 or _submission_date(lines, end))
    if page_date:
        date_given = True
    if not late and not date_given:
        cands = ", ".join(str(d + 1) for d in dates) or "none"
        held = [i for i, ln in enumerate(lines) if i not in dates and holds_date(ln)]
        other = "; lines holding a date that is not a date line alone: " + ", ".join(
            f"{i + 1} ({lines[i].strip()[:60]!r})" for i in held[:3]) + (", …" if len(held) > 3 else "") if held else ""
        raise InputError(where, f"no date line found (a line such as 'September 10, 2014', 'Oslo, 4 May 2017' or "
                                f"'Date: 2014-09-10'; date lines elsewhere in the page: {cands}{other}; "
                                "a correction 'set_letter date' dates a letter that gives no date)")
    return (late[-1] if late else -1), _header_top(lines, body_top), page_date


def _dated_start(lines: list[str], date_i: int) -> int:
    """The first line of a letter dated above its body: the date line, or a memo header or one
    title line right above it."""
    start = date_i
    j = _prev(lines, date_i)
    while j is not None and (MEMO.match(lines[j].strip()) or MEMO_TITLE.match(lines[j].strip()) or _continues_memo(lines, j)):
        start, j = j, _prev(lines, j)
    # (not a post's own sentences above the letter it shares, "Here is the letter we sent. Please share!",
    # nor a line that introduces it: "The document read as follows—")
    if j is not None and start == date_i and is_title_line(lines[j]) and not MEMO.match(lines[j].strip()) \
            and (date_i - j) <= 3 and not re.search(r"[a-z]{2}[.!?]+\s+\S|[:—–]\s*$", lines[j]):
        start = j
    return start


def find_span(lines: list[str], where: str | Path, signature_lines: tuple[int, int] | None = None,
              date_given: bool = False, header_date: tuple[int, dt.date] | None = None) -> Span:
    """The letter's lines in a scraped page.

    Anchors are the salutation (or the first running text), the date line
    nearest above it (or, for letters dated at the end, after the body) and
    the closing (or a list introduction such as "Signatories:"). The span
    runs from the letter's first header line (a title or memo header above the
    date, or the addressee block when the date is at the end) through the end
    of the signature block, cc lines and footnotes included.
    """
    dates = [i for i, line in enumerate(lines) if parse_date_line(line)]
    body_top = _body_top(lines, dates, where)
    above = [d for d in dates if d < body_top]
    clean_above = [d for d in above if not any(chrome_reason(lines[k]) for k in range(d + 1, body_top))]
    date_i = (clean_above or above or [None])[-1]
    sig_from = _signature_from(lines, body_top, signature_lines, where)
    end = _signature_end(lines, sig_from) if signature_lines is None else signature_lines[1] + 1
    memo_from = any((m := MEMO.match(lines[i].strip())) and m.group("label").lower() == "from" for i in range(body_top))
    if not memo_from and not any(lines[i].strip() and not SIG_INTRO.match(lines[i].strip()) for i in range(sig_from, end)):
        raise InputError(where, "no signature block found (nothing but page chrome after the closing"
                                f"{' on line ' + str(sig_from) if sig_from else ''})")
    page_date = None
    if date_i is None:
        date_i, start, page_date = _undated_start(lines, dates, body_top, end, date_given, header_date, where)
        if page_date and page_date is not header_date and page_date[0] >= end:
            end = page_date[0] + 1  # the note under the signatures that dates the letter is the letter's
    else:
        start = _dated_start(lines, date_i)
    inside = {}
    for i in range(start, end):
        reason = strict_chrome_reason(lines[i])
        if reason:
            inside[i] = reason
    return Span(start, end, inside, date_i, page_date if date_i == -1 else None)
