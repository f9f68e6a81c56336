"""Bad input reaching `make reports` (compendium build): one line, exit 2, nothing changed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from support import ROOT

REAL = "2014-09-10-kerry-unga-north-korea"


@pytest.fixture
def built(buildable_project):
    """A project copy with the committed processed data and reports in place."""
    root = buildable_project
    for sub in ("data/processed", "reports"):
        shutil.copytree(ROOT / sub, root / sub)
    return root


def _tree(root: Path) -> dict[str, bytes]:
    files = (p for p in sorted(root.rglob("*")) if p.is_file())
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in files
            if not p.relative_to(root).as_posix().startswith("build/")}


def _build(root: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "compendium", "build"], env=env, capture_output=True, text=True)


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("breakage, expected", [
    (lambda r: _edit(r / "data/raw/letters" / f"{REAL}.txt", "Dear Secretary Kerry,", "Dear Secretary,"),
     f"letters/{REAL}.txt: checksum"),
    (lambda r: _edit(r / "data/raw/codebook.csv", ",think tank,,https://tcf.org", ",thinktank,,https://tcf.org"),
     "codebook.csv:2: unknown sector 'thinktank'"),
    (lambda r: _edit(r / "data/raw/codebook.csv", "Freedom House,,advocacy", "Freedom House,HRW,advocacy"),
     "alias 'HRW' is listed for both"),
    (lambda r: _edit(r / "data/raw/context_events.csv", ",2014-09-23,", ",2014-09-31,"),
     "context_events.csv:8: invalid date '2014-09-31'"),
    (lambda r: _edit(r / "data/raw/context_events.csv", ",1,https://www.scoop.co.nz", ",1,www.scoop.co.nz"),
     "context_events.csv:8: no source"),
    (lambda r: (r / "data/raw/context_events.csv").write_bytes(b"letter_id,date\n\xff\xfe\x00bad\n"),
     "context_events.csv: not UTF-8"),
], ids=["changed-letter", "unknown-sector", "duplicated-alias", "invalid-context-date", "context-without-source",
        "context-not-utf8"])
def test_make_reports_refuses_bad_input_and_changes_nothing(built, breakage, expected):
    # Make the outputs stale, so the build would rewrite them if it did not stop.
    (built / "build").mkdir(exist_ok=True)
    breakage(built)
    before = _tree(built)
    result = _build(built)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("compendium: error: ") and expected in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert _tree(built) == before


def test_unwritable_output_folder_is_one_line(tmp_path):
    target = tmp_path / "file-not-folder"
    target.write_text("x", encoding="utf-8")
    env = {**os.environ}
    result = subprocess.run([sys.executable, "-m", "compendium", "process", str(ROOT / "data/raw/letters" / f"{REAL}.txt"),
                             "--out", str(target / "out")], env=env, capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "cannot write the output folder" in result.stderr


def _deaf_worker(ready) -> None:
    import signal
    import time

    signal.signal(signal.SIGTERM, signal.SIG_IGN)  # as a worker whose SIGTERM an import swallowed
    ready.set()
    time.sleep(600)


def test_a_worker_deaf_to_sigterm_is_killed_and_one_waiting_for_jobs_sees_stop():
    # A build that failed early once never ended: its worker had lost the SIGTERM while importing
    # and waited for jobs, and multiprocessing joined it at exit for ever.
    import multiprocessing
    import time

    from compendium.build import pool as pool_mod
    from compendium.build.worker import _next_batch

    ctx = multiprocessing.get_context("fork")
    ready = ctx.Event()
    p = ctx.Process(target=_deaf_worker, args=(ready,), daemon=True)
    p.start()
    assert ready.wait(10)
    pool = object.__new__(pool_mod.Pool)
    pool.workers, pool.stop_event = [p], ctx.Event()
    t = time.perf_counter()
    pool.stop(grace=1)
    assert not p.is_alive() and time.perf_counter() - t < 10

    todo, stop = ctx.Queue(), ctx.Event()
    stop.set()
    assert _next_batch(todo, stop, every=0.05) is None  # an empty queue and a stopped build: no wait
    stop.clear()
    todo.put(["job"])
    assert _next_batch(todo, stop, every=0.05) == ["job"]
