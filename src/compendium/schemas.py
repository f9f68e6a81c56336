"""Declared schemas of the processed tables (pandera). Every table is validated
before it is written; the data dictionary (docs/data-dictionary.md) explains
each column in words."""

from __future__ import annotations

from pandera.pandas import Check, Column, DataFrameSchema

from .annotate import KINDS
from .codebook import SECTORS, UNCLASSIFIED

SECTIONS = ("header", "body", "heading", "closing", "signatures", "note", "cc")
PRECISIONS = ("day", "week", "month", "season", "year", "range")
_TEXT = {"nullable": False}


def _schema(columns: dict, name: str) -> DataFrameSchema:
    return DataFrameSchema(columns, strict=True, ordered=True, name=name, coerce=False)


PARAGRAPHS = _schema({
    "paragraph_id": Column(int, Check.ge(1), unique=True),
    "section": Column(str, Check.isin(SECTIONS)),
    "start": Column(int, Check.ge(0)),
    "end": Column(int, Check.ge(0)),
    "text": Column(str, Check.str_length(min_value=1)),
}, "paragraphs")

SIGNATORIES = _schema({
    "signatory_id": Column(int, Check.ge(1), unique=True),
    "signatory_type": Column(str, Check.isin(("person", "organization"))),
    "name": Column(str, **_TEXT),
    "honorific": Column(str, **_TEXT),
    "given_name": Column(str, **_TEXT),
    "middle_name": Column(str, **_TEXT),
    "family_name": Column(str, **_TEXT),
    "suffix": Column(str, **_TEXT),
    "written": Column(str, Check.str_length(min_value=1)),
    "start": Column(int, Check.ge(0)),
    "end": Column(int, Check.ge(0)),
    "source": Column(str, Check.str_matches(r"^(?:parser|correction \d+)$")),
}, "signatories")

AFFILIATIONS = _schema({
    "signatory_id": Column(int, Check.ge(1)),
    "signatory_type": Column(str, Check.isin(("person", "organization"))),
    "name": Column(str, **_TEXT),
    "title": Column(str, **_TEXT),
    "unit": Column(str, **_TEXT),
    "organization": Column(str, **_TEXT),
    "former": Column(str, Check.isin(("true", "false"))),
    "sector": Column(str, Check.isin((*SECTORS, UNCLASSIFIED))),
    "canonical_organization": Column(str, **_TEXT),
    "source": Column(str, Check.str_matches(r"^(?:parser|correction \d+)$")),
}, "affiliations")

MENTIONS = _schema({
    "mention_id": Column(int, Check.ge(1), unique=True),
    "kind": Column(str, Check.isin(KINDS)),
    "start": Column(int, Check.ge(0)),
    "end": Column(int, Check.ge(0)),
    "text": Column(str, Check.str_length(min_value=1)),
    "value": Column(str, **_TEXT),
    "paragraph_id": Column("Int64", Check.ge(1), nullable=True),
    "precision": Column(str, Check.isin(("", "ref", *PRECISIONS))),
    "rule": Column(str, **_TEXT),
    "sentence_start": Column("Int64", nullable=True),
    "sentence_end": Column("Int64", nullable=True),
    "ask_number": Column("Int64", Check.ge(1), nullable=True),
    "source": Column(str, Check.str_matches(r"^(?:parser|correction \d+)$")),
}, "mentions")

TIMELINE = _schema({
    "event_id": Column(int, Check.ge(1), unique=True),
    "date": Column(str, Check.str_matches(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2}|-(SP|SU|FA|WI))?$|^\d{4}-\d{2}-\d{2}/\d{4}-\d{2}-\d{2}$")),
    "start": Column(str, Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
    "end": Column(str, Check.str_matches(r"^\d{4}-\d{2}-\d{2}$")),
    "precision": Column(str, Check.isin(PRECISIONS)),
    "label": Column(str, Check.str_length(min_value=1)),
    "source": Column(str, Check.isin(("letter", "context"))),
    "mention_id": Column("Int64", nullable=True),
    "citation": Column(str, **_TEXT),
    "answers_ask": Column("Int64", Check.ge(1), nullable=True),
}, "timeline")

TABLES = {
    "paragraphs.csv": PARAGRAPHS,
    "signatories.csv": SIGNATORIES,
    "affiliations.csv": AFFILIATIONS,
    "mentions.csv": MENTIONS,
    "timeline.csv": TIMELINE,
}
