"""The corpus store (compendium.store): one Parquet file per table, updated by delta, byte for
byte what a rebuild from the processed folders writes, and read by load_all, the corpus
report and the index page instead of every letter's CSV files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from compendium import contract, report, store
from compendium.explore import load_all
from compendium.process import process
from compendium.storemanifest import FOLDER, MANIFEST, holds
from support import REAL_ID, REAL_RAW, ROOT

CORPUS = sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt"))
IDS = [REAL_ID, *(f.stem for f in CORPUS)]


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> Path:
    """The real letter and the two corpus fixtures, processed once (not in a store's root)."""
    src = tmp_path_factory.mktemp("store-letters")
    process(REAL_RAW, src / REAL_ID, warn=lambda m: None)
    for f in CORPUS:
        process(f, src / f.stem, warn=lambda m: None)
    return src


def _root(tmp_path: Path, letters: Path, ids: list[str]) -> Path:
    root = tmp_path / "processed"
    root.mkdir(exist_ok=True)
    for lid in ids:
        shutil.copytree(letters / lid, root / lid)
    return root


def _files(root: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted((root / FOLDER).iterdir())}


def _from_scratch(tmp_path: Path, root: Path) -> dict[str, bytes]:
    """What a store rebuilt from nothing writes for the same folders."""
    other = tmp_path / "scratch"
    shutil.rmtree(other, ignore_errors=True)
    shutil.copytree(root, other, ignore=shutil.ignore_patterns(FOLDER))
    assert store.update(other).rebuilt
    return _files(other)


def test_an_update_reads_only_the_letters_added_changed_or_removed(tmp_path, letters):
    root = _root(tmp_path, letters, IDS[:2])
    first = store.update(root)
    assert first.rebuilt and first.changed == IDS[:2] and not first.removed
    assert not store.update(root)  # nothing changed: nothing read, nothing written

    shutil.copytree(letters / IDS[2], root / IDS[2])  # one letter added
    added = store.update(root)
    assert (added.changed, added.removed, added.rebuilt) == ([IDS[2]], [], False)
    assert _files(root) == _from_scratch(tmp_path, root)

    meta = json.loads((root / IDS[1] / "letter.json").read_text(encoding="utf-8"))
    meta["subject"] = "A subject changed by hand"  # one letter changed
    (root / IDS[1] / "letter.json").write_text(json.dumps(meta, indent=2), encoding="utf-8")
    changed = store.update(root)
    assert (changed.changed, changed.removed) == ([IDS[1]], [])
    assert _files(root) == _from_scratch(tmp_path, root)
    assert "A subject changed by hand" in set(store.load_tables(root).letters.subject)

    shutil.rmtree(root / IDS[0])  # one letter removed
    removed = store.update(root)
    assert (removed.changed, removed.removed) == ([], [IDS[0]])
    assert _files(root) == _from_scratch(tmp_path, root)
    assert (root / FOLDER / MANIFEST).read_text().count("\n") == 2 and holds(root, IDS[1:])


def test_the_store_holds_every_row_of_every_letter_as_report_load_reads_it(tmp_path, letters):
    root = _root(tmp_path, letters, IDS)
    store.update(root)
    t = store.load_tables(root)
    assert list(t.letters.letter_id) == IDS  # by date, then id
    for name in contract.TABLE_NAMES:
        expected = []
        for lid in IDS:
            lt = report.load(root / lid)
            df = getattr(lt, name).copy()
            df.insert(0, "letter_date", lt.date)
            df.insert(0, "letter_id", lid)
            expected.append(df)
        pd.testing.assert_frame_equal(getattr(t, name), pd.concat(expected, ignore_index=True), check_dtype=True)


def test_a_stale_or_torn_store_is_never_believed(tmp_path, letters):
    root = _root(tmp_path, letters, IDS[:2])
    store.update(root)
    old_mentions = (root / FOLDER / "mentions.parquet").read_bytes()
    shutil.copytree(letters / IDS[2], root / IDS[2])
    # Stale: a letter added since the store was written is read from its folder.
    assert list(store.load_tables(root).letters.letter_id) == IDS
    store.update(root)
    # Torn: one file from an earlier write (a build running meanwhile).
    (root / FOLDER / "mentions.parquet").write_bytes(old_mentions)
    assert store.read(root) is None
    assert set(store.load_tables(root).mentions.letter_id) == set(IDS)
    assert store.update(root).rebuilt and _files(root) == _from_scratch(tmp_path, root)


def test_load_all_reads_the_store_and_sql_answers_over_it(tmp_path, letters):
    root = _root(tmp_path, letters, IDS)
    store.update(root)
    c = load_all(root)
    assert list(c.letters.letter_id) == IDS and str(c.timeline.start.dtype).startswith("datetime64")
    by_sql = c.sql("SELECT letter_id, count(*) AS n FROM signatories GROUP BY letter_id ORDER BY letter_id")
    by_pandas = c.signatories.groupby("letter_id").size()
    assert dict(zip(by_sql.letter_id, by_sql.n)) == by_pandas.to_dict()
    assert by_pandas[REAL_ID] == 14


def test_the_project_store_is_committed_and_current():
    """data/processed/_corpus holds the registered letters as their folders are now."""
    root = ROOT / "data" / "processed"
    tables, digests, delta = store.current(root)
    assert not delta, delta
    assert sorted(digests) == sorted(p.name for p in root.iterdir() if (p / "letter.json").exists())


def test_the_data_dictionary_lists_the_store():
    text = (ROOT / "docs" / "data-dictionary.md").read_text(encoding="utf-8")
    section = text.split("## _corpus/", 1)[1]
    files = sorted(p.name for p in (ROOT / "data" / "processed" / FOLDER).iterdir())
    assert files == sorted([MANIFEST, *(f"{n}.parquet" for n in store.TABLES)])
    for name in files:
        assert f"`{name}`" in section, name
    for col in store.SCHEMAS["letters"].names:
        assert f"`{col}`" in section, col
    for name in contract.TABLE_NAMES:  # the row tables: letter_id, letter_date, then the CSV's columns
        assert store.SCHEMAS[name].names == ["letter_id", "letter_date", *contract.TABLES[f"{name}.csv"]]


def test_the_build_hashes_only_folders_whose_files_changed(tmp_path, letters, monkeypatch):
    """In the project's own data/processed, folder digests are remembered with their files' stat
    (build/store-digests.json): an unchanged folder is not read again, a changed one is."""
    from compendium import hashcache

    monkeypatch.setattr(hashcache, "TRUST_AFTER_NS", 0)  # the files were written a moment ago
    monkeypatch.setenv("COMPENDIUM_ROOT", str(tmp_path))
    root = tmp_path / "data" / "processed"
    root.mkdir(parents=True)
    (tmp_path / "build").mkdir()
    for lid in IDS[:2]:
        shutil.copytree(letters / lid, root / lid)
    store.update(root, IDS[:2])
    cache = json.loads((tmp_path / "build" / "store-digests.json").read_text())["entries"]
    assert sorted(cache) == IDS[:2]
    hashed = []
    real = store.folder_digest
    monkeypatch.setattr(store, "folder_digest", lambda d: hashed.append(d.name) or real(d))
    assert not store.update(root, IDS[:2]) and hashed == []
    meta = json.loads((root / IDS[1] / "letter.json").read_text(encoding="utf-8"))
    (root / IDS[1] / "letter.json").write_text(json.dumps({**meta, "subject": "Changed"}, indent=2), encoding="utf-8")
    delta = store.update(root, IDS[:2])
    assert hashed == [IDS[1]] and delta.changed == [IDS[1]]
    assert _files(root) == _from_scratch(tmp_path / "elsewhere", root)


def test_an_update_and_the_index_rows_do_not_import_pandas(tmp_path, letters):
    """The build's own process updates the store and lists the letters for the index page without
    pandas (pyarrow imports it on the first array made from Python objects: a second of an add)."""
    import subprocess
    import sys

    root = tmp_path / "processed"
    root.mkdir()
    for lid in IDS[:2]:
        shutil.copytree(letters / lid, root / lid)
    code = ("import sys; from compendium import store; "  # a store made from nothing, then one letter added
            f"store.update({str(root)!r}, {IDS[:1]!r}); "
            f"d = store.update({str(root)!r}, {IDS[:2]!r}); rows = store.letter_rows({str(root)!r}); "
            "print(d.changed, sorted(rows), 'pandas' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split("]")
    assert IDS[1] in out[0] and out[-1].strip() == "False"
    assert _files(root) == _from_scratch(tmp_path / "elsewhere", root)


def test_rows_become_the_same_arrow_table_pyarrow_makes_from_them():
    # store._from_rows assembles arrays from buffers (no pandas import, no JSON reader): the
    # same table, nulls, empty strings and text in any script included.
    import pyarrow as pa

    schema = store.SCHEMAS["mentions"]
    base = {c: ("" if schema.field(c).type == pa.string() else 0) for c in schema.names}
    rows = [dict(base, letter_id="a", text="Jürgen — 北京 “quoted”", start=3, end=2**40),
            dict(base, letter_id="b", text=""),
            dict(base, letter_id="c", mention_id=None, start=None)]
    ours = store._from_rows(rows, schema)
    assert ours.equals(pa.Table.from_pylist(rows, schema=schema))
    assert ours.column("mention_id").null_count == 1 and ours.column("text").to_pylist()[0].startswith("Jürgen")
    with pytest.raises(ValueError):
        store._from_rows([dict(base, start="3")], schema)
    with pytest.raises(ValueError):
        store._from_rows([{**base, "extra": ""}], schema)


def test_letters_read_in_batches_give_the_store_of_one_letter_at_a_time(tmp_path, letters, monkeypatch):
    root = _root(tmp_path, letters, IDS)
    batched = _from_scratch(tmp_path, root)
    monkeypatch.setattr(store, "READ_BATCH", 1)
    assert _from_scratch(tmp_path, root) == batched


def test_load_tables_reads_only_the_tables_asked_for(tmp_path, letters):
    root = _root(tmp_path, letters, IDS)
    store.update(root)
    t = store.load_tables(root, ("signatories",))
    assert list(t.letters.letter_id) and set(t.signatories.letter_id) == set(IDS)
    assert t.paragraphs is None and t.mentions is None and t.timeline is None and t.affiliations is None
    assert set(t.arrow) == {"letters", "signatories"}
    with pytest.raises(ValueError, match="no table"):
        store.load_tables(root, ("signatures",))
