"""The corpus store: every letter's rows of each table, one Parquet file per table, beside
the processed letters (`data/processed/_corpus/`), updated by delta.

    _corpus/letters.parquet       one row per letter: letter_id, date, subject, addressee, counts,
                                  source_sha256
    _corpus/<table>.parquet       paragraphs, signatories, affiliations, mentions, timeline: the
                                  columns of the processed CSV (compendium.contract) after
                                  letter_id and letter_date
    _corpus/letters.sha256        per letter, the SHA-256 of the files its rows were read from
                                  (`<sha256>  <letter id>` lines, as in SHA256SUMS)

The store is derived data. A letter's rows are read (and checked against the contract,
as `compendium process` checks what it writes, with their offsets into clean.txt) only
when its processed folder changed, was added or was removed (letters.sha256 says what
each letter's rows were read from), so one letter added to 5,000 costs one letter's
reading, not 5,000; which folders changed is found from their files' stat (size, mtime, ctime,
inode: build/store-digests.json, compendium.hashcache), not by hashing every folder. The corpus report, the index page and
`compendium.explore.load_all` read the store instead of 5 × N CSV files.

Byte-reproducible: rows sorted by letter id (each letter's rows in their file's order,
whatever order the deltas came in), one row group per 65,536 rows, no timestamps, the
pinned pyarrow's writer. Each Parquet file carries the SHA-256 of the letters.sha256
it was written with (`compendium.letters`), which is written last: a reader that finds
files of two writes (a build running meanwhile) or a stale store recomputes what
differs in memory.
"""

from __future__ import annotations

import array
import csv
import datetime as dt
import hashlib
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from . import atomic, contract, paths
from .storemanifest import MANIFEST, folder, folder_digest, manifest_text, stored_digests
from .errors import InputError
from .hashcache import HashCache
from .rawdata import registered_letters

if TYPE_CHECKING:
    import pandas as pd

FORMAT = "1"
TABLES = ("letters", *contract.TABLE_NAMES)
ROW_GROUP = 65_536
_KEY = b"compendium.letters"

LETTER_COLUMNS = {"letter_id": pa.string(), "date": pa.string(), "subject": pa.string(), "addressee": pa.string(),
                  "signatory_count": pa.int64(), "paragraph_count": pa.int64(), "source_sha256": pa.string()}


def _schema(name: str) -> pa.Schema:
    if name == "letters":
        return pa.schema(LETTER_COLUMNS.items())
    cols = [("letter_id", pa.string()), ("letter_date", pa.string())]
    cols += [(c, pa.int64() if spec.integer else pa.string()) for c, spec in contract.TABLES[f"{name}.csv"].items()]
    return pa.schema(cols)


SCHEMAS = {name: _schema(name) for name in TABLES}


@dataclass
class Delta:
    """What an update changed: letters whose rows were (re)read, and letters dropped."""

    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    rebuilt: bool = False  # the store was missing, unreadable or of another format

    def __bool__(self) -> bool:
        return bool(self.changed or self.removed or self.rebuilt)

    def __str__(self) -> str:
        what = "rebuilt" if self.rebuilt else "updated"
        return f"corpus store {what}: {len(self.changed)} letter(s) read, {len(self.removed)} dropped"


def _read_table(letter_dir: Path, name: str, text_length: int) -> list[dict]:
    """One processed CSV as rows, checked as `compendium process` checks what it writes (the
    contract: columns, types, vocabularies) and its offsets against clean.txt; standard library
    only, so a build updates the store without importing pandas or pandera."""
    path = letter_dir / name
    try:
        reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline=""))
        header, raw = reader.fieldnames, list(reader)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(path, f"not a processed table ({exc})") from None
    columns = contract.TABLES[name]
    if header != list(columns):
        raise InputError(path, f"columns {header} are not the contract's {list(columns)}")
    rows = []
    for i, r in enumerate(raw, 2):
        row = dict(r)
        for col, spec in columns.items():
            v = row[col]
            if spec.integer:
                try:
                    row[col] = None if v == "" and spec.type == contract.OPTIONAL_INT else int(v)
                except (TypeError, ValueError):
                    raise InputError(path, f"line {i}: column {col}: {v!r} is not an integer") from None
        for col in ("start", "end", "sentence_start", "sentence_end"):
            if col in columns and columns[col].integer and row[col] is not None and not 0 <= row[col] <= text_length:
                raise InputError(path, f"line {i}: {col} {row[col]} is beyond the end of clean.txt")
        rows.append(row)
    why = contract.problem(name, rows)
    if why:
        raise InputError(path, why)
    return rows


