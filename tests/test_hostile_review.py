"""Issue 11, "Nothing lost, nothing stale, nothing hangs": the faults a hostile review
found outside the parser, each reproduced here first (items 1, 4, 5, 6, 7, 9, 10, 11).

Every command runs against a copy of the project (COMPENDIUM_ROOT), never the
repository's own data/ or reports/.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd
import pytest

from compendium import build, corpus, plots, rawdata, report
from compendium.errors import InputError
from compendium.outputs import MARKER, OUTPUT_FILES
from compendium.process import process
from support import REAL_ID, ROOT, fixture_path

GOOD = fixture_path("sig-name-title-org.txt").read_bytes()
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture
def letter_file(tmp_path) -> Path:
    folder = tmp_path / "inputs"
    folder.mkdir()
    path = folder / "caldora-letter.txt"
    path.write_bytes(GOOD)
    return path


# --- 1. --out never replaces a folder the compendium did not write --------------------

def test_out_with_a_stray_letter_json_is_not_replaced(project, letter_file, tmp_path, run_cli, tree_digest,
                                                      assert_refused):
    v = tmp_path / "v"
    (v / "sub").mkdir(parents=True)
    (v / "thesis.tex").write_text("precious", encoding="utf-8")
    (v / "letter.json").write_text("{}", encoding="utf-8")
    before = tree_digest(v)
    assert_refused(run_cli("process", letter_file, "--out", v, root=project), v, "not written by the compendium")
    assert tree_digest(v) == before and (v / "sub").is_dir()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_out_written_by_the_compendium_is_replaced_and_nothing_else(project, letter_file, tmp_path, run_cli,
                                                                    assert_refused):
    out = tmp_path / "out"
    first = run_cli("process", letter_file, "--out", out, root=project)
    assert first.returncode == 0, first.stderr
    assert (out / MARKER).read_text(encoding="utf-8").startswith("compendium processed letter, format ")
    assert sorted(p.name for p in out.iterdir()) == sorted([*OUTPUT_FILES, MARKER])  # what the build may remove
    again = run_cli("process", letter_file, "--out", out, root=project)
    assert again.returncode == 0, again.stderr

    (out / "notes.txt").write_text("mine", encoding="utf-8")  # a file the compendium did not write
    assert_refused(run_cli("process", letter_file, "--out", out, root=project), out, "notes.txt")
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_processed_folder_from_before_the_marker_is_replaced_once(project, letter_file, tmp_path, run_cli):
    out = tmp_path / "old"
    process(letter_file, out, warn=lambda m: None)
    (out / MARKER).unlink()  # as the compendium wrote it before the marker existed
    assert run_cli("process", letter_file, "--out", out, root=project).returncode == 0
    assert (out / MARKER).exists()


# --- 4. the corpus report is never stale after one build -------------------------------

def _cli_env(root: Path) -> dict:
    return {**os.environ, "COMPENDIUM_ROOT": str(root)}


def _build(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compendium", "build", *args], env=_cli_env(root),
                          capture_output=True, text=True, timeout=600)


def _corpus_letters(root: Path) -> str:
    import re

    page = (root / "reports" / "corpus.html").read_text(encoding="utf-8")
    return re.search(r"<h1>(\d+ letters)</h1>", page).group(1)


@pytest.mark.slow
def test_one_build_after_add_remove_or_a_codebook_edit_leaves_nothing_stale(buildable_project, tmp_path, run_cli):
    root = buildable_project
    a, b = sorted(CORPUS.glob("*.txt"))
    assert run_cli("add", a, root=root).returncode == 0
    assert _build(root).returncode == 0
    assert _corpus_letters(root) == "2 letters"

    # 4: a new letter is in the corpus report after one build.
    assert run_cli("add", b, root=root).returncode == 0
    assert _build(root).returncode == 0, _build(root).stderr
    assert _corpus_letters(root) == "3 letters"
    assert "reports are up to date" in _build(root).stdout

    # 4: a codebook edit that merges two organizations reaches the corpus report in one build.
    codebook = root / "data" / "raw" / "codebook.csv"
    codebook.write_text(codebook.read_text(encoding="utf-8") +
                        'Example Rights Alliance,"Example Rights Alliance, Inc.",advocacy,,https://example.org/era\n',
                        encoding="utf-8")
    assert _build(root).returncode == 0
    assert "Example Rights Alliance, Inc." not in (root / "reports" / "corpus.html").read_text(encoding="utf-8")
    assert "reports are up to date" in _build(root).stdout

    # 5: a folder in data/processed that is not a registered letter is never read.
    stray = root / "data" / "processed" / "zz-unregistered"  # copied in by hand: process refuses to write there
    shutil.copytree(process(fixture_path("sig-unit-lines.txt"), tmp_path / "elsewhere", warn=lambda m: None), stray)
    foreign = root / "data" / "processed" / "zz-not-ours"
    shutil.copytree(stray, foreign)
    (foreign / MARKER).unlink()
    (foreign / "notes.txt").write_text("not the compendium's", encoding="utf-8")
    result = _build(root)
    assert result.returncode == 0, result.stderr
    assert _corpus_letters(root) == "3 letters"
    assert not stray.exists()  # the compendium's own output for no registered letter: dropped
    assert (foreign / "notes.txt").exists()  # not ours: left alone, never read
    assert "zz-not-ours" in result.stdout

    # 6: `compendium remove`: the letter moves out, the manifest forgets it, the next build drops its outputs.
    lid = b.stem
    removed = run_cli("remove", lid, root=root)
    assert removed.returncode == 0, removed.stderr
    assert not (root / "data" / "raw" / "letters" / b.name).exists()
    assert (root / "data" / "removed" / b.name).read_bytes() == b.read_bytes()
    assert lid not in (root / "data" / "raw" / "SHA256SUMS").read_text(encoding="utf-8")
    assert _build(root).returncode == 0
    assert _corpus_letters(root) == "2 letters"
    assert not (root / "data" / "processed" / lid).exists() and not (root / "reports" / lid).exists()
    assert lid not in (root / "reports" / "index.html").read_text(encoding="utf-8")
    assert "reports are up to date" in _build(root).stdout

    assert run_cli("remove", a.stem, root=root).returncode == 0
    assert _build(root).returncode == 0
    assert not (root / "reports" / "corpus.html").exists()
    assert 'href="corpus.html"' not in (root / "reports" / "index.html").read_text(encoding="utf-8")


def test_remove_refuses_an_unknown_letter(project, run_cli, tree_digest, assert_refused):
    before = tree_digest(project / "data" / "raw")
    assert_refused(run_cli("remove", "no-such-letter", root=project), "no-such-letter", "not registered")
    assert_refused(run_cli("remove", "../x", root=project), "letter id", "invalid letter id")
    assert tree_digest(project / "data" / "raw") == before


# --- 5. only registered, checked letters reach data/processed -------------------------

def test_process_writes_into_data_processed_only_for_a_registered_letter(project, letter_file, run_cli_together,
                                                                         tree_digest, assert_refused):
    raw = project / "data" / "raw"
    before = tree_digest(raw)
    default, as_real, into_raw, into_processed = run_cli_together([
        ("process", letter_file),
        ("process", letter_file, "--id", REAL_ID),
        ("process", letter_file, "--out", raw / "letters" / "newdir"),
        ("process", letter_file, "--out", project / "data" / "processed" / "caldora-letter"),
    ], root=project)
    assert_refused(default, letter_file, "not a registered letter", "--out")
    assert_refused(as_real, letter_file, "not a registered letter", "--out")
    assert_refused(into_raw, raw / "letters" / "newdir", "--out", "outside")
    assert_refused(into_processed, project / "data" / "processed" / "caldora-letter", "--out", "outside")
    assert tree_digest(raw) == before
    assert not (project / "data" / "processed").exists()


def test_the_corpus_of_the_project_reads_registered_letters_only(project, tmp_path):
    build.process_all()
    for raw in (fixture_path("sig-unit-lines.txt"), CORPUS / "2015-02-03-corpus-a.txt"):  # copied in by hand
        shutil.copytree(process(raw, tmp_path / raw.stem, warn=lambda m: None),
                        project / "data" / "processed" / raw.stem)
    assert list(corpus.load_corpus().letters.letter_id) == [REAL_ID]
    assert build.Job("", "corpus").title() == "Corpus: 1 letters"


# --- 6. text from a letter is drawn literally --------------------------------------------

def test_dollar_signs_and_tex_in_a_letter_are_drawn_as_written(tmp_path):
    text = (GOOD.decode("utf-8").replace("Amara Whitfield", r"Mary $\require{enclose}$ Major")
            .replace("Lantern Rights Network", "Cost $5 # and $10 Network")
            .replace("Julian Ostrowski", "Ann $x_1$ Lee"))
    raw = tmp_path / "dollar-letter.txt"
    raw.write_text(text, encoding="utf-8")
    letter = report.load(process(raw, tmp_path / "out", warn=lambda m: None))
    network = plots.svg(plots.network_figure(letter))
    assert "$x_1$" in network and r"Mary $\require{enclose}$ Major" in network
    assert "Cost $5 # and $10 Network" in network
    plots.svg(plots.composition_figure(report.composition(letter)))
    plots.svg(plots.timeline_figure(letter))


# --- 7. FIFOs, devices and endless files ----------------------------------------------------

def test_a_fifo_or_a_device_is_refused_at_once(project, tmp_path, assert_refused):
    fifo = tmp_path / "fifo-letter.txt"
    os.mkfifo(fifo)
    zero = tmp_path / "zero-letter.txt"
    zero.symlink_to("/dev/zero")
    env = _cli_env(project)
    for path in (fifo, zero):
        for cmd in (["process", str(path), "--out", str(tmp_path / "o")], ["add", str(path)]):
            proc = subprocess.run([sys.executable, "-m", "compendium", *cmd], env=env, cwd=project,
                                  capture_output=True, text=True, timeout=60)
            assert_refused(proc, path, "not a regular file")


def test_a_file_is_read_up_to_the_limit_whatever_its_size_on_disk_says(tmp_path, monkeypatch):
    big = tmp_path / "proc-like.txt"
    big.write_bytes(b"a" * (rawdata.MAX_BYTES + 5000))
    real_fstat = os.fstat

    def zero_size(fd):  # like /proc files: a regular file whose size on disk says 0
        st = real_fstat(fd)
        return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid, 0,
                               st.st_atime, st.st_mtime, st.st_ctime))

    monkeypatch.setattr(rawdata.os, "fstat", zero_size)
    monkeypatch.setattr(rawdata.os, "stat", lambda p, *a, **k: zero_size(os.open(p, os.O_RDONLY)))
    with pytest.raises(InputError, match=f"more than {rawdata.MAX_BYTES} bytes"):
        rawdata.read_raw(big)


# --- 9. a deep project path -----------------------------------------------------------------

@pytest.mark.slow
def test_build_in_a_deep_project_path(tmp_path, copy_buildable_project):
    deep = tmp_path / ("a-rather-long-folder-name-for-a-project-" * 4) / "compendium-project"
    assert len(str(deep)) > 150
    root = copy_buildable_project(deep)
    result = _build(root)
    assert result.returncode == 0, result.stderr
    assert (root / "reports" / REAL_ID / "timeline.html").exists()


def test_a_worker_whose_build_already_died_exits_at_once():
    """A build killed right after forking a worker, before the worker asked to die with it:
    the worker must not live on (an orphan waiting forever, with its kernel)."""
    pid = os.fork()
    if pid == 0:
        try:
            build.die_with_parent(1)  # "the build" is not this child's parent
        finally:
            os._exit(3)  # still alive after the check: the fault
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0


# --- 10. tracebacks where one line is promised -----------------------------------------------

def test_long_ids_and_out_dot_are_one_line_errors(project, letter_file, tmp_path, run_cli_together, assert_refused):
    long_id = "a" * 300
    process_, add, dot = run_cli_together([
        ("process", letter_file, "--id", long_id, "--out", tmp_path / "o"),
        ("add", letter_file, "--id", long_id),
        ("process", letter_file, "--out", "."),
    ], root=project)
    assert_refused(process_, letter_file, "--id", f"over the {rawdata.MAX_ID_LENGTH}-character limit")
    assert_refused(add, letter_file, "--id", f"over the {rawdata.MAX_ID_LENGTH}-character limit")
    assert_refused(dot, ".", "--out")


@pytest.fixture
def edited(real, tmp_path) -> Path:
    """A copy of the real letter processed by this code, to edit by hand."""
    folder = tmp_path / REAL_ID
    shutil.copytree(real.out, folder)
    report.load(folder)  # as written, it loads
    return folder


def _edit_csv(folder: Path, name: str, change) -> None:
    df = pd.read_csv(folder / name, dtype=str, keep_default_na=False)
    change(df).to_csv(folder / name, index=False, lineterminator="\n")


@pytest.mark.parametrize("name, change, words", [
    ("mentions.csv", lambda df: df.drop(columns=["sentence_start"]), ["mentions.csv", "sentence_start"]),
    ("mentions.csv", lambda df: df.assign(start="-5"), ["mentions.csv", "start"]),
    ("signatories.csv", lambda df: df.assign(start="ten"), ["signatories.csv", "start", "'ten'"]),
    ("timeline.csv", lambda df: df.assign(start="2014-02-31"), ["timeline.csv", "2014-02-31"]),
    ("timeline.csv", lambda df: df.assign(mention_id="999"), ["timeline.csv", "mention_id 999"]),
    ("mentions.csv", lambda df: df.assign(end="99999999"), ["mentions.csv", "beyond the end of clean.txt"]),
], ids=["missing-column", "negative-offset", "text-offset", "bad-date", "unknown-mention", "offset-past-text"])
def test_hand_edited_tables_are_refused_in_one_line(edited, name, change, words):
    _edit_csv(edited, name, change)
    with pytest.raises(InputError) as err:
        report.load(edited)
    message = str(err.value)
    assert "\n" not in message
    for w in words:
        assert w in message, message


def test_a_huge_table_is_refused_quickly(edited):
    row = "1,2014,2014-01-01,2014-12-31,year,x,context,,https://example.org,\n"
    header = (edited / "timeline.csv").read_text(encoding="utf-8").splitlines()[0] + "\n"
    (edited / "timeline.csv").write_text(header + row * 1_000_000, encoding="utf-8")
    t = time.perf_counter()
    with pytest.raises(InputError, match="timeline.csv: .*limit"):
        report.load(edited)
    assert time.perf_counter() - t < 5


@pytest.mark.parametrize("value", [5, 5.0, ["a"]])
def test_processed_dir_of_the_wrong_type_is_one_line(value):
    with pytest.raises(InputError, match="processed_dir: must be a folder path"):
        report.load(value)


def test_a_broken_letter_json_is_one_line(edited):
    (edited / "letter.json").write_text('{"letter_id": "x"}', encoding="utf-8")
    with pytest.raises(InputError, match="letter.json: missing key"):
        report.load(edited)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["sigterm", "ctrl-c"])
def test_an_interrupted_build_says_one_line(buildable_project, how):
    root = buildable_project
    proc = subprocess.Popen([sys.executable, "-m", "compendium", "build"], env=_cli_env(root), cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    # Wait until the notebooks run in the workers, then interrupt as `kill` or a terminal's Ctrl-C does.
    deadline = time.monotonic() + 120
    while not (root / "build" / "executed").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    if how == "sigterm":
        proc.send_signal(signal.SIGTERM)
    else:
        os.killpg(proc.pid, signal.SIGINT)
    out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, (out, err)
    assert err.splitlines() == ["compendium: interrupted; finished outputs are in place, nothing half-written"], err


# --- 11. small ones ------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_utf16_with_a_byte_order_mark_is_decoded(tmp_path, encoding):
    raw = tmp_path / "caldora-letter.txt"
    data = GOOD.decode("utf-8").encode(encoding)
    raw.write_bytes(data if encoding == "utf-16" else b"\xfe\xff" + data)
    out = process(raw, tmp_path / "out", warn=lambda m: None)
    utf8 = process(fixture_path("sig-name-title-org.txt"), tmp_path / "utf8", warn=lambda m: None)
    assert (out / "clean.txt").read_bytes() == (utf8 / "clean.txt").read_bytes()
    assert (out / "signatories.csv").read_bytes() == (utf8 / "signatories.csv").read_bytes()


def test_utf16_without_a_byte_order_mark_is_named(tmp_path):
    raw = tmp_path / "caldora-letter.txt"
    raw.write_bytes(GOOD.decode("utf-8").encode("utf-16-le"))
    with pytest.raises(InputError, match="UTF-16"):
        rawdata.read_raw(raw)


def test_a_killed_verify_leaves_nothing_behind_the_next_run(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    stale = tmp_path / "compendium-verify-stale"
    (stale / "data").mkdir(parents=True)
    (stale / build.VERIFY_LOCK).touch()
    running = tmp_path / "compendium-verify-running"
    running.mkdir()
    with open(running / build.VERIFY_LOCK, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)  # a verify that is still running
        other = tmp_path / "compendium-other"
        other.mkdir()
        build.remove_stale_verify_copies()
        assert not stale.exists()
        assert running.exists() and other.exists()
