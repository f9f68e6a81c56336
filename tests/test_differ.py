"""What a failed `make verify` prints: compendium.differ on tables, report pages,
notebooks and text (the build itself is exercised in test_reports.py)."""

from __future__ import annotations

import json

from compendium.differ import describe
from support import ROOT

REAL = "2014-09-10-kerry-unga-north-korea"
PROCESSED = ROOT / "data" / "processed" / REAL
PAGE = ROOT / "reports" / REAL / "timeline.html"


def test_a_table_names_each_changed_cell_with_a_count():
    old = (b"mention_id,kind,text,value\n6,person,President Barack Obama,Barack Obama\n"
           b"8,quote,\"probably the worst, in the world.\",Barack Obama\n23,crime,forced starvation,forced starvation\n")
    new = old.replace(b"Barack Obama", b"B. Obama").replace(b",forced starvation,", b",starvation,")
    assert describe("x/mentions.csv", old, new) == [
        "4 cell(s) differ in 3 row(s); all:",
        "  row 1 (mention_id=6), column text: committed 'President Barack Obama' → built 'President B. Obama'",
        "  row 1 (mention_id=6), column value: committed 'Barack Obama' → built 'B. Obama'",
        "  row 2 (mention_id=8), column value: committed 'Barack Obama' → built 'B. Obama'",
        "  row 3 (mention_id=23), column text: committed 'forced starvation' → built 'starvation'",
    ]


def test_a_table_shows_the_first_cells_only_and_counts_the_rest():
    old = "id,v\n" + "".join(f"{i},a\n" for i in range(30))
    new = "id,v\n" + "".join(f"{i},b\n" for i in range(30))
    lines = describe("t.csv", old.encode(), new.encode(), limit=5)
    assert lines[0] == "30 cell(s) differ in 30 row(s); first 5:"
    assert len(lines) == 6


def test_a_table_with_rows_or_columns_added_or_removed():
    lines = describe("t.csv", b"id,v\n1,a\n2,b\n", b"id,v,w\n1,a,x\n")
    assert "columns only in the built table: w" in lines
    assert "committed has 2 rows, built has 1" in lines
    assert "row 2: only in the committed table: '2,b'" in lines


def test_a_page_names_the_notebook_cell_and_diffs_its_visible_text():
    old = PAGE.read_text(encoding="utf-8")
    assert "President Barack Obama" in old
    new = old.replace("President Barack Obama", "President Obama", 1)
    lines = describe(f"{REAL}/timeline.html", old.encode(), new.encode())
    assert lines[0].startswith("notebooks/timeline.ipynb: output of cell ")
    assert "visible text (- committed, + built):" in lines
    assert any(x.startswith("  -") and "President Barack Obama" in x for x in lines)
    assert any(x.startswith("  +") and "President Obama" in x for x in lines)


def test_a_page_whose_figure_ids_changed_says_so():
    old = PAGE.read_text(encoding="utf-8")
    new = old.replace('id="xtick_1"', 'id="xtick_one"')
    lines = describe("timeline.html", old.encode(), new.encode())
    assert "figure element ids (- committed, + built):" in lines
    assert "  -xtick_1" in lines and "  +xtick_one" in lines


def test_a_page_that_differs_only_in_styles_says_where():
    old = PAGE.read_text(encoding="utf-8")
    # An attribute no reader sees (the style sheet itself lives in reports/assets/).
    assert 'class="' in old
    new = old.replace('class="', 'class="changed ', 1)
    lines = describe("timeline.html", old.encode(), new.encode())
    assert "the difference is in the markup or styles" in lines[-2]
    assert "first difference at byte" in lines[-1]


def test_a_notebook_names_the_cell_whose_output_changed():
    def nb(text):
        return json.dumps({"cells": [{"cell_type": "code", "id": "a", "source": "1", "outputs": []},
                                     {"cell_type": "code", "id": "b", "source": "print(x)",
                                      "outputs": [{"output_type": "stream", "name": "stdout", "text": text}]}]}).encode()
    lines = describe("x.ipynb", nb("14 signatories\n"), nb("13 signatories\n"))
    assert lines[0] == "cell 1 (b): output differs"
    assert "  -14 signatories" in " ".join(lines) and "  +13 signatories" in " ".join(lines)


def test_text_and_json_get_a_unified_diff():
    lines = describe("clean.txt", b"a\nb\nc\n", b"a\nB\nc\n")
    assert "  -b" in lines and "  +B" in lines
    lines = describe("letter.json", b'{"closing": "Sincerely,"}', b'{"closing": "Yours,"}')
    assert any('-' in x and "Sincerely," in x for x in lines) and any("Yours," in x for x in lines)


def test_equal_files_have_nothing_to_say():
    assert describe("t.csv", b"a\n", b"a\n") == []


def test_a_row_added_in_the_middle_is_one_row_not_every_later_row_changed():
    rows = [f"{i},value {i}" for i in range(1, 21)]
    old = "id,v\n" + "\n".join(rows) + "\n"
    new = "id,v\n" + "\n".join(rows[:5] + ["99,inserted"] + rows[5:]) + "\n"
    lines = describe("t.csv", old.encode(), new.encode())
    assert lines == ["committed has 20 rows, built has 21", "built row 6: only in the built table: '99,inserted'"]


def test_a_cell_longer_than_the_csv_modules_default_limit():
    long = "x" * 200_000
    lines = describe("t.csv", f"id,v\n1,{long}\n".encode(), f"id,v\n1,{long}y\n".encode())
    assert lines[0] == "1 cell(s) differ in 1 row(s); all:"
