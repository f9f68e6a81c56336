"""Where things live in the compendium, relative to the project root."""

from __future__ import annotations

import functools
import os
from pathlib import Path

# The project root is found from the package location for an editable install;
# COMPENDIUM_ROOT overrides it (tests and `make verify` build elsewhere).
_PACKAGE_ROOT = Path(__file__).resolve().parents[2]


def root() -> Path:
    env = os.environ.get("COMPENDIUM_ROOT")
    if not env:
        return _PACKAGE_ROOT
    return _resolved(env, "" if os.path.isabs(env) else os.getcwd())


@functools.lru_cache(maxsize=16)
def _resolved(env: str, cwd: str) -> Path:
    """COMPENDIUM_ROOT resolved once per value (and working folder, if relative): a build asks for
    the root thousands of times, and each resolve reads every folder of the path."""
    return Path(env).resolve()


def raw_dir() -> Path:
    return root() / "data" / "raw"


def letters_dir() -> Path:
    return raw_dir() / "letters"


def manifest_path() -> Path:
    return raw_dir() / "SHA256SUMS"


def codebook_path() -> Path:
    return raw_dir() / "codebook.csv"


def context_path() -> Path:
    return raw_dir() / "context_events.csv"


def processed_dir() -> Path:
    return root() / "data" / "processed"


def reports_dir() -> Path:
    return root() / "reports"


def notebooks_dir() -> Path:
    return root() / "notebooks"


def build_dir() -> Path:
    return root() / "build"
