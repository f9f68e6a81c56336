"""Margin line numbers: a draft, a bill or a pleading printed with each line numbered
(' 12   text'), numbering that counts up by one and starts again at 1 on a new page.

Recognised by the numbering itself: most of the text's lines carry a number in the margin
and successive numbers count up (or restart at 1). The numbers are taken off. Within the
numbered text, a line without a number is not the document's own (a watermark such as
'DRAFT – CONFIDENTIAL', a running header): it is dropped, unless it numbers the page,
which the PDF step reads to find the pages."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result
from .pdf import PAGE_NUMBER

# A list marker may stand before the number (a Markdown export of the draft): it is kept.
_NUMBERED = re.compile(r"^\s{0,6}(?P<mark>[-*+•]\s+)?(\d{1,4})(?:\s{2,}|\t+)(?=\S)")
_MIN_LINES = 8


def _numbered(text: list[str]) -> list[tuple[int, int]] | None:
    """(index, number) of the numbered lines, if the text is numbered in its margin."""
    hits = [(k, int(m.group(2))) for k, ln in enumerate(text) if (m := _NUMBERED.match(ln))]
    nonblank = sum(1 for ln in text if ln.strip())
    if len(hits) < _MIN_LINES or len(hits) * 10 < nonblank * 6:
        return None
    # A few lines may have lost their number (a list marker before it, a line joined to another).
    counting = sum(1 for (_, a), (_, b) in zip(hits, hits[1:]) if 0 < b - a <= 3 or b == 1)
    if counting * 10 < (len(hits) - 1) * 9:
        return None
    return hits


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    hits = _numbered(text)
    if hits is None:
        return None
    numbered = {k for k, _ in hits}
    first, last = hits[0][0], hits[-1][0]
    out = Builder()
    for k, ln in enumerate(text):
        if k in numbered:
            out.add(_NUMBERED.sub(lambda m: m.group("mark") or "", ln, count=1), origin[k])
        elif first < k < last and ln.strip() and not PAGE_NUMBER.match(ln.strip()):
            out.drop(origin[k], ln, "unnumbered line inside line-numbered text (a watermark or running header)")
        else:
            out.add(ln, origin[k])
    return out.result()
