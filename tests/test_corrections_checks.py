"""A corrections file is input like a letter: bounded in size, every value read by the
parser's own readers, every range checked before it is used, and every problem one line
naming the file and its row."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from compendium import corrections
from compendium.errors import InputError
from compendium.process import parse_letter
from support import REAL_RAW

HEADER = "action,target,value,type,title,unit,organization,former,note\n"
REAL_LINES = REAL_RAW.read_bytes().decode("utf-8").count("\n") + 1

# `compendium check` under an address-space limit: a range expanded line by line before
# it is checked (a set of 10^11 line numbers) ends in MemoryError instead of growing the
# machine's memory until the OOM killer picks something.
LIMITED = """
import resource, sys
limit = 3 * 1024 ** 3
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from compendium.cli import main
sys.argv = ["compendium", *sys.argv[1:]]
sys.exit(main())
"""


def _fixes(tmp_path, *rows: str):
    path = tmp_path / "c.csv"
    path.write_text(HEADER + "".join(r + "\n" for r in rows), encoding="utf-8")
    return path


def test_a_huge_line_range_is_refused_before_it_is_expanded(tmp_path, assert_refused):
    fixes = _fixes(tmp_path, "chrome_lines,1-99999999999")
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", LIMITED, "check", str(REAL_RAW), "--corrections", str(fixes)],
                          capture_output=True, text=True, timeout=300)
    assert_refused(proc, f"{fixes}:2", f"chrome_lines: line 99999999999 is past the end of the letter "
                                        f"({REAL_LINES} lines)")
    assert time.perf_counter() - t < 60


@pytest.mark.parametrize("row", ["signature_lines,40-99999999999", "chrome_lines,1-5\nchrome_lines,7-9999"])
def test_every_line_range_is_checked_against_the_letter(tmp_path, row):
    fixes = _fixes(tmp_path, row)
    with pytest.raises(InputError, match="is past the end of the letter"):
        parse_letter(REAL_RAW.read_bytes(), "x", REAL_RAW, fixes)


def test_line_ranges_stay_ranges_and_overlapping_ones_merge(tmp_path):
    fixes = corrections.load(_fixes(tmp_path, "chrome_lines,30-40", "chrome_lines,1-3", "chrome_lines,35-50",
                                    "chrome_lines,51", "chrome_lines,60-60", "signature_lines,70-80"))
    assert corrections.line_actions(fixes, "c.csv", 100) == ([(0, 2), (29, 50), (59, 59)], (69, 79))


def test_a_line_number_with_thousands_of_digits_is_not_a_line_range(tmp_path):
    # int() of more than 4300 digits is a ValueError in Python: the pattern refuses such a number first.
    with pytest.raises(InputError, match="is not a line range such as 40-44") as err:
        corrections.load(_fixes(tmp_path, "chrome_lines,1-" + "9" * 5000))
    assert err.value.where.endswith("c.csv:2")


def test_a_corrections_file_over_the_limit_is_refused_at_once(tmp_path, project, run_cli, assert_refused):
    big = tmp_path / "big.csv"
    rows = "set_letter,subject,A subject written again and again,,,,,,\n"
    big.write_text(HEADER + rows * (2_000_000 // len(rows)), encoding="utf-8")  # 2 MB: 1 MB is the limit
    for cmd in ("check", "process"):
        extra = ["--out", str(tmp_path / "out")] if cmd == "process" else []
        proc = run_cli(cmd, REAL_RAW, "--corrections", big, *extra, root=project)
        assert_refused(proc, big, "over the 1000000-byte limit for a corrections file")
    assert not (tmp_path / "out").exists()
    with pytest.raises(InputError, match="limit for a corrections file"):
        corrections.load(big)


# --- values read as the parser reads them ------------------------------------------------

def _letter_events(out) -> list[tuple[str, str]]:
    """(date, label) of the letter's own events in timeline.csv."""
    import pandas as pd

    t = pd.read_csv(out / "timeline.csv", dtype=str, keep_default_na=False)
    return sorted(zip(t[t.source == "letter"].date, t[t.source == "letter"].label))


@pytest.mark.parametrize("value, words", [
    ("2014-13", "names no real date"),
    ("2014-02-31", "names no real date"),
    ("2014-W60", "names no real date"),
    ("0000", "names no real date"),
    ("2014-09-10/2014-09-01", "is a range that ends before it starts"),
    ("2014-04-31/2014-05-02", "names no real date"),
    ("April 2014", "is not a TIMEX value"),
])
@pytest.mark.parametrize("action", ["set_date", "add_date"])
def test_an_impossible_date_value_is_refused_not_dropped_from_the_timeline(project, tmp_path, run_cli,
                                                                          assert_refused, action, value, words):
    # Before, set_date 'in April' → '2014-13' was accepted and the event vanished from timeline.csv.
    target = "in April" if action == "set_date" else "in the world"
    fixes = _fixes(tmp_path, f"{action},{target},{value}")
    proc = run_cli("process", REAL_RAW, "--out", tmp_path / "out", "--corrections", fixes, root=project)
    assert_refused(proc, f"{fixes}:2", f"{action}: value {value!r} {words}")
    assert not (tmp_path / "out").exists()


