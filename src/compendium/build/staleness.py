"""What is stale, from content hashes alone (nothing heavy imported: a build with
nothing to do takes a fraction of a second). Each stage's code key is derived from
what that stage imports (`import_closure`), not from a list kept by hand. Files are
hashed through a stat cache (`Files`, compendium.hashcache): a build reads only the
files that changed since the last one."""

from __future__ import annotations

import ast
import functools
import hashlib
import json
import os
import re
import threading
import time
from pathlib import Path

from .. import atomic, colophon, paths
from ..hashcache import HashCache


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


def _relative_imports(source: Path) -> list[list]:
    """(level, module, names) of each relative `from … import …` in a module's source."""
    return [[node.level, node.module or "", [a.name for a in node.names]]
            for node in ast.walk(ast.parse(source.read_text(encoding="utf-8")))
            if isinstance(node, ast.ImportFrom) and node.level > 0]


def import_closure(module: str, files: Files | None = None) -> tuple[str, ...]:
    """The package's own modules that `module` imports, directly or not (itself included),
    read from the source: the processing key follows the code, no list to keep by hand.
    Modules of a subpackage are named with dots ("build.kernel"); relative imports only.
    Each module's imports are remembered in `files`' stat cache (parsing every module took
    a third of a second on every build)."""
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
        found = files.cache.value(f"imports {source}", [source], lambda s=source: _relative_imports(s)) \
            if files is not None else _relative_imports(source)
        for level, mod, names in found:
            if level - 1 > len(package):
                continue
            base = package[:len(package) - (level - 1)] + (mod.split(".") if mod else [])
            for alias in names:  # `from . import x` and `from .pkg import submodule` name modules
                sub = ".".join(base + [alias])
                todo.append(sub if _source(pkg, sub) else ".".join(base) if base else "")
    return tuple(sorted(seen))


# Modules whose code decides the processed tables (a change reprocesses every letter).
_PROCESS_ROOTS = ("process",)
# What a report page is made of: the modules the notebooks import, the page template and
# colophon, and the build's export and index page. Editing the CLI or the parser's --help
# reruns no notebook.
_REPORT_ROOTS = ("report", "plots", "corpus", "colophon", "build.kernel", "build.export", "build.index")


def process_modules(files: Files | None = None) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(import_closure(m, files) for m in _PROCESS_ROOTS))))


def report_modules(files: Files | None = None) -> tuple[str, ...]:
    return tuple(sorted(set().union(*(import_closure(m, files) for m in _REPORT_ROOTS))))


@functools.cache
def __getattr__(name: str) -> tuple[str, ...]:
    """PROCESS_MODULES and REPORT_MODULES, computed when first asked for (not on import)."""
    if name == "PROCESS_MODULES":
        return process_modules()
    if name == "REPORT_MODULES":
        return report_modules()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def digest(*parts: bytes) -> str:
    """SHA-256 over the SHA-256 of each part (parts cannot run into each other)."""
    return digest_of(*(hashlib.sha256(p).digest() for p in parts))


def digest_of(*hashes: bytes) -> str:
    """`digest` of parts given by their SHA-256 (a file's, from the stat cache, instead of its bytes)."""
    h = hashlib.sha256()
    for x in hashes:
        h.update(x)
    return h.hexdigest()


def sha(part: bytes) -> bytes:
    return hashlib.sha256(part).digest()


def file_bytes(path: Path) -> bytes:
    """A file's bytes; empty when it does not exist (a missing input is an input too)."""
    return path.read_bytes() if path.exists() else b""


class Files:
    """SHA-256 of files and digests of folders, through a stat cache (compendium.hashcache):
    a file whose size, mtime, ctime and inode are unchanged since it was last hashed is not
    read again. The values are those of `digest`, `dir_digest` and `file_bytes`, cache or not."""

    def __init__(self, cache: HashCache | None = None) -> None:
        self.cache = cache if cache is not None else HashCache(None)
        self._inputs: dict[str, bytes] = {}

    def sha(self, path: Path, prefix: bytes = b"") -> bytes:
        """sha(prefix + file_bytes(path)): a missing file hashes as empty."""
        key = f"file {path}" if not prefix else f"file {prefix.hex()} {path}"
        return bytes.fromhex(self.cache.value(key, [path], lambda: hashlib.sha256(prefix + file_bytes(Path(path))).hexdigest()))

    def input_sha(self, path: Path) -> bytes:
        """sha(file_bytes(path)) of a file the build reads and never writes (a raw letter, the
        codebook, a notebook), looked up once per build: every report's key names some of them."""
        key = os.fspath(path)
        if key not in self._inputs:
            self._inputs[key] = self.sha(key)
        return self._inputs[key]

    def folder(self, folder: Path) -> str:
        """dir_digest(folder)."""
        folder = os.fspath(folder)
        try:
            names = sorted(e.name for e in os.scandir(folder) if e.is_file())
        except (FileNotFoundError, NotADirectoryError):
            return ""
        return self.cache.value(f"dir {folder}", [os.path.join(folder, n) for n in names],
                                lambda: dir_digest(Path(folder)))


def _code_digest(files: Files, modules: tuple[str, ...]) -> str:
    pkg = package_dir()
    sources = [_source(pkg, m) or pkg / f"{m}.py" for m in modules]
    return digest_of(*(sha(f.relative_to(pkg).as_posix().encode() + b"\0" + file_bytes(f)) for f in sources),
                     files.input_sha(paths.root() / "requirements.lock"))


