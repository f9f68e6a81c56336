"""Lines a printing or filing system stamps on every page: a fax machine's transmission
header ('NOV-24-2025 15:42  FROM: …  P.2/3'), a court's filing header ('Case 2:25-cv-00417
Document 22-4 Filed 10/06/25 Page 2 of 3'), a Bates number ('PLTF-000217').

Recognised by their own form, not their words: a line that carries a page counter ('Page 2
of 3', 'P.2/3') beside other text and recurs on the pages, digits aside, is a running line
that numbers the page; it is handed on as its page counter alone, so the PDF step splits
the pages there and drops it as a page number. So is a bare page number printed beside the
same running line on each page, the running line dropped. A Bates number is an identifier of letters
and a zero-padded number alone on a line, recurring with the number counting up: dropped."""

from __future__ import annotations

import re
from collections import Counter

from .lines import Lines, Result

_COUNTER = re.compile(r"\b(?:page|p\.|pg\.?|pp\.)\s*(\d{1,4})\s*(?:of|/)\s*(\d{1,4})\b", re.I)
_BATES = re.compile(r"^([A-Z][A-Z0-9]{1,11}[-_ ]?)(\d{5,10})$")


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", line.strip()).casefold()


def _bates(text: list[str]) -> set[int]:
    """Lines that are Bates numbers: one prefix, two or more, counting up."""
    hits = [(k, m.group(1), int(m.group(2))) for k, ln in enumerate(text) if (m := _BATES.match(ln.strip()))]
    out: set[int] = set()
    for prefix in {p for _, p, _ in hits}:
        run = [(k, n) for k, p, n in hits if p == prefix]
        if len(run) >= 2 and all(b > a for (_, a), (_, b) in zip(run, run[1:])):
            out |= {k for k, _ in run}
    return out


def _numbered_footers(text: list[str]) -> dict[int, int]:
    """{line: page} of bare page numbers printed beside a running line (a footer 'Committee:
    inquiry' over '1', then over '2'): the same line beside each, the numbers counting up
    from 1. The running line's own index maps to 0; the numbers are left for the PDF step."""
    bare = [k for k, ln in enumerate(text) if re.fullmatch(r"\d{1,3}", ln.strip())]
    beside: dict[str, list[tuple[int, int]]] = {}
    for k in bare:
        for j in (k - 1, k + 1):
            if 0 <= j < len(text) and text[j].strip() and not re.fullmatch(r"\d{1,3}", text[j].strip()):
                beside.setdefault(text[j].strip(), []).append((j, k))
    for run in beside.values():
        pages = [int(text[k].strip()) for _, k in run]
        if len(run) >= 2 and pages == list(range(1, len(run) + 1)):
            return {**{k: int(text[k].strip()) for _, k in run}, **{j: 0 for j, _ in run}}
    return {}


def unwrap(lines: Lines) -> Result | None:
    text = lines.text
    keys = Counter(_key(ln) for ln in text if ln.strip())
    out, dropped, changed = [], [], False
    bates = _bates(text)
    footers = _numbered_footers(text)
    for k, ln in enumerate(text):
        s = ln.strip()
        m = _COUNTER.search(s)
        if footers.get(k) == 0:
            dropped.append((lines.origin[k], ln, "running footer beside the page number"))
            changed = True
            continue
        if k in bates:
            dropped.append((lines.origin[k], ln, "Bates number stamped on the page"))
            changed = True
            continue
        if m and m.group(0) != s and keys[_key(s)] >= 2:
            dropped.append((lines.origin[k], ln, f"running line that numbers the page (page {m.group(1)} of {m.group(2)})"))
            out.append((f"Page {m.group(1)} of {m.group(2)}", lines.origin[k]))
            changed = True
            continue
        out.append((ln, lines.origin[k]))
    if not changed:
        return None
    return Result(Lines([t for t, _ in out], [o for _, o in out]), dropped)
