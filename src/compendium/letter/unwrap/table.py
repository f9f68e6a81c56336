"""Tables: rows whose cells are separated by tabs, by pipes, or by runs of spaces under a
header row. Each cell is a field: it becomes a line of its own, rows apart from each
other, and a header row ('Name | Title | Organization') is the table's, not the letter's.

Runs of spaces alone are read as a table only under a header row: two columns of
signatures side by side are the structure step's to read."""

from __future__ import annotations

import re

from .lines import Builder, Lines, Result

_HEADER_WORDS = re.compile(r"^(?:names?|full name|titles?|positions?|roles?|functions?|organi[sz]ations?|"
                           r"affiliations?|institutions?|countr(?:y|ies)|signator(?:y|ies)|signed|field \d+|"
                           r"nom|cargo|organisme|organización|título|#|no\.?)$", re.I)
_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")
_SPACES = re.compile(r"\s{3,}")
_MARKER = re.compile(r"^(?:[•·▪◦‣*\-–o]|\(?\w{1,3}[.)])\t")  # a bullet or number before a tab: a list


def _cells(line: str, style: str) -> list[str]:
    s = line.strip()
    if style == "pipes":
        s = s.strip("|")
        return [c.strip() for c in s.split("|")]
    if style == "tabs":
        return [c.strip() for c in s.split("\t") if c.strip()] if "\t" in s else [s]
    return [c.strip() for c in _SPACES.split(s)]


def _style(text: list[str]) -> str | None:
    if sum(1 for ln in text if ln.strip().startswith("|") and ln.strip().endswith("|") and ln.count("|") >= 2) >= 2:
        return "pipes"
    if sum(1 for ln in text if _is_row(ln, "tabs") and len(_cells(ln, "tabs")) >= 2) >= 2:
        return "tabs"
    if any(_is_header(_cells(ln, "spaces")) for ln in text if _SPACES.search(ln.strip())):
        return "spaces"
    return None


def _is_header(cells: list[str]) -> bool:
    return len(cells) >= 1 and all(_HEADER_WORDS.match(c) for c in cells if c) and any(cells)


def _is_first_row_header(cells: list[str]) -> bool:
    """The table's first row, most of whose cells name a column ('Name | Position | Parliament',
    'Name, Position, Company'): short labels, no digits."""
    filled = [c for c in cells if c]
    return (len(filled) >= 2 and 2 * sum(1 for c in filled if _HEADER_WORDS.match(c)) >= len(filled)
            and all(len(c.split()) <= 3 and not re.search(r"\d", c) for c in filled))


_INDEX = re.compile(r"^(?:#|no\.?|n[º°o]|nr\.?)$", re.I)
# A column of places ('Country', 'País', 'City'): where a signatory is, a field the compendium
# does not record (a country written after the name, 'Diakonia (Sweden)', stays in the name).
_PLACE_HEADER = re.compile(r"^(?:countr(?:y|ies)|pa[íi]s(?:es)?|pays|land|location|city|ville|ciudad|cidade|region)$", re.I)


def _place_columns(text: list[str], style: str) -> set[int]:
    head = next((_cells(ln, style) for ln in text if _is_row(ln, style) and not _RULE.match(ln.strip())), [])
    return {i for i, c in enumerate(head) if _PLACE_HEADER.match(c)} if len(head) >= 2 else set()


def _index_columns(text: list[str], style: str) -> set[int]:
    """Columns that only number the rows: headed '#' or 'No.', or holding a number on every row."""
    rows = [_cells(ln, style) for ln in text if _is_row(ln, style) and not _RULE.match(ln.strip())]
    if len(rows) < 3 or style == "spaces":
        return set()
    width = max(len(r) for r in rows)
    if width < 2:
        return set()
    out = set()
    for c in range(width):
        col = [r[c] for r in rows if len(r) > c]
        body = col[1:] if col and (_INDEX.match(col[0]) or _is_header([col[0]])) else col
        if body and all(re.fullmatch(r"\d{1,4}[.)]?", x) for x in body) and (len(body) == len(col) or _INDEX.match(col[0])):
            out.add(c)
    return out


def _is_row(line: str, style: str) -> bool:
    s = line.strip()
    if style == "pipes":
        return s.startswith("|") and s.endswith("|") and len(s) > 1
    if style == "tabs":
        return "\t" in s and not _MARKER.match(s)
    return bool(_SPACES.search(s))


# A one-column table's header row: a singular column name on a line of its own, after a blank
# line, a closing or an introduction (a list's introduction is plural or ends in a colon:
# 'Signatories:', 'Signed by:').
_ONE_COLUMN = re.compile(r"^(?:signatory|name|organi[sz]ation|signature|signataire|firmante)$", re.I)


