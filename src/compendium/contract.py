"""The contract of a processed-letter folder: its files, its tables, their columns and
the closed vocabularies of those columns, stated once.

`compendium process` writes to it, the reports and `explore` read from it, and
docs/data-dictionary.md explains it in words (tests/test_contract.py checks that
every column of every table is documented there). Everything else derives from
this module: the pandera schemas (compendium.schemas), the dtypes `report.load`
gives the columns, the integer cells of tables.xlsx, the brat types of clean.ann.

Light on purpose: the standard library only (no pandas, no pandera), so the
build and the report kernels can read it before or without anything heavy.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

# --- closed vocabularies --------------------------------------------------------------

SECTIONS = ("header", "body", "heading", "closing", "signatures", "note", "cc")  # paragraphs.section
PRECISIONS = ("day", "week", "month", "season", "quarter", "half", "year", "decade", "century", "range")  # a date's precision
KINDS = ("date", "person", "organization", "ask", "quote", "crime")  # mentions.kind, in order at equal offsets
SIGNATORY_TYPES = ("person", "organization")
# The codebook's sectors (data/raw/codebook.csv); an organization not in it is UNCLASSIFIED.
SECTORS = ("advocacy", "academic", "think tank", "foundation", "government", "intergovernmental", "independent")
UNCLASSIFIED = "unclassified"
EVENT_SOURCES = ("letter", "context")  # timeline.source
# Who wrote a row: the parser, or line N of the letter's corrections file.
SOURCE_PATTERN = r"^(?:parser|correction \d+)$"
# brat standoff (clean.ann): the annotation type of each mention kind.
BRAT_TYPES = {"date": "Date", "person": "Person", "organization": "Organization",
              "ask": "Ask", "quote": "Quote", "crime": "Crime"}

# --- the tables -----------------------------------------------------------------------

INT = "int64"  # an integer in every row
OPTIONAL_INT = "Int64"  # an integer or empty
TEXT = "str"  # text; "" when empty


@dataclass(frozen=True)
class Column:
    """One column: its type and what every value must satisfy."""

    type: str = TEXT
    values: tuple[str, ...] | None = None  # the closed vocabulary
    pattern: str | None = None  # a regular expression every value matches
    minimum: int | None = None  # integers: the least value
    unique: bool = False
    nonempty: bool = False  # text: never ""

    @property
    def integer(self) -> bool:
        return self.type in (INT, OPTIONAL_INT)


_ID = Column(INT, minimum=1, unique=True)
_OFFSET = Column(INT, minimum=0)
_SOURCE = Column(pattern=SOURCE_PATTERN)
_DAY = Column(pattern=r"^\d{4}-\d{2}-\d{2}$")
_TIMEX = (r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-(SP|SU|FA|WI)|-Q[1-4]|-H[12])?$"  # a day, month, year, week, season, quarter, half
          r"|^\d{2,3}$"  # a century (19) or a decade (199)
          r"|^\d{4}(-\d{2}-\d{2})?/\d{4}(-\d{2}-\d{2})?$")  # an interval of days or of years

TABLES: dict[str, dict[str, Column]] = {
    "paragraphs.csv": {
        "paragraph_id": _ID,
        "section": Column(values=SECTIONS),
        "start": _OFFSET,
        "end": _OFFSET,
        "text": Column(nonempty=True),
    },
    "signatories.csv": {
        "signatory_id": _ID,
        "signatory_type": Column(values=SIGNATORY_TYPES),
        "name": Column(),
        "honorific": Column(),
        "given_name": Column(),
        "middle_name": Column(),
        "family_name": Column(),
        "suffix": Column(),
        "written": Column(nonempty=True),
        "start": _OFFSET,
        "end": _OFFSET,
        "source": _SOURCE,
    },
    "affiliations.csv": {
        "signatory_id": Column(INT, minimum=1),
        "signatory_type": Column(values=SIGNATORY_TYPES),
        "name": Column(),
        "title": Column(),
        "unit": Column(),
        "organization": Column(),
        "former": Column(values=("true", "false")),
        "sector": Column(values=(*SECTORS, UNCLASSIFIED)),
        "canonical_organization": Column(),
        "source": _SOURCE,
    },
    "mentions.csv": {
        "mention_id": _ID,
        "kind": Column(values=KINDS),
        "start": _OFFSET,
        "end": _OFFSET,
        "text": Column(nonempty=True),
        "value": Column(),
        "paragraph_id": Column(OPTIONAL_INT, minimum=1),
        "precision": Column(values=("", "ref", *PRECISIONS)),
        "rule": Column(),
        "sentence_start": Column(OPTIONAL_INT),
        "sentence_end": Column(OPTIONAL_INT),
        "ask_number": Column(OPTIONAL_INT, minimum=1),
        "source": _SOURCE,
    },
    "timeline.csv": {
        "event_id": _ID,
        "date": Column(pattern=_TIMEX),
        "start": _DAY,
        "end": _DAY,
        "precision": Column(values=PRECISIONS),
        "label": Column(nonempty=True),
        "source": Column(values=EVENT_SOURCES),
        "mention_id": Column(OPTIONAL_INT),
        "citation": Column(),
        "answers_ask": Column(OPTIONAL_INT, minimum=1),
    },
}
TABLE_NAMES = tuple(name[: -len(".csv")] for name in TABLES)  # "paragraphs", …: sheets, explore's tables


def integer_columns(table: str) -> tuple[str, ...]:
    """The integer columns of a table ("mentions.csv" or "mentions"), in order."""
    name = table if table.endswith(".csv") else f"{table}.csv"
    return tuple(c for c, spec in TABLES[name].items() if spec.integer)


# --- the files ------------------------------------------------------------------------

LETTER_KEYS = ("letter_id", "date", "addressee", "subject", "salutation", "closing", "paragraph_count",
               "signatory_count", "source_sha256", "removed", "unclassified_organizations", "corrections")
# What a report needs (compendium.report), and everything `compendium process` writes.
REPORT_FILES = ("clean.txt", "letter.json", *TABLES)
OUTPUT_FILES = (*REPORT_FILES, "clean.ann", "clean.tml", "tables.xlsx")


# --- checking rows against the contract --------------------------------------------------

def problem(table: str, rows: list[dict]) -> str | None:
    """The first way `rows` (dicts, one per row) break the contract of `table`, or None.

    What the pandera schemas (compendium.schemas) check, in plain Python: `compendium
    process` checks every table it builds without importing pandera (0.4 s of start-up,
    and as much again on its first validation); the reports check what they read with
    the schemas. tests/test_contract.py checks both refuse the same tables."""
    columns = TABLES[table]
    seen: dict[str, set] = {col: set() for col, spec in columns.items() if spec.unique}
    for i, row in enumerate(rows):
        where = f"row {i + 1}"
        for col, spec in columns.items():
            v = row.get(col)
            if spec.integer:
                if v is None and spec.type == OPTIONAL_INT:
                    continue
                if not isinstance(v, int) or isinstance(v, bool):
                    return f"{where}: column {col}: {v!r} is not an integer"
                if spec.minimum is not None and v < spec.minimum:
                    return f"{where}: column {col}: {v!r} is below {spec.minimum}"
            else:
                v = "" if v is None else str(v)
                if spec.values is not None and v not in spec.values:
                    return f"{where}: column {col}: {v!r} is not one of {', '.join(spec.values)}"
                if spec.pattern is not None and not re.match(spec.pattern, v):
                    return f"{where}: column {col}: {v!r} does not match {spec.pattern}"
                if spec.nonempty and not v:
                    return f"{where}: column {col}: empty"
            if spec.unique:
                if v in seen[col]:
                    return f"{where}: column {col}: {v!r} is not unique"
                seen[col].add(v)
    return None


def consistency_problem(tables: dict[str, list[dict]], text_length: int) -> tuple[str, str] | None:
    """The first way the tables of one letter (file name → rows) disagree with each other or with
    clean.txt, as (file name, problem), or None: what `report.load` checks besides the schemas
    (offsets within the text and in order, the timeline's dates, its mentions known)."""
    import datetime as dt

    for name, cols in (("paragraphs.csv", ("start", "end")), ("signatories.csv", ("start", "end")),
                       ("mentions.csv", ("start", "end", "sentence_start", "sentence_end"))):
        for i, row in enumerate(tables[name], 2):
            for col in cols:
                v = row.get(col)
                if v is not None and not 0 <= v <= text_length:
                    return name, f"line {i}: {col} {v} is beyond the end of clean.txt ({text_length} characters)"
            if row["start"] > row["end"]:
                return name, f"line {i}: start after end"
    for i, row in enumerate(tables["timeline.csv"], 2):
        for col in ("start", "end"):
            try:
                dt.date.fromisoformat(row[col])
            except (TypeError, ValueError):
                return "timeline.csv", f"line {i}: {col} {row[col]!r} is not a date"
        if row["start"] > row["end"]:
            return "timeline.csv", f"line {i}: start after end"
    known = {row["mention_id"] for row in tables["mentions.csv"]}
    for i, row in enumerate(tables["timeline.csv"], 2):
        if row.get("mention_id") is not None and row["mention_id"] not in known:
            return "timeline.csv", f"line {i}: mention_id {row['mention_id']} is not in mentions.csv"
    return None


def tables_digest(texts: dict[str, str]) -> str:
    """SHA-256 of a letter's tables and clean.txt as read (file name → text): what a check of them
    is remembered by (report.load, and the build's record of the letters `compendium process` checked)."""
    import hashlib

    h = hashlib.sha256()
    for name, text in texts.items():
        for part in (name, text):
            data = part.encode("utf-8", "surrogatepass")
            h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def csv_text(table: str, rows: list[dict]) -> str:
    """The rows as the table's CSV file: the contract's columns in order, integers as digits,
    an empty optional integer or text as an empty field (what pandas' to_csv wrote)."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    columns = TABLES[table]
    w.writerow(columns)
    for row in rows:
        w.writerow(["" if row.get(c) is None else str(row[c]) for c in columns])
    return out.getvalue()
