"""Letter shapes beyond the gold-file fixtures, each checked against its own text."""

from __future__ import annotations

from compendium.letter import signatories, structure
from compendium.letter.clean import clean

# A short letter to which each test adds its signature block.
MINISTER = ("September 10, 2014\n\nDear Minister,\n\nWe urge you to act on this matter before the end of the month, "
            "as we have said.\n\nSincerely,\n\n")


def test_signed_by_with_the_list_on_the_same_line_and_two_salutations(letters):
    p = letters("sig-inline-signed-by-two-salutations.txt")
    assert p.letter["date"] == "2021-03-14"
    assert p.letter["subject"] == "Joint letter to the European Council on Belarus"
    assert p.letter["salutation"] == "Dear President Michel,\nDear Members of the European Council,"
    assert p.letter["closing"] == "" and p.letter["paragraph_count"] == 3
    assert list(p.signatories.written) == [
        "Amnesty International", "Article 19", "CIVICUS", "Front Line Defenders", "Human Rights House Foundation",
        "Reporters Without Borders", "Viasna Human Rights Centre."]
    assert list(p.affiliations.organization)[-1] == "Viasna Human Rights Centre"
    assert set(p.signatories.signatory_type) == {"organization"}


def test_e_signatures_and_a_title_salutation():
    text = ("September 10, 2014\n\nMr. Secretary:\n\nWe urge you to act on this matter before the end of the month, "
            "as we have said.\n\nSincerely,\n\n/s/ Jane Doe\nDirector\nLantern Rights Network\n\n/s/ John Roe\nChair\n"
            "Meridian Institute\n")
    st = structure.parse(clean(text).text)
    assert st.salutation.text == "Mr. Secretary:"
    sigs = signatories.parse(st.signature_lines)
    assert [(s.name, s.written, [(a.title, a.organization) for a in s.affiliations]) for s in sigs] == [
        ("Jane Doe", "Jane Doe", [("Director", "Lantern Rights Network")]),
        ("John Roe", "John Roe", [("Chair", "Meridian Institute")])]


def test_table_rows_of_people_and_dashes_between_fields():
    text = (MINISTER + "Jane Doe\tDirector\tFree the Slaves\nJohn Roe\tChair\tMeridian Institute\n"
            "Amara Whitfield     Professor of Law     Riverside University\n"
            "Priya Raman – Senior Fellow – Meridian Institute\n")
    sigs = signatories.parse(structure.parse(clean(text).text).signature_lines)
    assert [(s.name, [(a.title, a.organization) for a in s.affiliations]) for s in sigs] == [
        ("Jane Doe", [("Director", "Free the Slaves")]), ("John Roe", [("Chair", "Meridian Institute")]),
        ("Amara Whitfield", [("Professor of Law", "Riverside University")]),
        ("Priya Raman", [("Senior Fellow", "Meridian Institute")])]


def test_two_columns_with_a_blank_line_after_every_line_read_row_by_row():
    text = (MINISTER + "Jane Doe                    John Smith\n\n"
            "Member of Congress          Member of Congress\n\nAmara Whitfield             Tobias Engel\n\n"
            "Member of Congress          Member of Congress\n")
    sigs = signatories.parse(structure.parse(clean(text).text).signature_lines)
    assert [(s.signatory_id, s.name) for s in sigs] == [(1, "Jane Doe"), (2, "John Smith"), (3, "Amara Whitfield"),
                                                        (4, "Tobias Engel")]
    assert {(a.title, a.organization) for s in sigs for a in s.affiliations} == {("Member of Congress", "")}
