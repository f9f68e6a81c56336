"""One build at a time per project: the lock is a value the build holds and hands to its workers."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Iterator

from .. import paths
from ..errors import CompendiumError


@dataclass(frozen=True)
class BuildLock:
    """A held build lock: its file descriptor (closed in the forked workers) and the process holding it."""

    fd: int
    pid: int


@contextlib.contextmanager
def exclusive() -> Iterator[BuildLock]:
    """Hold build/build.lock for the block (a second build would race on the same files)."""
    import fcntl

    paths.build_dir().mkdir(parents=True, exist_ok=True)
    fh = open(paths.build_dir() / "build.lock", "w")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise CompendiumError(f"{paths.build_dir() / 'build.lock'}: another build of this project is running") from None
    with fh:
        yield BuildLock(fh.fileno(), os.getpid())
