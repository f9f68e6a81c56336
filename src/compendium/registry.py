"""Registering and unregistering as one recoverable step: the files of data/raw and the
checksum manifest change together, or not at all.

`add` and `remove` run under the project lock (compendium.lock). Each first writes a
write-ahead record, data/.compendium-journal.json: the files it will create or move and
the SHA-256 of the manifest it will write. It then creates or moves the files and writes
the manifest last. Killed anywhere in between (even by SIGKILL), the next command that
writes the project (`recover`, run under the lock by add, remove, process and build)
finishes the step if the new manifest was written, and undoes it otherwise.

`remove` moves a letter and its corrections to data/removed/ and never overwrites
anything there: a letter removed twice (added again in between) is kept twice, the
second as <id>.2.txt (corrections/<id>.2.csv), and so on.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
import shutil
import sys
from pathlib import Path

from . import atomic, paths
from .errors import InputError
from .rawdata import check_letter_id, corrections_path, manifest_text, read_manifest, sha256


def journal_path() -> Path:
    return paths.root() / "data" / ".compendium-journal.json"


def removed_dir() -> Path:
    """Where `compendium remove` moves a letter (outside data/raw: no longer read)."""
    return paths.root() / "data" / "removed"


def _rel(path: Path) -> str:
    return Path(path).relative_to(paths.root()).as_posix()


def _move(source: Path, target: Path) -> None:
    """Move a file where nothing is: a hard link (refused if `target` exists), or where there
    are none (another file system) a copy created exclusively; then the source is unlinked.
    Each step is safe to redo or undo (`recover`)."""
    try:
        os.link(source, target)
    except FileExistsError:
        raise InputError(target, "already exists: data/removed/ is never overwritten") from None
    except OSError:
        try:
            with open(source, "rb") as src, open(target, "xb") as dst:
                shutil.copyfileobj(src, dst)
                dst.flush()
                os.fsync(dst.fileno())
        except FileExistsError:
            raise InputError(target, "already exists: data/removed/ is never overwritten") from None
    os.unlink(source)


def _same(a: Path, b: Path) -> bool:
    """The same file, or a copy of it (what `_move` leaves half-way)."""
    try:
        return os.path.samefile(a, b) or filecmp.cmp(a, b, shallow=False)
    except OSError:
        return False


def recover(quiet: bool = False) -> str:
    """Finish or undo an `add` or `remove` that was interrupted; what was done ('' if nothing).
    Call it holding the project lock."""
    journal = journal_path()
    if not journal.exists():
        return ""
    try:
        record = json.loads(journal.read_text(encoding="utf-8"))
        command, manifest, created, moved = record["command"], record["manifest"], record["created"], record["moved"]
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(journal, "unreadable record of an interrupted add or remove: compare data/raw with "
                                  "data/raw/SHA256SUMS by hand, then delete this file") from None
    root = paths.root()
    mpath = paths.manifest_path()
    committed = mpath.is_file() and sha256(mpath.read_bytes()) == manifest
    for rel in created:  # a killed atomic write leaves its temporary file beside the target
        target = root / rel
        for tmp in target.parent.glob(f".{target.name}.*.tmp") if target.parent.is_dir() else []:
            tmp.unlink()
    if committed:  # the manifest was written: finish the moves
        for src, dst in moved:
            s, d = root / src, root / dst
            if s.exists() and d.exists() and _same(s, d):
                s.unlink()
            elif s.exists() and not d.exists():
                d.parent.mkdir(parents=True, exist_ok=True)
                _move(s, d)
    else:  # undo: the files created go, the files moved come back
        for rel in created:
            if (root / rel).exists():
                (root / rel).unlink()
        for src, dst in reversed(moved):
            s, d = root / src, root / dst
            if s.exists() and d.exists() and _same(s, d):
                d.unlink()
            elif d.exists() and not s.exists():
                _move(d, s)
    journal.unlink()
    done = "completed" if committed else "undone (the project is as it was before it)"
    message = f"warning: {journal}: an interrupted `compendium {command}` was {done}"
    if not quiet:
        print(message, file=sys.stderr)
    return message


def _begin(command: str, entries: dict[str, str], created: list[Path], moved: list[tuple[Path, Path]]) -> str:
    """Write the journal of a step about to change data/raw; the new manifest's text."""
    text = manifest_text(entries)
    atomic.write_text(journal_path(), json.dumps({
        "command": command, "manifest": sha256(text.encode("utf-8")),
        "created": [_rel(p) for p in created], "moved": [[_rel(s), _rel(d)] for s, d in moved]}, indent=1) + "\n")
    return text


