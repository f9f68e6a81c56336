"""Step 1: the block's lines as items, with exact offsets. Bullets and numbers are set aside,
columns flattened into one line by runs of spaces are read column by column, a one-line list of
organizations is split into one item each, and headings say what the items under them are;
blank lines between people make blocks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..lines import Line
from ..patterns import BULLET, INLINE_INTRO as _INLINE_INTRO, SIG_HEADING_ORGS, SIG_HEADING_PEOPLE, SIG_INTRO
from .features import _evidence, _tokens, is_org, is_title
from .vocabulary import _COLUMNS, _LEGAL_SUFFIX, _LIST_ENDING


def _sub(ln: Line, a: int, b: int, gap: int | None = None) -> Line:
    """The part ln.text[a:b] as a line of its own, offsets kept exact."""
    seg = ln.text[a:b]
    lead = len(seg) - len(seg.lstrip())
    seg = seg.strip()
    return Line(ln.start + a + lead, ln.start + a + lead + len(seg), seg, ln.gap_before if gap is None else gap)


_E_SIGNATURE = re.compile(r"^\s*/s/\s*", re.I)  # "/s/ Jane Doe": a signature on file (US filings)


def _debullet(ln: Line) -> Line:
    m = BULLET.match(ln.text) or _E_SIGNATURE.match(ln.text)
    if m and m.end() < len(ln.text):
        return _sub(ln, m.end(), len(ln.text))
    return ln


def _columns(lines: list[Line]) -> list[Line]:
    """Two or more columns flattened into lines by runs of spaces: read column by column."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        if not _COLUMNS.search(lines[i].text):
            out.append(lines[i])
            i += 1
            continue
        j = i
        rows = []
        # Consecutive lines in columns belong together, blank lines between them or not
        # (scraped pages often put a blank line after every line).
        while j < len(lines) and _COLUMNS.search(lines[j].text):
            cells = [(m.start(), m.end()) for m in re.finditer(r"\S+(?: {1,2}\S+)*", lines[j].text)]
            rows.append((lines[j], cells))
            j += 1
        if all(_evidence(ln.text[c[0][0]:c[0][1]]) and not _evidence(ln.text[c[1][0]:c[1][1]]) for ln, c in rows
               if len(c) >= 2) and any(len(c) >= 2 for _, c in rows):
            # A table whose rows are people ("Jane Doe    Director    Free the Slaves"): one line each.
            out.extend(ln for ln, _ in rows)
            i = j
            continue
        for group in _row_groups(rows):
            _read_columns(group, out)
        i = j
    return out


def _row_groups(rows: list) -> list[list]:
    """Rows of columns in groups set apart by blank lines (two people a row, a blank line after
    each pair); one group where every row has the same blank lines before it."""
    gaps = [ln.gap_before for ln, _ in rows[1:]]
    if not gaps or min(gaps) == max(gaps):
        return [rows]
    groups = [[rows[0]]]
    for row in rows[1:]:
        if row[0].gap_before > min(gaps):
            groups.append([])
        groups[-1].append(row)
    return groups


def _read_columns(rows: list, out: list[Line]) -> None:
    """One group of rows, read column by column: each column's first cell starts a block."""
    ncols = max(len(c) for _, c in rows)
    full = [c for _, c in rows if len(c) == ncols] or [c for _, c in rows]
    col_starts = [min(c[k][0] for c in full if len(c) > k) for k in range(ncols)]
    for col in range(ncols):
        first = True
        for ln, cells in rows:
            # each cell goes to the column whose start is nearest its own
            placed = [min(range(ncols), key=lambda k: abs(col_starts[k] - a)) for a, _ in cells]
            if col not in placed:
                continue
            cell = cells[placed.index(col)]
            out.append(_sub(ln, cell[0], cell[1], ln.gap_before if first and col == 0 else (2 if first else 0)))
            first = False


