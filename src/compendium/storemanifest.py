"""What the corpus store holds (compendium.store), read with the standard library only: a build
with nothing to do checks the store without importing pyarrow or pandas."""

from __future__ import annotations

import hashlib
from pathlib import Path

from . import contract

FOLDER = "_corpus"  # not a letter id (ids are lowercase letters, digits and hyphens)
MANIFEST = "letters.sha256"
PARQUET = tuple(f"{name}.parquet" for name in ("letters", *contract.TABLE_NAMES))


def folder(root: Path) -> Path:
    return Path(root) / FOLDER


def folder_digest(letter_dir: Path) -> str:
    """SHA-256 over the files a letter's rows come from (names and bytes)."""
    h = hashlib.sha256()
    for name in contract.REPORT_FILES:
        data = (letter_dir / name).read_bytes()
        h.update(name.encode() + b"\0" + len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def manifest_text(digests: dict[str, str]) -> str:
    return "".join(f"{d}  {lid}\n" for lid, d in sorted(digests.items()))


def stored_digests(root: Path) -> dict[str, str] | None:
    """letters.sha256 of the store under `root`: letter id → digest (None if missing or malformed).
    The standard library only: a build with nothing to do checks it without pyarrow."""
    try:
        text = (folder(root) / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    out = {}
    for line in text.splitlines():
        d, sep, lid = line.partition("  ")
        if not sep or len(d) != 64:
            return None
        out[lid] = d
    return out


def holds(root: Path, letter_ids: list[str]) -> bool:
    """A cheap check for a build with nothing else to do (no pyarrow): the store exists and holds
    exactly these letters (a letter whose folder changed is reprocessed, and that build updates
    the store)."""
    digests = stored_digests(root)
    return digests is not None and sorted(digests) == sorted(letter_ids) and all(
        (folder(root) / n).is_file() for n in PARQUET)
