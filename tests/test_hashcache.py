"""The stat cache (compendium.hashcache) and what a build reads through it: a file unchanged since
it was hashed is not read again, and any change to its bytes is still seen, even one that keeps
its size and puts its modification time back."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from compendium import hashcache, paths, rawdata
from compendium.build import staleness
from compendium.errors import ChecksumError
from compendium.hashcache import HashCache

MARGIN = 200_000_000  # 0.2 s instead of 2 s, so the tests need not wait long for files to be "old"


def _aged(monkeypatch) -> None:
    monkeypatch.setattr(hashcache, "TRUST_AFTER_NS", MARGIN)
    time.sleep(2.5 * MARGIN / 1e9)


def _counting(value: str, calls: list):
    def compute():
        calls.append(1)
        return value
    return compute


def _same_size_same_mtime(path: Path, data: bytes) -> None:
    """Rewrite `path` with other bytes of the same length and put its mtime back."""
    st = path.stat()
    assert len(data) == st.st_size and data != path.read_bytes()
    path.write_bytes(data)
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (st.st_size, st.st_mtime_ns)  # what size+mtime would trust


def test_an_unchanged_file_is_not_read_again_across_runs(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"one")
    _aged(monkeypatch)
    calls: list = []
    cache = HashCache(tmp_path / "cache.json")
    assert cache.value("k", [f], _counting("v1", calls)) == "v1"
    assert cache.value("k", [f], _counting("other", calls)) == "v1" and len(calls) == 1
    cache.save()
    again = HashCache(tmp_path / "cache.json")  # the next build reads it from disk
    assert again.value("k", [f], _counting("other", calls)) == "v1" and len(calls) == 1


def test_a_change_keeping_size_and_mtime_is_seen_by_its_ctime(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"one")
    _aged(monkeypatch)
    files = staleness.Files(HashCache(tmp_path / "cache.json"))
    before = files.sha(f)
    assert before == staleness.sha(b"one")
    _same_size_same_mtime(f, b"two")
    assert files.sha(f) == staleness.sha(b"two")


def test_a_file_written_within_the_margin_is_not_remembered(tmp_path):
    """Racily clean (git's term): a second write within the file system's clock tick would leave
    the stat as it was, so a file younger than TRUST_AFTER_NS is hashed again every time."""
    f = tmp_path / "a.txt"
    f.write_bytes(b"one")
    calls: list = []
    cache = HashCache(tmp_path / "cache.json")
    cache.value("k", [f], _counting("v", calls))
    cache.value("k", [f], _counting("v", calls))
    assert len(calls) == 2 and "k" not in cache.data


def test_a_file_added_removed_or_missing_changes_the_signature(tmp_path, monkeypatch):
    folder = tmp_path / "letter"
    folder.mkdir()
    (folder / "a.csv").write_text("x\n")
    _aged(monkeypatch)
    files = staleness.Files(HashCache(None))
    assert files.folder(folder) == staleness.dir_digest(folder)
    (folder / "b.csv").write_text("y\n")
    assert files.folder(folder) == staleness.dir_digest(folder)
    (folder / "a.csv").unlink()
    assert files.folder(folder) == staleness.dir_digest(folder)
    missing = tmp_path / "none.txt"
    assert files.sha(missing) == staleness.sha(b"")
    missing.write_text("now here")
    assert files.sha(missing) == staleness.sha(b"now here")


def test_a_damaged_cache_file_only_costs_time(tmp_path, monkeypatch):
    f = tmp_path / "a.txt"
    f.write_bytes(b"one")
    _aged(monkeypatch)
    (tmp_path / "cache.json").write_text("{not json")
    calls: list = []
    assert HashCache(tmp_path / "cache.json").value("k", [f], _counting("v", calls)) == "v" and calls == [1]
    (tmp_path / "cache.json").write_text(json.dumps({"format": 0, "entries": {"k": [[], "stale"]}}))
    assert HashCache(tmp_path / "cache.json").value("k", [f], _counting("v", calls)) == "v" and calls == [1, 1]


def test_stamps_read_an_unchanged_output_once_and_see_a_changed_one(project, monkeypatch):
    """A build with nothing to do reads no file whose stat is unchanged: the stamps' output digests
    come from build/digests.json; an output changed behind the build's back is still stale."""
    (project / "build").mkdir()
    out = project / "data" / "processed" / "x"
    out.mkdir(parents=True)
    (out / "letter.json").write_text('{"a": 1}\n')
    page = project / "reports" / "x" / "timeline.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>page</p>\n")
    _aged(monkeypatch)
    stamps = staleness.Stamps()
    stamps.record(out, "key")
    stamps.record(page, "key2")
    stamps.close()
    read: list[str] = []
    real_dir, real_bytes = staleness.dir_digest, staleness.file_bytes
    monkeypatch.setattr(staleness, "dir_digest", lambda d: read.append(d.name) or real_dir(d))
    monkeypatch.setattr(staleness, "file_bytes", lambda p: read.append(p.name) or real_bytes(p))
    again = staleness.Stamps()
    assert again.fresh(out, "key") and again.fresh(page, "key2") and read == []
    _same_size_same_mtime(out / "letter.json", b'{"a": 2}\n')
    _same_size_same_mtime(page, b"<p>PAGE</p>\n")
    third = staleness.Stamps()
    assert not third.fresh(out, "key") and not third.fresh(page, "key2")
    assert read == ["x", "timeline.html"]


