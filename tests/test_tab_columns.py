"""Signatures side by side with tabs between the columns (unwrap/table.py `side_by_side`), and an
organization's name wrapped under 'Title, Organization' (signatories/affiliations.py). Letters
written for these tests."""

from __future__ import annotations

from compendium.letter.unwrap import table, unwrap
from compendium.process import parse_letter

LETTER = (
    "2 May 2025\r\n\r\nSubject:\tLibrary opening hours\r\n\r\nDear Councillor,\r\n\r\n"
    "\tWe ask the council to keep the branch libraries open on Saturdays.\r\n\r\nKind regards,\r\n\r\n"
    "Mira Holt\t\t\tPeter Saar\r\n"
    "Chair, Federation of Reading\t\tSecretary\r\n"
    "Circles of Eastwick\t\tEastwick Library Friends\r\n\r\n"
    "Ana Ruiz\t\t\tJon Berg\r\n"
    "Owner, Ruiz Books\t\tPublisher, Berg Press\r\n")


def test_blocks_of_tab_rows_read_as_columns_a_row_alone_stays():
    lines = LETTER.splitlines()
    assert table.side_by_side(lines) == [(10, 13), (14, 16)]
    u = unwrap(lines)
    assert "Subject:\tLibrary opening hours" in u.lines  # not split into two cells
    k = u.lines.index("Mira Holt                       Peter Saar")
    assert u.origin[k] == 10
    assert u.lines[k + 1].startswith("Chair, Federation of Reading    Secretary")


def test_a_table_of_one_signatory_a_row_is_no_side_by_side_layout():
    rows = ["Name\tPosition\tOrganisation", "Ann Lee\tChair\tA Trust", "Bo Kim\tDirector\tB Fund",
            "Cy Ray\tTreasurer\tC Union"]
    assert table.side_by_side(rows) == []


def test_a_letter_signed_in_tab_columns():
    p = parse_letter(LETTER.encode("utf-8"), "letter", "letter.txt")
    assert p.structure.subject.text == "Library opening hours"
    got = [(s.name, [(a.title, a.organization) for a in s.affiliations]) for s in p.signatories]
    assert got == [("Mira Holt", [("Chair", "Federation of Reading Circles of Eastwick")]),
                   ("Peter Saar", [("Secretary", "Eastwick Library Friends")]),
                   ("Ana Ruiz", [("Owner", "Ruiz Books")]), ("Jon Berg", [("Publisher", "Berg Press")])]
