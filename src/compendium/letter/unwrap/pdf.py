"""Text pulled out of a PDF: pages, running headers and footers, page numbers, letterheads,
hard wraps and words hyphenated at line ends.

Pages are split at form feeds (else after page-number lines: 'Page 2 of 3', '- 2 -', or bare
numbers counting the pages up). A line in the same place at the top or at the foot of two
pages or more, digits aside, is a running header or footer; so is a page's first line that
a sentence runs across. A page number at a page's top or foot is chrome, and so are the
first page's letterhead and a foot block of contact details or a legal notice
(letterhead.py). Pages are then joined, a page break inside a block (a paragraph, a
signatory's lines) joined again, and hard-wrapped lines rejoined where the typesetter
broke them, not where the writer did (rewrap.py). A word hyphenated at a line end is
rejoined without the hyphen unless the text writes it with one elsewhere."""

from __future__ import annotations

import re
from collections import Counter

from ..dates import parse_date_line
from ..patterns import chrome_reason
from . import letterhead
from .lines import Builder, Lines, Result
from .rewrap import BULLET, END, Page, is_item, is_person, rewrap, stands_alone


PAGE_NUMBER = re.compile(
    r"^(?:(?:page|p\.|pg\.?|seite|página|pagina|pág\.)\s*\d{1,4}(?:\s*(?:of|/|de|von|sur|di)\s*\d{1,4})?"
    r"|[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}\s*/\s*\d{1,4}|\d{1,4})$", re.I)


def _page_numbers(text: list[str]) -> list[int]:
    """Lines that number the pages: 'Page 2 of 3', '- 2 -', '2/3' anywhere; bare numbers
    only as a run counting the pages up (1, 2, … or 2, 3, …), each on a line of its own
    beside a blank line, a form feed or the text's end, the last near the end."""
    out = [k for k, ln in enumerate(text) if ln.strip() and PAGE_NUMBER.match(ln.strip())
           and not re.fullmatch(r"\d{1,4}", ln.strip())]
    bare = [k for k, ln in enumerate(text) if re.fullmatch(r"\d{1,3}", ln.replace("\f", "").strip())
            and (k == 0 or not text[k - 1].strip() or "\f" in ln or k + 1 == len(text) or not text[k + 1].strip()
                 or "\f" in text[k + 1])]
    values = [int(text[k].replace("\f", "").strip()) for k in bare]
    tail = [k for k, ln in enumerate(text) if ln.strip()][-3:]
    if len(values) >= 2 and values[0] in (1, 2) and values == list(range(values[0], values[0] + len(values))) \
            and bare[-1] in tail:
        out = sorted(out + bare)
    return out


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


def _slots(text: list[str], page: list[int], n: int = 2) -> dict[int, tuple[str, int]]:
    """The lines at a page's top and foot with their place there, page numbers aside:
    ('top', 0) is the first line, ('foot', 0) the last. A running header or footer holds
    the same place on every page it is printed on."""
    body = [k for k in page if text[k].replace("\f", "").strip() and not PAGE_NUMBER.match(text[k].replace("\f", "").strip())]
    out = {k: ("foot", i) for i, k in enumerate(reversed(body[-n:]))}
    out.update({k: ("top", i) for i, k in enumerate(body[:n])})
    return out


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.replace("\f", "").strip()).casefold()


def _lone_header(text: list[str], k: int) -> bool:
    """A page's first line that a header printed on one page only would be: short, no
    sentence, set apart by a blank line, carrying a date, number or separator as running
    headers do ('Joint letter – 2017-03', 'Ref. 12/2017 | Annex'), and not a date line."""
    line = text[k].replace("\f", "").strip()
    apart = k + 1 < len(text) and not text[k + 1].strip()
    return (apart and len(line) < 80 and not END.search(line) and bool(re.search(r"\d| [–|—-] ", line))
            and not parse_date_line(line) and not BULLET.match(line) and not chrome_reason(line))


_STRAY = re.compile(r"^[|'‘’`´¦¡:;,.]{1,2}$")


