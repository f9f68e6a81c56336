"""Facts a reviewer checked against the letter, and inputs that once lost data or ended in a traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from compendium import report
from compendium.process import process

ROOT = Path(__file__).resolve().parents[1]
REAL = "2014-09-10-kerry-unga-north-korea"
RAW = ROOT / "data" / "raw" / "letters" / f"{REAL}.txt"


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "compendium", *args], capture_output=True, text=True,
                          env={**os.environ})


def test_out_never_replaces_a_folder_that_is_not_a_processed_letter(tmp_path):
    mine = tmp_path / "my-documents"
    mine.mkdir()
    (mine / "thesis.txt").write_text("years of work", encoding="utf-8")
    result = _cli("process", str(RAW), "--out", str(mine))
    assert result.returncode == 2 and "not a processed letter and not empty" in result.stderr
    assert (mine / "thesis.txt").read_text(encoding="utf-8") == "years of work"
    result = _cli("process", str(RAW), "--out", str(mine / "thesis.txt"))
    assert result.returncode == 2 and "--out is a file" in result.stderr
    assert not list(mine.glob(".*"))


def test_missing_context_or_codebook_option_is_an_error(tmp_path):
    for option in ("--context", "--codebook"):
        result = _cli("process", str(RAW), "--out", str(tmp_path / "o"), option, str(tmp_path / "typo.csv"))
        assert result.returncode == 2 and f"{option}: no such file" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("row, message", [
    ("2014-09-10-kerry-unga-north-korea,2014-10,,,https://example.org/x,", "empty label"),
    ("2014-09-10-kerry-unga-north-korea,2014-10,Something,0,https://example.org/x,", "answers_ask '0'"),
])
def test_context_rows_the_schema_would_refuse_are_one_line_errors(tmp_path, row, message):
    ctx = tmp_path / "context.csv"
    ctx.write_text((ROOT / "data/raw/context_events.csv").read_text(encoding="utf-8") + row + "\n", encoding="utf-8")
    result = _cli("process", str(RAW), "--out", str(tmp_path / "o"), "--context", str(ctx))
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1


def test_a_signature_line_ending_in_an_abbreviation_is_not_page_footer(tmp_path):
    text = RAW.read_text(encoding="utf-8").replace(
        "Senior Fellow\n", "Senior Fellow, The Century Foundation, New York and Washington, D.C.\n", 1)
    raw = tmp_path / "dc-letter.txt"
    raw.write_text(text, encoding="utf-8")
    out = process(raw, tmp_path / "out", warn=lambda m: None)
    assert len(pd.read_csv(out / "signatories.csv")) == 14


@pytest.fixture(scope="module")
def letter():
    return report.load(ROOT / "data" / "processed" / REAL)


def test_the_requested_side_event_is_not_before_the_letter(letter):
    events = report.event_table(letter).set_index("Event")
    side = events.loc["United Nations General Assembly side event (requested by the letter)"]
    assert side["When"].startswith("around the letter")
    assert events.loc["General Assembly resolution 69/188 adopted, 116–20–53", "When"] == "after the letter"
    assert events.loc["This letter, to Secretary of State John F. Kerry", "When"] == "the letter"


def test_asks_are_addressed_as_the_letter_says(letter):
    asks = report.asks_table(letter).set_index("Ask")["Addressed to"]
    # "We write to request that you …", "we recommend that the US work …", "We also urge that the text …"
    assert list(asks) == ["John F. Kerry", "United States Government", "John F. Kerry"]


def test_a_former_official_is_not_counted_as_serving_government(letter):
    comp = report.composition(letter).set_index("Sector")
    assert "government" not in comp.index
    assert comp.loc["government (former)", "Signatories"] == 1  # Lorne Craner


def test_include_context_must_be_a_boolean():
    with pytest.raises(Exception, match="include_context: must be True or False, not 'false'"):
        report.check_flag("include_context", "false")
    assert report.check_flag("include_context", False) is False
