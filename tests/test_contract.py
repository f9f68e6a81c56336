"""The contract of a processed folder (compendium.contract) is stated once, and the data
dictionary, the schemas, the reports and the committed outputs all agree with it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from compendium import brat, codebook, contract, outputs, report, schemas, spreadsheet
from support import ROOT

DICTIONARY = ROOT / "docs" / "data-dictionary.md"


def _sections() -> dict[str, str]:
    """The data dictionary's sections by file name ('## mentions.csv — …' → 'mentions.csv')."""
    text = DICTIONARY.read_text(encoding="utf-8")
    parts = re.split(r"^## (\S+).*$", text, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts), 2)}


def _documented(section: str) -> dict[str, str]:
    """Table rows '| `a`, `b` | meaning |' of a section: each name with its meaning."""
    rows = {}
    for line in section.splitlines():
        m = re.match(r"\|\s*((?:`[^`]+`(?:,\s*)?)+)\s*\|(.*)\|\s*$", line)
        if m:
            for name in re.findall(r"`([^`]+)`", m.group(1)):
                rows[name] = m.group(2)
    return rows


def test_every_output_file_has_a_section_in_the_data_dictionary():
    sections = _sections()
    missing = [f for f in (*contract.OUTPUT_FILES, outputs.MARKER) if f not in sections]
    assert missing == []


@pytest.mark.parametrize("table", list(contract.TABLES))
def test_every_column_of_every_table_is_documented_and_nothing_else(table):
    documented = _documented(_sections()[table])
    assert list(documented) == list(contract.TABLES[table]), \
        f"docs/data-dictionary.md, section {table}: columns differ from compendium.contract (in order)"


@pytest.mark.parametrize("table", list(contract.TABLES))
def test_every_value_of_a_closed_vocabulary_is_named_in_the_data_dictionary(table):
    documented = _documented(_sections()[table])
    for column, spec in contract.TABLES[table].items():
        if documented[column].strip().startswith("as in "):  # explained in another table's section
            continue
        for value in spec.values or ():
            if value and value != "false":  # `former`: "true if …", false otherwise
                assert re.search(rf"(?<![\w-]){re.escape(value)}(?![\w-])", documented[column]), \
                    f"{table}: {column}: value {value!r} is not named in the data dictionary"


def test_every_letter_json_key_is_documented():
    assert list(_documented(_sections()["letter.json"])) == list(contract.LETTER_KEYS)


def test_the_committed_outputs_follow_the_contract():
    folders = sorted(p for p in (ROOT / "data" / "processed").iterdir() if p.is_dir() and p.name != "_corpus")
    assert folders
    for folder in folders:
        assert sorted(p.name for p in folder.iterdir()) == sorted([*contract.OUTPUT_FILES, outputs.MARKER])
        meta = json.loads((folder / "letter.json").read_text(encoding="utf-8"))
        assert tuple(meta) == contract.LETTER_KEYS
        for table, columns in contract.TABLES.items():
            header = (folder / table).read_text(encoding="utf-8").split("\n", 1)[0]
            assert header.split(",") == list(columns), f"{folder.name}/{table}"


def test_schemas_spreadsheet_brat_and_report_derive_from_the_contract():
    assert list(schemas.TABLES) == list(contract.TABLES)
    for table, columns in contract.TABLES.items():
        schema = schemas.TABLES[table]
        assert list(schema.columns) == list(columns)
        for col, spec in columns.items():
            expected = {contract.INT: ("int64",), contract.OPTIONAL_INT: ("Int64",),
                        contract.TEXT: ("str", "string[python]", "string[pyarrow]")}[spec.type]
            assert str(schema.columns[col].dtype) in expected, f"{table}: {col}"
            assert schema.columns[col].nullable == (spec.type == contract.OPTIONAL_INT)
    assert spreadsheet.SHEETS == contract.TABLE_NAMES
    assert spreadsheet.NUMERIC["mentions"] == {"mention_id", "start", "end", "paragraph_id", "sentence_start",
                                               "sentence_end", "ask_number"}
    assert set(brat.TYPES) == set(contract.KINDS)
    assert report.FILES == ("clean.txt", "letter.json", *contract.TABLES)
    assert codebook.SECTORS is contract.SECTORS and codebook.UNCLASSIFIED is contract.UNCLASSIFIED


