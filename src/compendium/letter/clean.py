"""Decode a scraped letter, repair it, and cut the page chrome around it.

The letter's wording is never changed: only encoding damage (mojibake, via
ftfy), line endings, non-breaking spaces and trailing white space are
normalised, and whole lines outside the letter's span are removed. Every
removed line is recorded with its reason. Cleaning is idempotent.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import ftfy

from .dates import parse_date_line
from ..errors import InputError
from .patterns import (CC, CLOSING, FOOTNOTE, INLINE_INTRO, MEMO, MEMO_TITLE, SALUTATION, SIG_INTRO, chrome_reason, starts_notes,
                       strict_chrome_reason)
from .lines import ABBREVIATION_END, is_prose, is_sentence, is_title_line
from .signatories import is_title
from .unwrap import unwrap

# Keep the letter's typography (curly quotes, dashes, ligatures): ftfy may only
# repair what was broken in transit.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    explain=False,
)
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u200a\u3000]")
# Invisible characters that carry no wording. Zero-width joiners and non-joiners
# (U+200D, U+200C) are spelling in Persian, Indic scripts and emoji: they stay.
_INVISIBLE = re.compile(r"[\u200b\u2060\ufeff]")
# Bidirectional embeddings, overrides and isolates would show a name reversed in
# the reports ("\u202eRoth" displays as "htoR"): removed, and logged.
BIDI_CONTROLS = re.compile(r"[\u202a-\u202e\u2066-\u2069]")


@dataclass
class Cleaned:
    text: str
    removed: list[dict] = field(default_factory=list)
    raw_lines: list[int] = field(default_factory=list)  # the raw file's line number of each clean line
    page_date: tuple[int, dt.date] | None = None  # (raw line, date): the letter gives none, the page does
    header_subject: str | None = None  # an e-mail's Subject header: the subject when the letter gives none

    def raw_line(self, offset: int) -> int:
        return raw_line(self.raw_lines, self.text, offset)


def raw_line(raw_lines: list[int], text: str, offset: int) -> int:
    """The raw file's line number (1-based) of a character offset into the clean text."""
    return raw_lines[min(text.count("\n", 0, offset), len(raw_lines) - 1)]


