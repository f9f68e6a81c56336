"""An analyst's corrections (corrections.py): a letter the parser refuses is corrected
without touching its raw text or the code, registered with its corrections, and built."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from compendium import corrections, rawdata
from compendium.errors import InputError
from compendium.process import process
from support import ROOT

FIX = ROOT / "tests" / "fixtures" / "corrections"
LETTER = FIX / "letter-without-date.txt"
CSV = FIX / "letter-without-date.corrections.csv"
HEADER = "action,target,value,type,title,unit,organization,former,note\n"


def _tables(out: Path) -> dict[str, pd.DataFrame]:
    return {n: pd.read_csv(out / n, dtype=str, keep_default_na=False)
            for n in ("signatories.csv", "affiliations.csv", "mentions.csv")}


def test_the_letter_is_refused_without_its_corrections(tmp_path):
    with pytest.raises(InputError, match="no date line found"):
        process(LETTER, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_corrections_applied_and_recorded(tmp_path):
    out = process(LETTER, tmp_path / "out", corrections=CSV)
    letter = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    t = _tables(out)
    # The letter gives no date: the analyst's date anchors every relative date.
    assert letter["date"] == "2017-05-11"
    assert [c["line"] for c in letter["corrections"]] == [2, 3, 4, 5]
    # 'Reporters Sans Borders Caldora' was removed; the rest stay, in letter order.
    assert list(t["signatories.csv"].written) == ["Lantern Press Freedom Network", "Caldora Journalists Union",
                                                  "Amara Whitfield"]
    aff = t["affiliations.csv"]
    whitfield = aff[aff.name == "Amara Whitfield"]
    assert list(zip(whitfield.title, whitfield.organization, whitfield.source)) == [
        ("Director", "Meridian Media Institute", "parser"),
        ("Board Member", "Lantern Press Freedom Network", "correction 4")]
    dates = t["mentions.csv"][t["mentions.csv"].kind == "date"]
    assert list(zip(dates.text, dates.value, dates.source)) == [
        ("3 April", "2017-04-03", "correction 5"),
        ("Two days later", "2017-04-05", "parser"),
        ("the next ten days", "2017-05-11/2017-05-21", "parser")]
    # The raw letter is untouched.
    assert LETTER.read_bytes().count(b"Reporters Sans Borders Caldora") == 1


@pytest.mark.parametrize("row, message", [
    ("remove_signatory,Nobody At All,,,,,,,\n", "no signatory 'Nobody At All' in the parsed letter"),
    ("set_date,in June,2017-06,,,,,,\n", "no date mention 'in June' in the parsed letter"),
    ("add_date,next Tuesday,2017-05-16,,,,,,\n", "add_date: 'next Tuesday' is not in the letter's text"),
    ("remove_affiliation,Amara Whitfield,,,Chair,,,,\n", "has no affiliation with title 'Chair'"),
    ("add_signatory,,Jane Nobody,person,,,,,\n", "'Jane Nobody' is not written in the letter's text"),
    ("chrome_lines,90-95,,,,,,,\n", "line 95 is past the end of the letter"),
    ("explode,x,,,,,,,\n", "unknown action 'explode'"),
    ("set_letter,date,11 May 2017,,,,,,\n", "is not an ISO date"),
])
def test_a_correction_that_no_longer_matches_is_a_one_line_error(tmp_path, row, message):
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV.read_text(encoding="utf-8") + row, encoding="utf-8")
    n = len(CSV.read_text(encoding="utf-8").splitlines()) + 1
    with pytest.raises(InputError) as err:
        process(LETTER, tmp_path / "out", corrections=bad)
    assert message in err.value.problem
    assert str(err.value.where).endswith(f"bad.csv:{n}")
    assert not (tmp_path / "out").exists()


def test_chrome_and_signature_lines_by_line_number(tmp_path):
    # Lines 20-23 of the raw file are the signature block; line 22 is cut as chrome.
    fixes = tmp_path / "fixes.csv"
    fixes.write_text(HEADER + "set_letter,date,2017-05-11,,,,,,\nsignature_lines,20-23,,,,,,,\n"
                     "chrome_lines,22,,,,,,,\n", encoding="utf-8")
    out = process(LETTER, tmp_path / "out", corrections=fixes)
    sigs = _tables(out)["signatories.csv"]
    assert list(sigs.written) == ["Lantern Press Freedom Network", "Caldora Journalists Union", "Amara Whitfield"]
    letter = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    assert {"line": 22, "text": "Reporters Sans Borders Caldora",
            "reason": "page chrome inside the letter (marked as page chrome by a correction)"} in letter["removed"]


def test_explain_shows_lines_and_corrections(tmp_path):
    from compendium.explain import explain

    text = explain(LETTER, corrections=CSV)
    assert "2017-05-11   set by a correction" in text
    assert "line   23  person       Amara Whitfield — Director, Meridian Media Institute; Board Member" in text
    assert "'3 April' → 2017-04-03 (day, correction)  [correction 5]" in text
    assert "line    3  'Published in May 2017'  (page header before the letter (publication date))" in text
    assert "corrections applied: 4" in text


def test_check_on_a_refused_letter_says_what_was_looked_for(project, run_cli):
    r = run_cli("check", LETTER, root=project)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.count("\n") == 1 and "no date line found" in r.stderr and "set_letter date" in r.stderr


def test_any_file_name_gives_a_valid_id(project, tmp_path, run_cli):
    odd = tmp_path / "000_D01407f7be71f976.txt"
    shutil.copy(ROOT / "data" / "raw" / "letters" / "2014-09-10-kerry-unga-north-korea.txt", odd)
    r = run_cli("process", odd, "--out", tmp_path / "odd", root=project)
    assert r.returncode == 0, r.stderr
    assert "letter id '000-d01407f7be71f976' (derived from the file name" in r.stdout
    assert json.loads((tmp_path / "odd" / "letter.json").read_text())["letter_id"] == "000-d01407f7be71f976"


@pytest.mark.slow
def test_add_with_corrections_then_build(buildable_project, run_cli):
    from compendium import build

    root = buildable_project
    r = run_cli("add", LETTER, "--id", "2017-05-11-caldora-journalists", root=root)
    assert r.returncode == 2 and "no date line found" in r.stderr
    r = run_cli("add", LETTER, "--id", "2017-05-11-caldora-journalists", "--corrections", CSV, root=root)
    assert r.returncode == 0, r.stderr
    manifest = rawdata.read_manifest()
    assert manifest["corrections/2017-05-11-caldora-journalists.csv"] == rawdata.sha256(CSV.read_bytes())
    build.build()
    page = (root / "reports" / "2017-05-11-caldora-journalists" / "coalition.html").read_text(encoding="utf-8")
    assert "4 corrections applied" in page
    assert "Amara Whitfield" in page
    # An edited corrections file is refused like an edited letter.
    fixes = root / "data" / "raw" / "corrections" / "2017-05-11-caldora-journalists.csv"
    fixes.write_text(fixes.read_text(encoding="utf-8") + "remove_signatory,Caldora Journalists Union,,,,,,,\n",
                     encoding="utf-8")
    with pytest.raises(Exception, match="does not match the manifest"):
        build.build()


def test_load_validates_columns(tmp_path):
    bad = tmp_path / "c.csv"
    bad.write_text("action,target,colour\nset_letter,subject,\n", encoding="utf-8")
    with pytest.raises(InputError, match="unknown column"):
        corrections.load(bad)


def test_explain_names_an_e_mail_date_header_as_the_source_of_the_date(tmp_path):
    """A letter dated only by its e-mail's Sent header is not said to be dated by a page's
    publication date."""
    from compendium.explain import explain

    raw = tmp_path / "mail.txt"
    raw.write_text("From: Ana Ruiz <ana@example.org>\nSent: Thursday, March 6, 2025 10:14 AM\n"
                   "To: minister@example.org\nSubject: Joint letter on trawling\n\nDear Minister,\n\n"
                   "We ask you to ban bottom trawling in marine protected areas this year.\n\n"
                   "Yours faithfully,\n\nAna Ruiz, Director, Coast Watch\nOcean Commons Trust\n", encoding="utf-8")
    text = explain(raw)
    assert "date        line    2  2025-03-06   the e-mail's date header: the letter gives none of its own" in text
