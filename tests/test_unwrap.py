"""The unwrap stage: each container taken off, the letter's own lines kept with their raw
line numbers, and a plain page left exactly as it is."""

from __future__ import annotations

import pytest

from compendium.letter.clean import clean, normalise
from compendium.letter.unwrap import unwrap
from support import FIXTURE_FILES, FIXTURES, REAL_RAW

PLAIN = [*FIXTURE_FILES, REAL_RAW, *sorted((FIXTURES / "dev").glob("*.txt"))]


@pytest.mark.parametrize("path", PLAIN, ids=lambda p: p.stem)
def test_a_plain_page_is_left_as_it_is(path):
    from compendium.letter.clean import decode
    lines = normalise(decode(path.read_bytes())).split("\n")
    u = unwrap(lines)
    assert u.kinds == [] and u.lines == lines and u.origin == list(range(len(lines)))


def test_html_paragraphs_breaks_lists_and_entities():
    page = ('<div class="c">\n<p><strong>10&nbsp;September 2014</strong></p>\n<p>Dear Secretary Kerry,</p>\n'
            '<p>We write to urge you&rsquo;re acting &amp; more.</p>\n<ul>\n<li>First ask;</li>\n<li>Second</li>\n</ul>\n'
            '<p>Sincerely,</p>\n<p>Jane Doe<br />Director<br>\nFree the Slaves</p>\n</div>\n')
    u = unwrap(page.split("\n"))
    assert u.kinds == ["HTML"]
    text = [ln for ln in u.lines]
    assert text[:3] == ["10 September 2014", "", "Dear Secretary Kerry,"]
    assert "We write to urge you’re acting & more." in text
    assert "• First ask;" in text and "• Second" in text
    k = text.index("Jane Doe")
    assert text[k:k + 3] == ["Jane Doe", "Director", "Free the Slaves"]
    assert u.origin[k] == 9 and u.origin[k + 2] == 10  # raw lines, 0-based


def test_markdown_marks_are_read_as_text():
    page = ["# Joint letter", "", "**10 September 2014**", "", "Dear Secretary Kerry,", "",
            "> We write to *urge* you.", "", "Sincerely,", "", "- Jane Doe  ", "  Director  ",
            "  [Free the Slaves](https://example.org/fts)  "]
    u = unwrap(page)
    assert u.kinds == ["Markdown"]
    assert u.lines[0] == "Joint letter" and u.lines[2] == "10 September 2014"
    assert u.lines[6] == "We write to urge you."
    assert u.lines[10:13] == ["• Jane Doe", "  Director", "  Free the Slaves"]


def test_pdf_text_pages_headers_footers_hyphens_and_wraps():
    wrapped = ["We write to urge the Commission to undertake a promo-",
               "tional mission to the country before its parliament adopts",
               "the draft law, and to offer technical assistance to the new",
               "Government."]
    page1 = ["10 September 2014", "", "Dear Commissioners,", "", *wrapped[:2], "", "Page 1 of 3"]
    page2 = ["\fJoint letter – 2014", "", *wrapped[2:], "", "Sincerely,", "", "Page 2 of 3"]
    page3 = ["\fJoint letter – 2014", "", "Jane Doe", "", "Page 3 of 3"]
    u = unwrap(page1 + page2 + page3)
    assert u.kinds == ["PDF text"]
    joined = [ln for ln in u.lines if "promotional" in ln]
    assert joined == ["We write to urge the Commission to undertake a promotional mission to the country "
                      "before its parliament adopts the draft law, and to offer technical assistance to the new "
                      "Government."]
    assert not any("Page" in ln or "Joint letter" in ln for ln in u.lines)
    assert {r["text"] for r in u.removed} >= {"Page 1 of 3", "Page 3 of 3", "Joint letter – 2014"}
    assert "Jane Doe" in u.lines and "Sincerely," in u.lines


