"""What differs between a committed output and a fresh build of it, for `make verify`.

`describe(path, committed, built)` returns a few lines a person can act on:

- a CSV table: the cells that changed (row, key, column, committed → built),
  the first `limit` of them with a count, and rows or columns added or removed;
- an HTML report: which notebook cells' output changed, a unified diff of the
  page's visible text and one of its figures' element ids (first `limit` lines each);
- a notebook (.ipynb): which cells' source or outputs changed;
- JSON: a unified diff of the pretty-printed documents; other text: a unified diff;
- anything else: the sizes and the first differing byte.

Only the standard library is used: verify may run where pandas is slow to import.
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import zipfile
from html.parser import HTMLParser

LIMIT = 10


def describe(path: str, committed: bytes, built: bytes, limit: int = LIMIT) -> list[str]:
    """Lines describing how `built` differs from `committed` (empty if they are equal)."""
    if committed == built:
        return []
    suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    try:
        if suffix == "csv":
            lines = _csv(committed.decode("utf-8"), built.decode("utf-8"), limit)
        elif suffix in ("html", "htm"):
            lines = _html(path, committed.decode("utf-8"), built.decode("utf-8"), limit)
        elif suffix == "ipynb":
            lines = _notebook(json.loads(committed), json.loads(built), limit)
        elif suffix == "json":
            lines = _unified(_pretty_json(committed), _pretty_json(built), limit, "the document")
        elif suffix in ("xlsx", "zip"):
            lines = _zip(committed, built, limit)
        else:
            lines = _unified(committed.decode("utf-8").splitlines(), built.decode("utf-8").splitlines(), limit, "the text")
    except (UnicodeDecodeError, ValueError, csv.Error, zipfile.BadZipFile):
        lines = []
    return lines or [_first_byte(committed, built)]


# --- tables -------------------------------------------------------------------------

def _rows(text: str) -> list[list[str]]:
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))  # a paragraph may exceed 128 KiB
    return list(csv.reader(io.StringIO(text, newline="")))


def _short(value: str, width: int = 70) -> str:
    r = repr(value)
    return r if len(r) <= width else r[: width - 4] + "…" + r[-1]


def _csv(old_text: str, new_text: str, limit: int) -> list[str]:
    old, new = _rows(old_text), _rows(new_text)
    if not old or not new:
        return [f"committed has {max(len(old) - 1, 0)} rows, built has {max(len(new) - 1, 0)}"]
    head_old, head_new = old[0], new[0]
    lines = []
    gone = [c for c in head_old if c not in head_new]
    added = [c for c in head_new if c not in head_old]
    if gone:
        lines.append(f"columns only in the committed table: {', '.join(gone)}")
    if added:
        lines.append(f"columns only in the built table: {', '.join(added)}")
    if [c for c in head_old if c in head_new] != [c for c in head_new if c in head_old]:
        lines.append(f"columns in another order: committed {head_old}, built {head_new}")
    common = [c for c in head_old if c in head_new]
    io_, in_ = {c: i for i, c in enumerate(head_old)}, {c: i for i, c in enumerate(head_new)}
    body_old, body_new = old[1:], new[1:]
    key = head_old[0]
    cells, rows_changed, only = [], 0, []

    def compare(r_old: int, r_new: int) -> None:
        nonlocal rows_changed
        a, b = body_old[r_old], body_new[r_new]
        changed = False
        for c in common:
            va = a[io_[c]] if io_[c] < len(a) else ""
            vb = b[in_[c]] if in_[c] < len(b) else ""
            if va != vb:
                changed = True
                where = f"row {r_old + 1}" if r_old == r_new else f"row {r_old + 1} (built row {r_new + 1})"
                cells.append(f"{where} ({key}={a[0] if a else ''}), column {c}: committed {_short(va)} → built {_short(vb)}")
        rows_changed += changed

    # Rows are aligned first, so that one row added or removed is reported as that, not as
    # every later row changed; rows replaced one for one are compared cell by cell.
    matcher = difflib.SequenceMatcher(None, [tuple(r) for r in body_old], [tuple(r) for r in body_new], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        for k in range(min(i2 - i1, j2 - j1)):
            compare(i1 + k, j1 + k)
        only += [f"row {i + 1}: only in the committed table: {_short(','.join(body_old[i]), 100)}"
                 for i in range(i1 + (j2 - j1), i2)]
        only += [f"built row {j + 1}: only in the built table: {_short(','.join(body_new[j]), 100)}"
                 for j in range(j1 + (i2 - i1), j2)]
    if len(body_old) != len(body_new):
        lines.append(f"committed has {len(body_old)} rows, built has {len(body_new)}")
    if cells:
        shown = f"first {limit}" if len(cells) > limit else "all"
        lines.append(f"{len(cells)} cell(s) differ in {rows_changed} row(s); {shown}:")
        lines += ["  " + c for c in cells[:limit]]
    if only:
        lines += only[:limit] + ([f"… and {len(only) - limit} more rows"] if len(only) > limit else [])
    return lines


# --- HTML reports -------------------------------------------------------------------

_CELL = re.compile(r'<div[^>]*\bclass="jp-Cell\b[^"]*"[^>]*\bid="cell-id=([^"]+)"')


class _Visible(HTMLParser):
    """The text a reader sees (not styles or scripts), one line per text chunk, and
    the ids of the elements inside each <svg> figure."""

    SKIP = {"style", "script", "head"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.ids: list[str] = []
        self._skip = 0
        self._svg = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIP:
            self._skip += 1
        if tag == "svg":
            self._svg += 1
        if self._svg:
            self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_startendtag(self, tag, attrs):
        if self._svg:
            self.ids += [v for k, v in attrs if k == "id" and v]

    def handle_endtag(self, tag):
        if tag in self.SKIP and self._skip:
            self._skip -= 1
        if tag == "svg" and self._svg:
            self._svg -= 1

    def handle_data(self, data):
        if not self._skip:
            t = " ".join(data.split())
            if t:
                self.text.append(t)


def _visible(html: str) -> _Visible:
    p = _Visible()
    p.feed(html)
    p.close()
    return p


def _cells(html: str) -> dict[str, str]:
    """Each notebook cell's HTML, by its id (the page's cells are in notebook order)."""
    marks = [(m.start(), m.group(1)) for m in _CELL.finditer(html)]
    return {cid: html[start : (marks[i + 1][0] if i + 1 < len(marks) else len(html))]
            for i, (start, cid) in enumerate(marks)}


def _notebook_name(path: str) -> str:
    name = path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"notebooks/{name}.ipynb"


def _html(path: str, old: str, new: str, limit: int) -> list[str]:
    lines = []
    cells_old, cells_new = _cells(old), _cells(new)
    if cells_old or cells_new:
        order = list(dict.fromkeys([*cells_old, *cells_new]))
        # Position in the stored notebook: the page's cells minus papermill's injected parameters.
        stored = [c for c in order if c != "injected-parameters"]
        changed = []
        for cid in order:
            if cells_old.get(cid) != cells_new.get(cid):
                where = ("the injected parameters" if cid == "injected-parameters"
                         else f"cell {stored.index(cid)} ({cid})")
                state = (" (only in the built page)" if cid not in cells_old else
                         " (only in the committed page)" if cid not in cells_new else "")
                changed.append(where + state)
        if changed:
            lines.append(f"{_notebook_name(path)}: output of {', '.join(changed)} differs")
    vo, vn = _visible(old), _visible(new)
    text = _unified(vo.text, vn.text, limit, "visible text")
    if text:
        lines.append("visible text (- committed, + built):")
        lines += text
    ids = _unified(vo.ids, vn.ids, limit, "figure ids")
    if ids:
        lines.append("figure element ids (- committed, + built):")
        lines += ids
    if not text and not ids:
        lines.append("same visible text and figure ids: the difference is in the markup or styles")
        lines.append(_first_byte(old.encode("utf-8"), new.encode("utf-8")))
    return lines


# --- notebooks, JSON, text, zip -----------------------------------------------------------

def _output_text(cell: dict) -> list[str]:
    out = []
    for o in cell.get("outputs", []):
        if "text" in o:
            out += "".join(o["text"]).splitlines()
        for mime, data in sorted(o.get("data", {}).items()):
            body = data if isinstance(data, str) else "".join(data) if isinstance(data, list) else json.dumps(data)
            out += [f"[{mime}] " + line for line in body.splitlines()]
        if o.get("output_type") == "error":
            out.append(f"[error] {o.get('ename')}: {o.get('evalue')}")
    return out


def _notebook(old: dict, new: dict, limit: int) -> list[str]:
    a, b = old.get("cells", []), new.get("cells", [])
    lines = []
    if len(a) != len(b):
        lines.append(f"committed has {len(a)} cells, built has {len(b)}")
    for i in range(min(len(a), len(b))):
        ca, cb = a[i], b[i]
        label = f"cell {i}" + (f" ({ca.get('id')})" if ca.get("id") else "")
        if "".join(ca.get("source", "")) != "".join(cb.get("source", "")):
            lines.append(f"{label}: source differs")
        oa, ob = _output_text(ca), _output_text(cb)
        if oa != ob:
            lines.append(f"{label}: output differs")
            lines += ["  " + d for d in _unified(oa, ob, limit, "the output")]
        elif ca.get("outputs") != cb.get("outputs"):
            lines.append(f"{label}: output metadata differs")
    return lines


def _pretty_json(data: bytes) -> list[str]:
    return json.dumps(json.loads(data), indent=1, sort_keys=True, ensure_ascii=False).splitlines()


def _unified(old: list[str], new: list[str], limit: int, what: str) -> list[str]:
    diff = [d for d in difflib.unified_diff(old, new, "committed", "built", n=1, lineterm="")][2:]
    if not diff:
        return []
    shown = diff[:limit]
    more = len(diff) - len(shown)
    return ["  " + d for d in shown] + ([f"  … and {more} more lines of this diff of {what}"] if more > 0 else [])


def _zip(old: bytes, new: bytes, limit: int) -> list[str]:
    za, zb = zipfile.ZipFile(io.BytesIO(old)), zipfile.ZipFile(io.BytesIO(new))
    na, nb = set(za.namelist()), set(zb.namelist())
    lines = [f"member only in the {side}: {n}" for side, names in (("committed file", na - nb), ("built file", nb - na))
             for n in sorted(names)]
    for n in sorted(na & nb):
        if za.read(n) != zb.read(n):
            lines.append(f"member {n} differs")
    return lines[:limit]


def _first_byte(old: bytes, new: bytes) -> str:
    i = next((k for k, (x, y) in enumerate(zip(old, new)) if x != y), min(len(old), len(new)))
    return (f"{len(old)} bytes committed, {len(new)} built; first difference at byte {i}: "
            f"committed {old[max(0, i - 20):i + 40]!r} / built {new[max(0, i - 20):i + 40]!r}")
