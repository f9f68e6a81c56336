"""The package's layers (the import-linter contract in pyproject.toml): every import points down.
`make lint` checks the whole contract; these tests keep the circles issue 10 closed within
`make test` too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from compendium.build import import_closure
from support import ROOT


def test_raw_data_and_the_contract_import_nothing_of_the_pipeline():
    # rawdata imported process (for `add`), closing process → rawdata → process; schemas
    # imported annotate and codebook for their vocabularies.
    assert import_closure("rawdata") == ("errors", "paths", "rawdata")  # remove moved to registry
    assert import_closure("contract") == ("contract",)
    assert import_closure("schemas") == ("contract", "schemas")
    assert "register" not in import_closure("process")


def test_the_import_layers_hold():
    lint_imports = Path(sys.executable).parent / "lint-imports"
    if not lint_imports.exists():
        pytest.skip("import-linter is not installed (`make lint` installs requirements-lint.lock)")
    done = subprocess.run([str(lint_imports)], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]


def test_the_lint_lock_pins_what_requirements_lock_pins_alike():
    """requirements-lint.lock (make lint) is compiled against requirements.lock: installing it
    never changes a package the build uses (`make lock` regenerates both)."""
    import re

    def pins(name: str) -> dict[str, str]:
        lines = (ROOT / name).read_text(encoding="utf-8").splitlines()
        return {m[1].lower(): m[2] for m in (re.match(r"([\w.\-]+)==(\S+)", x) for x in lines) if m}

    main, lint = pins("requirements.lock"), pins("requirements-lint.lock")
    assert {"ruff", "import-linter"} <= set(lint)
    assert {k: (v, lint[k]) for k, v in main.items() if k in lint and lint[k] != v} == {}