def test_a_forwarded_mail_keeps_the_letter_and_its_date():
    page = ["From: Tom <t@example.net>", "Sent: Fri Jun  9 10:15:07 CEST 2017", "Subject: Fwd: letter", "",
            "Colleagues, see below.", "", "---------- Forwarded message ---------",
            "From: Secretariat <s@example.org>", "Date: Thu Jun  8 09:00:00 CEST 2017", "Subject: letter", "",
            "> Dear Council members,", ">", "> We write to urge you to act.", ">", "> Sincerely,", ">", "> Jane Doe"]
    u = unwrap(page)
    assert u.kinds == ["e-mail"]
    assert u.lines[0] == "Dear Council members," and u.lines[-1] == "Jane Doe"
    assert u.date is not None and u.date[1].isoformat() == "2017-06-08" and u.date[0] == 8


@pytest.mark.parametrize("value, iso", [
    ("Tue, 17 Oct 2023 at 14:32", "2023-10-17"),
    ("Tue, Jun 17, 2025 at 9:42 AM", "2025-06-17"),
    ("Thu, 18 Nov 2021 15:02:41 +0000", "2021-11-18"),
])
def test_a_mail_clients_date_header_with_at_before_the_time_dates_the_message(value, iso):
    """Gmail writes 'Date: Tue, 17 Oct 2023 at 14:32' in a forwarded message: the 'at' and the
    time are not part of the date, which dates a letter that gives none of its own."""
    page = ["---------- Forwarded message ---------", "From: A <a@example.org>", f"Date: {value}",
            "Subject: letter", "", "Dear Minister,", "", "We write to urge you to act.", "", "Sincerely,", "", "Jane Doe"]
    u = unwrap(page)
    assert u.date is not None and u.date[1].isoformat() == iso and u.date[0] == 2


def test_a_memo_header_is_not_a_mail_header():
    page = ["MEMORANDUM", "TO: Interested Offices", "FROM: Jane Doe, Counsel", "DATE: November 6, 2017", "RE: x"]
    assert unwrap(page).kinds == []


def test_a_table_of_signatories_one_cell_a_line():
    page = ["Sincerely,", "", "Name | Title | Organization", "|---|---|---|", "| Jane Doe | Director | Free the Slaves |",
            "| John Roe | Chair | Front Line |"]
    page[2] = "| " + page[2] + " |"
    u = unwrap(page)
    assert u.kinds == ["table"]
    assert u.lines[2:] == ["Jane Doe", "Director", "Free the Slaves", "", "John Roe", "Chair", "Front Line"]
    assert u.origin[-1] == 5


def test_clean_reports_raw_line_numbers_through_a_container():
    page = ("<p>Home | News</p>\n<p>10 September 2014</p>\n<p>Dear Secretary Kerry,</p>\n"
            "<p>We write to urge you to support the resolution at the General Assembly this year.</p>\n"
            "<p>Sincerely,</p>\n<p>Jane Doe<br>\nExecutive Director<br>\nFree the Slaves</p>\n")
    c = clean(page)
    assert "Jane Doe\nExecutive Director\nFree the Slaves" in c.text
    lines = c.text.split("\n")
    assert c.raw_lines[lines.index("Free the Slaves")] == 8
    assert c.raw_lines[lines.index("10 September 2014")] == 2


def test_a_one_column_tables_header_is_the_tables_but_a_list_introduction_stays():
    page = ["Sincerely,", "Signatory", "Human Rights Watch", "Front Line Defenders"]
    u = unwrap(page)
    assert u.kinds == ["table"] and u.lines == ["Sincerely,", "Human Rights Watch", "Front Line Defenders"]
    assert u.removed[0]["line"] == 2
    assert unwrap(["Sincerely,", "Signatories:", "Human Rights Watch", "Front Line Defenders"]).kinds == []


def test_a_running_header_on_one_page_only():
    page1 = ["10 September 2014", "", "Dear Commissioners,", "", "We write to urge you to act now.", "", "Page 1 of 2"]
    page2 = ["\fJoint letter – 2014", "", "Sincerely,", "", "Jane Doe", "", "Page 2 of 2"]
    u = unwrap(page1 + page2)
    assert "Joint letter – 2014" not in u.lines and "Sincerely," in u.lines
    assert any(r["text"] == "Joint letter – 2014" and "running header" in r["reason"] for r in u.removed)


