"""Declared schemas of the processed tables (pandera), built from the contract
(compendium.contract): every table is validated before it is written and when a
report loads it; the data dictionary (docs/data-dictionary.md) explains each
column in words."""

from __future__ import annotations

from pandera.pandas import Check, Column, DataFrameSchema

from . import contract


def _checks(spec: contract.Column) -> list[Check]:
    checks = []
    if spec.minimum is not None:
        checks.append(Check.ge(spec.minimum))
    if spec.values is not None:
        checks.append(Check.isin(spec.values))
    if spec.pattern is not None:
        checks.append(Check.str_matches(spec.pattern))
    if spec.nonempty:
        checks.append(Check.str_length(min_value=1))
    return checks


def _column(spec: contract.Column) -> Column:
    dtype = {contract.INT: int, contract.OPTIONAL_INT: "Int64", contract.TEXT: str}[spec.type]
    return Column(dtype, _checks(spec), nullable=spec.type == contract.OPTIONAL_INT, unique=spec.unique)


def _schema(name: str) -> DataFrameSchema:
    columns = {col: _column(spec) for col, spec in contract.TABLES[name].items()}
    return DataFrameSchema(columns, strict=True, ordered=True, name=name[: -len(".csv")], coerce=False)


TABLES = {name: _schema(name) for name in contract.TABLES}
PARAGRAPHS, SIGNATORIES, AFFILIATIONS, MENTIONS, TIMELINE = TABLES.values()
