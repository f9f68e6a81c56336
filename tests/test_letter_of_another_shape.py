"""A letter unlike the real one: date day-first, "Subject:", "Excellency,", "Respectfully,",
organizations only, a cc line, share buttons and a donation link around it."""

from __future__ import annotations

import pandas as pd
import pytest

from compendium.process import process
from support import FIXTURES

LETTER = FIXTURES / "orgs-only-excellency-cc-chrome.txt"


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    return process(LETTER, tmp_path_factory.mktemp("p") / "out", "2015-03-17-refugees", warn=lambda m: None)


def test_structure_and_signatories(out):
    import json

    meta = json.loads((out / "letter.json").read_text(encoding="utf-8"))
    assert meta["date"] == "2015-03-17"
    assert meta["addressee"] == ["H.E. Ban Ki-moon", "Secretary-General", "United Nations", "New York"]
    assert meta["subject"] == "Protecting refugees from North Korea in China"
    assert (meta["salutation"], meta["closing"], meta["paragraph_count"]) == ("Excellency,", "Respectfully,", 3)
    assert [r["text"] for r in meta["removed"]] == ["Share this via Facebook", "Share this via Twitter",
                                                    "Related Content", "Donate now"]
    aff = pd.read_csv(out / "affiliations.csv", keep_default_na=False)
    assert list(aff.signatory_type) == ["organization"] * 4
    assert list(aff.organization) == ["Amnesty International", "Human Rights Watch", "Liberty in North Korea",
                                      "Citizens' Alliance for North Korean Human Rights"]
    assert list(aff.sector) == ["unclassified", "advocacy", "advocacy", "unclassified"]
    para = pd.read_csv(out / "paragraphs.csv", keep_default_na=False)
    assert list(para[para.section == "cc"].text) == ["cc: Zeid Ra'ad Al Hussein, UN High Commissioner for Human Rights"]


def test_dates_resolved_against_the_letter(out):
    m = pd.read_csv(out / "mentions.csv", keep_default_na=False)
    dates = dict(zip(m[m.kind == "date"].text, m[m.kind == "date"].value))
    assert dates == {"17 March 2015": "2015-03-17", "next month": "2015-04", "Last December": "2014-12",
                     "January": "2015-01", "this spring": "2015-SP", "the end of June": "2015-06"}


def test_events_name_what_happened(out):
    t = pd.read_csv(out / "timeline.csv", keep_default_na=False)
    labels = dict(zip(t.date, t.label))
    assert labels["2014-12"] == "General Assembly resolution"
    assert labels["2015-06"] == "Office of the High Commissioner for Human Rights report (requested by the letter)"
    assert labels["2015-SP"] == "We ask that you meet with refugees in Seoul this spring (requested by the letter)"
