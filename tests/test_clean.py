"""Decoding, repair and the cut of the page chrome (compendium.letter.clean)."""

from __future__ import annotations

import pandas as pd
import pytest

from compendium.letter.clean import clean, decode, normalise
from compendium.errors import InputError
from compendium.process import process
from support import REAL_RAW, fixture_path

# The HRW page's chrome around the letter, as it stands in the raw file.
CHROME = {
    "Skip to main content": "navigation",
    "Your tax deductible gift can help stop human rights violations and save lives around the world.": "donation",
    "Region / Country": "navigation",
    "Most Viewed": "popular",
}


# --- the real letter ---------------------------------------------------------------

def test_real_letter_chrome_is_gone(real):
    for line in CHROME:
        assert line not in real.clean
    assert "Your tax deductible gift" not in real.clean


def test_real_letter_each_removed_line_is_recorded_with_its_reason(real, real_raw_text):
    removed = {r["text"]: r for r in real.letter["removed"]}
    assert set(removed) == set(CHROME)
    raw_lines = real_raw_text.split("\n")
    for text, word in CHROME.items():
        r = removed[text]
        assert raw_lines[r["line"] - 1].strip() == text  # the line number points at it
        assert word in r["reason"]
    assert "before the date line" in removed["Skip to main content"]["reason"]
    assert "after the signature block" in removed["Most Viewed"]["reason"]


def test_real_letter_runs_from_date_line_to_last_signature(real):
    assert real.clean.startswith("September 10, 2014\n")
    assert real.clean.endswith("Hannah Song\n\nExecutive Director\n\nLiberty in North Korea\n")


def test_real_letter_wording_is_unchanged(real, real_raw_text):
    """Every line of the letter is kept as written: only chrome and blank lines go."""
    raw = [ln.strip() for ln in real_raw_text.split("\n") if ln.strip() and ln.strip() not in CHROME]
    raw = [ln for ln in raw if ln.replace("\u00a0", "").strip()]  # lines of non-breaking spaces only
    kept = [ln for ln in real.clean.split("\n") if ln.strip()]
    assert kept == raw


def test_real_letter_keeps_its_typography(real):
    # Curly quotes, apostrophes and the em dash are the letter's own.
    assert "“probably the worst human rights violator in the world.”" in real.clean
    assert "the US government’s involvement" in real.clean
    assert "crucial for their success—in particular" in real.clean
    assert "\u00a0" not in real.clean


def test_clean_is_idempotent_on_the_real_letter(real):
    again = clean(real.clean)
    assert again.text == real.clean
    assert again.removed == []


# --- decode -------------------------------------------------------------------------

def test_decode_utf8_with_and_without_bom():
    text = "Caldora’s “camps” — Hélène"
    assert decode(text.encode("utf-8")) == text
    assert decode(b"\xef\xbb\xbf" + text.encode("utf-8")) == text


def test_decode_falls_back_to_cp1252():
    assert decode("Caldora’s “camps” — Hélène".encode("cp1252")) == "Caldora’s “camps” — Hélène"


def test_decode_refuses_bytes_neither_utf8_nor_cp1252():
    # 0x81 is undefined in cp1252 and invalid as a UTF-8 start byte.
    with pytest.raises(InputError) as err:
        decode(b"September 10, 2014\n\x81\x8d", where="letter.txt")
    assert err.value.where == "letter.txt"
    assert "offset 19" in err.value.problem


def test_decode_offset_counts_the_bom():
    with pytest.raises(InputError) as err:
        decode(b"\xef\xbb\xbfabc\x81", where="letter.txt")
    assert "offset 6" in err.value.problem  # 3 BOM bytes + "abc"


# --- normalise ----------------------------------------------------------------------

def test_normalise_line_endings_spaces_and_invisibles():
    assert normalise("a\r\nb\rc") == "a\nb\nc"
    assert normalise("Dear\u00a0Minister,\u00a0\u00a0 \nX") == "Dear Minister,\nX"
    assert normalise("Lind\u200bqvist\ufeff") == "Lindqvist"


