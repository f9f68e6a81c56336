"""The parts of a letter (compendium.letter.structure): date line, addressee, subject, salutation,
body paragraphs, closing, signature lines and cc lines."""

from __future__ import annotations

import datetime as dt

import pytest

from compendium.letter import structure
from compendium.errors import InputError


# --- the real letter ---------------------------------------------------------------

def test_real_letter_header(real):
    j = real.letter
    assert j["date"] == "2014-09-10"
    assert j["addressee"] == ["Secretary of State John F. Kerry", "The State Department", "Washington DC"]
    assert j["subject"] == "United Nations General Assembly action on North Korea"
    assert j["salutation"] == "Dear Secretary Kerry,"
    assert j["closing"] == "Sincerely,"


def test_real_letter_has_nine_body_paragraphs(real):
    body = real.paragraphs[real.paragraphs.section == "body"]
    assert real.letter["paragraph_count"] == 9 == len(body)
    texts = list(body.text)
    assert texts[0].startswith("The undersigned organizations and individuals, comprising")
    assert texts[1].startswith("We write to request that you personally attend")
    assert texts[5].startswith("US government co-sponsorship of the draft resolution")
    assert texts[8].startswith("Strengthening the link between the Security Council")
    assert texts[8].endswith("We appreciate your work on these important efforts.")


def test_real_letter_sections_in_order(real):
    sections = list(real.paragraphs.section)
    # date line, addressee block, subject line, salutation; 9 paragraphs; closing; 14 signers; no cc
    assert sections == ["header"] * 4 + ["body"] * 9 + ["closing"] + ["signatures"] * 14
    header = list(real.paragraphs.text[:4])
    assert header[0] == "September 10, 2014"
    assert header[2] == "Re: United Nations General Assembly action on North Korea"


def test_real_letter_parse_offsets(real):
    st = structure.parse(real.clean)
    assert st.date == dt.date(2014, 9, 10)
    for span in [st.date_line, *st.addressee, st.subject, st.subject_line, st.salutation, *st.body, st.closing,
                 *st.signature_lines]:
        assert real.clean[span.start : span.end] == span.text
    assert st.subject.text == "United Nations General Assembly action on North Korea"
    assert st.signature_lines[0].text == "Morton Abramowitz"
    assert st.signature_lines[-1].text == "Liberty in North Korea"


# --- date lines ---------------------------------------------------------------------

@pytest.mark.parametrize("name, line", [
    ("date-day-month-year.txt", "10 September 2014"),
    ("date-sept-abbrev.txt", "Sept. 10, 2014"),
    ("date-iso.txt", "2014-09-10"),
])
def test_date_line_formats(letters, name, line):
    p = letters(name)
    assert p.letter["date"] == "2014-09-10"
    assert p.paragraphs.text[0] == line
    dates = p.kind("date")
    assert dates.text.iloc[0] == line and dates.value.iloc[0] == "2014-09-10"
    # The letter's own "later this month" resolves against the date line.
    later = dates[dates.text == "later this month"]
    assert list(later.value) == ["2014-09"]


@pytest.mark.parametrize("line, date", [
    ("September 10, 2014", dt.date(2014, 9, 10)),
    ("10 September 2014", dt.date(2014, 9, 10)),
    ("Sept. 10, 2014", dt.date(2014, 9, 10)),
    ("2014-09-10", dt.date(2014, 9, 10)),
    ("New York, 10 September 2014", dt.date(2014, 9, 10)),
    ("February 29, 2016", dt.date(2016, 2, 29)),
])
def test_parse_date_line(line, date):
    from compendium.letter.dates import parse_date_line

    assert parse_date_line(line) == date


@pytest.mark.parametrize("line, date", [
    ("Genève, le 3 mars 2022", dt.date(2022, 3, 3)),
    ("Paris, le 1er juillet 2019", dt.date(2019, 7, 1)),
    ("Madrid, 14 de octubre de 2021", dt.date(2021, 10, 14)),
    ("Brasília, 7 de novembro de 2022", dt.date(2022, 11, 7)),
    ("Berlin, den 5. Mai 2020", dt.date(2020, 5, 5)),
    ("3 März 2021", dt.date(2021, 3, 3)),
])
def test_parse_foreign_date_line(line, date):
    """A date line written in French, Spanish, Portuguese or German, the place and article
    before the day as each language writes them."""
    from compendium.letter.dates import find_timexes, parse_date_line

    assert parse_date_line(line) == date
    found = find_timexes(line, dt.date(2024, 1, 1))
    assert [t.value for t in found] == [date.isoformat()]