def _empty(schema: pa.Schema) -> pa.Table:
    """schema.empty_table(), which imports pandas (see _from_rows); the same table once written."""
    return pa.Table.from_batches([], schema=schema)


def _column(values: list, typ: pa.DataType) -> pa.Array:
    """An Arrow array of int64 or string values (None a null) assembled from its buffers: every
    way of making an array from Python objects imports pandas on its first call (pyarrow checks
    for pandas types), a second of the build's time for the one letter an add brings; Arrow's
    JSON reader, used before, kept 30-45 MiB of native memory per 256 letters read."""
    n = len(values)
    nulls = sum(v is None for v in values)
    validity = None
    if nulls:
        bits = bytearray((n + 7) // 8)
        for i, v in enumerate(values):
            if v is not None:
                bits[i >> 3] |= 1 << (i & 7)
        validity = pa.py_buffer(bytes(bits))
    if typ == pa.int64():
        if any(v is not None and (type(v) is not int or not -2**63 <= v < 2**63) for v in values):
            raise ValueError(f"not an int64 column: {values[:5]!r}…")
        data = array.array("q", [0 if v is None else v for v in values])
        return pa.Array.from_buffers(typ, n, [validity, pa.py_buffer(data)], null_count=nulls)
    if typ != pa.string() or any(v is not None and type(v) is not str for v in values):
        raise ValueError(f"not a {typ} column: {values[:5]!r}…")
    encoded = [b"" if v is None else v.encode("utf-8") for v in values]
    offsets = array.array("i", [0] * (n + 1))
    end = 0
    for i, b in enumerate(encoded, 1):
        end += len(b)
        offsets[i] = end  # OverflowError past 2 GiB of text in one column of one batch
    return pa.Array.from_buffers(typ, n, [validity, pa.py_buffer(offsets), pa.py_buffer(b"".join(encoded))],
                                 null_count=nulls)


def _from_rows(rows: list[dict], schema: pa.Schema) -> pa.Table:
    """pa.Table.from_pylist(rows, schema), without pandas (see _column); every row has exactly
    the schema's columns."""
    if not rows:
        return _empty(schema)
    names = schema.names
    columns = set(names)
    if any(r.keys() != columns for r in rows):
        raise ValueError(f"rows are not of the columns {names}")
    return pa.Table.from_arrays([_column([r[c] for r in rows], schema.field(c).type) for c in names], schema=schema)


def _letter_rows(letter_dir: Path) -> dict[str, list[dict]]:
    """One letter's rows of every table, as the store holds them."""
    try:
        m = json.loads((letter_dir / "letter.json").read_text(encoding="utf-8"))
        text_length = len((letter_dir / "clean.txt").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise InputError(letter_dir, f"not a processed letter folder ({exc})") from None
    if not isinstance(m, dict) or not {"letter_id", "date", "signatory_count"} <= set(m):
        raise InputError(letter_dir / "letter.json", "missing key(s) letter_id, date or signatory_count")
    lid, date = m["letter_id"], m["date"]
    if lid != letter_dir.name:
        raise InputError(letter_dir / "letter.json", f"letter_id {lid!r} is not the folder's name")
    try:
        dt.date.fromisoformat(date)
    except (TypeError, ValueError):
        raise InputError(letter_dir / "letter.json", f"date {date!r} is not an ISO date (YYYY-MM-DD)") from None
    out = {"letters": [{
        "letter_id": lid, "date": date, "subject": m.get("subject", ""),
        "addressee": "; ".join(m.get("addressee", [])), "signatory_count": int(m["signatory_count"]),
        "paragraph_count": int(m.get("paragraph_count", 0)), "source_sha256": m.get("source_sha256", "")}]}
    for name in contract.TABLE_NAMES:
        rows = _read_table(letter_dir, f"{name}.csv", text_length)
        out[name] = [{"letter_id": lid, "letter_date": date, **r} for r in rows]
    return out


def read(root: Path, names: tuple[str, ...] = TABLES) -> tuple[dict[str, pa.Table], dict[str, str]] | None:
    """The stored tables (those named: "letters" always) and digests, or None when a file is
    missing, unreadable, of another schema, or the files come from different writes."""
    digests = stored_digests(root)
    if digests is None:
        return None
    key = hashlib.sha256((FORMAT + manifest_text(digests)).encode()).hexdigest().encode()
    tables = {}
    for name in _with_letters(names):
        try:
            # ParquetFile, not pq.read_table: the same table without importing pyarrow.dataset
            # (a quarter of a second on every process that reads the store).
            with pq.ParquetFile(folder(root) / f"{name}.parquet") as f:
                t = f.read()
        except (OSError, pa.ArrowException):
            return None
        if t.schema.remove_metadata() != SCHEMAS[name] or (t.schema.metadata or {}).get(_KEY) != key:
            return None
        tables[name] = t.replace_schema_metadata(None)
    if tables["letters"].column("letter_id").to_pylist() != sorted(digests):
        return None
    return tables, digests


def _select(t: pa.Table, drop: set[str]) -> pa.Table:
    """The rows of letters not in `drop`, as slices of `t` (a value set for pc.is_in would be
    an array made from Python objects, which imports pandas: see _from_rows)."""
    if not drop:
        return t
    ids = t.column("letter_id").to_pylist()
    parts, start = [], None
    for i, lid in enumerate([*ids, None]):
        kept = lid is not None and lid not in drop
        if kept and start is None:
            start = i
        elif not kept and start is not None:
            parts.append(t.slice(start, i - start))
            start = None
    return pa.concat_tables(parts) if parts else _empty(t.schema)


def _letter_ids(root: Path) -> list[str]:
    """The letters of a processed root: in the project's data/processed the registered ones
    (a folder copied there by hand is not a letter of the compendium), elsewhere every folder
    holding a letter.json."""
    registered = None
    if root.resolve() == paths.processed_dir().resolve():
        registered = {letter_id for letter_id, _ in registered_letters()}
    return sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "letter.json").exists()
                  and (registered is None or p.name in registered))


