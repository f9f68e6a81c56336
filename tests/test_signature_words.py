"""Signature lines: a count of further signatures in brackets, nursing degrees after a name, and
titles opened by a word that also names a unit ('Lead School Nurse', 'Group Head of …')."""

from __future__ import annotations

from compendium.letter.signatories.features import _strip_name, is_title
from compendium.process import parse_letter

LETTER = """\
3 March 2026

Dear Board members,

We ask the Board to restore full funding for the school nurse program.

Respectfully,

Ama Kessler, RN, BSN
Lead School Nurse, Brennan County Public Schools

Rui Amaral
Group Head of Responsible Sourcing, Verlaine Chocolatiers

(37 additional signatures)
"""


def test_nursing_degrees_are_post_nominals():
    assert _strip_name("Ama Kessler, RN, BSN") == ("", "Ama Kessler", "RN, BSN")


def test_a_title_opened_by_a_word_that_also_names_a_unit():
    assert is_title("Lead School Nurse") and is_title("Group Head of Responsible Sourcing")
    assert not is_title("School of Law") and not is_title("Group of Friends of the Earth")


def test_a_bracketed_count_of_further_signatures_is_no_signatory():
    p = parse_letter(LETTER.encode("utf-8"), "letter", "letter.txt")
    got = [(s.name, [(a.title, a.organization) for a in s.affiliations]) for s in p.signatories]
    assert got == [("Ama Kessler", [("Lead School Nurse", "Brennan County Public Schools")]),
                   ("Rui Amaral", [("Group Head of Responsible Sourcing", "Verlaine Chocolatiers")])]


def test_a_present_and_a_former_position_at_one_organization_are_two_affiliations():
    from compendium.letter.signatories.affiliations import _affiliations

    got = [(a.title, a.organization, a.former) for a in _affiliations(["Founder and former CEO, Sankofa Traders"])]
    assert got == [("Founder", "Sankofa Traders", False), ("CEO", "Sankofa Traders", True)]
    # 'and' between two present positions stays one title
    assert [a.title for a in _affiliations(["Founder and Director, Sankofa Traders"])] == ["Founder and Director"]


def test_page_lines_under_a_list_are_no_signers():
    from compendium.letter.signatories.labels import _page_line

    assert _page_line("© 2026 Migrant Workers Monitor. All rights reserved")
    assert _page_line("Share: Facebook | X | WhatsApp | E-mail")
    assert _page_line("Organisations wishing to add their name can write to letters@hdrc.example #KeepItOn")
    assert not _page_line("Centre for the Study of the Law of the Sea and of the Coast")  # long, but a name
    assert not _page_line("Amnesty International | Human Rights Watch")
    text = ("2 May 2026\n\nDear Minister,\n\nWe ask you to act.\n\nSigned:\nHarbour Rights Collective\nOpen Networks Initiative\n"
            "Organisations wishing to add their name can reply here or write to letters@example.org #KeepItOn\n")
    p = parse_letter(text.encode("utf-8"), "letter", "letter.txt")
    assert [s.written for s in p.signatories] == ["Harbour Rights Collective", "Open Networks Initiative"]
