"""What a build has to make: one job per report page, and which of them are stale."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import paths, rawdata
from ..storemanifest import FOLDER as STORE
from .staleness import Files, Stamps, digest_of, letter_key, process_code_digest, report_code_digest, sha

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


def report_key(job: Job, code: str, files: Files | None = None) -> str:
    files = files or Files()
    if job.letter_id:
        data = files.folder(paths.processed_dir() / job.letter_id)
    else:  # the corpus report reads the corpus store (compendium.store), updated once every letter is processed
        data = files.folder(paths.processed_dir() / STORE)
    # The page's colophon names the raw files it was made from (compendium.colophon).
    raw = paths.letters_dir() / f"{job.letter_id}.txt" if job.letter_id else paths.manifest_path()
    return digest_of(sha(job.name.encode()), files.input_sha(job.notebook), sha(data.encode()), sha(code.encode()),
                     files.input_sha(raw), files.input_sha(paths.codebook_path()), files.input_sha(paths.context_path()))


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
        files = self.stamps.files
        process_code = process_code_digest(files)
        self.letter_keys = {lid: letter_key(raw, process_code, files) for lid, raw in self.letters}
        stale = {lid for lid, _ in self.letters if self.force or not self.stamps.fresh(
            paths.processed_dir() / lid, self.letter_keys[lid])}
        self.stale_letters = [lid for lid, _ in self.letters if lid in stale]
        self.code = report_code_digest(files)
        self.planned = [Job(lid, n) for lid, _ in self.letters for n in self.names]
        if len(self.letters) >= 2 and (paths.notebooks_dir() / f"{CORPUS}.ipynb").exists():
            self.planned.append(Job("", CORPUS))
        self.todo = [j for j in self.planned if self.force or j.letter_id in stale
                     or not self.stamps.fresh(j.html, report_key(j, self.code, files))]

    def ready(self, letter_id: str) -> list[tuple[Job, str]]:
        """The stale reports of a letter just processed, with their keys ("" for the corpus report,
        whose staleness is decided once every letter is processed)."""
        labels = {j.label for j in self.todo}
        out = []
        for j in self.planned:
            if j.letter_id == letter_id and (j.label in labels or not letter_id):
                key = report_key(j, self.code, self.stamps.files)
                if self.force or not self.stamps.fresh(j.html, key):
                    out.append((j, key))
        return out


def index_key(letter_ids: list[str], names: list[str], code: str, files: Files | None = None) -> str:
    """The key of reports/index.html: what it shows of each letter (letter.json), the reports it
    links, and what its colophon names (the manifest, codebook, context events; the code)."""
    files = files or Files()
    return digest_of(sha(code.encode()), *(sha(n.encode()) for n in names), files.input_sha(paths.manifest_path()),
                     files.input_sha(paths.codebook_path()), files.input_sha(paths.context_path()),
                     *(files.sha(paths.processed_dir() / lid / "letter.json", prefix=lid.encode() + b"\0")
                       for lid in letter_ids))
