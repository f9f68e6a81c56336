"""`make verify`: rebuild everything from data/raw and the code into a temporary copy and
compare it byte for byte with the committed data/processed/ and reports/."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import time
from pathlib import Path

from .. import differ, paths
from ..errors import CompendiumError
from ..outputs import MARKER
from .log import say


def _tree(folder: Path) -> dict[str, bytes]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file() and (not p.name.startswith(".") or p.name == MARKER)}


VERIFY_LOCK = ".verify.lock"  # held by a running verify in its temporary copy


@contextlib.contextmanager
def _held(lock_path: Path):
    import fcntl

    with open(lock_path, "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        yield


def remove_stale_verify_copies() -> None:
    """Temporary copies of verify runs that were killed (their lock is free)."""
    import fcntl

    for folder in Path(tempfile.gettempdir()).glob("compendium-verify-*"):
        try:
            if folder.is_symlink() or not folder.is_dir() or folder.stat().st_uid != os.getuid():
                continue
            if not (folder / VERIFY_LOCK).exists():  # being created this instant, or from before the lock
                if time.time() - folder.stat().st_mtime > 3600:
                    shutil.rmtree(folder, ignore_errors=True)
                continue
            with open(folder / VERIFY_LOCK, "a") as fh:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                shutil.rmtree(folder, ignore_errors=True)
        except OSError:  # its verify is running, or it vanished meanwhile
            continue


def _fresh_build(copy: Path) -> None:
    """`compendium build --force` in the copy, as its own process rooted there: this process's
    root (and its environment) stays what it was."""
    import subprocess
    import sys

    sys.stdout.flush()
    env = {**os.environ, "COMPENDIUM_ROOT": str(copy)}
    done = subprocess.run([sys.executable, "-m", "compendium", "build", "--force"], env=env, cwd=copy)
    if done.returncode == 130:
        raise KeyboardInterrupt
    if done.returncode != 0:
        raise CompendiumError(f"verify failed: the fresh build in {copy} failed (exit status {done.returncode}; "
                              "its error is above)")


def verify() -> None:
    """Rebuild everything from data/raw and the code into a temporary copy and compare;
    for each file that differs, print what differs (compendium.differ)."""
    root = paths.root()
    remove_stale_verify_copies()
    with tempfile.TemporaryDirectory(prefix="compendium-verify-") as tmp, _held(Path(tmp) / VERIFY_LOCK):
        copy = Path(tmp)
        shutil.copytree(root / "data" / "raw", copy / "data" / "raw")
        shutil.copytree(root / "notebooks", copy / "notebooks")
        shutil.copy2(root / "requirements.lock", copy / "requirements.lock")
        _fresh_build(copy)
        problems, details = [], []
        for sub in ("data/processed", "reports"):
            fresh, committed = _tree(copy / sub), _tree(root / sub)
            for name in sorted(set(fresh) | set(committed)):
                if name not in committed:
                    problems.append(f"{sub}/{name}: built but not committed")
                elif name not in fresh:
                    problems.append(f"{sub}/{name}: committed but no longer built")
                elif fresh[name] != committed[name]:
                    problems.append(f"{sub}/{name}: differs from a fresh build")
                    details.append(f"{sub}/{name}: differs from a fresh build")
                    details += ["    " + line for line in differ.describe(name, committed[name], fresh[name])]
        if problems:
            for line in details:  # what differs, on stdout; the error itself stays one line
                say(line)
            raise CompendiumError("verify failed: " + "; ".join(problems))
        n = len(_tree(root / "data/processed")) + len(_tree(root / "reports"))
        say(f"verify: {n} committed files are byte-identical to a fresh build")
