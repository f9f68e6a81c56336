"""Nothing of the letter is lost (issue: faults a hostile review found, items 2 and 3):
page chrome is cut only around the letter, what is cut is said, names in any script
are people, and the wording is never changed."""

from __future__ import annotations

import pytest

from compendium.letter.clean import clean
from compendium.process import process

TOP = "September 10, 2014\n\nDear Minister,\n\nWe urge you to act on the detention of journalists in Caldora.\n\n"


@pytest.fixture
def process_text(read_processed):
    """process_text(folder, text, name="letter.txt"): `text` as a letter file in `folder`,
    processed into folder/out and read back."""
    def run(folder, text: str, name: str = "letter.txt"):
        raw = folder / name
        raw.write_text(text, encoding="utf-8")
        warnings: list[str] = []
        process(raw, folder / "out", warn=warnings.append)
        return read_processed(folder / "out", warnings)
    return run


def test_a_signatory_named_like_chrome_is_a_signatory(tmp_path, process_text):
    p = process_text(tmp_path, TOP + "Sincerely,\n\nLantern Rights Network\nCopyright Alliance\nCaldora Refugee Aid Society\n"
                     "\nShare this\n")
    assert list(p.signatories.written) == ["Lantern Rights Network", "Copyright Alliance", "Caldora Refugee Aid Society"]


def test_a_body_paragraph_about_donations_stays(tmp_path, process_text):
    p = process_text(tmp_path, TOP + "We ask donor states to donate food aid now.\n\nSincerely,\n\nGrace Liu\nChair\n"
                     "Lantern Rights Network\n")
    assert "We ask donor states to donate food aid now." in p.clean
    assert p.letter["paragraph_count"] == 2


def test_a_widget_inside_the_letter_is_cut_and_said(tmp_path, process_text):
    p = process_text(tmp_path, TOP + "Share this\n\nWe thank you.\n\nSincerely,\n\nGrace Liu\nChair\nLantern Rights Network\n")
    assert "Share this" not in p.clean
    assert any(w.endswith("letter.txt:7: cut as page chrome (page chrome inside the letter (share buttons)): "
                          "'Share this'; if it belongs to the letter, keep it with a correction (docs/corrections.md)")
               for w in p.warnings), p.warnings


def test_a_name_cut_after_the_signatures_is_said(tmp_path, process_text):
    p = process_text(tmp_path, TOP + "Sincerely,\n\nGrace Liu\nChair\nLantern Rights Network\n\nRelated\n\nAmara Whitfield\n")
    assert any("'Amara Whitfield'" in w and "cut as page chrome" in w for w in p.warnings), p.warnings


def test_names_in_hebrew_arabic_and_with_combining_marks_are_people(tmp_path, process_text):
    p = process_text(tmp_path, TOP + "Sincerely,\n\nדוד לוי\nמנהל\nLantern Rights Network\n\nمحمد علي\nDirector\n"
                     "Caldora Refugee Aid Society\n\nJose\u0301 Iba\u0301n\u0303ez\nChair\nMeridian Policy Institute\n")
    assert list(p.signatories.signatory_type) == ["person", "person", "person"]
    # Decomposed accents come out composed (Unicode NFC, canonically the same text).
    assert list(p.signatories.name) == ["דוד לוי", "محمد علي", "Jos\u00e9 Ib\u00e1\u00f1ez"]


def test_zero_width_joiners_are_kept_and_bidi_controls_removed_and_logged(tmp_path, process_text):
    family, persian = "\U0001F468\u200d\U0001F469\u200d\U0001F467", "Hosseini\u200cTehrani"
    p = process_text(tmp_path, TOP.replace("in Caldora.", f"in Caldora and their families {family}, such as {persian}.")
                     + "Sincerely,\n\n\u202eKenneth Roth\nExecutive Director\nHuman Rights Watch\n")
    assert family in p.clean and persian in p.clean
    assert "\u202e" not in p.clean and list(p.signatories.name) == ["Kenneth Roth"]
    log = [r for r in p.letter["removed"] if r["reason"].startswith("bidirectional")]
    assert log == [{"line": 9, "text": "Kenneth Roth",
                    "reason": "bidirectional control characters removed (U+202E); the line is kept"}]


def test_a_file_of_closings_is_not_a_letter():
    from compendium.errors import InputError

    with pytest.raises(InputError, match="no letter text found|no date line"):
        clean("Sincerely,\nSincerely,\nSincerely,\n", "x.txt")
    with pytest.raises(InputError, match="no letter text found"):
        clean("September 10, 2014\nSincerely,\nSincerely,\n", "x.txt")


def test_a_letter_dated_only_by_its_page_takes_the_publication_date(tmp_path, process_text):
    # A letter with no date line of its own: the page's "Published on" line dates it,
    # and the cleaning log says so. A date line of the letter always wins over it.
    text = ("Published on 12 May 2017\nShare this\n\nTo: Member States of the Human Rights Council\n\nExcellencies,\n\n"
            "We write to urge you to act before the vote in October, as we said in April.\n\nSincerely,\n\n"
            "Amnesty International\nHuman Rights Watch\n")
    p = process_text(tmp_path, text)
    assert p.letter["date"] == "2017-05-12"
    assert p.letter["removed"][0]["reason"].endswith("the letter gives no date of its own: this is its date")
    dates = p.kind("date")
    assert list(zip(dates.text, dates.value)) == [("October", "2017-10"), ("April", "2017-04")]
    (tmp_path / "b").mkdir()
    dated = process_text(tmp_path / "b", text.replace("Share this\n", "Share this\n\n3 May 2017\n"))
    assert dated.letter["date"] == "2017-05-03"
