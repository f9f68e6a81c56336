"""Grid tables (`+---+---+`, pandoc's and Emacs's plain-text tables): unwrap/grid.py reads each
cell column by column, wrapped cell text joined, raw line numbers kept. Letters written for
these tests."""

from __future__ import annotations

from compendium.letter.unwrap import grid, unwrap
from compendium.letter.unwrap.lines import Lines
from compendium.process import parse_letter

GRID = """\
Kind regards,

+------------------------------+------------------------------+
| Anna Lindqvist               | Omar Haddad                  |
| Chair                        | Secretary                    |
| Coastal Fishers' Cooperative | North Shore Boat Owners      |
|                              | Association                  |
+------------------------------+------------------------------+
| Jo Park                      | Lena Brandt                  |
| Treasurer, Harbour Workers'  | Director                     |
| Mutual Aid Society           | Tidal Futures                |
+------------------------------+------------------------------+
"""


def test_columns_are_the_spans_between_a_rules_pluses():
    assert grid.columns("+---+-----+") == [(1, 4), (5, 10)]


def test_a_cells_wrapped_line_is_joined_and_a_short_line_is_not():
    parts = [("Treasurer, Harbour Workers'", 5), ("Mutual Aid Society", 6), ("Tidal Futures", 7)]
    # the first line is full (its next word would not fit in 30 columns): joined; the second is not
    assert grid.cell_lines(parts, 30) == [("Treasurer, Harbour Workers' Mutual Aid Society", 5), ("Tidal Futures", 7)]


def test_a_grid_table_reads_column_by_column_with_raw_lines():
    u = unwrap(GRID.splitlines())
    assert u.kinds == ["grid table"]
    kept = [(t, o) for t, o in zip(u.lines, u.origin) if t.strip()]
    assert kept[:5] == [("Kind regards,", 0), ("Anna Lindqvist", 3), ("Chair", 4),
                        ("Coastal Fishers' Cooperative", 5), ("Omar Haddad", 3)]
    assert ("North Shore Boat Owners Association", 5) in kept
    assert ("Treasurer, Harbour Workers' Mutual Aid Society", 9) in kept
    assert not any("+--" in t or "|" in t for t, _ in kept)


def test_no_grid_without_two_rules():
    lines = ["Dear Minister,", "", "| a | b |", "Yours,"]
    assert grid.unwrap(Lines(lines, list(range(4)))) is None


def test_a_letter_signed_in_a_grid_table():
    text = "4 March 2024\n\nDear Minister,\n\nWe ask you to meet us before the season opens.\n\n" + GRID
    sigs = parse_letter(text.encode("utf-8"), "letter", "letter.txt").signatories
    got = {(s.name, a.title, a.organization) for s in sigs for a in s.affiliations}
    assert ("Omar Haddad", "Secretary", "North Shore Boat Owners Association") in got
    assert ("Anna Lindqvist", "Chair", "Coastal Fishers' Cooperative") in got
    assert ("Lena Brandt", "Director", "Tidal Futures") in got
