"""Shared fixtures: the real letter processed once, fixture letters processed on
demand, a throw-away project copy for the CLI and `add`, and the helpers the test
files share (reading a processed folder back, checking its offsets, running the CLI),
each a fixture that returns the function: a test asks for `run_cli` as it asks for
`tmp_path`, and nothing imports this file. Paths needed at collection time (the
project root, the fixture letters) are in support.py.

Nothing here writes into the repository's data/raw or data/processed: outputs
go to pytest's temporary folders, and the CLI runs with COMPENDIUM_ROOT set to
a copy of the project's inputs.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import pytest

from compendium import brat
from compendium.process import process
from support import REAL_ID, REAL_RAW, ROOT, fixture_path

@dataclass
class Processed:
    """One letter's processed folder, read back."""

    out: Path
    clean: str
    letter: dict
    paragraphs: pd.DataFrame
    signatories: pd.DataFrame
    affiliations: pd.DataFrame
    mentions: pd.DataFrame
    timeline: pd.DataFrame
    ann: str
    warnings: list[str]

    def kind(self, kind: str) -> pd.DataFrame:
        return self.mentions[self.mentions.kind == kind]

    def person(self, name: str) -> pd.Series:
        rows = self.signatories[self.signatories.name == name]
        assert len(rows) == 1, f"{name!r} is not exactly one signatory: {list(self.signatories.name)}"
        return rows.iloc[0]

    def affiliations_of(self, name: str) -> list[dict]:
        rows = self.affiliations[self.affiliations.name == name]
        return rows[["title", "unit", "organization", "former", "sector"]].to_dict("records")


def _csv(path: Path) -> pd.DataFrame:
    # Every column as text, empty cells as "": what a reader of the CSV sees.
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def _read_processed(out: Path, warnings: list[str] | None = None) -> Processed:
    mentions = _csv(out / "mentions.csv")
    for col in ("start", "end"):
        mentions[col] = mentions[col].astype(int)
    return Processed(
        out=out,
        clean=(out / "clean.txt").read_text(encoding="utf-8"),
        letter=json.loads((out / "letter.json").read_text(encoding="utf-8")),
        paragraphs=_csv(out / "paragraphs.csv"),
        signatories=_csv(out / "signatories.csv"),
        affiliations=_csv(out / "affiliations.csv"),
        mentions=mentions,
        timeline=_csv(out / "timeline.csv"),
        ann=(out / "clean.ann").read_text(encoding="utf-8"),
        warnings=warnings or [],
    )


def _check_offsets(p: Processed) -> None:
    """Every span in the tables indexes clean.txt exactly."""
    for m in p.mentions.itertuples():
        assert p.clean[m.start : m.end] == m.text, (m.mention_id, m.kind, m.text)
    for row in p.paragraphs.itertuples():
        assert p.clean[int(row.start) : int(row.end)] == row.text, (row.paragraph_id, row.text)
    for s in p.signatories.itertuples():
        block = p.clean[int(s.start) : int(s.end)]
        assert block.startswith(s.written), (s.written, block)


def _check_brat(p: Processed) -> None:
    """clean.ann read back gives the mentions of mentions.csv, in order."""
    back = brat.loads(p.clean, p.ann)
    got = [(m["kind"], m["start"], m["end"], m["text"], m["value"]) for m in back]
    want = [(m.kind, m.start, m.end, m.text, m.value) for m in p.mentions.itertuples()]
    assert got == want


def _process_letter(raw: Path, out: Path, letter_id: str | None = None, codebook: Path | None = None) -> Processed:
    """process() one letter into `out`, read it back, and check its offsets."""
    warnings: list[str] = []
    process(raw, out, letter_id, codebook, warn=warnings.append)
    p = _read_processed(out, warnings)
    _check_offsets(p)
    return p


@pytest.fixture(scope="session")
def real(tmp_path_factory) -> Processed:
    """The real letter (data/raw, read only), processed into a temporary folder."""
    return _process_letter(REAL_RAW, tmp_path_factory.mktemp("real") / REAL_ID)


@pytest.fixture(scope="session")
def real_raw_text() -> str:
    return REAL_RAW.read_bytes().decode("utf-8")