@contextlib.contextmanager
def _undone_on_error():
    """A step that fails (a read-only data/raw, a full disk) or is interrupted by Ctrl-C is
    undone at once; only SIGKILL or a power cut leave it for the next command's `recover`."""
    try:
        yield
    except BaseException:
        try:
            recover(quiet=True)
        except OSError:  # data/raw cannot be written at all: the journal stays for the next command
            pass
        raise


def _commit(text: str) -> None:
    atomic.write_text(paths.manifest_path(), text)  # the step's commit point
    journal_path().unlink()


def add(path: Path, letter_id: str, data: bytes, fixes: bytes | None) -> Path:
    """Register `data` (read from `path`) as letter `letter_id`, with corrections `fixes`.
    Call it holding the project lock, after `recover`."""
    target = paths.letters_dir() / f"{letter_id}.txt"
    entries = read_manifest()
    rel = f"letters/{letter_id}.txt"
    if target.exists() or rel in entries:
        raise InputError(path, f"letter id {letter_id!r} is already registered ({target}); choose another --id")
    digest = sha256(data)
    for other, other_digest in entries.items():
        if other_digest == digest:
            raise InputError(path, f"same content is already registered as {other}")
    fixes_target = corrections_path(letter_id)
    if fixes is not None and fixes_target.exists():
        raise InputError(path, f"{fixes_target} already exists: remove it or choose another --id")
    entries[rel] = digest
    created = [target]
    if fixes is not None:
        entries[f"corrections/{letter_id}.csv"] = sha256(fixes)
        created.append(fixes_target)
    text = _begin(f"add {letter_id}", entries, created, [])
    with _undone_on_error():
        atomic.write_bytes(target, data)
        if fixes is not None:
            atomic.write_bytes(fixes_target, fixes)
        _commit(text)
    return target


def _free_names(letter_id: str) -> tuple[Path, Path]:
    """The first data/removed/<id>[.N].txt whose corrections/<id>[.N].csv is free too."""
    n = 1
    while True:
        stem = letter_id if n == 1 else f"{letter_id}.{n}"
        letter, fixes = removed_dir() / f"{stem}.txt", removed_dir() / "corrections" / f"{stem}.csv"
        if not (letter.exists() or letter.is_symlink() or fixes.exists() or fixes.is_symlink()):
            return letter, fixes
        n += 1


def remove(letter_id: str) -> Path:
    """Unregister a letter: move it (and its corrections) to data/removed/, then drop it from
    the manifest. The next build drops its processed folder and reports. Call it holding the
    project lock, after `recover`."""
    check_letter_id(letter_id)
    rel = f"letters/{letter_id}.txt"
    entries = read_manifest()
    if rel not in entries:
        raise InputError(letter_id, f"not registered in {paths.manifest_path()}: nothing to remove")
    del entries[rel]
    entries.pop(f"corrections/{letter_id}.csv", None)
    target, fixes_target = _free_names(letter_id)
    moves = [(paths.letters_dir() / f"{letter_id}.txt", target)]
    if corrections_path(letter_id).exists():
        moves.append((corrections_path(letter_id), fixes_target))
    text = _begin(f"remove {letter_id}", entries, [], moves)
    with _undone_on_error():
        for source, dest in moves:
            if source.exists():
                dest.parent.mkdir(parents=True, exist_ok=True)
                _move(source, dest)
        _commit(text)
    return target
