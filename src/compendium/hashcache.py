"""Digests of files remembered with the files' stat, as git's index remembers them: a build with
nothing to do stats every input and output instead of reading and hashing them all.

An entry is a value computed from some files' bytes (a file's SHA-256, a folder's digest) and
each file's size, mtime_ns, ctime_ns, inode and device at the time it was read. It is used only
while every one of those is unchanged. Writing a file changes its ctime, and ctime cannot be set
by a program (os.utime sets mtime and atime only), so a file rewritten with the same size and its
old mtime put back is still read again.

A file whose mtime or ctime is less than TRUST_AFTER_NS old when it is read is not remembered (the
"racily clean" files of git): a timestamp is only as fine as the file system's clock tick, and a
second write within the same tick would leave the stat unchanged. Such files are read again next
time, when they are old enough.

The cache is derived data (build/, not committed) and only ever saves time: a missing or
unreadable cache file means everything is read and hashed once more.
"""

from __future__ import annotations

import json
import os
import threading
import time
from pathlib import Path
from typing import Callable

from . import atomic

TRUST_AFTER_NS = 2_000_000_000  # two seconds: above any file system's timestamp tick (FAT's is two)
FORMAT = 1


def _stat(path: str) -> list:
    """The file's name and stat as remembered (the name alone for a missing file)."""
    name = os.path.basename(path)
    try:
        st = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return [name]
    return [name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino, st.st_dev]


class HashCache:
    """Values computed from files, kept in `path` (None: remembered in memory only, for one run)."""

    def __init__(self, path: Path | None) -> None:
        self.path = Path(path) if path is not None else None
        self.data: dict[str, list] = {}
        self.changed = False
        self._lock = threading.Lock()
        if self.path is not None:
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(loaded, dict) and loaded.get("format") == FORMAT:
                    self.data = loaded["entries"]
            except (OSError, ValueError, KeyError, TypeError):
                self.data = {}

    def value(self, key: str, files: list[str | Path], compute: Callable[[], object]):
        """What `compute()` gives for `files` as they are now: remembered from an earlier call if no
        file's stat changed since (a missing file counts, as missing), computed otherwise."""
        sig = [_stat(os.fspath(f)) for f in files]
        entry = self.data.get(key)
        if entry is not None and entry[0] == sig:
            return entry[1]
        value = compute()
        # Stat'ed before `compute` read them: a write during or after the read changes a ctime that
        # was already TRUST_AFTER_NS old, so the remembered signature can never match that content.
        oldest = time.time_ns() - TRUST_AFTER_NS
        if all(len(s) == 1 or max(s[2], s[3]) < oldest for s in sig):
            with self._lock:
                self.data[key] = [sig, value]
                self.changed = True
        elif entry is not None:
            with self._lock:
                self.data.pop(key, None)
                self.changed = True
        return value

    def forget(self, keep: Callable[[str], bool]) -> None:
        """Drop the entries whose key `keep` refuses (files no longer there)."""
        gone = [k for k in self.data if not keep(k)]
        with self._lock:
            for k in gone:
                del self.data[k]
            self.changed = self.changed or bool(gone)

    def save(self) -> None:
        """Write the cache if it changed (the caller holds the build lock); a cache that cannot be
        written is simply computed again next time."""
        if self.path is None or not self.changed or not self.path.parent.is_dir():
            return
        with self._lock:
            text = json.dumps({"format": FORMAT, "entries": self.data}, sort_keys=True, separators=(",", ":"))
        try:
            atomic.write_text(self.path, text + "\n")
            self.changed = False
        except OSError:
            pass
