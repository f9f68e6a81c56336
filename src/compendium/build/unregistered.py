"""The outputs of letters no longer registered are dropped: the build reads registered letters only."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .. import atomic, paths
from ..outputs import not_ours
from ..storemanifest import FOLDER as STORE
from .jobs import CORPUS, REPORTS
from .log import say
from .staleness import Stamps


def drop_unregistered(letter_ids: list[str], stamps: Stamps) -> list[str]:
    """Remove the outputs of letters no longer registered (`compendium remove`, or a
    folder copied into data/processed by hand): the build reads registered letters
    only. A folder the compendium did not write is left alone (and never read)."""
    keep, dropped = set(letter_ids), []

    def drop(target: Path) -> None:
        if target.is_dir() and not target.is_symlink():  # set aside first: a killed build leaves a leftover
            aside = target.with_name(f".{target.name}.dropped.tmp")  # (removed next time), not half a folder
            os.replace(target, aside)
            atomic.remove_tree(aside)
        else:  # a file, or a link (removed, never followed)
            target.unlink()
        stamps.forget(target)
        dropped.append(target.relative_to(paths.root()).as_posix())

    for folder in sorted(paths.processed_dir().iterdir()) if paths.processed_dir().is_dir() else []:
        if folder.name.startswith(".") or folder.name in keep or folder.name == STORE or not folder.is_dir() \
                or folder.is_symlink():
            continue
        why = not_ours(folder)
        if why:
            say(f"warning: {folder.relative_to(paths.root())}: not a registered letter and {why}: "
                "left alone, never read (move it out of data/processed)")
        else:
            drop(folder)
    for folder in sorted(paths.reports_dir().iterdir()) if paths.reports_dir().is_dir() else []:
        if folder.is_dir() and not folder.is_symlink() and not folder.name.startswith(".") \
                and folder.name not in keep | {"assets"}:
            if all(p.is_file() and not p.is_symlink() and p.name in {f"{n}.html" for n in REPORTS} for p in folder.iterdir()):
                for report in sorted(folder.iterdir()):
                    drop(report)
                folder.rmdir()
            else:
                say(f"warning: {folder.relative_to(paths.root())}: reports of no registered letter, with files "
                    "the build did not write: left alone")
    corpus = paths.reports_dir() / f"{CORPUS}.html"
    if len(letter_ids) < 2 and corpus.is_file():
        drop(corpus)
    for folder in sorted((paths.build_dir() / "executed").glob("*/")):
        if folder.name not in keep:
            shutil.rmtree(folder, ignore_errors=True)
    if dropped:
        stamps.save()
        say(f"dropped the outputs of letters no longer registered: {', '.join(dropped)}")
    return dropped


def warn_unregistered_raw(letters: list[tuple[str, Path]]) -> None:
    """Say once per build which files in data/raw/letters are not in the manifest (never read)."""
    registered = {path.name for _, path in letters}
    folder = paths.letters_dir()
    for p in sorted(folder.iterdir()) if folder.is_dir() else []:
        if p.name not in registered and not p.name.startswith("."):
            say(f"warning: {p.relative_to(paths.root())}: not registered in {paths.manifest_path().relative_to(paths.root())}"
                ": never read (register it with `compendium add`, or move it out of data/raw/letters)")
