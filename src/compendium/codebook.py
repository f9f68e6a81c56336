"""The organization codebook (data/raw/codebook.csv): canonical names, aliases,
sectors, parents and the source of each classification.

An organization that is not in the codebook is never guessed: its sector is
`unclassified`, and the caller warns and lists it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import paths
from .contract import SECTORS, UNCLASSIFIED
from .errors import InputError
from .rawdata import read_curated_csv

COLUMNS = ("organization", "aliases", "sector", "parent", "source")


def normalise_name(name: str) -> str:
    """Comparison key: case, a leading 'The', punctuation and spacing do not matter."""
    s = name.lower().replace("’", "'").replace("&", " and ")
    s = re.sub(r"^the\s+", "", s.strip())
    s = re.sub(r"[^\w']+", " ", s)
    return re.sub(r"\s+", " ", s).strip()


@dataclass(frozen=True)
class Entry:
    organization: str
    aliases: tuple[str, ...]
    sector: str
    parent: str
    source: str

    @property
    def names(self) -> tuple[str, ...]:
        return (self.organization, *self.aliases)


class Codebook:
    def __init__(self, entries: list[Entry], where: str = "codebook"):
        self.entries = entries
        self._by_key: dict[str, Entry] = {}
        for e in entries:
            for n in e.names:
                key = normalise_name(n)
                other = self._by_key.get(key)
                if other is not None and other is not e:
                    raise InputError(where, f"alias {n!r} is listed for both {other.organization!r} and {e.organization!r}")
                self._by_key[key] = e

    def lookup(self, name: str) -> Entry | None:
        return self._by_key.get(normalise_name(name)) if name else None

    def classify(self, unit: str, organization: str) -> tuple[str, str]:
        """(canonical organization, sector) for an affiliation.

        The most specific known name wins: a unit in the codebook (the
        Clements Center within its university) before its organization.
        """
        for name in (unit, organization):
            e = self.lookup(name)
            if e is not None:
                return e.organization, e.sector
        if not organization and not unit:
            return "", "independent"
        return organization or unit, UNCLASSIFIED

    def surface_forms(self) -> list[tuple[str, Entry]]:
        """Every name and alias, longest first (for matching in text)."""
        forms = [(n, e) for e in self.entries for n in e.names]
        return sorted(forms, key=lambda f: (-len(f[0]), f[0]))


def load(path: Path | None = None) -> Codebook:
    path = Path(path) if path else paths.codebook_path()
    if not path.exists():
        raise InputError(path, "codebook not found")
    reader = read_curated_csv(path, COLUMNS)
    entries = []
    for n, row in enumerate(reader, start=2):
        org = (row["organization"] or "").strip()
        sector = (row["sector"] or "").strip()
        if not org:
            raise InputError(f"{path}:{n}", "empty organization name")
        if sector not in SECTORS:
            raise InputError(f"{path}:{n}", f"unknown sector {sector!r} for {org!r}; use one of: {', '.join(SECTORS)}")
        aliases = tuple(a.strip() for a in (row["aliases"] or "").split("|") if a.strip())
        entries.append(Entry(org, aliases, sector, (row["parent"] or "").strip(), (row["source"] or "").strip()))
    return Codebook(entries, where=str(path))
