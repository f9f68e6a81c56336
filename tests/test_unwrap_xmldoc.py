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
