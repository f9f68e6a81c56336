"""The hand-edited inputs beside the letters (codebook.csv, context_events.csv, a letter's
corrections) get the checks a raw letter gets: a FIFO, a folder, a cell over the csv
module's limit or an absurd number is one line naming the file, never a hang or a traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from compendium import codebook, rawdata, timeline
from compendium.errors import InputError
from support import REAL_ID, REAL_RAW

HUGE = "x" * (128 * 1024 + 1)  # one cell over the csv module's field limit (131072 characters)


def _cli(*args, root, timeout: int = 90) -> subprocess.CompletedProcess:
    """`python -m compendium ARGS`, killed (and the test failed) if it hangs."""
    env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "compendium", *map(str, args)], cwd=root, env=env,
                          capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize("name, what", [("codebook.csv", "codebook"), ("context_events.csv", "context events")])
@pytest.mark.parametrize("kind", ["fifo", "folder"])
@pytest.mark.parametrize("command", ["build", "process-all"])
def test_a_fifo_or_a_folder_for_a_curated_file_is_one_line(buildable_project, assert_refused, name, what, kind,
                                                            command):
    path = buildable_project / "data" / "raw" / name
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)  # reading it blocked the build for good
    else:
        path.mkdir()  # reading it was an IsADirectoryError traceback
    problem = assert_refused(_cli(command, root=buildable_project), path)
    assert problem == (f"not a regular file (a FIFO, device or socket): save the {what} to a file" if kind == "fifo"
                       else f"is a directory, not a {what} file")
    assert not (buildable_project / "data" / "processed").exists()


@pytest.mark.parametrize("name", ["codebook.csv", "context_events.csv"])
def test_process_and_check_refuse_a_fifo_codebook_or_context(project, assert_refused, name, tmp_path):
    path = project / "data" / "raw" / name
    path.unlink()
    os.mkfifo(path)
    letter = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    assert_refused(_cli("process", letter, root=project), path, "not a regular file")
    assert_refused(_cli("process", REAL_RAW, "--out", tmp_path / "out", root=project), path, "not a regular file")
    if name == "codebook.csv":  # check reads the codebook only
        assert_refused(_cli("check", REAL_RAW, root=project), path, "not a regular file")


def _with_row(path, row: str):
    path.write_text(path.read_text(encoding="utf-8") + row, encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def test_a_cell_over_the_csv_limit_in_the_codebook_is_one_line(project):
    path = project / "data" / "raw" / "codebook.csv"
    n = _with_row(path, f"Huge Organization,{HUGE},advocacy,,https://example.org\n")
    with pytest.raises(InputError) as err:
        codebook.load(path)
    assert err.value.where == f"{path}:{n}"
    assert err.value.problem == "not valid CSV (field larger than field limit (131072))"


def test_a_cell_over_the_csv_limit_in_the_context_events_is_one_line(project):
    path = project / "data" / "raw" / "context_events.csv"
    n = _with_row(path, f"{REAL_ID},2014-10-01,{HUGE},,https://example.org,\n")
    with pytest.raises(InputError) as err:
        timeline.load_context(REAL_ID, path)
    assert err.value.where == f"{path}:{n}"
    assert "field larger than field limit (131072)" in err.value.problem


def test_a_cell_over_the_csv_limit_in_a_header_is_one_line(project):
    path = project / "data" / "raw" / "codebook.csv"
    path.write_text(f"organization,aliases,sector,parent,source,{HUGE}\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        codebook.load(path)
    assert err.value.where == f"{path}:1" and "field larger than field limit" in err.value.problem


def test_a_cell_over_the_csv_limit_in_corrections_is_one_line(project, tmp_path, assert_refused):
    fixes = tmp_path / "c.csv"
    fixes.write_text("action,target,value,type,title,unit,organization,former,note\n"
                     f"set_letter,subject,{HUGE},,,,,,\n", encoding="utf-8")
    proc = _cli("check", REAL_RAW, "--corrections", fixes, root=project)
    assert_refused(proc, f"{fixes}:2", "not valid CSV (field larger than field limit (131072))")


@pytest.mark.parametrize("ask, shown", [
    ("9" * 400, "'9999999999999999999999999999999999999999'… (400 characters)"),  # was OverflowError
    ("9" * 5000, "'9999999999999999999999999999999999999999'… (5000 characters)"),  # int() refuses 4300 digits
    ("1000000", "'1000000'"),
    ("²", "'²'"),  # a digit to str.isdigit, not to int()
    ("0", "'0'"),
])
def test_an_absurd_answers_ask_is_one_line(project, ask, shown):
    path = project / "data" / "raw" / "context_events.csv"
    n = _with_row(path, f"{REAL_ID},2014-10-01,Something followed,{ask},https://example.org,\n")
    with pytest.raises(InputError) as err:
        timeline.load_context(REAL_ID, path)
    assert err.value.where == f"{path}:{n}"
    assert err.value.problem == f"answers_ask {shown} must be an ask number (1, 2, …) or empty"


def test_a_huge_answers_ask_is_refused_by_process(project, tmp_path, assert_refused):
    path = project / "data" / "raw" / "context_events.csv"
    n = _with_row(path, f"{REAL_ID},2014-10-01,Something followed,{'9' * 400},https://example.org,\n")
    letter = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    assert_refused(_cli("process", letter, root=project), f"{path}:{n}", "answers_ask")


def test_a_codebook_over_the_limit_is_refused_before_it_is_read(project, assert_refused):
    path = project / "data" / "raw" / "codebook.csv"
    with open(path, "ab") as fh:
        fh.truncate(rawdata.MAX_CURATED_BYTES + 1)  # sparse: no 32 MB written
    assert_refused(_cli("process-all", root=project), path, f"over the {rawdata.MAX_CURATED_BYTES}-byte limit")


@pytest.mark.parametrize("name, row", [
    ("codebook.csv", "Foo Institute,Foo,academic,,https://example.org,and a second source\n"),
    ("context_events.csv", f"{REAL_ID},2014-10-01,Something followed,,https://example.org,a note,more of it\n"),
])
def test_a_curated_row_with_more_cells_than_the_header_is_one_line(project, name, row):
    path = project / "data" / "raw" / name
    n = _with_row(path, row)
    with pytest.raises(InputError) as err:
        codebook.load(path) if name == "codebook.csv" else timeline.load_context(REAL_ID, path)
    assert err.value.where == f"{path}:{n}"
    assert "cell(s) more than the header's" in err.value.problem
