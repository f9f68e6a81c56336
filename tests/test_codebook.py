"""The organization codebook (codebook.py, data/raw/codebook.csv)."""

from __future__ import annotations

import csv

import pytest

from compendium import codebook
from compendium.errors import InputError
from support import CODEBOOK, REAL_RAW, fixture_path

HEADER = "organization,aliases,sector,parent,source\n"


def write(tmp_path, body: str, name="codebook.csv"):
    path = tmp_path / name
    path.write_text(HEADER + body, encoding="utf-8")
    return path


# --- the project's codebook ----------------------------------------------------------

def test_project_codebook_loads_with_known_sectors_and_a_source_each():
    cb = codebook.load(CODEBOOK)
    assert len(cb.entries) > 0
    for e in cb.entries:
        assert e.sector in codebook.SECTORS
        assert e.source, e.organization


def test_lookup_by_alias_ignores_case_punctuation_and_the():
    cb = codebook.load(CODEBOOK)
    assert cb.lookup("HRW").organization == "Human Rights Watch"
    assert cb.lookup("the state department").organization == "U.S. Department of State"
    assert cb.lookup("Committee for Human Rights in North Korea").organization == \
        "The Committee for Human Rights in North Korea"
    assert cb.lookup("Lantern Rights Network") is None
    assert cb.lookup("") is None


def test_classify():
    cb = codebook.load(CODEBOOK)
    assert cb.classify("", "Freedom House") == ("Freedom House", "advocacy")
    # the most specific known name wins: the unit before its university
    assert cb.classify("Clements Center for History, Strategy & Statecraft", "University of Texas-Austin") == \
        ("Clements Center for History, Strategy & Statecraft, University of Texas at Austin", "academic")
    # an unknown unit leaves the organization in charge
    assert cb.classify("Government Advocacy", "Human Rights First") == ("Human Rights First", "advocacy")
    assert cb.classify("", "") == ("", "independent")
    assert cb.classify("", "Lantern Rights Network") == ("Lantern Rights Network", "unclassified")


def test_surface_forms_longest_first():
    cb = codebook.load(CODEBOOK)
    forms = [f for f, _ in cb.surface_forms()]
    assert forms.index("United Nations General Assembly") < forms.index("General Assembly") < forms.index("UN")


# --- bad codebooks ----------------------------------------------------------------------

def test_unknown_sector_names_the_file_and_the_row(tmp_path):
    path = write(tmp_path, "Lantern Rights Network,,charity,,https://example.org\n")
    with pytest.raises(InputError) as err:
        codebook.load(path)
    assert err.value.where == f"{path}:2"
    assert "'charity'" in err.value.problem and "Lantern Rights Network" in err.value.problem
    assert str(path) in str(err.value)


def test_duplicated_alias_names_the_file(tmp_path):
    path = write(tmp_path,
                 "Lantern Rights Network,LRN|Lantern,advocacy,,https://example.org/a\n"
                 "Lantern Institute,Lantern,think tank,,https://example.org/b\n")
    with pytest.raises(InputError) as err:
        codebook.load(path)
    assert err.value.where == str(path)
    assert "'Lantern'" in err.value.problem
    assert "Lantern Rights Network" in err.value.problem and "Lantern Institute" in err.value.problem


def test_alias_equal_to_another_organization_after_normalising(tmp_path):
    path = write(tmp_path,
                 "The Meridian Institute,,think tank,,https://example.org/a\n"
                 "Meridian Policy Group,meridian institute,advocacy,,https://example.org/b\n")
    with pytest.raises(InputError, match="meridian institute"):
        codebook.load(path)


def test_missing_column_and_missing_file(tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_text("organization,sector\nFreedom House,advocacy\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        codebook.load(path)
    assert err.value.where == str(path) and "aliases" in err.value.problem
    with pytest.raises(InputError, match="codebook not found"):
        codebook.load(tmp_path / "nope.csv")


def test_codebook_not_utf8_is_an_input_error(tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_bytes((HEADER + "Fédération des droits humains,,advocacy,,https://example.org\n").encode("cp1252"))
    with pytest.raises(InputError) as err:
        codebook.load(path)
    assert err.value.where == str(path) and "UTF-8" in err.value.problem


def test_codebook_with_bom_loads(tmp_path):
    path = tmp_path / "codebook.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (HEADER + "Freedom House,,advocacy,,https://example.org\n").encode())
    assert codebook.load(path).lookup("Freedom House").sector == "advocacy"


# --- unknown organizations: 'unclassified' and a warning ---------------------------

def test_missing_organization_is_unclassified_and_warned(tmp_path, process_letter):
    # The project's codebook without Freedom House (David J. Kramer's organization).
    with open(CODEBOOK, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    kept = [r for r in rows if r["organization"] != "Freedom House"]
    assert len(kept) == len(rows) - 1
    path = tmp_path / "codebook.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(kept)

    p = process_letter(REAL_RAW, tmp_path / "out", codebook=path)
    assert p.letter["unclassified_organizations"] == ["Freedom House"]
    kramer = p.affiliations[p.affiliations.name == "David J. Kramer"]
    assert list(kramer.sector) == ["unclassified"]
    assert list(kramer.canonical_organization) == ["Freedom House"]
    others = p.affiliations[p.affiliations.name != "David J. Kramer"]
    assert "unclassified" not in set(others.sector)
    assert len(p.warnings) == 1
    assert "'Freedom House'" in p.warnings[0] and "unclassified" in p.warnings[0]
    assert str(REAL_RAW) in p.warnings[0] and str(path) in p.warnings[0]


def test_fixture_organizations_unknown_to_the_project_codebook(tmp_path, process_letter):
    p = process_letter(fixture_path("sig-unit-lines.txt"), tmp_path / "out", "sig-unit-lines")
    assert p.letter["unclassified_organizations"] == [
        "Lantern Rights Network", "Bellwether University", "Caldora Refugee Aid Society"]
    assert set(p.affiliations.sector) == {"unclassified"}
    assert len(p.warnings) == 3
    for org, warning in zip(p.letter["unclassified_organizations"], p.warnings):
        assert repr(org) in warning


def test_fixture_codebook_classifies_fixture_organizations(tmp_path, process_letter):
    path = write(tmp_path,
                 "Lantern Rights Network,LRN,advocacy,,https://example.org/lrn\n"
                 "Bellwether University,,academic,,https://example.org/bu\n"
                 "Caldora Refugee Aid Society,,advocacy,,https://example.org/cras\n")
    p = process_letter(fixture_path("sig-unit-lines.txt"), tmp_path / "out", "sig-unit-lines", codebook=path)
    assert p.warnings == [] and p.letter["unclassified_organizations"] == []
    assert dict(zip(p.affiliations.name, p.affiliations.sector)) == {
        "Noor Haddad": "advocacy", "Tobias Engel": "academic", "Mei-Ling Cheng": "advocacy"}
    # known now: their signature lines are codebook mentions
    orgs = p.kind("organization")
    assert set(orgs[orgs.rule == "codebook"].text) == {
        "Lantern Rights Network", "Bellwether University", "Caldora Refugee Aid Society"}
