"""The package's layers (the import-linter contract in pyproject.toml): every import points down.
`make lint` checks the whole contract; these tests keep the circles issue 10 closed within
`make test` too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compendium.build import import_closure

ROOT = Path(__file__).resolve().parents[1]


def test_raw_data_and_the_contract_import_nothing_of_the_pipeline():
    # rawdata imported process (for `add`), closing process → rawdata → process; schemas
    # imported annotate and codebook for their vocabularies.
    assert import_closure("rawdata") == ("atomic", "errors", "paths", "rawdata")
    assert import_closure("contract") == ("contract",)
    assert import_closure("schemas") == ("contract", "schemas")
    assert "register" not in import_closure("process")


def test_the_import_layers_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed (`make lint` installs requirements-lint.lock)")
    done = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]
