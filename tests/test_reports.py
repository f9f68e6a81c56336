"""The report notebooks and the build: papermill runs, HTML output, incremental
and reproducible builds, failures that keep the previous report."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from compendium import build
from compendium.errors import BuildError
from support import ROOT

REAL = "2014-09-10-kerry-unga-north-korea"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
pytestmark = pytest.mark.slow


@pytest.fixture
def project(buildable_project):
    """A copy of the project's inputs, with COMPENDIUM_ROOT pointing at it."""
    return buildable_project


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


# --- the notebooks as sources ---------------------------------------------------------

@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_clean_with_one_parameters_cell(path):
    nb = nbformat.read(path, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code), "stored with outputs"
    assert nb.metadata.kernelspec.name == "compendium"
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1
    if path.stem in ("corpus", "explore"):  # explore.ipynb: the analysts' notebook, over every letter
        assert "processed_root" in params[0].source
    else:
        assert "letter_id" in params[0].source and "processed_dir" in params[0].source


def test_both_reports_exist():
    assert {p.stem for p in NOTEBOOKS} >= {"timeline", "coalition"}


# --- papermill, as a reviewer runs it ----------------------------------------------------

def _run(nb: Path, out: Path, **params):
    return pm.execute_notebook(str(nb), str(out), parameters=params, kernel_name="compendium",
                               progress_bar=False, cwd=str(ROOT))


def _outputs(nb) -> str:
    texts = []
    for c in nb.cells:
        for o in c.get("outputs", []):
            texts.append(o.get("text", "") if "text" in o else "".join(o.get("data", {}).get("text/html", "")))
    return "\n".join(texts)


def test_timeline_notebook_on_the_real_letter(tmp_path):
    nb = _run(ROOT / "notebooks/timeline.ipynb", tmp_path / "t.ipynb",
              processed_dir=f"data/processed/{REAL}")
    html = _outputs(nb)
    assert "6 events named in the letter, 12 context events." in html
    assert "President Barack Obama's statement" in html
    assert "2014-12-18: General Assembly resolution 69/188 adopted" in html  # what answered ask 2
    assert "<svg" in html


def test_coalition_notebook_on_the_real_letter(tmp_path):
    nb = _run(ROOT / "notebooks/coalition.ipynb", tmp_path / "c.ipynb",
              processed_dir=f"data/processed/{REAL}", letter_id=REAL)
    html = _outputs(nb)
    assert "Roberta Cohen; Greg Scarlatoiu" in html  # two signatories of one organization
    assert "Professor, Georgetown University; Senior Adviser, Center for Strategic and International Studies" in html
    assert "David Hawk" in html and "Author of The Hidden Gulag" in html
    assert "Unclassified organizations (not in the codebook): none." in html


def test_notebooks_run_on_a_letter_outside_the_compendium(tmp_path):
    """A reviewer's letter, processed elsewhere, with an organization the codebook lacks."""
    from compendium.process import process

    raw = tmp_path / "2016-03-01-test-letter.txt"
    raw.write_text(
        "March 1, 2016\n\nThe Honorable Jane Q. Official\nMinistry of Examples\n\nRe: A test of the reports\n\n"
        "Dear Minister Official,\n\nWe write to urge you to act before the end of June.\n\n"
        "In January, the Security Council met on this question.\n\nSincerely,\n\n"
        "Ana Example\nDirector\nObscure Test Alliance\n\nBen Sample\nProfessor, Georgetown University\n",
        encoding="utf-8")
    out = process(raw, tmp_path / "processed", warn=lambda m: None)
    tl = _outputs(_run(ROOT / "notebooks/timeline.ipynb", tmp_path / "t.ipynb", processed_dir=str(out)))
    assert "Security Council" in tl
    co = _outputs(_run(ROOT / "notebooks/coalition.ipynb", tmp_path / "c.ipynb", processed_dir=str(out)))
    assert "Unclassified organizations (not in the codebook): Obscure Test Alliance" in co


@pytest.mark.parametrize("params, message", [
    ({"processed_dir": "/nonexistent/folder"}, "processed_dir: /nonexistent/folder: no such folder"),
    ({"processed_dir": "data/raw"}, "not a processed letter folder"),
    ({"processed_dir": f"data/processed/{REAL}", "letter_id": "other-letter"}, "letter_id: 'other-letter' is not the letter"),
    ({"processed_dir": "", "letter_id": "../escape"}, "invalid letter id"),
])
def test_bad_parameters_stop_with_a_clear_message(tmp_path, params, message):
    with pytest.raises(pm.PapermillExecutionError) as err:
        _run(ROOT / "notebooks/timeline.ipynb", tmp_path / "bad.ipynb", **params)
    assert err.value.ename == "InputError"
    assert message in err.value.evalue


# --- the build ------------------------------------------------------------------------