def test_normalise_repairs_mojibake_but_keeps_curly_quotes():
    assert normalise("the UNâ€™s relief work") == "the UN’s relief work"
    assert normalise("HÃ©lÃ¨ne") == "Hélène"
    assert normalise("“re-education” ﬁeld") == "“re-education” ﬁeld"  # quotes and ligature kept


# --- encodings of the fixture letters --------------------------------------------

def test_cp1252_file_with_crlf(letters):
    raw = fixture_path("enc-cp1252.txt").read_bytes()
    assert b"\r\n" in raw and b"\x92" in raw  # cp1252 apostrophe, Windows line ends
    p = letters("enc-cp1252.txt")
    assert "\r" not in p.clean
    assert "Dear Minister Lefèvre," in p.clean
    assert "President Émile Duval — the camps’ “re-education” programme must end." in p.clean
    assert "José Ibáñez" in p.clean


def test_utf8_bom_file(letters):
    assert fixture_path("enc-utf8-bom.txt").read_bytes().startswith(b"\xef\xbb\xbf")
    p = letters("enc-utf8-bom.txt")
    assert p.clean.startswith("May 14, 2018\n")
    assert "\ufeff" not in p.clean
    assert p.letter["date"] == "2018-05-14"


def test_mojibake_file_is_repaired(letters):
    assert "â€™" in fixture_path("enc-mojibake.txt").read_text(encoding="utf-8")
    p = letters("enc-mojibake.txt")
    assert "â€" not in p.clean and "Ã" not in p.clean
    assert "fund the UN’s relief work for Caldora’s refugees — the agency’s emergency appeal" in p.clean
    assert "Hélène Moreau" in p.clean
    assert "Fédération des droits humains" in p.clean


# --- the span of the letter --------------------------------------------------------

LETTER = """September 10, 2014

Dear Minister Lindqvist,

We urge you to act.

Sincerely,

Grace Liu
Chair
Lantern Rights Network
"""


def test_header_chrome_and_fixture_footer_are_cut(letters):
    p = letters("sig-name-title-org.txt")
    removed = {r["text"]: r["reason"] for r in p.letter["removed"]}
    assert set(removed) == {"Skip to main content", "Share this", "Most Viewed"}
    assert "share buttons" in removed["Share this"]
    # The title line right above the date is the letter's own title, and its subject.
    assert p.clean.startswith("Joint letter on arbitrary detention in Caldora\n\nMarch 3, 2015\n")
    assert p.letter["subject"] == "Joint letter on arbitrary detention in Caldora"
    assert p.clean.endswith("Caldora Refugee Aid Society\n")


def test_chrome_inside_the_letter_is_cut_and_recorded():
    text = LETTER.replace("We urge you to act.\n", "We urge you to act.\n\nShare this\n\nWe thank you.\n")
    c = clean(text)
    assert "Share this" not in c.text
    assert "We urge you to act." in c.text and "We thank you." in c.text
    assert c.removed == [{"line": 7, "text": "Share this", "reason": "page chrome inside the letter (share buttons)"}]


def test_footer_sentence_after_signatures_is_cut():
    footer = "Lantern Rights Network is an independent organization working for justice in Caldora."
    c = clean(LETTER + "\n" + footer + "\n")
    assert footer not in c.text
    assert c.text.endswith("Lantern Rights Network\n")
    assert c.removed[0]["text"] == footer


def test_a_signature_line_ending_in_an_abbreviation_is_not_page_footer(tmp_path):
    text = REAL_RAW.read_text(encoding="utf-8").replace(
        "Senior Fellow\n", "Senior Fellow, The Century Foundation, New York and Washington, D.C.\n", 1)
    raw = tmp_path / "dc-letter.txt"
    raw.write_text(text, encoding="utf-8")
    out = process(raw, tmp_path / "out", warn=lambda m: None)
    assert len(pd.read_csv(out / "signatories.csv")) == 14


def test_cc_lines_are_kept_and_chrome_after_them_cut(letters):
    p = letters("cc-lines.txt")
    assert p.clean.endswith(
        "cc: Ambassador Helen Marlowe, Permanent Representative of the United Kingdom to the United Nations\n"
        "cc: Ambassador Anders Lindqvist, Permanent Representative of Sweden to the United Nations\n")
    removed = {r["text"]: r["reason"] for r in p.letter["removed"]}
    assert "subscription prompt" in removed["Subscribe to our newsletter"]
    assert "site footer" in removed["© 2017 Lantern Rights Network. All rights reserved."]