def dir_digest(folder: Path) -> str:
    """The digest of a folder's files (names and bytes; not its subfolders)."""
    if not folder.is_dir():
        return ""
    return digest(*(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()))


def process_code_digest(files: Files | None = None) -> str:
    """The code part of every letter's staleness key (computed once per build): the modules, and
    the data files of their packages (the date vocabularies in dates/vocabulary/ decide tables too)."""
    files = files or Files()
    pkg = package_dir()
    modules = process_modules(files)
    data = sorted(f for m in modules if (src := _source(pkg, m)) and src.name == "__init__.py"
                  for f in src.parent.rglob("*") if f.is_file() and f.suffix != ".py" and "__pycache__" not in f.parts)
    # The line-role source the parser runs (COMPENDIUM_LINE_ROLES, compendium.letter.tagger): another
    # source makes other tables; the default (compendium.letter.linesource.DEFAULT) adds nothing.
    default = _line_roles_default(pkg)
    roles = os.environ.get("COMPENDIUM_LINE_ROLES", "") or default
    return digest(_code_digest(files, modules).encode(),
                  *(f.relative_to(pkg).as_posix().encode() + b"\0" + f.read_bytes() for f in data),
                  *([] if roles == default else [b"line roles\0" + roles.encode()]))


def _line_roles_default(pkg: Path) -> str:
    """compendium.letter.linesource.DEFAULT, read from its source: importing the parser here would
    put it in every report's key (the parser reruns no report)."""
    src = pkg / "letter" / "linesource.py"
    m = re.search(r'^DEFAULT = "(\w+)"$', src.read_text(encoding="utf-8"), re.M)
    if m is None:
        raise RuntimeError(f"{src}: no DEFAULT = \"...\" line (the default line-role source)")
    return m.group(1)


def report_code_digest(files: Files | None = None) -> str:
    """The code part of every report's staleness key; Python's version is in it, as in each
    page's colophon (another interpreter rebuilds the pages), and so is the list of direct
    dependencies the colophon reads from pyproject.toml (a dependency added there changes it)."""
    files = files or Files()
    templates = package_dir() / "templates"
    tfiles = sorted(p for p in templates.rglob("*") if p.is_file()) if templates.is_dir() else []
    return digest(_code_digest(files, report_modules(files)).encode(), colophon.python_version().encode(),
                  "\n".join(colophon.direct_dependencies()).encode(),
                  *(f.relative_to(templates).as_posix().encode() + b"\0" + f.read_bytes() for f in tfiles))


def letter_key(raw: Path, code: str, files: Files | None = None) -> str:
    """A letter's processing key: its raw file, the codebook, the context events, its
    corrections and `code` (process_code_digest())."""
    files = files or Files()
    return digest_of(sha(raw.name.encode()), files.input_sha(raw), files.input_sha(paths.codebook_path()),
                     files.input_sha(paths.context_path()), sha(code.encode()),
                     files.input_sha(paths.raw_dir() / "corrections" / f"{raw.stem}.csv"))


class Stamps:
    """Input digest of each output at its last successful build (build/stamps.json), and the
    stat cache its digests are read through (build/digests.json)."""

    SAVE_EVERY = 1.0  # seconds: stamps.json is rewritten at most this often while reports finish

    def __init__(self) -> None:
        self.path = paths.build_dir() / "stamps.json"
        try:
            self.data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.data = {}
        self.files = Files(HashCache(paths.build_dir() / "digests.json"))
        self._lock = threading.Lock()
        self._saved = 0.0
        self._unsaved = False
        self._written: list[Path] = []

    def _output(self, target: Path) -> str:
        return self.files.folder(target) if target.is_dir() else digest_of(self.files.sha(target))

    @staticmethod
    def _rel(target: Path) -> str:
        root, t = os.fspath(paths.root()), os.fspath(target)
        if t.startswith(root + os.sep):  # the common case, without pathlib's cost per call
            return Path(t[len(root) + 1:]).as_posix()
        return target.relative_to(paths.root()).as_posix()

    def fresh(self, target: Path, key: str) -> bool:
        entry = self.data.get(self._rel(target))
        if not entry or entry["inputs"] != key or not os.path.exists(target):
            return False
        return entry["output"] == self._output(target)

    def record(self, target: Path, key: str) -> None:
        """Remember an output just made. Written to disk at once unless the last write was less
        than SAVE_EVERY ago (each write is the whole file: at 512 letters, a write per report was
        a second of every build's time); `save` at the end of a build writes what is left. A build
        killed in between makes again the outputs of its last second."""
        rel = self._rel(target)
        out = self._output(target)
        with self._lock:
            self.data[rel] = {"inputs": key, "output": out}
            self._unsaved = True
            self._written.append(target)
        if time.monotonic() - self._saved >= self.SAVE_EVERY:
            self.save()

    def forget(self, target: Path) -> None:
        with self._lock:
            self.data.pop(self._rel(target), None)
            self._unsaved = True

    def save(self) -> None:
        with self._lock:
            text = json.dumps(self.data, indent=1, sort_keys=True) + "\n"
            self._unsaved = False
            self._saved = time.monotonic()
        atomic.write_text(self.path, text)

    def close(self) -> None:
        """At the end of a build: the stamps not yet written, and the stat cache. What this build
        wrote was too young to be remembered when it was recorded (compendium.hashcache); it is
        read once more here, and what is old enough by now is remembered, so the next build with
        nothing to do does not read it (at 512 letters: 1.1 s for the first no-op, 0.5 s after)."""
        if self._unsaved:
            self.save()
        for target in self._written:
            if os.path.exists(target):
                self._output(target)
        self.files.cache.save()
