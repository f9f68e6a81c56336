"""Registering a letter: `compendium add`.

A step above processing: a letter (and its corrections) enters data/raw only
after it parses, so this module imports `process`, and nothing below imports
it. Reading and checking raw letters stay in `rawdata`, which imports nothing of
the pipeline; the manifest and data/raw change together in `registry`, under the
project lock.
"""

from __future__ import annotations

from pathlib import Path

from . import lock, registry
from .process import parse_letter
from .rawdata import letter_id_for, read_given_corrections, read_raw


def add(path: Path, letter_id: str | None = None, corrections: Path | None = None) -> Path:
    """Register a new letter: copy it byte for byte into data/raw/letters, update the manifest.

    The letter must parse (date line, signature block) before it is added, so
    nothing that the pipeline would refuse ever enters data/raw; with
    `corrections`, it must parse with them, and they are registered beside it
    (data/raw/corrections/<id>.csv, in the manifest like the letter).
    """
    path = Path(path)
    letter_id = letter_id_for(path, letter_id)
    data = read_raw(path)
    fixes = read_given_corrections(corrections) if corrections is not None else None
    parse_letter(data, letter_id, where=path, corrections=corrections)
    with lock.exclusive():
        registry.recover()
        return registry.add(path, letter_id, data, fixes)
