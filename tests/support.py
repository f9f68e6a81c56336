"""Paths the tests need when pytest collects them, defined once.

A plain module, not conftest.py: parametrize lists and module constants (the fixture
letters, the real letter, the notebooks, the committed pages) are built at import time,
before any fixture exists, so they cannot come from a fixture; and conftest.py is
pytest's plugin file, loaded by pytest itself and not meant to be imported (with a
conftest per test folder, `from conftest import` gets whichever is first on sys.path).
Everything with behaviour (processing a letter, reading a processed folder back,
running the CLI, project copies) is a fixture in conftest.py.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # the project root: the only place it is computed
REAL_ID = "2014-09-10-kerry-unga-north-korea"
REAL_RAW = ROOT / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
CODEBOOK = ROOT / "data" / "raw" / "codebook.csv"
FIXTURES = ROOT / "tests" / "fixtures" / "letters"
FIXTURE_FILES = sorted(FIXTURES.glob("*.txt"))


def fixture_path(name: str) -> Path:
    """tests/fixtures/letters/<name>, which must exist."""
    path = FIXTURES / name
    assert path.exists(), path
    return path