_LETTER = ["5 March 2025", "", "Dear President Adeyemi,", "", "We write to express our alarm at the suspension.", "",
           "Sincerely,", "", "Jane Doe, Professor, Northbridge University", "Omar Ali, Lecturer, Eastfield College"]


def test_a_list_posters_note_above_a_separator_is_the_messages():
    page = ["[list] Open letter", "", "Helena Marwick h.marwick at uni.example", "Thu Mar  6 14:02:11 UTC 2025",
            "", "    * Previous message: [list] CFP", "    * Messages sorted by: [ date ] [ thread ]", "",
            "Dear colleagues,", "", "Below is the letter as it was sent.", "", "Helena", "", "=====", "", *_LETTER]
    u = unwrap(page)
    assert u.kinds[0] == "e-mail"
    assert u.lines[0] == "5 March 2025" and "Dear colleagues," not in u.lines and "Helena" not in u.lines
    assert {r["reason"] for r in u.removed if r["text"] == "Dear colleagues,"} == {"e-mail: the poster's note above the letter"}


def test_a_reply_above_a_quoted_letter_and_the_senders_signature_are_the_messages():
    page = ["Sent to them this morning - final text below.", "", "Ruth", "",
            "On Fri, Apr 22, 2022 at 9:02 AM Tom <t@example.org> wrote:", *(f"> {ln}".rstrip() for ln in _LETTER),
            "", "--", "You received this message because you are subscribed to the Google Groups group.",
            "To unsubscribe from this group, send an email to x@googlegroups.com.", "", "Reply all", "Forward"]
    u = unwrap(page)
    assert u.lines[0] == "5 March 2025" and u.lines[-1] == "Omar Ali, Lecturer, Eastfield College"
    assert "Ruth" not in u.lines and "Reply all" not in u.lines


def test_the_sig_dash_signature_goes_and_the_signatories_above_it_stay():
    page = ["From: A <a@example.org>", "Date: Thu, 6 Mar 2025 14:02:11 +0000", "Subject: letter", "", *_LETTER, "",
            "-- ", "Rev. Miriam Clarke", "Coordinator | Churches for Refuge", "+44 20 5550 1190 | www.example.org"]
    u = unwrap(page)
    assert u.lines[-1] == "Omar Ali, Lecturer, Eastfield College"
    assert "Rev. Miriam Clarke" in {r["text"] for r in u.removed}


def test_a_tables_first_row_of_column_names_is_its_header_even_with_words_not_listed():
    page = ["Yours faithfully,", "", "Name\tPosition\tCompany", "Ingrid Vestergaard\tChief Executive Officer\tNordlys A/S",
            "Paolo Ferretti\tChair of the Board\tCasa Ferretti S.p.A.", "Jonas Ahlberg\tFounder\tAhlberg Coffee"]
    u = unwrap(page)
    assert "Company" not in u.lines and "Position" not in u.lines
    assert u.lines[2:5] == ["Ingrid Vestergaard", "Chief Executive Officer", "Nordlys A/S"]


def test_a_pipe_tables_row_above_its_rule_is_its_header():
    page = ["Sincerely,", "", "| Member | Office | Parliament |", "|---|---|---|", "| Jane Doe | Senator | Senate |",
            "| John Roe | Deputy | Chamber |", "| Ann Poe | Member | Assembly |"]
    u = unwrap(page)
    assert "Parliament" not in u.lines and "Office" not in u.lines and u.lines[2] == "Jane Doe"


def test_a_tables_row_numbers_and_place_column_are_not_signatories():
    page = ["Sincerely,", "", "| # | Organization | Country |", "|---|---|---|", "| 1 | Sabi Basin Alliance | Zambara |",
            "| 2 | Friends of the Rivers | Kenya |", "| 3 | Waterkeepers of the South | South Africa |"]
    u = unwrap(page)
    assert [ln for ln in u.lines if ln.strip()] == ["Sincerely,", "Sabi Basin Alliance", "Friends of the Rivers",
                                                     "Waterkeepers of the South"]
    assert {r["text"] for r in u.removed} >= {"Zambara", "Kenya", "South Africa"}


