"""notebooks/explore.ipynb and the one-call loader behind it (compendium.explore.load_all).

The notebook is not a report (the build does not run it); it runs here, on a
corpus of three letters, so that it never rots."""

from __future__ import annotations

import subprocess
from pathlib import Path

import nbformat
import papermill as pm
import pytest

from compendium.errors import InputError
from compendium.explore import load_all
from compendium.process import process
from support import ROOT

REAL = "2014-09-10-kerry-unga-north-korea"


@pytest.fixture(scope="module")
def three(tmp_path_factory) -> Path:
    """The real letter and the two corpus fixtures, processed into one processed_root."""
    root = tmp_path_factory.mktemp("explore") / "processed"
    process(ROOT / "data" / "raw" / "letters" / f"{REAL}.txt", root / REAL, warn=lambda m: None)
    for f in sorted((ROOT / "tests" / "fixtures" / "corpus").glob("*.txt")):
        process(f, root / f.stem, warn=lambda m: None)
    return root


def test_load_all_gives_every_table_of_every_letter_tagged_with_its_letter(three):
    c = load_all(three)
    assert list(c.letters.letter_id) == [REAL, "2015-02-03-corpus-a", "2015-06-30-corpus-b"]
    for name in ("paragraphs", "signatories", "affiliations", "mentions", "timeline"):
        df = getattr(c, name)
        assert list(df.columns[:2]) == ["letter_id", "letter_date"], name
        assert set(df.letter_id) == set(c.letters.letter_id), name
    assert len(c.signatories[c.signatories.letter_id == REAL]) == 14
    assert str(c.timeline.start.dtype).startswith("datetime64")
    quote = c.mentions[(c.mentions.kind == "quote") & (c.mentions.value == "Barack Obama")].iloc[0]
    assert c.text(quote.letter_id, quote.start, quote.end) == quote.text
    assert "3 letters" in repr(c)


def test_load_all_refuses_a_folder_that_is_not_a_processed_root(tmp_path):
    with pytest.raises(InputError, match="no such folder"):
        load_all(tmp_path / "nowhere")


def test_explore_notebook_is_stored_clean():
    nb = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert nb.metadata.kernelspec.name == "compendium"
    assert [c for c in code if "parameters" in c.metadata.get("tags", [])][0].source.count("processed_root =") == 1


def _outputs(nb) -> str:
    out = []
    for cell in nb.cells:
        for o in cell.get("outputs", []):
            out.append(o.get("text", "") if "text" in o else o.get("data", {}).get("text/plain", ""))
            if "image/png" in o.get("data", {}):
                out.append("<figure png>")
    return "\n".join(out)


@pytest.mark.slow
def test_explore_notebook_answers_the_analysts_questions(three, tmp_path):
    nb = pm.execute_notebook(str(ROOT / "notebooks" / "explore.ipynb"), str(tmp_path / "explore.ipynb"),
                             parameters={"processed_root": str(three), "crime": "crimes against humanity"},
                             kernel_name="compendium", progress_bar=False, cwd=str(ROOT / "notebooks"))
    text = _outputs(nb)
    assert "<Corpus of 3 letters" in text
    assert "<figure png>" in text  # dated mentions on one axis
    assert "September 10, 2014" in text and "February 3, 2015" in text
    assert "Freedom House" in text and "Human Rights Watch" in text  # co-signing
    assert "Barack Obama" in text  # a quotation with its source
    assert "Samantha Example" in text and "United States Government" in text  # asks by addressee
    assert "Senior Fellow, Freedom House" in text and "Professor, Georgetown University" in text  # Mina Park
    assert "4 mentions of 'crimes against humanity' in 1 of 3 letters" in text


def test_make_lab_opens_the_explore_notebook():
    out = subprocess.run(["make", "-n", "lab"], cwd=ROOT, capture_output=True, text=True).stdout
    assert "jupyter lab --notebook-dir=notebooks --LabApp.default_url=/lab/tree/explore.ipynb" in out
