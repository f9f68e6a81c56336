"""Text pulled out of a PDF: which line breaks the typesetter made (rejoined) and which the
writer made (kept), page breaks inside and between blocks, running headers and footers.
The letters here are written for these tests."""

from __future__ import annotations

from compendium.letter.unwrap import unwrap
from compendium.letter.unwrap.rewrap import Page, is_person
from support import fixture_path

W = 64  # the wrap width of the pages below


def _page(lines: list[str]) -> Page:
    return Page(lines + ["x" * W])  # a line of the full width fixes the page's width


def test_a_full_line_of_running_text_goes_on_and_a_short_one_ends():
    page = _page([])
    assert page.wrapped("We write to ask the Ministry to publish the draft regulation", "before the summer recess.")
    assert not page.wrapped("We write to ask the Ministry.", "It has not answered.")
    # a line ending a sentence short of the margin ends its paragraph; ';' does not
    assert not page.wrapped("The consultation closed in March and nothing has followed.", "Civil society groups")
    assert page.wrapped("Tomás Ferreira, Lecturer in Law, University of the Andes Coast;", "Fellow, Institute")


def test_a_full_signature_line_is_not_joined_to_the_next_item():
    page = _page([])
    # the line ends an item on a closing bracket
    assert not page.wrapped("Ilse Marwood, Advocacy Lead, Coastal Fisheries Network (CFN)", "Harbour Families Trust")
    # the next line begins with a person's name
    assert not page.wrapped("Professor of Maritime Law and Policy, University of Westhaven", "Rebecca Ashworth")
    assert not page.wrapped("Former Director, Northern Coastal Development Programme Office",
                            "Ambassador (ret.) Miguel Santos-Varela")
    # 'Name, …' under 'Name, …'
    assert not page.wrapped("Oskar Lindqvist, Programme Officer, on behalf of Fisheries Watch",
                            "Abena Osei-Darko, Campaigner, on behalf of Coastal Voices",
                            "Oskar Lindqvist, Programme Officer, on behalf of Fisheries Watch")
    # an organization and its country in brackets under another organization
    assert not page.wrapped("Friends of the Estuary – Initiative for Coastal Democracy Rights",
                            "Shore Keepers (Portugal)")


def test_a_wrapped_signature_line_is_rejoined():
    page = _page([])
    # the rest of an organization's name: not a person, whatever given names it holds
    assert page.wrapped("Rebecca Ashworth, Senior Associate for South America, Latin",
                        "America Fisheries Working Group")
    assert page.wrapped("Mateo Ruiz, Professor of Marine Biology, Universidad Católica de",
                        "Valparaíso")
    assert page.wrapped("Dr. Anya Petrova, Research Fellow, Institute for Ocean Policy and",
                        "Coastal Management (IOPCM)")
    assert not is_person("America Working Group") and is_person("Ambassador Miguel Santos-Varela")


def test_lines_that_stand_alone_are_not_joined_to_a_full_line_above():
    page = _page([])
    assert not page.wrapped("Joint appeal on the protection of small-scale fishing communities", "4 March 2025")
    assert not page.wrapped("Re: Protection of small-scale fishing communities in the new plan",
                            "Dear Commissioner Halvorsen,")
    assert not page.wrapped("To: Members of the Committee on Fisheries of the European Parliament",
                            "Cc: The Commissioner for Oceans and Fisheries")
    assert not page.wrapped("Oskar Lindqvist, Programme Officer, on behalf of Fisheries Watch 19",
                            "Also endorsed by: Harbour Families Trust, Shore Keepers")


def test_rows_of_columns_and_rows_of_a_table_stay_rows():
    rows = ["Name | Role | Organization", "Ines Barros | Chair | Fisheries Watch",
            "Karl Weiss | Treasurer, Finance and Audit Working Group for the | Shore",
            "Keepers", "Ana Lima | Member | Coastal Voices"]
    page = _page(rows)
    assert not page.wrapped(rows[1], rows[2])
    assert page.wrapped(rows[2] + " " * 0, rows[3], rows[2])  # a row's last cell wrapped
    assert not page.wrapped("Marta Kowalczyk                                 Peter Holm",
                            "Member of the European Parliament")


def test_a_heading_after_a_paragraphs_end_is_its_own_line():
    page = _page([])
    assert not page.wrapped("The ministry has given no reason for the delay in the programme.",
                            "Our requests", "1. Publish the draft regulation.")
    assert page.wrapped("The ministry has given no reason for the delay in the programme.",
                        "It has not met the fishers' associations since the spring of last year, and")


_BODY = ["We write about the plan for the coast, which the ministry has promised for three years",
         "and has not yet published; the fishing communities of the north cannot plan their",
         "season without it."]


