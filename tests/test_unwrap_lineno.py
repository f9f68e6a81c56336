"""The margin line numbers step: numbers taken off, unnumbered lines inside the numbering dropped."""

from compendium.letter.unwrap import lineno
from compendium.letter.unwrap.lines import Lines

PAGES = ["LETTERHEAD", "  1   May 2, 2026", "", "  2   Dear Chair:", "DRAFT – CONFIDENTIAL",
         "  3   We write to ask", "  4   for a hearing.", "Page 1 of 2", "DRAFT – CONFIDENTIAL",
         "  1   Thank you.", "", "  2   Sincerely,", "  3   Rep. A. Smith", "  4   Chair", "Page 2 of 2"]


def test_numbers_off_watermark_dropped_page_numbers_kept():
    res = lineno.unwrap(Lines(PAGES, list(range(len(PAGES)))))
    assert res.lines.text == ["LETTERHEAD", "May 2, 2026", "", "Dear Chair:", "We write to ask", "for a hearing.",
                              "Page 1 of 2", "Thank you.", "", "Sincerely,", "Rep. A. Smith", "Chair", "Page 2 of 2"]
    assert res.lines.origin[4] == 5
    assert [d[0] for d in res.dropped] == [4, 8]


def test_a_numbered_list_that_does_not_count_up_is_not_line_numbering():
    lines = [f"{n}   Signatory {n}" for n in (3, 9, 4, 12, 7, 30, 2, 8, 5, 11)]
    assert lineno.unwrap(Lines(lines, list(range(len(lines))))) is None


def test_a_few_numbered_lines_are_not_line_numbering():
    lines = ["Dear Sir,", "1   first", "2   second", "3   third", "Yours,"]
    assert lineno.unwrap(Lines(lines, list(range(len(lines))))) is None


def test_a_list_marker_before_the_number_is_kept_and_a_lost_number_tolerated():
    lines = ["1   May 2, 2026", "2   Dear Chair:", "3   We write to ask", "5   for a hearing.", "6   Sincerely,",
             "- 7   Rep. A. Smith", "  8   Chair", "- 9   Sen. B. Jones", "  10   Member"]
    res = lineno.unwrap(Lines(lines, list(range(len(lines)))))
    assert res.lines.text == ["May 2, 2026", "Dear Chair:", "We write to ask", "for a hearing.", "Sincerely,",
                              "- Rep. A. Smith", "Chair", "- Sen. B. Jones", "Member"]
