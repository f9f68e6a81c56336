"""Signatories pasted as comma-separated rows under a header row (a spreadsheet or sign-on form
export): unwrap/csvrows.py. Letters written for these tests."""

from __future__ import annotations

from compendium.letter.unwrap import csvrows, unwrap
from compendium.process import parse_letter

LETTER = """\
12 June 2025

Dear Commissioner,

We ask the Commission to publish the fisheries audit before the summer recess.

Yours sincerely,

Email address,Name,Role,Organization,Submitted
a@example.org,Hanna Sjöberg,Director,"Coast, Reef and River Trust",2025-06-10
b@example.org,,,Blue Harbour Alliance,2025-06-11
c@example.org,Tomasz Wilk,,,2025-06-11
"""


def test_csv_fields_keep_quoted_commas():
    assert csvrows.fields('x,"Coast, Reef and River Trust",y') == ["x", "Coast, Reef and River Trust", "y"]


def test_a_header_row_names_a_signatorys_field_and_has_no_digits():
    assert csvrows.is_header(["Timestamp", "Full name", "Title / role", "Organisation"])
    assert not csvrows.is_header(["2025-06-10", "Hanna Sjöberg", "Trust"])
    assert not csvrows.is_header(["apples", "pears", "plums"])  # no signatory's field
    assert not csvrows.is_header(["Name", "Organization"])  # two commas' worth of prose is too little


def test_rows_become_their_field_cells_and_the_export_columns_are_dropped():
    u = unwrap(LETTER.splitlines())
    assert u.kinds == ["CSV rows"]
    tail = [(t, o) for t, o in zip(u.lines, u.origin) if t.strip()][-5:]
    assert tail == [("Hanna Sjöberg", 9), ("Director", 9), ("Coast, Reef and River Trust", 9),
                    ("Blue Harbour Alliance", 10), ("Tomasz Wilk", 11)]
    removed = [(r["line"], r["text"]) for r in u.removed]
    assert removed[:3] == [(9, "Email address,Name,Role,Organization,Submitted"), (10, "a@example.org"),
                           (10, "2025-06-10")]


def test_prose_with_commas_is_no_csv_table():
    lines = ["Name, title, and organization, please,", "we ask, as before, that you reply,", "soon, and in full."]
    assert csvrows.tables(lines) == []


def test_a_letter_signed_in_csv_rows():
    p = parse_letter(LETTER.encode("utf-8"), "letter", "letter.txt")
    got = [(s.signatory_type, s.written, [(a.title, a.organization) for a in s.affiliations if a.organization])
           for s in p.signatories]
    assert got == [("person", "Hanna Sjöberg", [("Director", "Coast, Reef and River Trust")]),
                   ("organization", "Blue Harbour Alliance", [("", "Blue Harbour Alliance")]),
                   ("person", "Tomasz Wilk", [])]


def test_a_long_paragraph_with_commas_is_no_row():
    para = "We ask, again, " * 20_000  # past the csv module's default field limit
    assert csvrows.fields(para) == []
    assert csvrows.tables(["Name,Title,Organization", para, para]) == []