@pytest.mark.parametrize("line", [
    "February 30, 2014", "2014-13-01", "September 2014", "We met on September 10, 2014.", "Page 2014",
    "Publicado el 15 de octubre de 2021", "Genève, le 31 février 2022", "Berlin, den 5. Mai",
])
def test_not_a_date_line(line):
    from compendium.letter.dates import parse_date_line

    assert parse_date_line(line) is None


# --- subject, salutation, closing, cc ---------------------------------------------

def test_subject_line_and_respectfully(letters):
    p = letters("subject-respectfully.txt")
    assert p.letter["subject"] == "Forced returns of refugees to Caldora"
    assert p.letter["addressee"] == ["Ambassador Helen Marlowe",
                                     "Permanent Mission of the United Kingdom to the United Nations"]
    assert p.letter["salutation"] == "Dear Ambassador Marlowe,"
    assert p.letter["closing"] == "Respectfully,"
    assert p.letter["paragraph_count"] == 1
    assert list(p.signatories.name) == ["Chidi Obi"]


def test_re_line_with_excellency_salutation(letters):
    p = letters("sig-organizations-only.txt")
    assert p.letter["addressee"] == ["To the Members of the UN Security Council"]
    assert p.letter["subject"] == "Referral of the situation in Caldora"
    assert p.letter["salutation"] == "Your Excellency,"
    assert p.letter["paragraph_count"] == 2


def test_cc_lines_are_their_own_section(letters):
    p = letters("cc-lines.txt")
    cc = p.paragraphs[p.paragraphs.section == "cc"]
    assert list(cc.text) == [
        "cc: Ambassador Helen Marlowe, Permanent Representative of the United Kingdom to the United Nations",
        "cc: Ambassador Anders Lindqvist, Permanent Representative of Sweden to the United Nations",
    ]
    # cc'd people are not signatories
    assert list(p.signatories.name) == ["Grace Liu", "Chidi Obi"]


def test_thank_you_before_the_closing_stays_in_the_body(letters):
    p = letters("closing-after-thank-you.txt")
    assert p.letter["closing"] == "Sincerely,"
    body = list(p.paragraphs[p.paragraphs.section == "body"].text)
    assert body == ["We write to urge you to attend the pledging conference for Caldora in October.", "Thank you."]
    assert list(p.signatories.name) == ["Grace Liu"]
    assert list(p.signatories.signatory_type) == ["person"]


def test_hard_wrapped_paragraph_is_one_paragraph(letters):
    p = letters("layout-hard-wrapped.txt")
    body = p.paragraphs[p.paragraphs.section == "body"]
    assert len(body) == 1
    text = body.text.iloc[0]
    assert text.startswith("In March, President Tomas Varga")
    assert text.endswith("fact-finding mission to Caldora by the end of June.")
    assert text.count("\n") == 3


def test_lines_without_blank_lines_one_paragraph_each_when_sentences_end():
    text = ("September 10, 2014\nDear Minister,\nFirst paragraph ends here.\nSecond paragraph runs\n"
            "over two lines.\nThird.\nSincerely,\nGrace Liu\n")
    st = structure.parse(text)
    assert [b.text for b in st.body] == [
        "First paragraph ends here.", "Second paragraph runs\nover two lines.", "Third."]


def test_no_salutation_no_subject_addressee_is_first_block():
    text = "September 10, 2014\n\nMinister Lindqvist\nStockholm\n\nWe urge you to act.\n\nSincerely,\n\nGrace Liu\n"
    st = structure.parse(text)
    assert [a.text for a in st.addressee] == ["Minister Lindqvist", "Stockholm"]
    assert st.salutation is None
    assert [b.text for b in st.body] == ["We urge you to act."]


def test_structure_refusals():
    with pytest.raises(InputError, match="no date line"):
        structure.parse("Dear Minister,\n\nSincerely,\n\nGrace Liu\n", "x.txt")
    with pytest.raises(InputError, match="no signature block"):
        structure.parse("September 10, 2014\n\nDear Minister,\n\nWe urge you.\n", "x.txt")
    with pytest.raises(InputError, match="nothing after the closing"):
        structure.parse("September 10, 2014\n\nDear Minister,\n\nWe urge you.\n\nSincerely,\n", "x.txt")