def resolve_root(processed_root: str | Path | None) -> Path:
    """A processed root given by a user or a notebook, checked (relative paths are tried from the
    working directory, then from the project root)."""
    root = Path(processed_root) if processed_root not in (None, "") else paths.processed_dir()
    if not root.is_absolute() and not root.exists():
        root = paths.root() / root
    if not root.is_dir():
        raise InputError("processed_root", f"{processed_root}: no such folder")
    return root


class _DigestCache:
    """Each letter's folder digest, remembered with its files' stat (compendium.hashcache: size,
    mtime, ctime, inode; build/store-digests.json, not committed; only for the project's own
    data/processed): an update hashes only the folders whose files changed since, as git's index
    does, instead of every folder."""

    def __init__(self, root: Path) -> None:
        own = root.resolve() == paths.processed_dir().resolve()
        self.cache = HashCache(paths.build_dir() / "store-digests.json" if own else None)

    def digest(self, letter_dir: Path) -> str:
        if self.cache.path is None:
            return folder_digest(letter_dir)
        return self.cache.value(letter_dir.name, [letter_dir / name for name in contract.REPORT_FILES],
                                lambda: folder_digest(letter_dir))

    def save(self, ids: list[str]) -> None:
        """Written by the build only (it holds the lock); entries of letters no longer there dropped."""
        keep = set(ids)
        self.cache.forget(lambda k: k in keep)
        self.cache.save()


def _with_letters(names: tuple[str, ...]) -> tuple[str, ...]:
    unknown = set(names) - set(TABLES)
    if unknown:
        raise ValueError(f"no table {sorted(unknown)} in the corpus store ({', '.join(TABLES)})")
    return tuple(n for n in TABLES if n == "letters" or n in names)


def current(root: Path, letter_ids: list[str] | None = None, save_cache: bool = False,
            names: tuple[str, ...] = TABLES) -> tuple[dict[str, pa.Table], dict[str, str], Delta]:
    """The store as the processed folders under `root` say it should be: the stored tables (those
    named, and "letters") with the rows of the changed, added and removed letters replaced (only
    those letters are read)."""
    names = _with_letters(names)
    root = Path(root)
    ids = sorted(letter_ids) if letter_ids is not None else _letter_ids(root)
    cache = _DigestCache(root)
    digests = {lid: cache.digest(root / lid) for lid in ids}
    if save_cache:
        cache.save(ids)
    stored = read(root, names)
    delta = Delta(rebuilt=stored is None)
    old, old_digests = stored if stored is not None else ({n: _empty(SCHEMAS[n]) for n in names}, {})
    delta.changed = [lid for lid in ids if old_digests.get(lid) != digests[lid]]
    delta.removed = sorted(set(old_digests) - set(digests))
    if not delta:
        return old, digests, delta
    fresh = _read_letters(root, delta.changed, names)
    drop = set(delta.changed) | set(delta.removed)
    tables = {}
    for name in names:
        t = pa.concat_tables([_select(old[name], drop), *fresh[name]])
        # A stable sort by letter id: each letter's rows keep their file's order.
        tables[name] = t.take(pc.sort_indices(t, sort_keys=[("letter_id", "ascending")])).combine_chunks()
    return tables, digests, delta


READ_BATCH = 64  # letters whose rows become one Arrow table per table