def test_no_date_line_is_refused():
    with pytest.raises(InputError) as err:
        clean(LETTER.replace("September 10, 2014", "Last week"), where="x.txt")
    assert err.value.where == "x.txt" and "no date line" in err.value.problem


def test_no_closing_and_nothing_after_the_body_is_refused():
    text = LETTER.split("Sincerely,")[0] + "Share this\nMost Viewed\n"
    with pytest.raises(InputError) as err:
        clean(text, where="x.txt")
    assert "no signature block" in err.value.problem


def test_signatures_right_after_the_body_without_a_closing():
    c = clean(LETTER.replace("Sincerely,\n", ""), where="x.txt")
    assert c.text.endswith("Grace Liu\nChair\nLantern Rights Network\n")


def test_closing_followed_only_by_chrome_is_refused():
    text = LETTER.split("Grace Liu")[0] + "Share this\nMost Viewed\n"
    with pytest.raises(InputError) as err:
        clean(text, where="x.txt")
    assert "no signature block" in err.value.problem


@pytest.mark.parametrize("line", ["Show all 1,284 signatures", "Latest signatures",
                                  "Paulo Ferreira, Universidade de Lisboa – 2 hours ago", "Sur le même thème",
                                  "Mots-clés : Algérie, Union européenne", "Etiquetas: CIDH, Defensores ambientales",
                                  "Noticias relacionadas", "Suscríbete a nuestro boletín", "Partager",
                                  "Publié le 26 janvier 2022", "Related Issues:",
                                  "Teilen:", "Partager cet article :", "Compartilhe:", "Compartir en: Facebook | Twitter | Correo",
                                  "E-Mail", "Mastodon", "Drucken | Teilen | PDF herunterladen",
                                  "Download the letter as PDF · Back to all letters"])
def test_page_widgets_in_several_languages_are_chrome(line):
    from compendium.letter.patterns import chrome_reason

    assert chrome_reason(line)


@pytest.mark.parametrize("line", ["Back to basics: a plan for the region", "E-mail: info@example.org",
                                  "Share the burden fairly", "Compartir la carga"])
def test_lines_that_only_start_like_widgets_are_not_chrome(line):
    from compendium.letter.patterns import chrome_reason

    assert chrome_reason(line) is None


def test_share_buttons_after_the_signatories_end_the_letter():
    text = LETTER + "\nTeilen:\nE-Mail\nMastodon\n"
    c = clean(text, where="x.txt")
    assert c.text.endswith("Grace Liu\nChair\nLantern Rights Network\n")


def test_share_buttons_in_more_languages_are_page_chrome():
    from compendium.letter.patterns import chrome_reason

    for line in ("Deel dit artikel", "Condividi questo articolo", "Udostępnij", "Dela artikeln", "Nieuws"):
        assert chrome_reason(line), line
    for line in ("Dela Cruz Foundation", "Deel Street Residents Association"):
        assert chrome_reason(line) is None, line


@pytest.mark.parametrize("line", ["Like", "Repost", "Most relevant", "…see less", "1,284", "👍😮❤️ 87",
                                  "34 comments · 19 shares", "96 comments • 41 reposts", "1d", "3d · 🌐",
                                  "Theo Brandvold • 3rd+", "Private group · 2.4K members", "Write a comment…",
                                  "Scanned with ClearScan Pro", "Pubblicato il 12 marzo 2025 da Redazione",
                                  "Publicerad 17 januari 2024", "Page 2 of 2", "Strona 1 z 2", "A/HRC/58/G/9",
                                  "GE.25-03871 3", "4 GE.25-03871", "12:04 PM · Mar 3, 2024 · 12.3K Views", "Retweet",
                                  "View all 23 comments", "Liked by anna_k and 1,234 others", "Show more",
                                  "Hoppa till innehållet", "Przejdź do treści", "Vai al contenuto", "Leestijd: 3 minuten",
                                  "Strona główna / Aktualności / List otwarty"])