def test_notes_after_the_signatures_are_notes_not_signatories(tmp_path):
    from compendium.letter.clean import clean

    raw = ("April 2, 2019\n\nDear Ambassador,\n\n"
           "We write to urge the Council to act on the annual report before the open debate this month.[1]\n\n"
           "Respectfully,\n\nGeneva Call\nHuman Rights Watch\n\nNotes\n"
           "[1] Figures compiled from UN country task force reporting for the previous year.\n\n"
           "Related Issues:\nPrivacy\nEncryption\n")
    text = clean(raw).text
    st = structure.parse(text)
    assert [ln.text for ln in st.signature_lines] == ["Geneva Call", "Human Rights Watch"]
    assert [n.text for n in st.notes] == ["Notes", "[1] Figures compiled from UN country task force reporting for the previous year."]
    assert "Related Issues:" not in text and "Encryption" not in text  # page chrome after the letter


def test_a_title_in_capitals_between_date_and_addressee_is_the_subject():
    text = ("14 July 2021\nASA 37/4412/2021\n\n"
            "JOINT OPEN LETTER: SRI LANKA MUST REPEAL THE PREVENTION OF TERRORISM ACT\n\n"
            "President Gotabaya Rajapaksa\nPresidential Secretariat\n\nYour Excellency,\n\n"
            "We, the undersigned organizations, write to urge your government to repeal the act now.\n\n"
            "Yours sincerely,\n\nAmnesty International\n")
    st = structure.parse(text)
    assert st.subject.text == "JOINT OPEN LETTER: SRI LANKA MUST REPEAL THE PREVENTION OF TERRORISM ACT"
    assert "President Gotabaya Rajapaksa" in [a.text for a in st.addressee]


def test_a_title_above_the_date_of_a_letter_without_salutation_is_not_a_paragraph():
    text = ("Open Letter to the Government of Nicaragua on the Confiscation of Universities\n"
            "29 August 2023\n\nTo President Daniel Ortega and Vice President Rosario Murillo\n\n"
            "We, the undersigned academics, write to express our alarm at the confiscation of the university.\n\n"
            "We call on the government to return the campus and all of its assets to the university.\n\n"
            "Signed,\n\nDr. James Whitcombe, Senior Lecturer, University of Glasgow\n")
    st = structure.parse(text)
    assert st.subject.text.startswith("Open Letter to the Government of Nicaragua")
    assert len(st.body) == 2
    assert [a.text for a in st.addressee] == ["To President Daniel Ortega and Vice President Rosario Murillo"]


@pytest.mark.parametrize("closing", ["Please accept, Excellency, the assurances of our highest consideration.",
                                     "With our thanks for your leadership,"])
def test_closings_of_diplomatic_and_thankful_letters(closing):
    text = ("Date: 14.09.2023\n\nExcellency,\n\nWe write to urge your delegation to support the resolution at this session.\n\n"
            f"{closing}\n\nMarta Kovač\nExecutive Director, Centre for Civic Initiatives\n\n"
            "P.S. A copy of this letter has been sent to the members of the committee.\n\n"
            "Annex: Provisions of concern\n- Article 2: the definition of foreign funding, which is far too broad.\n")
    from compendium.letter.clean import clean

    st = structure.parse(clean(text).text)
    assert st.closing_text == closing and len(st.body) == 1
    assert [ln.text for ln in st.signature_lines] == ["Marta Kovač", "Executive Director, Centre for Civic Initiatives"]
    assert [n.text for n in st.notes][0].startswith("P.S.") and st.notes[-1].text.startswith("- Article 2")


def test_review_cases_annex_of_signatories_and_a_court_of_appeal():
    st = structure.parse("14 July 2021\n\nDear Council,\n\nWe write to urge the council to act on the report this session.\n\n"
                         "Sincerely,\n\nAmnesty International\n\nAnnex: List of co-signing organisations\nHuman Rights Watch\nCIVICUS\n")
    assert [ln.text for ln in st.signature_lines][-2:] == ["Human Rights Watch", "CIVICUS"] and st.notes == []
    st = structure.parse("14 July 2021\n\nThe Judges of the Court of Appeal of Tanzania\n\nDear Judges,\n\n"
                         "We write to urge the court to hear the case of the detained lawyers soon.\n\nSincerely,\n\nJane Doe\n")
    assert st.subject is None and [a.text for a in st.addressee] == ["The Judges of the Court of Appeal of Tanzania"]