def _interrupts(last: str, top: str, second: str, width: int) -> bool:
    """A page's first line that a sentence runs across: the page before ends mid-sentence,
    the line after this one goes on with it in lower case, and this one does not: it
    begins in capitals, does not run on, and is not a full line of the paragraph (the next
    word would have fitted on it)."""
    last, top, second = (t.replace("\f", "").strip() for t in (last, top, second))
    return (bool(re.search(r"[\w,]$", last)) and not END.search(last) and second[:1].islower()
            and len(last) + 1 + len(second.split()[0]) > width
            and top[:1].isupper() and not BULLET.match(top) and not re.search(r"(?:[,;(–—-]|\b[a-z][\w'’]*)$", top)
            and len(top) + 1 + len(second.split()[0]) <= width)


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    if not is_pdf_text(text):
        return None
    pages = _pages(text)
    drop: dict[int, str] = {}
    slots = [_slots(text, p) for p in pages]
    seen = Counter((at, _key(text[k])) for sl in slots for k, at in sl.items())
    for p, sl in zip(pages, slots):
        for k in _edges(text, p):
            if PAGE_NUMBER.match(text[k].replace("\f", "").strip()):
                drop[k] = "page number"
            elif _STRAY.match(text[k].replace("\f", "").strip()):
                drop[k] = "a stray mark at the edge of a page"  # a scan's speck: the page break is read without it
            elif len(pages) >= 2 and k in sl and seen[(sl[k], _key(text[k]))] >= 2:
                drop[k] = "running header or footer, repeated on the pages"
    width = Page([t for t in text]).width
    for before, p in zip(pages, pages[1:]):
        lines = [k for k in p if text[k].replace("\f", "").strip() and k not in drop]
        last = next((text[k] for k in reversed(before) if text[k].replace("\f", "").strip() and k not in drop), "")
        if lines and (_lone_header(text, lines[0]) or len(lines) > 1 and lines[1] == lines[0] + 1
                      and _interrupts(last, text[lines[0]], text[lines[1]], width)):
            drop[lines[0]] = "running header at the top of a page"
    for n, p in enumerate(pages):
        left = [k for k in p if k not in drop]
        lines = [text[k].replace("\f", "") for k in left]
        for i in letterhead.top(lines) if n == 0 else []:
            drop[left[i]] = "letterhead: the sender's address and contact details"
        for i in letterhead.foot(lines):
            drop[left[i]] = "contact details or a legal notice at the foot of a page"
    bodies = []
    for p in pages:
        body = [(text[k].replace("\f", "").rstrip(), origin[k]) for k in p if k not in drop]
        while body and not body[0][0].strip():
            body.pop(0)
        while body and not body[-1][0].strip():
            body.pop()
        if body:
            bodies.append(body)
    page = Page([t for b in bodies for t, _ in b])
    # Paragraphs apart by blank lines: a page break after a paragraph's end keeps one.
    spaced = sum(1 for ln in text if not ln.strip()) * 6 >= len(text)
    kept: list[tuple[str, int]] = []
    texts: list[str] = []  # the kept lines' text
    every = [t for b in bodies for t, _ in b]
    at = 0  # where the current page begins in `every`
    for body in bodies:
        if kept and spaced and _ends_block(_near(texts, len(texts) - 1, -1)[::-1], _near(every, at, 1), page):
            kept.append(("", body[0][1]))  # the page ended a paragraph or a block
            texts.append("")
        kept += body
        texts += [t for t, _ in body]
        at += len(body)
    out = Builder()
    for k in sorted(drop):
        out.drop(origin[k], text[k].replace("\f", "").strip(), drop[k])
    for t, o in rewrap(kept, page):
        out.add(t, o)
    return out.result()


def _near(lines: list[str], start: int, step: int, n: int = 4) -> list[str]:
    """The lines of the first `n` blocks (blank lines between them) from `start` on, going
    by `step`: all `_ends_block` reads on either side of a break, so each break costs the
    lines near it, not the whole text."""
    seen, out, k = 0, [], start
    while 0 <= k < len(lines):
        t = lines[k]
        if t.strip() and (not out or not out[-1].strip()):
            seen += 1
            if seen > n:
                break
        out.append(t)
        k += step
    return out


def _blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines between blank lines."""
    out: list[list[str]] = [[]]
    for t in lines:
        if t.strip():
            out[-1].append(t)
        elif out[-1]:
            out.append([])
    return [b for b in out if b]


def _count(block: list[str], page: Page) -> int:
    """How many lines of the letter a block holds, its hard wraps rejoined."""
    return 1 + sum(1 for k in range(len(block) - 1)
                   if not page.wrapped(block[k], block[k + 1], after=block[k + 2] if k + 2 < len(block) else ""))


# A sentence's end, not an abbreviation's or a post-nominal's ('Inc.', 'M.P.H.', 'Jr.').
_SENTENCE = re.compile(r"(?:\b[a-z]{2,}[.!?]|[:;])[”\"’)]*$")


def _list_block(block: list[str]) -> bool:
    """A block of list items (names, titles, organizations), no sentence among them."""
    return all(is_item(t) and not _SENTENCE.search(re.sub(r"\s*\([^()]*\)$", "", t)) for t in block)


def _named(line: str) -> bool:
    """A line that begins with a person's name ('Daniel R. Feldstein, M.D.', 'Dr. Jane Roe')."""
    return is_person(re.split(r"\s*[,;(|–—]\s*", line.strip(), maxsplit=1)[0])


def _ends_block(before: list[str], after: list[str], page: Page) -> bool:
    """Whether a page break falls between two blocks (paragraphs, signatories) rather than
    inside one. A paragraph's end, a bullet or a line that stands alone after the break
    begins a block; two parts of list items no longer together than the longest block of
    list items around them (three blocks either side: how long a signatory's block is
    here) are one block; so are one item at a page's foot and a list of like items on the
    next page, a long list broken by the page, and a part below the break that does not
    begin with a name where the blocks around begin with a signatory's name; otherwise lines set apart by blank lines
    on either side of the break, or two blocks each no longer than the blocks around them,
    were apart across it."""
    last, nxt = before[-1], after[0]
    if page.wrapped(last, nxt, after=after[1] if len(after) > 1 else ""):
        return False
    if END.search(last) or BULLET.match(nxt) or stands_alone(nxt.strip()):
        return True
    prev, foll = _blocks(before), _blocks(after)
    above, below = prev[-1], foll[0]
    n_above, n_below = _count(above, page), _count(below, page)
    if not (_list_block(above) and _list_block(below)):
        return len(above) == 1 or len(below) == 1  # set apart by blank lines on either side
    near = [b for b in prev[-4:-1] + foll[1:4] if _list_block(b)]
    top = max((_count(b, page) for b in near), default=1)
    if n_above + n_below <= top:
        return False
    named = [b for b in near if len(b) >= 2]
    if len(named) >= 2 and all(_named(b[0]) for b in named) and _named(above[0]) and not _named(below[0]):
        return False  # the blocks here begin with a signatory's name; the part below the break does not
    if n_above == 1 and n_below >= 2 and "," not in last and not any("," in t for t in below):
        return False  # the first of a list of one-line items ('Geneva Call', 'Human Rights Watch', …)
    if n_above >= 2 and n_below >= 2:
        return max(n_above, n_below) <= top  # two blocks of this letter's length, not a long list broken
    return True
