"""Line roles of the signature block (compendium.letter.roles): what the rules decide for each line,
and signatories grouped back from roles."""

from __future__ import annotations

from pathlib import Path

import pytest

from compendium.letter import roles
from compendium.letter import signatories as sig
from compendium.letter.lines import lines_of
from compendium.process import parse_letter

LETTERS = Path(__file__).parent / "fixtures" / "letters"

BLOCK = """Organisations
Amnesty International
Human Rights Watch

Individuals
Jane Doe, Director, Free the Slaves

Margaret T. Okonkwo, Ph.D.
Professor of Epidemiology
Bloomberg School of Public Health
Johns Hopkins University
"""


def test_rule_roles_name_each_line():
    items, got = roles.rule_roles(lines_of(BLOCK))
    assert [it.line.text for it in items] == [ln for ln in BLOCK.splitlines() if ln]
    assert got == ["heading", "signer", "signer", "heading", "name+affiliation", "name", "title", "unit",
                   "organization"]
    assert set(got) <= set(roles.ROLES)


def test_group_reads_roles_into_signatories():
    items, got = roles.rule_roles(lines_of(BLOCK))
    sigs = roles.group(items, got)
    assert [(s.signatory_type, s.name) for s in sigs] == [
        ("organization", ""), ("organization", ""), ("person", "Jane Doe"), ("person", "Margaret T. Okonkwo")]
    assert sigs[0].affiliations[0].organization == "Amnesty International"
    a = sigs[3].affiliations
    assert [(x.title, x.unit, x.organization) for x in a] == [
        ("Professor of Epidemiology", "Bloomberg School of Public Health", "Johns Hopkins University")]
    # another reading of the same lines: the tagger's roles, not the rules', decide the groups
    other = roles.group(items, ["heading", "signer", "signer", "heading", "name+affiliation", "name", "title",
                                "organization", "signer"])
    assert other[-1].signatory_type == "organization" and other[-1].affiliations[0].organization == "Johns Hopkins University"
    assert [(x.title, x.organization) for x in other[3].affiliations] == [
        ("Professor of Epidemiology", "Bloomberg School of Public Health")]


def test_on_behalf_of_above_names_is_their_organization():
    text = ("On behalf of Coastal Justice Network\nAmara Nwosu, Executive Director\n\n"
            "Henrik Dahl, Policy Director, on behalf of Fair Supply Chains Europe\n")
    items, got = roles.rule_roles(lines_of(text))
    assert got == ["organization", "name+affiliation", "name+affiliation"]
    sigs = roles.group(items, got)
    assert [(s.name, s.affiliations[0].title, s.affiliations[0].organization) for s in sigs] == [
        ("Amara Nwosu", "Executive Director", "Coastal Justice Network"),
        ("Henrik Dahl", "Policy Director", "Fair Supply Chains Europe")]


def _key(sigs):
    return [(s.signatory_type, s.name, s.start, [(a.title, a.unit, a.organization, a.former) for a in s.affiliations])
            for s in sigs]


@pytest.mark.parametrize("folder", ["dev", "heldout", "heldout3", "heldout4"])
def test_grouping_the_rules_roles_gives_the_rules_signatories(folder):
    """The rules' roles, grouped by roles.group, are the signatories signatories.parse finds: the
    role sequence loses nothing the rules decide, so a tagger's roles are scored on equal terms."""
    n = 0
    for raw in sorted((LETTERS / folder).glob("*.txt")):
        try:
            lines = parse_letter(raw.read_bytes(), "letter", raw).structure.signature_lines
        except Exception:  # a page that is not a letter, refused
            continue
        items, got = roles.rule_roles(lines)
        assert _key(roles.group(items, got)) == _key(sig.parse(lines)), raw.name
        n += 1
    assert n >= 9


def test_features_one_dict_per_item_with_the_lines_around():
    items, got = roles.rule_roles(lines_of(BLOCK))
    feats = roles.features(items)
    assert len(feats) == len(items)
    assert feats[5]["evidence"] == "2" and feats[6]["is_title"] == 1.0 and feats[6]["prev:evidence"] == "2"
    assert feats[0]["prev:none"] == 1.0 and feats[-1]["next:none"] == 1.0 and "rule" not in feats[0]
    ruled = roles.features(items, got)
    assert [f["rule"] for f in ruled] == got and ruled[1]["rule_prev"] == "heading"


def test_line_roles_never_trains_on_a_test_set(monkeypatch, tmp_path):
    """tools/line_roles.py: the CRF that scores a set is trained on the four training sets less
    that one, never on a test set (heldout5, heldout6)."""
    pytest.importorskip("pycrfsuite")
    import sys

    sys.path.insert(0, str(LETTERS.parents[2] / "tools"))
    import line_roles

    trained: list[set[str]] = []
    monkeypatch.setattr(line_roles, "train", lambda rows, path: trained.append({r["set"] for r in rows}))
    monkeypatch.setattr(line_roles, "tag", lambda model, rows: [[] for _ in rows])
    rows = [{"set": s, "gold": [], "rules": [], "items": [], "lines": []}
            for s in (*line_roles.SETS, *line_roles.TEST_SETS) for _ in range(2)]
    for name in ("heldout4", *line_roles.TEST_SETS):
        trained.clear()
        line_roles.fold(name, rows, {}, tmp_path)
        assert trained
        want = set(line_roles.SETS) - {name}
        assert all(t == want for t in trained), (name, trained)