def test_cold_build_incremental_and_reproducible(project, capsys):
    build.build()
    reports = project / "reports"
    first = _tree(reports)
    assert {f"{REAL}/timeline.html", f"{REAL}/coalition.html", "index.html"} <= set(first)
    index = first["index.html"].decode()
    assert "2014-09-10" in index and "United Nations General Assembly action on North Korea" in index
    assert "<td>14</td>" in index

    capsys.readouterr()
    build.build()
    assert "reports are up to date" in capsys.readouterr().out

    # Changing one notebook rebuilds only its reports.
    nb_path = project / "notebooks" / "coalition.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells.append(nbformat.v4.new_markdown_cell("An added note."))
    nbformat.write(nb, nb_path)
    build.build()
    out = capsys.readouterr().out
    assert f"[start] {REAL}/coalition" in out and f"{REAL}/timeline" not in out
    assert b"An added note." in (reports / REAL / "coalition.html").read_bytes()

    # A forced rebuild reproduces every byte of the timeline and processed data.
    processed = _tree(project / "data" / "processed")
    timeline = (reports / REAL / "timeline.html").read_bytes()
    build.build(force=True)
    assert _tree(project / "data" / "processed") == processed
    assert (reports / REAL / "timeline.html").read_bytes() == timeline


def test_built_reports_match_the_committed_ones(project):
    build.build()
    for name in ("timeline.html", "coalition.html"):
        assert (project / "reports" / REAL / name).read_bytes() == (ROOT / "reports" / REAL / name).read_bytes(), name
    css = "assets/report.css"  # the pages' style sheet, written once
    assert (project / "reports" / css).read_bytes() == (ROOT / "reports" / css).read_bytes()
    assert _tree(project / "data" / "processed") == _tree(ROOT / "data" / "processed")


def test_reports_open_offline():
    for page in (ROOT / "reports").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<script[^>]*\bsrc=", html), page
        assert not re.search(r"<link[^>]*href=\"https?:", html), page
        assert "cdnjs" not in html and "cdn.jsdelivr" not in html and "mathjax" not in html.lower(), page
        assert "Content-Security-Policy" in html
        for href in re.findall(r"<link[^>]*\bhref=\"([^\"]*)\"", html):  # only the relative style sheet
            assert href.endswith("assets/report.css") and (page.parent / href).resolve().is_file(), (page, href)


def test_failing_notebook_keeps_previous_report(project, capsys):
    build.build()
    old = (project / "reports" / REAL / "timeline.html").read_bytes()
    nb_path = project / "notebooks" / "timeline.ipynb"
    nb = nbformat.read(nb_path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell("raise ValueError('deliberate failure')"))
    nbformat.write(nb, nb_path)
    with pytest.raises(BuildError) as err:
        build.build()
    msg = str(err.value)
    assert "notebooks/timeline.ipynb failed on 2014-09-10-kerry-unga-north-korea" in msg
    assert "ValueError: deliberate failure" in msg and f"cell {len(nb.cells) - 1}" in msg
    assert (project / "reports" / REAL / "timeline.html").read_bytes() == old
    assert (project / "build" / "executed" / REAL / "timeline.ipynb").exists()
    assert not [p for p in (project / "reports").rglob("*") if p.name.endswith(".tmp")]


def test_fastimport_changes_no_report(project, tmp_path):
    """The rfc3987_syntax stand-in (compendium.fastimport) leaves the reports byte-identical."""
    def run(root: Path, fast: bool) -> dict[str, bytes]:
        env = {**os.environ, "COMPENDIUM_ROOT": str(root)}
        env.pop("COMPENDIUM_NO_FASTIMPORT", None)
        if not fast:
            env["COMPENDIUM_NO_FASTIMPORT"] = "1"
        subprocess.run([sys.executable, "-m", "compendium", "build"], env=env, check=True, capture_output=True)
        return _tree(root / "reports")

    other = tmp_path / "other"
    shutil.copytree(project, other)
    assert run(project, True) == run(other, False)


def test_verify_names_a_file_that_differs(project, capsys):
    from compendium.errors import CompendiumError

    build.build()
    build.verify()
    assert "byte-identical" in capsys.readouterr().out
    target = project / "data" / "processed" / REAL / "letter.json"
    target.write_text(target.read_text(encoding="utf-8").replace('"Sincerely,"', '"Yours,"'), encoding="utf-8")
    # A deliberately broken table and page: verify prints the cells and the text that differ.
    table = project / "data" / "processed" / REAL / "signatories.csv"
    table.write_text(table.read_text(encoding="utf-8").replace(",Roberta Cohen,", ",Roberta Cohn,", 1), encoding="utf-8")
    page = project / "reports" / REAL / "coalition.html"
    page.write_text(page.read_text(encoding="utf-8").replace("Greg Scarlatoiu", "G. Scarlatoiu"), encoding="utf-8")
    with pytest.raises(CompendiumError, match=f"data/processed/{REAL}/letter.json: differs from a fresh build"):
        build.verify()
    out = capsys.readouterr().out
    assert f"data/processed/{REAL}/signatories.csv: differs from a fresh build" in out
    assert "1 cell(s) differ in 1 row(s); all:" in out
    assert "column name: committed 'Roberta Cohn' → built 'Roberta Cohen'" in out
    assert "notebooks/coalition.ipynb: output of cell " in out
    assert "-Roberta Cohen; G. Scarlatoiu" in out and "+Roberta Cohen; Greg Scarlatoiu" in out
    assert "'closing': 'Yours,'" in out or '"closing": "Yours,"' in out
