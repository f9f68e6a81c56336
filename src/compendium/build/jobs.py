"""What a build has to make: one job per report page, and which of them are stale."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths, rawdata
from ..storemanifest import FOLDER as STORE
from .staleness import Stamps, digest, dir_digest, file_bytes, letter_key, process_code_digest, report_code_digest

REPORTS = ("timeline", "coalition")  # notebooks/<name>.ipynb → reports/<letter>/<name>.html
CORPUS = "corpus"  # notebooks/corpus.ipynb → reports/corpus.html, once two letters are registered
TITLES = {"timeline": "Timeline", "coalition": "Coalition composition", "corpus": "Corpus"}


def notebooks() -> list[str]:
    return [name for name in REPORTS if (paths.notebooks_dir() / f"{name}.ipynb").exists()]


def registered_folders() -> list[Path]:
    """The processed folders of the registered letters (what the corpus report reads)."""
    folders = (paths.processed_dir() / lid for lid, _ in rawdata.registered_letters())
    return [p for p in folders if (p / "letter.json").exists()]


@dataclass
class Job:
    letter_id: str  # "" for the corpus report
    name: str

    @property
    def label(self) -> str:
        return f"{self.letter_id}/{self.name}" if self.letter_id else self.name

    @property
    def notebook(self) -> Path:
        return paths.notebooks_dir() / f"{self.name}.ipynb"

    @property
    def html(self) -> Path:
        return paths.reports_dir() / self.letter_id / f"{self.name}.html"

    @property
    def executed(self) -> Path:
        return paths.build_dir() / "executed" / self.letter_id / f"{self.name}.ipynb"

    @property
    def parameters(self) -> dict:
        if not self.letter_id:
            return {"processed_root": "data/processed"}
        return {"letter_id": self.letter_id, "processed_dir": f"data/processed/{self.letter_id}"}

    def title(self) -> str:
        if not self.letter_id:
            n = len(registered_folders())
            return f"Corpus: {n} letters"
        meta = json.loads((paths.processed_dir() / self.letter_id / "letter.json").read_text(encoding="utf-8"))
        return f"{TITLES[self.name]}: {meta.get('subject') or self.letter_id} ({meta['date']})"


def report_key(job: Job, code: str) -> str:
    if job.letter_id:
        data = dir_digest(paths.processed_dir() / job.letter_id)
    else:  # the corpus report reads the corpus store (compendium.store), updated once every letter is processed
        data = dir_digest(paths.processed_dir() / STORE)
    # The page's colophon names the raw files it was made from (compendium.colophon).
    raw = paths.letters_dir() / f"{job.letter_id}.txt" if job.letter_id else paths.manifest_path()
    return digest(job.name.encode(), file_bytes(job.notebook), data.encode(), code.encode(),
                   file_bytes(raw), file_bytes(paths.codebook_path()), file_bytes(paths.context_path()))


@dataclass
class Plan:
    """The build's work, decided from the verified letters and the stamps before anything heavy
    is imported: each letter's processing key, the stale letters, the report jobs."""

    letters: list[tuple[str, Path]]
    stamps: Stamps
    force: bool
    names: list[str] = field(default_factory=notebooks)
    letter_keys: dict[str, str] = field(init=False)
    stale_letters: list[str] = field(init=False)
    code: str = field(init=False)
    planned: list[Job] = field(init=False)
    todo: list[Job] = field(init=False)

    def __post_init__(self) -> None:
        process_code = process_code_digest()
        self.letter_keys = {lid: letter_key(raw, process_code) for lid, raw in self.letters}
        self.stale_letters = [lid for lid, _ in self.letters if self.force or not self.stamps.fresh(
            paths.processed_dir() / lid, self.letter_keys[lid])]
        self.code = report_code_digest()
        self.planned = [Job(lid, n) for lid, _ in self.letters for n in self.names]
        if len(self.letters) >= 2 and (paths.notebooks_dir() / f"{CORPUS}.ipynb").exists():
            self.planned.append(Job("", CORPUS))
        self.todo = [j for j in self.planned if self.force or j.letter_id in self.stale_letters
                     or not self.stamps.fresh(j.html, report_key(j, self.code))]

    def ready(self, letter_id: str) -> list[tuple[Job, str]]:
        """The stale reports of a letter just processed, with their keys ("" for the corpus report,
        whose staleness is decided once every letter is processed)."""
        labels = {j.label for j in self.todo}
        out = []
        for j in self.planned:
            if j.letter_id == letter_id and (j.label in labels or not letter_id):
                key = report_key(j, self.code)
                if self.force or not self.stamps.fresh(j.html, key):
                    out.append((j, key))
        return out


def index_key(letter_ids: list[str], names: list[str], code: str) -> str:
    """The key of reports/index.html: what it shows of each letter (letter.json), the reports it
    links, and what its colophon names (the manifest, codebook, context events; the code)."""
    return digest(code.encode(), *(n.encode() for n in names), file_bytes(paths.manifest_path()),
                  file_bytes(paths.codebook_path()), file_bytes(paths.context_path()),
                  *(lid.encode() + b"\0" + file_bytes(paths.processed_dir() / lid / "letter.json") for lid in letter_ids))