def _split_list(ln: Line, mode: str) -> list[Line] | None:
    """'Org A, Org B, Org C and Org D' on one line → one item each."""
    text = ln.text
    if mode == "person" or text.count(",") + text.count(";") < 1:
        return None
    sep = ";" if text.count(";") >= 2 else ","
    pieces = [(m.start(), m.end()) for m in re.finditer(rf"[^{sep}]+", text)]
    # The last piece may hold "… and X".
    items: list[tuple[int, int]] = []
    for a, b in pieces:
        seg = text[a:b]
        endings = list(_LIST_ENDING.finditer(seg))
        m = endings[-1] if endings else None  # the last "and" of the piece
        if (a, b) == pieces[-1] and m is not None and (m.start() == 0 or len(pieces) > 1):
            if m.start() > 0:
                items.append((a, a + m.start()))
            items.append((a + m.end(), b))
        else:
            items.append((a, b))
    items = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b - (len(text[a:b]) - len(text[a:b].rstrip())))
             for a, b in items if text[a:b].strip()]
    if not items:
        return None
    # "Inc.", "Ltd" belong to the name before them.
    merged: list[tuple[int, int]] = []
    for a, b in items:
        if merged and (_LEGAL_SUFFIX.match(text[a:b].strip(" .")) or _LEGAL_SUFFIX.match(text[a:b].strip())):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    if len(merged) < 3 and not (mode == "organization" and len(merged) >= 2):
        return None
    segs = [text[a:b] for a, b in merged]
    if len(segs) == 2 and not _LIST_ENDING.search(text) and not is_org(segs[1]) and len(_tokens(segs[1])) <= 2:
        return None  # "Union of Investigative Journalists, Cyprus": one organization and its country
    if _evidence(segs[0]) == 2 or is_title(segs[0]) or sum(is_title(s) for s in segs) >= 1:
        return None
    if not _LIST_ENDING.search(text) and mode != "organization":
        return None
    if mode != "organization":
        orgs = sum(1 for s in segs if is_org(s))
        # "Bureau of Democracy, Human Rights and Labor" is one name: a list is organizations throughout.
        if not (orgs == len(segs) or len(segs) >= 4 and orgs >= len(segs) - 1):
            return None
    return [_sub(ln, a, b, ln.gap_before if k == 0 else 0) for k, (a, b) in enumerate(merged)]


@dataclass
class _Item:
    line: Line
    mode: str  # "person", "organization" or "" (what the heading above says)


def _items(lines: list[Line], keep_headings: bool = False) -> list[_Item]:
    """The block's items; with `keep_headings`, its headings too (mode "heading"), so that every
    line has a place in the sequence whose line roles `roles` reads."""
    mode = ""
    out: list[_Item] = []
    lines = _columns([_debullet(ln) for ln in lines])
    for ln in lines:
        m = _INLINE_INTRO.match(ln.text)
        if m:
            # "Also endorsed by: A, B and C": the introduction and its list on one line
            rest = _sub(ln, m.end(), len(ln.text), 0)
            if keep_headings:
                out.append(_Item(_sub(ln, 0, m.end()), "heading"))
            mode = "organization" if not SIG_HEADING_PEOPLE.search(m.group(0)) else "person"
            for piece in _split_list(rest, mode) or [rest]:
                out.append(_Item(piece, mode))
            continue
        if _is_intro(ln.text):
            if SIG_HEADING_ORGS.search(ln.text):
                mode = "organization"
            elif SIG_HEADING_PEOPLE.search(ln.text):
                mode = "person"
            if keep_headings:
                out.append(_Item(ln, "heading"))
            continue
        ln = _debullet(ln)
        split = _split_list(ln, mode)
        for piece in split or [ln]:
            out.append(_Item(piece, "organization" if split else mode))  # a list split here lists organizations
    return out


_REMARK = re.compile(r"\s*\([^()]*\)(?=\s*:?\s*$)")  # "(export from the sign-on form)" before the colon


def _is_intro(text: str) -> bool:
    """The introduction of the signatures, a remark in brackets after it or not
    ('Signatories (export from the sign-on form):')."""
    return any(SIG_INTRO.match(t) or re.fullmatch(r"(?i)(?:signed|endorsed|supported)(?: by)?[:,]?", t)
               for t in (text, _REMARK.sub("", text)))


def _blocks(items: list[_Item]) -> list[list[_Item]]:
    """People separated by more blank lines than their own lines are: one block each.
    Without that structure, the whole list is one block and names start people."""
    if not items:
        return []
    gaps = [it.line.gap_before for it in items[1:]]
    if gaps and min(gaps) < max(gaps):
        inner = min(gaps)
        blocks: list[list[_Item]] = []
        for it in items:
            if not blocks or it.line.gap_before > inner or it.mode != blocks[-1][0].mode:
                blocks.append([it])
            else:
                blocks[-1].append(it)
        return blocks
    return [items]