def _one_column_headers(text: list[str]) -> list[int]:
    return [k for k, ln in enumerate(text) if _ONE_COLUMN.match(ln.strip())
            and (k == 0 or not text[k - 1].strip() or text[k - 1].rstrip().endswith((",", ":"))) and k + 2 < len(text) and text[k + 1].strip()
            and text[k + 2].strip()]


def side_by_side(text: list[str]) -> list[tuple[int, int]]:
    """Signatures side by side, their columns set apart by tabs: blocks of two to six rows of as
    many cells each (a name row, a title row, an organization row), a blank line between blocks,
    two blocks or more and no header row; a tab-separated row alone stays as it is. A table of one signatory a row is one long block."""
    blocks: list[tuple[int, int]] = []
    k = 0
    while k < len(text):
        if not (_is_row(text[k], "tabs") and len(_cells(text[k], "tabs")) >= 2):
            k += 1
            continue
        end = k
        while end < len(text) and _is_row(text[end], "tabs") and len(_cells(text[end], "tabs")) >= 2:
            end += 1
        if end - k >= 2:  # a row alone ('Subject:<TAB>…') is a line of the letter's
            blocks.append((k, end))
        k = end
    if len(blocks) < 2 or any(not 2 <= b - a <= 6 or _is_first_row_header(_cells(text[a], "tabs"))
                              or len({len(_cells(t, "tabs")) for t in text[a:b]}) > 1 for a, b in blocks):
        return []
    return blocks


def _aligned(lines: Lines, blocks: list[tuple[int, int]]) -> Result:
    """Each block's rows with their cells padded into aligned columns, as the structure step
    reads signatures laid out side by side in text."""
    out = Builder()
    starts = {a: b for a, b in blocks}
    k = 0
    while k < len(lines):
        if k not in starts:
            out.add(lines.text[k], lines.origin[k])
            k += 1
            continue
        rows = [_cells(t, "tabs") for t in lines.text[k:starts[k]]]
        widths = [max(len(r[c]) for r in rows) + 4 for c in range(len(rows[0]))]
        for j, r in enumerate(rows):
            out.add("".join(c.ljust(w) for c, w in zip(r, widths)).rstrip(), lines.origin[k + j])
        k = starts[k]
    return out.result()


def unwrap(lines: Lines) -> Result | None:
    text, origin = lines.text, lines.origin
    style = _style(text)
    if style == "tabs" and (blocks := side_by_side(text)):
        return _aligned(lines, blocks)
    if style is None:
        heads = _one_column_headers(text)
        if not heads:
            return None
        out = Builder()
        for k, ln in enumerate(text):
            if k in heads:
                out.drop(origin[k], ln, "a one-column table's header row")
            else:
                out.add(ln, origin[k])
        return out.result()
    in_table = style != "spaces"
    rows: list[tuple[int, list[str]]] = []
    out = Builder()
    widths = [len(_cells(ln, style)) for ln in text if _is_row(ln, style)]
    blank_between = max(widths, default=1) > 1
    index = _index_columns(text, style)
    places = _place_columns(text, style) - index
    nxt_rule = {k for k in range(len(text) - 1) if _RULE.match(text[k + 1].strip()) and not _RULE.match(text[k].strip())}
    for k, ln in enumerate(text):
        if style == "spaces" and _SPACES.search(ln.strip()) and _is_header(_cells(ln, style)):
            in_table = True
            out.drop(origin[k], ln, "table header row")
            continue
        if in_table and _is_row(ln, style):
            cells = _cells(ln, style)
            if _RULE.match(ln.strip()):
                out.drop(origin[k], ln, "table rule")
                continue
            if _is_header(cells) or (not rows and (k in nxt_rule or _is_first_row_header(cells))):
                out.drop(origin[k], ln, "table header row")
                continue
            for i in sorted(places):
                if i < len(cells) and cells[i]:
                    out.drop(origin[k], cells[i], "a cell of the table's place column")
            cells = [c for i, c in enumerate(cells) if i not in index and i not in places]
            if blank_between and rows:
                out.blank(origin[k])
            for c in cells:
                if c:
                    out.add(c, origin[k])
            rows.append((k, cells))
            continue
        if style == "spaces" and in_table and not ln.strip():
            in_table = False
        if rows and rows[-1][0] == k - 1 and ln.strip() and blank_between:
            out.blank(origin[k])  # the line right after the table's last row is apart from it (not every line after)
        out.add(ln, origin[k])
    if not rows:
        return None
    return out.result()