def test_a_possible_date_value_keeps_its_event(project, tmp_path):
    from compendium.process import process

    plain = _letter_events(process(REAL_RAW, tmp_path / "plain"))
    fixed = _letter_events(process(REAL_RAW, tmp_path / "fixed",
                                   corrections=_fixes(tmp_path, "set_date,in April,2014-04-30")))
    moved = ("President Barack Obama's statement")
    assert (("2014-04", moved) in plain) and (("2014-04-30", moved) in fixed)
    assert [e for e in plain if e[1] != moved] == [e for e in fixed if e[1] != moved]


@pytest.mark.parametrize("value", ["2014-02-31", "20140910", "2014-W37-3", "2014-09"])
def test_a_letter_date_is_a_real_day_written_yyyy_mm_dd(tmp_path, value):
    with pytest.raises(InputError, match="set_letter date") as err:
        corrections.load(_fixes(tmp_path, f"set_letter,date,{value}"))
    assert err.value.where.endswith("c.csv:2")


def test_a_correction_that_cuts_a_sentence_says_so(project, tmp_path):
    from compendium.explain import explain
    from compendium.process import process

    # Line 23 of the real letter is its second paragraph, "We write to request …"; line 1 is the
    # site's "Skip to main content".
    fixes = _fixes(tmp_path, "chrome_lines,1", "chrome_lines,22-23")
    warnings: list[str] = []
    process(REAL_RAW, tmp_path / "out", corrections=fixes, warn=warnings.append)
    cut = [w for w in warnings if "by a correction" in w]
    assert len(cut) == 1, warnings
    assert cut[0].startswith(f"warning: {REAL_RAW}:23: cut as page chrome by a correction ({fixes}:3): "
                             "'We write to request that you personally attend")
    assert "take it out of the chrome_lines range" in cut[0]
    text = explain(REAL_RAW, corrections=fixes)
    assert f"line 23: cut as page chrome by a correction ({fixes}:3): 'We write to request" in text
    assert "line 1: cut" not in text
    # Line 23 is cut by two rows: the first in the file is named; lines 21 and 25 (paragraphs too) by one.
    fixes = _fixes(tmp_path, "chrome_lines,23", "chrome_lines,1", "chrome_lines,21-25")
    warnings.clear()
    process(REAL_RAW, tmp_path / "out2", corrections=fixes, warn=warnings.append)
    assert [w.split(": '")[0] for w in warnings if "by a correction" in w] == [
        f"warning: {REAL_RAW}:{line}: cut as page chrome by a correction ({fixes}:{row})"
        for line, row in ((21, 4), (23, 2), (25, 4))]


# --- nothing of a corrections file is ignored -------------------------------------------

def test_a_row_with_more_cells_than_the_header_is_one_line(tmp_path):
    # The note "see page 3" was silently cut off: the row has ten cells, the header nine.
    fixes = _fixes(tmp_path, "set_date,in April,2014-04-30,,,,,,checked,see page 3")
    with pytest.raises(InputError) as err:
        corrections.load(fixes)
    assert err.value.where.endswith("c.csv:2")
    assert err.value.problem.startswith("1 cell(s) more than the header's 9 columns (the first: 'see page 3')")


def test_empty_cells_past_the_header_are_no_error(tmp_path):
    # Spreadsheet programs write trailing empty cells.
    assert [c.value for c in corrections.load(_fixes(tmp_path, "set_date,in April,2014-04-30,,,,,,,,,"))] == [
        "2014-04-30"]


def _register_fixes(project, letter_id: str, text: str):
    path = project / "data" / "raw" / "corrections" / f"{letter_id}.csv"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_corrections_file_for_no_registered_letter_is_one_line(project, run_cli, assert_refused):
    # A typo in the id: the file was never read, and the letter built without its corrections.
    path = _register_fixes(project, "2014-09-10-kerry-unga-north-kore", HEADER + "set_letter,subject,Corrected\n")
    proc = run_cli("process-all", root=project)
    assert_refused(proc, path, "corrections for no registered letter")
    assert not (project / "data" / "processed").exists()


def test_corrections_in_the_manifest_for_no_letter_or_missing_are_one_line(project, run_cli, assert_refused):
    manifest = project / "data" / "raw" / "SHA256SUMS"
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text + f"{'0' * 64}  corrections/2099-01-01-nothing.csv\n", encoding="utf-8")
    proc = run_cli("process-all", root=project)
    assert_refused(proc, project / "data" / "raw" / "corrections" / "2099-01-01-nothing.csv",
                   "as the corrections of a letter that is not registered")
    manifest.write_text(text + f"{'0' * 64}  corrections/{REAL_RAW.stem}.csv\n", encoding="utf-8")
    proc = run_cli("process-all", root=project)
    assert_refused(proc, project / "data" / "raw" / "corrections" / f"{REAL_RAW.stem}.csv", "but missing")


def test_an_unregistered_corrections_file_of_a_registered_letter_is_one_line(project, run_cli, assert_refused):
    path = _register_fixes(project, REAL_RAW.stem, HEADER + "set_letter,subject,Corrected\n")
    assert_refused(run_cli("process-all", root=project), path, "not in data/raw/SHA256SUMS")
