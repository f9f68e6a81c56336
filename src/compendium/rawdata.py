"""The raw letters: ids, reading with input checks, the checksum manifest.

`data/raw/` is read-only for everything but `compendium add` and `remove`
(compendium.registry). Nothing of the pipeline is imported here.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import re
import stat
from pathlib import Path

from . import paths
from .errors import ChecksumError, InputError

MAX_BYTES = 1_000_000  # a letter is a few kB; anything near 1 MB is not a letter
MAX_CORRECTIONS_BYTES = MAX_BYTES  # an analyst's corrections to one letter: a few rows
MAX_CURATED_BYTES = 32_000_000  # the codebook and the context events: about 100 bytes a row
MAX_ID_LENGTH = 100  # ids become file and folder names; file systems allow 255 bytes
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
LETTER_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def read_curated_csv(path: Path, columns: tuple[str, ...], what: str, text: str | None = None):
    """Rows of a hand-edited CSV in data/raw (codebook, context events) as (row number, row),
    numbered from 2 (line 1 is the header). The file gets a raw letter's checks (a regular
    file, at most MAX_CURATED_BYTES, UTF-8); `text` is its content when already read so."""
    if text is None:
        text = read_text(path, MAX_CURATED_BYTES, what)
    reader = csv_reader(path, text)
    missing = [c for c in columns if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, f"missing column(s) {', '.join(missing)}")
    return csv_rows(reader, path)


def csv_reader(path: Path, text: str) -> "csv.DictReader":
    """A DictReader whose header is read: a malformed header is one line naming the file."""
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        reader.fieldnames  # noqa: B018 (reading it reads the header)
    except csv.Error as exc:
        raise InputError(f"{path}:1", f"not valid CSV ({exc})") from None
    return reader


def csv_rows(reader: "csv.DictReader", path: Path):
    """(row number, row) of each row, from 2; a row the csv module cannot read (a cell over
    its 131072-character limit), or with more cells than the header (empty ones aside),
    is one line naming the file and the row, never silently cut to the header's columns."""
    rows = iter(reader)
    n = 1
    while True:
        n += 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(f"{path}:{n}", f"not valid CSV ({exc})") from None
        extra = [cell for cell in row.get(None) or () if cell.strip()]  # csv.DictReader's cells past the header's
        if extra:
            raise InputError(f"{path}:{n}", f"{len(row[None])} cell(s) more than the header's {len(reader.fieldnames)} "
                                            f"columns (the first: {shown(extra[0])}): a comma too many, or a cell "
                                            "holding commas that is not in quotes")
        yield n, row


def check_curated(path: Path, what: str) -> None:
    """The codebook or the context events, if present, is a regular file within the limit:
    checked before anything reads it (a FIFO would block the build, a folder end it in a traceback)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror})") from None
    _regular(path, st, MAX_CURATED_BYTES, what)


def read_text(path: Path, limit: int, what: str) -> str:
    """A hand-written text file (corrections, codebook, context events) as UTF-8, read
    with the checks a raw letter gets."""
    data = read_bounded(path, limit, what)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 (undecodable byte at offset {exc.start}); save it as UTF-8") from None


def shown(value: str, limit: int = 40) -> str:
    """A value as an error message quotes it: whole when short, its start and length when long."""
    return repr(value) if len(value) <= limit else f"{value[:limit]!r}… ({len(value)} characters)"


def check_letter_id(letter_id: str, where: str = "letter id") -> str:
    if isinstance(letter_id, str) and len(letter_id) > MAX_ID_LENGTH:
        raise InputError(where, f"invalid letter id {letter_id[:20]!r}… ({len(letter_id)} characters): "
                                f"over the {MAX_ID_LENGTH}-character limit")
    if not isinstance(letter_id, str) or not LETTER_ID.fullmatch(letter_id):
        raise InputError(
            where,
            f"invalid letter id {letter_id!r}: use lowercase letters, digits and single hyphens",
        )
    return letter_id


def read_given_corrections(path: Path) -> bytes:
    """A corrections file given with --corrections, read as every corrections file is (a regular
    file, at most MAX_CORRECTIONS_BYTES); its one-line error names the option."""
    try:
        return read_bounded(Path(path), MAX_CORRECTIONS_BYTES, "corrections")
    except InputError as exc:
        raise InputError(path, f"--corrections: {exc.problem}") from None


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _regular(path: Path, st: os.stat_result, limit: int, what: str) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(path, f"is a directory, not a {what} file")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(path, f"not a regular file (a FIFO, device or socket): save the {what} to a file")
    if st.st_size > limit:
        raise InputError(path, f"file is {st.st_size} bytes, over the {limit}-byte limit for a {what} file")


def read_bounded(path: Path, limit: int = MAX_BYTES, what: str = "letter") -> bytes:
    """The bytes of a file given as input, refusing anything that cannot be one.

    Only a regular file is opened (a FIFO would block, a device never end), and
    at most `limit` + 1 bytes are read whatever its size on disk says (0 for
    /proc files)."""
    path = Path(path)
    try:
        _regular(path, os.stat(path), limit, what)  # follows a symlink: what it points to must be a file
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except OSError as exc:
        raise InputError(path, f"cannot read the file ({exc.strerror})") from None
    with os.fdopen(fd, "rb") as fh:
        _regular(path, os.fstat(fh.fileno()), limit, what)  # the file opened is the file checked
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InputError(path, f"file holds more than {limit} bytes, over the {limit}-byte limit for a {what} file")
    return data


def read_raw(path: Path) -> bytes:
    """Read a raw letter file, refusing anything that cannot be a letter."""
    data = read_bounded(path)
    probe = data
    if data.startswith(UTF16_BOMS) and b"\x00" in data:  # UTF-16 with a BOM is decoded (clean.decode): check its text
        try:
            probe = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputError(path, f"starts with a UTF-16 byte-order mark but holds undecodable bytes at offset "
                                   f"{exc.start + 2}: re-save it as UTF-8") from None
    if not probe.strip():
        raise InputError(path, "file is empty or holds only white space")
    if b"\x00" in probe:
        hint = " (UTF-16 without a byte-order mark? re-save it as UTF-8)" if probe.count(b"\x00") * 3 > len(probe) else ""
        raise InputError(path, f"file holds NUL bytes: binary, not a text letter{hint}")
    controls = sum(1 for b in probe if b < 32 and b not in (9, 10, 12, 13))
    if controls > max(4, len(probe) // 100):
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


def registered_letters(manifest: dict[str, str] | None = None) -> list[tuple[str, Path]]:
    """Every letter in the manifest (read here unless given) as (letter id, path), sorted by id."""
    out = []
    for rel in sorted(manifest if manifest is not None else read_manifest()):
        if rel.startswith("letters/") and rel.endswith(".txt"):
            letter_id = rel[len("letters/") : -len(".txt")]
            out.append((check_letter_id(letter_id, str(paths.manifest_path())), paths.raw_dir() / rel))
    return out


def relative_to_raw(path: Path) -> str | None:
    try:
        return Path(path).resolve().relative_to(paths.raw_dir().resolve()).as_posix()
    except ValueError:
        return None


def verify(path: Path, data: bytes, manifest: dict[str, str] | None = None, actual: str | None = None) -> None:
    """Refuse a registered raw file whose bytes no longer match the manifest (read here unless
    given; `actual` is the SHA-256 of `data` when already known)."""
    rel = relative_to_raw(path)
    if rel is None:
        return  # a letter outside data/raw is being tried out, not registered
    expected = (manifest if manifest is not None else read_manifest()).get(rel)
    if expected is None:
        raise InputError(path, "is in data/raw but not in data/raw/SHA256SUMS: register it with `compendium add`")
    actual = actual or sha256(data)
    if actual != expected:
        raise ChecksumError(
            path,
            f"checksum {actual[:12]}… does not match the manifest ({expected[:12]}…): "
            "raw data is immutable; restore the file (git checkout) or add the new version under a new id",
        )


def verify_all(known=None) -> list[tuple[str, Path]]:
    """Every registered letter and corrections file checked against the manifest, and the
    codebook and context events checked to be readable, before a build reads any of them.
    `known(path, compute)`, if given, is a stat cache (compendium.hashcache): it gives the
    SHA-256 of a letter that passed read_raw's checks unchanged since, or calls `compute`."""
    manifest = read_manifest()  # once: read per letter, it made the check quadratic in letters
    letters = registered_letters(manifest)
    for _, path in letters:
        if known is None:
            verify(path, read_raw(path), manifest)
        else:
            verify(path, b"", manifest, known(path, lambda path=path: sha256(read_raw(path))))
    check_curated(paths.codebook_path(), "codebook")
    check_curated(paths.context_path(), "context events")
    verify_corrections({letter_id for letter_id, _ in letters}, manifest)
    return letters


