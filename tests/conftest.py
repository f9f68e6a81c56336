"""Shared fixtures: the real letter processed once, fixture letters processed on
demand, and a throw-away project copy for the CLI and `add`.

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

ROOT = Path(__file__).resolve().parents[1]
REAL_ID = "2014-09-10-kerry-unga-north-korea"
REAL_RAW = ROOT / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
CODEBOOK = ROOT / "data" / "raw" / "codebook.csv"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "letters"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def fixture_path(name: str) -> Path:
    path = FIXTURES / name
    assert path.exists(), path
    return path


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


def read_processed(out: Path, warnings: list[str] | None = None) -> Processed:
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


def check_offsets(p: Processed) -> None:
    """Every span in the tables indexes clean.txt exactly."""
    for m in p.mentions.itertuples():
        assert p.clean[m.start : m.end] == m.text, (m.mention_id, m.kind, m.text)
    for row in p.paragraphs.itertuples():
        assert p.clean[int(row.start) : int(row.end)] == row.text, (row.paragraph_id, row.text)
    for s in p.signatories.itertuples():
        block = p.clean[int(s.start) : int(s.end)]
        assert block.startswith(s.written), (s.written, block)


def check_brat(p: Processed) -> None:
    """clean.ann read back gives the mentions of mentions.csv, in order."""
    back = brat.loads(p.clean, p.ann)
    got = [(m["kind"], m["start"], m["end"], m["text"], m["value"]) for m in back]
    want = [(m.kind, m.start, m.end, m.text, m.value) for m in p.mentions.itertuples()]
    assert got == want


def process_letter(raw: Path, out: Path, letter_id: str | None = None, codebook: Path | None = None) -> Processed:
    """process() one letter into `out`, read it back, and check its offsets."""
    warnings: list[str] = []
    process(raw, out, letter_id, codebook, warn=warnings.append)
    p = read_processed(out, warnings)
    check_offsets(p)
    return p


@pytest.fixture(scope="session")
def real(tmp_path_factory) -> Processed:
    """The real letter (data/raw, read only), processed into a temporary folder."""
    return process_letter(REAL_RAW, tmp_path_factory.mktemp("real") / REAL_ID)


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
            done[name] = process_letter(raw, base / raw.stem, letter_id=raw.stem)
        return done[name]

    return get


# --- a project copy for the CLI and `add` ---------------------------------------------

def tree_digest(folder: Path) -> dict[str, str]:
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


@pytest.fixture
def buildable_project(tmp_path, monkeypatch) -> Path:
    """A copy of data/raw, the notebooks and the lock file (what a build reads), with
    COMPENDIUM_ROOT pointing at it."""
    root = tmp_path / "project"
    shutil.copytree(ROOT / "data" / "raw", root / "data" / "raw")
    shutil.copytree(ROOT / "notebooks", root / "notebooks")
    shutil.copy2(ROOT / "requirements.lock", root / "requirements.lock")
    monkeypatch.setenv("COMPENDIUM_ROOT", str(root))
    return root


def run_cli(*args: str | Path, root: Path) -> subprocess.CompletedProcess:
    """`python -m compendium ARGS` with COMPENDIUM_ROOT=root."""
    return run_cli_together([args], root=root)[0]


def run_cli_together(commands: list[tuple], root: Path) -> list[subprocess.CompletedProcess]:
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
