"""Grid tables: the `+-----+-----+` tables pandoc and Emacs draw in plain text, signatures laid
out in columns, one block of rows between two rules per row of the table.

The '+' of a rule line mark where the columns part; a row's `|` lines hold each column's cell,
its text wrapped over as many lines as it needs. Each cell is read as the page shows it, column
by column within a row: its lines, a line the cell's width made the writer break joined to the
one before it, then a blank line before the next cell. The rules are the table's, not the
letter's."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result

_RULE = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
# A line that must go on: it ends on a comma, an ampersand or a small word.
_GOES_ON = re.compile(r"(?:,|&|\b(?:and|of|for|the|in|on|de|du|des|la|le|y|et|und|für))$", re.I)


def columns(rule: str) -> list[tuple[int, int]]:
    """The text span of each column between the '+' of a rule line."""
    plus = [m.start() for m in re.finditer(r"\+", rule)]
    return [(a + 1, b) for a, b in zip(plus, plus[1:])]


def _wrapped(prev: str, nxt: str, width: int) -> bool:
    """The writer broke prev because the cell was full (its next word would not fit in the
    span less its two padding spaces, with a few columns' slack), or prev cannot end there."""
    first = nxt.split()[0]
    return (len(prev) + 1 + len(first) > width - 5 or bool(_GOES_ON.search(prev))
            or nxt[:1].islower())


def cell_lines(parts: list[tuple[str, int]], width: int) -> list[tuple[str, int]]:
    """A cell's lines (text, raw line), wrapped lines joined: the first line's raw line kept."""
    out: list[tuple[str, int]] = []
    last = ""  # the raw line before: a joined line is no longer one the writer broke
    for text, origin in parts:
        if out and _wrapped(last, text, width):
            out[-1] = (f"{out[-1][0]} {text}", out[-1][1])
        else:
            out.append((text, origin))
        last = text
    return out


def _row_cells(rows: list[tuple[str, int]], spans: list[tuple[int, int]]) -> list[list[tuple[str, int]]]:
    cells: list[list[tuple[str, int]]] = [[] for _ in spans]
    for line, origin in rows:
        for k, (a, b) in enumerate(spans):
            text = line[a:b].strip().strip("|").strip()
            if text:
                cells[k].append((text, origin))
    return [cell_lines(c, b - a) for c, (a, b) in zip(cells, spans)]


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    if sum(1 for ln in text if _RULE.match(ln)) < 2:
        return None
    out = Builder()
    spans: list[tuple[int, int]] | None = None
    rows: list[tuple[str, int]] = []
    found = False
    for k, ln in enumerate(text):
        if _RULE.match(ln):
            if spans is not None and rows:
                for cell in _row_cells(rows, spans):
                    out.blank(origin[k])
                    for t, o in cell:
                        out.add(t, o)
                found = True
            spans, rows = columns(ln.rstrip()), []
            out.drop(origin[k], ln, "grid table rule")
            continue
        if spans is not None and _ROW.match(ln):
            rows.append((ln, origin[k]))
            continue
        if spans is not None and rows:
            out.add(*rows[0])  # rows that no rule closes are not a grid table's
            for r in rows[1:]:
                out.add(*r)
        spans, rows = None, []
        out.add(ln, origin[k])
    return out.result() if found else None
