"""What is stale, from content hashes alone (nothing heavy imported: a build with
nothing to do takes a fraction of a second). Each stage's code key is derived from
what that stage imports (`import_closure`), not from a list kept by hand."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import threading
from pathlib import Path

from .. import atomic, colophon, paths


def package_dir() -> Path:
    """The `compendium` package's folder (this module is in its `build` subpackage)."""
    return Path(__file__).resolve().parents[1]


def _source(pkg: Path, name: str) -> Path | None:
    """The file of the package's module `name` ("plots", "build.kernel", "build"), or None."""
    base = pkg.joinpath(*name.split("."))
    for f in (base.with_name(base.name + ".py"), base / "__init__.py"):
        if f.is_file():
            return f
    return None


def import_closure(module: str) -> tuple[str, ...]:
    """The package's own modules that `module` imports, directly or not (itself included),
    read from the source: the processing key follows the code, no list to keep by hand.
    Modules of a subpackage are named with dots ("build.kernel"); relative imports only."""
    pkg = package_dir()
    seen: set[str] = set()
    todo = [module]
    while todo:
        name = todo.pop()
        source = _source(pkg, name) if name and name not in seen else None
        if source is None:
            continue
        seen.add(name)
        package = name.split(".") if source.name == "__init__.py" else name.split(".")[:-1]
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or node.level == 0 or node.level - 1 > len(package):
                continue
            base = package[:len(package) - (node.level - 1)] + (node.module.split(".") if node.module else [])
            for alias in node.names:  # `from . import x` and `from .pkg import submodule` name modules
                sub = ".".join(base + [alias.name])
                todo.append(sub if _source(pkg, sub) else ".".join(base) if base else "")
    return tuple(sorted(seen))


# Modules whose code decides the processed tables (a change reprocesses every letter).
PROCESS_MODULES = import_closure("process")
# What a report page is made of: the modules the notebooks import, the page template and
# colophon, and the build's export and index page. Editing the CLI or the parser's --help
# reruns no notebook.
REPORT_MODULES = tuple(sorted(set().union(*(import_closure(m) for m in (
    "report", "plots", "corpus", "colophon", "build.kernel", "build.export", "build.index")))))


def digest(*parts: bytes) -> str:
    """SHA-256 over the SHA-256 of each part (parts cannot run into each other)."""
    h = hashlib.sha256()
    for p in parts:
        h.update(hashlib.sha256(p).digest())
    return h.hexdigest()


def file_bytes(path: Path) -> bytes:
    """A file's bytes; empty when it does not exist (a missing input is an input too)."""
    return path.read_bytes() if path.exists() else b""


def _code_digest(modules: tuple[str, ...] | None = None) -> str:
    pkg = package_dir()
    files = [_source(pkg, m) or pkg / f"{m}.py" for m in modules] if modules else sorted(
        p for p in pkg.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return digest(*(f.relative_to(pkg).as_posix().encode() + b"\0" + file_bytes(f) for f in files),
                   file_bytes(paths.root() / "requirements.lock"))


def dir_digest(folder: Path) -> str:
    """The digest of a folder's files (names and bytes; not its subfolders)."""
    if not folder.is_dir():
        return ""
    return digest(*(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()))


def process_code_digest() -> str:
    """The code part of every letter's staleness key (computed once per build): the modules, and
    the data files of their packages (the date vocabularies in dates/vocabulary/ decide tables too)."""
    pkg = package_dir()
    data = sorted(f for m in PROCESS_MODULES if (src := _source(pkg, m)) and src.name == "__init__.py"
                  for f in src.parent.rglob("*") if f.is_file() and f.suffix != ".py" and "__pycache__" not in f.parts)
    # The line-role source the parser runs (COMPENDIUM_LINE_ROLES, compendium.letter.tagger): another
    # source makes other tables; the default (the rules) leaves the key as it was.
    roles = os.environ.get("COMPENDIUM_LINE_ROLES", "")
    return digest(_code_digest(PROCESS_MODULES).encode(),
                  *(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes() for f in data),
                  *([] if roles in ("", "rules") else [b"line roles\0" + roles.encode()]))


def report_code_digest() -> str:
    """The code part of every report's staleness key; Python's version is in it, as in each
    page's colophon (another interpreter rebuilds the pages), and so is the list of direct
    dependencies the colophon reads from pyproject.toml (a dependency added there changes it)."""
    templates = package_dir() / "templates"
    files = sorted(p for p in templates.rglob("*") if p.is_file()) if templates.is_dir() else []
    return digest(_code_digest(REPORT_MODULES).encode(), colophon.python_version().encode(),
                  "\n".join(colophon.direct_dependencies()).encode(),
                   *(f.relative_to(templates).as_posix().encode() + b"\0" + f.read_bytes() for f in files))


def letter_key(raw: Path, code: str) -> str:
    """A letter's processing key: its raw file, the codebook, the context events, its
    corrections and `code` (process_code_digest())."""
    return digest(raw.name.encode(), file_bytes(raw), file_bytes(paths.codebook_path()), file_bytes(paths.context_path()),
                   code.encode(), file_bytes(paths.raw_dir() / "corrections" / f"{raw.stem}.csv"))


class Stamps:
    """Input digest of each output at its last successful build (build/stamps.json)."""

    def __init__(self) -> None:
        self.path = paths.build_dir() / "stamps.json"
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        self._lock = threading.Lock()

    def fresh(self, target: Path, key: str) -> bool:
        rel = target.relative_to(paths.root()).as_posix()
        entry = self.data.get(rel)
        if not entry or entry["inputs"] != key or not target.exists():
            return False
        out = dir_digest(target) if target.is_dir() else digest(target.read_bytes())
        return entry["output"] == out

    def record(self, target: Path, key: str) -> None:
        rel = target.relative_to(paths.root()).as_posix()
        out = dir_digest(target) if target.is_dir() else digest(target.read_bytes())
        with self._lock:
            self.data[rel] = {"inputs": key, "output": out}
            self.save()

    def forget(self, target: Path) -> None:
        self.data.pop(target.relative_to(paths.root()).as_posix(), None)

    def save(self) -> None:
        atomic.write_text(self.path, json.dumps(self.data, indent=1, sort_keys=True) + "\n")
