"""The parser against the gold files of the fixture letters (format in GOLD.md):
each letter's fields, every affiliation and the dated mentions, as a careful
reader of the letter gives them.

Tested here: the development letters (dev/) and the held-out sets that have
been scored blind once and then used to improve the parser (heldout/,
heldout3/, heldout4/): they are regression tests now, no longer a measure. A held-out set
not yet scored must not be added here before `make accuracy` has scored it once.

Held-out sets 5 and 6 were scored blind once (their README.md holds those figures) and then
used for development without reaching every letter: they are held here at the figures
reached, so that no change makes them worse.
"""

from __future__ import annotations

import json

import pytest

from compendium import codebook, evaluate
from compendium.evaluate import FIELDS, score_letter, summary
from support import FIXTURES as LETTERS

DEV = LETTERS / "dev"
GOLD = sorted(g for folder in ("dev", "heldout", "heldout3", "heldout4") for g in (LETTERS / folder).glob("*.gold.json"))


@pytest.fixture(scope="module")
def scores():
    cb = codebook.load(None)
    out = {}
    for g in GOLD:
        raw = g.with_name(g.name[: -len(".gold.json")] + ".txt")
        out[raw.stem] = score_letter(raw, json.loads(g.read_text(encoding="utf-8")), cb)
    return out


def test_there_are_enough_development_letters():
    assert len(list(DEV.glob("*.gold.json"))) >= 30
    for g in GOLD:
        assert g.with_name(g.name[: -len(".gold.json")] + ".txt").exists(), g


@pytest.mark.parametrize("name", [g.name[: -len(".gold.json")] for g in GOLD])
def test_letter_fields_and_affiliations(scores, name):
    s = scores[name]
    if s.not_a_letter:
        assert s.refused, "a page that is not a letter was accepted"
        return
    assert not s.refused, s.refused
    assert all(s.fields[f] for f in FIELDS), s.misses
    assert s.aff_tp == s.aff_gold == s.aff_pred, s.misses
    assert s.chrome_left == 0, s.misses


def test_dated_mentions_overall(scores):
    sm = summary(list(scores.values()))
    assert sm["date_recall"] >= 0.97 and sm["date_precision"] >= 0.97, sm
    for name, s in scores.items():
        assert s.date_tp >= s.date_gold - 1 and s.date_pred <= s.date_tp + 1, (name, s.misses)


def test_a_page_that_is_not_a_letter_scores_as_refused_not_as_a_letter(tmp_path):
    page = tmp_path / "news.txt"
    page.write_text("Home | News\nCouncil votes on budget\nThe council met and voted on the budget.\n"
                    "Several members spoke about the roads.\n", encoding="utf-8")
    (tmp_path / "news.gold.json").write_text(json.dumps({"refuse": True, "letter": {}}), encoding="utf-8")
    scores = evaluate.score_folder(tmp_path)
    assert scores[0].not_a_letter and scores[0].refused
    sm = evaluate.summary(scores)
    assert sm["letters"] == 0 and sm["not letters, refused"] == "1/1"
    assert "not a letter" in evaluate.report("t", scores)


# Figures reached on held-out sets 5 to 8 after development, with the default line-role source (the
# rules; first sight in their README.md).
REACHED = {
    "heldout5": {"refused": 0, "not letters, refused": "2/2", "letter_fields": 0.956, "aff_f1": 0.907,
                 "date_recall": 0.956, "date_precision": 0.973, "chrome_left": 2},
    "heldout6": {"refused": 0, "not letters, refused": "2/2", "letter_fields": 0.960, "aff_f1": 1.000,
                 "date_recall": 0.976, "date_precision": 0.965, "chrome_left": 4},
    "heldout7": {"refused": 0, "not letters, refused": "2/2", "letter_fields": 0.989, "aff_f1": 0.925,
                 "date_recall": 0.986, "date_precision": 0.986, "chrome_left": 3},
    "heldout8": {"refused": 0, "not letters, refused": "2/2", "letter_fields": 0.989, "aff_f1": 0.946,
                 "date_recall": 0.939, "date_precision": 0.969, "chrome_left": 10},
}

@pytest.mark.parametrize("folder", sorted(REACHED))
def test_later_held_out_sets_stay_at_the_figures_reached(folder):
    want = REACHED[folder]
    sm = summary(evaluate.score_folder(LETTERS / folder))
    assert sm["refused"] <= want["refused"] and sm["not letters, refused"] == want["not letters, refused"], sm
    assert sm["chrome_left"] <= want["chrome_left"], sm
    for k in ("letter_fields", "aff_f1", "date_recall", "date_precision"):
        assert round(sm[k], 3) >= want[k], (k, sm)