def decode(data: bytes, where: str | Path = "<bytes>") -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, else cp1252; anything else is refused."""
    # UTF-16 as Windows "Unicode" saves it: a BOM says which, and its NUL bytes tell it from
    # cp1252 text that happens to start with "ÿþ" or "þÿ" (cp1252 or UTF-8 text holds no NUL).
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data:
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(where, f"starts with a UTF-16 byte-order mark but holds undecodable bytes at "
                                    f"offset {exc.start + 2}: re-save it as UTF-8") from None
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[bom:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError as exc:
        # The offset is into the file as given, BOM included.
        raise InputError(where, f"undecodable bytes at offset {exc.start + bom}: neither UTF-8 nor cp1252") from None


def normalise(text: str) -> str:
    text = ftfy.fix_text(text, _FTFY)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _SPACES.sub(" ", text)
    text = _INVISIBLE.sub("", text)
    text = BIDI_CONTROLS.sub("", text)
    return "\n".join(line.rstrip() for line in text.split("\n"))


def bidi_log(text: str) -> list[dict]:
    """Cleaning-log entries for the lines whose bidi controls `normalise` removes."""
    out = []
    for n, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        found = sorted(set(BIDI_CONTROLS.findall(line)))
        if found:
            codes = ", ".join(f"U+{ord(c):04X}" for c in found)
            out.append({"line": n, "text": BIDI_CONTROLS.sub("", line).strip(),
                        "reason": f"bidirectional control characters removed ({codes}); the line is kept"})
    return out


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


def _salutation(lines: list[str], lo: int = 0) -> int | None:
    """The first salutation line followed, within a few lines, by running text."""
    for i in range(lo, len(lines)):
        if SALUTATION.match(lines[i].strip()) and not MEMO.match(lines[i].strip()):
            nxt = [j for j in range(i + 1, min(len(lines), i + 12)) if lines[j].strip()][:4]
            if any(is_sentence(lines[j]) and not chrome_reason(lines[j]) for j in nxt):
                return i
    return None


@dataclass
class Span:
    """Where the letter is in the page: its first and last line and the lines cut inside it."""

    start: int
    end: int
    inside: dict[int, str]
    date_line: int
    page_date: tuple[int, dt.date] | None = None  # (line, date) when only the page dates the letter


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
    n = len(lines)
    dates = [i for i, line in enumerate(lines) if parse_date_line(line)]
    sal = _salutation(lines)
    first_prose = next((i for i in range(n) if is_prose(lines[i]) and not chrome_reason(lines[i])
                        and not parse_date_line(lines[i])), None)
    if first_prose is None:
        first_prose = next((i for i in range(n) if is_sentence(lines[i]) and not chrome_reason(lines[i])), None)
    if sal is None and first_prose is not None and dates:
        # A page lead paragraph above the letter is not its body: the body follows the date.
        after = [d for d in dates if d < n]
        first_prose = next((i for i in range(min(after), n) if is_prose(lines[i]) and not chrome_reason(lines[i])), first_prose)
    body_top = sal if sal is not None else first_prose
    if body_top is None:
        raise InputError(where, "no letter text found (no salutation such as 'Dear …,' and no paragraph of running text)")

    above = [d for d in dates if d < body_top]
    clean_above = [d for d in above if not any(chrome_reason(lines[k]) for k in range(d + 1, body_top))]
    date_i = (clean_above or above or [None])[-1]

    # Where the body ends: the closing, or the list introduction, or the last running text.
    closing = next((i for i in range(body_top + 1, n) if CLOSING.match(lines[i].strip())), None)
    if closing is not None:
        while closing + 1 < n and (nxt := _next(lines, closing)) is not None and CLOSING.match(lines[nxt].strip()):
            closing = nxt  # "Thank you." ending the body, then "Sincerely,"
    intro = next((i for i in range(body_top + 1, n) if SIG_INTRO.match(lines[i].strip())
                  or INLINE_INTRO.match(lines[i].strip())), None)
    if closing is not None and intro is not None and intro < closing and _prose_between(lines, intro, closing):
        intro = None  # a heading in the body
    if signature_lines is not None:  # an analyst's correction: the block is exactly these lines
        closing, intro = None, None
        sig_from = signature_lines[0]
    elif closing is None and intro is None:
        last = _last_prose(lines, body_top, n)
        if last is None:
            raise InputError(where, "no signature block found (no closing such as 'Sincerely,', no list such as "
                                    "'Signatories:', and no lines after the letter's text)")
        sig_from = last + 1
    else:
        sig_from = min(x for x in (closing, intro) if x is not None) + 1
        if intro is not None and sig_from == intro + 1 and INLINE_INTRO.match(lines[intro].strip()):
            sig_from = intro  # "Signed by: A, B and C": the line is the list

    end = _signature_end(lines, sig_from) if signature_lines is None else signature_lines[1] + 1
    memo_from = any((m := MEMO.match(lines[i].strip())) and m.group("label").lower() == "from" for i in range(body_top))
    if not memo_from and not any(lines[i].strip() and not SIG_INTRO.match(lines[i].strip()) for i in range(sig_from, end)):
        raise InputError(where, "no signature block found (nothing but page chrome after the closing"
                                f"{' on line ' + str(sig_from) if sig_from else ''})")
    if date_i is None:
        late = [d for d in dates if body_top < d < end]
        page_date = None if late or date_given else (_publication_date(lines, body_top) or header_date)
        if page_date:
            date_given = True
        if not late and not date_given:
            cands = ", ".join(str(d + 1) for d in dates) or "none"
            raise InputError(where, f"no date line found (a line such as 'September 10, 2014', 'Oslo, 4 May 2017' or "
                                    f"'Date: 2014-09-10'; lines holding a date elsewhere in the page: {cands}; "
                                    "a correction 'set_letter date' dates a letter that gives no date)")
        date_i = late[-1] if late else -1
        start = _header_top(lines, body_top)
    else:
        start = date_i
        # A memo header or one title line right above the date belongs to the letter.
        j = _prev(lines, date_i)
        while j is not None and (MEMO.match(lines[j].strip()) or MEMO_TITLE.match(lines[j].strip()) or _continues_memo(lines, j)):
            start, j = j, _prev(lines, j)
        if j is not None and start == date_i and is_title_line(lines[j]) and not MEMO.match(lines[j].strip()) \
                and (date_i - j) <= 3:
            start = j
    inside = {}
    for i in range(start, end):
        reason = strict_chrome_reason(lines[i])
        if reason:
            inside[i] = reason
    return Span(start, end, inside, date_i, page_date if date_i == -1 else None)


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


def _next(lines: list[str], i: int) -> int | None:
    j = i + 1
    while j < len(lines) and not lines[j].strip():
        j += 1
    return j if j < len(lines) else None


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


def _header_top(lines: list[str], below: int) -> int:
    """The first line of the letter's header block above line `below` (the salutation or
    the line after the date): upward over addressee and subject lines, stopping at
    page chrome, a page's lead paragraph or a run of blank lines after a title."""
    top = below
    j = _prev(lines, below)
    while j is not None:
        line = lines[j].strip()
        if chrome_reason(line) or is_prose(line) and re.search(r"[.!?:][”\"’)]*$", line):
            break  # page chrome, or the page's lead paragraph above the letter
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


