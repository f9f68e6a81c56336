"""Bad input through the command line: one line on stderr naming the file and the
problem, exit code 2, no traceback, nothing written.

Every command runs as `python -m compendium …` with COMPENDIUM_ROOT set to a
copy of data/raw in a temporary folder (the `project` fixture).
"""

from __future__ import annotations

import json
import os

from pathlib import Path

import pytest

from compendium import rawdata
from support import REAL_ID, fixture_path

GOOD = fixture_path("sig-name-title-org.txt").read_bytes()


@pytest.fixture
def inputs(tmp_path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    return folder


@pytest.fixture
def check_nothing_written(project, tmp_path, tree_digest):
    """After the test: data/raw as before, no data/processed, no output folder."""
    before = tree_digest(project / "data" / "raw")
    out = tmp_path / "out"
    out.mkdir()
    yield out / "letter"
    assert tree_digest(project / "data" / "raw") == before
    assert not (project / "data" / "processed").exists()
    assert list(out.iterdir()) == []  # no output folder, no staging leftovers


def bad_file(inputs: Path, name: str, data: bytes) -> Path:
    path = inputs / name
    path.write_bytes(data)
    return path


def utf16(data: bytes) -> bytes:
    # Without a byte-order mark: with one, the letter is decoded (test_hostile_review).
    return data.decode("utf-8").encode("utf-16-le")


def without_line(data: bytes, line: bytes) -> bytes:
    assert line in data
    return data.replace(line + b"\n", b"")


BAD_FILES = [
    # (case id, file content, words the problem must contain)
    ("empty", b"", ["empty"]),
    ("whitespace-only", b"  \n\t\n \r\n", ["empty or holds only white space"]),
    ("nul-bytes", utf16(GOOD), ["NUL bytes", "UTF-16 without a byte-order mark"]),
    ("binary", b"\x89PNG\r\n\x1a\n" + bytes([1, 2, 3, 4, 5, 6, 7, 8, 11, 14, 15, 16]) * 40, ["binary"]),
    ("over-size", b"a" * (rawdata.MAX_BYTES + 1), [f"{rawdata.MAX_BYTES + 1} bytes", "limit"]),
    ("undecodable", GOOD[:100] + b"\x81\x8d" + GOOD[100:], ["undecodable bytes at offset 100"]),
    ("no-date-line", without_line(GOOD, b"March 3, 2015"), ["no date line"]),
    ("no-signatures", GOOD.split(b"Sincerely,")[0], ["no signature block"]),
    ("only-chrome-after-closing", GOOD.split(b"Amara Whitfield")[0] + b"Share this\nMost Viewed\n",
     ["no signature block"]),
]


@pytest.mark.parametrize("content, words", [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES])
def test_process_and_add_refuse_bad_file(project, inputs, check_nothing_written, content, words, run_cli_together,
                                         assert_refused):
    path = bad_file(inputs, "caldora-letter.txt", content)
    process, add = run_cli_together([("process", path, "--out", check_nothing_written), ("add", path)], root=project)
    assert_refused(process, path, *words)
    assert_refused(add, path, *words)
    assert not (project / "data" / "raw" / "letters" / "caldora-letter.txt").exists()


def test_missing_file(project, inputs, check_nothing_written, run_cli_together, assert_refused):
    path = inputs / "no-such-letter.txt"
    process, add = run_cli_together([("process", path, "--out", check_nothing_written), ("add", path)], root=project)
    assert_refused(process, path, "no such file")
    assert_refused(add, path, "no such file")


def test_a_directory(project, inputs, check_nothing_written, run_cli_together, assert_refused):
    path = inputs / "letters-folder"
    path.mkdir()
    process, add = run_cli_together([("process", path, "--out", check_nothing_written), ("add", path)], root=project)
    assert_refused(process, path, "is a directory")
    assert_refused(add, path, "is a directory")


@pytest.mark.parametrize("kind, words", [
    ("missing", ["--corrections", "no such file"]),
    ("folder", ["--corrections", "is a directory"]),
    ("fifo", ["--corrections", "not a regular file"]),
    ("over-size", ["--corrections", f"{rawdata.MAX_CORRECTIONS_BYTES + 1} bytes", "-byte limit"]),
])
def test_corrections_that_cannot_be_one(project, inputs, check_nothing_written, kind, words, run_cli_together,
                                        assert_refused):
    # process and add read a --corrections file with one reader: the same problem, the same words
    # (add said "no such file" for a folder or a FIFO that was there).
    letter = bad_file(inputs, "caldora-letter.txt", GOOD)
    fixes = inputs / "fixes.csv"
    if kind == "folder":
        fixes.mkdir()
    elif kind == "fifo":
        os.mkfifo(fixes)
    elif kind == "over-size":
        fixes.write_bytes(b"a" * (rawdata.MAX_CORRECTIONS_BYTES + 1))
    process, add = run_cli_together([("process", letter, "--out", check_nothing_written, "--corrections", fixes),
                                     ("add", letter, "--corrections", fixes)], root=project)
    for proc in (process, add):
        assert_refused(proc, fixes, *words)
    assert not (project / "data" / "raw" / "letters" / "caldora-letter.txt").exists()


def test_default_output_folder_is_not_created_on_error(project, inputs, check_nothing_written, run_cli, assert_refused):
    path = bad_file(inputs, "caldora-letter.txt", without_line(GOOD, b"March 3, 2015"))
    assert_refused(run_cli("process", path, root=project), path, "no date line")
    # check_nothing_written: no data/processed/caldora-letter


@pytest.mark.parametrize("bad_id", ["Bad_ID", "../x", "caldora--letter", "-x", ""])
def test_invalid_letter_id(project, inputs, check_nothing_written, bad_id, run_cli_together, assert_refused):
    path = bad_file(inputs, "caldora-letter.txt", GOOD)
    process, add = run_cli_together([("process", path, f"--id={bad_id}"), ("add", path, f"--id={bad_id}")],
                                    root=project)
    for proc in (process, add):
        problem = assert_refused(proc, path, "--id", "invalid letter id")
        assert repr(bad_id) in problem


def test_a_file_name_that_is_no_letter_id_gives_a_derived_one(project, inputs, tmp_path, run_cli):
    # Any file name works (a scraped file is often '000_d01407f7be71f976.txt'): the id is
    # derived from it, said on stdout, and written into letter.json.
    path = bad_file(inputs, "Caldora_Letter.txt", GOOD)
    out = tmp_path / "out"
    proc = run_cli("process", path, "--out", out, root=project)
    assert proc.returncode == 0, proc.stderr
    assert "letter id 'caldora-letter' (derived from the file name 'Caldora_Letter.txt'" in proc.stdout
    assert json.loads((out / "letter.json").read_text(encoding="utf-8"))["letter_id"] == "caldora-letter"
    added = run_cli("add", path, root=project)
    assert added.returncode == 0, added.stderr
    assert (project / "data" / "raw" / "letters" / "caldora-letter.txt").read_bytes() == GOOD


# --- options: --out, --context, --codebook -------------------------------------------

def test_out_never_replaces_a_folder_that_is_not_a_processed_letter(project, tmp_path, run_cli):
    raw = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = run_cli("process", raw, "--out", mine, root=project)
    assert result.returncode == 2 and "not a processed letter and not empty" in result.stderr
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    result = run_cli("process", raw, "--out", mine / "thesis.txt", root=project)
    assert result.returncode == 2 and "--out is a file" in result.stderr
    assert not list(mine.glob(".*"))


def test_missing_context_or_codebook_option_is_an_error(project, tmp_path, run_cli):
    raw = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    for option in ("--context", "--codebook"):
        result = run_cli("process", raw, "--out", tmp_path / "o", option, tmp_path / "typo.csv", root=project)
        assert result.returncode == 2 and f"{option}: no such file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("row, message", [
    ("2014-09-10-kerry-unga-north-korea,2014-10,,,https://example.org/x,", "empty label"),
    ("2014-09-10-kerry-unga-north-korea,2014-10,Something,0,https://example.org/x,", "answers_ask '0'"),
])
def test_context_rows_the_schema_would_refuse_are_one_line_errors(project, tmp_path, run_cli, row, message):
    raw = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    ctx = tmp_path / "context.csv"
    ctx.write_text((project / "data/raw/context_events.csv").read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    result = run_cli("process", raw, "--out", tmp_path / "o", "--context", ctx, root=project)
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1


# --- add: a letter added twice ------------------------------------------------------

def test_add_then_same_id_again_is_refused(project, inputs, run_cli, tree_digest, assert_refused):
    path = bad_file(inputs, "caldora-letter.txt", GOOD)
    first = run_cli("add", path, root=project)
    assert first.returncode == 0, first.stderr
    target = project / "data" / "raw" / "letters" / "caldora-letter.txt"
    assert target.read_bytes() == GOOD
    assert f"{rawdata.sha256(GOOD)}  letters/caldora-letter.txt" in \
        (project / "data" / "raw" / "SHA256SUMS").read_text(encoding="utf-8").splitlines()

    before = tree_digest(project / "data" / "raw")
    other = bad_file(inputs, "other.txt", GOOD.replace(b"March 3, 2015", b"March 4, 2015"))
    again = run_cli("add", other, "--id", "caldora-letter", root=project)
    assert_refused(again, other, "'caldora-letter' is already registered")
    assert tree_digest(project / "data" / "raw") == before


def test_add_same_content_under_another_id_is_refused(project, inputs, run_cli, tree_digest, assert_refused):
    path = bad_file(inputs, "caldora-letter.txt", GOOD)
    assert run_cli("add", path, root=project).returncode == 0
    before = tree_digest(project / "data" / "raw")
    proc = run_cli("add", path, "--id", "caldora-letter-copy", root=project)
    assert_refused(proc, path, "same content is already registered as letters/caldora-letter.txt")
    assert tree_digest(project / "data" / "raw") == before
    assert not (project / "data" / "raw" / "letters" / "caldora-letter-copy.txt").exists()


def test_add_the_real_letter_again_under_a_new_id(project, inputs, run_cli, tree_digest, assert_refused):
    copy = bad_file(inputs, "kerry-letter.txt", (project / "data" / "raw" / "letters" / f"{REAL_ID}.txt").read_bytes())
    before = tree_digest(project / "data" / "raw")
    proc = run_cli("add", copy, root=project)
    assert_refused(proc, copy, f"same content is already registered as letters/{REAL_ID}.txt")
    assert tree_digest(project / "data" / "raw") == before


# --- checksums ------------------------------------------------------------------------

def test_changed_raw_file_fails_its_checksum(project, run_cli, tree_digest, assert_refused):
    raw = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    raw.write_bytes(raw.read_bytes().replace(b"Dear Secretary Kerry,", b"Dear Mr. Secretary,"))
    before = tree_digest(project / "data" / "raw")
    proc = run_cli("process", raw, root=project)
    assert_refused(proc, raw, "checksum", "does not match the manifest")
    assert tree_digest(project / "data" / "raw") == before
    assert not (project / "data" / "processed").exists()


def test_unregistered_file_in_data_raw_is_refused(project, run_cli, assert_refused):
    raw = project / "data" / "raw" / "letters" / "caldora-letter.txt"
    raw.write_bytes(GOOD)
    proc = run_cli("process", raw, root=project)
    assert_refused(proc, raw, "not in data/raw/SHA256SUMS")
    assert not (project / "data" / "processed").exists()


def test_bad_codebook_on_the_command_line(project, inputs, check_nothing_written, run_cli, assert_refused):
    codebook = bad_file(inputs, "codebook.csv", b"organization,aliases,sector,parent,source\nX,,charity,,\n")
    path = bad_file(inputs, "caldora-letter.txt", GOOD)
    proc = run_cli("process", path, "--out", check_nothing_written, "--codebook", codebook, root=project)
    assert_refused(proc, f"{codebook}:2", "unknown sector 'charity'")


# --- the good path, so the refusals above mean something ---------------------------

def test_good_letter_is_processed_and_added(project, inputs, tmp_path, run_cli, read_processed, check_offsets,
                                            check_brat):
    path = bad_file(inputs, "caldora-letter.txt", GOOD)
    out = tmp_path / "out" / "caldora-letter"
    proc = run_cli("process", path, "--out", out, root=project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"wrote {out}"
    assert sorted(p.name for p in out.iterdir()) == sorted([
        "clean.txt", "letter.json", "paragraphs.csv", "signatories.csv", "affiliations.csv",
        "mentions.csv", "timeline.csv", "clean.ann", "clean.tml", "tables.xlsx", ".compendium-processed"])
    # Its three organizations are unknown to the codebook: a warning each, not an error.
    warnings = proc.stderr.splitlines()
    assert len(warnings) == 3 and all(w.startswith("warning: ") for w in warnings)
    p = read_processed(out)
    check_offsets(p)
    check_brat(p)
    assert list(p.signatories.name) == ["Amara Whitfield", "Julian Ostrowski", "Sofia Delacroix-Brandt"]

    proc = run_cli("add", path, root=project)
    assert proc.returncode == 0, proc.stderr
    assert (project / "data" / "raw" / "letters" / "caldora-letter.txt").read_bytes() == GOOD
    # and the registered copy processes into data/processed/<id>/ under COMPENDIUM_ROOT
    registered = project / "data" / "raw" / "letters" / "caldora-letter.txt"
    proc = run_cli("process", registered, root=project)
    assert proc.returncode == 0, proc.stderr
    assert (project / "data" / "processed" / "caldora-letter" / "letter.json").exists()
