"""Workaround for an upstream import cost, used by the report builder only.

nbformat imports jsonschema, whose format checkers import `rfc3987_syntax`
if installed; that module compiles a Lark grammar for IRIs at import time,
about 1.2 s here (`python -X importtime -c "import nbformat"`: 1.18 s of
nbformat's 1.38 s). Notebook validation never checks the "iri" format, so
the grammar is never used by a build. `install()` puts a stand-in module in
its place whose `is_valid_syntax` imports the real module on first use: the
behaviour is unchanged, only deferred. Measured gain: see README,
"Performance". tests/test_reports.py (test_fastimport_changes_no_report) checks a report built with the stand-in
is byte-identical to one built without it.
"""

from __future__ import annotations

import importlib
import sys
import types

_NAME = "rfc3987_syntax"


def install() -> None:
    if _NAME in sys.modules:
        return
    shim = types.ModuleType(_NAME)
    shim.__doc__ = "Lazy stand-in for rfc3987_syntax (compendium.fastimport)."
    real: list = []

    def is_valid_syntax(term: str, value: str) -> bool:
        if not real:
            if sys.modules.get(_NAME) is shim:
                del sys.modules[_NAME]
            real.append(importlib.import_module(_NAME).is_valid_syntax)
        return real[0](term, value)

    shim.is_valid_syntax = is_valid_syntax
    sys.modules[_NAME] = shim
