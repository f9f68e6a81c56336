"""report.load checks a folder's files once per content: a second load of the same
bytes skips the schema checks, a changed file is checked again."""

import shutil

import pytest

from compendium import report
from compendium.errors import InputError
from support import ROOT

SEED = ROOT / "data" / "processed" / "2014-09-10-kerry-unga-north-korea"


@pytest.fixture
def folder(tmp_path):
    dest = tmp_path / SEED.name
    shutil.copytree(SEED, dest)
    return dest


def test_second_load_of_same_files_skips_validation(folder, monkeypatch):
    first = report.load(folder)
    assert len(first.signatories) == 14  # the letter's 14 signers
    calls = []
    monkeypatch.setattr(report, "_validate", lambda *a: calls.append(a))
    again = report.load(folder)
    assert calls == []
    assert again.signatories.equals(first.signatories)


def test_changed_file_is_validated_again(folder):
    report.load(folder)
    path = folder / "signatories.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    # An unknown signatory type in the first data row: the schema rejects it.
    lines[1] = lines[1].replace(",person,", ",robot,", 1)
    assert ",robot," in lines[1]
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match="robot"):
        report.load(folder)
