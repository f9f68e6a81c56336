"""Text pulled out of a PDF: pages, running headers and footers, page numbers, hard wraps
and words hyphenated at line ends.

Pages are split at form feeds (else after page-number lines). A line at the top or foot of
two pages or more, digits aside, is a running header or footer; a page number in any common
form at a page's top or foot is chrome. Pages are then joined, a paragraph broken by the
page break joined again, and hard-wrapped lines rejoined: a line ends a line of the letter
only where the next line's first word would have fitted on it (the typesetter's rule),
which keeps short lines (signatures, addresses) as they are. A word hyphenated at a line
end is rejoined without the hyphen unless the text writes it with one elsewhere."""

from __future__ import annotations

import re
from collections import Counter

from ..dates import parse_date_line
from .lines import Builder, Lines, Result

PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?|seite|página|pagina|pág\.)\s*\d{1,4}(?:\s*(?:of|/|de|von|sur|di)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$", re.I)
_BULLET = re.compile(r"^\s*(?:[•·▪◦‣*\-–]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)])\s")
_END = re.compile(r"[.!?:;][”\"’)]*$")


def _page_numbers(text: list[str]) -> list[int]:
    return [k for k, ln in enumerate(text) if ln.strip() and PAGE_NUMBER.match(ln.strip())
            and not re.fullmatch(r"\d{1,4}", ln.strip())]


def is_pdf_text(text: list[str]) -> bool:
    if any("\f" in ln for ln in text):
        return True
    nums = _page_numbers(text)
    last = next((k for k in range(len(text) - 1, -1, -1) if text[k].strip()), None)
    return len(nums) >= 2 or (last is not None and last in nums)


def _pages(text: list[str]) -> list[list[int]]:
    pages, cur = [], []
    nums = set(_page_numbers(text)) if not any("\f" in ln for ln in text) else set()
    for k, ln in enumerate(text):
        if "\f" in ln and cur:
            pages.append(cur)
            cur = []
        cur.append(k)
        if k in nums:
            pages.append(cur)
            cur = []
    if cur:
        pages.append(cur)
    return pages


def _edges(text: list[str], page: list[int], n: int = 2) -> list[int]:
    body = [k for k in page if text[k].replace("\f", "").strip()]
    return body[:n] + body[-n:]


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.replace("\f", "").strip()).casefold()


def _lone_header(text: list[str], k: int) -> bool:
    """A page's first line that a header printed on one page only would be: short, no
    sentence, set apart by a blank line, carrying a date, number or separator as running
    headers do ('Joint letter – 2017-03', 'Ref. 12/2017 | Annex'), and not a date line."""
    line = text[k].replace("\f", "").strip()
    apart = k + 1 < len(text) and not text[k + 1].strip()
    return (apart and len(line) < 80 and not _END.search(line) and bool(re.search(r"\d| [–|—-] ", line))
            and not parse_date_line(line))


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    if not is_pdf_text(text):
        return None
    pages = _pages(text)
    drop: dict[int, str] = {}
    seen = Counter(_key(text[k]) for p in pages for k in set(_edges(text, p)))
    for p in pages:
        for k in _edges(text, p):
            s = text[k].replace("\f", "").strip()
            if PAGE_NUMBER.match(s):
                drop[k] = "page number"
            elif len(pages) >= 2 and seen[_key(text[k])] >= 2:
                drop[k] = "running header or footer, repeated on the pages"
        if p is not pages[0]:
            top = next((k for k in p if text[k].replace("\f", "").strip() and k not in drop), None)
            if top is not None and _lone_header(text, top):
                drop[top] = "running header at the top of a page"
    width = max((len(text[k].replace("\f", "").rstrip()) for k in range(len(text)) if k not in drop), default=0)
    kept: list[tuple[str, int]] = []
    # Paragraphs apart by blank lines: a page break after a paragraph's end keeps one.
    spaced = sum(1 for ln in text if not ln.strip()) * 6 >= len(text)
    for pi, p in enumerate(pages):
        body = [(text[k].replace("\f", "").rstrip(), origin[k]) for k in p if k not in drop]
        while body and not body[0][0].strip():
            body.pop(0)
        while body and not body[-1][0].strip():
            body.pop()
        if pi and kept and body:
            last, nxt = kept[-1][0], body[0][0]
            # Lines set apart by blank lines on either side of the break were set apart across it.
            apart = (len(kept) >= 2 and not kept[-2][0].strip()) or (len(body) >= 2 and not body[1][0].strip())
            if spaced and (_END.search(last) or _BULLET.match(nxt) or apart) and not _continues(last, nxt, width):
                kept.append(("", body[0][1]))  # the page ended a paragraph
        kept += body
    out = Builder()
    for k in sorted(drop):
        out.drop(origin[k], text[k].replace("\f", "").strip(), drop[k])
    _rewrap(kept, out)
    return out.result()


def _rewrap(kept: list[tuple[str, int]], out: Builder) -> None:
    width = max((len(t) for t, _ in kept), default=0)
    words = " ".join(t for t, _ in kept)
    cur, cur_origin = None, 0
    for i, (t, o) in enumerate(kept):
        if cur is None:
            cur, cur_origin = t, o
        else:
            cur = _join(cur, t.strip(), words)
        nxt = kept[i + 1][0] if i + 1 < len(kept) else ""
        if not _continues(t, nxt, width):
            out.add(cur, cur_origin)
            cur = None
    if cur is not None:
        out.add(cur, cur_origin)


def _continues(line: str, nxt: str, width: int) -> bool:
    """Whether `line` was broken by the wrap (the next line's first word would not fit)."""
    if not line.strip() or not nxt.strip() or _BULLET.match(nxt):
        return False
    if re.search(r"[a-z]{2}-$", line) and nxt.strip()[:1].islower() and len(line) >= width - 15:
        return True
    first = nxt.split()[0]
    if len(line.rstrip()) + 1 + len(first) <= width:
        return False
    if _END.search(line) and len(nxt.split()) <= 4 and re.search(r"[,:]$", nxt.rstrip()):
        return False  # a sentence's end, then a closing or an introduction ('Sincerely,', 'Signed by:')
    return not (_END.search(line) and len(line.rstrip()) < width - 5)


def _join(a: str, b: str, words: str) -> str:
    m = re.search(r"(\w+)-$", a)
    if m and b[:1].islower():
        nxt = re.match(r"\w+", b)
        whole = m.group(1) + "-" + (nxt.group(0) if nxt else "")
        if words.count(whole) > 1:  # the text writes it with a hyphen elsewhere: a compound
            return a + b
        return a[:-1] + b
    return a.rstrip() + " " + b