def _read_letters(root: Path, letter_ids: list[str], names: tuple[str, ...]) -> dict[str, list[pa.Table]]:
    """The rows of these letters, per table, as a few Arrow tables of up to READ_BATCH letters
    each: one small table per letter and table held about 0.1 MiB of native memory a letter
    (buffers, schemas and chunk headers of 6 tables a letter), 200 MiB for a store rebuilt at
    2,048 letters, and kept the build process that much larger until it ended."""
    out: dict[str, list[pa.Table]] = {name: [] for name in names}
    for i in range(0, len(letter_ids), READ_BATCH):
        rows: dict[str, list[dict]] = {name: [] for name in names}
        for lid in letter_ids[i:i + READ_BATCH]:
            for name, r in _letter_rows(root / lid).items():
                if name in rows:
                    rows[name] += r
        for name in names:
            out[name].append(_from_rows(rows[name], SCHEMAS[name]))
    return out


def _parquet(t: pa.Table, key: str) -> bytes:
    buf = io.BytesIO()
    t = t.replace_schema_metadata({_KEY: key.encode()})
    pq.write_table(t, buf, row_group_size=ROW_GROUP, compression="zstd", compression_level=3,
                   use_dictionary=True, write_statistics=True, store_schema=True,
                   write_page_index=False, write_page_checksum=False)
    return buf.getvalue()


def update(root: Path | None = None, letter_ids: list[str] | None = None) -> Delta:
    """Bring the store under `root` (default data/processed) up to date with its processed
    folders; write only if something changed. The caller holds the build lock."""
    root = Path(root) if root is not None else paths.processed_dir()
    tables, digests, delta = current(root, letter_ids, save_cache=True)
    if delta:
        manifest = manifest_text(digests)
        key = hashlib.sha256((FORMAT + manifest).encode()).hexdigest()
        for name in TABLES:
            atomic.write_bytes(folder(root) / f"{name}.parquet", _parquet(tables[name], key))
        atomic.write_text(folder(root) / MANIFEST, manifest)  # last: until then, readers see the old store
    return delta


def release_memory() -> None:
    """Give the memory an update freed back to the system: Arrow's pool (mimalloc) and the C
    library's heap keep freed pages for reuse, and a build process that rebuilt the store at
    2,048 letters stayed about 100 MiB larger for the rest of the build (the corpus report runs
    after it). A no-op where either is unavailable."""
    pa.default_memory_pool().release_unused()
    try:
        import ctypes

        ctypes.CDLL("libc.so.6").malloc_trim(0)  # glibc only
    except (OSError, AttributeError):
        pass


@dataclass
class Tables:
    """The store as pandas DataFrames, every table's rows ordered by letter date, then letter id
    (each letter's rows in their file's order). Integer columns are pandas' Int64, as
    `report.load` gives them; text is "" when empty. A table not asked for (load_tables' `names`)
    is None."""

    root: Path
    letters: pd.DataFrame  # letter_id, date, subject, addressee, signatory_count, paragraph_count, source_sha256
    paragraphs: pd.DataFrame | None
    signatories: pd.DataFrame | None
    affiliations: pd.DataFrame | None
    mentions: pd.DataFrame | None
    timeline: pd.DataFrame | None
    arrow: dict = field(default_factory=dict, repr=False)  # the same tables as pyarrow reads them (for SQL)

    def __len__(self) -> int:
        return len(self.letters)


def load_tables(processed_root: str | Path | None = None, names: tuple[str, ...] = TABLES) -> Tables:
    """The corpus under `processed_root` (default data/processed) from its store, the tables
    named (and "letters"; the others None: a report that reads three tables does not hold the
    corpus's paragraphs and mentions in memory); letters whose folders changed since the store
    was written are read from their folders (in memory: only the build writes the store)."""
    import pandas as pd

    root = resolve_root(processed_root)
    tables, _, _ = current(root, names=names)
    frames = dict.fromkeys(TABLES[1:])
    for name in tables:
        df = tables[name].to_pandas(types_mapper={pa.int64(): pd.Int64Dtype()}.get)
        date = "date" if name == "letters" else "letter_date"
        frames[name] = df.sort_values([date, "letter_id"], kind="stable").reset_index(drop=True)
    return Tables(root, **frames, arrow=tables)


def letter_rows(root: Path | None = None) -> dict[str, dict]:
    """letters.parquet as letter id → its row (what the index page lists), from an up-to-date store."""
    root = Path(root) if root is not None else paths.processed_dir()
    tables, _, _ = current(root, names=("letters",))
    return {r["letter_id"]: r for r in tables["letters"].to_pylist()}