def test_social_network_widgets_scanner_marks_and_foreign_publication_lines_are_chrome(line):
    from compendium.letter.patterns import chrome_reason

    assert chrome_reason(line)


@pytest.mark.parametrize("line", ["Like many of our members, we ask for more.", "Send us your views", "2d Battalion",
                                  "Comment on the draft", "Friends of the Earth • Europe", "2022", "87",
                                  "Page 2 of the report", "A/HRC/58/61 describes the closures",
                                  "Quote of the day from our director", "Report on the 2023 floods"])
def test_lines_that_only_start_like_social_widgets_are_not_chrome(line):
    from compendium.letter.patterns import chrome_reason

    assert chrome_reason(line) is None


def test_a_social_post_around_the_letter_is_cut_and_its_sentences_are_no_title():
    post = ("Facebook\nParents Together\nPrivate group · 2.4K members\nJoined\nAna Keller\n3d · 🌐\n"
            "Here is the letter we sent tonight. Please share and come to the meeting!! 👇\n\n")
    widgets = "\n👍😮❤️ 87\n34 comments · 19 shares\nLike\nComment\nShare\nMost relevant\nCorinne Abara\nThanks!\n2d\nReply\n"
    c = clean(post + LETTER + widgets, where="x.txt")
    assert c.text.startswith("September 10, 2014\n") and c.text.endswith("Lantern Rights Network\n")
    undated = LETTER.replace("September 10, 2014\n\n", "") + "\nBergen, September 10, 2014\n"
    c = clean(post + undated + widgets, where="x.txt")
    assert c.text.startswith("Dear Minister Lindqvist,\n")


def test_signature_strokes_read_by_ocr_are_cut_and_rules_and_codes_are_no_strokes():
    strokes = LETTER.replace("Grace Liu\n", "~~//\\/\\/\\~~ -—\nGrace Liu\nJ”\\/\\/\\_.,\n")
    c = clean(strokes, where="x.txt")
    assert c.text.endswith("Sincerely,\n\nGrace Liu\nChair\nLantern Rights Network\n")
    assert {r["reason"] for r in c.removed} == {"page chrome inside the letter (signature strokes read as text)"}
    from compendium.letter.patterns import is_scribble

    assert not any(is_scribble(s) for s in ("________", "* * *", "-- ", "A/HRC/58/G/9", "Dr. J. Doe"))


UNDATED = LETTER.replace("September 10, 2014\n\n", "")


def test_a_note_under_the_signatures_saying_when_the_letter_was_submitted_dates_it():
    c = clean(UNDATED + "\nSubmitted to the Co-Chairs' office on 26 September 2023.\n\n1 Like\nReply\n", where="x.txt")
    assert c.page_date == (11, __import__("datetime").date(2023, 9, 26))  # its raw line
    assert c.text.endswith("Lantern Rights Network\n\nSubmitted to the Co-Chairs' office on 26 September 2023.\n")
    from compendium.process import parse_letter

    p = parse_letter((UNDATED + "\nPosted on March 3, 2021 by admin\n").encode(), "undated", "x.txt")
    assert p.structure.date == __import__("datetime").date(2021, 3, 3)
    assert p.structure.date_line.text == "Posted on March 3, 2021 by admin"
    assert [s.name for s in p.signatories] == ["Grace Liu"]


@pytest.mark.parametrize("after", ["\nWe will write again on 26 September 2023 if nothing changes.\n",
                                   "\nRelated topics\nSign-on: letter on deep-sea mining   4   212   Aug 2023\n"])
def test_a_date_under_the_signatures_that_names_no_sending_does_not_date_the_letter(after):
    with pytest.raises(InputError) as err:
        clean(UNDATED + after, where="x.txt")
    assert "no date line found" in err.value.problem


def test_a_line_introducing_the_letter_is_not_its_title_and_a_spaced_star_rule_ends_it():
    intro = "Leave granted.\nThe document read as follows—\n\n"
    c = clean(intro + LETTER + "\n* * *\nWhat happens next? We will report back in our next issue.\n", where="x.txt")
    assert c.text.startswith("September 10, 2014\n") and c.text.endswith("Lantern Rights Network\n")