@pytest.fixture(scope="session")
def letters(tmp_path_factory):
    """Fixture letters processed on demand, once per session: letters("sig-unit-lines.txt")."""
    base = tmp_path_factory.mktemp("fixtures")
    done: dict[str, Processed] = {}

    def get(name: str) -> Processed:
        if name not in done:
            raw = fixture_path(name)
            done[name] = _process_letter(raw, base / raw.stem, letter_id=raw.stem)
        return done[name]

    return get


# --- a project copy for the CLI and `add` ---------------------------------------------

def _tree_digest(folder: Path) -> dict[str, str]:
    """Relative path -> sha256 of every file under `folder` (a snapshot to compare)."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A copy of data/raw under tmp_path/project, with COMPENDIUM_ROOT pointing at it."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    monkeypatch.setenv("COMPENDIUM_ROOT", str(root))
    return root


def _copy_buildable_project(root: Path) -> Path:
    """Copy data/raw, the notebooks and the lock file (what a build reads) to `root`."""
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copy2(ROOT / "requirements.lock", root / "requirements.lock")
    return root


@pytest.fixture
def buildable_project(tmp_path, monkeypatch) -> Path:
    """A copy of data/raw, the notebooks and the lock file (what a build reads), with
    COMPENDIUM_ROOT pointing at it."""
    root = _copy_buildable_project(tmp_path / "project")
    monkeypatch.setenv("COMPENDIUM_ROOT", str(root))
    return root


@pytest.fixture(scope="session")
def copy_buildable_project():
    """copy_buildable_project(root): what `buildable_project` copies, to a folder of the
    test's choosing (COMPENDIUM_ROOT untouched), for a project at a path of its own."""
    return _copy_buildable_project


def _run_cli(*args: str | Path, root: Path) -> subprocess.CompletedProcess:
    """`python -m compendium ARGS` with COMPENDIUM_ROOT=root."""
    return _run_cli_together([args], root=root)[0]


def _run_cli_together(commands: list[tuple], root: Path) -> list[subprocess.CompletedProcess]:
    """Several independent commands at once (each start-up imports pandas: ~1 s)."""
    env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
    procs = [(args, subprocess.Popen([sys.executable, "-m", "compendium", *map(str, args)], cwd=root, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
             for args in commands]
    done = []
    for args, proc in procs:
        out, err = proc.communicate(timeout=120)
        done.append(subprocess.CompletedProcess([*map(str, args)], proc.returncode, out, err))
    return done


def _assert_refused(proc, where: Path | str, *words: str) -> str:
    """Exit 2, nothing on stdout, exactly one stderr line 'compendium: error: <where>: <problem>'."""
    assert proc.returncode == 2, (proc.returncode, proc.stdout, proc.stderr)
    assert "Traceback" not in proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1, proc.stderr
    line = lines[0]
    assert line.startswith(f"compendium: error: {where}: "), line
    problem = line[len(f"compendium: error: {where}: "):]
    for w in words:
        assert w in problem, (w, line)
    return problem


# --- the helpers above, as fixtures ---------------------------------------------------
# Session-scoped: they hold no state, and hypothesis tests (test_properties) may use them.

@pytest.fixture(scope="session")
def read_processed():
    """read_processed(out, warnings=None) -> Processed: a processed folder read back."""
    return _read_processed


@pytest.fixture(scope="session")
def check_offsets():
    """check_offsets(p): every span in the tables indexes clean.txt exactly."""
    return _check_offsets


@pytest.fixture(scope="session")
def check_brat():
    """check_brat(p): clean.ann read back gives the mentions of mentions.csv, in order."""
    return _check_brat


@pytest.fixture(scope="session")
def process_letter():
    """process_letter(raw, out, letter_id=None, codebook=None) -> Processed, offsets checked."""
    return _process_letter


@pytest.fixture(scope="session")
def tree_digest():
    """tree_digest(folder) -> {relative path: sha256}: a snapshot to compare."""
    return _tree_digest


@pytest.fixture(scope="session")
def run_cli():
    """run_cli(*args, root=...) -> CompletedProcess of `python -m compendium ARGS`."""
    return _run_cli


@pytest.fixture(scope="session")
def run_cli_together():
    """run_cli_together([args, ...], root=...) -> [CompletedProcess, ...], run at once."""
    return _run_cli_together


@pytest.fixture(scope="session")
def assert_refused():
    """assert_refused(proc, where, *words) -> problem: exit 2, one stderr line naming `where`."""
    return _assert_refused
