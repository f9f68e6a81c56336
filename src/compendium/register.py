"""Registering a letter: `compendium add`.

A step above processing: a letter (and its corrections) enters data/raw only
after it parses, so this module imports `process`, and nothing below imports
it. Reading, checking and unregistering raw letters stay in `rawdata`, which
imports nothing of the pipeline.
"""

from __future__ import annotations

from pathlib import Path

from . import atomic, paths
from .errors import InputError
from .process import parse_letter
from .rawdata import corrections_path, letter_id_for, manifest_text, read_manifest, read_raw, sha256


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
    if corrections is not None and not Path(corrections).is_file():
        raise InputError(corrections, "--corrections: no such file")
    parse_letter(data, letter_id, where=path, corrections=corrections)
    target = paths.letters_dir() / f"{letter_id}.txt"
    entries = read_manifest()
    rel = f"letters/{letter_id}.txt"
    if target.exists() or rel in entries:
        raise InputError(path, f"letter id {letter_id!r} is already registered ({target}); choose another --id")
    digest = sha256(data)
    for other, other_digest in entries.items():
        if other_digest == digest:
            raise InputError(path, f"same content is already registered as {other}")
    fixes_target = corrections_path(letter_id)
    if corrections is not None and fixes_target.exists():
        raise InputError(path, f"{fixes_target} already exists: remove it or choose another --id")
    atomic.write_bytes(target, data)
    entries[rel] = digest
    if corrections is not None:
        fixes = Path(corrections).read_bytes()
        fixes_target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_bytes(fixes_target, fixes)
        entries[f"corrections/{letter_id}.csv"] = sha256(fixes)
    atomic.write_text(paths.manifest_path(), manifest_text(entries))
    return target
