"""The project's own errors. The CLI turns each into one line on stderr and exit code 2."""

from __future__ import annotations

from pathlib import Path


class CompendiumError(Exception):
    """Base of every error the compendium raises on purpose."""


class InputError(CompendiumError):
    """A file or parameter the user gave cannot be used.

    The message always names the file (or parameter) first, then the problem,
    so the one line on stderr says where to look and what to do.
    """

    def __init__(self, where: str | Path, problem: str):
        self.where = str(where)
        self.problem = problem
        super().__init__(f"{self.where}: {problem}")


class ChecksumError(InputError):
    """A raw file no longer matches the checksum manifest."""


class BuildError(CompendiumError):
    """A report could not be built (a notebook failed)."""


class InternalError(CompendiumError):
    """A check of the compendium's own output failed: a bug in the compendium, not a
    problem with what the user gave (no file or parameter to fix)."""

    def __init__(self, problem: str):
        super().__init__(f"internal error (a bug in the compendium, not in the input; --debug shows where): {problem}")
