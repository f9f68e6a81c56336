"""Atomic writes: a temporary file in the target's folder, then a rename.

A reader (or a build killed part-way) only ever sees the old file or the new
one, never a half-written one.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path


def write_bytes(path: Path, data: bytes) -> None:
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:  # a read-only folder, a full disk: the error names the file meant, not a temporary one
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_text(path: Path, text: str) -> None:
    write_bytes(path, text.encode("utf-8"))


def replace_dir(staging: Path, target: Path) -> None:
    """Move a completely written staging folder into place of `target`.

    The old folder is renamed aside first and removed only after the new one
    is in place, so an interruption leaves either the old or the new folder.
    """
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    recover(target)
    old = _aside(target)
    remove_tree(old)
    if target.exists() or target.is_symlink():
        os.replace(target, old)
    os.replace(staging, target)
    remove_tree(old)


def remove_tree(path: Path) -> None:
    """Delete a folder the compendium wrote; a symbolic link is removed, never followed."""
    path = Path(path)
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)


def _aside(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def recover(target: Path) -> None:
    """Finish an interrupted `replace_dir`: if only the old copy exists, put it back."""
    target = Path(target)
    old = _aside(target)
    if old.exists() and not target.exists():
        os.replace(old, target)


LEFTOVER = re.compile(r"\..+\.(?:[a-z0-9_]{8}|dropped)\.tmp")  # mkstemp/mkdtemp's names here, a folder set aside


def remove_leftovers(folder: Path) -> None:
    """Delete the temporary files and staging folders a killed writer left directly in `folder`
    (named as this module and the build name them; nothing in subfolders, which may be a
    user's own). A link is removed, never followed."""
    folder = Path(folder)
    if not folder.is_dir() or folder.is_symlink():
        return
    for p in sorted(folder.iterdir()):
        if LEFTOVER.fullmatch(p.name):
            try:
                remove_tree(p)
            except OSError:  # already gone, or not ours to remove: the next build tries again
                pass
