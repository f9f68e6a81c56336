"""TimeML export (clean.tml): the dated mentions as TIMEX3, read back by the same module."""

from __future__ import annotations

import datetime as dt

from compendium import timeml


def test_real_letter_tml_reads_back_as_its_dated_mentions(real):
    tml = (real.out / "clean.tml").read_text(encoding="utf-8")
    text, dct, timexes = timeml.loads(tml)
    assert text == real.clean
    assert dct.isoformat() == real.letter["date"] == "2014-09-10"
    dates = real.kind("date")
    assert [(t["start"], t["end"], t["text"], t["value"]) for t in timexes] == \
        [(int(m.start), int(m.end), m.text, m.value) for m in dates.itertuples()]
    assert len(timexes) == 9 and {t["type"] for t in timexes} == {"DATE"}


def test_intervals_fiscal_years_and_markup_in_the_text():
    text = 'Talks <ran> from 2 to 4 March 2017 & in FY2021; "now" 2009-2010.'
    mentions = [
        {"kind": "date", "start": 17, "end": 34, "value": "2017-03-02/2017-03-04"},
        {"kind": "person", "start": 0, "end": 5, "value": "x"},
        {"kind": "date", "start": 40, "end": 46, "value": "FY2021"},
        {"kind": "date", "start": 54, "end": 63, "value": "2009/2010"},
    ]
    tml = timeml.dumps(text, dt.date(2017, 3, 10), mentions, "a&b")
    assert '<TIMEX3 tid="t1" type="DURATION" value="P3D" comment="2017-03-02/2017-03-04">2 to 4 March 2017</TIMEX3>' in tml
    assert '<TIMEX3 tid="t2" type="DATE" value="2021" comment="FY2021">FY2021</TIMEX3>' in tml
    assert 'value="P2Y" comment="2009/2010">2009-2010</TIMEX3>' in tml
    back_text, dct, timexes = timeml.loads(tml)
    assert back_text == text and dct == dt.date(2017, 3, 10)
    assert [(t["text"], t["value"]) for t in timexes] == [("2 to 4 March 2017", "P3D"), ("FY2021", "2021"), ("2009-2010", "P2Y")]
    assert "<DOCID>a&amp;b</DOCID>" in tml
