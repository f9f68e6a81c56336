"""What a report page tells a reviewer besides its results: the code of each cell,
folded under "Show code" (no script), and a colophon (notebook, parameters, input
files' SHA-256, Python and package versions, how to rebuild and check).
Checked on the committed pages and on the colophon's functions."""

from __future__ import annotations

import hashlib
import json
import re
import socket
from pathlib import Path

import nbformat
import pytest

from compendium import colophon
from support import ROOT

REAL = "2014-09-10-kerry-unga-north-korea"
PAGES = sorted((ROOT / "reports").glob("*/*.html")) + sorted((ROOT / "reports").glob("corpus.html"))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_colophon_names_notebook_parameters_inputs_versions_and_how_to_rebuild():
    params = {"letter_id": REAL, "processed_dir": f"data/processed/{REAL}"}
    page = colophon.page_html("notebooks/timeline.ipynb", params, REAL)
    assert "<code>notebooks/timeline.ipynb</code>" in page and _sha(ROOT / "notebooks/timeline.ipynb") in page
    assert f"<code>letter_id = &quot;{REAL}&quot;</code>" in page
    for raw in (f"data/raw/letters/{REAL}.txt", "data/raw/codebook.csv", "data/raw/context_events.csv"):
        assert f"<code>{raw}</code> <span class=\"sha\">SHA-256 {_sha(ROOT / raw)}</span>" in page
    pins = colophon.locked_versions()
    assert f"Python {colophon.python_version()};" in page
    assert f"pandas {pins['pandas']}" in page and f"matplotlib {pins['matplotlib']}" in page
    assert _sha(ROOT / "requirements.lock") in page
    assert "<code>make reports</code>" in page and "<code>make verify</code>" in page
    assert f"-p letter_id {REAL} -p processed_dir data/processed/{REAL}" in page
    # Nothing that changes between two builds of the same inputs.
    assert str(ROOT) not in page and socket.gethostname() not in page
    assert not re.search(r"\b20\d\d-\d\d-\d\d[T ]\d\d:\d\d", page)


def test_corpus_colophon_names_the_manifest():
    page = colophon.page_html("notebooks/corpus.ipynb", {"processed_root": "data/processed"}, "")
    assert f"<code>data/raw/SHA256SUMS</code> <span class=\"sha\">SHA-256 {_sha(ROOT / 'data/raw/SHA256SUMS')}" in page


def test_code_cells_are_labelled_with_the_notebook_and_their_cell_number():
    nb = nbformat.v4.new_notebook(cells=[
        nbformat.v4.new_code_cell("x = 1", metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell("x = 2", metadata={"tags": ["injected-parameters"]}),
        nbformat.v4.new_markdown_cell("text"),
        nbformat.v4.new_code_cell("print(x)")])
    colophon.label_cells(nb, "notebooks/t.ipynb")
    assert [c.metadata.get("compendium_summary") for c in nb.cells] == [
        "Show code: default parameters (notebooks/t.ipynb, cell 0)",
        "Show code: the parameters of this page (injected by papermill)",
        None,
        "Show code (notebooks/t.ipynb, cell 2)"]


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT / "reports").as_posix())
def test_every_committed_report_folds_its_code_and_ends_with_a_colophon(page):
    html = page.read_text(encoding="utf-8")
    name = page.stem
    nb = nbformat.read(ROOT / "notebooks" / f"{name}.ipynb", as_version=4)
    code_cells = [c for c in nb.cells if c.cell_type == "code" and c.source.strip()]
    details = re.findall(r'<details class="code"><summary>([^<]*)</summary>', html)
    assert len(details) == len(code_cells) + 1  # and the injected parameters
    assert all(d.startswith("Show code") for d in details)
    assert "<details open" not in html  # folded by default
    assert '<span class="kn">from</span>' in html  # highlighted
    assert "<script" not in html and "default-src 'none'" in html  # no JavaScript; the policy is unchanged
    assert html.count('<footer class="colophon">') == 1
    assert f"<code>notebooks/{name}.ipynb</code>" in html and _sha(ROOT / "notebooks" / f"{name}.ipynb") in html
    assert "<code>make verify</code>" in html
    if page.parent.name == REAL:
        meta = json.loads((ROOT / "data/processed" / REAL / "letter.json").read_text(encoding="utf-8"))
        assert f"SHA-256 {meta['source_sha256']}" in html


def test_index_has_a_colophon():
    html = (ROOT / "reports" / "index.html").read_text(encoding="utf-8")
    assert '<footer class="colophon">' in html and _sha(ROOT / "requirements.lock") in html
    assert _sha(ROOT / "data/raw/codebook.csv") in html and "<code>make verify</code>" in html
