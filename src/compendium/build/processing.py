"""`make process`: every registered letter raw → processed, the stale ones only when stamps are given;
then the corpus store (compendium.store) by delta. The caller holds the project lock (compendium.lock)."""

from __future__ import annotations

import time
from pathlib import Path

from .. import atomic, contract, paths, rawdata
from ..errors import CompendiumError
from .log import say
from .staleness import Stamps, letter_key, process_code_digest


def process_all(verbose: bool = False, stamps: Stamps | None = None, force: bool = True,
                on_letter=None, progress=None, letters: list[tuple[str, Path]] | None = None,
                keys: dict[str, str] | None = None) -> list[str]:
    """Process the stale letters. `letters` are the verified registered letters and `keys` their
    processing keys when the build already has them (each raw letter hashed once per build);
    without them, every registered letter's checksum is verified here first."""
    if letters is None:
        letters = rawdata.verify_all()
    if not letters:
        raise CompendiumError(f"no letters registered in {paths.manifest_path()} (use `compendium add`)")
    if keys is None:
        code = process_code_digest()
        keys = {letter_id: letter_key(raw, code) for letter_id, raw in letters}
    checked = CheckedTables()
    done = []
    for letter_id, raw in letters:
        out = paths.processed_dir() / letter_id
        key = keys[letter_id]
        if stamps is not None and not force and stamps.fresh(out, key):
            if on_letter:
                on_letter(letter_id)
            continue
        from ..process import process

        t = time.perf_counter()
        process(raw, out, letter_id, locked=True)  # the caller holds the project lock
        checked.add(letter_id, out)
        if stamps is not None:
            stamps.record(out, key)
        done.append(letter_id)
        if verbose:
            (progress.detail if progress else say)(f"processed {letter_id} ({time.perf_counter() - t:.1f} s)")
        if on_letter:
            on_letter(letter_id)
    checked.save([lid for lid, _ in letters])
    from .. import store

    t = time.perf_counter()
    delta = store.update(paths.processed_dir(), [lid for lid, _ in letters])
    store.release_memory()  # before the corpus report's kernel starts its work
    if verbose and delta:
        (progress.detail if progress else say)(f"{delta} ({time.perf_counter() - t:.1f} s)")
    return done


class CheckedTables:
    """build/checked-tables/<letter id>: the contract.tables_digest of the tables and clean.txt
    `compendium process` wrote and checked (the schemas and contract.consistency_problem: what
    report.load checks). A report whose letter's files still have that digest is not checked again
    (report.checked_by_build). One small file per letter, written as soon as the letter is processed
    (before its reports are queued): a report run while the build still processes other letters
    finds it, and neither side reads or rewrites a record of the whole corpus per letter."""

    NAME = "checked-tables"

    def __init__(self) -> None:
        self.folder = paths.build_dir() / self.NAME

    def add(self, letter_id: str, out: Path) -> None:
        texts = {name: (out / name).read_text(encoding="utf-8") for name in (*contract.TABLES, "clean.txt")}
        self.folder.mkdir(parents=True, exist_ok=True)
        atomic.write_text(self.folder / letter_id, contract.tables_digest(texts) + "\n")

    def save(self, letter_ids: list[str]) -> None:
        """Records of letters no longer registered are dropped (a letter's id is a file name)."""
        keep = set(letter_ids)
        try:
            names = [p for p in self.folder.iterdir() if p.name not in keep and p.is_file() and not p.is_symlink()]
        except OSError:  # no letter processed yet
            return
        for p in names:
            p.unlink(missing_ok=True)
