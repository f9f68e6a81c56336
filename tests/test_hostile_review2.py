"""Issue 20, the second hostile review: nothing deleted outside the project, no registration
lost, no input that eats the machine (items 1, 3, 4, 6, 7, 10-16 of it).

Every command runs against a copy of the project (COMPENDIUM_ROOT), never the
repository's own data/ or reports/; what lies outside the project is a folder of the
test's own under tmp_path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from compendium import atomic
from support import REAL_ID, ROOT

REAL_RAW = ROOT / "data" / "raw" / "letters" / f"{REAL_ID}.txt"


def _cli(root: Path, *args, env: dict | None = None, timeout: float = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compendium", *map(str, args)], cwd=root,
                          env={**os.environ, "COMPENDIUM_ROOT": str(root), **(env or {})},
                          capture_output=True, text=True, timeout=timeout)


def _one_line(proc: subprocess.CompletedProcess, *words: str) -> str:
    """Exit 2 and exactly one stderr line, 'compendium: error: …', holding each of `words`."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("compendium: error: "), proc.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])
    return lines[0]


@pytest.fixture
def built(buildable_project) -> Path:
    """A project copy with the committed processed data and reports in place."""
    for sub in ("data/processed", "reports"):
        shutil.copytree(ROOT / sub, buildable_project / sub)
    return buildable_project


# --- 1. a symbolic link in reports/ or data/processed is never followed -------------------

def test_a_link_in_reports_is_refused_and_its_target_kept(built, tmp_path):
    site = tmp_path / "mysite"
    site.mkdir()
    (site / "timeline.html").write_text("mine", encoding="utf-8")
    (built / "reports" / "mysite").symlink_to(site)
    for args in ((), ("--force",)):
        _one_line(_cli(built, "build", *args), "reports/mysite: a symbolic link")
    assert (site / "timeline.html").read_text(encoding="utf-8") == "mine"


def test_a_link_in_data_processed_is_refused_and_its_target_kept(built, tmp_path):
    mine = tmp_path / "elsewhere"
    shutil.copytree(built / "data" / "processed" / REAL_ID, mine)  # looks like the compendium's own folder
    before = sorted(p.name for p in mine.iterdir())
    (built / "data" / "processed" / "zz-link").symlink_to(mine)
    _one_line(_cli(built, "build"), "data/processed/zz-link: a symbolic link")
    _one_line(_cli(built, "process", built / "data/raw/letters" / f"{REAL_ID}.txt"), "data/processed/zz-link: a symbolic link")
    assert sorted(p.name for p in mine.iterdir()) == before
    assert not list((built / "data" / "processed").glob(".*.tmp"))


def test_a_leftover_that_is_a_link_is_removed_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    folder = tmp_path / "processed"
    folder.mkdir()
    (folder / ".gone.dropped.tmp").symlink_to(outside)
    atomic.remove_leftovers(folder)
    assert not (folder / ".gone.dropped.tmp").is_symlink()
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine"