def test_the_innermost_subject_header_without_its_prefixes_is_kept_for_the_letter():
    page = ["From: Ruth <r@example.org>", "Date: Tue, Jun 17, 2025 at 11:05 AM", "Subject: Fwd: [unions] Joint letter",
            "", "Sharing the final version.", "", "---------- Forwarded message ---------",
            "From: Dolores <d@example.org>", "Date: Tue, Jun 17, 2025 at 9:42 AM",
            "Subject: RE: Joint letter on workplace heat standards", "", *_LETTER[2:]]
    u = unwrap(page)
    assert u.subject == "Joint letter on workplace heat standards"
    c = clean("\n".join(page) + "\n")
    assert c.header_subject == "Joint letter on workplace heat standards"


def test_a_letter_with_its_own_subject_line_keeps_it_over_the_mail_header():
    from compendium.process import parse_letter

    page = ["From: A <a@example.org>", "Date: Thu, 6 Mar 2025 14:02:11 +0000", "Subject: Fwd: the letter", "",
            "5 March 2025", "", "Re: Suspension of the Centre", "", *_LETTER[2:]]
    page[2] = "Subject: Fwd: Letter on the Centre's suspension"
    p = parse_letter(("\n".join(page) + "\n").encode(), "x", "x.txt")
    assert p.structure.subject.text == "Suspension of the Centre" and p.header_subject == "Letter on the Centre's suspension"
    bare = parse_letter(("\n".join(page[:4] + _LETTER) + "\n").encode(), "y", "y.txt")
    assert bare.structure.subject is None and bare.header_subject == "Letter on the Centre's suspension"


@pytest.mark.parametrize("value", ["Fwd: Joint letter", "Open letter", "(no subject)", "RE: [list] Letter"])
def test_a_subject_header_naming_only_the_kind_of_document_is_no_subject(value):
    page = ["From: A <a@example.org>", "Date: Thu, 6 Mar 2025 14:02:11 +0000", f"Subject: {value}", "", *_LETTER]
    assert unwrap(page).subject is None


def test_an_html_tables_rows_are_lines_of_one_block():
    page = ('<div>\n<p>Sincerely,</p>\n<table>\n<tr><td>Ana Lima</td><td>Karl Weiss</td></tr>\n'
            '<tr><td>Member of Parliament</td><td>Member of Parliament</td></tr>\n'
            '<tr><td>Ines Barros</td></tr>\n<tr><td>Member of Parliament</td></tr>\n</table>\n</div>\n')
    u = unwrap(page.split("\n"))
    k = u.lines.index("Ines Barros")
    assert u.lines[k + 1] == "Member of Parliament"  # a one-cell row under its name, not a block apart
    assert u.lines[k - 2].startswith("Ana Lima") and u.lines[k - 1].startswith("Member of Parliament")


def test_a_forwarded_article_is_not_dated_by_the_message_but_a_forwarded_letter_is():
    head = ["From: Tom <t@example.net>", "Date: Thu, 6 Mar 2025 14:02:11 +0000", "Subject: Fwd: article", ""]
    article = ["Scientists call for a pause", "", "More than 700 scientists have called on governments to pause",
               "the plans, in an open letter released on Tuesday.", "", "© 2025 The Daily Tide"]
    assert unwrap(head + article).date is None
    letter = ["Dear Ministers,", "", "We call on you to pause the plans.", "", "Sincerely,", "", "Jane Doe"]
    u = unwrap(head + letter)
    assert u.date is not None and u.date[1].isoformat() == "2025-03-06"


def test_two_stray_tab_rows_far_apart_add_no_blank_line_before_every_line_after_them():
    # hypothesis found it: ':\t:' above a letter and '0\t0' under it made the whole page a table,
    # and a blank line was put before every line after the first row
    from compendium.letter.unwrap import unwrap

    text = [":\t:", "Share this", "July 4, 2017", "", "Dear Sir,", "", "We urge you to act.", "", "Sincerely,", "",
            "Grace Liu", "Chair", "Lantern Rights Network", "Share this", "0\t0"]
    lines = unwrap(text).lines
    assert lines[lines.index("Grace Liu"):lines.index("Grace Liu") + 3] == ["Grace Liu", "Chair", "Lantern Rights Network"]
