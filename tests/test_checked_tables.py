"""The tables `compendium process` wrote and checked are not checked again by the reports
(build/checked-tables/<letter id>); tables changed since are, and process itself refuses tables that
disagree with each other or with clean.txt (contract.consistency_problem)."""

from __future__ import annotations

import pytest

from compendium import contract, report
from compendium.build import processing
from compendium.errors import InputError
from support import REAL_ID


@pytest.fixture
def processed(project):
    processing.process_all(letters=[(REAL_ID, project / "data" / "raw" / "letters" / f"{REAL_ID}.txt")])
    return project / "data" / "processed" / REAL_ID


def _validated(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = report._validate
    monkeypatch.setattr(report, "_validate", lambda p, frames, text: seen.append(p.name) or real(p, frames, text))
    monkeypatch.setattr(report, "_VALID", {})
    monkeypatch.setattr(report, "_LAST", [])  # tables parsed by an earlier test in this process
    return seen


def test_a_letter_the_build_processed_is_not_checked_again(processed, project, monkeypatch):
    record = project / "build" / "checked-tables"
    assert [p.name for p in record.iterdir()] == [REAL_ID]
    assert len((record / REAL_ID).read_text(encoding="ascii").strip()) == 64
    seen = _validated(monkeypatch)
    letter = report.load(processed)
    assert seen == [] and letter.letter_id == REAL_ID and len(letter.signatories) == 14


def test_the_record_is_written_before_the_letter_s_reports_are_queued(project):
    # During a build the reports of a letter run while later letters are still processed: the
    # record must be there when the letter is handed on, not only once every letter is done.
    raw = project / "data" / "raw" / "letters" / f"{REAL_ID}.txt"
    seen = []
    processing.process_all(letters=[(REAL_ID, raw)],
                           on_letter=lambda lid: seen.append((project / "build" / "checked-tables" / lid).is_file()))
    assert seen == [True]


def test_records_of_letters_no_longer_registered_are_dropped(processed, project):
    (project / "build" / "checked-tables" / "gone-letter").write_text("0" * 64 + "\n", encoding="ascii")
    processing.CheckedTables().save([REAL_ID])
    assert [p.name for p in (project / "build" / "checked-tables").iterdir()] == [REAL_ID]


def test_tables_changed_after_processing_are_checked(processed, monkeypatch):
    seen = _validated(monkeypatch)
    path = processed / "paragraphs.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\n1,header,", "\n1,nowhere,", 1), encoding="utf-8")
    with pytest.raises(InputError, match="paragraphs.csv.*section"):
        report.load(processed)
    assert seen == [REAL_ID]


def test_a_damaged_record_only_means_checking_again(processed, project, monkeypatch):
    (project / "build" / "checked-tables" / REAL_ID).write_text("[1, 2", encoding="utf-8")
    seen = _validated(monkeypatch)
    report.load(processed)
    assert seen == [REAL_ID]


def _tables():
    return {"paragraphs.csv": [{"start": 0, "end": 5}], "signatories.csv": [{"start": 6, "end": 8}],
            "mentions.csv": [{"mention_id": 1, "start": 0, "end": 4, "sentence_start": 0, "sentence_end": 5}],
            "timeline.csv": [{"start": "2014-01-01", "end": "2014-01-31", "mention_id": 1}]}


@pytest.mark.parametrize("change, where, problem", [
    (lambda t: t["paragraphs.csv"][0].update(end=11), "paragraphs.csv", "line 2: end 11 is beyond the end of clean.txt"),
    (lambda t: t["signatories.csv"][0].update(start=9), "signatories.csv", "line 2: start after end"),
    (lambda t: t["mentions.csv"][0].update(sentence_end=12), "mentions.csv", "sentence_end 12 is beyond"),
    (lambda t: t["timeline.csv"][0].update(end="2014-13-01"), "timeline.csv", "line 2: end '2014-13-01' is not a date"),
    (lambda t: t["timeline.csv"][0].update(start="2014-02-01"), "timeline.csv", "line 2: start after end"),
    (lambda t: t["timeline.csv"][0].update(mention_id=2), "timeline.csv", "mention_id 2 is not in mentions.csv"),
])
def test_process_refuses_tables_that_disagree(change, where, problem):
    tables = _tables()
    assert contract.consistency_problem(tables, 10) is None
    change(tables)
    name, why = contract.consistency_problem(tables, 10)
    assert name == where and problem in why