def test_a_page_break_inside_a_signatorys_block_joins_it_and_between_blocks_keeps_them_apart():
    sig = ["Yours sincerely,", "",
           "Ines Barros", "Chair", "Fisheries Watch", "",
           "Karl Weiss", "Treasurer", "Shore Keepers", "",
           "Ana Lima", "Member", "Coastal Voices"]
    for cut in (4, 7):  # inside Ines Barros's block; between two blocks (the blank line lost at the page's foot)
        page1 = ["4 March 2025", "", "Dear Minister,", "", *_BODY, "", *sig[:cut], "", "Page 1 of 2"]
        page2 = ["\f" + sig[cut] if cut == 4 else "\f" + sig[cut + 1], *sig[cut + (1 if cut == 4 else 2):], "",
                 "Page 2 of 2"]
        u = unwrap(page1 + page2)
        k = u.lines.index("Ines Barros")
        assert u.lines[k:k + 3] == ["Ines Barros", "Chair", "Fisheries Watch"], cut
        assert u.lines[k + 3] == "" and u.lines[k + 4] == "Karl Weiss", cut


def test_a_running_header_holds_its_place_and_a_signatorys_line_at_two_page_edges_stays():
    page1 = ["4 March 2025", "", "Dear Minister,", "", *_BODY, "", "Yours sincerely,", "", "Page 1 of 3"]
    page2 = ["\fCoastal letter – 2025", "", "Ines Barros", "", "Director", "", "Fisheries Watch", "", "Page 2 of 3"]
    page3 = ["\fCoastal letter – 2025", "", "Director", "", "Shore Keepers", "", "Page 3 of 3"]
    u = unwrap(page1 + page2 + page3)
    assert "Coastal letter – 2025" not in u.lines
    assert u.lines.count("Director") == 2


def test_a_line_a_sentence_runs_across_at_a_pages_top_is_its_header():
    page1 = ["4 March 2025", "", "Dear Minister,", "",
             "We write about the plan for the coast, which the ministry has promised for",
             "three years and has not yet published; the fishing communities of the", "", "1"]
    page2 = ["\fNorthern Fishers' Alliance", "north cannot plan their season without it.", "", "Yours sincerely,", "",
             "Ines Barros", "", "2"]
    u = unwrap(page1 + page2)
    assert "Northern Fishers' Alliance" not in u.lines
    assert any("of the north cannot plan" in ln for ln in u.lines)


def test_a_letterhead_and_a_legal_footer_go_and_the_addressee_stays():
    page1 = ["Northern Fishers' Alliance", "Harbour House, 12 Quay Street, Westhaven WH2 4QT",
             "Tel: +44 1632 960 123 | office@fishers.example | www.fishers.example", "",
             "The Minister for the Marine", "Department of the Coast", "3 Dock Road", "Port Elder PE1 1AA", "",
             "4 March 2025", "", "Dear Minister,", "", *_BODY, "",
             "Northern Fishers' Alliance is a registered charity (no. 1234567)", "", "Page 1 of 2"]
    page2 = ["\fYours sincerely,", "", "Ines Barros", "Chair", "", "Page 2 of 2"]
    u = unwrap(page1 + page2)
    assert u.lines[0] == "Northern Fishers' Alliance"  # the sender's name stays
    assert not any("Quay Street" in ln or "Tel:" in ln or "registered charity" in ln for ln in u.lines)
    assert u.lines[u.lines.index("The Minister for the Marine"):][:4] == [
        "The Minister for the Marine", "Department of the Coast", "3 Dock Road", "Port Elder PE1 1AA"]
    reasons = {r["text"]: r["reason"] for r in u.removed}
    assert "letterhead" in reasons["Tel: +44 1632 960 123 | office@fishers.example | www.fishers.example"]
    assert "foot of a page" in reasons["Northern Fishers' Alliance is a registered charity (no. 1234567)"]


def test_a_signatorys_e_mail_at_the_foot_of_the_last_page_stays():
    page = ["4 March 2025", "", "Dear Minister,", "", *_BODY, "", "Yours sincerely,", "", "Page 1 of 2",
            "\fInes Barros", "Chair, Fisheries Watch", "ines@fisheries.example", "", "Page 2 of 2"]
    assert "ines@fisheries.example" in unwrap(page).lines


def test_bare_page_numbers_counting_up_are_page_numbers_and_a_lone_number_is_not():
    page1 = ["4 March 2025", "", "Dear Minister,", "", *_BODY, "", "1", ""]
    page2 = ["Yours sincerely,", "", "Ines Barros", "", "2"]
    u = unwrap(page1 + page2)
    assert u.kinds == ["PDF text"] and "1" not in u.lines and "2" not in u.lines
    plain = ["4 March 2025", "", "Dear Minister,", "", "We ask for 3 things:", "", "3", "", "Yours sincerely,"]
    assert unwrap(plain).kinds == []


def test_a_list_items_lines_hang_under_its_text_and_the_margin_begins_anew():
    page = _page([])
    item = "- ensure that the plan is published before the season opens in"
    line = "  the north, and that the fishing communities are heard by the"
    assert len(line) + len(" Ministry") > W
    assert page.wrapped(line, "  Ministry before it is adopted.", item + " " + line.strip())
    assert not page.wrapped(line, "Ministry officials will meet us in May.", item + " " + line.strip())


def test_lower_case_cc_lines_stand_alone_in_pdf_text():
    # Found by hypothesis (test_properties): a form feed under the letter made the page PDF text,
    # and two full-width "cc: …" lines were joined as one wrapped line.
    from compendium.letter.clean import clean

    letter = fixture_path("cc-lines.txt").read_text(encoding="utf-8")
    assert clean(letter.rstrip("\n") + "\n\x0c0\n").text == clean(letter).text
