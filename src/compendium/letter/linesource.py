"""Which line-role source the parser runs (compendium.letter.tagger): COMPENDIUM_LINE_ROLES, else
the default. Kept apart from the tagger, with nothing heavy imported, so that the build's staleness
key (compendium.build.staleness) reads the same default the parser runs: choosing another default
is the one line `DEFAULT` below (README, "line roles"; benchmarks/line-roles.md)."""

from __future__ import annotations

import os

from ..errors import InputError

ENV = "COMPENDIUM_LINE_ROLES"
SOURCES = ("rules", "crf", "combined")
# The rules: the CRF and the combined model are measured against them on every gold set, leaving one
# set out (benchmarks/line-roles.md); which one runs is decided on the next blind set, scored once with each.
DEFAULT = "rules"


def source(value: str | None = None) -> str:
    """The line-role source: `value`, else COMPENDIUM_LINE_ROLES, else the default; anything else
    is a one-line error naming the variable."""
    got = value if value is not None else os.environ.get(ENV, "") or DEFAULT
    if got not in SOURCES:
        raise InputError(ENV, f"unknown line-role source {got!r}: use one of {', '.join(SOURCES)}")
    return got
