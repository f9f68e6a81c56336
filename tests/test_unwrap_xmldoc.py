"""The XML document step: text elements are lines, element-only elements blocks, metadata dropped."""

from compendium.letter.unwrap import unwrap, xmldoc
from compendium.letter.unwrap.lines import Lines

TEI = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><title>About the letter, 1 May 2025</title></fileDesc></teiHeader>
  <text><body><div type="letter">
    <opener>
      <dateline><placeName>Aldenburg</placeName>, <date when="2025-05-01">1 May 2025</date></dateline>
      <salute>Dear Director,</salute>
    </opener>
    <p>We write&#8230; about <date>closure</date> periods.</p>
    <p>We ask<lb/>you to act.</p>
    <closer>
      <salute>Yours,</salute>
      <signed><persName>Dr. A. Baum</persName>, <orgName>Archive Society</orgName></signed>
    </closer>
  </div></body></text>
</TEI>""".split("\n")


def test_lines_blocks_and_raw_lines():
    res = xmldoc.unwrap(Lines(TEI, list(range(len(TEI)))))
    assert res.lines.text == ["Aldenburg, 1 May 2025", "Dear Director,", "", "We write… about closure periods.", "",
                              "We ask", "you to act.", "", "Yours,", "Dr. A. Baum, Archive Society"]
    assert res.lines.origin[0] == 5 and res.lines.origin[-1] == 12
    assert any("teiHeader" in t for _, t, _ in res.dropped)  # the metadata header is the container's


def test_not_xml_or_not_well_formed_is_left_alone():
    assert xmldoc.unwrap(Lines(["Dear Sir,", "<p>text</p>"], [0, 1])) is None
    assert xmldoc.unwrap(Lines(['<?xml version="1.0"?>', "<a><b></a>"], [0, 1])) is None


def test_stage_names_the_container():
    assert unwrap(TEI).kinds == ["XML document"]


def test_page_lines_around_the_document_are_dropped():
    page = ["Skip to content", "Home › Letters", *TEI, "© 2025 All rights reserved"]
    res = xmldoc.unwrap(Lines(page, list(range(len(page)))))
    assert res.lines.text[0] == "Aldenburg, 1 May 2025" and res.lines.text[-1] == "Dr. A. Baum, Archive Society"
    assert {d[1] for d in res.dropped} >= {"Skip to content", "© 2025 All rights reserved"}


def test_a_document_inside_a_web_page_is_read_once_the_page_is_off():
    import html
    page = ["<div>", "<p>" + "<br>\n".join(html.escape(ln) for ln in TEI) + "</p>", "</div>"]
    u = unwrap(page)
    assert u.kinds[:2] == ["HTML", "XML document"]
    assert "Dr. A. Baum, Archive Society" in u.lines and not any("teiHeader" in ln for ln in u.lines)


def test_xhtml_is_left_to_the_html_step():
    page = ['<?xml version="1.0"?>', '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>',
            "<body><p>Dear Sir,</p><p>We write.</p></body></html>"]
    assert xmldoc.unwrap(Lines(page, [0, 1, 2])) is None
    assert unwrap(page).kinds[0] == "HTML"
