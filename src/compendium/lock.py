"""One command at a time writes a project: the lock every command that writes the manifest,
data/raw, data/processed or reports/ holds (build, process-all, process into data/processed,
add, remove). A second such command is refused at once, in one line, never queued: two
writers would each read the manifest or a folder, then overwrite what the other wrote."""

from __future__ import annotations

import contextlib
import os
from dataclasses import dataclass
from typing import Iterator

from . import paths
from .errors import CompendiumError, InputError

NAME = "build.lock"


@dataclass(frozen=True)
class BuildLock:
    """A held project lock: its file descriptor (closed in the build's forked workers) and the process holding it."""

    fd: int
    pid: int


@contextlib.contextmanager
def exclusive() -> Iterator[BuildLock]:
    """Hold build/build.lock for the block."""
    import fcntl

    where = paths.build_dir() / NAME
    try:
        paths.build_dir().mkdir(parents=True, exist_ok=True)
        fh = open(where, "a")
    except OSError as exc:
        raise InputError(paths.build_dir(), f"cannot write the build folder, where the project's lock and stamps are "
                                            f"kept ({exc.strerror}): make it writable") from None
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        fh.close()
        raise CompendiumError(f"{where}: another compendium command is writing this project (a build, process, add "
                              "or remove): wait for it to finish") from None
    with fh:
        yield BuildLock(fh.fileno(), os.getpid())
