"""The JSON document step: the HTML string that holds the letter, on the raw line that holds it."""

import json

from compendium.letter.unwrap import jsondoc, unwrap
from compendium.letter.unwrap.lines import Lines

BODY = "<p>1 May 2025</p>\n<p>Dear Members,</p>\n<p>We write&#8230;</p>\n<p>Signed,<br />\nA Union</p>\n"
DOC = json.dumps({"id": 7, "title": {"rendered": "A letter"}, "content": {"rendered": BODY}},
                 indent=2).replace("/", "\\/").split("\n")


def test_html_string_is_handed_on_with_its_raw_line():
    res = jsondoc.unwrap(Lines(DOC, list(range(len(DOC)))))
    at = next(k for k, ln in enumerate(DOC) if '"content"' in ln) + 1
    assert res.lines.text[0] == "<p>1 May 2025</p>"
    assert set(res.lines.origin) == {at}
    assert len(res.dropped) == len(DOC) - 1


def test_whole_stage_reads_the_letter_inside():
    u = unwrap(DOC)
    assert u.kinds[:2] == ["JSON document", "HTML"]
    assert u.lines[:3] == ["1 May 2025", "", "Dear Members,"]
    assert "A Union" in u.lines


def test_json_without_html_or_text_that_is_not_json_is_left_alone():
    plain = json.dumps({"a": "Dear Sir, we write."}, indent=1).split("\n")
    assert jsondoc.unwrap(Lines(plain, list(range(len(plain))))) is None
    assert jsondoc.unwrap(Lines(["{not json", "Dear Sir,"], [0, 1])) is None


def test_page_lines_around_the_document_are_dropped():
    page = ["Skip to content", *DOC, "© 2025 All rights reserved"]
    res = jsondoc.unwrap(Lines(page, list(range(len(page)))))
    assert res.lines.text[0] == "<p>1 May 2025</p>"
    assert {d[1] for d in res.dropped} >= {"Skip to content", "© 2025 All rights reserved"}