def test_annotate_kinds_are_the_contracts():
    from compendium import annotate

    assert tuple(annotate.KINDS) == contract.KINDS


def test_report_load_types_the_integer_columns_from_the_contract():
    letter = report.load(ROOT / "data" / "processed" / "2014-09-10-kerry-unga-north-korea")
    for table in contract.TABLES:
        df = getattr(letter, table[: -len(".csv")])
        for col, spec in contract.TABLES[table].items():
            assert (str(df[col].dtype) == "Int64") == spec.integer, f"{table}: {col} is {df[col].dtype}"


def test_the_contract_is_light():
    """No pandas, no pandera: the build reads it before anything heavy is imported."""
    code = ("import sys, compendium.contract, compendium.outputs; "
            "heavy = sorted(m for m in ('pandas', 'pandera', 'numpy') if m in sys.modules); "
            "assert not heavy, heavy")
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_table_that_fails_its_schema_while_processing_is_an_internal_error():
    from compendium import process
    from compendium.errors import InputError, InternalError

    row = {"paragraph_id": 1, "section": "not a section", "start": 0, "end": 4, "text": "Dear"}
    with pytest.raises(InternalError, match=r"^internal error .*paragraphs\.csv table") as caught:
        process._table([row], "paragraphs.csv")
    assert not isinstance(caught.value, InputError)  # no file of the user's to point at


def _bad_tables():
    """One table per kind of fault the schemas refuse, from a good row of each table."""
    good = {
        "paragraphs.csv": {"paragraph_id": 1, "section": "body", "start": 0, "end": 4, "text": "Dear"},
        "mentions.csv": {"mention_id": 1, "kind": "date", "start": 0, "end": 4, "text": "2014", "value": "2014",
                         "paragraph_id": None, "precision": "year", "rule": "r", "sentence_start": None,
                         "sentence_end": None, "ask_number": None, "source": "parser"},
        "timeline.csv": {"event_id": 1, "date": "2014-09", "start": "2014-09-01", "end": "2014-09-30",
                         "precision": "month", "label": "x", "source": "letter", "mention_id": 1, "citation": "",
                         "answers_ask": None},
    }
    yield "paragraphs.csv", [good["paragraphs.csv"]], True
    yield "paragraphs.csv", [good["paragraphs.csv"], {**good["paragraphs.csv"], "paragraph_id": 2,
                                                      "text": ' He said, "no"\n\r\tthen ""; '}], True
    yield "mentions.csv", [good["mentions.csv"]], True
    yield "timeline.csv", [good["timeline.csv"]], True
    faults = [("paragraphs.csv", "section", "preface"), ("paragraphs.csv", "paragraph_id", 0),
              ("paragraphs.csv", "start", -1), ("paragraphs.csv", "text", ""),
              ("mentions.csv", "ask_number", 0), ("mentions.csv", "source", "corrected"),
              ("mentions.csv", "precision", "fortnight"), ("timeline.csv", "date", "2014-9"),
              ("timeline.csv", "start", "1 Sept"), ("timeline.csv", "source", "press")]
    for table, col, value in faults:
        yield table, [{**good[table], col: value}], False
    yield "paragraphs.csv", [good["paragraphs.csv"], good["paragraphs.csv"]], False  # paragraph_id twice


def test_process_checks_rows_as_the_schemas_check_tables():
    """`compendium process` checks its rows with contract.problem (no pandera); the reports
    check what they read with the pandera schemas: both accept and refuse the same tables,
    and the CSV text is what pandas wrote before."""
    import io

    import pandas as pd
    import pandera.errors

    for table, rows, ok in _bad_tables():
        assert (contract.problem(table, rows) is None) == ok, (table, rows)
        df = pd.DataFrame(rows, columns=list(contract.TABLES[table]))
        for col, spec in contract.TABLES[table].items():
            df[col] = df[col].astype(spec.type) if spec.integer else df[col].astype(object).fillna("").astype(str)
        try:
            schemas.TABLES[table].validate(df)
            schema_ok = True
        except pandera.errors.SchemaError:
            schema_ok = False
        assert schema_ok == ok, (table, rows)
        if ok:
            buf = io.StringIO()
            df.to_csv(buf, index=False, lineterminator="\n")
            assert contract.csv_text(table, rows) == buf.getvalue()