def verify_corrections(registered: set[str], manifest: dict[str, str] | None = None) -> None:
    """Every corrections file in data/raw/corrections (hidden files aside) is a registered
    letter's, registered beside it in the manifest and unchanged; every one the manifest lists
    is there. A file for no letter would otherwise be ignored without a word."""
    folder = paths.raw_dir() / "corrections"
    manifest = manifest if manifest is not None else read_manifest()
    for rel in manifest:
        if rel.startswith("corrections/"):
            path = paths.raw_dir() / rel
            if rel[len("corrections/") : -len(".csv")] not in registered:
                raise InputError(path, f"is in {paths.manifest_path().name} as the corrections of a letter that is not "
                                       "registered: register the letter, or remove the line and the file")
            if not path.exists() and not path.is_symlink():
                raise InputError(path, f"is in {paths.manifest_path().name} but missing: restore it (git checkout data/raw)")
    if not folder.is_dir():
        return
    for path in sorted(folder.iterdir()):
        if path.name.startswith("."):
            continue
        if path.suffix != ".csv" or path.stem not in registered:
            raise InputError(path, "corrections for no registered letter (a letter's are "
                                   "data/raw/corrections/<letter id>.csv): check the id, register the letter with "
                                   "`compendium add LETTER --id <letter id> --corrections FILE`, or move the file out of data/raw")
        verify(path, read_bounded(path, MAX_CORRECTIONS_BYTES, "corrections"), manifest)


def letter_id_for(path: Path, given: str | None = None) -> str:
    if given is not None:
        # The error names the file the id was given for, then the bad --id.
        try:
            return check_letter_id(given, str(path))
        except InputError as exc:
            raise InputError(path, f"--id: {exc.problem}") from None
    stem = Path(path).stem
    if LETTER_ID.fullmatch(stem) and len(stem) <= MAX_ID_LENGTH:
        return stem
    return derive_letter_id(stem)


def derive_letter_id(stem: str) -> str:
    """A valid id from any file name: '000_D01407f7be71f976' → '000-d01407f7be71f976'
    (accents dropped, runs of other characters become one hyphen, at most MAX_ID_LENGTH)."""
    import unicodedata

    plain = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode().lower()
    derived = re.sub(r"[^a-z0-9]+", "-", plain).strip("-")[:MAX_ID_LENGTH].strip("-")
    return derived or "letter"


def is_registered_path(path: Path) -> bool:
    rel = relative_to_raw(path)
    return rel is not None and rel.startswith("letters/")


def corrections_path(letter_id: str) -> Path:
    return paths.raw_dir() / "corrections" / f"{letter_id}.csv"

