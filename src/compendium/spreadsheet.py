"""tables.xlsx: the processed CSV tables as one workbook a spreadsheet program opens safely.

The CSVs are the research data and stay faithful to the letter: a paragraph or
a signatory line that begins with `=`, `+`, `-`, `@`, a tab or a carriage
return is written as it is. A spreadsheet program that opens such a CSV may
take that cell for a formula ("CSV injection"). The workbook holds the same
cells, unchanged and unprefixed, with every text cell stored as a string
(`t="inlineStr"`) in a cell formatted as Text (number format `@`): nothing in
it is a formula, and a cell stays text when edited. Integer columns of the
schemas (ids, offsets) are stored as numbers so that they sort as numbers.

Written with the standard library (zipfile + XML), byte for byte the same on
every build: fixed member order and timestamps, no creation date or author.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from xml.sax.saxutils import escape

from .contract import TABLE_NAMES as SHEETS
from .contract import integer_columns

# Integer columns (compendium.contract): stored as numbers. Everything else is text.
NUMERIC = {name: set(integer_columns(name)) for name in SHEETS}
_INT = re.compile(r"-?\d{1,15}")
# Characters XML 1.0 cannot hold at all; a letter's text never has them after cleaning,
# but a table must not make an unreadable workbook: written as _xHHHH_ (the OOXML escape).
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_DATE = (1980, 1, 1, 0, 0, 0)

_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
{sheets}</Types>
"""
_ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>
"""
_WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>
{sheets}</sheets>
</workbook>
"""
_WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{sheets}<Relationship Id="rId{styles}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>
"""
# Style 0: default (numbers); style 1: Text (numFmtId 49, "@"); style 2: Text, bold (header row).
_STYLES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>
"""


def _col(n: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    name = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        name = chr(65 + r) + name
    return name


def _text(value: str) -> str:
    value = re.sub(r"_(x[0-9A-Fa-f]{4}_)", r"_x005F_\1", value)  # a literal "_x0041_" is not an escape
    value = _BAD_XML.sub(lambda m: f"_x{ord(m.group()):04X}_", value)
    return escape(value, {"\r": "&#13;", "\t": "&#9;", "\n": "&#10;"})


def _cell(ref: str, value: str, numeric: bool, style: int) -> str:
    if numeric and _INT.fullmatch(value):
        return f'<c r="{ref}"><v>{int(value)}</v></c>'
    if value == "":
        return ""
    # xml:space="preserve" keeps leading/trailing spaces, tabs and line breaks as they are.
    return f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{_text(value)}</t></is></c>'


def sheet_xml(csv_text: str, numeric: set[str]) -> str:
    # A paragraph may be longer than the csv module's default field limit (128 KiB).
    csv.field_size_limit(max(csv.field_size_limit(), len(csv_text) + 1))
    rows = list(csv.reader(io.StringIO(csv_text, newline="")))
    header = rows[0] if rows else []
    out = []
    for r, row in enumerate(rows, 1):
        cells = "".join(_cell(f"{_col(c)}{r}", v, r > 1 and header[c] in numeric, 2 if r == 1 else 1)
                        for c, v in enumerate(row))
        out.append(f'<row r="{r}">{cells}</row>')
    cols = "".join(f'<col min="{i}" max="{i}" width="{60 if name == "text" else 18}" style="1" customWidth="1"/>'
                   for i, name in enumerate(header, 1) if name not in numeric)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" '
            'state="frozen"/></sheetView></sheetViews>'
            + (f"<cols>{cols}</cols>" if cols else "")
            + "<sheetData>" + "".join(out) + "</sheetData></worksheet>\n")


def workbook(tables: dict[str, str]) -> bytes:
    """The .xlsx bytes for {table name (without .csv): CSV text}, one sheet per table, in SHEETS order."""
    names = [n for n in SHEETS if n in tables]
    members = {
        "[Content_Types].xml": _CONTENT_TYPES.format(sheets="".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            f'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\n'
            for i in range(1, len(names) + 1))),
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK.format(sheets="".join(
            f'<sheet name="{n}" sheetId="{i}" r:id="rId{i}"/>\n' for i, n in enumerate(names, 1))),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS.format(styles=len(names) + 1, sheets="".join(
            f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            f'worksheet" Target="worksheets/sheet{i}.xml"/>\n' for i in range(1, len(names) + 1))),
        "xl/styles.xml": _STYLES,
    }
    for i, n in enumerate(names, 1):
        members[f"xl/worksheets/sheet{i}.xml"] = sheet_xml(tables[n], NUMERIC.get(n, set()))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, text in members.items():
            info = zipfile.ZipInfo(name, date_time=_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3  # the same on every platform
            zf.writestr(info, text.encode("utf-8"), compresslevel=6)
    return buf.getvalue()


def read_cells(data: bytes) -> dict[str, list[list[str]]]:
    """The workbook's cells back as text, per sheet (for tests and checks): {sheet: rows}."""
    import xml.etree.ElementTree as ET

    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    zf = zipfile.ZipFile(io.BytesIO(data))
    wb = ET.fromstring(zf.read("xl/workbook.xml"))
    out = {}
    for i, sheet in enumerate(wb.find("m:sheets", ns), 1):
        root = ET.fromstring(zf.read(f"xl/worksheets/sheet{i}.xml"))
        rows = []
        for row in root.iter(f"{{{ns['m']}}}row"):
            cells: dict[int, str] = {}
            for c in row:
                col = re.match(r"[A-Z]+", c.get("r")).group()
                idx = 0
                for ch in col:
                    idx = idx * 26 + ord(ch) - 64
                t = c.find("m:is/m:t", ns)
                v = c.find("m:v", ns)
                text = (t.text or "") if t is not None else v.text if v is not None else ""
                cells[idx - 1] = re.sub(r"_x([0-9A-Fa-f]{4})_", lambda m: chr(int(m.group(1), 16)), text)
            rows.append([cells.get(k, "") for k in range(max(cells) + 1)] if cells else [])
        out[sheet.get("name")] = rows
    return out