@pytest.mark.parametrize("line, closing", [("Yours in faith,", True), ("In hope and solidarity,", True),
                                           ("With hope and in shared service,", True),
                                           ("With respect and in hope,", True), ("With thanks and respect,", True),
                                           ("With respect to the draft, we ask", False),
                                           ("In hope we write to you again.", False), ("In faith", False)])
def test_closings_of_faith_and_solidarity(line, closing):
    from compendium.letter.patterns import CLOSING

    assert bool(CLOSING.match(line)) is closing


def test_a_press_release_about_a_letter_is_not_the_letter():
    # Dated, with running text and a contact block at its foot, but nobody is greeted, nothing
    # closes, no list of signers is introduced and no To:/From: says whom it is to: a page about a
    # letter. A memo with To:/From: lines and no greeting is still a letter.
    release = ("FOR IMMEDIATE RELEASE\nMonday 4 March 2024\n\nPRESS RELEASE\n\n"
               "Forty unions urge ministers to act on heat at work\n\n"
               "Forty trade unions today published a joint letter to the labour ministers of the region, "
               "asking for a legal maximum temperature in workplaces.\n\n"
               "The letter asks for inspections during heatwaves and paid breaks.\n\n"
               "MEDIA CONTACT\nRosa Lindqvist | press@unions.example | +46 8 555 0101\n")
    with pytest.raises(InputError, match="no salutation, closing, list of signatories or To:/From: lines"):
        structure.parse(release)
    memo = ("MEMORANDUM\nMarch 4, 2024\n\nTO: Labour ministers of the region\nFROM: Forty trade unions\n"
            "RE: Heat at work\n\nWe ask for a legal maximum temperature in workplaces and for inspections "
            "during heatwaves.\n\nSigned by:\nNordic Workers Union\nBaltic Transport Federation\n")
    st = structure.parse(memo)
    assert st.salutation is None and st.closing_text == ""


@pytest.mark.parametrize("salutation, closing", [
    ("Gentile Ministra,", "Cordiali saluti,"), ("Geachte leden van de raad,", "Met vriendelijke groet,"),
    ("Szanowni Państwo,", "Z poważaniem,"), ("Sehr geehrte Frau Ministerin,", "Mit freundlichen Grüßen,"),
])
def test_greetings_and_closings_in_other_languages(salutation, closing):
    text = (f"12 March 2024\n\n{salutation}\n\nWe write to ask you to protect the river banks from new building "
            f"and to publish the flood maps.\n\n{closing}\n\nAnna Keller\nDirector, River Trust\n")
    st = structure.parse(text)
    assert (st.salutation.text, st.closing_text) == (salutation, closing)


RE_LETTER = ("September 10, 2014\n\nMinister Lindqvist\nMinistry of Justice\n\nDear Minister Lindqvist,\n{RE}\n"
             "We urge you to act on the matter now. We ask for a meeting with you soon.\n\n"
             "A second paragraph of the letter, with more words in it.\n\nSincerely,\n\nGrace Liu\nChair\n")


@pytest.mark.parametrize("re_line, subject", [
    ("Re: Detention of Ana Ruiz\n", "Detention of Ana Ruiz"),  # right under the greeting, no blank line
    ("\nRe: Detention of Ana Ruiz, held since\n2013 without trial\n", "Detention of Ana Ruiz, held since\n2013 without trial"),
    ("\nOggetto: la detenzione di Ana Ruiz\n", "la detenzione di Ana Ruiz"),
    ("\nBetreft: de detentie van Ana Ruiz\n", "de detentie van Ana Ruiz"),
])
def test_a_labelled_subject_under_the_greeting_is_the_subject_and_no_paragraph(re_line, subject):
    from compendium.letter.clean import clean

    st = structure.parse(clean(RE_LETTER.replace("{RE}", re_line), "x").text, "x")
    assert st.subject.text == subject
    assert len(st.body) == 2 and st.body[0].text.startswith("We urge you")


def test_an_open_letter_title_in_another_language_under_the_addressee_is_the_subject():
    from compendium.letter.clean import clean

    text = ("Till regionstyrelsen i Region Västerhamra\n\nÖppet brev om bemanningen på akuten\n\n"
            "Vi som skriver är fackliga företrädare för personalen. Vi vill att ni agerar nu.\n\n"
            "Med vänliga hälsningar\n\nAnnika Berg, ordförande, Hälsofacket Norr\n\nNorrhamra den 16 januari 2024\n")
    st = structure.parse(clean(text, "x").text, "x")
    assert st.subject.text == "Öppet brev om bemanningen på akuten"
