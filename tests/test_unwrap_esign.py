"""Conformed signatures: '/s/ Name' above the same name dropped, alone read as the name."""

from compendium.letter.unwrap import esign
from compendium.letter.unwrap.lines import Lines


def test_mark_above_its_name_dropped_and_lone_mark_read_as_name():
    text = ["Sincerely,", "", "/s/ Rosalind Achebe", "Rosalind Achebe", "Legal Director", "", "/S/ Theo Lowe",
            "Staff Attorney"]
    res = esign.unwrap(Lines(text, list(range(len(text)))))
    assert res.lines.text == ["Sincerely,", "", "Rosalind Achebe", "Legal Director", "", "Theo Lowe", "Staff Attorney"]
    assert res.lines.origin == [0, 1, 3, 4, 5, 6, 7]
    assert [d[0] for d in res.dropped] == [2]


def test_text_without_the_mark_is_left_alone():
    assert esign.unwrap(Lines(["and/or s/he signs", "Yours,"], [0, 1])) is None
