"""brat standoff export and import (brat.py)."""

from __future__ import annotations

import pytest

from compendium import brat
from support import FIXTURE_FILES


def test_real_letter_round_trip(real, check_brat):
    back = brat.loads(real.clean, real.ann)
    assert len(back) == len(real.mentions)
    check_brat(real)


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_fixture_round_trip(letters, path, check_brat):
    check_brat(letters(path.name))


def test_real_letter_ann_lines(real):
    lines = real.ann.splitlines()
    t_lines = [ln for ln in lines if ln.startswith("T")]
    notes = [ln for ln in lines if ln.startswith("#")]
    assert len(t_lines) == len(real.mentions)
    assert t_lines[0] == "T1\tDate 0 18\tSeptember 10, 2014"
    assert notes[0] == "#1\tAnnotatorNotes T1\t2014-09-10"
    # the Obama quote, with its source as the note
    quote = real.mentions[real.mentions.kind == "quote"].iloc[0]
    n = int(quote.mention_id)
    assert f"T{n}\tQuote {quote.start} {quote.end}\t{quote.text}" in lines
    assert f"#{n}\tAnnotatorNotes T{n}\tBarack Obama" in lines


def test_span_over_a_line_break_becomes_fragments(letters):
    p = letters("layout-hard-wrapped.txt")
    hrc = p.mentions[(p.mentions.kind == "organization") & (p.mentions.text == "UN Human Rights\nCouncil")].iloc[0]
    n = int(hrc.mention_id)
    line = next(ln for ln in p.ann.splitlines() if ln.startswith(f"T{n}\t"))
    cut = hrc.start + len("UN Human Rights")
    assert line == f"T{n}\tOrganization {hrc.start} {cut};{cut + 1} {hrc.end}\tUN Human Rights Council"


def test_dumps_loads_by_hand():
    text = "We urge the\nUN to act in April.\n"
    mentions = [
        {"kind": "ask", "start": 0, "end": 31, "value": ""},
        {"kind": "organization", "start": 12, "end": 14, "value": "United Nations"},
        {"kind": "date", "start": 22, "end": 30, "value": "2014-04"},
    ]
    ann = brat.dumps(text, mentions)
    assert ann.splitlines() == [
        "T1\tAsk 0 11;12 31\tWe urge the UN to act in April.",
        "T2\tOrganization 12 14\tUN",
        "#2\tAnnotatorNotes T2\tUnited Nations",
        "T3\tDate 22 30\tin April",
        "#3\tAnnotatorNotes T3\t2014-04",
    ]
    back = brat.loads(text, ann)
    assert back == [
        {"kind": "ask", "start": 0, "end": 31, "text": text[0:31], "value": ""},
        {"kind": "organization", "start": 12, "end": 14, "text": "UN", "value": "United Nations"},
        {"kind": "date", "start": 22, "end": 30, "text": "in April", "value": "2014-04"},
    ]
