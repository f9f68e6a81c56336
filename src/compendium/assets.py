"""The report pages' style sheet, written once into reports/assets/ and linked
relatively from every page (issue 12: inlined, it was 0.27 MB of each page).

It is our own style (templates/compendium/static/compendium.css), then the
JupyterLab style sheets of nbconvert's `lab` template (index.css and the light
theme) and that template's few inline rules, in the order the pages had them
when they were inlined. The text is a function of the installed nbconvert (pinned
in requirements.lock) and of the package: two builds write the same bytes.
Standard library only (the build's driver writes it without importing nbconvert).
"""

from __future__ import annotations

from pathlib import Path

from . import atomic, paths

FOLDER = "assets"
NAME = "report.css"
STATIC = Path(__file__).resolve().parent / "templates" / "compendium" / "static"


def jupyter_dirs() -> list[str]:
    """Jupyter's data folders of the installation (the environment's, then the system's), and
    not the user's own (JUPYTER_PATH, ~/.local/share/jupyter): the build finds nbconvert's
    templates there only, so a reviewer's modified lab template changes no page."""
    from jupyter_core.paths import ENV_JUPYTER_PATH, SYSTEM_JUPYTER_PATH

    return [*ENV_JUPYTER_PATH, *SYSTEM_JUPYTER_PATH]


def _lab_static() -> Path:
    """nbconvert's lab template folder, where the build's exporter finds it (`jupyter_dirs`)."""
    for base in jupyter_dirs():
        folder = Path(base) / "nbconvert" / "templates" / "lab" / "static"
        if (folder / "index.css").is_file():
            return folder
    raise FileNotFoundError("nbconvert's lab template (lab/static/index.css) is not installed")


def stylesheet() -> str:
    lab = _lab_static()
    parts = [(STATIC / "compendium.css").read_text(encoding="utf-8"),
             (lab / "index.css").read_text(encoding="utf-8"),
             (lab / "theme-light.css").read_text(encoding="utf-8"),
             (STATIC / "lab-misc.css").read_text(encoding="utf-8")]
    return "\n".join(p.rstrip("\n") + "\n" for p in parts)


def href(letter_id: str) -> str:
    """The style sheet's address relative to a page: reports/<letter>/<name>.html or reports/<name>.html."""
    return f"../{FOLDER}/{NAME}" if letter_id else f"{FOLDER}/{NAME}"


def write() -> Path:
    """reports/assets/report.css, rewritten only when its text changed."""
    target = paths.reports_dir() / FOLDER / NAME
    text = stylesheet()
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic.write_text(target, text)
    return target