def clean(data: bytes | str, where: str | Path = "<text>", chrome_lines: Sequence[tuple[int, int]] = (),
          signature_lines: tuple[int, int] | None = None, date_given: bool = False) -> Cleaned:
    """The letter's text. `chrome_lines` (ranges of lines, first and last, 0-based, sorted and
    not overlapping) are cut as chrome and `signature_lines` (first, last; 0-based) is the
    signature block, when an analyst's corrections say so: both address the raw file's lines,
    whatever container the letter came in."""
    text = data if isinstance(data, str) else decode(data, where)
    raw = normalise(text).split("\n")
    bidi = bidi_log(text) if BIDI_CONTROLS.search(text) else []
    u = unwrap(raw)  # the container taken off: the letter's own lines, each with its raw line
    lines, origin = u.lines, u.origin
    if u.kinds:  # text the container hid (entities, escapes) repaired and normalised like the rest
        again = normalise("\n".join(lines)).split("\n")
        lines = again if len(again) == len(lines) else lines
    starts = [a for a, _ in chrome_lines]  # ranges kept as ranges: each kept line looked up once
    chrome_lines = {k for k, o in enumerate(origin)
                    if (j := bisect_right(starts, o) - 1) >= 0 and o <= chrome_lines[j][1]}
    if signature_lines is not None:
        first = next((k for k, o in enumerate(origin) if o >= signature_lines[0]), len(lines) - 1)
        last = max((k for k, o in enumerate(origin) if o <= signature_lines[1]), default=first)
        signature_lines = (first, max(first, last))
    original = list(lines)
    for i in chrome_lines:
        lines[i] = ""
    sp = find_span(lines, where, signature_lines, date_given, header_date=u.date)
    for i in sorted(chrome_lines):
        if original[i].strip():
            sp.inside[i] = "marked as page chrome by a correction"
    lines = original
    start, end, inside = sp.start, sp.end, sp.inside
    where_header = "before the date line" if start == sp.date_line else "before the letter"
    removed = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        if i < start:
            reason = f"page header {where_header} ({chrome_reason(line) or 'page chrome'})"
        elif i >= end:
            reason = f"page footer after the signature block ({chrome_reason(line) or 'page chrome'})"
        elif i in inside:
            reason = f"page chrome inside the letter ({inside[i]})"
        else:
            continue
        removed.append({"line": origin[i] + 1, "text": line, "reason": reason})
    kept = [(i, line) for i, line in enumerate(lines[start:end], start) if i not in inside]
    while kept and not kept[0][1].strip():
        kept.pop(0)
    while kept and not kept[-1][1].strip():
        kept.pop()
    removed = sorted(removed + bidi + u.removed, key=lambda r: r["line"])
    page_date = None
    if sp.page_date:
        from_header = sp.page_date is u.date
        page_date = ((sp.page_date[0] if from_header else origin[sp.page_date[0]]) + 1, sp.page_date[1])
        for r in removed:
            if r["line"] == page_date[0]:
                r["reason"] += "; the letter gives no date of its own: this is its date"
    return Cleaned(text="\n".join(line for _, line in kept) + "\n", removed=removed,
                   raw_lines=[origin[i] + 1 for i, _ in kept], page_date=page_date, header_subject=u.subject)
