"""Every processed letter as pandas DataFrames, in one call, for analysts; and SQL over the
corpus store.

    from compendium.explore import load_all
    c = load_all()                 # data/processed, or load_all("/some/processed_root")
    c.mentions[c.mentions.kind == "crime"]
    c.sql("SELECT kind, count(*) AS n FROM mentions GROUP BY kind ORDER BY n DESC")

Each table is the concatenation of that table over every letter (the columns
of docs/data-dictionary.md), with two columns put first: `letter_id` and
`letter_date`. They come from the corpus store (`data/processed/_corpus/`,
compendium.store): one Parquet file per table, so loading 512 letters reads six
files, not 2,560 CSVs, and checks no letter's tables again. A letter whose folder
changed since the store was written is read from its folder (through `report.load`,
so a folder that is not a processed letter stops with the same one-line message as
the notebooks). `notebooks/explore.ipynb` shows what to do with them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from . import store


@dataclass
class Corpus(store.Tables):
    """The processed letters, one DataFrame per table, every row tagged with its letter."""

    def __repr__(self) -> str:
        sizes = ", ".join(f"{f.name}: {len(getattr(self, f.name))} rows" for f in fields(self)
                          if f.name not in ("root", "arrow"))
        return f"<Corpus of {len(self.letters)} letters; {sizes}>"

    def text(self, letter_id: str, start: int, end: int) -> str:
        """clean.txt[start:end] of one letter (mentions and paragraphs carry these offsets)."""
        return (self.root / letter_id / "clean.txt").read_text(encoding="utf-8")[int(start):int(end)]

    def sentence(self, letter_id: str, mention_id: int) -> str:
        """The sentence a mention comes from (its text when it has no sentence)."""
        m = self.mentions[(self.mentions.letter_id == letter_id) & (self.mentions.mention_id == int(mention_id))].iloc[0]
        if pd.isna(m.sentence_start):
            return self.text(letter_id, m.start, m.end)
        return self.text(letter_id, m.sentence_start, m.sentence_end)

    def sql(self, query: str) -> pd.DataFrame:
        """A DuckDB query over the corpus store's tables, each by its name (letters, paragraphs,
        signatories, affiliations, mentions, timeline): the Parquet files as pyarrow read them
        (any other SQL client reads them with `read_parquet('data/processed/_corpus/<table>.parquet')`)."""
        import duckdb

        con = duckdb.connect()
        try:
            for name, table in self.arrow.items():
                con.register(name, table)
            return con.execute(query).df()
        finally:
            con.close()


def load_all(processed_root: str | Path | None = None) -> Corpus:
    """Every letter under `processed_root` (default: the project's data/processed), by date then id."""
    t = store.load_tables(processed_root)
    timeline = t.timeline.copy()
    for col in ("start", "end"):  # timeline day bounds as dates, for plotting on one axis
        timeline[col] = pd.to_datetime(timeline[col])
    return Corpus(t.root, t.letters, t.paragraphs, t.signatories, t.affiliations, t.mentions, timeline, t.arrow)
