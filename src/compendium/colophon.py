"""What made a report page, written on the page: the colophon, and the labels of
the folded "Show code" of each code cell.

Everything here is a function of the build's inputs (the raw files, the
notebook, the lock and the interpreter's major.minor version): no clock time,
host name, user or absolute path, so two builds of the same inputs give the
same bytes. Light on purpose (standard library only).
"""

from __future__ import annotations

import hashlib
import html
import re
import sys
import tomllib
from pathlib import Path

from . import paths

RAW_LETTERS = "data/raw/letters"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else "(missing)"


def python_version() -> str:
    """Major.minor only: the lock is resolved for it (`make lock`), and a patch release changes no output."""
    return f"{sys.version_info.major}.{sys.version_info.minor}"


def locked_versions(root: Path | None = None) -> dict[str, str]:
    """name → version of every package pinned in requirements.lock."""
    root = root or paths.root()
    lock = root / "requirements.lock"
    pins = {}
    for line in lock.read_text(encoding="utf-8").splitlines() if lock.is_file() else []:
        m = re.match(r"([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;#]+)", line)
        if m:
            pins[m.group(1).lower()] = m.group(2)
    return pins


def direct_dependencies() -> list[str]:
    """The package's own dependencies, by name, in their order in pyproject.toml: the one beside
    the package's source (the same for a build in a copy of the project, as `make verify` makes),
    or the installed package's metadata."""
    try:
        text = (Path(__file__).resolve().parents[2] / "pyproject.toml").read_text(encoding="utf-8")
        deps = tomllib.loads(text)["project"]["dependencies"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        from importlib.metadata import PackageNotFoundError, requires

        try:
            deps = [r for r in (requires("compendium") or []) if "extra ==" not in r]
        except PackageNotFoundError:
            deps = []
    return [re.split(r"[\s<>=!~;\[]", d, maxsplit=1)[0].lower() for d in deps]


def inputs(letter_id: str) -> list[tuple[str, str]]:
    """(path relative to the project, SHA-256) of the raw files a page was made from."""
    root = paths.root()
    files = [f"{RAW_LETTERS}/{letter_id}.txt"] if letter_id else ["data/raw/SHA256SUMS"]
    files += ["data/raw/codebook.csv", "data/raw/context_events.csv"]
    return [(f, _sha256(root / f)) for f in files]


def _code(text: str) -> str:
    return f"<code>{html.escape(text)}</code>"


def _param(name: str, value) -> str:
    return f"{name} = {value!r}".replace("'", '"')


def _software(deps: list[str]) -> str:
    return "".join(f"{html.escape(part)}; " for part in (f"Python {python_version()}", ", ".join(deps)) if part)


def page_html(notebook: str, parameters: dict, letter_id: str) -> str:
    """The colophon of one report page (a <footer>)."""
    root = paths.root()
    pins = locked_versions(root)
    deps = [f"{name} {pins[name]}" for name in direct_dependencies() if name in pins]
    params = ", ".join(_code(_param(k, v)) for k, v in parameters.items())
    if letter_id:
        made_from = f"the letter {_code(letter_id)}, the organization codebook and the context events:"
    else:
        n = sum(1 for line in (root / "data/raw/SHA256SUMS").read_text(encoding="utf-8").splitlines() if line.strip()) \
            if (root / "data/raw/SHA256SUMS").is_file() else 0
        made_from = (f"the {n} letters registered in {_code('data/raw/SHA256SUMS')} (each letter's SHA-256 is listed "
                     f"there and checked before the build), the organization codebook and the context events:")
    files = "".join(f"<li>{_code(path)} <span class=\"sha\">SHA-256 {sha}</span></li>" for path, sha in inputs(letter_id))
    p_args = " ".join(f"-p {k} {html.escape(str(v))}" for k, v in parameters.items())
    out = "out.ipynb"
    return (
        '<footer class="colophon"><h2>Colophon</h2><dl>'
        f"<dt>Made by</dt><dd>{_code(notebook)} <span class=\"sha\">SHA-256 {_sha256(root / notebook)}</span>, "
        f"run with the parameters {params}. Each code cell is shown under “Show code”.</dd>"
        f"<dt>From</dt><dd>{made_from}<ul>{files}</ul></dd>"
        f"<dt>With</dt><dd>{_software(deps)}every package pinned in {_code('requirements.lock')} "
        f"<span class=\"sha\">SHA-256 {_sha256(root / 'requirements.lock')}</span>.</dd>"
        f"<dt>Rebuild</dt><dd>{_code('make reports')} rebuilds this page from these files; {_code('make verify')} "
        "rebuilds every page and table in a temporary folder and compares them byte for byte with the committed "
        f"ones (the build is reproducible: no clock time, host or path reaches a page); "
        f"{_code(f'.venv/bin/papermill {notebook} {out} {p_args}')} reruns the notebook alone.</dd>"
        "</dl></footer>"
    )


def index_html() -> str:
    """The colophon of the index page."""
    root = paths.root()
    pins = locked_versions(root)
    deps = [f"{name} {pins[name]}" for name in direct_dependencies() if name in pins]
    files = "".join(f"<li>{_code(p)} <span class=\"sha\">SHA-256 {sha}</span></li>" for p, sha in inputs(""))
    return (
        '<footer class="colophon"><h2>Colophon</h2>'
        f"<p>Built from the files below by the notebooks in {_code('notebooks/')}, with "
        f"{_software(deps)}every package pinned in {_code('requirements.lock')} "
        f"<span class=\"sha\">SHA-256 {_sha256(root / 'requirements.lock')}</span>. Each report ends with its own "
        "colophon (its notebook, parameters and input files).</p>"
        f"<ul>{files}</ul>"
        f"<p>{_code('make reports')} rebuilds every page; {_code('make verify')} rebuilds everything in a temporary "
        "folder and compares it byte for byte with what is committed.</p></footer>"
    )


def label_cells(nb, notebook: str) -> None:
    """Give each code cell the summary of its folded "Show code" (cell metadata, not shown otherwise).

    Cells are numbered as in the stored notebook (papermill's injected parameters cell is not one of them)."""
    index = 0
    for cell in nb.cells:
        tags = cell.metadata.get("tags", [])
        if "injected-parameters" in tags:
            summary = "Show code: the parameters of this page (injected by papermill)"
        else:
            if cell.cell_type == "code":
                what = ": default parameters" if "parameters" in tags else ""
                summary = f"Show code{what} ({notebook}, cell {index})"
            index += 1
        if cell.cell_type == "code":
            cell.metadata["compendium_summary"] = summary