def test_verify_all_reads_the_manifest_once_and_an_unchanged_letter_not_again(project, monkeypatch):
    letters = rawdata.registered_letters()
    raw = letters[0][1]
    _aged(monkeypatch)
    manifests, raws = [], []
    real_manifest, real_raw = rawdata.read_manifest, rawdata.read_raw
    monkeypatch.setattr(rawdata, "read_manifest", lambda: manifests.append(1) or real_manifest())
    monkeypatch.setattr(rawdata, "read_raw", lambda p: raws.append(p) or real_raw(p))
    cache = HashCache(None)

    def known(path, compute):
        return cache.value(f"checked {path}", [path], compute)

    assert rawdata.verify_all(known) == letters and len(manifests) == 1 and raws == [p for _, p in letters]
    assert rawdata.verify_all(known) == letters and raws == [p for _, p in letters]  # not read again
    data = raw.read_bytes()
    _same_size_same_mtime(raw, data[:-2] + (b"x" if data[-2:-1] != b"x" else b"y") + data[-1:])
    with pytest.raises(ChecksumError, match=raw.name):
        rawdata.verify_all(known)


def test_a_relative_root_follows_the_working_folder(tmp_path, monkeypatch):
    """paths.root() resolves COMPENDIUM_ROOT once per value; a relative one still against the
    folder the process is in when asked."""
    for d in ("one/p", "two/p"):
        (tmp_path / d).mkdir(parents=True)
    monkeypatch.setenv("COMPENDIUM_ROOT", "p")
    monkeypatch.chdir(tmp_path / "one")
    assert paths.root() == (tmp_path / "one" / "p").resolve()
    monkeypatch.chdir(tmp_path / "two")
    assert paths.root() == (tmp_path / "two" / "p").resolve()
    shutil.rmtree(tmp_path / "one")


def test_what_a_build_wrote_is_remembered_at_its_end(project, monkeypatch):
    """An output is recorded the moment it is written, too young to be trusted; the build reads it
    once more when it ends, so the next build with nothing to do reads nothing."""
    monkeypatch.setattr(hashcache, "TRUST_AFTER_NS", MARGIN)
    (project / "build").mkdir()
    page = project / "reports" / "x" / "timeline.html"
    page.parent.mkdir(parents=True)
    page.write_text("<p>page</p>\n")
    stamps = staleness.Stamps()
    stamps.record(page, "key")
    assert not stamps.files.cache.data  # too young when recorded
    time.sleep(2.5 * MARGIN / 1e9)
    stamps.close()
    read: list[str] = []
    real_bytes = staleness.file_bytes
    monkeypatch.setattr(staleness, "file_bytes", lambda p: read.append(p.name) or real_bytes(p))
    assert staleness.Stamps().fresh(page, "key") and read == []
