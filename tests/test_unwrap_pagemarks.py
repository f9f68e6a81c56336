"""The page stamps step: a running line carrying a page counter, and Bates numbers."""

from compendium.letter.unwrap import pagemarks, unwrap
from compendium.letter.unwrap.lines import Lines

FAX = "NOV-24-2025 15:42   FROM: A GROUP   +00 21 555 0192   P.{}/2"
FILED = "Case 2:25-cv-00417   Document 22-4   Filed 10/06/25   Page {} of 2"


def test_fax_header_handed_on_as_its_page_counter():
    text = [FAX.format(1), "", "Dear Senator,", "", "We write.", FAX.format(2), "", "Respectfully,", "", "A. Person"]
    res = pagemarks.unwrap(Lines(text, list(range(len(text)))))
    assert res.lines.text[0] == "Page 1 of 2" and res.lines.text[5] == "Page 2 of 2"
    assert res.lines.origin == list(range(len(text)))
    assert [d[0] for d in res.dropped] == [0, 5]


def test_bates_numbers_counting_up_are_dropped():
    text = [FILED.format(1), "Dear Sheriff:", "We write.", "PLTF-000217", FILED.format(2), "Sincerely,", "A. Person",
            "PLTF-000218"]
    res = pagemarks.unwrap(Lines(text, list(range(len(text)))))
    assert "PLTF-000217" not in res.lines.text and "PLTF-000218" not in res.lines.text
    assert [d[0] for d in res.dropped] == [0, 3, 4, 7]
    u = unwrap(text)
    assert "page stamps" in u.kinds and not any("Case 2:25" in ln or "Page" in ln for ln in u.lines)


def test_a_line_mentioning_a_page_once_or_a_lone_code_is_kept():
    text = ["Dear Sir,", "See the report, page 4 of 10, on costs.", "Ref. ABC-12345", "Yours,"]
    assert pagemarks.unwrap(Lines(text, list(range(len(text))))) is None


def test_bare_page_number_beside_a_running_footer():
    foot = "Committee: Long-term care inquiry"
    text = ["Dear Secretary,", "", "We write.", "", foot, "1", "", "We ask.", "", "Yours,", "", "A. Person", "", foot, "2"]
    res = pagemarks.unwrap(Lines(text, list(range(len(text)))))
    assert foot not in res.lines.text and res.lines.text.count("1") == 1 and res.lines.text[-1] == "2"
    assert [d[0] for d in res.dropped] == [4, 13]
    assert not any(ln in ("1", "2") for ln in unwrap(text).lines)  # the PDF step takes the numbers
