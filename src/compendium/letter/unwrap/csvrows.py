"""Comma-separated rows under a header row: signatories pasted as a spreadsheet or sign-on form
export ('Timestamp,Full name,Title / role,Organisation'), read with the standard library's csv
module, so quoted cells keep their commas.

The header row is the table's, not the letter's. Of each row only the cells of columns whose
header names a signatory's field (a name, a title or role, an organization) are kept, each a
line of its own, rows apart from each other; a form's timestamps, e-mail addresses and choices
are the export's and are logged as dropped."""

from __future__ import annotations

import csv
import re

from .lines import Builder, Lines, Result

_FIELD = re.compile(r"\b(?:names?|titles?|roles?|positions?|functions?|organi[sz]ations?|affiliations?|"
                    r"institutions?|compan(?:y|ies)|employers?|signator(?:y|ies))\b", re.I)


_LONGEST = 2000  # a row of signatory fields is short; a paragraph is never read as one


def fields(line: str) -> list[str]:
    """The cells of one comma-separated line, quotes read as csv reads them; none for a blank or
    long line (the csv module's field limit is process-wide and a paragraph may pass it)."""
    if not line.strip() or len(line) > _LONGEST:
        return []
    try:
        return [c.strip() for c in next(csv.reader([line]))]
    except csv.Error:
        return []


def is_header(cells: list[str]) -> bool:
    """A header row: three or more short labels, no digits, one of them a signatory's field."""
    return (len(cells) >= 3 and all(c and len(c.split()) <= 4 and not re.search(r"\d", c) for c in cells)
            and any(_FIELD.search(c) for c in cells))


def tables(text: list[str]) -> list[tuple[int, int, list[int]]]:
    """(header line, end line, kept columns) of each header row with two or more rows of as many
    cells under it."""
    out = []
    k = 0
    while k < len(text):
        head = fields(text[k]) if "," in text[k] else []
        if not is_header(head):
            k += 1
            continue
        end = k + 1
        while end < len(text) and len(fields(text[end])) == len(head):
            end += 1
        if end - k >= 3:
            out.append((k, end, [i for i, c in enumerate(head) if _FIELD.search(c)]))
        k = end
    return out


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    found = tables(text)
    if not found:
        return None
    out = Builder()
    spans = {head: (end, keep) for head, end, keep in found}
    k = 0
    while k < len(text):
        if k not in spans:
            out.add(text[k], origin[k])
            k += 1
            continue
        end, keep = spans[k]
        out.drop(origin[k], text[k], "CSV header row")
        for j in range(k + 1, end):
            cells = fields(text[j])
            out.blank(origin[j])
            for i, c in enumerate(cells):
                if i in keep and c:
                    out.add(c, origin[j])
                elif c:
                    out.drop(origin[j], c, "a cell of a CSV column that is not a signatory's field")
        if end < len(text) and text[end].strip():
            out.blank(origin[end])
        k = end
    return out.result()
