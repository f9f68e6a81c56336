"""Every processed letter as pandas DataFrames, in one call, for analysts.

    from compendium.explore import load_all
    c = load_all()                 # data/processed, or load_all("/some/processed_root")
    c.mentions[c.mentions.kind == "crime"]

Each table is the concatenation of that table over every letter (the columns
of docs/data-dictionary.md), with two columns put first: `letter_id` and
`letter_date`. Letters are read through `report.load`, so a folder that is not
a processed letter stops with the same one-line message as the notebooks.
`notebooks/explore.ipynb` shows what to do with them.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .contract import TABLE_NAMES as TABLES
from .corpus import load_corpus
from .report import Letter


@dataclass
class Corpus:
    """The processed letters, one DataFrame per table, every row tagged with its letter."""

    letters: pd.DataFrame  # one row per letter: letter_id, date, subject, addressee, counts, source_sha256
    paragraphs: pd.DataFrame
    signatories: pd.DataFrame
    affiliations: pd.DataFrame
    mentions: pd.DataFrame
    timeline: pd.DataFrame
    objects: list[Letter]  # the same letters as report.Letter (text, meta), for the report functions

    def __repr__(self) -> str:
        sizes = ", ".join(f"{f.name}: {len(getattr(self, f.name))} rows" for f in fields(self) if f.name != "objects")
        return f"<Corpus of {len(self.letters)} letters; {sizes}>"

    def text(self, letter_id: str, start: int, end: int) -> str:
        """clean.txt[start:end] of one letter (mentions and paragraphs carry these offsets)."""
        return next(lt.text for lt in self.objects if lt.letter_id == letter_id)[int(start):int(end)]

    def sentence(self, letter_id: str, mention_id: int) -> str:
        """The sentence a mention comes from (its text when it has no sentence)."""
        return next(lt for lt in self.objects if lt.letter_id == letter_id).sentence(mention_id)


def _tagged(letter: Letter, df: pd.DataFrame) -> pd.DataFrame:
    out = df.copy()
    out.insert(0, "letter_date", letter.date)
    out.insert(0, "letter_id", letter.letter_id)
    return out


def load_all(processed_root: str | Path | None = None) -> Corpus:
    """Every letter under `processed_root` (default: the project's data/processed), by date then id."""
    letters = load_corpus(processed_root)
    meta = pd.DataFrame([{"letter_id": lt.letter_id, "date": lt.date, "subject": lt.meta.get("subject", ""),
                          "addressee": "; ".join(lt.meta.get("addressee", [])),
                          "signatory_count": int(lt.meta["signatory_count"]),
                          "paragraph_count": int(lt.meta["paragraph_count"]),
                          "source_sha256": lt.meta.get("source_sha256", "")} for lt in letters],
                        columns=["letter_id", "date", "subject", "addressee", "signatory_count",
                                 "paragraph_count", "source_sha256"])
    tables = {}
    for name in TABLES:
        frames = [_tagged(lt, getattr(lt, name)) for lt in letters]
        if frames:
            tables[name] = pd.concat(frames, ignore_index=True)
        else:  # no letters: empty tables that still have the columns
            tables[name] = pd.DataFrame(columns=["letter_id", "letter_date"])
    for col in ("start", "end"):  # timeline day bounds as dates, for plotting on one axis
        if col in tables["timeline"]:
            tables["timeline"][col] = pd.to_datetime(tables["timeline"][col])
    return Corpus(letters=meta, objects=letters, **tables)
