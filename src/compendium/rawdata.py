"""The raw letters: ids, reading with input checks, the checksum manifest, `add`.

`data/raw/` is read-only for everything but `add`, which refuses to overwrite.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path

from . import atomic, paths
from .errors import ChecksumError, InputError

MAX_BYTES = 1_000_000  # a letter is a few kB; anything near 1 MB is not a letter
LETTER_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def read_curated_csv(path: Path, columns: tuple[str, ...]) -> "csv.DictReader":
    """Rows of a hand-edited CSV in data/raw (codebook, context events), checked for
    encoding and columns; rows are numbered from 2 in error messages (line 1 is the header)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (undecodable byte at offset {exc.start}); save it as UTF-8") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}")
    return reader


def check_letter_id(letter_id: str, where: str = "letter id") -> str:
    if not isinstance(letter_id, str) or not LETTER_ID.fullmatch(letter_id):
        raise InputError(
            where,
            f"invalid letter id {letter_id!r}: use lowercase letters, digits and single hyphens",
        )
    return letter_id


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_raw(path: Path) -> bytes:
    """Read a raw letter file, refusing anything that cannot be a letter."""
    path = Path(path)
    if not path.exists():
        raise InputError(path, "no such file")
    if path.is_dir():
        raise InputError(path, "is a directory, not a letter file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(path, f"file is {size} bytes, over the {MAX_BYTES}-byte limit for a letter")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(path, "file is empty or holds only white space")
    if b"\x00" in data:
        raise InputError(path, "file holds NUL bytes: binary, not a text letter")
    controls = sum(1 for b in data if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(4, len(data) // 100):
        raise InputError(path, f"file looks binary ({controls} control bytes)")
    return data


def read_manifest() -> dict[str, str]:
    """Map of path relative to data/raw -> sha256, from data/raw/SHA256SUMS."""
    mpath = paths.manifest_path()
    if not mpath.exists():
        return {}
    entries: dict[str, str] = {}
    for n, line in enumerate(mpath.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        m = re.fullmatch(r"([0-9a-f]{64})  (\S+)", line)
        if not m:
            raise InputError(mpath, f"line {n} is not '<sha256>  <path>'")
        entries[m.group(2)] = m.group(1)
    return entries


def manifest_text(entries: dict[str, str]) -> str:
    return "".join(f"{digest}  {rel}\n" for rel, digest in sorted(entries.items()))


def registered_letters() -> list[tuple[str, Path]]:
    """Every letter in the manifest as (letter id, path), sorted by id."""
    out = []
    for rel in sorted(read_manifest()):
        if rel.startswith("letters/") and rel.endswith(".txt"):
            letter_id = rel[len("letters/") : -len(".txt")]
            out.append((check_letter_id(letter_id, str(paths.manifest_path())), paths.raw_dir() / rel))
    return out


def _relative_to_raw(path: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(paths.raw_dir().resolve()).as_posix()
    except ValueError:
        return None


def verify(path: Path, data: bytes) -> None:
    """Refuse a registered raw file whose bytes no longer match the manifest."""
    rel = _relative_to_raw(path)
    if rel is None:
        return  # a letter outside data/raw is being tried out, not registered
    expected = read_manifest().get(rel)
    if expected is None:
        raise InputError(path, "is in data/raw but not in data/raw/SHA256SUMS: register it with `compendium add`")
    actual = sha256(data)
    if actual != expected:
        raise ChecksumError(
            path,
            f"checksum {actual[:12]}… does not match the manifest ({expected[:12]}…): "
            "raw data is immutable; restore the file (git checkout) or add the new version under a new id",
        )


def verify_all() -> list[tuple[str, Path]]:
    letters = registered_letters()
    for _, path in letters:
        verify(path, read_raw(path))
    return letters


def letter_id_for(path: Path, given: str | None = None) -> str:
    if given is not None:
        # The error names the file the id was given for, then the bad --id.
        try:
            return check_letter_id(given, str(path))
        except InputError as exc:
            raise InputError(path, f"--id: {exc.problem}") from None
    return check_letter_id(Path(path).stem, str(path))


def add(path: Path, letter_id: str | None = None) -> Path:
    """Register a new letter: copy it byte for byte into data/raw/letters, update the manifest.

    The letter must parse (date line, signature block) before it is added, so
    nothing that the pipeline would refuse ever enters data/raw.
    """
    from .process import parse_letter  # late import: parsing needs the heavier modules

    path = Path(path)
    letter_id = letter_id_for(path, letter_id)
    data = read_raw(path)
    parse_letter(data, letter_id, where=path)
    target = paths.letters_dir() / f"{letter_id}.txt"
    entries = read_manifest()
    rel = f"letters/{letter_id}.txt"
    if target.exists() or rel in entries:
        raise InputError(path, f"letter id {letter_id!r} is already registered ({target}); choose another --id")
    digest = sha256(data)
    for other, other_digest in entries.items():
        if other_digest == digest:
            raise InputError(path, f"same content is already registered as {other}")
    atomic.write_bytes(target, data)
    entries[rel] = digest
    atomic.write_text(paths.manifest_path(), manifest_text(entries))
    return target
